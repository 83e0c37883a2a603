"""Faults mid-request roll back and show a plain page; logs hold no secrets or forged lines."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select

from recruit import audit
from recruit.extensions import db
from recruit.models import AuditEvent, Role, User, UserSession
from tests.support.forms import sign_in, submit_form


def test_failure_mid_request_rolls_back_and_shows_a_plain_error(app, signed_in, monkeypatch):
    client, _admin = signed_in(Role.ADMIN)
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def failing_record(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("database went away: connection details here")

    monkeypatch.setattr(audit, "record", failing_record)
    response = submit_form(
        client,
        "/admin/users/new",
        {"email": "half@test.example", "full_name": "Half Saved", "role": "hr"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in page
    assert "connection details" not in page and "Traceback" not in page
    assert db.session.scalar(select(User).where(User.email == "half@test.example")) is None


def test_failed_sign_in_logs_no_password(client, make_user, caplog):
    user = make_user(Role.HR)
    with caplog.at_level(logging.INFO):
        sign_in(client, user.email, "MySecretGuess-987")
    assert "login.failed" in caplog.text
    assert "MySecretGuess-987" not in caplog.text


def test_newlines_in_logged_values_are_neutralised(client, caplog):
    with caplog.at_level(logging.INFO):
        sign_in(
            client, "someone@x.example\nFAKE audit action=login actor=admin", "whatever-password"
        )
    audit_lines = [
        record.getMessage() for record in caplog.records if record.name == "recruit.audit"
    ]
    assert audit_lines and all("\n" not in line for line in audit_lines)
    assert "\\n" in audit_lines[0]


# Terminal escapes, NUL, DEL, C1 controls, bidi overrides and isolates, line separators.
UNSAFE = (
    "\x1b",
    "\u202e",
    "\x00",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2066",
    "\u2028",
    "\u2029",
    "\r",
    "\n",
)


def _unsafe_in(text: str) -> list[str]:
    return [repr(char) for char in UNSAFE if char in text]


def _strings(value: object) -> list[str]:
    """Every string in a JSON-like value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in _strings(key) + _strings(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _strings(item)]
    return []


def test_control_and_bidi_characters_typed_at_sign_in_never_reach_the_audit_log(client, caplog):
    typed = "mallory\x1b[31m@evil.example\u202e\x00lanoitan.vog\u2028\x85\x7f"
    with caplog.at_level(logging.INFO):
        sign_in(client, typed, "whatever-password")
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "login.failed"))
    lines = [record.getMessage() for record in caplog.records if record.name == "recruit.audit"]
    assert lines and not [line for line in lines if _unsafe_in(line)], lines
    assert not _unsafe_in(event.actor), event.actor
    # Neutralised, not silently dropped: whoever reads the log sees what was typed.
    assert "mallory\\x1b[31m@evil.example\\u202e" in event.actor
    assert "actor=mallory\\x1b[31m@evil.example\\u202e" in lines[0]


def test_audit_detail_values_are_neutralised_at_every_depth(app):
    from recruit.models import Vacancy

    hostile = "Director\u202e\x1b[2J\u2066\r\nFAKE line"
    with app.test_request_context("/", method="POST"):
        event = audit.record(
            "vacancy.updated",
            Vacancy(id=7),
            actor_label="hr@test.example\u2029",
            changes={"title": [hostile, {"nested": (hostile,)}]},
            **{"key\u202e": "value"},
            note=hostile,
            count=3,
        )
    texts = [event.actor, *_strings(event.detail)]
    assert len(texts) == 11 and not [text for text in texts if _unsafe_in(text)], texts
    assert event.detail["count"] == 3
    assert event.detail["note"] == "Director\\u202e\\x1b[2J\\u2066\\r\\nFAKE line"
    assert event.detail["changes"]["title"][1]["nested"] == [event.detail["note"]]
    db.session.rollback()


def test_audit_events_record_utc_time_and_user(signed_in):
    _client, user = signed_in(Role.HR)
    from recruit.models import AuditEvent

    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "login"))
    assert event.user_id == user.id and event.actor == user.email
    assert event.occurred_at.utcoffset() == timedelta(0)


def test_absolute_session_timeout(signed_in):
    client, _user = signed_in(Role.HR)
    row = db.session.scalar(select(UserSession))
    row.created_at = row.created_at - timedelta(hours=13)
    db.session.commit()
    assert client.get("/").status_code == 302
