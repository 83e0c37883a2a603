"""A person sets their own password through the one-time link HR or an admin gave them,
and someone signed in with a handed-over password is kept to choosing their own."""

from __future__ import annotations

from typing import cast

from flask import flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from recruit import audit
from recruit.auth import bp
from recruit.auth.forms import SetPasswordForm
from recruit.domain.accounts.set_password_links import (
    WHY_A_LINK_CANNOT_BE_USED,
    LinkState,
    link_state,
)
from recruit.errors import render_error
from recruit.extensions import db
from recruit.models import SetPasswordLink
from recruit.models._types import utcnow
from recruit.sessions import PASSWORD_CHANGE_DUE_KEY, end_session
from recruit.set_password_links import (
    find_set_password_link,
    invitation_withdrawn,
    use_set_password_link,
)

# Where someone who must change a handed-over password may still go: the page to change
# it, signing out, and the files every page needs; and signing in and setting a password,
# which must never be turned back to the change page (it sends anyone not signed in to
# sign in, and the two would send each other round for ever).
_OPEN_WHILE_A_CHANGE_IS_DUE = frozenset(
    {
        "auth.change_password",
        "auth.logout",
        "auth.login",
        "auth.set_password",
        "static",
        "main.govuk_asset",
    }
)


@bp.route("/set-password/<token>", methods=["GET", "POST"])
def set_password(token: str) -> ResponseReturnValue:
    link = find_set_password_link(token)
    if link is None:
        return _link_unusable(None)
    now = utcnow()
    state = _state(link)
    if state is not LinkState.USABLE:
        return _link_unusable(state)
    person = link.user
    form = SetPasswordForm()
    form.email_for_check = person.email
    if form.validate_on_submit():
        # InputRequired passed, so the field holds text.
        if not use_set_password_link(link, cast(str, form.new_password.data), now):
            db.session.rollback()
            return _link_unusable(_state(_reloaded(link)))
        audit.record("user.password_set_by_link", person, actor=person, link_id=link.id)
        if current_user.is_authenticated:
            end_session()  # a browser signed in as someone else: start clean
        db.session.commit()
        flash("Your password is set. Sign in with your email address and new password.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/set_password.html", form=form, person=person, link=link)


@bp.before_app_request
def insist_on_a_chosen_password() -> ResponseReturnValue | None:
    """Someone signed in with a password they were handed goes to choose their own first.

    Reads only the session cookie: loading the user here would begin a transaction before
    an upload is read (see recruit.database.read_request_body_first)."""
    if session.get(PASSWORD_CHANGE_DUE_KEY) and request.endpoint not in _OPEN_WHILE_A_CHANGE_IS_DUE:
        return redirect(url_for("auth.change_password"))
    return None


def _state(link: SetPasswordLink) -> LinkState:
    return link_state(
        expires_at=link.expires_at,
        used_at=link.used_at,
        replaced_at=link.replaced_at,
        now=utcnow(),
        invitation_withdrawn=invitation_withdrawn(link.user),
    )


def _reloaded(link: SetPasswordLink) -> SetPasswordLink:
    db.session.refresh(link)
    return link


def _link_unusable(state: LinkState | None) -> ResponseReturnValue:
    reason = WHY_A_LINK_CANNOT_BE_USED.get(state) if state else "This link does not work."
    return render_error(
        410 if state else 404,
        "This link cannot be used",
        f"{reason} Ask the person who sent it to make you a new one. If you have set your "
        "password already, sign in with it.",
    )
