"""Pre-employment checks: which there are, what each status means, and what is outstanding.

Safer recruitment (Working Together to Safeguard Children 2023; Keeping Children Safe in
Education, Part 3) makes an offer conditional until these checks are complete, and asks for
each check to be recorded with its date, outcome and who verified it, never the
certificate's content. Every check is required, except the two a post may not need: overseas
checks (only where the candidate has lived or worked abroad) and professional registration
(only where the post needs it); either may be marked "not required", with a reason.

A check is complete when it is satisfactory, or not required where that is allowed. A
concern is outstanding: it is resolved by recording the check as satisfactory once the
concern has been discussed and risk-assessed, or by an HR user appointing before the checks
are complete, with a reason. A kind with no row recorded is "not started".

Plain strings in and out (the statuses' and kinds' values), so the database's enums and
these rules are checked against each other by a test rather than by an import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

__all__ = [
    "CHECKS",
    "COMPLETE_STATUSES",
    "NOT_REQUIRED",
    "NOT_STARTED",
    "STATUSES",
    "STATUS_TAGS",
    "CheckInfo",
    "CheckState",
    "check_label",
    "checks_complete",
    "outstanding_checks",
    "outstanding_labels",
    "record_problems",
    "status_label",
]

NOT_STARTED = "not_started"
REQUESTED = "requested"
RECEIVED = "received"
SATISFACTORY = "satisfactory"
CONCERN = "concern"
NOT_REQUIRED = "not_required"


@dataclass(frozen=True)
class CheckInfo:
    """One kind of check: its key, its label, a hint for HR, and whether a post may not
    need it (``optional``: "not required" is allowed, with a reason)."""

    key: str
    label: str
    hint: str
    optional: bool = False


CHECKS: tuple[CheckInfo, ...] = (
    CheckInfo(
        "identity",
        "Identity",
        "Seen from original documents, such as a passport or driving licence.",
    ),
    CheckInfo(
        "right_to_work",
        "Right to work in the UK",
        "Checked as the Home Office guidance says: a share code or original documents.",
    ),
    CheckInfo(
        "enhanced_dbs",
        "Enhanced DBS check",
        "Record the date of the certificate and the outcome: not its content or number.",
    ),
    CheckInfo(
        "barred_list",
        "Children's barred list",
        "Checked with the enhanced DBS check where the role is eligible.",
    ),
    CheckInfo(
        "qualifications",
        "Qualifications",
        "Seen from original certificates, for the qualifications the post asks for.",
    ),
    CheckInfo(
        "professional_registration",
        "Professional registration",
        "For example, registration with Social Work England, where the post needs it.",
        optional=True,
    ),
    CheckInfo(
        "overseas",
        "Overseas checks",
        "Where the candidate has lived or worked outside the UK: a certificate of good "
        "conduct or the equivalent.",
        optional=True,
    ),
    CheckInfo(
        "occupational_health",
        "Occupational health",
        "Fit for the role, with any reasonable adjustments agreed.",
    ),
)
_BY_KEY = {check.key: check for check in CHECKS}

STATUSES: Mapping[str, str] = MappingProxyType(
    {
        NOT_STARTED: "Not started",
        REQUESTED: "Requested",
        RECEIVED: "Received, not yet verified",
        SATISFACTORY: "Satisfactory",
        CONCERN: "Concern to resolve",
        NOT_REQUIRED: "Not required",
    }
)
# GOV.UK tag colour classes for each status.
STATUS_TAGS: Mapping[str, str] = MappingProxyType(
    {
        NOT_STARTED: "govuk-tag--grey",
        REQUESTED: "govuk-tag--blue",
        RECEIVED: "govuk-tag--light-blue",
        SATISFACTORY: "govuk-tag--green",
        CONCERN: "govuk-tag--red",
        NOT_REQUIRED: "govuk-tag--grey",
    }
)
COMPLETE_STATUSES = frozenset({SATISFACTORY, NOT_REQUIRED})
# A check with an outcome to record: it has been done.
_DONE_STATUSES = frozenset({SATISFACTORY, CONCERN})


@dataclass(frozen=True)
class CheckState:
    """A recorded check as the rules need it: ``kind`` and ``status`` are the values."""

    kind: str
    status: str
    required: bool = True


def check_label(kind: str) -> str:
    found = _BY_KEY.get(kind)
    return found.label if found else kind


def status_label(status: str) -> str:
    return STATUSES.get(status, status)


def _complete(state: CheckState | None, check: CheckInfo) -> bool:
    if state is None:
        return False
    if state.status == SATISFACTORY:
        return True
    # "Not required" counts only for a check a post may not need, and only when the row says
    # so: a mandatory check can never be waved through.
    return state.status == NOT_REQUIRED and check.optional and not state.required


def outstanding_checks(rows: Iterable[CheckState]) -> tuple[str, ...]:
    """The kinds still to complete, in ``CHECKS`` order; a kind with no row is outstanding."""
    by_kind = {row.kind: row for row in rows}
    return tuple(check.key for check in CHECKS if not _complete(by_kind.get(check.key), check))


def outstanding_labels(rows: Iterable[CheckState]) -> tuple[str, ...]:
    return tuple(check_label(kind) for kind in outstanding_checks(rows))


def checks_complete(rows: Iterable[CheckState]) -> bool:
    return not outstanding_checks(rows)


def record_problems(
    kind: str,
    status: str,
    requested_on: date | None,
    completed_on: date | None,
    outcome: str,
    reason: str,
    today: date,
) -> dict[str, str]:
    """Field name -> what is wrong with a check as entered; {} when it may be saved."""
    problems: dict[str, str] = {}
    check = _BY_KEY.get(kind)
    if check is None or status not in STATUSES:
        return {"status": "Select the status of the check"}
    if status == NOT_REQUIRED:
        if not check.optional:
            problems["status"] = f"{check.label} is required for every appointment"
        elif not reason.strip():
            problems["not_required_reason"] = "Say why the check is not required for this post"
        return problems
    if status in _DONE_STATUSES:
        problems.update(_done_problems(completed_on, outcome))
    # A missing date or outcome is said first; a date problem only where there is none.
    return {**_date_problems(requested_on, completed_on, today), **problems}


def _done_problems(completed_on: date | None, outcome: str) -> dict[str, str]:
    """A check that has been done has its date and outcome."""
    problems: dict[str, str] = {}
    if completed_on is None:
        problems["completed_on"] = "Enter the date the check was completed"
    if not outcome.strip():
        problems["outcome"] = "Enter the outcome of the check, like Clear"
    return problems


def _date_problems(
    requested_on: date | None, completed_on: date | None, today: date
) -> dict[str, str]:
    problems: dict[str, str] = {}
    for name, day in (("requested_on", requested_on), ("completed_on", completed_on)):
        if day is not None and day > today:
            problems.setdefault(name, "The date must be today or in the past")
    if requested_on and completed_on and completed_on < requested_on:
        problems.setdefault("completed_on", "The check cannot be completed before it was requested")
    return problems
