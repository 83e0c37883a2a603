"""What templates need beyond the data: the organisation, navigation and GOV.UK date style."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import Flask, current_app, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape

from recruit.domain.documents.scoring_summary.text import rank_texts, score_text
from recruit.domain.interview_plan.model import opening_words
from recruit.domain.scoring.model import FLAG_LABELS, OUTCOME_LABELS, Flag
from recruit.models import Role
from recruit.models.vacancies import CONTRACT_LABELS

UK_TIME = ZoneInfo("Europe/London")
# Tag colours for scoring flags: red for the values floor, orange for disagreement, grey for
# what was not assessed.
FLAG_COLOURS: dict[Flag, str] = {
    "values_floor": "red",
    "disagreement": "orange",
    "not_assessed": "grey",
    "mostly_no_evidence": "yellow",
}

# (label, endpoint, roles that see it). Later areas add their entries here.
NAVIGATION: list[tuple[str, str, tuple[Role, ...]]] = [
    ("Home", "main.home", tuple(Role)),
    ("Vacancies", "vacancies.index", (Role.ADMIN, Role.HR)),
    # A reviewer's list holds only the vacancies they are named on (recruit/vacancies/access.py).
    ("Your vacancies", "vacancies.index", (Role.REVIEWER,)),
    ("Your interviews", "interviews.index", tuple(Role)),
    ("Question bank", "questions.search", tuple(Role)),
    ("Leadership attributes", "questions.attributes", tuple(Role)),
    ("Leadership profiles", "profiles.index", tuple(Role)),
    ("Fair selection", "equality.report", (Role.EQUALITY, Role.ADMIN)),
    ("Users", "admin.users", (Role.ADMIN,)),
]


def init_app(app: Flask) -> None:
    app.context_processor(_template_context)
    app.jinja_env.filters["govuk_date"] = govuk_date
    app.jinja_env.filters["opening_words"] = opening_words
    app.jinja_env.filters["govuk_datetime"] = govuk_datetime
    app.jinja_env.globals["contract_label"] = contract_label
    app.jinja_env.filters["one_decimal"] = one_decimal
    app.jinja_env.filters["signed"] = signed_one_decimal
    app.jinja_env.globals["FLAG_LABELS"] = FLAG_LABELS
    app.jinja_env.globals["FLAG_COLOURS"] = FLAG_COLOURS
    app.jinja_env.globals["OUTCOME_LABELS"] = OUTCOME_LABELS
    app.jinja_env.globals["flag_tags"] = flag_tags
    app.jinja_env.globals["rank_texts"] = rank_texts


def _template_context() -> dict[str, object]:
    return {
        "organisation_name": current_app.config["ORGANISATION_NAME"],
        "brand_colour": current_app.config["BRAND_COLOUR"],
        "navigation_items": navigation_items(),
    }


def navigation_items() -> list[dict[str, object]]:
    if not current_user.is_authenticated:
        return []
    items = []
    for label, endpoint, roles in NAVIGATION:
        if current_user.role not in roles or endpoint not in current_app.view_functions:
            continue
        href = url_for(endpoint)
        active = request.endpoint == endpoint or (
            endpoint != "main.home" and request.path.startswith(href)
        )
        items.append({"text": label, "href": href, "active": active})
    return items


def flag_tags(flags: Iterable[Flag]) -> Markup:
    """A GOV.UK tag for each scoring flag, each followed by a space. A function rather than
    a macro: the summary shows one set per candidate and attribute, and a Jinja macro call
    costs more than the tags themselves."""
    return Markup(
        "".join(
            f'<strong class="govuk-tag govuk-tag--{FLAG_COLOURS[flag]} app-flag">'
            f"{escape(FLAG_LABELS[flag])}</strong> "
            for flag in flags
        )
    )


def one_decimal(value: float | None, missing: str = "–") -> str:
    """Means to one decimal place, halves up: the same figure the Word summary shows."""
    return score_text(value, missing=missing)


def signed_one_decimal(value: float | None, missing: str = "–") -> str:
    if value is None:
        return missing
    return ("-" if value < 0 else "+") + score_text(abs(value))


def contract_label(key: str) -> str:
    return CONTRACT_LABELS.get(key, key)


def govuk_date(value: date | datetime | None) -> str:
    """12 January 2027."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = _to_uk_time(value)
    return f"{value.day} {value:%B %Y}"


def govuk_datetime(value: datetime | None) -> str:
    """12 January 2027, 2:30pm (UK time)."""
    if value is None:
        return ""
    return f"{govuk_date(value)}, {govuk_time(value)}"


def govuk_time(value: datetime) -> str:
    """2:30pm, or 9am on the hour (UK time)."""
    local = _to_uk_time(value)
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    minutes = "" if local.minute == 0 else f":{local.minute:02d}"
    return f"{hour}{minutes}{suffix}"


def _to_uk_time(value: datetime) -> datetime:
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(UK_TIME)
