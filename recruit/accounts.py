"""Account operations shared by the web pages and the command line."""

from __future__ import annotations

import functools
import secrets
from datetime import date

from flask import current_app
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from recruit.extensions import db
from recruit.models import Role, User
from recruit.models._types import utcnow


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


@functools.cache
def _unknown_user_hash(method: str) -> str:
    # Checked against when the email is unknown, so a wrong email takes as long as a wrong
    # password: same method, so the same cost.
    return generate_password_hash("never-a-real-password-" + secrets.token_hex(8), method=method)


def find_user_by_email(email: str) -> User | None:
    normalised = email.strip().lower()
    return db.session.scalar(select(User).where(func.lower(User.email) == normalised))


def verify_credentials(email: str, password: str) -> User | None:
    user = find_user_by_email(email)
    if user is None:
        method = current_app.config["PASSWORD_HASH_METHOD"]
        check_password_hash(_unknown_user_hash(method), password)
        return None
    if not check_password_hash(user.password_hash, password):
        return None
    return user


def set_password(user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()


def create_user(
    email: str, full_name: str, role: Role, password: str, *, generated: bool = False
) -> User:
    """A new enabled account. A ``generated`` password was handed over by someone else, so
    the person must choose their own at first sign-in."""
    user = User(
        email=email.strip().lower(), full_name=full_name.strip(), role=role, password_hash=""
    )
    set_password(user, password)
    user.must_change_password = generated
    db.session.add(user)
    return user


def set_generated_password(user: User, password: str) -> None:
    """A reset: the new password is handed over, so it must be changed at next sign-in."""
    set_password(user, password)
    user.must_change_password = True


def invite_panel_member(email: str, full_name: str, trained_on: date | None) -> User:
    """A panel member's account with no password anyone knows, disabled until they set
    their own through a one-time link (``issue_set_password_link``)."""
    user = create_user(email, full_name, Role.PANEL, secrets.token_urlsafe(32))
    user.is_enabled = False
    user.awaiting_password = True
    user.safer_recruitment_trained_on = trained_on
    return user


def generate_password() -> str:
    """A random password to hand over once: four groups of letters and digits, easy to type."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(4))
