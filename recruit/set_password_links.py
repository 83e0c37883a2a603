"""One-time set-password links: made by an admin or HR for a panel member they added, used
once by that person (recruit.domain.accounts.set_password_links has the rules)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from flask import current_app
from sqlalchemy import CursorResult, select, update

from recruit.accounts import set_password
from recruit.domain.accounts.set_password_links import new_token, token_digest
from recruit.extensions import db
from recruit.models import SetPasswordLink, User
from recruit.models._types import utcnow
from recruit.sessions import end_all_sessions

_NOT_USED_OR_REPLACED = (SetPasswordLink.used_at.is_(None), SetPasswordLink.replaced_at.is_(None))


def issue_set_password_link(user: User, made_by: User) -> tuple[SetPasswordLink, str]:
    """A new link for ``user`` and its token (to show once); earlier unused links stop
    working, so only the newest link handed over can set the password."""
    now = utcnow()
    replace_open_links(user, now)
    token = new_token()
    hours = int(current_app.config["SET_PASSWORD_LINK_HOURS"])
    link = SetPasswordLink(
        user_id=user.id,
        token_digest=token_digest(token),
        created_by_id=made_by.id,
        created_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    db.session.add(link)
    return link, token


def replace_open_links(user: User, now: datetime) -> None:
    """Stop every link of ``user``'s not yet used from working."""
    db.session.execute(
        update(SetPasswordLink)
        .where(SetPasswordLink.user_id == user.id, *_NOT_USED_OR_REPLACED)
        .values(replaced_at=now)
    )


def withdraw_invitation(user: User) -> None:
    """The person will not be setting a password after all: their links stop working and
    the account stays disabled, out of HR's reach (only an administrator can enable it)."""
    replace_open_links(user, utcnow())
    user.awaiting_password = False


def invitation_withdrawn(user: User) -> bool:
    """An account that never got a password and is no longer waiting for one."""
    return not user.awaiting_password and not user.is_enabled


def find_set_password_link(token: str) -> SetPasswordLink | None:
    return db.session.scalar(
        select(SetPasswordLink).where(SetPasswordLink.token_digest == token_digest(token))
    )


def newest_set_password_link(user: User) -> SetPasswordLink | None:
    return db.session.scalar(
        select(SetPasswordLink)
        .where(SetPasswordLink.user_id == user.id)
        .order_by(SetPasswordLink.created_at.desc(), SetPasswordLink.id.desc())
        .limit(1)
    )


def use_set_password_link(link: SetPasswordLink, password: str, now: datetime) -> bool:
    """Set the person's password through ``link``; False if the link was used, replaced or
    expired meanwhile. The claim is one conditional UPDATE, so two browsers (or two
    workers) submitting the same link cannot both succeed."""
    db.session.flush()  # a link made in this transaction needs its id first
    claimed = cast(
        CursorResult[Any],
        db.session.execute(
            update(SetPasswordLink)
            .where(
                SetPasswordLink.id == link.id,
                *_NOT_USED_OR_REPLACED,
                SetPasswordLink.expires_at > now,
            )
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        ),
    )
    if claimed.rowcount != 1:
        return False
    user = link.user
    set_password(user, password)
    user.must_change_password = False
    if user.awaiting_password:
        # The invitation ends here. An account an admin disabled after it was set up stays
        # disabled: a link sets a password, it does not undo an admin's decision.
        user.awaiting_password = False
        user.is_enabled = True
    end_all_sessions(user)
    return True
