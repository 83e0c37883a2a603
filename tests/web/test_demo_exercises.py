"""The demo's assessment: the appointment panel hears the presentation candidates prepared
from the brief sent in advance, scored on its two attributes with its own notes; the packs
page offers that brief; the vacancy's timetable shows each panel's day."""

from __future__ import annotations

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import Role, Score, StageRole, Vacancy
from tests.support.panel_web import client_for

PRESENTATION = "presentation-first-hundred-days-values-01"


def test_the_appointment_panel_scores_the_presentation_and_offers_its_brief(app, make_user):
    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalar(select(Vacancy))
    (appointment,) = [s for s in vacancy.stages if s.role is StageRole.DECIDING]
    lines = [item for item in appointment.items if item.exercise_id == PRESENTATION]
    assert [item.exercise_attribute for item in lines] == ["values", "practice-culture"]
    assert all(item.frozen_content and item.frozen_content["exercise"] for item in lines)
    notes = db.session.scalars(
        select(Score.evidence).where(Score.plan_item_id.in_([item.id for item in lines]))
    ).all()
    assert notes and all(note.startswith("In the presentation: ") for note in notes)

    hr = client_for(app, make_user(Role.HR))
    base = f"/vacancies/{vacancy.id}/stages/{appointment.id}"
    assert 'id="candidate-brief"' in hr.get(f"{base}/packs").get_data(as_text=True)
    assert hr.get(f"{base}/candidate-brief.docx").status_code == 200
    timetable = hr.get(f"/vacancies/{vacancy.id}/timetable").get_data(as_text=True)
    assert "Appointment panel" in timetable and "Young people&#39;s panel" in timetable
