"""Nothing can move a result silently: a declared conflict, a late amendment or an edit by
HR after scoring either is refused, or is recorded with its reason and shown where the
result is read. Each test reproduces one way the record used to move without notice."""

from __future__ import annotations

import csv
import io

from docx import Document
from sqlalchemy import func, select

from recruit.extensions import db
from recruit.models import (
    AuditEvent,
    CandidateDecision,
    ConflictOfInterest,
    PanelRole,
    PanelSeat,
    PlanItem,
    Role,
    Score,
    ScoreAmendment,
    ScoreSheet,
    SheetStatus,
    StageModeration,
)
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_stage,
    make_vacancy,
    submit_sheet,
)
from tests.support.forms import csrf_token_from
from tests.support.hostile_text import hidden_inputs
from tests.support.panel_web import client_for

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]
SCORING_TABLES = (ScoreSheet, Score, ScoreAmendment, PanelSeat, PlanItem)


def _panel(app, make_user, *, hide_names=False):  # type: ignore[no-untyped-def]
    """A stage with a chair, two members and an HR adviser, two candidates, plan issued."""
    people = {
        "hr": make_user(Role.HR, name="Harriet Adviser"),
        "chair": make_user(Role.PANEL, name="Priya Chair"),
        "member": make_user(Role.PANEL, name="Dee Member"),
        "other": make_user(Role.PANEL, name="Omar Other"),
    }
    vacancy = make_vacancy(people["hr"])
    vacancy.hide_candidate_names = hide_names
    amara = make_candidate(vacancy, "Amara", "Okafor")
    tom = make_candidate(vacancy, "Tom", "Reid")
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[
            (people["chair"], PanelRole.CHAIR),
            (people["member"], PanelRole.MEMBER),
            (people["other"], PanelRole.MEMBER),
            (people["hr"], PanelRole.HR_ADVISER),
        ],
        questions=QUESTIONS,
    )
    return stage, amara, tom, people


def _everyone_submits(stage, people, amara, tom, *, open_moderation=True):  # type: ignore[no-untyped-def]
    for key, scores in (("chair", [4, 4]), ("member", [5, 5]), ("other", [3, 3])):
        submit_sheet(stage, people[key], amara, scores)
        submit_sheet(stage, people[key], tom, [3, 3])
    if open_moderation:
        _open_moderation(stage)


def _open_moderation(stage):  # type: ignore[no-untyped-def]
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()


def _row_counts() -> dict[str, int]:
    return {
        model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
        for model in SCORING_TABLES
    }


def _moderation_url(stage, tail=""):  # type: ignore[no-untyped-def]
    return f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/moderation{tail}"


def _declare_conflict(client, stage, candidate):  # type: ignore[no-untyped-def]
    url = f"/interviews/{stage.id}/candidates/{candidate.id}/conflict"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, "description": "I managed them"})


def _amend(client, stage, candidate, item, score="1"):  # type: ignore[no-untyped-def]
    url = f"/interviews/{stage.id}/candidates/{candidate.id}/amend/{item.id}"
    sheet_page = client.get(f"/interviews/{stage.id}/candidates/{candidate.id}/score")
    token = csrf_token_from(sheet_page.get_data(as_text=True))
    sheet = db.session.scalar(
        select(ScoreSheet)
        .join(PanelSeat)
        .where(ScoreSheet.candidate_id == candidate.id, PanelSeat.stage_id == stage.id)
        .where(PanelSeat.user_id == client.user_id)
    )
    return client.post(
        url,
        data={
            "csrf_token": token,
            "score": score,
            "evidence": "Changed my mind after seeing the totals",
            "reason": "Late change",
            "lock_version": str(sheet.lock_version),
        },
    )


def _member_client(app, user):  # type: ignore[no-untyped-def]
    client = client_for(app, user)
    client.user_id = user.id
    return client


def test_a_conflict_declared_after_submission_sets_the_sheet_aside_everywhere(app, bank, make_user):
    stage, amara, tom, people = _panel(app, make_user)
    _everyone_submits(stage, people, amara, tom)
    member = _member_client(app, people["member"])
    before = _row_counts()
    assert _declare_conflict(member, stage, amara).status_code == 302
    sheet = db.session.scalar(
        select(ScoreSheet)
        .join(PanelSeat)
        .where(PanelSeat.user_id == people["member"].id, ScoreSheet.candidate_id == amara.id)
    )
    assert sheet.is_set_aside and sheet.set_aside_reason == "Conflict declared after submission"
    assert _row_counts() == before  # kept, not deleted
    hr = client_for(app, people["hr"])
    scores = hr.get(f"/vacancies/{stage.vacancy_id}/scores.csv").data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(scores)))
    members_for_amara = {row["Panel member"] for row in rows if "C-01" in row["Candidate"]}
    assert members_for_amara == {"Priya Chair", "Omar Other"}
    page = hr.get(_moderation_url(stage)).get_data(as_text=True)
    assert "Set aside: conflict declared after submission" in page
    assert "Dee Member" in page.split('id="set-aside"')[1]


def test_a_conflicted_member_cannot_amend_and_nothing_changes(app, bank, make_user):
    stage, amara, _tom, people = _panel(app, make_user)
    submit_sheet(stage, people["member"], amara, [5, 5])
    member = _member_client(app, people["member"])
    _declare_conflict(member, stage, amara)
    response = _amend(member, stage, amara, stage.items[0])
    assert response.status_code == 403
    assert "declared a conflict" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(ScoreAmendment)) == 0
    assert (
        db.session.scalar(select(Score.score).where(Score.plan_item_id == stage.items[0].id)) == 5
    )


def test_amendments_close_when_moderation_opens(app, bank, make_user):
    stage, amara, tom, people = _panel(app, make_user)
    _everyone_submits(stage, people, amara, tom)
    member = _member_client(app, people["member"])
    response = _amend(member, stage, amara, stage.items[0], score="1")
    assert response.status_code == 403
    assert "Moderation has started" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(ScoreAmendment)) == 0
    sheet_page = member.get(f"/interviews/{stage.id}/candidates/{amara.id}/score")
    assert "Change your score" not in sheet_page.get_data(as_text=True)


def test_amending_still_works_before_moderation_opens(app, bank, make_user):
    stage, amara, _tom, people = _panel(app, make_user)
    submit_sheet(stage, people["member"], amara, [5, 5])
    member = _member_client(app, people["member"])
    assert _amend(member, stage, amara, stage.items[0], score="4").status_code == 302
    assert db.session.scalar(select(func.count()).select_from(ScoreAmendment)) == 1


def test_a_conflicted_chair_cannot_record_moderation_and_is_told_who_can(app, bank, make_user):
    stage, amara, tom, people = _panel(app, make_user)
    _everyone_submits(stage, people, amara, tom)
    db.session.add(
        ConflictOfInterest(user_id=people["chair"].id, candidate_id=amara.id, description="Friend")
    )
    db.session.commit()
    chair = client_for(app, people["chair"])
    url = _moderation_url(stage, f"/candidates/{amara.id}")
    page = chair.get(url)
    assert page.status_code == 403
    text = page.get_data(as_text=True)
    assert "Harriet Adviser" in text and "HR team" in text
    token = csrf_token_from(chair.get(_moderation_url(stage)).get_data(as_text=True))
    posted = chair.post(
        url, data={"csrf_token": token, "outcome": "appointable", "reasons": "Strong"}
    )
    assert posted.status_code == 403
    assert db.session.scalar(select(func.count()).select_from(CandidateDecision)) == 0


def _record(client, stage, candidate, outcome="appointable"):  # type: ignore[no-untyped-def]
    url = _moderation_url(stage, f"/candidates/{candidate.id}")
    page = client.get(url).get_data(as_text=True)
    data = {**hidden_inputs(page), "outcome": outcome, "reasons": "The panel agreed"}
    return client.post(url, data=data)


def test_a_record_whose_inputs_change_is_flagged_until_confirmed(app, bank, make_user):
    stage, amara, tom, people = _panel(app, make_user)
    _everyone_submits(stage, people, amara, tom)
    chair = client_for(app, people["chair"])
    assert _record(chair, stage, amara).status_code == 302
    assert "Inputs changed" not in chair.get(_moderation_url(stage)).get_data(as_text=True)
    _declare_conflict(_member_client(app, people["member"]), stage, amara)
    results = chair.get(_moderation_url(stage)).get_data(as_text=True)
    assert "Inputs changed since these records were made" in results
    record = chair.get(_moderation_url(stage, f"/candidates/{amara.id}")).get_data(as_text=True)
    assert "Inputs changed since this was recorded" in record
    assert "Dee Member's sheet is set aside: conflict declared after submission" in record
    assert _record(chair, stage, amara).status_code == 302  # the chair confirms it
    assert "Inputs changed" not in chair.get(_moderation_url(stage)).get_data(as_text=True)


def _close(client, stage, reason=""):  # type: ignore[no-untyped-def]
    page = client.get(_moderation_url(stage, "/finish")).get_data(as_text=True)
    data = {**hidden_inputs(page), "reason": reason}
    return client.post(_moderation_url(stage, "/finish"), data=data), page


def test_closing_moderation_needs_every_outcome_then_locks_the_records(app, bank, make_user):
    stage, amara, tom, people = _panel(app, make_user)
    _everyone_submits(stage, people, amara, tom)
    chair = client_for(app, people["chair"])
    _record(chair, stage, amara)
    _response, page = _close(chair, stage)
    assert "Record an outcome for" in page and "Tom Reid (C-02)" in page
    assert db.session.scalar(select(StageModeration.closed_at)) is None
    _record(chair, stage, tom, outcome="reserve")
    response, _page = _close(chair, stage, reason="")  # the chair needs no reason
    assert response.status_code == 302
    closed = db.session.scalar(select(StageModeration))
    assert closed.closed_at is not None and closed.closed_by_id == people["chair"].id
    locked = _record(chair, stage, tom, outcome="appointable")
    assert locked.status_code == 200 and "nothing was saved" in locked.get_data(as_text=True)
    assert (
        db.session.scalar(
            select(CandidateDecision.outcome).where(CandidateDecision.candidate_id == tom.id)
        ).value
        == "reserve"
    )
    summary = client_for(app, people["hr"]).get(f"/vacancies/{stage.vacancy_id}/summary.docx")
    cells = {
        c.text for t in Document(io.BytesIO(summary.data)).tables for r in t.rows for c in r.cells
    }
    assert "Not closed yet" not in cells
    assert any(cell.endswith("by Priya Chair") for cell in cells)  # the real closing time


def test_hr_closing_for_the_panel_must_say_why_and_reopening_is_audited(app, bank, make_user):
    stage, amara, tom, people = _panel(app, make_user)
    _everyone_submits(stage, people, amara, tom)
    hr = client_for(app, people["hr"])
    _record(hr, stage, amara)
    _record(hr, stage, tom)
    refused, _page = _close(hr, stage, reason="")
    assert "Give the reason you are closing moderation" in refused.get_data(as_text=True)
    assert db.session.scalar(select(StageModeration.closed_at)) is None
    closed, _page = _close(hr, stage, reason="The chair asked me to close it after the wash-up")
    assert closed.status_code == 302
    reopen = _moderation_url(stage, "/reopen")
    hidden = hidden_inputs(hr.get(reopen).get_data(as_text=True))
    blank = hr.post(reopen, data={**hidden, "reason": ""})
    assert "Give the reason for reopening" in blank.get_data(as_text=True)
    assert db.session.scalar(select(StageModeration.closed_at)) is not None
    hr.post(reopen, data={**hidden, "reason": "New conflict"})
    db.session.expire_all()
    assert db.session.scalar(select(StageModeration.closed_at)) is None
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "moderation.reopened"))
    assert event.detail["reason"] == "New conflict" and event.detail["closed_at"]


def test_a_seat_with_submitted_sheets_is_stood_down_never_removed(app, bank, make_user):
    stage, amara, _tom, people = _panel(app, make_user)
    submit_sheet(stage, people["member"], amara, [5, 5])
    hr = client_for(app, people["hr"])
    seat = next(s for s in stage.seats if s.user_id == people["member"].id)
    base = f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/panel/{seat.id}"
    before = _row_counts()
    token = csrf_token_from(
        hr.get(f"/vacancies/{stage.vacancy_id}/stages/{stage.id}").get_data(as_text=True)
    )
    removal = hr.post(f"{base}/remove", data={"csrf_token": token, "confirm": "yes"})
    assert removal.status_code == 302 and removal.headers["Location"].endswith("/stand-down")
    assert _row_counts() == before
    page = hr.get(f"{base}/stand-down").get_data(as_text=True)
    assert "cannot be removed from the panel" in page
    blank = hr.post(f"{base}/stand-down", data={"csrf_token": csrf_token_from(page)})
    assert "Give the reason for standing them down" in blank.get_data(as_text=True)
    data = {
        "csrf_token": csrf_token_from(page),
        "reason": "Taken ill",
        "submitted_sheets": "set_aside",
    }
    assert hr.post(f"{base}/stand-down", data=data).status_code == 302
    assert _row_counts() == before
    db.session.expire_all()
    assert db.session.get(PanelSeat, seat.id).is_stood_down
    sheet = db.session.scalar(select(ScoreSheet).where(ScoreSheet.seat_id == seat.id))
    assert sheet.set_aside_reason == "Panel member stood down: Taken ill"
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "panel.seat_stood_down")
    )
    assert event.detail["before"]["stood_down"] is False and event.detail["after"]["stood_down"]
    assert event.detail["sheets_set_aside"] == 1


def test_a_stood_down_member_scores_no_more_and_is_not_waited_for(app, bank, make_user):
    stage, amara, tom, people = _panel(app, make_user)
    for key in ("chair", "member", "other"):
        submit_sheet(stage, people[key], amara, [4, 4])
    submit_sheet(stage, people["chair"], tom, [3, 3])
    submit_sheet(stage, people["member"], tom, [3, 3])
    hr = client_for(app, people["hr"])
    seat = next(s for s in stage.seats if s.user_id == people["other"].id)
    base = f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/panel/{seat.id}/stand-down"
    page = hr.get(base).get_data(as_text=True)
    data = {
        "csrf_token": csrf_token_from(page),
        "reason": "Left the council",
        "submitted_sheets": "keep",
    }
    hr.post(base, data=data)
    assert (
        db.session.scalar(select(StageModeration)) is not None
    )  # Tom's last sheet is no longer awaited
    other = client_for(app, people["other"])
    refused = other.get(f"/interviews/{stage.id}/candidates/{tom.id}/score")
    assert refused.status_code == 403
    scores = hr.get(f"/vacancies/{stage.vacancy_id}/scores.csv").data.decode("utf-8-sig")
    assert "Omar Other" in scores  # what they submitted still counts


def test_scored_plans_and_weights_cannot_change_and_nothing_is_deleted(app, bank, make_user):
    stage, amara, _tom, people = _panel(app, make_user)
    submit_sheet(stage, people["member"], amara, [5, 5])
    hr = client_for(app, people["hr"])
    plan = f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/plan"
    page = hr.get(plan).get_data(as_text=True)
    assert "questions and weights are fixed" in page
    before, weights = _row_counts(), dict(stage.weights)
    token = csrf_token_from(page)
    withdrawn = hr.post(
        f"{plan}/withdraw", data={"csrf_token": token, "confirm": "yes"}, follow_redirects=True
    )
    assert "submitted scores at this stage" in withdrawn.get_data(as_text=True)
    posted = {f"weight_{key.replace('-', '_')}": "20" for key in weights}
    changed = hr.post(
        f"{plan}/weights", data={"csrf_token": token, **posted}, follow_redirects=True
    )
    assert "submitted scores at this stage" in changed.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(type(stage), stage.id).plan_issued_at is not None
    assert db.session.get(type(stage), stage.id).weights == weights
    assert _row_counts() == before


def test_a_question_with_draft_scores_cannot_be_removed(app, bank, make_user):
    stage, amara, _tom, people = _panel(app, make_user)
    seat = next(s for s in stage.seats if s.user_id == people["member"].id)
    draft = ScoreSheet(seat_id=seat.id, candidate_id=amara.id, status=SheetStatus.DRAFT)
    draft.scores.append(Score(plan_item_id=stage.items[0].id, score=4, evidence="Draft note"))
    db.session.add(draft)
    db.session.commit()
    hr = client_for(app, people["hr"])
    plan = f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/plan"
    token = csrf_token_from(hr.get(plan).get_data(as_text=True))
    hr.post(f"{plan}/withdraw", data={"csrf_token": token, "confirm": "yes"})
    before = _row_counts()
    item = stage.items[0]
    removed = hr.post(
        f"{plan}/items/{item.id}/remove", data={"csrf_token": token}, follow_redirects=True
    )
    assert "cannot be removed from the plan" in removed.get_data(as_text=True)
    assert _row_counts() == before


def test_an_hr_advisers_sheet_never_counts(app, bank, make_user):
    stage, amara, tom, people = _panel(app, make_user)
    _everyone_submits(stage, people, amara, tom)
    # As a vacancy import from an older file could leave it: the adviser's own sheet of 1s.
    submit_sheet(stage, people["hr"], amara, [1, 1])
    hr = client_for(app, people["hr"])
    scores = hr.get(f"/vacancies/{stage.vacancy_id}/scores.csv").data.decode("utf-8-sig")
    assert "Harriet Adviser" not in scores
    page = hr.get(_moderation_url(stage)).get_data(as_text=True)
    assert "4.0" in page  # Amara's values mean from 4, 5 and 3, untouched by the adviser's 1


def test_a_stage_edit_after_scoring_is_audited_with_before_and_after(app, bank, make_user):
    stage, amara, _tom, people = _panel(app, make_user)
    submit_sheet(stage, people["member"], amara, [5, 5])
    hr = client_for(app, people["hr"])
    url = f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/edit"
    page = hr.get(url).get_data(as_text=True)
    hr.post(
        url,
        data={
            "csrf_token": csrf_token_from(page),
            "name": "Final panel (renamed)",
            "stage_type": "final_panel",
            "duration_minutes": "75",
            "lock_version": str(stage.lock_version),
        },
    )
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "stage.updated"))
    assert event.detail["before"]["name"] == "Final panel"
    assert event.detail["after"]["name"] == "Final panel (renamed)"
    assert event.detail["before"]["duration_minutes"] == 90
    assert event.detail["after"]["duration_minutes"] == 75
    assert event.detail["scoring_started"] is True


def test_hidden_names_stay_hidden_until_every_stage_is_in_moderation(app, bank, make_user):
    stage, amara, tom, people = _panel(app, make_user, hide_names=True)
    later = make_stage(
        stage.vacancy,
        name="Members' panel",
        seats=[(people["chair"], PanelRole.CHAIR)],
        questions=QUESTIONS[:1],
    )
    _everyone_submits(stage, people, amara, tom)
    chair = client_for(app, people["chair"])
    summary = chair.get(f"/vacancies/{stage.vacancy_id}/summary").get_data(as_text=True)
    assert "C-01" in summary and "Amara" not in summary
    scores = chair.get(f"/vacancies/{stage.vacancy_id}/scores.csv").data.decode("utf-8-sig")
    assert "Amara" not in scores
    assert "Amara" not in chair.get("/interviews").get_data(as_text=True)
    assert "Amara" not in chair.get(_moderation_url(stage)).get_data(as_text=True)
    _open_moderation(later)
    summary = chair.get(f"/vacancies/{stage.vacancy_id}/summary").get_data(as_text=True)
    assert "Amara Okafor (C-01)" in summary


def test_flashed_messages_carry_no_candidate_names_in_the_cookie(app, bank, make_user):
    stage, amara, tom, people = _panel(app, make_user)
    _everyone_submits(stage, people, amara, tom)
    chair = client_for(app, people["chair"])
    _record(chair, stage, amara)
    member = _member_client(app, people["member"])
    _declare_conflict(member, stage, tom)
    serializer = app.session_interface.get_signing_serializer(app)
    for client in (chair, member):
        cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
        flashes = str(serializer.loads(cookie.value).get("_flashes", ""))
        assert flashes and "Amara" not in flashes and "Okafor" not in flashes
        assert "Tom" not in flashes and "Reid" not in flashes
