"""Shortlisting scrutiny: the rules for a point to explore and for the shortlisting decision.

Safer recruitment (Keeping Children Safe in Education, Part 3; Working Together 2023) asks
that every application be scrutinised before shortlisting: gaps in employment history and
any discrepancy noted, to be explored with the candidate at interview, and the candidate
shortlisted only against the person specification's essential criteria, with the reasons
recorded. Here a decision records an outcome for every essential criterion assessed from
the application; a candidate who does not meet one is not shortlisted; a candidate not
shortlisted, or a decision changed, carries its reasons.

Plain values in and out, so these rules need neither Flask nor the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from recruit.domain.adverts.draft.model import format_govuk_date

__all__ = [
    "GAP",
    "DISCREPANCY",
    "MET",
    "PARTLY_MET",
    "NOT_MET",
    "NOTE_LIMIT",
    "DecisionEntry",
    "PointEntry",
    "decision_problems",
    "gap_length",
    "point_problems",
    "point_when",
    "shortlisting_criteria",
]

GAP, DISCREPANCY = "gap", "discrepancy"
MET, PARTLY_MET, NOT_MET = "met", "partly_met", "not_met"
NOTE_LIMIT = 2000
APPLICATION = "application"


@dataclass(frozen=True)
class PointEntry:
    """A gap or discrepancy as HR entered it."""

    kind: str
    from_date: date | None
    to_date: date | None
    noted: str
    to_explore: str
    explanation: str = ""


@dataclass(frozen=True)
class DecisionEntry:
    """A shortlisting decision as entered: ``outcomes`` by criterion id (None: not given)."""

    shortlisted: bool | None
    reasons: str
    outcomes: Mapping[int, str | None]
    criterion_texts: Mapping[int, str]
    # The decision already recorded, if any: changing it needs a reason.
    previously_shortlisted: bool | None = None


def shortlisting_criteria(
    criteria: Iterable[tuple[int, bool, Iterable[str]]],
) -> list[int]:
    """The ids of the criteria a shortlisting decision is made against, in the given order:
    the essential ones assessed from the application. (id, essential, assessed_by) in."""
    return [
        criterion_id
        for criterion_id, essential, assessed_by in criteria
        if essential and APPLICATION in assessed_by
    ]


def gap_length(from_date: date, to_date: date) -> str:
    """A gap's length in whole months, in words: "about 7 months"; under one, "under a month"."""
    months = (to_date.year - from_date.year) * 12 + to_date.month - from_date.month
    if to_date.day < from_date.day:
        months -= 1
    if months < 1:
        return "under a month"
    return f"about {months} month{'s' if months != 1 else ''}"


def point_when(kind: str, from_date: date | None, to_date: date | None) -> str:
    """A point's dates in words: "1 March 2019 to 30 September 2019 (about 6 months)" for a
    gap; "" when no date was recorded."""
    if from_date is None:
        return ""
    if to_date is None:
        return f"from {format_govuk_date(from_date)}"
    span = f"{format_govuk_date(from_date)} to {format_govuk_date(to_date)}"
    return f"{span} ({gap_length(from_date, to_date)})" if kind == GAP else span


def point_problems(entry: PointEntry, today: date) -> dict[str, str]:
    """Field name -> what to do, for a point that cannot be saved; {} when it can."""
    problems: dict[str, str] = {}
    if entry.kind == GAP:
        if entry.from_date is None:
            problems["from_date"] = "Enter the date the gap started"
        if entry.to_date is None:
            problems["to_date"] = "Enter the date the gap ended"
    for name, value in (("from_date", entry.from_date), ("to_date", entry.to_date)):
        if value is not None and value > today and name not in problems:
            problems[name] = "The date must be today or in the past"
    if (
        entry.from_date
        and entry.to_date
        and entry.to_date < entry.from_date
        and "to_date" not in problems
    ):
        problems["to_date"] = "The end date must be the same as or after the start date"
    return problems


def decision_problems(entry: DecisionEntry) -> dict[str, str]:
    """Field name -> what to do, for a decision that cannot be recorded; {} when it can.
    Outcome fields are named ``outcome_<criterion id>``."""
    problems: dict[str, str] = {}
    for criterion_id, outcome in entry.outcomes.items():
        if outcome not in (MET, PARTLY_MET, NOT_MET):
            text = entry.criterion_texts.get(criterion_id, "this criterion")
            problems[f"outcome_{criterion_id}"] = f"Select whether the application meets: {text}"
    if entry.shortlisted is None:
        problems["decision"] = "Select whether the candidate is shortlisted"
        return problems
    not_met = [
        entry.criterion_texts.get(criterion_id, "")
        for criterion_id, outcome in entry.outcomes.items()
        if outcome == NOT_MET
    ]
    reasons = entry.reasons.strip()
    if entry.shortlisted and not_met:
        problems["decision"] = (
            f"A candidate who does not meet an essential criterion is not shortlisted: "
            f"{not_met[0]}. Record it as met or partly met with the evidence, or do not "
            "shortlist"
        )
    elif not entry.shortlisted and not reasons:
        problems["reasons"] = "Say why the candidate is not shortlisted"
    elif (
        entry.previously_shortlisted is not None
        and entry.previously_shortlisted != entry.shortlisted
        and not reasons
    ):
        problems["reasons"] = "Say why the shortlisting decision has changed"
    return problems
