"""The results pages ask the database the same number of questions however big the panel:
a query per member (naming them, or reading their moderation records) would grow with it."""

from __future__ import annotations

import pytest

from recruit.extensions import db
from recruit.models import PanelRole, Role, StageModeration
from tests.conftest import TEST_PASSWORD
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)
from tests.support.forms import sign_in
from tests.web.test_bank_request_cache import StatementCounter

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _moderated_vacancy(app, make_user, panel_size: int):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR))
    candidates = [
        make_candidate(vacancy, "Amara", "Okafor"),
        make_candidate(vacancy, "Tom", "Reid"),
    ]
    members = [make_user(Role.PANEL, name=f"Member {n}") for n in range(panel_size)]
    seats = [(members[0], PanelRole.CHAIR)] + [(m, PanelRole.MEMBER) for m in members[1:]]
    stage = make_issued_stage(app, vacancy, name="Interview", seats=seats, questions=QUESTIONS)
    for member in members:
        for candidate in candidates:
            submit_sheet(stage, member, candidate, [4, 3])
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    return vacancy, members[0]


def _statements(app, vacancy, chair, page: str) -> int:  # type: ignore[no-untyped-def]
    client = app.test_client()
    assert sign_in(client, chair.email, TEST_PASSWORD).status_code == 302
    url = f"/vacancies/{vacancy.id}/{page}"
    assert client.get(url).status_code == 200  # the bank and the session row, read once
    db.session.close()
    with StatementCounter() as statements:
        assert client.get(url).status_code == 200
    return statements.count


@pytest.mark.parametrize("page", ["summary", "comparison"])
def test_statements_do_not_grow_with_the_panel(app, bank, make_user, page):
    counts = []
    for panel_size in (2, 5):
        vacancy, chair = _moderated_vacancy(app, make_user, panel_size)
        counts.append(_statements(app, vacancy, chair, page))
    assert counts[0] == counts[1], counts
