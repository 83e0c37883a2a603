"""Admin creates, edits and disables users; every other role is refused."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, Role, User
from tests.support.forms import sign_in, submit_form

ADMIN_PAGES = ["/admin/users", "/admin/users/new"]


@pytest.mark.parametrize("role", [Role.HR, Role.PANEL, Role.REVIEWER])
@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_other_roles_get_403(signed_in, role, path):
    client, _user = signed_in(role)
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_anonymous_is_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_admin_adds_a_user_who_can_sign_in_with_the_password_shown_once(app, signed_in):
    client, _admin = signed_in(Role.ADMIN)
    response = submit_form(
        client,
        "/admin/users/new",
        {"email": "new.person@test.example", "full_name": "New Person", "role": "panel"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "User added" in page
    password = re.search(r'data-testid="generated-password">([^<]+)<', page).group(1)
    assert response.headers["Cache-Control"] == "no-store"
    created = db.session.scalar(select(User).where(User.email == "new.person@test.example"))
    assert created.role is Role.PANEL
    assert sign_in(app.test_client(), "new.person@test.example", password).status_code == 302
    assert db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "user.created")
    ).object_id == str(created.id)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "full_name": "A", "role": "hr"}, "Enter an email address"),
        (
            {"email": "not-an-email", "full_name": "A", "role": "hr"},
            "Enter an email address in the correct format",
        ),
        (
            {"email": "a@test.example", "full_name": "", "role": "hr"},
            "Enter the user&#39;s full name",
        ),
        ({"email": "a@test.example", "full_name": "A"}, "Select the user&#39;s role"),
        ({"email": "a@test.example", "full_name": "A", "role": "superuser"}, "Not a valid choice"),
    ],
)
def test_add_user_errors_are_shown_and_nothing_is_saved(signed_in, data, message):
    client, _admin = signed_in(Role.ADMIN)
    response = submit_form(client, "/admin/users/new", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "govuk-error-summary" in page and message in page
    assert db.session.scalar(select(User).where(User.email == "a@test.example")) is None


def test_duplicate_email_is_refused(signed_in, make_user):
    client, _admin = signed_in(Role.ADMIN)
    make_user(Role.HR, email="taken@test.example")
    response = submit_form(
        client, "/admin/users/new", {"email": "Taken@test.example", "full_name": "B", "role": "hr"}
    )
    assert "A user with this email address already exists" in response.get_data(as_text=True)


def test_admin_disables_a_user_who_is_signed_out_at_once(app, signed_in, make_user):
    client, _admin = signed_in(Role.ADMIN)
    target = make_user(Role.PANEL)
    target_client = app.test_client()
    sign_in(target_client, target.email, "correct horse battery staple")
    assert target_client.get("/").status_code == 200
    response = submit_form(
        client,
        f"/admin/users/{target.id}",
        {"full_name": target.full_name, "role": "panel", "version": target.version},
    )
    assert response.status_code == 302
    db.session.refresh(target)
    assert target.is_enabled is False
    assert target_client.get("/").status_code == 302
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.updated"))
    assert event.detail["changes"]["is_enabled"] == [True, False]


def test_concurrent_edit_is_refused_with_a_clear_message(signed_in, make_user):
    client, _admin = signed_in(Role.ADMIN)
    target = make_user(Role.PANEL, name="Original Name")
    stale_version = target.version
    target.full_name = "Changed Elsewhere"
    db.session.commit()
    response = submit_form(
        client,
        f"/admin/users/{target.id}",
        {"full_name": "My Edit", "role": "hr", "is_enabled": "y", "version": stale_version},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Someone else changed this user while you were editing" in page
    assert "Changed Elsewhere" in page
    db.session.refresh(target)
    assert target.full_name == "Changed Elsewhere" and target.role is Role.PANEL


def test_admin_cannot_disable_themself(signed_in):
    client, admin = signed_in(Role.ADMIN)
    response = submit_form(
        client,
        f"/admin/users/{admin.id}",
        {"full_name": admin.full_name, "role": "admin", "version": admin.version},
    )
    assert "You cannot disable your own account" in response.get_data(as_text=True)
    db.session.refresh(admin)
    assert admin.is_enabled


def test_reset_password_ends_sessions_and_shows_new_password(app, signed_in, make_user):
    client, _admin = signed_in(Role.ADMIN)
    target = make_user(Role.HR)
    target_client = app.test_client()
    sign_in(target_client, target.email, "correct horse battery staple")
    response = submit_form(client, f"/admin/users/{target.id}/reset-password", {"confirm": "yes"})
    page = response.get_data(as_text=True)
    password = re.search(r'data-testid="generated-password">([^<]+)<', page).group(1)
    assert target_client.get("/").status_code == 302
    assert sign_in(app.test_client(), target.email, password).status_code == 302


def test_unknown_user_is_404(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    response = client.get("/admin/users/99999")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


# --- safer recruitment training ---------------------------------------------------------

TRAINING = "safer_recruitment_trained_on"


def _uk_today():  # type: ignore[no-untyped-def]
    from recruit.stages.panel import council_today

    return council_today()


def _parts(day) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(day.day), str(day.month), str(day.year)]


def test_admin_adds_a_user_with_a_training_date_and_the_list_shows_it(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    data = {"email": "trained@test.example", "full_name": "Trained Person", "role": "panel"}
    response = submit_form(client, "/admin/users/new", {**data, TRAINING: ["3", "3", "2024"]})
    assert response.status_code == 200 and "User added" in response.get_data(as_text=True)
    created = db.session.scalar(select(User).where(User.email == "trained@test.example"))
    assert created.safer_recruitment_trained_on.isoformat() == "2024-03-03"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.created"))
    assert event.detail["safer_recruitment_trained_on"] == "2024-03-03"
    page = client.get("/admin/users").get_data(as_text=True)
    assert "Safer recruitment training" in page
    assert "Trained 3 March 2024, valid until 3 March 2029" in page
    assert "Not trained" in page  # the admin who signed in has no date


def test_admin_adds_a_user_without_a_training_date(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    data = {"email": "untrained@test.example", "full_name": "U", "role": "hr"}
    assert submit_form(client, "/admin/users/new", {**data, TRAINING: ["", "", ""]}).status_code
    created = db.session.scalar(select(User).where(User.email == "untrained@test.example"))
    assert created.safer_recruitment_trained_on is None


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ("tomorrow", "The training date must be today or in the past"),
        (["3", "", "2024"], "The training date must include a month"),
        (["", "3", "2024"], "The training date must include a day"),
        (["31", "2", "2024"], "The training date must be a real date"),
    ],
)
def test_a_future_or_broken_training_date_is_refused_and_nothing_saved(signed_in, parts, message):
    from datetime import timedelta

    client, _admin = signed_in(Role.ADMIN)
    if parts == "tomorrow":
        parts = _parts(_uk_today() + timedelta(days=1))
    data = {"email": "a@test.example", "full_name": "A", "role": "hr", TRAINING: parts}
    page = submit_form(client, "/admin/users/new", data).get_data(as_text=True)
    assert "govuk-error-summary" in page and message in page
    assert db.session.scalar(select(User).where(User.email == "a@test.example")) is None


def test_a_training_date_of_today_is_accepted(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    data = {"email": "today@test.example", "full_name": "T", "role": "hr"}
    submit_form(client, "/admin/users/new", {**data, TRAINING: _parts(_uk_today())})
    created = db.session.scalar(select(User).where(User.email == "today@test.example"))
    assert created.safer_recruitment_trained_on == _uk_today()


def _edit(client, target, parts):  # type: ignore[no-untyped-def]
    data = {
        "full_name": target.full_name,
        "role": target.role.value,
        "is_enabled": "y",
        "version": target.version,
        TRAINING: parts,
    }
    return submit_form(client, f"/admin/users/{target.id}", data)


def _updates() -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "user.updated")))


def test_admin_records_changes_and_clears_a_training_date_and_each_is_audited(signed_in, make_user):
    client, _admin = signed_in(Role.ADMIN)
    target = make_user(Role.PANEL, name="Panel Person")
    page = client.get(f"/admin/users/{target.id}").get_data(as_text=True)
    assert "Date of safer recruitment training" in page

    assert _edit(client, target, ["1", "5", "2023"]).status_code == 302
    db.session.refresh(target)
    assert target.safer_recruitment_trained_on.isoformat() == "2023-05-01"
    assert _updates()[-1].detail["changes"] == {TRAINING: [None, "2023-05-01"]}
    # The edit page shows the recorded date in the boxes.
    page = client.get(f"/admin/users/{target.id}").get_data(as_text=True)
    assert re.search(rf'name="{TRAINING}"[^>]*value="0?1"', page)
    assert re.search(rf'name="{TRAINING}"[^>]*value="2023"', page)

    assert _edit(client, target, ["", "", ""]).status_code == 302
    db.session.refresh(target)
    assert target.safer_recruitment_trained_on is None
    assert _updates()[-1].detail["changes"] == {TRAINING: ["2023-05-01", None]}


def test_editing_with_a_future_training_date_is_refused_and_nothing_saved(signed_in, make_user):
    from datetime import date, timedelta

    client, _admin = signed_in(Role.ADMIN)
    target = make_user(Role.PANEL)
    target.safer_recruitment_trained_on = date(2024, 3, 3)
    db.session.commit()
    response = _edit(client, target, _parts(_uk_today() + timedelta(days=400)))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "The training date must be today or in the past" in page
    db.session.refresh(target)
    assert target.safer_recruitment_trained_on == date(2024, 3, 3)
    assert _updates() == []
