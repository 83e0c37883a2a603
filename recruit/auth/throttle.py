"""Failed-login limits, counted in the database so every gunicorn worker sees the same count."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import ColumnElement, delete, func, or_, select

from recruit.extensions import db
from recruit.models import LoginAttempt
from recruit.models._types import utcnow

# One address may serve a whole council office behind NAT: allow it more attempts than
# a single account, but still few enough to stop a password-spraying run.
ADDRESS_LIMIT_MULTIPLIER = 4


def is_locked_out(email: str, ip_address: str) -> bool:
    limit: int = current_app.config["LOGIN_ATTEMPT_LIMIT"]
    since = utcnow() - timedelta(minutes=current_app.config["LOGIN_ATTEMPT_WINDOW_MINUTES"])
    for_email = _count(LoginAttempt.email == email.lower(), since)
    if for_email >= limit:
        return True
    return _count(LoginAttempt.ip_address == ip_address, since) >= limit * ADDRESS_LIMIT_MULTIPLIER


def record_failure(email: str, ip_address: str) -> None:
    # Attempts older than the window no longer count: drop them so the table stays small.
    purge_old_attempts()
    db.session.add(LoginAttempt(email=email.lower()[:254], ip_address=ip_address))


def clear_failures(email: str) -> None:
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.email == email.lower()))


def purge_old_attempts() -> None:
    window = timedelta(minutes=current_app.config["LOGIN_ATTEMPT_WINDOW_MINUTES"])
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.attempted_at < utcnow() - window))


def _count(condition: ColumnElement[bool], since: datetime) -> int:
    statement = (
        select(func.count())
        .select_from(LoginAttempt)
        .where(or_(condition), LoginAttempt.attempted_at >= since)
    )
    return int(db.session.scalar(statement) or 0)
