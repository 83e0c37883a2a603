"""The integrity rules the web layer enforces, one test each, through the pages a member,
chair, HR adviser or admin uses.

Each test is the guard that scripts/mutations.toml names for its rule: with the rule's line
removed, the test fails (run scripts/mutation-check to see it). The pure scoring rules have
their own tests in tests/domain/; these are the rules that decide what reaches them.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from recruit.extensions import db
from recruit.models import (
    CandidateDecision,
    ConflictOfInterest,
    Outcome,
    Role,
    ScoreAmendment,
    SheetStatus,
    StageModeration,
    User,
    UserSession,
)
from tests.support.factories import submit_sheet
from tests.support.forms import csrf_token_from, submit_form
from tests.support.hostile_text import hidden_inputs
from tests.support.panel_web import (
    Panel,
    amend,
    build_panel,
    client_for,
    declare_conflict,
    member_client,
    members_counted_for,
    own_sheet,
    post_check_page,
    record_moderation,
    save_sheet,
    sheet_url,
    submit_through_pages,
)


def _everyone_submits(panel: Panel, *, leave_out: tuple[object, ...] = ()) -> None:
    """Submitted sheets from every scoring member for both candidates, except the
    (member, candidate) pairs in ``leave_out``."""
    for user in panel.scorers:
        for candidate in (panel.amara, panel.tom):
            if (user, candidate) not in leave_out:
                submit_sheet(panel.stage, user, candidate, [4, 4])


def _moderation_is_open(panel: Panel) -> bool:
    found = select(StageModeration).where(StageModeration.stage_id == panel.stage.id)
    return db.session.scalar(found) is not None


def _chair_opens_moderation(app, panel: Panel):  # type: ignore[no-untyped-def]
    chair = client_for(app, panel.chair)
    token = csrf_token_from(chair.get(panel.url()).get_data(as_text=True))
    response = chair.post(panel.url("/open"), data={"csrf_token": token})
    assert _moderation_is_open(panel), response.headers.get("Location")
    return chair


def _count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0


# 1. Independence: once a member has submitted, they see the others' submitted sheets only.


def test_a_member_who_submitted_sees_others_submitted_scores_never_their_drafts(
    app, bank, make_user
):
    panel = build_panel(app, make_user)
    submit_sheet(panel.stage, panel.chair, panel.amara, [4, 4])
    other = member_client(app, panel.other)
    draft = ["Unsent draft note from the third member", ""]
    assert save_sheet(other, panel.stage, panel.amara, ["2", ""], draft).status_code == 302
    member = member_client(app, panel.member)
    submitted = submit_through_pages(member, panel.stage, panel.amara, ["5", "5"], "My note")
    assert submitted.status_code == 302
    page = member.get(sheet_url(panel.stage, panel.amara)).get_data(as_text=True)
    assert "Evidence for 4 from Priya Chair" in page  # a submitted sheet is shown
    assert "Unsent draft note" not in page and "Omar Other" not in page


# 2. Only submitted sheets count in the results.


def test_draft_scores_never_count_in_the_results(app, bank, make_user):
    panel = build_panel(app, make_user)
    _everyone_submits(panel, leave_out=((panel.other, panel.amara),))
    other = member_client(app, panel.other)
    notes = ["A complete draft", "Never submitted"]
    assert save_sheet(other, panel.stage, panel.amara, ["1", "1"], notes).status_code == 302
    chair = client_for(app, panel.chair)
    closed = submit_form(chair, panel.url("/close"), {"reason": "Omar was taken ill"})
    assert closed.status_code == 302 and _moderation_is_open(panel)
    hr = client_for(app, panel.hr)
    assert members_counted_for(hr, panel, panel.amara) == {"Priya Chair", "Dee Member"}


# 3. The HR adviser advises on the process and does not score.


def test_the_hr_adviser_is_refused_the_score_sheet(app, bank, make_user):
    panel = build_panel(app, make_user)
    adviser = member_client(app, panel.hr)
    url = sheet_url(panel.stage, panel.amara)
    page = adviser.get(url)
    assert page.status_code == 403
    assert "you do not score" in page.get_data(as_text=True)
    fields = {f"score_{item.id}": "5" for item in panel.stage.items}
    fields |= {f"evidence_{item.id}": "Adviser's view" for item in panel.stage.items}
    token = csrf_token_from(page.get_data(as_text=True))
    posted = adviser.post(
        url, data={"csrf_token": token, "lock_version": "", "check": "x", **fields}
    )
    assert posted.status_code == 403
    assert own_sheet(panel.stage, panel.amara, panel.hr) is None


def test_moderation_opens_without_waiting_for_the_hr_adviser(app, bank, make_user):
    panel = build_panel(app, make_user)
    _everyone_submits(panel, leave_out=((panel.other, panel.tom),))
    other = member_client(app, panel.other)
    last = submit_through_pages(other, panel.stage, panel.tom, ["3", "3"], "Last sheet")
    assert last.status_code == 302
    assert _moderation_is_open(panel)


# 4. A sheet reaches the check page, and submission, only when every question is answered.


def test_an_incomplete_sheet_cannot_reach_the_check_page_or_be_submitted(app, bank, make_user):
    panel = build_panel(app, make_user)
    member = member_client(app, panel.member)
    notes = ["Half the evidence", ""]
    assert save_sheet(member, panel.stage, panel.amara, ["4", ""], notes).status_code == 302
    check = member.get(sheet_url(panel.stage, panel.amara, "check"))
    assert check.status_code == 302
    assert check.headers["Location"].endswith(sheet_url(panel.stage, panel.amara))
    posted = post_check_page(member, panel.stage, panel.amara)
    assert posted.status_code == 302
    assert posted.headers["Location"].endswith(sheet_url(panel.stage, panel.amara))
    sheet = own_sheet(panel.stage, panel.amara, panel.member)
    assert sheet is not None and sheet.status is SheetStatus.DRAFT and sheet.submitted_at is None


# 5. A declared conflict takes the candidate off the member's list: their sheet is not awaited.


def test_a_declared_conflict_is_not_waited_for(app, bank, make_user):
    panel = build_panel(app, make_user)
    member = member_client(app, panel.member)
    assert declare_conflict(member, panel.stage, panel.amara).status_code == 302
    _everyone_submits(panel, leave_out=((panel.member, panel.amara), (panel.other, panel.tom)))
    other = member_client(app, panel.other)
    last = submit_through_pages(other, panel.stage, panel.tom, ["3", "3"], "Last sheet")
    assert last.status_code == 302
    assert _moderation_is_open(panel)


# 6. "Open moderation" works only once every sheet is in; before that it takes a reason.


def test_moderation_cannot_open_early_without_a_reason(app, bank, make_user):
    panel = build_panel(app, make_user)
    _everyone_submits(panel, leave_out=((panel.other, panel.tom),))
    chair = client_for(app, panel.chair)
    token = csrf_token_from(chair.get(panel.url()).get_data(as_text=True))
    response = chair.post(panel.url("/open"), data={"csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(panel.url("/close"))
    assert not _moderation_is_open(panel)


# 7. Only a submitted score can be amended; a draft is simply edited.


def test_a_draft_sheet_cannot_be_amended(app, bank, make_user):
    panel = build_panel(app, make_user)
    member = member_client(app, panel.member)
    notes = ["First note", "Second note"]
    assert save_sheet(member, panel.stage, panel.amara, ["4", "4"], notes).status_code == 302
    assert amend(member, panel.stage, panel.amara, score="1").status_code == 404
    assert _count(ScoreAmendment) == 0
    sheet = own_sheet(panel.stage, panel.amara, panel.member)
    assert sheet is not None and sheet.status is SheetStatus.DRAFT
    assert sorted(row.score for row in sheet.scores) == [4, 4]


# 8. A disabled account's sessions end, and stay ended.


def test_disabling_an_account_ends_its_sessions_for_good(app, make_user):
    user = make_user(Role.PANEL, name="Dee Member")
    member = client_for(app, user)
    assert member.get("/").status_code == 200
    admin = client_for(app, make_user(Role.ADMIN))
    url = f"/admin/users/{user.id}"
    fields = {"full_name": user.full_name, "role": "panel"}
    assert submit_form(admin, url, {**fields, "version": user.version}).status_code == 302
    db.session.expire_all()
    assert _sessions_of(user) == 0
    enabled = {**fields, "is_enabled": "y", "version": db.session.get(User, user.id).version}
    assert submit_form(admin, url, enabled).status_code == 302
    assert member.get("/").status_code == 302  # the cookie from before is not revived


def test_a_disabled_accounts_session_is_refused_and_left_to_expire(app, make_user):
    user = make_user(Role.PANEL)
    member = client_for(app, user)
    idle = timedelta(minutes=app.config["SESSION_IDLE_MINUTES"])
    user.is_enabled = False  # as a change made outside the admin pages would leave it
    _age_sessions(user, idle - timedelta(minutes=1))
    assert member.get("/").status_code == 302
    _age_sessions(user, timedelta(minutes=2))  # the idle limit passes
    db.session.get(User, user.id).is_enabled = True
    db.session.commit()
    assert member.get("/").status_code == 302  # refused requests did not keep it alive


def _sessions_of(user: User) -> int:
    found = select(func.count()).select_from(UserSession).where(UserSession.user_id == user.id)
    return db.session.scalar(found) or 0


def _age_sessions(user: User, by: timedelta) -> None:
    """Move the user's sessions back in time, as if ``by`` had passed since they were used."""
    for row in db.session.scalars(select(UserSession).where(UserSession.user_id == user.id)):
        row.last_seen_at -= by
        row.created_at -= by
    db.session.commit()


# 9 and 10. Set-aside sheets, and sheets from a member with a declared conflict, never count.


def test_a_set_aside_sheet_never_counts_in_the_results(app, bank, make_user):
    panel = build_panel(app, make_user)
    _everyone_submits(panel)
    hr = client_for(app, panel.hr)
    seat = next(s for s in panel.stage.seats if s.user_id == panel.other.id)
    url = f"/vacancies/{panel.stage.vacancy_id}/stages/{panel.stage.id}/panel/{seat.id}/stand-down"
    data = {"reason": "Left the council", "submitted_sheets": "set_aside"}
    assert submit_form(hr, url, data).status_code == 302
    assert _moderation_is_open(panel)
    assert members_counted_for(hr, panel, panel.amara) == {"Priya Chair", "Dee Member"}


def test_a_conflicted_members_sheet_never_counts_even_if_not_set_aside(app, bank, make_user):
    panel = build_panel(app, make_user)
    _everyone_submits(panel)
    # A declaration recorded without its sheet being set aside (as an older record may be).
    db.session.add(
        ConflictOfInterest(user_id=panel.member.id, candidate_id=panel.amara.id, description="")
    )
    db.session.commit()
    _chair_opens_moderation(app, panel)
    hr = client_for(app, panel.hr)
    assert members_counted_for(hr, panel, panel.amara) == {"Priya Chair", "Omar Other"}
    assert "Dee Member" in members_counted_for(hr, panel, panel.tom)


# 11. Amendments close when moderation opens.


def test_amendments_are_refused_once_moderation_is_open(app, bank, make_user):
    panel = build_panel(app, make_user)
    _everyone_submits(panel)
    _chair_opens_moderation(app, panel)
    member = member_client(app, panel.member)
    refused = amend(member, panel.stage, panel.amara, score="1")
    assert refused.status_code == 403
    assert "Moderation has started" in refused.get_data(as_text=True)
    assert _count(ScoreAmendment) == 0


# 12. Closing moderation locks its records.


def test_moderation_records_are_locked_once_moderation_is_closed(app, bank, make_user):
    panel = build_panel(app, make_user)
    _everyone_submits(panel)
    chair = _chair_opens_moderation(app, panel)
    assert record_moderation(chair, panel, panel.amara).status_code == 302
    assert record_moderation(chair, panel, panel.tom, outcome="reserve").status_code == 302
    finish = chair.get(panel.url("/finish")).get_data(as_text=True)
    closed = chair.post(panel.url("/finish"), data={**hidden_inputs(finish), "reason": ""})
    assert closed.status_code == 302
    locked = record_moderation(chair, panel, panel.tom, outcome="appointable")
    assert locked.status_code == 200
    assert "nothing was saved" in locked.get_data(as_text=True)
    outcome = select(CandidateDecision.outcome).where(
        CandidateDecision.candidate_id == panel.tom.id
    )
    assert db.session.scalar(outcome) is Outcome.RESERVE


# 13. A chair with a declared conflict takes no part in that candidate's moderation.


def test_a_conflicted_chair_is_refused_the_candidates_moderation(app, bank, make_user):
    panel = build_panel(app, make_user)
    chair = client_for(app, panel.chair)
    assert declare_conflict(chair, panel.stage, panel.amara).status_code == 302
    _everyone_submits(panel, leave_out=((panel.chair, panel.amara),))
    chair = _chair_opens_moderation(app, panel)
    url = panel.url(f"/candidates/{panel.amara.id}")
    page = chair.get(url)
    assert page.status_code == 403
    assert "Harriet Adviser" in page.get_data(as_text=True)  # who may record it instead
    token = csrf_token_from(page.get_data(as_text=True))
    data = {"csrf_token": token, "outcome": "appointable", "reasons": "Strong"}
    assert chair.post(url, data=data).status_code == 403
    assert _count(CandidateDecision) == 0
