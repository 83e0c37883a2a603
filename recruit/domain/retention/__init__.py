"""How long unsuccessful candidates' data is kept, and what removing it means (security item 22).

UK GDPR keeps personal data no longer than needed. An unsuccessful candidate's application,
the panel's notes about them and the reasons for the decision are needed while the decision
can still be questioned; ``RETENTION_MONTHS`` (default 6) after the decision they go.
``flask --app recruit retention purge`` applies these rules (``recruit.retention``).

Who is unsuccessful
    1. An appointed candidate never is: their data moves into employment records, which
       have their own retention schedule.
    2. A candidate whose own status is *not shortlisted*, *not appointable* or *withdrawn* is.
    3. Any other candidate (applied, shortlisted, interviewed, appointable, reserve) is once
       their vacancy is decided: another candidate of it is appointed, or the vacancy's
       status is *closed* or *appointed*.
    4. Everyone else is still in a live campaign and is kept.
    5. A candidate already anonymised is never processed again.

The decision date
    The app has no single "decided on" field, so the decision date is the UK calendar day of
    the latest of these timestamps:

    - everything recorded about the candidate's own application: the candidate record's
      last change (a status changes only by editing the candidate, which stamps
      ``updated_at``), score sheets saved or submitted, score amendments, agreed scores and
      moderation decisions recorded, and conflicts of interest declared;
    - for rule 3 only, the vacancy's outcome: the vacancy's last change (setting its status
      stamps ``updated_at``) and the appointee's last change.

    Each of these is stamped at or after the event it records, so the latest can be late
    but never early: data may be kept a little longer than the period, never removed
    before it has run. Activity after the decision (an amendment, a corrected note)
    restarts the clock, which is right: that later record is personal data the period
    protects too.

The due date
    The decision date plus ``RETENTION_MONTHS`` calendar months. Where that day does not
    exist in the month reached, the month's last day counts (31 August + 6 months is 28 or
    29 February). A candidate is due on the due date itself and on every day after it.
    Days are UK calendar days, as HR reads them on screen.

What removing means (anonymising)
    The candidate row is kept, so numeric scores, outcomes and the panels' statistics stay
    valid, but it no longer identifies anyone: the name becomes "Anonymised candidate", the
    email a unique non-address (``anonymised-<id>@invalid``; the column is unique per
    vacancy), and phone, current role, current employer and notes are blanked; the
    application date is cleared. ``anonymised_at`` records when, so the candidate is never
    processed twice and pages can say so. Every free-text note about them is blanked:
    score evidence, score amendments' previous and new evidence and reason, agreed scores'
    rationale, moderation decisions' reasons and floor override reason, and conflict of
    interest descriptions. Codes, statuses, scores and outcomes stay: without a name they are
    no longer personal data.

This module is pure: plain values in, plain values out.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

APPOINTED = "appointed"
# The candidate's own status says the answer was no.
UNSUCCESSFUL_STATUSES = {
    "not_shortlisted": "not shortlisted",
    "not_appointable": "not appointable",
    "withdrawn": "withdrawn",
}
# A vacancy in one of these statuses has made its decision for everyone still in it.
DECIDED_VACANCY_STATUSES = {"closed": "vacancy closed", "appointed": "vacancy filled"}
ANOTHER_APPOINTED = "another candidate appointed"

ANONYMISED_FIRST_NAME = "Anonymised"
ANONYMISED_LAST_NAME = "candidate"

_UK = "Europe/London"


def _uk_zone() -> tzinfo:
    try:
        return ZoneInfo(_UK)
    except ZoneInfoNotFoundError:  # no time zone data on this system: off by an hour at most
        return UTC


def uk_day(moment: datetime) -> date:
    """The UK calendar day of an aware moment (HR read dates in UK time)."""
    if moment.tzinfo is None:
        raise ValueError("a naive datetime has no day: give it a time zone")
    return moment.astimezone(_uk_zone()).date()


def check_months(months: int) -> None:
    """Refuse a period that would remove data as soon as it is decided (or before)."""
    if months < 1:
        raise ValueError(f"RETENTION_MONTHS must be at least 1, not {months}")


def add_months(day: date, months: int) -> date:
    """``day`` plus whole calendar months, clamped to the last day of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def unsuccessful_reason(
    status: str, vacancy_status: str, vacancy_has_appointee: bool
) -> str | None:
    """Why the candidate counts as unsuccessful, or None if they do not (yet)."""
    if status == APPOINTED:
        return None
    if status in UNSUCCESSFUL_STATUSES:
        return UNSUCCESSFUL_STATUSES[status]
    if vacancy_has_appointee:
        return ANOTHER_APPOINTED
    return DECIDED_VACANCY_STATUSES.get(vacancy_status)


@dataclass(frozen=True)
class StoredText:
    """How many stored notes about a candidate hold text that anonymising blanks."""

    notes: int = 0  # the candidate's own notes field: 0 or 1
    evidence: int = 0
    amendments: int = 0
    rationales: int = 0
    decisions: int = 0
    conflicts: int = 0

    @property
    def total(self) -> int:
        return (
            self.notes
            + self.evidence
            + self.amendments
            + self.rationales
            + self.decisions
            + self.conflicts
        )

    def describe(self) -> str:
        """ "personal details, notes, 3 evidence notes, 1 amendment", for the purge's table."""
        parts = ["personal details"]
        if self.notes:
            parts.append("notes")
        for count, one, many in (
            (self.evidence, "evidence note", "evidence notes"),
            (self.amendments, "amendment", "amendments"),
            (self.rationales, "rationale", "rationales"),
            (self.decisions, "decision reason", "decision reasons"),
            (self.conflicts, "conflict", "conflicts"),
        ):
            if count:
                parts.append(f"{count} {one if count == 1 else many}")
        return ", ".join(parts)

    def as_detail(self) -> dict[str, int]:
        """For the audit event: counts only, never the text."""
        return {
            "notes": self.notes,
            "evidence": self.evidence,
            "amendments": self.amendments,
            "rationales": self.rationales,
            "decisions": self.decisions,
            "conflicts": self.conflicts,
        }


@dataclass(frozen=True)
class CandidateRecord:
    """What the rules need to know about one candidate, read from the database.

    ``own_activity``: every timestamp recorded about the candidate's own application.
    ``vacancy_outcome_activity``: the vacancy's last change and its appointee's last change.
    """

    candidate_id: int
    code: str
    vacancy_id: int
    vacancy_title: str
    status: str
    vacancy_status: str
    vacancy_has_appointee: bool
    anonymised: bool
    own_activity: tuple[datetime, ...]
    vacancy_outcome_activity: tuple[datetime, ...] = ()
    stored_text: StoredText = StoredText()


@dataclass(frozen=True)
class Assessment:
    """An unsuccessful candidate, when they were decided, and when their data is due to go."""

    record: CandidateRecord
    reason: str
    decision_date: date
    due_date: date
    due: bool


def decision_moment(record: CandidateRecord, reason: str) -> datetime | None:
    """The latest timestamp that can mark the decision (see the module's docstring)."""
    moments = list(record.own_activity)
    if reason not in UNSUCCESSFUL_STATUSES.values():
        # Decided by the vacancy's outcome, not by their own status: that outcome counts.
        moments.extend(record.vacancy_outcome_activity)
    return max(moments) if moments else None


def assess(record: CandidateRecord, today: date, months: int) -> Assessment | None:
    """The candidate's retention, or None if the rules keep them (appointed, still in a live
    campaign, already anonymised, or with nothing recorded to date a decision by)."""
    check_months(months)
    if record.anonymised:
        return None
    reason = unsuccessful_reason(record.status, record.vacancy_status, record.vacancy_has_appointee)
    if reason is None:
        return None
    moment = decision_moment(record, reason)
    if moment is None:
        return None
    decided = uk_day(moment)
    due_date = add_months(decided, months)
    return Assessment(record, reason, decided, due_date, due=due_date <= today)


def due_for_anonymising(
    records: Iterable[CandidateRecord], today: date, months: int
) -> list[Assessment]:
    """The candidates whose period has run by ``today``, by vacancy and code."""
    found = [assess(record, today, months) for record in records]
    due = [item for item in found if item is not None and item.due]
    return sorted(due, key=lambda item: (item.record.vacancy_id, item.record.code))


def anonymised_details(candidate_id: int) -> dict[str, object]:
    """The candidate row's identifying fields as anonymising leaves them.

    The email stays unique (the vacancy's emails must be) and cannot reach anyone:
    ``.invalid`` is reserved and never resolves (RFC 2606).
    """
    return {
        "first_name": ANONYMISED_FIRST_NAME,
        "last_name": ANONYMISED_LAST_NAME,
        "email": f"anonymised-{candidate_id}@invalid",
        "phone": "",
        "current_role": "",
        "current_employer": "",
        "notes": "",
        "application_date": None,
    }
