"""Shortlisting scrutiny in the record: a point reaches only its own stage's packs (its
section and each scoring member's sheet), a conflicted member's pack leaves it out;
retention blanks the words and keeps the facts; subject access gives it all back."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime

from docx import Document
from docx.document import Document as DocxDocument
from sqlalchemy import select

from recruit.domain.documents.interview_pack import POINTS_HEADING
from recruit.extensions import db
from recruit.models import (
    Candidate,
    ConflictOfInterest,
    CriterionAssessment,
    CriterionOutcome,
    PanelRole,
    PersonSpecCriterion,
    Role,
    ScrutinyKind,
    ScrutinyPoint,
    ShortlistingDecision,
)
from recruit.retention import anonymise
from recruit.subject_access import build_subject_access
from tests.support.factories import make_issued_stage, make_vacancy
from tests.support.forms import csrf_token_from
from tests.support.panel_web import Panel, build_panel, client_for

NOTED = "No employment listed between the Westshire and Eastshire posts"
EXPLORE = "Ask what the candidate did from March to September 2019"


def _add_point(panel: Panel, stage_id: int) -> ScrutinyPoint:
    point = ScrutinyPoint(
        candidate_id=panel.amara.id, stage_id=stage_id, kind=ScrutinyKind.GAP,
        from_date=date(2019, 3, 1), to_date=date(2019, 9, 30), noted=NOTED,
        to_explore=EXPLORE, recorded_by_id=panel.hr.id,
    )  # fmt: skip
    db.session.add(point)
    db.session.commit()
    return point


def _text(document: DocxDocument) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _pack(app, panel: Panel, stage_id: int, seat_id: int) -> DocxDocument:  # type: ignore[no-untyped-def]
    client = client_for(app, panel.hr)
    url = f"/vacancies/{panel.stage.vacancy_id}/stages/{stage_id}/packs/{seat_id}.docx"
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return Document(io.BytesIO(response.data))


def _seat_id(panel: Panel, user_id: int) -> int:
    return next(seat.id for seat in panel.stage.seats if seat.user_id == user_id)


def test_a_point_is_in_its_own_stages_packs_on_the_section_and_the_sheet(app, bank, make_user):
    panel = build_panel(app, make_user)
    _add_point(panel, panel.stage.id)
    document = _pack(app, panel, panel.stage.id, _seat_id(panel, panel.member.id))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert POINTS_HEADING in headings
    text = _text(document)
    assert "1 March 2019 to 30 September 2019 (about 6 months)" in text
    # Once in the section, once on Amara's scoring sheet; never on Tom's.
    assert text.count(EXPLORE) == 2
    sheet = text.split("Scoring sheet: Amara Okafor")[1].split("Scoring sheet:")[0]
    assert "From the application, explore:" in sheet and EXPLORE in sheet
    tom = text.split("Scoring sheet: Tom Reid")[1]
    assert EXPLORE not in tom
    # The HR adviser does not score: the section alone.
    adviser = _text(_pack(app, panel, panel.stage.id, _seat_id(panel, panel.hr.id)))
    assert adviser.count(EXPLORE) == 1


def test_another_stages_pack_and_a_conflicted_members_pack_leave_it_out(app, bank, make_user):
    panel = build_panel(app, make_user)
    outsider = make_user(Role.PANEL, name="Stakeholder Member")
    other = make_issued_stage(
        app,
        panel.stage.vacancy, seats=[(outsider, PanelRole.CHAIR)],
        questions=["decisions-own-risk-01"], name="Stakeholder panel",
    )  # fmt: skip
    _add_point(panel, panel.stage.id)
    db.session.add(
        ConflictOfInterest(user_id=panel.other.id, candidate_id=panel.amara.id, description="x")
    )
    db.session.commit()
    other_pack = _pack(app, panel, other.id, other.seats[0].id)
    assert EXPLORE not in _text(other_pack) and POINTS_HEADING not in _text(other_pack)
    conflicted = _text(_pack(app, panel, panel.stage.id, _seat_id(panel, panel.other.id)))
    assert EXPLORE not in conflicted


def _decision(panel: Panel) -> ShortlistingDecision:
    criterion = PersonSpecCriterion(
        vacancy_id=panel.stage.vacancy_id, position=1, text="Social Work England registration",
        essential=True, assessed_by=["application"],
    )  # fmt: skip
    db.session.add(criterion)
    db.session.flush()
    decision = ShortlistingDecision(
        candidate_id=panel.amara.id, shortlisted=True, reasons="Meets every essential criterion",
        decided_by_id=panel.hr.id,
    )  # fmt: skip
    decision.assessments.append(
        CriterionAssessment(
            criterion_id=criterion.id, outcome=CriterionOutcome.MET, evidence="Registered 2009"
        )
    )
    db.session.add(decision)
    db.session.commit()
    return decision


def test_anonymising_blanks_the_words_and_keeps_the_facts(app, bank, make_user):
    panel = build_panel(app, make_user)
    point = _add_point(panel, panel.stage.id)
    point.explanation = "Caring for a parent"
    _decision(panel)

    anonymise(panel.amara, datetime(2027, 1, 1, tzinfo=UTC))
    db.session.commit()

    point = db.session.scalars(select(ScrutinyPoint)).one()
    assert (point.noted, point.to_explore, point.explanation) == ("", "", None)
    assert point.from_date == date(2019, 3, 1) and point.kind is ScrutinyKind.GAP
    decision = db.session.scalars(select(ShortlistingDecision)).one()
    assert decision.reasons == "" and decision.shortlisted
    assert decision.assessments[0].evidence == ""
    assert decision.assessments[0].outcome is CriterionOutcome.MET


def test_the_subject_access_export_gives_the_scrutiny_back(app, bank, make_user):
    panel = build_panel(app, make_user)
    _add_point(panel, panel.stage.id)
    _decision(panel)
    with app.test_request_context():
        export = build_subject_access(panel.amara.id)
        document = export.document
        data = export.zip_bytes()
    record = document["shortlisting"]
    (point,) = record["points_noted"]
    assert point["noted"] == NOTED and point["to_explore"] == EXPLORE
    assert point["explored_at"] == "Final panel" and point["from"] == "2019-03-01"
    assert point["noted_by"].startswith("Staff member") or "Panel member" in point["noted_by"]
    decision = record["decision"]
    assert decision["shortlisted"] is True
    assert decision["criteria"] == [
        {"criterion": "Social Work England registration", "outcome": "Met",
         "evidence": "Registered 2009"}
    ]  # fmt: skip
    assert "Harriet" not in str(record)
    for table in ("scrutiny_point", "shortlisting_decision", "criterion_assessment"):
        assert table in document["covered_tables"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        word = Document(io.BytesIO(archive.read("subject-access.docx")))
    text = _text(word)
    assert "Shortlisting decision" in text and "Registered 2009" in text and EXPLORE in text


def test_a_candidate_cannot_be_imported_as_not_shortlisted(app, bank, make_user):
    """Not shortlisting needs the decision with its reasons, so an import cannot set it."""
    hr = make_user(Role.HR)
    vacancy = make_vacancy(hr)
    client = client_for(app, hr)
    upload = (
        "first_name,last_name,email,phone,current_role,current_employer,application_date,"
        "status,notes\r\nTom,Reid,tom@example.com,,,,,Not shortlisted,\r\n"
    )
    url = f"/vacancies/{vacancy.id}/candidates/import"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    response = client.post(
        url,
        data={"csrf_token": token, "file": (io.BytesIO(upload.encode()), "candidates.csv")},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert "cannot be imported as not shortlisted" in page and "record the shortlisting" in page
    assert db.session.scalar(select(Candidate).where(Candidate.first_name == "Tom")) is None
