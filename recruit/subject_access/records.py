"""Writing a subject access export: each row about the candidate as a JSON-ready dictionary.

Dates and times become ISO 8601, enums their values; staff appear by label (``People``) and
free text goes through the ``Redactor``. Audit details whose keys name staff, and IP
addresses, are withheld. This module holds the candidate, the vacancy, conflicts of interest
and audit events; ``stage_records`` holds each stage's sheets, scores and outcome.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect

from recruit.bank_store import BankNotLoaded, current_bank
from recruit.domain.checks import check_label, status_label
from recruit.domain.equality.categories import CATEGORIES, answer_label
from recruit.domain.references import STATUSES as REFERENCE_STATUSES
from recruit.domain.references import ReferenceState, reference_status
from recruit.models import (
    AppointmentDecision,
    AuditEvent,
    Candidate,
    CandidateReference,
    ConflictOfInterest,
    EqualityAnswers,
    PreEmploymentCheck,
    Vacancy,
)
from recruit.subject_access.people import REMOVED_ACCOUNT, People
from recruit.subject_access.redaction import Redactor
from recruit.subject_access.rows import Rows

# Candidate columns that are bookkeeping, not information about the person.
INTERNAL_CANDIDATE_COLUMNS = frozenset({"lock_version"})
# Audit details under these keys identify staff (user ids, emails) and are withheld.
_STAFF_DETAIL_KEY = re.compile(r"user|email|actor|password|ip_address", re.IGNORECASE)
# Candidate fields that are the subject's own identity: never redacted.
_IDENTITY_FIELDS = frozenset({"first_name", "last_name", "email", "phone", "code"})
NOT_RECORDED = "Not recorded"


@dataclass(frozen=True)
class Context:
    """What every record needs: the rows, the staff labels, the redactor, attribute names."""

    rows: Rows
    people: People
    redact: Redactor
    attribute_names: Mapping[str, str]

    def attribute_name(self, key: str) -> str:
        return self.attribute_names.get(key, key)


def bank_attribute_names() -> dict[str, str]:
    """Attribute keys to their names in the question bank; none when no bank is loaded."""
    try:
        return {attribute.key: attribute.name for attribute in current_bank().attributes}
    except BankNotLoaded:
        return {}


def json_value(value: Any) -> Any:
    """A column value as JSON: ISO 8601 dates and times, enum values, plain numbers."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    return value


def candidate_record(candidate: Candidate, redact: Redactor) -> dict[str, Any]:
    """Every column of the candidate's row but bookkeeping, a column added later included."""
    record: dict[str, Any] = {}
    for attribute in inspect(Candidate).column_attrs:
        if attribute.key in INTERNAL_CANDIDATE_COLUMNS:
            continue
        value = json_value(getattr(candidate, attribute.key))
        if isinstance(value, str) and attribute.key not in _IDENTITY_FIELDS:
            value = redact(value)
        record[attribute.key] = value
    return record


def vacancy_record(vacancy: Vacancy) -> dict[str, Any]:
    return {
        "id": vacancy.id,
        "title": vacancy.title,
        "service_area": vacancy.service_area,
        "location": vacancy.location,
        "closing_date": json_value(vacancy.closing_date),
    }


def conflict_record(conflict: ConflictOfInterest, context: Context) -> dict[str, Any]:
    """The fact of the declaration and its wording; the declarer by label only."""
    return {
        "declared_by": context.people.label(conflict.user_id),
        "description": context.redact(conflict.description),
        "declared_at": json_value(conflict.declared_at),
    }


def check_record(check: PreEmploymentCheck, context: Context) -> dict[str, Any]:
    """A pre-employment check as recorded: what, its status and dates, the short outcome, and
    who verified it by label. No certificate's content is held to export."""
    return {
        "kind": check.kind.value,
        "check": check_label(check.kind.value),
        "status": status_label(check.status.value),
        "required": check.required,
        "requested_on": json_value(check.requested_on),
        "completed_on": json_value(check.completed_on),
        "outcome": context.redact(check.outcome),
        "not_required_reason": context.redact(check.not_required_reason),
        "verified_by": context.people.label(check.verified_by_id),
        "verified_at": json_value(check.verified_at),
    }


def reference_record(
    reference: CandidateReference, number: int, context: Context
) -> dict[str, Any]:
    """A reference as the candidate may see it: its number, the referee's relationship to
    them, its dates and status, and who scrutinised it by label. The referee's name, role
    and organisation are the referee's personal data, and the concern's words are the
    referee's account: both are withheld (a third party's information, UK GDPR Article
    15(4)); whether a concern was noted, and whether it is resolved, is shown."""
    state = ReferenceState(
        is_current_or_recent_employer=reference.is_current_or_recent_employer,
        requested_on=reference.requested_on,
        received_on=reference.received_on,
        scrutinised_on=reference.scrutinised_on,
        concerns=reference.concerns,
        concern_resolution=reference.concern_resolution,
    )
    employer = ", current or most recent employer" if state.is_current_or_recent_employer else ""
    return {
        "referee": f"Referee {number} ({reference.relationship or 'relationship not recorded'}"
        f"{employer})",
        "current_or_most_recent_employer": reference.is_current_or_recent_employer,
        "status": REFERENCE_STATUSES[reference_status(state)],
        "requested_on": json_value(reference.requested_on),
        "received_on": json_value(reference.received_on),
        "scrutinised_on": json_value(reference.scrutinised_on),
        "scrutinised_by": (
            context.people.label(reference.scrutinised_by_id)
            if reference.scrutinised_by_id is not None
            else None
        ),
        "concern_noted": bool(reference.concerns),
        "concern_resolved": bool(reference.concerns and reference.concern_resolution),
    }


def audit_event_record(event: AuditEvent, context: Context) -> dict[str, Any]:
    """The event without the staff member's identity: no email, user id or IP address."""
    actor = _actor(event, context)
    detail = {
        key: context.redact.value(value)
        for key, value in (event.detail or {}).items()
        if not _STAFF_DETAIL_KEY.search(key)
    }
    return {
        "occurred_at": json_value(event.occurred_at),
        "action": event.action,
        "subject_type": event.object_type,
        "subject_id": event.object_id,
        "actor": actor,
        "detail": detail,
    }


def _actor(event: AuditEvent, context: Context) -> str:
    """Staff by label; a deleted account's email is withheld; a process ("system") by name."""
    if event.user_id is not None:
        return context.people.label(event.user_id)
    if "@" in event.actor:
        return REMOVED_ACCOUNT  # the account was deleted; the email stays behind
    return context.redact(event.actor) or NOT_RECORDED  # "command line", "system"


def appointment_record(
    decision: AppointmentDecision | None, context: Context
) -> dict[str, Any] | None:
    """The appointment decision naming the candidate, with the steps after it; None if the
    vacancy's decision did not appoint them."""
    if decision is None:
        return None
    return {
        "decided_at": json_value(decision.recorded_at),
        "recorded_by": context.people.label(decision.recorded_by_id),
        "reasons": context.redact(decision.reasons),
        "confirmed_by": [
            {"member": context.people.label(c.user_id), "at": json_value(c.confirmed_at)}
            for c in decision.confirmations
        ],
        "executive_notified_on": json_value(decision.executive_notified_on),
        "objection_deadline": json_value(decision.objection_deadline),
        "objections": [
            {
                "received_on": json_value(objection.received_on),
                "summary": context.redact(objection.summary),
                "upheld": objection.upheld,
                "ruling_reasons": context.redact(objection.ruling_reasons),
            }
            for objection in decision.objections
        ],
        "offer_made_at": json_value(decision.offer_made_at),
    }


def equality_record(answers: EqualityAnswers | None) -> list[dict[str, str]]:
    """The candidate's equality monitoring answers, question by question as the form asked
    them ("Not known" for one left blank); [] when none were recorded. Their own special
    category data: it goes to them in full, and to nobody else."""
    if answers is None:
        return []
    return [
        {
            "question": category.question,
            "answer": answer_label(category.key, answers.answer(category.key)),
        }
        for category in CATEGORIES
    ]
