"""What the checks pages, the candidate gate and the decision page read: a candidate's
recorded checks, what is outstanding, any appointment made before the checks were complete,
and a vacancy's rows for the single central record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import abort
from sqlalchemy import select

from recruit.domain.candidates import CANDIDATE_STATUSES
from recruit.domain.checks import CheckState, outstanding_labels
from recruit.domain.checks.central_record import CentralRecordRow, RecordedCheckRow
from recruit.extensions import db
from recruit.models import (
    AppointmentDecision,
    AuditEvent,
    Candidate,
    CandidateStatus,
    CheckKind,
    PreEmploymentCheck,
    User,
    Vacancy,
)

# The audit action that records an HR user appointing before the checks were complete; the
# checklist page and the central record read the reason back from it.
APPOINTED_BEFORE_CHECKS = "candidate.appointed_before_checks"


def candidate_of(vacancy_id: int, candidate_id: int) -> tuple[Vacancy, Candidate]:
    """The vacancy and its candidate, or a 404 (a candidate of another vacancy included)."""
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    candidate = db.session.get(Candidate, candidate_id)
    if candidate is None or candidate.vacancy_id != vacancy.id:
        abort(404)
    return vacancy, candidate


def kind_or_404(kind: str) -> CheckKind:
    try:
        return CheckKind(kind)
    except ValueError:
        abort(404)


def checks_of(candidate_id: int) -> dict[CheckKind, PreEmploymentCheck]:
    rows = db.session.scalars(
        select(PreEmploymentCheck).where(PreEmploymentCheck.candidate_id == candidate_id)
    )
    return {row.kind: row for row in rows}


def states(rows: dict[CheckKind, PreEmploymentCheck]) -> list[CheckState]:
    return [CheckState(row.kind.value, row.status.value, row.required) for row in rows.values()]


def outstanding_for(candidate_id: int) -> tuple[str, ...]:
    """The labels of the checks still to complete for the candidate, in the list's order."""
    return outstanding_labels(states(checks_of(candidate_id)))


@dataclass(frozen=True)
class EarlyAppointment:
    """An HR user's appointment before the checks were complete: when, who, and why."""

    at: datetime
    by: str
    reason: str


def early_appointments(candidate_id: int) -> list[EarlyAppointment]:
    events = db.session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.action == APPOINTED_BEFORE_CHECKS,
            AuditEvent.object_type == "Candidate",
            AuditEvent.object_id == str(candidate_id),
        )
        .order_by(AuditEvent.occurred_at, AuditEvent.id)
    )
    found = []
    for event in events:
        user = db.session.get(User, event.user_id) if event.user_id is not None else None
        reason = (event.detail or {}).get("reason", "")
        by = user.full_name if user else event.actor
        found.append(EarlyAppointment(event.occurred_at, by, str(reason)))
    return found


def central_record_rows(vacancy: Vacancy) -> list[CentralRecordRow]:
    """Every candidate appointed (by status or by the decision) or with any check recorded."""
    checks = db.session.scalars(
        select(PreEmploymentCheck).join(Candidate).where(Candidate.vacancy_id == vacancy.id)
    ).all()
    by_candidate: dict[int, dict[str, RecordedCheckRow]] = {}
    for row in checks:
        by_candidate.setdefault(row.candidate_id, {})[row.kind.value] = RecordedCheckRow(
            status=row.status.value,
            completed_on=row.completed_on,
            outcome=row.outcome,
            verified_by=row.verified_by.full_name,
        )
    appointee = db.session.scalar(
        select(AppointmentDecision.candidate_id).where(AppointmentDecision.vacancy_id == vacancy.id)
    )
    rows = []
    for candidate in sorted(vacancy.candidates, key=lambda c: c.code):
        included = (
            candidate.id in by_candidate
            or candidate.id == appointee
            or candidate.status is CandidateStatus.APPOINTED
        )
        if not included:
            continue
        early = early_appointments(candidate.id)
        rows.append(
            CentralRecordRow(
                code=candidate.code,
                name=candidate.full_name,
                candidate_status=CANDIDATE_STATUSES.get(candidate.status.value, ""),
                starts_on=candidate.starts_on,
                checks=by_candidate.get(candidate.id, {}),
                appointed_before_checks=early[-1].reason if early else "",
            )
        )
    return rows
