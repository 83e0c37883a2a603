"""Refusals say what to do, in the app's own terms: the wait after too many sign-in attempts
is the configured window, and a command given an id no record can have says so plainly."""

from __future__ import annotations

import pytest

from recruit.models import Role
from tests.conftest import TEST_PASSWORD
from tests.support.forms import sign_in


def test_the_too_many_attempts_page_names_the_configured_wait(client, make_user, app):
    app.config["LOGIN_ATTEMPT_WINDOW_MINUTES"] = 7
    user = make_user(Role.HR)
    for _ in range(app.config["LOGIN_ATTEMPT_LIMIT"]):
        sign_in(client, user.email, "wrong password 123")
    refused = sign_in(client, user.email, TEST_PASSWORD)
    assert refused.status_code == 429
    page = refused.get_data(as_text=True)
    assert "Wait 7 minutes" in page and "15 minutes" not in page


@pytest.mark.parametrize(
    "arguments",
    [
        ["sar", "9223372036854775808", "--out", "x.zip"],
        ["vacancy", "export", "99999999999999999999999", "--out", "x.json"],
        ["export", "summary", "--vacancy", "2147483648", "--out", "x.docx"],
        ["export", "pack", "--vacancy", "1", "--stage", "-99999999999999", "--out", "x.docx"],
        ["summary", "--vacancy", "0", "--format", "json"],
    ],
    ids=["sar", "vacancy-export", "summary-docx", "pack-stage", "summary-json-zero"],
)
def test_a_command_given_an_impossible_id_says_so_without_a_traceback(app, bank, arguments):
    result = app.test_cli_runner().invoke(args=arguments)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "is not in the range 1<=x<=2147483647" in result.output
