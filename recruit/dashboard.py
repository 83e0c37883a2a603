"""The home page per role: a card for each area the user can work in, with its next actions.

Each area registers a card builder; a builder returns None when the area has nothing for
that user, so the dashboard only ever shows real work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from flask import url_for
from sqlalchemy import func, select

from recruit.domain.vacancies import Progress
from recruit.extensions import db
from recruit.models import (
    FeedbackRequest,
    PanelSeat,
    Question,
    Role,
    Stage,
    StageModeration,
    User,
    Vacancy,
)
from recruit.vacancies.access import named_vacancies
from recruit.vacancies.progress import progress_of


@dataclass(frozen=True)
class DashboardLink:
    text: str
    href: str


@dataclass(frozen=True)
class DashboardCard:
    title: str
    summary: str
    links: list[DashboardLink] = field(default_factory=list)


CardBuilder = Callable[[User], DashboardCard | None]
_CARD_BUILDERS: list[CardBuilder] = []


def register_card(builder: CardBuilder) -> CardBuilder:
    _CARD_BUILDERS.append(builder)
    return builder


def dashboard_for(user: User) -> list[DashboardCard]:
    return [card for builder in _CARD_BUILDERS if (card := builder(user)) is not None]


@register_card
def users_card(user: User) -> DashboardCard | None:
    if user.role is not Role.ADMIN:
        return None
    counts = dict(
        db.session.execute(select(User.is_enabled, func.count()).group_by(User.is_enabled)).all()
    )
    enabled, disabled = counts.get(True, 0), counts.get(False, 0)
    return DashboardCard(
        title="Users and roles",
        summary=f"{enabled} active {_plural(enabled, 'account')}, {disabled} disabled.",
        links=[
            DashboardLink("Manage users", url_for("admin.users")),
            DashboardLink("Add a user", url_for("admin.create_user")),
            DashboardLink("View the audit log", url_for("admin.audit_log")),
        ],
    )


@register_card
def fair_selection_card(user: User) -> DashboardCard | None:
    # No figures here: equality answers are read on the report's page alone, where every
    # view is logged and small counts are hidden.
    if user.role not in (Role.EQUALITY, Role.ADMIN):
        return None
    return DashboardCard(
        title="Fair selection",
        summary="How candidates of each group moved through selection, over the last year "
        "or any period, with small numbers hidden and each difference tested.",
        links=[
            DashboardLink("Read the fair-selection report", url_for("equality.report")),
            DashboardLink(
                "Download the last year's report (Word)", url_for("equality.report_word")
            ),
        ],
    )


# Enough vacancies for a home page; the list has the rest.
HOME_VACANCIES = 6


@register_card
def hr_vacancies_card(user: User) -> DashboardCard | None:
    """HR and admin: each campaign still under way, where it stands and what comes next."""
    if user.role not in (Role.HR, Role.ADMIN):
        return None
    everything = db.session.scalars(
        select(Vacancy).order_by(Vacancy.closing_date.desc(), Vacancy.id.desc())
    ).all()
    under_way = [
        (vacancy, progress)
        for vacancy in everything
        if (progress := progress_of(vacancy)) not in (Progress.FILLED, Progress.CLOSED)
    ]
    links = [
        DashboardLink(
            f"{vacancy.title}: {progress.label.lower()}. Next: {progress.next_step.lower()}",
            url_for("vacancies.show", vacancy_id=vacancy.id),
        )
        for vacancy, progress in under_way[:HOME_VACANCIES]
    ]
    links.append(DashboardLink("All vacancies", url_for("vacancies.index")))
    return DashboardCard(
        title="Vacancies",
        summary=f"{len(under_way)} {_plural(len(under_way), 'campaign')} under way, "
        f"{len(everything) - len(under_way)} filled or closed.",
        links=links,
    )


@register_card
def reviewer_vacancies_card(user: User) -> DashboardCard | None:
    """Reviewers: the vacancies they are named on, each page saying where the decision
    stands (HR and admin have the whole list in the navigation)."""
    if user.role is not Role.REVIEWER:
        return None
    everything = db.session.scalars(select(Vacancy).order_by(Vacancy.closing_date.desc()))
    named = named_vacancies(user, everything)
    if not named:
        return DashboardCard(
            title="Your vacancies",
            summary="You are not named on any vacancy yet: one appears here when HR adds you "
            "to a panel or names you as the hiring manager.",
        )
    return DashboardCard(
        title="Your vacancies",
        summary=f"You are named on {len(named)} {_plural(len(named), 'vacancy')}: "
        "see where each decision stands.",
        links=[
            DashboardLink(vacancy.title, url_for("vacancies.show", vacancy_id=vacancy.id))
            for vacancy in named
        ],
    )


@register_card
def interviews_card(user: User) -> DashboardCard | None:
    seats = db.session.scalar(
        select(func.count()).select_from(PanelSeat).where(PanelSeat.user_id == user.id)
    )
    if not seats and user.role is not Role.PANEL:
        return None
    summary = (
        f"You sit on {seats} interview {'panel' if seats == 1 else 'panels'}."
        if seats
        else "You are not on any interview panel yet."
    )
    return DashboardCard(
        title="Your interviews",
        summary=summary,
        links=[DashboardLink("See your interviews and packs", url_for("interviews.index"))],
    )


@register_card
def comparisons_card(user: User) -> DashboardCard | None:
    """Reviewers (the DCS, appointing members), HR and admin: shortlists ready to compare."""
    if user.role not in (Role.REVIEWER, Role.HR, Role.ADMIN):
        return None
    ready = db.session.scalars(
        select(Vacancy)
        .join(Stage, Stage.vacancy_id == Vacancy.id)
        .join(StageModeration, StageModeration.stage_id == Stage.id)
        .distinct()
        .order_by(Vacancy.title)
    ).all()
    if not ready:
        return DashboardCard(
            title="Shortlists to compare",
            summary="No shortlist is ready yet: one appears when a stage reaches moderation.",
        )
    return DashboardCard(
        title="Shortlists to compare",
        summary=f"{len(ready)} {_plural(len(ready), 'vacancy')} with moderated results.",
        links=[
            DashboardLink(
                f"Compare the shortlist: {vacancy.title}",
                url_for("comparisons.comparison", vacancy_id=vacancy.id),
            )
            for vacancy in ready
        ],
    )


@register_card
def profiles_card(user: User) -> DashboardCard | None:
    waiting = db.session.scalar(
        select(func.count())
        .select_from(FeedbackRequest)
        .where(FeedbackRequest.colleague_id == user.id, FeedbackRequest.responded_at.is_(None))
    )
    summary = "Reflect on your leadership against the five attributes, and ask colleagues."
    if waiting:
        summary = f"{waiting} {_plural(waiting, 'colleague')} asked for your feedback. " + summary
    return DashboardCard(
        title="Leadership profiles",
        summary=summary,
        links=[DashboardLink("Your leadership profiles", url_for("profiles.index"))],
    )


@register_card
def question_bank_card(user: User) -> DashboardCard | None:
    active = db.session.scalar(
        select(func.count()).select_from(Question).where(Question.status == "active")
    )
    if not active:
        return None
    links = [
        DashboardLink("Find questions", url_for("questions.search")),
        DashboardLink("The five leadership attributes", url_for("questions.attributes")),
    ]
    if user.role is Role.ADMIN:
        links.append(DashboardLink("Add a question", url_for("questions.create")))
    return DashboardCard(
        title="Question bank",
        summary=f"{active} active value-fit questions across the five leadership attributes.",
        links=links,
    )


@register_card
def account_card(user: User) -> DashboardCard | None:
    return DashboardCard(
        title="Your account",
        summary=f"You are signed in as {user.email} with the role {user.role.label}.",
        links=[DashboardLink("Change your password", url_for("auth.change_password"))],
    )


def _plural(count: int, word: str) -> str:
    if count == 1:
        return word
    return word[:-1] + "ies" if word.endswith("y") else word + "s"
