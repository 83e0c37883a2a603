"""The password rule (security item 2): long enough, not too long, and not a common one."""

from __future__ import annotations

from functools import cache
from pathlib import Path

MIN_PASSWORD_LENGTH = 8
RECOMMENDED_PASSWORD_LENGTH = 15
MAX_PASSWORD_LENGTH = 128
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")


@cache
def _common_passwords() -> frozenset[str]:
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


def password_problem(password: str, email: str | None = None) -> str | None:
    """Return what is wrong with a proposed password, as a message for the user, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return (
            f"Password must be {MIN_PASSWORD_LENGTH} characters or more "
            f"({RECOMMENDED_PASSWORD_LENGTH} or more is better)"
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"Password must be {MAX_PASSWORD_LENGTH} characters or fewer"
    lowered = password.lower()
    if lowered in _common_passwords():
        return (
            "Choose a password that is harder to guess: this one is on a list of common passwords"
        )
    if email and lowered == email.lower():
        return "Password must not be the same as your email address"
    if len(set(password)) < 3:
        return "Choose a password that is harder to guess: use a mix of words or characters"
    return None
