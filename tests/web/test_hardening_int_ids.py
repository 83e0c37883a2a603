"""Every ``<int:>`` route answers an out-of-range id with 404, never a 500.

Werkzeug's own integer converter takes any number of digits. Ids are INTEGER columns:
PostgreSQL refuses a number past 2^31 - 1 ("integer out of range") and SQLite's driver one
past 2^63 - 1 (OverflowError). The cases are generated from ``app.url_map``, so a new route
is covered without an edit; run with RECRUIT_TEST_DATABASE=postgres for PostgreSQL.
"""

from __future__ import annotations

import pytest
from flask import Flask, url_for
from werkzeug.routing import IntegerConverter, Rule

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
)
from tests.conftest import TEST_PASSWORD
from tests.support.factories import make_candidate, make_stage, make_vacancy
from tests.support.forms import csrf_token_from, sign_in
from tests.web.test_access_matrix import (
    ACCESS,
    NAMED_ELSE_404,
    SAMPLE_ARGUMENTS,
    SEATED_ELSE_404,
    YOUNG_PEOPLES_ACTIVITY,
)

LARGEST_ID = 2**31 - 1  # the largest PostgreSQL's INTEGER holds
TOO_LARGE = (
    2**31,  # one past PostgreSQL's INTEGER
    2**63 - 1,  # the largest signed 64-bit integer: SQLite's limit
    2**63,  # one past it
    10**39,  # forty digits
)
# A stage with no summary yet, missing or not yet in moderation, sends the reader back to
# the vacancy's summary page with a message rather than a 404 (summaries/routes.py).
NOT_READY_REDIRECTS = frozenset({"summaries.radar", "summaries.download_stage_summary"})


def _int_rules(app: Flask) -> list[Rule]:
    rules = [
        rule
        for rule in app.url_map.iter_rules()
        if any(_is_int(converter) for converter in rule._converters.values())
    ]
    assert len(rules) > 50, "the url map should have many routes taking ids"
    return sorted(rules, key=lambda rule: rule.rule)


def _is_int(converter: object) -> bool:
    return isinstance(converter, IntegerConverter)


def _world(make_user) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Ids of real rows, so the one id under test is the only thing missing."""
    chair = make_user(Role.PANEL, name="Chair")
    vacancy = make_vacancy(make_user(Role.HR), with_advert=True)
    stage = make_stage(
        vacancy, seats=[(chair, PanelRole.CHAIR)], questions=["decisions-own-risk-01"]
    )
    profile = LeadershipProfile(owner_id=chair.id, title="A profile")
    profile.feedback_requests.append(FeedbackRequest(colleague_id=chair.id))
    db.session.add(profile)
    candidate = make_candidate(vacancy)
    reference = CandidateReference(candidate_id=candidate.id, referee_name="A referee")
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
        "user_id": chair.id,
        "vacancy_id": vacancy.id,
        "stage_id": stage.id,
        "seat_id": stage.seats[0].id,
        "item_id": stage.items[0].id,
        "activity_id": activity.id,
        "candidate_id": candidate.id,
        "reference_id": reference.id,
        "point_id": point.id,
    }


def _url(app: Flask, rule: Rule, ids: dict[str, int], name: str, value: int) -> str:
    arguments = {
        argument: SAMPLE_ARGUMENTS.get(
            f"{rule.endpoint}.{argument}", SAMPLE_ARGUMENTS.get(argument, ids.get(argument))
        )
        for argument in rule.arguments
    }
    with app.test_request_context():
        url = url_for(rule.endpoint, **{**arguments, name: value})
    assert str(value) in url, (rule.rule, url)
    return url


def _cases(app: Flask, ids: dict[str, int]):  # type: ignore[no-untyped-def]
    for rule in _int_rules(app):
        for name, converter in rule._converters.items():
            if _is_int(converter):
                for method in sorted(rule.methods & {"GET", "POST"}):
                    yield rule, name, method


def _client(app: Flask, make_user, role: Role | None):  # type: ignore[no-untyped-def]
    client = app.test_client()
    if role is not None:
        assert sign_in(client, make_user(role).email, TEST_PASSWORD).status_code == 302
        token = csrf_token_from(client.get("/account/password").get_data(as_text=True))
    else:
        token = csrf_token_from(client.get("/sign-in").get_data(as_text=True))
    return client, token


def _request(client, method: str, url: str, token: str) -> int:  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(url).status_code
    return client.post(url, data={"csrf_token": token}).status_code


@pytest.mark.parametrize("role", [None, *Role], ids=lambda r: r.value if r else "anonymous")
def test_ids_too_large_for_the_database_are_404_on_every_int_route(app, bank, make_user, role):
    ids = _world(make_user)
    client, token = _client(app, make_user, role)
    failures = []
    for rule, name, method in _cases(app, ids):
        for value in TOO_LARGE:
            url = _url(app, rule, ids, name, value)
            status = _request(client, method, url, token)
            if status != 404:
                failures.append(f"{method} {url} ({rule.endpoint}): {status}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", [None, *Role], ids=lambda r: r.value if r else "anonymous")
def test_the_largest_id_a_column_holds_is_a_missing_object_not_an_error(app, bank, make_user, role):
    ids = _world(make_user)
    client, token = _client(app, make_user, role)
    failures = []
    for rule, name, method in _cases(app, ids):
        url = _url(app, rule, ids, name, LARGEST_ID)
        status = _request(client, method, url, token)
        if status not in _expected(rule.endpoint, role):
            failures.append(f"{method} {url} ({rule.endpoint}): {status}")
    assert not failures, "\n".join(failures)


def _expected(endpoint: str, role: Role | None) -> set[int]:
    """404 for anyone the route lets in; the usual refusal for everyone else."""
    allowed = ACCESS.get(endpoint)
    if role is None:
        # To the sign-in page, before anything is looked up; a score sheet posted while
        # signed out shows the notes back with 401 instead.
        return {302, 401}
    if allowed is None:
        return {403, 404}  # a route the access matrix does not know yet: it fails there
    if endpoint in NOT_READY_REDIRECTS:
        return {302, 404}
    if role is Role.REVIEWER and endpoint in NAMED_ELSE_404:
        return {404}  # a vacancy the reviewer is not named on, missing or not, is a 404
    if allowed in SEATED_ELSE_404:
        return {404}  # a seat, chair or owner scope: missing and not yours look the same
    return {404} if role in allowed else {403}


def test_the_int_converter_keeps_working_for_ordinary_ids(app, signed_in):
    client, user = signed_in(Role.ADMIN)
    assert client.get(f"/admin/users/{user.id}").status_code == 200
    assert client.get(f"/admin/users/0{user.id}").status_code == 200  # as Werkzeug always did
    with app.test_request_context():
        assert url_for("admin.edit_user", user_id=LARGEST_ID).endswith(str(LARGEST_ID))
    assert client.get(f"/admin/users/{LARGEST_ID}").status_code == 404
    assert client.get(f"/admin/users/{LARGEST_ID + 1}").status_code == 404
