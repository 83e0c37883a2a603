"""Role checks for whole blueprints and single views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

import flask_login
from flask import Blueprint, abort
from flask.typing import ResponseReturnValue
from flask_login import current_user

from recruit.extensions import login_manager
from recruit.models import Role

View = TypeVar("View", bound=Callable[..., Any])


def login_required(view: View) -> View:
    """Flask-Login's ``login_required``, keeping the view's type (Flask-Login has none)."""
    return cast(View, flask_login.login_required(view))


def require_roles_for_blueprint(blueprint: Blueprint, *roles: Role) -> None:
    """Every view of ``blueprint`` needs a signed-in user with one of ``roles``.

    Guarding the blueprint, not each view, means a new route cannot forget the rule.
    """

    @blueprint.before_request
    def check_role() -> ResponseReturnValue | None:
        if not current_user.is_authenticated:
            # Flask-Login has no types; unauthorized() gives the redirect to sign in.
            return cast(ResponseReturnValue, login_manager.unauthorized())
        if current_user.role not in roles:
            abort(403)
        return None


def roles_required(*roles: Role) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator
