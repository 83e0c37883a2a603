"""One helper to record who did what to which object, when (UTC).

The event joins the caller's transaction: if the change rolls back, so does its record.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import insert

from recruit.extensions import db
from recruit.models import AuditEvent, User
from recruit.models._types import utcnow

logger = logging.getLogger("recruit.audit")


def neutralise_for_log(value: object) -> str:
    """Stop a value from forging extra log lines."""
    return str(value).replace("\r", "\\r").replace("\n", "\\n")


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
        actor=actor_label or (user.email if user else "system"),
        action=action,
        object_type=type(subject).__name__ if subject is not None else None,
        object_id=str(subject.id) if subject is not None and hasattr(subject, "id") else None,
        detail=detail,
        ip_address=request.remote_addr if has_request_context() else None,
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
        "actor": user.email if user else "anonymous",
        "action": action,
        "object_type": type(subject).__name__,
        "object_id": str(getattr(subject, "id", "")) or None,
        "detail": detail,
        "ip_address": request.remote_addr if has_request_context() else None,
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
        return current_user._get_current_object()  # type: ignore[attr-defined,no-any-return]
    return None
