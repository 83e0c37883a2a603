"""Who may open the vacancies pages: HR and admin everything; a reviewer (the DCS or an
appointing member) only the read-only pages, and only for the vacancies they are named on.

The blueprint guard decides before any view runs, so a new route is HR and admin's alone
unless it joins ``READ_ONLY_FOR_REVIEWERS``, and a route that joins it is checked against
the vacancy in its URL without the view having to remember. A vacancy a reviewer is not
named on is a 404, as a stage without a seat is for the panel: its existence is not
confirmed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from flask import Blueprint, abort, request
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from recruit.extensions import db, login_manager
from recruit.models import PanelSeat, Role, Stage, User, Vacancy

EDITORS = frozenset({Role.ADMIN, Role.HR})
# The views a reviewer may open. Each only reads, and shows a reviewer no change links or
# forms; one with a vacancy_id in its URL is for the vacancies they are named on.
READ_ONLY_FOR_REVIEWERS = frozenset({"vacancies.index", "vacancies.show"})
SAFE_METHODS = frozenset({"GET", "HEAD"})


def guard_blueprint(blueprint: Blueprint) -> None:
    """Every view of ``blueprint`` passes ``check_access`` first."""
    blueprint.before_request(check_access)


def check_access() -> ResponseReturnValue | None:
    if not current_user.is_authenticated:
        # Flask-Login has no types; unauthorized() gives the redirect to sign in.
        return cast(ResponseReturnValue, login_manager.unauthorized())
    if current_user.role in EDITORS:
        return None
    if not _reviewer_may_read():
        abort(403)
    vacancy_id = (request.view_args or {}).get("vacancy_id")
    if vacancy_id is not None and not named_on(current_user, vacancy_id):
        abort(404)
    return None


def _reviewer_may_read() -> bool:
    return (
        current_user.role is Role.REVIEWER
        and request.endpoint in READ_ONLY_FOR_REVIEWERS
        and request.method in SAFE_METHODS
    )


def may_edit(user: User) -> bool:
    """Whether the pages show ``user`` their change links, forms and editing steps."""
    return user.role in EDITORS


def named_on(user: User, vacancy_id: int) -> bool:
    """Whether ``user`` holds a panel seat at any stage of the vacancy, or is its hiring
    manager. A vacancy that does not exist names nobody."""
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None:
        return False
    return _same_name(vacancy.hiring_manager, user.full_name) or vacancy.id in seated_vacancy_ids(
        user
    )


def named_vacancies(user: User, vacancies: Iterable[Vacancy]) -> list[Vacancy]:
    """The ``vacancies`` that name ``user``, in the order given."""
    seated = seated_vacancy_ids(user)
    return [
        vacancy
        for vacancy in vacancies
        if vacancy.id in seated or _same_name(vacancy.hiring_manager, user.full_name)
    ]


def seated_vacancy_ids(user: User) -> set[int]:
    """The vacancies where ``user`` holds a seat on any stage's panel (the deciding panel
    included), stood down or not: the record they scored stays theirs to read."""
    rows: Sequence[int] = db.session.scalars(
        select(Stage.vacancy_id)
        .join(PanelSeat, PanelSeat.stage_id == Stage.id)
        .where(PanelSeat.user_id == user.id)
        .distinct()
    ).all()
    return set(rows)


def _same_name(hiring_manager: str, full_name: str) -> bool:
    """The hiring manager is free text: compared with spaces collapsed and case folded in
    Python, which (unlike SQLite's lower()) folds every letter, not only ASCII ones."""
    return _folded(hiring_manager) == _folded(full_name) != ""


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()
