"""The wash-up: the chair's page for one candidate shows every counted member's score and
evidence note, attribute by attribute, once moderation is open, and the red flags the panel
must discuss and record before it saves the outcome (issue #20)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from recruit.config import load_config
from recruit.extensions import db
from recruit.models import (
    AuditEvent,
    CandidateDecision,
    ConflictOfInterest,
    StageModeration,
)
from recruit.models._types import utcnow
from recruit.moderation.evidence import short_question
from tests.support.factories import submit_sheet
from tests.support.hostile_text import SCRIPT_PAYLOAD, assert_safe_page, hidden_inputs
from tests.support.panel_web import Panel, build_panel, client_for

# Two values questions and one on decisions: the values table has a row per member and question.
QUESTIONS = ["values-personal-values-01", "values-injustice-purpose-01", "decisions-own-risk-01"]
RED_FLAG_MESSAGE = "Record what the panel discussed about the red flag"


def _panel(app, make_user) -> Panel:  # type: ignore[no-untyped-def]
    """``build_panel`` with two values questions, so a red flag has a neighbour."""
    return build_panel(app, make_user, questions=QUESTIONS)


def _noted(panel: Panel, member, candidate, scores, prefix):  # type: ignore[no-untyped-def]
    """A submitted sheet whose notes say who wrote them: "<prefix> on question <n>"."""
    sheet = submit_sheet(panel.stage, member, candidate, scores)
    for number, score in enumerate(sheet.scores, 1):
        score.evidence = f"{prefix} on question {number}"
    db.session.commit()
    return sheet


def _open(panel: Panel) -> None:
    db.session.add(StageModeration(stage_id=panel.stage.id))
    db.session.commit()


def _everyone_scores_tom(panel: Panel, chair_scores=(4, 4, 4)) -> None:  # type: ignore[no-untyped-def]
    _noted(panel, panel.chair, panel.tom, list(chair_scores), "Chair on Tom")
    _noted(panel, panel.member, panel.tom, [4, 4, 4], "Member on Tom")
    _noted(panel, panel.other, panel.tom, [4, 4, 4], "Other on Tom")


def _post(client, panel: Panel, candidate, data):  # type: ignore[no-untyped-def]
    url = panel.url(f"/candidates/{candidate.id}")
    page = client.get(url).get_data(as_text=True)
    return client.post(url, data={**hidden_inputs(page), **data})


def _values_table(page: str) -> str:
    return page.split('id="evidence-values"')[1].split("</table>")[0]


def test_the_evidence_shows_every_counted_score_and_note_and_nothing_else(app, bank, make_user):
    panel = _panel(app, make_user)
    chair_sheet = _noted(panel, panel.chair, panel.amara, [4, None, 3], "Chair counted")
    # A note is text, never markup. Found by its plan item: reloaded after a commit, a
    # sheet's scores come back in no set order (PostgreSQL moves an updated row).
    second = panel.stage.items[1].id
    next(s for s in chair_sheet.scores if s.plan_item_id == second).evidence = SCRIPT_PAYLOAD
    set_aside = _noted(panel, panel.member, panel.amara, [2, 2, 2], "Set aside note")
    set_aside.set_aside_at, set_aside.set_aside_reason = utcnow(), "Panel member stood down"
    # A conflict declared with the candidate: the sheet never counts, even not set aside.
    _noted(panel, panel.other, panel.amara, [1, 1, 1], "Conflicted note")
    db.session.add(
        ConflictOfInterest(
            user_id=panel.other.id, candidate_id=panel.amara.id, description="Old colleague"
        )
    )
    db.session.commit()
    _open(panel)
    page = client_for(app, panel.chair).get(panel.url(f"/candidates/{panel.amara.id}"))
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    values = _values_table(text)
    assert "Priya Chair" in values and "Chair counted on question 1" in values
    assert "No evidence" in values and "Q1: What are the personal values" in values
    assert "Q2: " in values and "Chair counted on question 3" not in values
    assert "Chair counted on question 3" in text.split('id="evidence-decisions"')[1]
    assert "Set aside note" not in text and "Conflicted note" not in text
    assert "Omar Other" not in text  # the conflicted member's sheet is not on the page
    assert "Dee Member's sheet is set aside" in text  # said once, without its scores
    assert "Red flag" not in text  # the conflicted member's 1s do not count
    assert_safe_page(page.status_code, text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in values


def test_no_member_score_or_note_before_moderation_opens(app, bank, make_user):
    panel = _panel(app, make_user)
    _noted(panel, panel.chair, panel.amara, [1, 4, 4], "Secret chair note")
    url = panel.url(f"/candidates/{panel.amara.id}")
    for user in (panel.chair, panel.hr):
        client = client_for(app, user)
        refused = client.get(url)
        assert refused.status_code == 302 and refused.location.endswith(panel.url())
        shown = client.get(url, follow_redirects=True).get_data(as_text=True)
        assert "Secret chair note" not in shown and "Red flag" not in shown
        assert "Until moderation opens, this page shows only who has submitted" in shown
        token = hidden_inputs(client.get(panel.url()).get_data(as_text=True))["csrf_token"]
        posted = client.post(
            url,
            data={"csrf_token": token, "outcome": "appointable", "reasons": "Early"},
        )
        assert posted.status_code == 302
    assert db.session.scalar(select(CandidateDecision)) is None


def test_a_red_flag_blocks_the_outcome_until_the_discussion_is_recorded(app, bank, make_user):
    panel = _panel(app, make_user)
    _everyone_scores_tom(panel, chair_scores=(1, 5, 4))  # values mean (3 + 4 + 4) / 3: above 3
    _open(panel)
    chair = client_for(app, panel.chair)
    url = panel.url(f"/candidates/{panel.tom.id}")
    page = chair.get(url).get_data(as_text=True)
    assert "Red flag to discuss" in page and 'name="red_flag_discussion"' in page
    assert "Priya Chair scored 1 on Q1: What are the personal values" in page
    assert 'govuk-tag--red app-flag">Red flag' in _values_table(page)
    assert "The values floor applies" not in page
    data = {"outcome": "appointable", "reasons": "Strong throughout"}
    refused = _post(chair, panel, panel.tom, data).get_data(as_text=True)
    assert "govuk-error-summary" in refused and RED_FLAG_MESSAGE in refused
    assert 'href="#red_flag_discussion"' in refused
    assert "govuk-error-message" in refused.split('id="red-flag"')[1]
    assert db.session.scalar(select(CandidateDecision)) is None
    note = "The chair heard a second-hand example; the others heard it first-hand"
    saved = _post(chair, panel, panel.tom, {**data, "red_flag_discussion": f"  {note} "})
    assert saved.status_code == 302
    decision = db.session.scalar(select(CandidateDecision))
    assert decision.red_flag_discussion == note
    assert decision.floor_override_reason is None  # no floor to override: the mean is 3.7
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "moderation.recorded"))
    assert event.detail["red_flag_discussed"] is True
    results = chair.get(panel.url()).get_data(as_text=True)
    flags = results.split('id="red-flags"')[1]
    assert "Tom Reid" in flags and "Priya Chair scored 1 on Q1" in flags and note in flags
    assert note in chair.get(url).get_data(as_text=True)  # shown again in the form


def test_no_red_flag_needs_no_note_and_shows_no_field(app, bank, make_user):
    panel = _panel(app, make_user)
    _everyone_scores_tom(panel)
    _open(panel)
    chair = client_for(app, panel.chair)
    page = chair.get(panel.url(f"/candidates/{panel.tom.id}")).get_data(as_text=True)
    assert "red_flag_discussion" not in page and "Red flag" not in page
    data = {"outcome": "reserve", "reasons": "Sound", "red_flag_discussion": "Not asked for"}
    assert _post(chair, panel, panel.tom, data).status_code == 302
    decision = db.session.scalar(select(CandidateDecision))
    assert decision.red_flag_discussion is None  # a field not on the form is not saved
    assert 'id="red-flags"' not in chair.get(panel.url()).get_data(as_text=True)


def test_a_single_one_no_longer_makes_the_candidate_not_appointable(app, bank, make_user):
    panel = _panel(app, make_user)
    _everyone_scores_tom(panel, chair_scores=(1, 5, 4))
    _open(panel)
    chair = client_for(app, panel.chair)
    results = chair.get(panel.url()).get_data(as_text=True)
    assert "Not appointable unless" not in results and "A member scored 1" not in results
    data = {"outcome": "appointable", "reasons": "Best", "red_flag_discussion": "Discussed"}
    assert _post(chair, panel, panel.tom, data).status_code == 302  # no override needed


def test_the_single_score_veto_setting_keeps_the_older_rule(app, bank, make_user):
    app.config["VALUES_SINGLE_SCORE_VETO"] = True
    panel = _panel(app, make_user)
    _everyone_scores_tom(panel, chair_scores=(1, 5, 4))
    _open(panel)
    chair = client_for(app, panel.chair)
    page = chair.get(panel.url(f"/candidates/{panel.tom.id}")).get_data(as_text=True)
    assert "The values floor applies" in page and "A member scored 1" in page
    assert "red_flag_discussion" not in page and "Red flag" not in page
    data = {"outcome": "appointable", "reasons": "Best"}
    refused = _post(chair, panel, panel.tom, data).get_data(as_text=True)
    assert "give the panel&#39;s reason for overriding it" in refused
    assert RED_FLAG_MESSAGE not in refused
    assert _post(chair, panel, panel.tom, {**data, "outcome": "not_appointable"}).status_code == 302


def test_the_mean_floor_still_applies_beside_a_red_flag(app, bank, make_user):
    panel = _panel(app, make_user)
    _noted(panel, panel.chair, panel.tom, [1, 1, 4], "Chair on Tom")
    _noted(panel, panel.member, panel.tom, [3, 3, 4], "Member on Tom")
    _noted(panel, panel.other, panel.tom, [3, 2, 4], "Other on Tom")  # values mean 2.2
    _open(panel)
    chair = client_for(app, panel.chair)
    page = chair.get(panel.url(f"/candidates/{panel.tom.id}")).get_data(as_text=True)
    assert "The values floor applies. Panel mean of 2.2" in page
    assert len(re.findall(r"Priya Chair scored 1 on Q\d", page)) == 2
    data = {"outcome": "appointable", "reasons": "Best", "red_flag_discussion": "Discussed"}
    refused = _post(chair, panel, panel.tom, data).get_data(as_text=True)
    assert "give the panel&#39;s reason for overriding it" in refused
    assert RED_FLAG_MESSAGE not in refused
    override = {**data, "floor_override_reason": "References showed a different picture"}
    assert _post(chair, panel, panel.tom, override).status_code == 302


@pytest.mark.parametrize(
    ("question", "short"),
    [
        ("Why this role? Tell us more.", "Why this role?"),
        ("Describe a time.\nWhat happened next?", "Describe a time."),
        ("One sentence without a stop", "One sentence without a stop"),
        ("word " * 30, ("word " * 17).strip() + "\u2026"),
    ],
)
def test_a_question_is_shown_by_its_first_sentence_cut_at_a_word(question, short):
    assert short_question(question) == short


@pytest.mark.parametrize(
    ("value", "veto"),
    [(None, False), ("", False), ("false", False), ("no", False), ("true", True), (" ON ", True)],
)
def test_the_single_score_veto_is_off_unless_switched_on(monkeypatch, tmp_path, value, veto):
    if value is None:
        monkeypatch.delenv("VALUES_SINGLE_SCORE_VETO", raising=False)
    else:
        monkeypatch.setenv("VALUES_SINGLE_SCORE_VETO", value)
    assert load_config(str(tmp_path))["VALUES_SINGLE_SCORE_VETO"] is veto
