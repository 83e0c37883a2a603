"""Panel members see only the stages they sit on; packs and conflicts of interest."""

from __future__ import annotations

import io

from docx import Document
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, ConflictOfInterest, PanelRole, Role
from recruit.stages.plan import issue_plan
from tests.support.factories import make_candidate, make_stage, make_vacancy
from tests.support.forms import submit_form


def _campaign(make_user, member, *, hide_names=False):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR), hide_candidate_names=hide_names)
    make_candidate(vacancy, "Amara", "Okafor")
    make_candidate(vacancy, "Tom", "Reid")
    stage = make_stage(
        vacancy,
        seats=[(member, PanelRole.MEMBER), (make_user(Role.PANEL, name="Chair"), PanelRole.CHAIR)],
        questions=["values-personal-values-01", "decisions-own-risk-01"],
    )
    return vacancy, stage


def test_member_sees_their_stage_with_names_or_codes(bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    _campaign(make_user, member)
    page = client.get("/interviews").get_data(as_text=True)
    assert (
        "Final panel" in page
        and "Amara Okafor (C-01)" in page
        and "pack will be ready when" in page
    )


def test_hidden_names_show_codes_only(bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    _campaign(make_user, member, hide_names=True)
    page = client.get("/interviews").get_data(as_text=True)
    assert "C-01" in page and "Okafor" not in page and "names are hidden" in page


def test_member_downloads_only_their_own_pack(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    _vacancy, stage = _campaign(make_user, member)
    with app.test_request_context():
        issue_plan(stage)
    db.session.commit()
    response = client.get(f"/interviews/{stage.id}/pack.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Chairing the panel" not in text
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "pack.exported"))


def test_people_off_the_panel_get_404_everywhere(bank, signed_in, make_user):
    member = make_user(Role.PANEL, name="On the panel")
    vacancy, stage = _campaign(make_user, member)
    client, _outsider = signed_in(Role.PANEL)
    assert "You are not on any interview panel yet" in client.get("/interviews").get_data(
        as_text=True
    )
    assert client.get(f"/interviews/{stage.id}/pack.docx").status_code == 404
    assert (
        client.get(
            f"/interviews/{stage.id}/candidates/{vacancy.candidates[0].id}/conflict"
        ).status_code
        == 404
    )


def test_declaring_a_conflict_is_recorded_once(bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    vacancy, stage = _campaign(make_user, member)
    candidate = vacancy.candidates[0]
    url = f"/interviews/{stage.id}/candidates/{candidate.id}/conflict"
    empty = submit_form(client, url, {"description": ""})
    assert "Describe the conflict of interest" in empty.get_data(as_text=True)
    assert (
        submit_form(client, url, {"description": "I line-managed her until 2024"}).status_code
        == 302
    )
    assert "Declared: you will not score" in client.get("/interviews").get_data(as_text=True)
    page = client.get(url).get_data(as_text=True)
    assert (
        "You declared a conflict with this candidate" in page
        and "I line-managed her until 2024" in page
    )
    assert len(db.session.scalars(select(ConflictOfInterest)).all()) == 1
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "conflict.declared"))


def test_candidate_of_another_vacancy_is_404(bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    _vacancy, stage = _campaign(make_user, member)
    other = make_vacancy(make_user(Role.HR), title="Another post")
    stranger = make_candidate(other, "Sam", "Other")
    assert (
        client.get(f"/interviews/{stage.id}/candidates/{stranger.id}/conflict").status_code == 404
    )


def test_a_declared_conflict_removes_that_candidates_scoring_sheet_from_the_pack(
    app, bank, signed_in, make_user
):
    client, member = signed_in(Role.PANEL)
    vacancy, stage = _campaign(make_user, member)
    with app.test_request_context():
        issue_plan(stage)
    db.session.add(
        ConflictOfInterest(
            user_id=member.id, candidate_id=vacancy.candidates[0].id, description="Line manager"
        )
    )
    db.session.commit()
    text = "\n".join(
        p.text
        for p in Document(
            io.BytesIO(client.get(f"/interviews/{stage.id}/pack.docx").data)
        ).paragraphs
    )
    assert "Scoring sheet: Tom Reid (C-02)" in text
    assert "Scoring sheet: Amara Okafor (C-01)" not in text


def test_hostile_candidate_and_stage_names_are_escaped(bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    vacancy = make_vacancy(make_user(Role.HR))
    make_candidate(vacancy, "<script>alert(1)</script>", "O'Neil")
    make_stage(vacancy, name="<img src=x onerror=alert(1)>", seats=[(member, PanelRole.MEMBER)])
    page = client.get("/interviews").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    hr_client, _hr = signed_in(Role.HR)
    listing = hr_client.get(f"/vacancies/{vacancy.id}/candidates").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in listing and "&lt;script&gt;" in listing
