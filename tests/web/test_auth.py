"""Signing in and out, sessions, CSRF, redirects and the failed-login limit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, func, select

from recruit import create_app
from recruit.extensions import db
from recruit.models import AuditEvent, LoginAttempt, Role, User, UserSession
from recruit.models._types import utcnow
from tests.conftest import TEST_PASSWORD
from tests.support.forms import csrf_token_from, sign_in, submit_form


def test_home_needs_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


def test_sign_in_and_see_home(client, make_user):
    user = make_user(Role.HR, name="Harriet Okafor")
    response = sign_in(client, user.email, TEST_PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    page = client.get("/").get_data(as_text=True)
    assert "Welcome, Harriet Okafor" in page
    assert "Testshire Council" in page
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == 1
    assert (
        db.session.scalar(select(AuditEvent.action).where(AuditEvent.user_id == user.id)) == "login"
    )


def test_email_is_case_insensitive(client, make_user):
    user = make_user(Role.HR, email="Mixed.Case@Test.Example")
    assert sign_in(client, "MIXED.case@test.example", TEST_PASSWORD).status_code == 302
    assert user.email == "mixed.case@test.example"


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("", "", "Enter your email address"),
        ("someone@test.example", "", "Enter your password"),
        (
            "nobody@test.example",
            "wrong password here",
            "Enter a correct email address and password",
        ),
    ],
)
def test_bad_sign_in_shows_govuk_errors(client, make_user, email, password, message):
    make_user(Role.HR, email="someone@test.example")
    response = sign_in(client, email, password)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert message in page
    assert "<title>Error: Sign in" in page


def test_wrong_password_is_recorded_and_audited(client, make_user):
    user = make_user(Role.HR)
    sign_in(client, user.email, "not the password at all")
    assert db.session.scalar(select(func.count()).select_from(LoginAttempt)) == 1
    assert db.session.scalar(select(AuditEvent.action)) == "login.failed"


def test_repeated_failures_are_refused_with_429(client, make_user, app):
    user = make_user(Role.HR)
    limit = app.config["LOGIN_ATTEMPT_LIMIT"]
    for _ in range(limit):
        assert sign_in(client, user.email, "wrong password 123").status_code == 200
    refused = sign_in(client, user.email, TEST_PASSWORD)
    assert refused.status_code == 429
    assert "Too many attempts" in refused.get_data(as_text=True)
    assert (
        db.session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "login.refused")
        )
        == 1
    )


def test_success_clears_earlier_failures(client, make_user, app):
    user = make_user(Role.HR)
    for _ in range(app.config["LOGIN_ATTEMPT_LIMIT"] - 1):
        sign_in(client, user.email, "wrong password 123")
    assert sign_in(client, user.email, TEST_PASSWORD).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(LoginAttempt)) == 0


def test_logout_ends_the_session_and_a_copied_cookie_is_refused(client, make_user):
    user = make_user(Role.HR)
    sign_in(client, user.email, TEST_PASSWORD)
    copied_cookie = client.get_cookie("recruit_session").value
    home = client.get("/")
    assert home.status_code == 200
    logout = client.post(
        "/sign-out", data={"csrf_token": csrf_token_from(home.get_data(as_text=True))}
    )
    assert logout.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == 0

    client.set_cookie("recruit_session", copied_cookie)
    replay = client.get("/")
    assert replay.status_code == 302
    assert replay.headers["Location"].startswith("/sign-in")


def test_logout_needs_post(signed_in):
    client, _user = signed_in(Role.HR)
    assert client.get("/sign-out").status_code == 405
    assert client.get("/").status_code == 200


def test_session_is_renewed_at_sign_in(client, make_user):
    user = make_user(Role.HR)
    client.get("/sign-in")
    before = client.get_cookie("recruit_session").value
    sign_in(client, user.email, TEST_PASSWORD)
    after = client.get_cookie("recruit_session").value
    assert before != after
    assert "sid" not in before


def test_disabled_account_loses_access_on_next_request(signed_in):
    client, user = signed_in(Role.HR)
    assert client.get("/").status_code == 200
    user.is_enabled = False
    db.session.commit()
    assert client.get("/").status_code == 302


def test_disabled_account_cannot_sign_in(client, make_user):
    user = make_user(Role.HR)
    user.is_enabled = False
    db.session.commit()
    response = sign_in(client, user.email, TEST_PASSWORD)
    assert response.status_code == 200
    assert "Enter a correct email address and password" in response.get_data(as_text=True)


def test_idle_session_expires(signed_in, app):
    client, _user = signed_in(Role.HR)
    row = db.session.scalar(select(UserSession))
    row.last_seen_at = row.last_seen_at.replace(year=row.last_seen_at.year - 1)
    db.session.commit()
    assert client.get("/").status_code == 302
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == 0


def test_post_without_csrf_token_is_refused_and_changes_nothing(signed_in):
    client, user = signed_in(Role.HR)
    response = client.post(
        "/account/password",
        data={
            "current_password": TEST_PASSWORD,
            "new_password": "a brand new passphrase",
            "confirm_password": "a brand new passphrase",
        },
    )
    assert response.status_code == 400
    assert "Your form could not be sent" in response.get_data(as_text=True)
    db.session.refresh(user)
    from werkzeug.security import check_password_hash

    assert check_password_hash(user.password_hash, TEST_PASSWORD)


def test_sign_in_without_csrf_token_is_refused(client, make_user):
    user = make_user(Role.HR)
    response = client.post("/sign-in", data={"email": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 400
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == 0


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "////evil.example",
        "/\\evil.example",
        "https:evil.example",
        "/%09/evil.example",
        "javascript:alert(1)",
        "https://evil.example/",
        "\\\\evil.example",
    ],
)
def test_open_redirect_payloads_are_refused(client, make_user, target):
    user = make_user(Role.HR)
    page = client.get("/sign-in", query_string={"next": target})
    response = client.post(
        "/sign-in",
        query_string={"next": target},
        data={
            "csrf_token": csrf_token_from(page.get_data(as_text=True)),
            "email": user.email,
            "password": TEST_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_same_site_next_is_followed(client, make_user):
    user = make_user(Role.ADMIN)
    page = client.get("/sign-in", query_string={"next": "/admin/users"})
    response = client.post(
        "/sign-in",
        query_string={"next": "/admin/users"},
        data={
            "csrf_token": csrf_token_from(page.get_data(as_text=True)),
            "email": user.email,
            "password": TEST_PASSWORD,
        },
    )
    assert response.headers["Location"] == "/admin/users"


def test_change_password_signs_out_other_sessions(app, signed_in):
    client, user = signed_in(Role.PANEL)
    other_browser = app.test_client()
    sign_in(other_browser, user.email, TEST_PASSWORD)
    response = submit_form(
        client,
        "/account/password",
        {
            "current_password": TEST_PASSWORD,
            "new_password": "four random words here",
            "confirm_password": "four random words here",
        },
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert other_browser.get("/").status_code == 302
    assert sign_in(app.test_client(), user.email, "four random words here").status_code == 302


@pytest.mark.parametrize(
    ("new_password", "message"),
    [
        ("short", "Password must be 8 characters or more"),
        ("password123", "list of common passwords"),
        ("x" * 129, "Password must be 128 characters or fewer"),
    ],
)
def test_change_password_refuses_weak_passwords(signed_in, new_password, message):
    client, _user = signed_in(Role.PANEL)
    response = submit_form(
        client,
        "/account/password",
        {
            "current_password": TEST_PASSWORD,
            "new_password": new_password,
            "confirm_password": new_password,
        },
    )
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)


def test_change_password_needs_the_current_one(signed_in):
    client, _user = signed_in(Role.PANEL)
    response = submit_form(
        client,
        "/account/password",
        {
            "current_password": "not my password",
            "new_password": "four random words here",
            "confirm_password": "four random words here",
        },
    )
    assert "Your current password is not correct" in response.get_data(as_text=True)


def test_passwords_are_stored_hashed(make_user):
    user = make_user(Role.HR)
    stored = db.session.get(User, user.id).password_hash
    assert stored.startswith("pbkdf2:sha256:1000$"), "the suite's cheaper method, as configured"
    assert TEST_PASSWORD not in stored


def test_passwords_are_hashed_with_scrypt_outside_the_test_suite(tmp_path):
    from werkzeug.security import check_password_hash

    from recruit import create_app
    from recruit.accounts import hash_password

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/default.sqlite"})
    with app.app_context():
        stored = hash_password(TEST_PASSWORD)
    assert stored.startswith("scrypt:")
    assert check_password_hash(stored, TEST_PASSWORD)


def test_failed_attempts_older_than_the_window_are_purged(client, make_user, app):
    from datetime import timedelta

    from recruit.models._types import utcnow

    user = make_user(Role.HR)
    stale = utcnow() - timedelta(minutes=app.config["LOGIN_ATTEMPT_WINDOW_MINUTES"] + 1)
    db.session.add(
        LoginAttempt(email="old@test.example", ip_address="10.0.0.1", attempted_at=stale)
    )
    db.session.commit()
    sign_in(client, user.email, "wrong password 123")
    emails = db.session.scalars(select(LoginAttempt.email)).all()
    assert emails == [user.email]


@pytest.mark.parametrize(("proxies", "counted_address"), [(0, "127.0.0.1"), (1, "203.0.113.7")])
def test_failed_sign_ins_are_counted_against_the_client_behind_a_trusted_proxy(
    app, make_user, proxies, counted_address
):
    # Behind a reverse proxy every request arrives from the proxy: unless its forwarded
    # address is trusted, the per-IP limit would refuse the whole council together.
    email = str(make_user(Role.HR).email)
    db.session.close()  # the other app writes next: hold no snapshot open
    proxied = create_app({**app.config, "TRUSTED_PROXIES": proxies})
    client = proxied.test_client()
    client.environ_base.update(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert sign_in(client, email, "wrong password 123").status_code == 200
    with proxied.app_context():
        db.engine.dispose()
    assert db.session.scalars(select(LoginAttempt.ip_address)).all() == [counted_address]


@pytest.mark.parametrize("idle", [timedelta(minutes=5), timedelta(days=1)])
def test_a_post_after_a_quiet_spell_touches_or_ends_the_session(signed_in, idle):
    # A panel member writes notes for a few minutes, then saves. On SQLite the session's
    # "last seen" write (or its expiry) must not wait on the request's own write lock.
    client, _user = signed_in(Role.HR)
    token = csrf_token_from(client.get("/account/password").get_data(as_text=True))
    row = db.session.scalar(select(UserSession))
    row.last_seen_at = utcnow() - idle
    db.session.commit()
    response = client.post(
        "/account/password",
        data={"csrf_token": token, "current_password": "not my password"},
    )
    row = db.session.scalar(select(UserSession))
    if idle < timedelta(hours=1):
        assert response.status_code == 200
        assert "Enter a new password" in response.get_data(as_text=True)
        assert utcnow() - row.last_seen_at < timedelta(minutes=1)
    else:
        assert response.status_code == 302
        assert row is None


def test_a_signed_in_request_reads_its_session_and_account_in_one_query(signed_in):
    client, user = signed_in(Role.HR)
    statements: list[str] = []

    def record(_connection, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        response = client.get("/account/password")
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert response.status_code == 200 and user.full_name in response.get_data(as_text=True)
    about_sessions = [s for s in statements if "FROM user_session" in s]
    assert len(about_sessions) == 1 and "JOIN user_account" in about_sessions[0]
    assert not [s for s in statements if s.startswith("SELECT") and "FROM user_account" in s]


def _change_password(client, current: str):  # type: ignore[no-untyped-def]
    return submit_form(
        client,
        "/account/password",
        {
            "current_password": current,
            "new_password": "four random words here",
            "confirm_password": "four random words here",
        },
    )


def _audit_actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_wrong_current_passwords_are_audited_without_the_password(signed_in, caplog):
    import logging

    client, user = signed_in(Role.PANEL)
    with caplog.at_level(logging.INFO):
        _change_password(client, "my-guess-Ab12-not-it")
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "password.change_failed")
    )
    assert event is not None and event.user_id == user.id and event.actor == user.email
    assert "my-guess-Ab12-not-it" not in str(event.detail) + caplog.text
    assert "four random words here" not in str(event.detail) + caplog.text
    assert db.session.scalar(select(LoginAttempt.email)) == user.email


def test_repeated_wrong_current_passwords_are_refused_with_429(app, signed_in):
    client, user = signed_in(Role.PANEL)
    limit = app.config["LOGIN_ATTEMPT_LIMIT"]
    for _ in range(limit):
        response = _change_password(client, "not my password")
        assert response.status_code == 200
        assert "Your current password is not correct" in response.get_data(as_text=True)
    refused = _change_password(client, TEST_PASSWORD)  # even the right one, now
    page = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert "Too many attempts" in page and "current password" in page
    minutes = app.config["LOGIN_ATTEMPT_WINDOW_MINUTES"]
    assert f"Wait {minutes} minutes" in page and "Traceback" not in page
    actions = _audit_actions()
    assert actions.count("password.change_failed") == limit
    assert actions.count("password.change_refused") == 1 and "password.changed" not in actions
    db.session.refresh(user)
    assert sign_in(app.test_client(), user.email, TEST_PASSWORD).status_code == 429


def test_a_changed_password_clears_earlier_wrong_attempts(app, signed_in):
    client, _user = signed_in(Role.PANEL)
    for _ in range(app.config["LOGIN_ATTEMPT_LIMIT"] - 1):
        _change_password(client, "not my password")
    assert _change_password(client, TEST_PASSWORD).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(LoginAttempt)) == 0
    assert "password.changed" in _audit_actions()


def test_a_page_that_changes_nothing_sends_no_new_session_cookie(signed_in):  # type: ignore[no-untyped-def]
    """The cookie lasts the absolute limit from sign-in and the idle limit lives in the
    session's row, so a plain page view re-signs nothing."""
    client, _user = signed_in(Role.HR)
    client.get("/")  # the home page may keep a CSRF token in the session the first time
    response = client.get("/vacancies")
    assert not any(
        header.startswith("recruit_session=") for header in response.headers.getlist("Set-Cookie")
    )
