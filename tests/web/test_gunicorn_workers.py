"""Several gunicorn workers writing to one database at once: no lost writes, no 500s,
and the failed-login limit holds across workers (it lives in the database)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from sqlalchemy import func, select

from recruit.accounts import create_user, hash_password
from recruit.extensions import db
from recruit.models import AuditEvent, LoginAttempt, Role, User, UserSession
from tests.support.forms import csrf_token_from
from tests.support.gunicorn import running_gunicorn

WORKERS = 3
CONCURRENT_SIGN_INS = 24
PASSWORD = "correct horse battery staple"


@pytest.fixture
def gunicorn_server(database_url, app):  # type: ignore[no-untyped-def]
    with running_gunicorn(
        database_url, workers=WORKERS, env={"LOGIN_ATTEMPT_LIMIT": "3"}
    ) as server:
        yield server.base


def _sign_in(base: str, email: str, password: str) -> int:
    with requests.Session() as browser:
        page = browser.get(f"{base}/sign-in", timeout=30)
        response = browser.post(
            f"{base}/sign-in",
            data={"csrf_token": csrf_token_from(page.text), "email": email, "password": password},
            allow_redirects=False,
            timeout=60,
        )
        return response.status_code


def test_concurrent_sign_ins_across_workers_all_land(gunicorn_server):
    password_hash = hash_password(PASSWORD)  # one hash for all: the point is the writes
    emails = [f"panel{number}@test.example" for number in range(CONCURRENT_SIGN_INS)]
    for email in emails:
        db.session.add(
            User(email=email, full_name=email, role=Role.PANEL, password_hash=password_hash)
        )
    db.session.commit()

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(lambda email: _sign_in(gunicorn_server, email, PASSWORD), emails))

    assert statuses == [302] * CONCURRENT_SIGN_INS
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == CONCURRENT_SIGN_INS
    logins = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "login")
    assert db.session.scalar(logins) == CONCURRENT_SIGN_INS


def test_failed_login_limit_holds_across_workers(gunicorn_server):
    create_user("target@test.example", "Target", Role.HR, PASSWORD)
    db.session.commit()
    # Each attempt is a new connection, so gunicorn spreads them over its workers.
    statuses = [
        _sign_in(gunicorn_server, "target@test.example", "wrong guess 1234") for _ in range(6)
    ]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3:] == [429, 429, 429]
    assert _sign_in(gunicorn_server, "target@test.example", PASSWORD) == 429
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(LoginAttempt)) == 3
