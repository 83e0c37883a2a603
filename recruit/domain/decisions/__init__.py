"""The appointment decision, step by step, and what still stands in the way of an offer.

The deciding panel records the decision (a candidate, or no appointment) and each of its
scoring members confirms it. When elected members appoint (a chief or deputy chief officer),
the standing orders then ask for every member of the executive to be told of the proposed
appointment, with a period to object (commonly five working days); the panel rules on each
objection, "material and well founded" or not, with reasons; only then may an offer be made.
An upheld objection means no offer: the panel decides again.

``objection_deadline`` counts working days (Monday to Friday; bank holidays are the
council's to allow for: the period is set when the notice is recorded).
``offer_blockers`` lists, in words for HR, what must happen before the offer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

DEFAULT_OBJECTION_DAYS = 5
SATURDAY = 5


def objection_deadline(notified_on: date, working_days: int) -> date:
    """The last day an objection may arrive: ``working_days`` working days after notice."""
    day, counted = notified_on, 0
    while counted < working_days:
        day += timedelta(days=1)
        if day.weekday() < SATURDAY:
            counted += 1
    return day


@dataclass(frozen=True)
class ObjectionFacts:
    objector: str
    ruled: bool
    upheld: bool


@dataclass(frozen=True)
class DecisionFacts:
    """Where a vacancy's decision stands, as ``offer_blockers`` needs it."""

    appoints_someone: bool
    unconfirmed_members: Sequence[str]
    members_appoint: bool
    executive_notified_on: date | None
    objection_deadline: date | None
    objections: Sequence[ObjectionFacts]
    offer_made: bool
    # The record the decision rests on: moderation at the deciding stage is still closed
    # (not reopened since), and the appointed candidate's outcome there is still appointable.
    moderation_closed: bool = True
    candidate_appointable: bool = True


def offer_blockers(facts: DecisionFacts, today: date) -> list[str]:
    """What must happen before an offer may be made; [] when it may."""
    if facts.offer_made:
        return ["The offer has been made"]
    if not facts.appoints_someone:
        return ["The panel decided to make no appointment"]
    blockers = _record_blockers(facts)
    if facts.unconfirmed_members:
        names = ", ".join(facts.unconfirmed_members)
        blockers.append(f"Every member of the deciding panel confirms the decision: {names} to do")
    if facts.members_appoint:
        blockers += _executive_blockers(facts, today)
    return blockers


def _record_blockers(facts: DecisionFacts) -> list[str]:
    """A decision stands on the moderated record: if that moved, the offer waits."""
    blockers = []
    if not facts.moderation_closed:
        blockers.append(
            "Moderation at the deciding stage was reopened: close it again, and record the "
            "decision again if an outcome changed"
        )
    if not facts.candidate_appointable:
        blockers.append(
            "The appointed candidate's outcome at the deciding stage is no longer "
            "appointable: the panel records the decision again"
        )
    return blockers


def _executive_blockers(facts: DecisionFacts, today: date) -> list[str]:
    if facts.executive_notified_on is None or facts.objection_deadline is None:
        return ["Tell every member of the executive of the proposed appointment"]
    blockers = []
    if today <= facts.objection_deadline:
        blockers.append(
            f"Wait for the objection period to end: objections may arrive until the end of "
            f"{_day(facts.objection_deadline)}"
        )
    unruled = [o.objector for o in facts.objections if not o.ruled]
    if unruled:
        blockers.append(f"The panel rules on the objection from {', '.join(unruled)}")
    upheld = [o.objector for o in facts.objections if o.ruled and o.upheld]
    if upheld:
        blockers.append(
            f"The panel found the objection from {', '.join(upheld)} material and well "
            "founded: no offer can be made, and the panel decides again"
        )
    return blockers


def _day(day: date) -> str:
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B %Y')}"
