"""One-time links for a person to set their own password.

The token is shown once, in the link; only its SHA-256 digest is stored, so someone who
reads the database (or a backup) cannot use a link. A token of 32 random bytes cannot be
guessed, so the digest needs no salt or slow hash.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from datetime import datetime


class LinkState(enum.StrEnum):
    USABLE = "usable"
    USED = "used"
    REPLACED = "replaced"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


# What the person who opens a link that no longer works is told, and what to do next.
WHY_A_LINK_CANNOT_BE_USED = {
    LinkState.USED: "This link has been used already: a link sets a password once only.",
    LinkState.REPLACED: "A newer link was made for you after this one, so this one no longer "
    "works.",
    LinkState.WITHDRAWN: "The invitation this link belonged to was withdrawn.",
    LinkState.EXPIRED: "This link has expired.",
}

# What the admin or HR user sees about the newest link on the person's page.
LINK_STATE_LABELS = {
    LinkState.USABLE: "Waiting to be used",
    LinkState.USED: "Used",
    LinkState.REPLACED: "Replaced by a newer link",
    LinkState.WITHDRAWN: "Withdrawn with the invitation",
    LinkState.EXPIRED: "Expired",
}


def new_token() -> str:
    """A random token for a link: 32 bytes, URL-safe."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the database keeps of a token (hex SHA-256)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def link_state(
    *,
    expires_at: datetime,
    used_at: datetime | None,
    replaced_at: datetime | None,
    now: datetime,
    invitation_withdrawn: bool = False,
) -> LinkState:
    """Whether a link can still be used at ``now``; used, replaced and withdrawn outrank
    expired, so the person is told the more useful reason. A withdrawn invitation stops its
    links the way a newer link does (``replaced_at``), so the caller says which it was."""
    if used_at is not None:
        return LinkState.USED
    if replaced_at is not None:
        return LinkState.WITHDRAWN if invitation_withdrawn else LinkState.REPLACED
    if now >= expires_at:
        return LinkState.EXPIRED
    return LinkState.USABLE
