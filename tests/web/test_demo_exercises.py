"""The demo's assessment: the appointment panel hears the presentation candidates prepared
from the brief sent in advance, scored on its two attributes with its own notes; the packs
page offers that brief; the vacancy's timetable shows each panel's day. The assessment day
runs the young people's and stakeholder panels as a carousel, the young people's panel with
its Family Safeguarding conversation and the school-hours agreement recorded."""

from __future__ import annotations

from sqlalchemy import select

from recruit.cli.demo import DEMO_VACANCY_TITLE
from recruit.extensions import db
from recruit.models import Role, Score, ScoreSheet, StageRole, Vacancy
from tests.support.panel_web import client_for

# The DCS campaign: the demo also has a year of past vacancies (recruit.cli.demo_equality).
DEMO_VACANCY = select(Vacancy).where(Vacancy.title == DEMO_VACANCY_TITLE)

PRESENTATION = "presentation-first-hundred-days-values-01"


def test_the_appointment_panel_scores_the_presentation_and_offers_its_brief(app, make_user):
    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalar(DEMO_VACANCY)
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


FAMILY_SAFEGUARDING_ACTIVITY = "young-people-family-safeguarding-workers-who-help-01"


def test_the_assessment_day_is_a_carousel_with_the_young_peoples_activity(app, make_user):
    from recruit.cli.demo_scoring import interview_ends
    from recruit.cli.demo_timeline import demo_timeline, later
    from recruit.stages.packs import school_hours_warning_for, vacancy_timetable

    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalar(DEMO_VACANCY)
    young_people, stakeholders, _appointment = vacancy.stages
    # Both advisory panels on one day, each starting with a different candidate, no clash.
    timetable = vacancy_timetable(vacancy)
    assert timetable.clashes == ()
    first, second = timetable.stages[:2]
    assert first.order[0] != second.order[0] and set(first.order) == set(second.order)
    assert first.break_span is not None and first.break_span == second.break_span
    # Every sheet was submitted in the gap after the candidate's own interview there.
    timeline = demo_timeline()
    for stage in (young_people, stakeholders):
        for candidate in vacancy.candidates:
            ended = interview_ends(stage, 0, timeline, candidate)
            moments = db.session.scalars(
                select(ScoreSheet.submitted_at).where(
                    ScoreSheet.candidate_id == candidate.id,
                    ScoreSheet.seat_id.in_([seat.id for seat in stage.seats]),
                )
            ).all()
            assert moments and all(ended < moment <= later(ended, 15) for moment in moments)
    # The young people's conversation: in the plan, unscored, briefed to candidates.
    assert [a.exercise_id for a in young_people.activities] == [FAMILY_SAFEGUARDING_ACTIVITY]
    assert young_people.activities[0].frozen_content["traffic_light"]["green"]
    # The day is in school hours, agreed with the young people and their schools.
    assert school_hours_warning_for(young_people) == ""
    hr = client_for(app, make_user(Role.HR))
    base = f"/vacancies/{vacancy.id}/stages/{young_people.id}"
    page = hr.get(base).get_data(as_text=True)
    assert 'id="school-hours-agreed"' in page and "participation lead, agreed the day" in page
    assert hr.get(f"{base}/candidate-brief.docx").status_code == 200
