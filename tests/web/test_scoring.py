"""Score entry: drafts, the check page, submission, independence, amendments, lost-text cases."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from recruit.extensions import db
from recruit.models import (
    AuditEvent,
    ConflictOfInterest,
    PanelRole,
    Role,
    Score,
    ScoreAmendment,
    ScoreSheet,
    SheetStatus,
    StageModeration,
)
from tests.support.factories import make_candidate, make_issued_stage, make_vacancy
from tests.support.forms import csrf_token_from, submit_form

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _campaign(app, make_user, member, *, other=None, hide_names=False):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR), hide_candidate_names=hide_names)
    candidate = make_candidate(vacancy, "Amara", "Okafor")
    other = other or make_user(Role.PANEL, name="Priya Chair")
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[(member, PanelRole.MEMBER), (other, PanelRole.CHAIR)],
        questions=QUESTIONS,
    )
    return stage, candidate


def _sheet_url(stage, candidate, page="score"):  # type: ignore[no-untyped-def]
    return f"/interviews/{stage.id}/candidates/{candidate.id}/{page}"


def _answers(stage, scores=("4", "none"), notes=("Told us how she changed the rota", "")):  # type: ignore[no-untyped-def]
    data = {}
    for item, score, note in zip(stage.items, scores, notes, strict=True):
        data[f"score_{item.id}"] = score
        data[f"evidence_{item.id}"] = note
    return data


def _post_sheet(client, url, data, button="save_draft"):  # type: ignore[no-untyped-def]
    page = client.get(url).get_data(as_text=True)
    version = re.search(r'name="lock_version"[^>]*value="([^"]*)"', page)
    fields = {
        "csrf_token": csrf_token_from(page),
        "lock_version": version.group(1) if version else "",
        button: "x",
        **data,
    }
    return client.post(url, data=fields)


def _submit(client, stage, candidate, data=None):  # type: ignore[no-untyped-def]
    url = _sheet_url(stage, candidate)
    response = _post_sheet(client, url, data or _answers(stage), button="check")
    assert response.status_code == 302, response.get_data(as_text=True)
    check = _sheet_url(stage, candidate, "check")
    page = client.get(check).get_data(as_text=True)
    version = re.search(r'name="lock_version"[^>]*value="([^"]*)"', page).group(1)
    return client.post(check, data={"csrf_token": csrf_token_from(page), "lock_version": version})


def test_sheet_shows_questions_descriptors_and_no_evidence(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    page = client.get(_sheet_url(stage, candidate)).get_data(as_text=True)
    first = stage.items[0].frozen_content
    assert first["question"].split("?")[0][:40] in page.replace("&#39;", "'")
    assert "No evidence" in page and "Follow-up probes" in page
    assert f'name="score_{stage.items[0].id}"' in page
    assert "Save draft" in page and "Continue to check your scores" in page


def test_draft_saves_partial_answers_and_refills_the_form(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    data = _answers(stage, scores=("3", ""), notes=("Half-written note", ""))
    response = _post_sheet(client, _sheet_url(stage, candidate), data)
    assert response.status_code == 302
    sheet = db.session.scalar(select(ScoreSheet))
    assert sheet.status is SheetStatus.DRAFT
    page = client.get(_sheet_url(stage, candidate)).get_data(as_text=True)
    assert "Half-written note" in page and "Draft saved" in page


def test_continue_needs_a_score_and_a_note_for_each_question(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    data = _answers(stage, scores=("4", ""), notes=("", ""))
    page = _post_sheet(client, _sheet_url(stage, candidate), data, "check").get_data(as_text=True)
    assert "Question 1: Write the evidence for this score" in page
    assert "Question 2: Enter a score from 1 to 5, or choose No evidence" in page
    assert page.count("govuk-error-message") >= 2
    assert "<title>Error:" in page
    # what was entered is kept as a draft, not lost
    assert db.session.scalar(select(func.count()).select_from(Score)) == 2


def test_no_evidence_needs_no_note_and_submission_locks(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    response = _submit(client, stage, candidate)
    assert response.status_code == 302 and response.headers["Location"].endswith("/submitted")
    sheet = db.session.scalar(select(ScoreSheet))
    assert sheet.status is SheetStatus.SUBMITTED and sheet.submitted_at is not None
    scores = {s.plan_item_id: (s.score, s.no_evidence) for s in sheet.scores}
    assert scores == {stage.items[0].id: (4, False), stage.items[1].id: (None, True)}
    confirmation = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Scores submitted" in confirmation
    # a later POST of the sheet cannot change a submitted score
    data = _answers(stage, scores=("1", "1"), notes=("changed", "changed"))
    _post_sheet(client, _sheet_url(stage, candidate), data)
    db.session.expire_all()
    assert db.session.get(Score, sheet.scores[0].id).score == 4
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "scores.submitted"))


def test_double_submit_creates_one_submission(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    _post_sheet(client, _sheet_url(stage, candidate), _answers(stage), "check")
    check = _sheet_url(stage, candidate, "check")
    page = client.get(check).get_data(as_text=True)
    form = {
        "csrf_token": csrf_token_from(page),
        "lock_version": re.search(r'name="lock_version"[^>]*value="([^"]*)"', page).group(1),
    }
    first = client.post(check, data=form)
    second = client.post(check, data=form)
    assert first.status_code == second.status_code == 302
    submissions = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "scores.submitted")
    ).all()
    assert len(submissions) == 1


def test_others_scores_hidden_until_own_submission(app, bank, signed_in, make_user):
    member_client, member = signed_in(Role.PANEL)
    chair_client, chair = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member, other=chair)
    secret = "Chair's private note about budgets"
    _submit(chair_client, stage, candidate, _answers(stage, ("2", "3"), (secret, "Another")))
    before = member_client.get(_sheet_url(stage, candidate)).get_data(as_text=True)
    assert secret not in before
    _submit(member_client, stage, candidate)
    after = member_client.get(_sheet_url(stage, candidate)).get_data(as_text=True)
    assert secret in after.replace("&#39;", "'")


def test_declared_conflict_blocks_scoring(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    db.session.add(
        ConflictOfInterest(user_id=member.id, candidate_id=candidate.id, description="x")
    )
    db.session.commit()
    assert client.get(_sheet_url(stage, candidate)).status_code == 403
    response = client.post(_sheet_url(stage, candidate), data=_answers(stage))
    assert response.status_code == 403
    assert db.session.scalar(select(func.count()).select_from(ScoreSheet)) == 0


def test_only_the_members_own_conflict_with_this_candidate_blocks_scoring(
    app, bank, signed_in, make_user
):
    client, member = signed_in(Role.PANEL)
    chair = make_user(Role.PANEL, name="Priya Chair")
    stage, candidate = _campaign(app, make_user, member, other=chair)
    other_candidate = make_candidate(stage.vacancy, "Tom", "Reid")
    db.session.add_all(
        [
            ConflictOfInterest(user_id=chair.id, candidate_id=candidate.id, description="x"),
            ConflictOfInterest(user_id=member.id, candidate_id=other_candidate.id, description="y"),
        ]
    )
    db.session.commit()
    assert client.get(_sheet_url(stage, candidate)).status_code == 200
    refused = client.get(_sheet_url(stage, other_candidate))
    assert refused.status_code == 403
    assert "declared a conflict of interest" in refused.get_data(as_text=True)


def test_once_moderation_opens_an_unsubmitted_sheet_is_closed(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    assert _post_sheet(client, _sheet_url(stage, candidate), _answers(stage)).status_code == 302
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    closed = client.get(_sheet_url(stage, candidate))
    assert closed.status_code == 403
    assert "Scoring for this stage has closed and moderation has started" in (
        closed.get_data(as_text=True)
    )
    check = client.get(_sheet_url(stage, candidate, "check"))
    assert check.status_code == 302 and check.headers["Location"].endswith("/score")
    assert db.session.scalar(select(ScoreSheet.status)) is SheetStatus.DRAFT


def test_other_members_and_other_stages_get_404(app, bank, signed_in, make_user):
    client, _outsider = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, make_user(Role.PANEL))
    assert client.get(_sheet_url(stage, candidate)).status_code == 404
    hr_client, _hr = signed_in(Role.HR)
    assert hr_client.get(_sheet_url(stage, candidate)).status_code == 404


def test_expired_token_gives_the_text_back(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    note = "Ninety minutes of careful notes"
    data = {"csrf_token": "stale", "lock_version": "", "save_draft": "x"}
    data.update(_answers(stage, ("4", "none"), (note, "")))
    response = client.post(_sheet_url(stage, candidate), data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert note in page and "page had expired" in page
    assert db.session.scalar(select(func.count()).select_from(ScoreSheet)) == 0
    # the re-shown form carries a fresh token that works
    retry = {"csrf_token": csrf_token_from(page), "lock_version": "", "save_draft": "x"}
    retry.update(_answers(stage, ("4", "none"), (note, "")))
    assert client.post(_sheet_url(stage, candidate), data=retry).status_code == 302


def test_second_tab_gives_the_text_back_and_names_the_conflict(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    url = _sheet_url(stage, candidate)
    stale_page = client.get(url).get_data(as_text=True)
    _post_sheet(client, url, _answers(stage, ("3", ""), ("From tab one", "")))
    data = {"csrf_token": csrf_token_from(stale_page), "lock_version": "", "save_draft": "x"}
    data.update(_answers(stage, ("5", ""), ("From tab two", "")))
    response = client.post(url, data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "From tab two" in page and "another tab or window" in page
    db.session.expire_all()
    assert db.session.scalar(select(Score.evidence).where(Score.score == 3)) == "From tab one"
    # saving again from the re-shown page goes through
    again = {"csrf_token": csrf_token_from(page), "save_draft": "x"}
    again["lock_version"] = re.search(r'name="lock_version"[^>]*value="([^"]*)"', page).group(1)
    again.update(_answers(stage, ("5", ""), ("From tab two", "")))
    assert client.post(url, data=again).status_code == 302


def test_signed_out_post_shows_the_notes(app, bank, make_user):
    member = make_user(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    client = app.test_client()
    data = _answers(stage, ("4", "none"), ("Notes written before the timeout", ""))
    response = client.post(_sheet_url(stage, candidate), data=data)
    assert response.status_code == 401
    assert "Notes written before the timeout" in response.get_data(as_text=True)


def test_amendment_needs_a_reason_and_keeps_history(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    _submit(client, stage, candidate)
    url = _sheet_url(stage, candidate, f"amend/{stage.items[0].id}")
    page = client.get(url).get_data(as_text=True)
    version = re.search(r'name="lock_version"[^>]*value="([^"]*)"', page).group(1)
    form = {"csrf_token": csrf_token_from(page), "lock_version": version, "score": "3"}
    refused = client.post(url, data={**form, "evidence": "Re-read notes", "reason": ""})
    assert "Give the reason for changing this score" in refused.get_data(as_text=True)
    done = client.post(url, data={**form, "evidence": "Re-read notes", "reason": "Misheard"})
    assert done.status_code == 302
    change = db.session.scalar(select(ScoreAmendment))
    assert (change.previous_score, change.new_score, change.reason) == (4, 3, "Misheard")
    assert change.previous_evidence == "Told us how she changed the rota"
    assert (
        db.session.scalar(select(Score.score).where(Score.plan_item_id == stage.items[0].id)) == 3
    )
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "scores.amended"))


def test_last_submission_opens_moderation(app, bank, signed_in, make_user):
    member_client, member = signed_in(Role.PANEL)
    chair_client, chair = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member, other=chair)
    _submit(member_client, stage, candidate)
    assert db.session.scalar(select(StageModeration)) is None
    _submit(chair_client, stage, candidate)
    assert db.session.scalar(select(StageModeration)).stage_id == stage.id


def test_hidden_names_show_the_code_on_the_sheet(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member, hide_names=True)
    page = client.get(_sheet_url(stage, candidate)).get_data(as_text=True)
    assert "Score C-01" in page and "Okafor" not in page


def test_submit_form_helper_is_usable_here(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    stage, candidate = _campaign(app, make_user, member)
    response = submit_form(
        client, _sheet_url(stage, candidate), {"lock_version": "", "save_draft": "x"}
    )
    assert response.status_code == 302


def test_posted_seat_and_member_fields_are_ignored(app, bank, signed_in, make_user):
    client, member = signed_in(Role.PANEL)
    other = make_user(Role.PANEL, name="Someone Else")
    stage, candidate = _campaign(app, make_user, member, other=other)
    other_seat = next(seat for seat in stage.seats if seat.user_id == other.id)
    data = _answers(stage)
    data.update({"seat_id": str(other_seat.id), "panel_member_id": str(other.id)})
    _post_sheet(client, _sheet_url(stage, candidate), data)
    sheet = db.session.scalar(select(ScoreSheet))
    assert sheet.seat.user_id == member.id
    assert db.session.scalar(select(func.count()).select_from(ScoreSheet)) == 1
