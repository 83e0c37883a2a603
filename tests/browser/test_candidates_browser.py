"""HR imports candidates from a CSV file in Chromium: errors, the check page, confirmation; axe on each."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from recruit.models import Role
from tests.browser.test_shell import _sign_in
from tests.support.factories import make_vacancy

pytestmark = pytest.mark.browser

GOOD = (
    "first_name,last_name,email\r\nAmara,Okafor,amara@example.com\r\nTom,Reid,tom@example.com\r\n"
)
BAD = "first_name,last_name,email\r\nAmara,Okafor,not-an-email\r\n"


def test_import_candidates(page, bank, make_user, live_server, axe_check, tmp_path):
    hr = make_user(Role.HR, name="Harriet HR")
    vacancy_id = make_vacancy(hr).id
    _sign_in(page, live_server, str(hr.email))
    page.goto(f"{live_server}/vacancies/{vacancy_id}/candidates")
    axe_check(page)
    page.get_by_role("button", name="Import from a CSV file").click()
    axe_check(page)

    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    page.get_by_label("Upload a CSV file").set_input_files(str(bad))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("Row 2, column ‘email’")).to_be_visible()
    axe_check(page)

    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    page.get_by_label("Upload a CSV file").set_input_files(str(good))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Check the 2 candidates to import")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Import these candidates").click()
    expect(page.get_by_text("2 candidates imported")).to_be_visible()
    expect(page.get_by_role("cell", name="C-02", exact=True)).to_be_visible()
    axe_check(page)
