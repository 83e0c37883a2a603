"""Users and roles (admin only)."""

from __future__ import annotations

from datetime import date
from typing import cast

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from recruit import audit
from recruit.accounts import create_user as create_account
from recruit.accounts import find_user_by_email, generate_password, set_generated_password
from recruit.admin import bp
from recruit.admin.forms import CreateUserForm, EditUserForm
from recruit.authorisation import require_roles_for_blueprint
from recruit.domain.panels.training import training_status
from recruit.extensions import db
from recruit.form_fields import ConfirmForm, add_error
from recruit.models import Role, User
from recruit.sessions import end_all_sessions
from recruit.stages.panel import council_today, refresh_years

require_roles_for_blueprint(bp, Role.ADMIN)


@bp.route("/users")
def users() -> ResponseReturnValue:
    all_users = db.session.scalars(
        select(User).order_by(User.is_enabled.desc(), User.full_name)
    ).all()
    today, years = council_today(), refresh_years()
    training = {
        user.id: training_status(user.safer_recruitment_trained_on, today, years)
        for user in all_users
    }
    return render_template("admin/users.html", users=all_users, training=training)


@bp.route("/users/new", methods=["GET", "POST"])
def create_user() -> ResponseReturnValue:
    form = CreateUserForm()
    if form.validate_on_submit():
        # InputRequired passed, so both fields hold text.
        email, full_name = cast(str, form.email.data), cast(str, form.full_name.data)
        if find_user_by_email(email):
            # validate() left the field's errors a list (its stubs say only Sequence).
            add_error(form.email, "A user with this email address already exists")
        else:
            password = generate_password()
            user = create_account(email, full_name, Role(form.role.data), password, generated=True)
            user.safer_recruitment_trained_on = form.safer_recruitment_trained_on.data
            audit.record(
                "user.created",
                user,
                role=user.role.value,
                safer_recruitment_trained_on=_iso(user.safer_recruitment_trained_on),
            )
            db.session.commit()
            # Shown once in this response only: never flashed, so it never sits in a cookie.
            return render_template("admin/user_created.html", user=user, password=password)
    return render_template("admin/create_user.html", form=form)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
def edit_user(user_id: int) -> ResponseReturnValue:
    user = db.get_or_404(User, user_id)
    form = EditUserForm(obj=user)
    if form.validate_on_submit():
        problem = _edit_problem(user, form)
        # validate() left each field's errors a list (their stubs say only Sequence).
        if problem:
            add_error(form.is_enabled, problem)
        elif form.version.data != user.version:
            add_error(
                form.version,
                "Someone else changed this user while you were editing. "
                "Check the details below, which now show their changes, and save again.",
            )
            _reload_form_from(user, form)
        else:
            return _save_user_changes(user, form)
    return render_template("admin/edit_user.html", form=form, user=user)


@bp.route("/users/<int:user_id>/reset-password", methods=["GET", "POST"])
def reset_password(user_id: int) -> ResponseReturnValue:
    user = db.get_or_404(User, user_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        password = generate_password()
        set_generated_password(user, password)
        end_all_sessions(user)
        audit.record("user.password_reset", user)
        db.session.commit()
        return render_template("admin/user_created.html", user=user, password=password, reset=True)
    return render_template("admin/reset_password.html", form=form, user=user)


def _edit_problem(user: User, form: EditUserForm) -> str | None:
    if user.id == current_user.id and (
        not form.is_enabled.data or form.role.data != Role.ADMIN.value
    ):
        return "You cannot disable your own account or remove your own admin role"
    return None


def _reload_form_from(user: User, form: EditUserForm) -> None:
    form.full_name.data = user.full_name
    form.role.data = user.role.value
    form.is_enabled.data = user.is_enabled
    form.safer_recruitment_trained_on.data = user.safer_recruitment_trained_on
    form.version.data = user.version


def _save_user_changes(user: User, form: EditUserForm) -> ResponseReturnValue:
    changes = _describe_changes(user, form)
    user.full_name = _entered_name(form)
    user.role = Role(form.role.data)
    user.is_enabled = bool(form.is_enabled.data)
    user.safer_recruitment_trained_on = form.safer_recruitment_trained_on.data
    if not user.is_enabled:
        end_all_sessions(user)
    audit.record("user.updated", user, changes=changes)
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        abort(409)
    flash(f"Changes to {user.full_name} saved", "success")
    return redirect(url_for("admin.users"))


def _describe_changes(user: User, form: EditUserForm) -> dict[str, list[object]]:
    proposed = {
        "full_name": _entered_name(form),
        "role": form.role.data,
        "is_enabled": bool(form.is_enabled.data),
        "safer_recruitment_trained_on": _iso(form.safer_recruitment_trained_on.data),
    }
    current = {
        "full_name": user.full_name,
        "role": user.role.value,
        "is_enabled": user.is_enabled,
        "safer_recruitment_trained_on": _iso(user.safer_recruitment_trained_on),
    }
    return {key: [current[key], value] for key, value in proposed.items() if current[key] != value}


def _iso(day: date | None) -> str | None:
    """A date as the audit log's JSON holds it: 2024-03-03, or None."""
    return day.isoformat() if day else None


def _entered_name(form: EditUserForm) -> str:
    # InputRequired passed, so the field holds text.
    return cast(str, form.full_name.data).strip()
