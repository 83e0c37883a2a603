"""Sign in, sign out and change password."""

from __future__ import annotations

from typing import cast

from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user

from recruit import audit
from recruit.accounts import set_password, verify_credentials
from recruit.auth import bp, throttle
from recruit.auth.forms import ChangePasswordForm, LoginForm
from recruit.authorisation import login_required
from recruit.domain.accounts.redirects import is_safe_next_path
from recruit.errors import render_error
from recruit.extensions import db
from recruit.form_fields import add_error
from recruit.sessions import end_all_sessions, end_session, start_session

SIGN_IN_FAILED = "Enter a correct email address and password"


@bp.route("/sign-in", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        # InputRequired passed, so both fields hold text.
        email = cast(str, form.email.data).strip().lower()
        password = cast(str, form.password.data)
        address = request.remote_addr or "unknown"
        if throttle.is_locked_out(email, address):
            audit.record("login.refused", actor_label=email, reason="too many attempts")
            db.session.commit()
            abort(429)
        user = verify_credentials(email, password)
        if user is None or not user.is_enabled:
            throttle.record_failure(email, address)
            audit.record(
                "login.failed", actor_label=email, reason="disabled" if user else "bad credentials"
            )
            db.session.commit()
            # validate() left the field's errors a list (its stubs say only Sequence).
            add_error(form.password, SIGN_IN_FAILED)
        else:
            throttle.clear_failures(email)
            start_session(user)
            audit.record("login", user, actor=user)
            db.session.commit()
            return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


@bp.route("/sign-out", methods=["POST"])
def logout() -> ResponseReturnValue:
    if current_user.is_authenticated:
        audit.record("logout", current_user._get_current_object())
    end_session()
    db.session.commit()
    flash("You have signed out", "success")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password() -> ResponseReturnValue:
    user = current_user._get_current_object()
    form = ChangePasswordForm()
    form.email_for_check = user.email
    if form.validate_on_submit():
        # InputRequired passed, so both password fields hold text.
        current_password = cast(str, form.current_password.data)
        new_password = cast(str, form.new_password.data)
        # A signed-in browser left open is another way to guess the password: the same
        # per-account and per-address counts as sign-in, so the two cannot be added up.
        address = request.remote_addr or "unknown"
        if throttle.is_locked_out(user.email, address):
            audit.record("password.change_refused", user, reason="too many attempts")
            db.session.commit()
            return _too_many_password_attempts()
        if verify_credentials(user.email, current_password) is None:
            throttle.record_failure(user.email, address)
            audit.record("password.change_failed", user, reason="wrong current password")
            db.session.commit()
            # validate() left the field's errors a list (its stubs say only Sequence).
            add_error(form.current_password, "Your current password is not correct")
        else:
            throttle.clear_failures(user.email)
            set_password(user, new_password)
            user.must_change_password = False
            end_all_sessions(user)  # other browsers signed in with the old password
            start_session(user)
            audit.record("password.changed", user)
            db.session.commit()
            flash("Your password has been changed", "success")
            return redirect(url_for("main.home"))
    return render_template(
        "auth/change_password.html", form=form, change_due=user.must_change_password
    )


def _too_many_password_attempts() -> ResponseReturnValue:
    minutes = current_app.config["LOGIN_ATTEMPT_WINDOW_MINUTES"]
    return render_error(
        429,
        "Too many attempts",
        f"Your current password was entered wrongly too many times. Wait {minutes} minutes, "
        "then try again. If you have forgotten it, ask your administrator to reset it.",
    )


def _safe_next(target: str | None) -> str:
    # is_safe_next_path refuses None already; the check says so to the type checker.
    return target if target is not None and is_safe_next_path(target) else url_for("main.home")
