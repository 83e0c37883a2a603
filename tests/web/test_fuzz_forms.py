"""Hostile text into the main forms: never a 500, never an unescaped script, data kept or a
clear error (security items 8, 11 and 14). Hypothesis picks the text; the payload list
makes sure the classic cases are always tried."""

from __future__ import annotations

import re

from hypothesis import example, given

from recruit.models import PanelRole, Role
from recruit.stages.plan import issue_plan
from tests.support.factories import make_candidate, make_stage, make_vacancy
from tests.support.hostile_text import FUZZ, HOSTILE, assert_safe_page, post_form


@FUZZ
@given(text=HOSTILE)
@example(text="\x00")
def test_vacancy_form(bank, signed_in, text):
    client, _ = signed_in(Role.HR)
    data = {
        "title": text, "role_level": "dcs", "service_area": text,
        "innovation": "family_safeguarding", "salary_range": text, "contract": "permanent",
        "location": text, "closing_date": ["27", "3", "2027"], "interview_dates": text,
        "hiring_manager": text, "job_reference": text, "status": "draft",
    }  # fmt: skip
    assert_safe_page(*post_form(client, "/vacancies/new", data))


@FUZZ
@given(text=HOSTILE)
def test_candidate_form(bank, signed_in, make_user, text):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    data = {
        "first_name": text, "last_name": text, "email": "someone@example.com",
        "current_role": text, "current_employer": text, "notes": text, "status": "applied",
    }  # fmt: skip
    assert_safe_page(*post_form(client, f"/vacancies/{vacancy.id}/candidates/new", data))


@FUZZ
@given(text=HOSTILE)
def test_score_sheet_evidence(app, bank, signed_in, make_user, text):
    client, member = signed_in(Role.PANEL)
    vacancy = make_vacancy(make_user(Role.HR))
    candidate = make_candidate(vacancy, "Amara", "Okafor")
    stage = make_stage(
        vacancy, seats=[(member, PanelRole.MEMBER)], questions=["values-personal-values-01"]
    )
    with app.test_request_context():
        issue_plan(stage)
    from recruit.extensions import db

    db.session.commit()
    item = stage.items[0]
    url = f"/interviews/{stage.id}/candidates/{candidate.id}/score"
    data = {f"score_{item.id}": "4", f"evidence_{item.id}": text, "save_draft": "x"}
    assert_safe_page(*post_form(client, url, data))


@FUZZ
@given(text=HOSTILE)
def test_profile_workbook(bank, signed_in, text):
    client, _ = signed_in(Role.PANEL)
    status, page = post_form(client, "/profiles/new", {"title": text[:150] or "x"})
    assert_safe_page(status, page)
    match = re.search(r"/profiles/(\d+)", page)
    if match:
        url = f"/profiles/{match.group(1)}/attributes/values"
        assert_safe_page(*post_form(client, url, {"rating": "4", "reflection_0": text}))


def test_a_nul_in_a_query_string_is_dropped(bank, signed_in):
    client, _ = signed_in(Role.ADMIN)
    assert client.get("/questions?q=value%00s").status_code == 200
    assert client.get("/admin/audit?actor=%00").status_code == 200
