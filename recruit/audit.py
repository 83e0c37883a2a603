"""One helper to record who did what to which object, when (UTC).

The event joins the caller's transaction: if the change rolls back, so does its record.
Text that may come from outside (the actor, every string in the detail, the client's
address) is neutralised before it is stored or logged: see ``neutralise_for_log``.
"""

from __future__ import annotations

import logging
import re
from typing import Any, cast

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import insert

from recruit.extensions import db
from recruit.models import AuditEvent, User
from recruit.models._types import utcnow

logger = logging.getLogger("recruit.audit")

# Characters that change how a log line or an audit row reads rather than what it says:
# C0 and C1 controls (line breaks, terminal escapes, NUL), DEL, the bidirectional
# overrides and isolates that reverse text on screen, and the line and paragraph separators.
# Untrusted text reaches the log: the email typed at a failed sign-in is the actor.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_SHORT_ESCAPES = {"\r": "\\r", "\n": "\\n", "\t": "\\t"}
# The widths of the audit_event columns that hold untrusted text.
ACTOR_LENGTH = 254
ADDRESS_LENGTH = 64


def neutralise_for_log(value: object) -> str:
    """Show unsafe characters as escapes (``\\n``, ``\\x1b``, ``\\u202e``), so a value can
    neither forge a log line nor disguise itself; the escape keeps the attempt visible."""
    return _UNSAFE.sub(_escape, str(value))


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def neutralise_detail(value: Any) -> Any:
    """``neutralise_for_log`` on every string in a JSON-like detail value, keys included."""
    if isinstance(value, str):
        return neutralise_for_log(value)
    if isinstance(value, dict):
        return {neutralise_detail(key): neutralise_detail(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [neutralise_detail(item) for item in value]
    return value


def _actor(text: str) -> str:
    return neutralise_for_log(text)[:ACTOR_LENGTH]


def _client_address() -> str | None:
    # Behind TRUSTED_PROXIES the address comes from a header: clean and bound it too.
    if not has_request_context() or request.remote_addr is None:
        return None
    return neutralise_for_log(request.remote_addr)[:ADDRESS_LENGTH]


def record(
    action: str,
    subject: object | None = None,
    *,
    actor: User | None = None,
    actor_label: str | None = None,
    **detail: Any,
) -> AuditEvent:
    """Add an audit event for ``action`` on ``subject`` (a model instance, or None)."""
    user = actor or _current_user_or_none()
    if subject is not None and getattr(subject, "id", None) is None:
        db.session.flush()  # give a new object its id before we record it
    event = AuditEvent(
        user_id=user.id if user else None,
        actor=_actor(actor_label or (user.email if user else "system")),
        action=action,
        object_type=type(subject).__name__ if subject is not None else None,
        object_id=str(subject.id) if subject is not None and hasattr(subject, "id") else None,
        detail=neutralise_detail(detail),
        ip_address=_client_address(),
    )
    db.session.add(event)
    logger.info(
        "audit action=%s actor=%s object=%s:%s",
        neutralise_for_log(action),
        neutralise_for_log(event.actor),
        neutralise_for_log(event.object_type),
        neutralise_for_log(event.object_id),
    )
    return event


def record_access(action: str, subject: object, **detail: Any) -> None:
    """Record a read (an export, a download) made by a GET request, in its own transaction.

    A GET reads in a deferred transaction; on SQLite, upgrading it to a write can fail at
    once if another worker is writing, so the record is written on a fresh connection
    whose first statement is the insert, and waits its turn instead.
    """
    user = _current_user_or_none()
    values = {
        "occurred_at": utcnow(),
        "user_id": user.id if user else None,
        "actor": _actor(user.email if user else "anonymous"),
        "action": action,
        # None: a read of no one record (a report across vacancies).
        "object_type": type(subject).__name__ if subject is not None else None,
        "object_id": str(getattr(subject, "id", "")) or None,
        "detail": neutralise_detail(detail),
        "ip_address": _client_address(),
    }
    with db.engine.begin() as connection:
        connection.execute(insert(AuditEvent).values(**values))
    logger.info(
        "audit action=%s actor=%s object=%s:%s",
        neutralise_for_log(action),
        neutralise_for_log(values["actor"]),
        neutralise_for_log(values["object_type"]),
        neutralise_for_log(values["object_id"]),
    )


def _current_user_or_none() -> User | None:
    if has_request_context() and current_user.is_authenticated:
        # Flask-Login has no types; its user loader (recruit.sessions) gives a User.
        return cast(User, current_user._get_current_object())
    return None
