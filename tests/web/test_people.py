"""HR add a panel member who has no account and hand them a one-time set-password link;
generated passwords must be changed at first sign-in (issue #25 item 3)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, PanelRole, PanelSeat, Role, SetPasswordLink, User
from recruit.models._types import utcnow
from recruit.set_password_links import find_set_password_link, use_set_password_link
from tests.conftest import TEST_PASSWORD
from tests.support.factories import make_stage, make_vacancy
from tests.support.forms import csrf_token_from, sign_in, submit_form

CHOSEN = "harbour lantern copper meadow"
INVITEE = "cllr.amina.shah@council.example"


def _scene(signed_in, role: Role = Role.HR):  # type: ignore[no-untyped-def]
    client, hr = signed_in(role)
    vacancy = make_vacancy(hr)
    stage = make_stage(vacancy)
    db.session.commit()
    return client, hr, stage


def _invite_url(stage) -> str:  # type: ignore[no-untyped-def]
    return f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/panel/new-person"


def _invite(client, stage, **overrides):  # type: ignore[no-untyped-def]
    data = {
        "full_name": "Cllr Amina Shah",
        "email": INVITEE,
        "panel_role": PanelRole.MEMBER.value,
        "is_councillor": "y",
        **overrides,
    }
    return submit_form(client, _invite_url(stage), data)


def _link_in(page: str) -> str:
    match = re.search(r'data-testid="set-password-link">([^<]+)<', page)
    assert match, "no set-password link on the page"
    return match.group(1).replace("http://localhost", "")


def _invitee() -> User:
    person = db.session.scalar(select(User).where(User.email == INVITEE))
    assert person is not None
    return person


def _post_from(client, url: str, form_page: str):  # type: ignore[no-untyped-def]
    """POST the CSRF token of ``form_page`` (and nothing else) to ``url``."""
    token = csrf_token_from(client.get(form_page).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token})


def _set_password(client, path: str, password: str = CHOSEN, confirm: str | None = None):  # type: ignore[no-untyped-def]
    data = {"new_password": password, "confirm_password": confirm or password}
    return submit_form(client, path, data)


def test_hr_adds_a_panel_member_with_no_account_and_is_shown_their_link_once(app, signed_in):
    client, hr, stage = _scene(signed_in)
    response = _invite(client, stage)
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    assert "Cllr Amina Shah added to the panel" in page
    assert response.headers["Cache-Control"] == "no-store"
    path = _link_in(page)
    assert path.startswith("/set-password/")

    person = _invitee()
    assert (person.role, person.is_enabled, person.awaiting_password) == (Role.PANEL, False, True)
    seat = db.session.scalar(select(PanelSeat).where(PanelSeat.user_id == person.id))
    assert (seat.stage_id, seat.panel_role, seat.is_councillor) == (
        stage.id,
        PanelRole.MEMBER,
        True,
    )
    # Only a digest of the token is stored: the link cannot be rebuilt from the database.
    stored = db.session.scalar(select(SetPasswordLink).where(SetPasswordLink.user_id == person.id))
    assert path.rsplit("/", 1)[1] not in stored.token_digest
    assert stored.created_by_id == hr.id
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"user.invited", "panel.seat_added", "user.set_password_link_created"} <= actions

    # Nobody can sign in to the account yet, with any password.
    assert sign_in(app.test_client(), INVITEE, CHOSEN).status_code == 200
    stage_page = client.get(f"/vacancies/{stage.vacancy_id}/stages/{stage.id}").get_data(
        as_text=True
    )
    assert "No password yet" in stage_page and f"/people/{person.id}" in stage_page
    # Shown once: the person's page says a link exists but never shows it again.
    person_page = client.get(f"/people/{person.id}").get_data(as_text=True)
    assert "Waiting to be used" in person_page and path not in person_page


def test_the_link_sets_the_password_once_and_opens_the_account(app, signed_in):
    client, _hr, stage = _scene(signed_in)
    path = _link_in(_invite(client, stage).get_data(as_text=True))
    visitor = app.test_client()
    form_page = visitor.get(path)
    assert form_page.status_code == 200 and INVITEE in form_page.get_data(as_text=True)

    response = _set_password(visitor, path)
    assert response.status_code == 302 and response.headers["Location"].endswith("/sign-in")
    person = _invitee()
    db.session.refresh(person)
    assert person.is_enabled and not person.awaiting_password and not person.must_change_password
    signed = app.test_client()
    assert sign_in(signed, INVITEE, CHOSEN).status_code == 302
    assert signed.get("/").status_code == 200  # no forced change: they chose this password

    # Single use: the same link refuses a second visit and a second password.
    again = app.test_client().get(path)
    assert again.status_code == 410 and "used already" in again.get_data(as_text=True)
    late = app.test_client()
    token = csrf_token_from(late.get("/sign-in").get_data(as_text=True))
    data = {"csrf_token": token, "new_password": "another long pass phrase"}
    response = late.post(path, data={**data, "confirm_password": data["new_password"]})
    assert response.status_code == 410
    assert sign_in(app.test_client(), INVITEE, CHOSEN).status_code == 302
    assert (
        db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "user.password_set_by_link")
        ).user_id
        == person.id
    )


def test_an_expired_link_sets_nothing(app, signed_in):
    client, _hr, stage = _scene(signed_in)
    path = _link_in(_invite(client, stage).get_data(as_text=True))
    link = find_set_password_link(path.rsplit("/", 1)[1])
    link.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()

    visitor = app.test_client()
    response = visitor.get(path)
    assert response.status_code == 410 and "expired" in response.get_data(as_text=True)
    person = _invitee()
    assert not person.is_enabled and person.awaiting_password
    assert sign_in(app.test_client(), INVITEE, CHOSEN).status_code == 200


def test_links_expire_after_the_configured_hours(app, signed_in):
    app.config["SET_PASSWORD_LINK_HOURS"] = 5
    client, _hr, stage = _scene(signed_in)
    before = utcnow()
    path = _link_in(_invite(client, stage).get_data(as_text=True))
    link = find_set_password_link(path.rsplit("/", 1)[1])
    assert timedelta(hours=5) <= link.expires_at - before < timedelta(hours=5, minutes=1)


def test_a_new_link_replaces_the_old_one(app, signed_in):
    client, _hr, stage = _scene(signed_in)
    first = _link_in(_invite(client, stage).get_data(as_text=True))
    person = _invitee()
    response = _post_from(client, f"/people/{person.id}/set-password-link", f"/people/{person.id}")
    second = _link_in(response.get_data(as_text=True))
    assert second != first

    old = app.test_client().get(first)
    assert old.status_code == 410 and "newer link" in old.get_data(as_text=True)
    assert _set_password(app.test_client(), second).status_code == 302
    assert sign_in(app.test_client(), INVITEE, CHOSEN).status_code == 302


def test_an_unknown_link_is_not_found(client):
    response = client.get("/set-password/not-a-real-token")
    assert response.status_code == 404 and "cannot be used" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("password", "confirm", "message"),
    [
        ("short", "short", "15 characters"),
        (CHOSEN, "something else entirely here", "do not match"),
        ("", "", "Enter a new password"),
    ],
)
def test_a_weak_or_mismatched_password_is_shown_the_govuk_way_and_the_link_still_works(
    app, signed_in, password, confirm, message
):
    client, _hr, stage = _scene(signed_in)
    path = _link_in(_invite(client, stage).get_data(as_text=True))
    visitor = app.test_client()
    response = _set_password(visitor, path, password, confirm)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page and message in page
    assert _set_password(visitor, path).status_code == 302


def test_two_submissions_of_one_link_cannot_both_set_a_password(app, signed_in):
    client, _hr, stage = _scene(signed_in)
    token = _link_in(_invite(client, stage).get_data(as_text=True)).rsplit("/", 1)[1]
    link = find_set_password_link(token)
    now = utcnow()
    assert use_set_password_link(link, CHOSEN, now)
    db.session.commit()
    # The second submission read the link before the first one claimed it.
    assert not use_set_password_link(link, "a different pass phrase here", now)
    db.session.rollback()
    assert sign_in(app.test_client(), INVITEE, CHOSEN).status_code == 302


def test_the_invite_form_shows_errors_and_creates_nothing(app, signed_in, make_user):
    client, _hr, stage = _scene(signed_in)
    existing = make_user(Role.PANEL, name="Already Here")
    response = _invite(client, stage, email=existing.email.upper())
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "Already Here already has an account" in page

    response = _invite(client, stage, full_name="", email="not-an-email", panel_role="")
    page = response.get_data(as_text=True)
    for message in ("Enter the user", "correct format", "Select their role on the panel"):
        assert message in page
    assert db.session.scalar(select(User).where(User.email == INVITEE)) is None
    assert not db.session.scalars(select(PanelSeat).where(PanelSeat.stage_id == stage.id)).all()


def test_hr_make_links_only_for_panel_members_still_waiting(app, signed_in, make_user):
    client, hr, stage = _scene(signed_in)
    for role in (Role.ADMIN, Role.HR, Role.REVIEWER):
        other = make_user(role)
        assert client.get(f"/people/{other.id}").status_code == 404
        response = _post_from(client, f"/people/{other.id}/set-password-link", "/")
        assert response.status_code == 404
    active = make_user(Role.PANEL)
    response = _post_from(client, f"/people/{active.id}/set-password-link", f"/people/{active.id}")
    assert (
        response.status_code == 409
        and "not waiting for a set-password link" in response.get_data(as_text=True)
    )
    assert db.session.scalar(select(SetPasswordLink)) is None
    assert sign_in(app.test_client(), active.email, TEST_PASSWORD).status_code == 302


def test_an_admin_sees_invitations_on_the_users_page(app, signed_in):
    client, _hr, stage = _scene(signed_in)
    _invite(client, stage)
    admin, _ = signed_in(Role.ADMIN)
    page = admin.get("/admin/users").get_data(as_text=True)
    assert "No password yet" in page and f"/people/{_invitee().id}" in page
    assert admin.get(f"/people/{_invitee().id}").status_code == 200


def test_an_invitee_can_sit_on_a_second_panel_before_setting_a_password(app, signed_in):
    client, hr, stage = _scene(signed_in)
    _invite(client, stage)
    second = make_stage(stage.vacancy, name="Stakeholder panel")
    db.session.commit()
    url = f"/vacancies/{stage.vacancy_id}/stages/{second.id}"
    page = client.get(url).get_data(as_text=True)
    assert "invited: no password yet" in page
    token = csrf_token_from(page)
    data = {"user_id": str(_invitee().id), "panel_role": PanelRole.MEMBER.value}
    response = client.post(f"{url}/panel", data={"csrf_token": token, **data})
    assert response.status_code == 302
    assert (
        len(db.session.scalars(select(PanelSeat).where(PanelSeat.user_id == _invitee().id)).all())
        == 2
    )


def test_a_withdrawn_invitation_stops_every_link_and_keeps_the_account_shut(app, signed_in):
    client, _hr, stage = _scene(signed_in)
    path = _link_in(_invite(client, stage).get_data(as_text=True))
    person = _invitee()
    token = csrf_token_from(client.get(f"/people/{person.id}").get_data(as_text=True))
    response = client.post(f"/people/{person.id}/withdraw-invitation", data={"csrf_token": token})
    assert response.status_code == 302
    assert "Invitation to Cllr Amina Shah withdrawn" in client.get(
        response.headers["Location"]
    ).get_data(as_text=True)
    db.session.refresh(person)
    assert not person.awaiting_password and not person.is_enabled
    refused = app.test_client().get(path)
    assert refused.status_code == 410
    assert "invitation this link belonged to was withdrawn" in refused.get_data(as_text=True)
    assert "Withdrawn with the invitation" in client.get(f"/people/{person.id}").get_data(
        as_text=True
    )
    late = app.test_client()
    token = csrf_token_from(late.get("/sign-in").get_data(as_text=True))
    data = {"csrf_token": token, "new_password": CHOSEN, "confirm_password": CHOSEN}
    assert late.post(path, data=data).status_code == 410
    # HR cannot make a new link for them: only an administrator can open the account again.
    response = _post_from(client, f"/people/{person.id}/set-password-link", f"/people/{person.id}")
    assert response.status_code == 409
    assert sign_in(app.test_client(), INVITEE, CHOSEN).status_code == 200
    assert db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "user.invitation_withdrawn")
    )


# Generated passwords ----------------------------------------------------------------


def _generated_password(page: str) -> str:
    match = re.search(r'data-testid="generated-password">([^<]+)<', page)
    assert match
    return match.group(1)


def _assert_change_is_forced(app, email: str, password: str) -> None:  # type: ignore[no-untyped-def]
    visitor = app.test_client()
    assert sign_in(visitor, email, password).status_code == 302
    for path in ("/", "/questions", "/profiles"):
        response = visitor.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].endswith("/account/password")
    page = visitor.get("/account/password").get_data(as_text=True)
    assert "Choose your own password" in page
    # A POST elsewhere is turned back too, before it can change anything.
    token = csrf_token_from(page)
    assert visitor.post("/profiles/new", data={"csrf_token": token}).status_code == 302

    response = submit_form(
        visitor,
        "/account/password",
        {"current_password": password, "new_password": CHOSEN, "confirm_password": CHOSEN},
    )
    assert response.status_code == 302
    assert visitor.get("/").status_code == 200
    user = db.session.scalar(select(User).where(User.email == email))
    db.session.refresh(user)
    assert not user.must_change_password


def test_a_user_an_admin_adds_must_change_the_generated_password(app, signed_in):
    admin, _ = signed_in(Role.ADMIN)
    response = submit_form(
        admin,
        "/admin/users/new",
        {"email": "generated@test.example", "full_name": "Given A Password", "role": "panel"},
    )
    _assert_change_is_forced(
        app, "generated@test.example", _generated_password(response.get_data(as_text=True))
    )


def test_a_reset_password_must_be_changed(app, signed_in, make_user):
    admin, _ = signed_in(Role.ADMIN)
    person = make_user(Role.HR)
    response = submit_form(admin, f"/admin/users/{person.id}/reset-password", {"confirm": "y"})
    _assert_change_is_forced(
        app, person.email, _generated_password(response.get_data(as_text=True))
    )


def test_a_session_ended_while_a_change_is_due_leads_back_to_sign_in(app, signed_in, make_user):
    admin, _ = signed_in(Role.ADMIN)
    person = make_user(Role.PANEL)
    response = submit_form(admin, f"/admin/users/{person.id}/reset-password", {"confirm": "y"})
    password = _generated_password(response.get_data(as_text=True))
    visitor = app.test_client()
    assert sign_in(visitor, person.email, password).status_code == 302
    # An administrator resets the password again: every session of theirs ends.
    submit_form(admin, f"/admin/users/{person.id}/reset-password", {"confirm": "y"})
    response = visitor.get("/account/password")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
    assert visitor.get(response.headers["Location"]).status_code == 200


def test_signing_out_is_allowed_while_a_change_is_due(app, signed_in):
    admin, _ = signed_in(Role.ADMIN)
    response = submit_form(
        admin,
        "/admin/users/new",
        {"email": "leaving@test.example", "full_name": "Leaving Soon", "role": "hr"},
    )
    password = _generated_password(response.get_data(as_text=True))
    visitor = app.test_client()
    sign_in(visitor, "leaving@test.example", password)
    token = csrf_token_from(visitor.get("/account/password").get_data(as_text=True))
    response = visitor.post("/sign-out", data={"csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"].endswith("/sign-in")
