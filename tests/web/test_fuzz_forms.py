"""Hostile text into the main forms: never a 500, never an unescaped script, data kept or a
clear error (security items 8, 11 and 14). Hypothesis picks the text; the payload list
makes sure the classic cases are always tried."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from recruit.models import PanelRole, Role
from recruit.stages.plan import issue_plan
from tests.support.factories import make_candidate, make_stage, make_vacancy
from tests.support.forms import csrf_token_from

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "@import",
    "\u202eevil\u202c right-to-left \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "emoji \U0001f9d2\U0001f3fd\u200d\U0001f467 \U0001f600",
    "control \x00\x01\x08\x0b\x0c\x1f\x7f characters",
    "a" * 100_000,
    "line one\r\nline two\rthree",
]
HOSTILE = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=300))
FUZZ = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SCRIPT = re.compile(r"<script>alert\(1\)</script>|<img src=x onerror", re.IGNORECASE)


def _post(client, url, data):  # type: ignore[no-untyped-def]
    page = client.get(url).get_data(as_text=True)
    version = re.search(r'name="lock_version"[^>]*value="([^"]*)"', page)
    fields = {"csrf_token": csrf_token_from(page), **data}
    if version:
        fields["lock_version"] = version.group(1)
    response = client.post(url, data=fields, follow_redirects=True)
    return response.status_code, response.get_data(as_text=True)


def _assert_safe(status: int, page: str) -> None:
    assert status < 500, page[:500]
    assert not SCRIPT.search(page), "a script payload came back unescaped"


@FUZZ
@given(text=HOSTILE)
@example(text="\x00")
def test_vacancy_form(bank, signed_in, text):
    client, _ = signed_in(Role.HR)
    data = {
        "title": text, "role_level": "dcs", "service_area": text,
        "innovation": "family_safeguarding", "salary_range": text, "contract": "permanent",
        "location": text, "closing_date": ["27", "3", "2027"], "interview_dates": text,
        "hiring_manager": text, "status": "draft",
    }  # fmt: skip
    _assert_safe(*_post(client, "/vacancies/new", data))


@FUZZ
@given(text=HOSTILE)
def test_candidate_form(bank, signed_in, make_user, text):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    data = {
        "first_name": text, "last_name": text, "email": "someone@example.com",
        "current_role": text, "current_employer": text, "notes": text, "status": "applied",
    }  # fmt: skip
    _assert_safe(*_post(client, f"/vacancies/{vacancy.id}/candidates/new", data))


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
    _assert_safe(*_post(client, url, data))


@FUZZ
@given(text=HOSTILE)
def test_profile_workbook(bank, signed_in, text):
    client, _ = signed_in(Role.PANEL)
    status, page = _post(client, "/profiles/new", {"title": text[:150] or "x"})
    _assert_safe(status, page)
    match = re.search(r"/profiles/(\d+)", page)
    if match:
        url = f"/profiles/{match.group(1)}/attributes/values"
        _assert_safe(*_post(client, url, {"rating": "4", "reflection_0": text}))


def test_a_nul_in_a_query_string_is_dropped(bank, signed_in):
    client, _ = signed_in(Role.ADMIN)
    assert client.get("/questions?q=value%00s").status_code == 200
    assert client.get("/admin/audit?actor=%00").status_code == 200
