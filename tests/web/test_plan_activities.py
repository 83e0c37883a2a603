"""Young people's activities in a young people's panel's plan: added from the exercises page,
timed in the slot but never scored; issued as the activity stood; printed in the panel's
packs with what the young people look for and the colours they choose from; briefed to
candidates where the brief goes in advance; refused at any other panel."""

from __future__ import annotations

import io

from docx import Document
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, PlanActivity, Role, StageType
from recruit.results.consolidation import consolidate_stage
from tests.support.factories import make_candidate, make_stage, make_vacancy, submit_sheet
from tests.support.forms import csrf_token_from
from tests.support.panel_web import client_for
from tests.support.plan_web import add_from_exercises, issue_anyway, plan_url

PITCH = "young-people-what-would-you-change-01"  # 20 minutes; the brief on the day
OWN_QUESTIONS = "young-people-our-own-questions-01"  # 30 minutes; the brief in advance
PRESENTATION = "presentation-first-hundred-days-values-01"
QUESTION = "values-personal-values-01"
REASON = "These tests look at activities only"


def _scene(app, make_user, stage_type=StageType.YOUNG_PEOPLES_PANEL):  # type: ignore[no-untyped-def]
    hr = make_user(Role.HR, name="Harriet HR")
    chair = make_user(Role.PANEL, name="Priya Chair")
    young = make_user(Role.PANEL, name="Jordan Young")
    vacancy = make_vacancy(hr)
    stage = make_stage(
        vacancy,
        name="Young people's panel",
        stage_type=stage_type,
        duration_minutes=25,
        seats=[(chair, PanelRole.CHAIR), (young, PanelRole.YOUNG_PEOPLES_PANEL)],
        questions=[QUESTION],
    )
    return hr, chair, young, vacancy, stage


def _remove(client, stage, activity_id):  # type: ignore[no-untyped-def]
    token = csrf_token_from(client.get(plan_url(stage)).get_data(as_text=True))
    url = f"{plan_url(stage)}/activities/{activity_id}/remove"
    return client.post(url, data={"csrf_token": token}, follow_redirects=True)


def _activities(stage) -> list[PlanActivity]:  # type: ignore[no-untyped-def]
    db.session.expire_all()
    return list(stage.activities)


def test_a_young_peoples_panel_adds_an_activity_timed_and_not_scored(app, bank, make_user):
    hr, _, _, _, stage = _scene(app, make_user)
    client = client_for(app, hr)
    listing = client.get(f"{plan_url(stage)}/exercises").get_data(as_text=True)
    young = listing.split("Young people&#39;s activities</caption>")[1].split("</table>")[0]
    assert PITCH in young and "<form" in young  # addable here, unlike at other panels

    page = add_from_exercises(client, stage, PITCH).get_data(as_text=True)
    assert "Your pitch: what would you change for us? added to the plan: not scored" in page
    assert [(a.exercise_id, a.minutes, a.position) for a in _activities(stage)] == [(PITCH, 20, 1)]
    assert [item.question_id for item in stage.items] == [QUESTION]  # no scored line
    assert 'id="plan-activities"' in page
    # Its 20 minutes count in the slot: with the question's, over the 25 minutes set.
    question_minutes = stage.items[0].minutes
    assert f"{question_minutes + 20} of 25 minutes planned" in page
    assert "minutes of questions and activities planned for a 25-minute slot" in page
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "plan.activity_added"))
    assert event is not None and event.detail["exercise_id"] == PITCH


def test_an_activity_is_refused_at_any_other_panel(app, bank, make_user):
    hr, _, _, _, stage = _scene(app, make_user, stage_type=StageType.STAKEHOLDER_PANEL)
    client = client_for(app, hr)
    page = add_from_exercises(client, stage, PITCH).get_data(as_text=True)
    assert "add it to a young people&#39;s panel" in page
    assert _activities(stage) == []


def test_an_activity_is_removed_until_the_plan_is_issued(app, bank, make_user):
    hr, _, _, _, stage = _scene(app, make_user)
    client = client_for(app, hr)
    add_from_exercises(client, stage, PITCH)
    add_from_exercises(client, stage, OWN_QUESTIONS)
    pitch, own = _activities(stage)
    page = _remove(client, stage, pitch.id).get_data(as_text=True)
    assert "Activity removed from the plan" in page
    assert [(a.exercise_id, a.position) for a in _activities(stage)] == [(OWN_QUESTIONS, 1)]
    assert _remove(client, stage, 2**31 - 1).status_code == 404

    assert issue_anyway(client, stage, REASON).status_code == 302
    page = _remove(client, stage, own.id).get_data(as_text=True)
    assert "This plan has been issued" in page
    assert [a.exercise_id for a in _activities(stage)] == [OWN_QUESTIONS]
    assert 'formaction="' not in page.split('id="plan-activities"')[1].split("</ul>")[0]


def test_issue_keeps_the_activity_as_it_stood_and_no_sheet_scores_it(app, bank, make_user):
    hr, chair, _, vacancy, stage = _scene(app, make_user)
    client = client_for(app, hr)
    add_from_exercises(client, stage, PITCH)
    assert issue_anyway(client, stage, REASON).status_code == 302
    (activity,) = _activities(stage)
    content = activity.frozen_content
    assert content["title"] == "Your pitch: what would you change for us?"
    assert content["traffic_light"]["why_prompt"] == (
        "Which part of their pitch made you choose this colour?"
    )
    assert content["worries"][0].startswith("Ignores the young people's list")
    assert len(content["what_good_looks_like"]) == 6  # values, then practice and culture
    issued = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "plan.issued"))
    assert issued is not None and PITCH in issued.detail["questions"]

    amara = make_candidate(vacancy)
    sheet = client_for(app, chair).get(f"/interviews/{stage.id}/candidates/{amara.id}/score")
    assert sheet.status_code == 200 and "Your pitch" not in sheet.get_data(as_text=True)
    submit_sheet(stage, chair, amara, [4])
    result = consolidate_stage(stage).result.candidates[0]
    assert [a.attribute for a in result.attributes if a.result is not None] == ["values"]


def test_the_young_persons_pack_prints_the_activity_in_their_words(app, bank, make_user):
    hr, _, young, vacancy, stage = _scene(app, make_user)
    make_candidate(vacancy)
    client = client_for(app, hr)
    add_from_exercises(client, stage, PITCH)
    issue_anyway(client, stage, REASON)
    seat = next(s for s in stage.seats if s.user_id == young.id)
    response = client.get(f"/vacancies/{vacancy.id}/stages/{stage.id}/packs/{seat.id}.docx")
    assert response.status_code == 200
    paragraphs = [p.text for p in Document(io.BytesIO(response.data)).paragraphs]
    start = paragraphs.index("Exercises")
    section = paragraphs[start : paragraphs.index("Questions", start)]
    assert section[1].startswith("A young people's activity is not scored.")
    for heading in (
        "Your pitch: what would you change for us?",
        "Running the activity",
        "What good looks like",
        "What would worry us",
        "Questions to follow up",
        "Choosing a colour",
    ):
        assert heading in section, heading
    assert any(
        line.startswith("Green: Their ideas would make a real difference") for line in section
    )
    assert "Then say why: Which part of their pitch made you choose this colour?" in section
    assert not any("Its scores are among the questions" in line for line in section)


def test_the_candidate_brief_carries_an_activity_briefed_in_advance(app, bank, make_user):
    hr, _, _, vacancy, stage = _scene(app, make_user)
    client = client_for(app, hr)
    base = f"/vacancies/{vacancy.id}/stages/{stage.id}"
    add_from_exercises(client, stage, PITCH)  # its brief is given on the day
    issue_anyway(client, stage, REASON)
    response = client.get(f"{base}/candidate-brief.docx", follow_redirects=True)
    assert "No exercise at this stage sends its brief" in response.get_data(as_text=True)

    token = csrf_token_from(client.get(plan_url(stage)).get_data(as_text=True))
    client.post(f"{plan_url(stage)}/withdraw", data={"csrf_token": token, "confirm": "y"})
    add_from_exercises(client, stage, OWN_QUESTIONS)
    issue_anyway(client, stage, REASON)
    response = client.get(f"{base}/candidate-brief.docx")
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.data)).paragraphs)
    assert "You will meet a panel of four to six young people" in text
    assert "Sam's story" not in text and "Your pitch" not in text


def test_a_scored_exercise_at_a_young_peoples_panel_stays_a_scored_line(app, bank, make_user):
    hr, _, _, _, stage = _scene(app, make_user)
    client = client_for(app, hr)
    add_from_exercises(client, stage, PRESENTATION)
    db.session.expire_all()
    assert [item.exercise_id for item in stage.items if item.exercise_id] == [PRESENTATION] * 2
    assert _activities(stage) == []
