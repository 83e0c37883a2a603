"""Exercises in a stage's plan: added as one scored line per attribute, sharing the
exercise's minutes; issued as question-shaped copies that sheets, moderation and packs read
as they read questions; printed once in the packs with their briefs; the candidate brief
for those sent in advance; a young people's activity refused; an exercise gone from the
bank flagged, not a failure; carried by the vacancy file."""

from __future__ import annotations

import io
import json

from docx import Document
from sqlalchemy import select

from recruit.exercise_store import database_exercise_texts, store_exercise_texts
from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, PlanItem, Role
from recruit.results.consolidation import consolidate_stage
from tests.support.factories import make_candidate, make_stage, make_vacancy, submit_sheet
from tests.support.forms import csrf_token_from
from tests.support.panel_web import client_for
from tests.support.plan_web import add_from_exercises, issue_anyway, plan_url

PRESENTATION = "presentation-first-hundred-days-values-01"  # values and practice culture
MEDIA = "media-serious-incident-decisions-01"  # a content note; brief on the day
YOUNG_PEOPLE = "young-people-our-own-questions-01"
QUESTION = "values-personal-values-01"
REASON = "These tests look at exercises only"


def _scene(app, make_user):  # type: ignore[no-untyped-def]
    hr = make_user(Role.HR, name="Harriet HR")
    chair = make_user(Role.PANEL, name="Cllr Chair")
    vacancy = make_vacancy(hr)
    stage = make_stage(vacancy, seats=[(chair, PanelRole.CHAIR)], questions=[QUESTION])
    return hr, chair, vacancy, stage


def _exercise_items(stage) -> list[PlanItem]:  # type: ignore[no-untyped-def]
    db.session.expire_all()
    return [item for item in stage.items if item.exercise_id]


def test_an_exercise_is_added_as_one_line_per_attribute_sharing_its_minutes(app, bank, make_user):
    hr, _, _, stage = _scene(app, make_user)
    client = client_for(app, hr)
    listing = client.get(f"{plan_url(stage)}/exercises").get_data(as_text=True)
    assert f'id="exercise-{PRESENTATION}"' in listing
    young = listing.split("Young people&#39;s activities</caption>")[1]
    assert YOUNG_PEOPLE in young and "<form" not in young.split("</table>")[0]

    page = add_from_exercises(client, stage, PRESENTATION).get_data(as_text=True)
    assert "added to the plan: scored on 2 attributes" in page
    items = _exercise_items(stage)
    assert [(i.exercise_id, i.exercise_attribute, i.minutes) for i in items] == [
        (PRESENTATION, "values", 15),
        (PRESENTATION, "practice-culture", 15),
    ]
    assert all(item.question_id is None for item in items)
    assert "Presentation: what you stand for" in page  # the plan lists it by title
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "plan.exercise_added"))
    assert event is not None and event.detail["exercise_id"] == PRESENTATION


def test_a_young_peoples_activity_or_an_unknown_exercise_is_refused(app, bank, make_user):
    hr, _, _, stage = _scene(app, make_user)
    client = client_for(app, hr)
    page = add_from_exercises(client, stage, YOUNG_PEOPLE).get_data(as_text=True)
    assert "A young people&#39;s activity is not scored" in page
    assert add_from_exercises(client, stage, "no-such-exercise-01").status_code == 400
    assert _exercise_items(stage) == []


def test_issued_exercise_lines_are_scored_and_moderated_like_questions(app, bank, make_user):
    hr, chair, vacancy, stage = _scene(app, make_user)
    client = client_for(app, hr)
    add_from_exercises(client, stage, PRESENTATION)
    assert issue_anyway(client, stage, REASON).status_code == 302
    values, culture = _exercise_items(stage)
    content = values.frozen_content
    assert content["attribute"] == "values" and content["format"] == "exercise"
    assert content["question"].startswith("Presentation: what you stand for")
    assert set(content["descriptors"]) == {"1", "2", "3", "4", "5"}
    assert content["exercise"]["brief_in_advance"] is True
    assert culture.frozen_content["attribute"] == "practice-culture"

    amara = make_candidate(vacancy)
    page = client_for(app, chair).get(f"/interviews/{stage.id}/candidates/{amara.id}/score")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "what you stand for" in text
    submit_sheet(stage, chair, amara, [4, 5, 3])
    result = consolidate_stage(stage).result.candidates[0]
    by_attribute = {a.attribute: a.result for a in result.attributes}
    assert by_attribute["practice-culture"] == 3
    assert by_attribute["values"] == 4.5  # the question and the presentation's values line


def test_the_packs_print_each_exercise_once_and_the_candidate_brief(app, bank, make_user):
    hr, chair, vacancy, stage = _scene(app, make_user)
    make_candidate(vacancy)
    client = client_for(app, hr)
    base = f"/vacancies/{vacancy.id}/stages/{stage.id}"
    response = client.get(f"{base}/candidate-brief.docx", follow_redirects=True)
    assert "Issue the plan first" in response.get_data(as_text=True)
    add_from_exercises(client, stage, PRESENTATION)
    add_from_exercises(client, stage, MEDIA)
    issue_anyway(client, stage, REASON)

    pack = Document(io.BytesIO(client.get(f"{base}/packs/chair.docx").data))
    text = "\n".join(p.text for p in pack.paragraphs)
    headings = [p.text for p in pack.paragraphs if p.style.name == "Heading 2"]
    assert headings.count("Presentation: what you stand for, and how Northshire would know it "
                          "in 100 days") == 1  # fmt: skip
    assert "Content note:" in text and "Running the exercise" in text
    assert "the brief is sent to candidates in advance" in text

    packs_page = client.get(f"{base}/packs").get_data(as_text=True)
    assert 'id="candidate-brief"' in packs_page
    brief = client.get(f"{base}/candidate-brief.docx")
    assert brief.status_code == 200
    brief_text = "\n".join(p.text for p in Document(io.BytesIO(brief.data)).paragraphs)
    assert "what you stand for" in brief_text and "Northshire County Council serves" in brief_text
    assert "serious incident" not in brief_text.lower()  # the media brief is given on the day
    assert "Cllr Chair" not in brief_text
    assert client_for(app, chair).get(f"{base}/candidate-brief.docx").status_code == 403


def test_an_exercise_gone_from_the_bank_is_flagged_and_not_issued(app, bank, make_user):
    hr, _, _, stage = _scene(app, make_user)
    client = client_for(app, hr)
    add_from_exercises(client, stage, PRESENTATION)
    texts = database_exercise_texts()
    texts.pop("exercises/values.yaml")
    store_exercise_texts(texts)
    db.session.commit()
    page = client.get(plan_url(stage)).get_data(as_text=True)
    assert "(no longer in the bank)" in page and "retired" in page
    response = client.post(
        f"{plan_url(stage)}/issue",
        data={
            "csrf_token": csrf_token_from(page),
            "override_reason": "Issue anyway",
        },
        follow_redirects=True,
    )
    assert "is no longer in the bank: remove it from the plan" in response.get_data(as_text=True)
    db.session.expire_all()
    assert stage.plan_issued_at is None


def test_the_vacancy_file_carries_exercise_lines(app, bank, make_user, tmp_path):
    hr, chair, vacancy, stage = _scene(app, make_user)
    client = client_for(app, hr)
    add_from_exercises(client, stage, PRESENTATION)
    issue_anyway(client, stage, REASON)
    amara = make_candidate(vacancy)
    submit_sheet(stage, chair, amara, [4, 5, 3])
    out = tmp_path / "vacancy.json"
    runner = app.test_cli_runner()
    assert (
        runner.invoke(args=["vacancy", "export", str(vacancy.id), "--out", str(out)]).exit_code == 0
    )
    document = json.loads(out.read_text(encoding="utf-8"))
    items = document["stages"][0]["items"]
    assert [(i["question_id"], i["exercise_id"], i["exercise_attribute"]) for i in items] == [
        (QUESTION, None, None),
        (None, PRESENTATION, "values"),
        (None, PRESENTATION, "practice-culture"),
    ]
    scores = document["stages"][0]["sheets"][0]["scores"]
    assert scores[1]["question_id"] == f"{PRESENTATION} (values)"
    result = runner.invoke(args=["vacancy", "import", str(out)])
    assert result.exit_code == 0, result.output
