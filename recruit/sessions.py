"""Revocable sessions: the cookie carries a random id; the row in user_session is the truth.

Logging out, an idle or absolute timeout, or disabling the account deletes or ignores the
row, so a cookie copied earlier is refused on its next request.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from flask import Flask, Request, current_app, session
from sqlalchemy import Delete, Update, delete, update
from sqlalchemy.orm import joinedload

from recruit.database import request_may_write
from recruit.extensions import db, login_manager
from recruit.models import User, UserSession
from recruit.models._types import utcnow

SESSION_KEY = "sid"
# Set while the person must replace a password they were handed (User.must_change_password),
# so the check before every request needs no query: signing in with a new password starts
# a new session without it.
PASSWORD_CHANGE_DUE_KEY = "password_change_due"
# Writing last_seen on every request would turn every page view into a write.
TOUCH_INTERVAL = timedelta(minutes=1)


def init_app(app: Flask) -> None:
    login_manager.session_protection = None  # the session row does this job
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Sign in to continue"
    login_manager.login_message_category = "info"
    login_manager.request_loader(load_user_for_request)


def start_session(user: User) -> UserSession:
    """Begin a new session for ``user``; any earlier cookie content is discarded (no fixation)."""
    session.clear()
    row = UserSession(id=secrets.token_urlsafe(32), user=user)
    db.session.add(row)
    session[SESSION_KEY] = row.id
    if user.must_change_password:
        session[PASSWORD_CHANGE_DUE_KEY] = True
    session.permanent = True
    return row


def end_session() -> None:
    session_id = session.pop(SESSION_KEY, None)
    session.clear()
    if session_id:
        db.session.execute(delete(UserSession).where(UserSession.id == session_id))


def end_all_sessions(user: User) -> None:
    db.session.execute(delete(UserSession).where(UserSession.user_id == user.id))


def load_user_for_request(_request: Request) -> User | None:
    session_id = session.get(SESSION_KEY)
    if not session_id:
        return None
    # The account comes in the same query: every signed-in request needs both.
    row = db.session.get(UserSession, session_id, options=[joinedload(UserSession.user)])
    if row is None:
        session.clear()
        return None
    now = utcnow()
    if _has_expired(row, now):
        _write_session_row_now(delete(UserSession).where(UserSession.id == row.id))
        session.clear()
        return None
    if not row.user.is_enabled:
        return None
    if now - row.last_seen_at > TOUCH_INTERVAL:
        _write_session_row_now(
            update(UserSession).where(UserSession.id == row.id).values(last_seen_at=now)
        )
    return row.user


def _has_expired(row: UserSession, now: datetime) -> bool:
    idle = timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])
    absolute = timedelta(hours=current_app.config["SESSION_ABSOLUTE_HOURS"])
    return now - row.last_seen_at > idle or now - row.created_at > absolute


def _write_session_row_now(statement: Delete | Update) -> None:
    if request_may_write():
        # The request's transaction already holds SQLite's write lock (BEGIN IMMEDIATE):
        # a second connection would wait on it until the busy timeout, then fail. Nothing
        # but the session row has been read yet, so commit the write here and now.
        db.session.execute(statement)
        db.session.commit()
        return
    # A reading request: a short transaction of its own whose first statement is the write,
    # so on SQLite it waits for the lock instead of failing to upgrade the read transaction.
    with db.engine.begin() as connection:
        connection.execute(statement)
