"""HR (and admin) add a panel member with no account and make their set-password link."""

from __future__ import annotations

from typing import cast

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from recruit import audit
from recruit.accounts import find_user_by_email, invite_panel_member
from recruit.authorisation import require_roles_for_blueprint
from recruit.domain.accounts.set_password_links import LINK_STATE_LABELS, link_state
from recruit.errors import render_error
from recruit.extensions import db
from recruit.form_fields import add_error
from recruit.models import PanelRole, PanelSeat, Role, SetPasswordLink, Stage, User
from recruit.models._types import utcnow
from recruit.people import bp
from recruit.people.forms import (
    InvitePanelMemberForm,
    NewSetPasswordLinkForm,
    WithdrawInvitationForm,
)
from recruit.set_password_links import (
    invitation_withdrawn,
    issue_set_password_link,
    newest_set_password_link,
    withdraw_invitation,
)
from recruit.stages import panel
from recruit.stages.access import stage_of

require_roles_for_blueprint(bp, Role.ADMIN, Role.HR)


@bp.route(
    "/vacancies/<int:vacancy_id>/stages/<int:stage_id>/panel/new-person", methods=["GET", "POST"]
)
def invite(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    form = InvitePanelMemberForm()
    if form.validate_on_submit():
        # InputRequired passed, so both fields hold text.
        email, full_name = cast(str, form.email.data), cast(str, form.full_name.data)
        if existing := find_user_by_email(email):
            add_error(form.email, _already_has_an_account(existing))
        else:
            person = invite_panel_member(email, full_name, form.safer_recruitment_trained_on.data)
            audit.record(
                "user.invited",
                person,
                role=person.role.value,
                stage_id=stage.id,
                safer_recruitment_trained_on=_iso(person),
            )
            panel.add_seat(
                stage,
                person,
                PanelRole(form.panel_role.data),
                councillor=bool(form.is_councillor.data),
                executive=bool(form.is_executive_member.data),
            )
            link, token = _new_link(person)
            db.session.commit()
            # The link is shown in this response only: never flashed, so it never sits in a
            # cookie, and never stored, so it cannot be shown again.
            return _show_link(person, link, token, stage=stage)
    return render_template("people/invite.html", form=form, vacancy=vacancy, stage=stage)


@bp.route("/people/<int:user_id>")
def show(user_id: int) -> ResponseReturnValue:
    person = _person_or_404(user_id)
    link = newest_set_password_link(person)
    return render_template(
        "people/show.html",
        person=person,
        seats=_seats_of(person),
        link=link,
        link_state=_state_label(link),
        form=NewSetPasswordLinkForm(),
        withdraw_form=WithdrawInvitationForm(),
    )


@bp.route("/people/<int:user_id>/set-password-link", methods=["POST"])
def new_link(user_id: int) -> ResponseReturnValue:
    person = _person_or_404(user_id)
    form = NewSetPasswordLinkForm()
    if not form.validate_on_submit():
        abort(400)
    if not person.awaiting_password:
        # Someone who has set their password asks an administrator for a reset instead.
        return render_error(
            409,
            f"{person.full_name} is not waiting for a set-password link",
            "A link is only for someone added without an account who has not set a password "
            "yet. If they have forgotten their password, or their account is disabled, ask an "
            "administrator.",
        )
    link, token = _new_link(person)
    db.session.commit()
    return _show_link(person, link, token)


@bp.route("/people/<int:user_id>/withdraw-invitation", methods=["POST"])
def withdraw(user_id: int) -> ResponseReturnValue:
    person = _person_or_404(user_id)
    if not WithdrawInvitationForm().validate_on_submit():
        abort(400)
    if person.awaiting_password:
        withdraw_invitation(person)
        audit.record("user.invitation_withdrawn", person)
        db.session.commit()
        flash(
            f"Invitation to {person.full_name} withdrawn: their links no longer work and the "
            "account stays disabled. Remove them from any panel they should not sit on.",
            "success",
        )
    return redirect(url_for("people.show", user_id=person.id))


def _person_or_404(user_id: int) -> User:
    person = db.get_or_404(User, user_id)
    # HR manage panel members only: a link for any other account would let HR take over
    # an administrator's or a reviewer's account.
    if current_user.role is not Role.ADMIN and person.role is not Role.PANEL:
        abort(404)
    return person


def _new_link(person: User) -> tuple[SetPasswordLink, str]:
    link, token = issue_set_password_link(person, current_user._get_current_object())
    audit.record("user.set_password_link_created", person, expires_at=_iso_time(link))
    return link, token


def _show_link(
    person: User, link: SetPasswordLink, token: str, stage: Stage | None = None
) -> ResponseReturnValue:
    return render_template(
        "people/link.html",
        person=person,
        link=link,
        stage=stage,
        url=_external_url(token),
    )


def _external_url(token: str) -> str:
    return url_for("auth.set_password", token=token, _external=True)


def _already_has_an_account(existing: User) -> str:
    return (
        f"{existing.full_name} already has an account with this email address: choose them "
        "from the list on the stage page"
    )


def _seats_of(person: User) -> list[PanelSeat]:
    return list(
        db.session.scalars(
            select(PanelSeat).where(PanelSeat.user_id == person.id).order_by(PanelSeat.id)
        )
    )


def _state_label(link: SetPasswordLink | None) -> str | None:
    if link is None:
        return None
    state = link_state(
        expires_at=link.expires_at,
        used_at=link.used_at,
        replaced_at=link.replaced_at,
        now=utcnow(),
        invitation_withdrawn=invitation_withdrawn(link.user),
    )
    return LINK_STATE_LABELS[state]


def _iso(person: User) -> str | None:
    day = person.safer_recruitment_trained_on
    return day.isoformat() if day else None


def _iso_time(link: SetPasswordLink) -> str:
    return link.expires_at.isoformat()
