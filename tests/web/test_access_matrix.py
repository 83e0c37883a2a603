"""Every route, every role: generated from app.url_map, so a new route without a rule fails.

Also checks that no GET changes anything stored (security item 8).
"""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from recruit.accounts import invite_panel_member
from recruit.extensions import db
from recruit.models import (
    CandidateReference,
    FeedbackRequest,
    LeadershipProfile,
    PanelRole,
    PlanActivity,
    Role,
    ScrutinyKind,
    ScrutinyPoint,
    Vacancy,
)
from recruit.set_password_links import issue_set_password_link
from tests.conftest import TEST_PASSWORD
from tests.support.factories import make_candidate, make_stage, make_vacancy
from tests.support.forms import sign_in

ALL = frozenset(Role)
HR_AND_ADMIN = frozenset({Role.HR, Role.ADMIN})
PUBLIC = "public"
# Open to anyone signed in, but only for stages where they hold a seat: 404 for everyone else.
SEATED = "seated"
# HR and admin always; the stage's chair too (404 for everyone else).
HR_OR_SEATED = "hr or seated"
# HR, admin and reviewers always; panel members of the vacancy's stages too (else 404).
REVIEWERS_OR_SEATED = "reviewers or seated"
SEATED_ELSE_404 = {
    SEATED: frozenset(),
    HR_OR_SEATED: HR_AND_ADMIN,
    REVIEWERS_OR_SEATED: frozenset({Role.HR, Role.ADMIN, Role.REVIEWER}),
}
# Reviewers (the DCS, appointing members) also read these pages of vacancies they are named
# on, beside the roles ACCESS gives them: the list holds only those vacancies, and a page of
# another vacancy is a 404, so its existence is not confirmed. Every other vacancies route
# stays HR and admin's (403 for a reviewer, named or not).
FOR_NAMED_REVIEWERS = frozenset({"vacancies.index", "vacancies.show"})
NAMED_ELSE_404 = frozenset({"vacancies.show"})  # the vacancy is in the URL

# endpoint -> who may GET it. A new endpoint must be added here, or this test fails.
ACCESS: dict[str, frozenset[Role] | str] = {
    "static": PUBLIC,
    "main.govuk_asset": PUBLIC,
    "main.health": PUBLIC,
    "auth.login": PUBLIC,
    "auth.logout": ALL,  # POST only
    "auth.change_password": ALL,
    "auth.set_password": PUBLIC,  # the one-time token in the URL is the only key
    "main.home": ALL,
    "admin.users": frozenset({Role.ADMIN}),
    "admin.create_user": frozenset({Role.ADMIN}),
    "admin.edit_user": frozenset({Role.ADMIN}),
    "admin.reset_password": frozenset({Role.ADMIN}),
    "admin.audit_log": frozenset({Role.ADMIN}),
    "admin.audit_log_csv": frozenset({Role.ADMIN}),
    # Equality answers: HR record them (write only); equality monitoring reads the report.
    "candidates.equality_import": HR_AND_ADMIN,
    "candidates.equality_template": HR_AND_ADMIN,
    "candidates.equality_answers": HR_AND_ADMIN,
    "equality.report": frozenset({Role.EQUALITY, Role.ADMIN}),
    "equality.report_download": frozenset({Role.EQUALITY, Role.ADMIN}),
    "equality.report_word": frozenset({Role.EQUALITY, Role.ADMIN}),
    "people.invite": HR_AND_ADMIN,
    "people.show": HR_AND_ADMIN,
    "people.new_link": HR_AND_ADMIN,  # POST only
    "people.withdraw": HR_AND_ADMIN,  # POST only
    "questions.search": ALL,
    "questions.show": ALL,
    "questions.exercises": ALL,
    "questions.exercise": ALL,
    "questions.attributes": ALL,
    "questions.show_version": frozenset({Role.ADMIN, Role.HR}),
    "questions.create": frozenset({Role.ADMIN}),
    "questions.edit": frozenset({Role.ADMIN}),
    "questions.retire": frozenset({Role.ADMIN}),
    "questions.reinstate": frozenset({Role.ADMIN}),
    "vacancies.index": HR_AND_ADMIN,
    "vacancies.create": HR_AND_ADMIN,
    "vacancies.show": HR_AND_ADMIN,
    "vacancies.edit": HR_AND_ADMIN,
    "vacancies.person_spec": HR_AND_ADMIN,
    "vacancies.person_spec_standard": HR_AND_ADMIN,
    "vacancies.person_spec_remove": HR_AND_ADMIN,
    "adverts.builder": HR_AND_ADMIN,
    "adverts.start": HR_AND_ADMIN,
    "adverts.edit_section": HR_AND_ADMIN,
    "adverts.self_assessment": HR_AND_ADMIN,
    "adverts.mark_ready": HR_AND_ADMIN,
    "adverts.language_check": HR_AND_ADMIN,
    "adverts.versions": HR_AND_ADMIN,
    "adverts.version": HR_AND_ADMIN,
    "adverts.download": HR_AND_ADMIN,
    "adverts.candidate_pack": HR_AND_ADMIN,
    "stages.create": HR_AND_ADMIN,
    "stages.show": HR_AND_ADMIN,
    "stages.edit": HR_AND_ADMIN,
    "stages.add_seat": HR_AND_ADMIN,
    "stages.remove_seat": HR_AND_ADMIN,
    "stages.stand_down_seat": HR_AND_ADMIN,
    "stages.move": HR_AND_ADMIN,
    "stages.plan_page": HR_AND_ADMIN,
    "stages.find_questions": HR_AND_ADMIN,
    "stages.add_to_plan": HR_AND_ADMIN,
    "stages.find_exercises": HR_AND_ADMIN,
    "stages.add_exercise": HR_AND_ADMIN,
    "stages.remove_activity": HR_AND_ADMIN,
    "stages.download_candidate_brief": HR_AND_ADMIN,
    "stages.change_item": HR_AND_ADMIN,
    "stages.save_minutes": HR_AND_ADMIN,
    "stages.save_weights": HR_AND_ADMIN,
    "stages.issue": HR_AND_ADMIN,
    "stages.withdraw": HR_AND_ADMIN,
    "stages.packs_page": HR_AND_ADMIN,
    "stages.download_pack": HR_AND_ADMIN,
    "stages.download_chair_pack": HR_AND_ADMIN,
    "stages.download_all_packs": HR_AND_ADMIN,
    "stages.timetable_page": HR_AND_ADMIN,
    "stages.download_timetable": HR_AND_ADMIN,
    "candidates.index": HR_AND_ADMIN,
    "candidates.create": HR_AND_ADMIN,
    "candidates.edit": HR_AND_ADMIN,
    "candidates.anonymise": HR_AND_ADMIN,
    "candidates.template": HR_AND_ADMIN,
    "candidates.import_upload": HR_AND_ADMIN,
    "candidates.import_confirm": HR_AND_ADMIN,
    # Pre-employment checks are HR's record: 403 for panel members and reviewers.
    "checks.checklist": HR_AND_ADMIN,
    "checks.record": HR_AND_ADMIN,
    "checks.central_record": HR_AND_ADMIN,
    # References are HR's record too.
    "references.index": HR_AND_ADMIN,
    "references.add": HR_AND_ADMIN,
    "references.record": HR_AND_ADMIN,
    "shortlisting.overview": HR_AND_ADMIN,
    "shortlisting.candidate_page": HR_AND_ADMIN,
    "shortlisting.add_point": HR_AND_ADMIN,
    "shortlisting.change_point": HR_AND_ADMIN,
    "shortlisting.decide": HR_AND_ADMIN,
    "interviews.index": ALL,
    "interviews.my_pack": SEATED,
    "interviews.declare_conflict": SEATED,
    "scoring.score_sheet": SEATED,
    "scoring.check_scores": SEATED,
    "scoring.submitted": SEATED,
    "scoring.amend_score": SEATED,
    "moderation.index": HR_OR_SEATED,
    "moderation.open_moderation": HR_OR_SEATED,
    "moderation.close_scoring": HR_OR_SEATED,
    "moderation.candidate": HR_OR_SEATED,
    "moderation.advisory_report": HR_OR_SEATED,  # POST only
    "moderation.close_moderation": HR_OR_SEATED,
    "moderation.reopen_moderation": HR_OR_SEATED,
    "summaries.summary": REVIEWERS_OR_SEATED,
    "summaries.download_summary": REVIEWERS_OR_SEATED,
    "summaries.download_stage_summary": REVIEWERS_OR_SEATED,
    "summaries.download_scores": REVIEWERS_OR_SEATED,
    "summaries.radar": REVIEWERS_OR_SEATED,
    "summaries.stage_summary": REVIEWERS_OR_SEATED,
    "summaries.candidate_summary": REVIEWERS_OR_SEATED,
    # The decision: HR and admin, and the deciding panel's members (404 for everyone else).
    "decisions.show": HR_OR_SEATED,
    "decisions.record": HR_OR_SEATED,
    "decisions.confirm": HR_OR_SEATED,
    "decisions.notice": HR_OR_SEATED,
    "decisions.objection": HR_OR_SEATED,
    "decisions.ruling": HR_OR_SEATED,
    "decisions.offer": HR_OR_SEATED,
    "comparisons.comparison": REVIEWERS_OR_SEATED,
    "comparisons.radar": REVIEWERS_OR_SEATED,
    "comparisons.candidate_details": REVIEWERS_OR_SEATED,
    "comparisons.briefing_pack": REVIEWERS_OR_SEATED,
    "comparisons.target": HR_OR_SEATED,  # seated on the deciding stage
    "profiles.index": ALL,
    "profiles.create": ALL,
    # A profile is its owner's and a feedback request its colleague's: 404 for anyone else.
    "profiles.show": SEATED,
    "profiles.workbook": SEATED,
    "profiles.chart": SEATED,
    "profiles.share": SEATED,
    "profiles.delete": SEATED,
    "profiles.request_feedback": SEATED,
    "profiles.give_feedback": SEATED,
}

YOUNG_PEOPLES_ACTIVITY = "young-people-what-would-you-change-01"
SAMPLE_ARGUMENTS: dict[str, object] = {
    "static.filename": "app.css",
    "filename": "govuk-frontend.min.css",
    "question_id": "decisions-own-risk-01",
    "exercise_id": "presentation-first-hundred-days-values-01",
    "number": 1,
    "key": "the_role",
    "fmt": "txt",
    "action": "up",
    "direction": "up",
    "summaries.download_scores.fmt": "csv",
    "profiles.workbook.key": "values",
    "objection_id": 1,
    "criterion_id": 1,  # no criterion exists: a 404 after the access check, as for objections
    "kind": "enhanced_dbs",
    "checks.central_record.fmt": "xlsx",
}


def _routes(app):  # type: ignore[no-untyped-def]
    return sorted(app.url_map.iter_rules(), key=lambda rule: rule.endpoint)


def test_every_endpoint_has_an_access_rule(app):
    endpoints = {rule.endpoint for rule in _routes(app)}
    missing = endpoints - ACCESS.keys()
    assert not missing, f"add these endpoints to ACCESS in {__file__}: {sorted(missing)}"
    assert not ACCESS.keys() - endpoints, "ACCESS names endpoints that no longer exist"


def _url_for(app, rule, ids: dict[str, int | str]) -> str:  # type: ignore[no-untyped-def]
    arguments = {
        name: SAMPLE_ARGUMENTS.get(
            f"{rule.endpoint}.{name}", SAMPLE_ARGUMENTS.get(name, ids.get(name))
        )
        for name in rule.arguments
    }
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **arguments)


def _database_fingerprint() -> str:
    digest = hashlib.sha256()
    for table in db.metadata.sorted_tables:
        # A GET may refresh a session's last-seen time and record an export in the audit log.
        if table.name in ("user_session", "audit_event"):
            continue
        rows = db.session.execute(select(table)).all()
        digest.update(repr(sorted(map(repr, rows))).encode())
    return digest.hexdigest()


def _sample_ids(make_user) -> dict[str, int | str]:  # type: ignore[no-untyped-def]
    target = make_user(Role.PANEL, name="Target User")
    invitee = invite_panel_member("invited@test.example", "Invited Person", None)
    db.session.flush()
    _link, token = issue_set_password_link(invitee, target)
    vacancy = make_vacancy(make_user(Role.HR), with_advert=True)
    stage = make_stage(
        vacancy, seats=[(target, PanelRole.CHAIR)], questions=["decisions-own-risk-01"]
    )
    profile = LeadershipProfile(owner_id=target.id, title="Target's own profile")
    profile.feedback_requests.append(FeedbackRequest(colleague_id=target.id))
    db.session.add(profile)
    candidate = make_candidate(vacancy)
    reference = CandidateReference(candidate_id=candidate.id, referee_name="A Referee")
    point = ScrutinyPoint(
        candidate_id=candidate.id,
        stage_id=stage.id,
        kind=ScrutinyKind.GAP,
        noted="A gap",
        to_explore="Ask about it",
    )
    activity = PlanActivity(exercise_id=YOUNG_PEOPLES_ACTIVITY, minutes=20, position=1)
    stage.activities.append(activity)
    db.session.add_all([reference, point])
    db.session.commit()
    return {
        "profile_id": profile.id,
        "request_id": profile.feedback_requests[0].id,
        "user_id": target.id,
        "vacancy_id": vacancy.id,
        "stage_id": stage.id,
        "seat_id": stage.seats[0].id,
        "item_id": stage.items[0].id,
        "activity_id": activity.id,
        "candidate_id": candidate.id,
        "reference_id": reference.id,
        "point_id": point.id,
        "token": token,
    }


@pytest.mark.parametrize("role", [None, *Role], ids=lambda r: r.value if r else "anonymous")
def test_every_get_route_for_every_role(app, bank, make_user, role):
    ids = _sample_ids(make_user)
    client = app.test_client()
    if role is not None:
        user = make_user(role)
        assert sign_in(client, user.email, TEST_PASSWORD).status_code == 302
    _check_every_get_route(app, client, ids, role)


def test_every_get_route_for_a_reviewer_named_on_the_vacancy(app, bank, make_user):
    # Named as the hiring manager, not by a seat: a seat would open the panel's pages too.
    ids = _sample_ids(make_user)
    user = make_user(Role.REVIEWER, name="Dr Ruth Adeyemi")
    db.session.get(Vacancy, ids["vacancy_id"]).hiring_manager = " dr ruth  ADEYEMI "
    db.session.commit()
    client = app.test_client()
    assert sign_in(client, user.email, TEST_PASSWORD).status_code == 302
    _check_every_get_route(app, client, ids, Role.REVIEWER, named=True)


def _check_every_get_route(app, client, ids, role, *, named=False):  # type: ignore[no-untyped-def]
    for rule in _routes(app):
        if "GET" not in rule.methods:
            continue
        url = _url_for(app, rule, ids)
        before = _database_fingerprint()
        with client.get(url) as response:
            status = response.status_code
            location = response.headers.get("Location", "")
        assert _database_fingerprint() == before, f"GET {url} changed stored data"
        _assert_access(rule.endpoint, url, role, status, location, named=named)


def _assert_access(
    endpoint: str, url: str, role: Role | None, status: int, location: str, *, named: bool = False
) -> None:
    rule = ACCESS[endpoint]
    if rule == PUBLIC:
        assert status in (200, 302), f"{url} as {role}: {status}"
    elif role is None:
        assert status == 302 and location.startswith("/sign-in"), f"{url} anonymous: {status}"
    elif role is Role.REVIEWER and endpoint in FOR_NAMED_REVIEWERS:
        expected = 404 if endpoint in NAMED_ELSE_404 and not named else 200
        assert status == expected, f"{url} as a reviewer (named: {named}): {status}"
    elif rule in SEATED_ELSE_404 and role not in SEATED_ELSE_404[rule]:
        assert status == 404, f"{url} as {role.value} without a seat should be 404, got {status}"
    elif rule in SEATED_ELSE_404:
        assert status in (200, 302), f"{url} as {role.value}: {status}"
    elif role in rule:
        assert status in (200, 302), f"{url} as {role.value}: {status}"
    else:
        assert status == 403, f"{url} as {role.value} should be refused, got {status}"


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_every_post_route_refuses_roles_without_rights(app, bank, make_user, role):
    ids = _sample_ids(make_user)
    user = make_user(role)
    client = app.test_client()
    sign_in(client, user.email, TEST_PASSWORD)
    page = client.get("/").get_data(as_text=True)
    from tests.support.forms import csrf_token_from

    token = csrf_token_from(page)
    for rule in _routes(app):
        allowed = ACCESS[rule.endpoint]
        if (
            "POST" not in rule.methods
            or allowed == PUBLIC
            or (allowed in SEATED_ELSE_404 and role in SEATED_ELSE_404[allowed])
            or (allowed not in SEATED_ELSE_404 and role in allowed)
        ):
            continue
        url = _url_for(app, rule, ids)
        before = _database_fingerprint()
        response = client.post(url, data={"csrf_token": token})
        expected = 404 if allowed in SEATED_ELSE_404 else 403
        assert response.status_code == expected, (
            f"POST {url} as {role.value}: {response.status_code}"
        )
        assert _database_fingerprint() == before
