"""References: what is outstanding, each reference's status, and the form's rules.

Safer recruitment (Working Together to Safeguard Children 2023; Keeping Children Safe in
Education, Part 3) asks for at least two references, one from the current or most recent
employer, each scrutinised and any concern it raised resolved before appointment; for a
senior post, ideally before interview. A reference counts once it has been received and
scrutinised, and any concern noted on it has a resolution.

Plain values in and out, so these rules need neither Flask nor the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

__all__ = [
    "MINIMUM_REFERENCES",
    "SENIOR_ROLE_LEVELS",
    "STATUSES",
    "STATUS_TAGS",
    "ReferenceState",
    "is_senior",
    "record_problems",
    "reference_problems",
    "reference_status",
    "references_complete",
]

MINIMUM_REFERENCES = 2
# The role levels whose references are taken up before the deciding stage when the
# REFERENCES_BEFORE_DECIDING_STAGE setting is on.
SENIOR_ROLE_LEVELS = frozenset({"dcs", "assistant_director", "head_of_service"})

NOT_REQUESTED = "not_requested"
REQUESTED = "requested"
RECEIVED = "received"
SCRUTINISED = "scrutinised"
CONCERN_OPEN = "concern_open"
CONCERN_RESOLVED = "concern_resolved"

STATUSES: Mapping[str, str] = MappingProxyType(
    {
        NOT_REQUESTED: "Not requested",
        REQUESTED: "Requested",
        RECEIVED: "Received, not yet scrutinised",
        SCRUTINISED: "Scrutinised",
        CONCERN_OPEN: "Concern open",
        CONCERN_RESOLVED: "Concern resolved",
    }
)
STATUS_TAGS: Mapping[str, str] = MappingProxyType(
    {
        NOT_REQUESTED: "govuk-tag--grey",
        REQUESTED: "govuk-tag--blue",
        RECEIVED: "govuk-tag--light-blue",
        SCRUTINISED: "govuk-tag--green",
        CONCERN_OPEN: "govuk-tag--red",
        CONCERN_RESOLVED: "govuk-tag--green",
    }
)


@dataclass(frozen=True)
class ReferenceState:
    """A recorded reference as the rules need it."""

    is_current_or_recent_employer: bool
    requested_on: date | None = None
    received_on: date | None = None
    scrutinised_on: date | None = None
    concerns: str | None = None
    concern_resolution: str | None = None

    @property
    def concern_open(self) -> bool:
        return bool((self.concerns or "").strip()) and not (self.concern_resolution or "").strip()

    @property
    def counts(self) -> bool:
        """Received, scrutinised, and with no concern left open."""
        return bool(self.received_on and self.scrutinised_on) and not self.concern_open


def is_senior(role_level: str) -> bool:
    return role_level in SENIOR_ROLE_LEVELS


def reference_status(row: ReferenceState) -> str:
    """The status a reference's tag shows: a concern outranks the step reached."""
    if row.concern_open:
        return CONCERN_OPEN
    if (row.concerns or "").strip():
        return CONCERN_RESOLVED
    if row.received_on and row.scrutinised_on:
        return SCRUTINISED
    if row.received_on:
        return RECEIVED
    if row.requested_on:
        return REQUESTED
    return NOT_REQUESTED


def reference_problems(rows: Iterable[ReferenceState]) -> list[str]:
    """What stands between the candidate's references and an appointment, in words for HR;
    [] when they are complete."""
    rows = list(rows)
    problems: list[str] = []
    done = sum(1 for row in rows if row.received_on and row.scrutinised_on)
    if done < MINIMUM_REFERENCES:
        problems.append(
            f"References: {done} of the {MINIMUM_REFERENCES} needed received and scrutinised"
        )
    employer = [row for row in rows if row.is_current_or_recent_employer]
    if not employer:
        problems.append("References: none from the current or most recent employer")
    elif not any(row.received_on and row.scrutinised_on for row in employer):
        problems.append(
            "References: the current or most recent employer's is not yet received and scrutinised"
        )
    open_concerns = sum(1 for row in rows if row.concern_open)
    if open_concerns:
        noun = "a concern" if open_concerns == 1 else f"{open_concerns} concerns"
        problems.append(f"References: {noun} noted with no resolution")
    return problems


def references_complete(rows: Iterable[ReferenceState]) -> bool:
    return not reference_problems(rows)


def record_problems(row: ReferenceState, today: date) -> dict[str, str]:
    """Field name -> what is wrong with a reference as entered; {} when it may be saved."""
    problems: dict[str, str] = {}
    named = (
        ("requested_on", row.requested_on),
        ("received_on", row.received_on),
        ("scrutinised_on", row.scrutinised_on),
    )
    for name, day in named:
        if day is not None and day > today:
            problems[name] = "The date must be today or in the past"
    if row.scrutinised_on and not row.received_on:
        problems.setdefault(
            "received_on", "Enter the date the reference was received before it is scrutinised"
        )
    if row.requested_on and row.received_on and row.received_on < row.requested_on:
        problems.setdefault(
            "received_on", "The reference cannot be received before it was requested"
        )
    if row.received_on and row.scrutinised_on and row.scrutinised_on < row.received_on:
        problems.setdefault(
            "scrutinised_on", "The reference cannot be scrutinised before it was received"
        )
    if (row.concern_resolution or "").strip() and not (row.concerns or "").strip():
        problems["concerns"] = "Summarise the concern the resolution answers"
    return problems
