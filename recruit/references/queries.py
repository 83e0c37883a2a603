"""What the references pages, the appointed gate, the checklist and the decision page read:
a candidate's references and what is outstanding about them."""

from __future__ import annotations

from collections.abc import Iterable

from flask import abort, current_app
from sqlalchemy import select

from recruit.domain.references import ReferenceState, is_senior, reference_problems
from recruit.extensions import db
from recruit.models import Candidate, CandidateReference, Vacancy


def references_of(candidate_id: int) -> list[CandidateReference]:
    return list(
        db.session.scalars(
            select(CandidateReference)
            .where(CandidateReference.candidate_id == candidate_id)
            .order_by(CandidateReference.created_at, CandidateReference.id)
        )
    )


def reference_or_404(candidate: Candidate, reference_id: int) -> CandidateReference:
    row = db.session.get(CandidateReference, reference_id)
    if row is None or row.candidate_id != candidate.id:
        abort(404)
    return row


def state(row: CandidateReference) -> ReferenceState:
    return ReferenceState(
        is_current_or_recent_employer=row.is_current_or_recent_employer,
        requested_on=row.requested_on,
        received_on=row.received_on,
        scrutinised_on=row.scrutinised_on,
        concerns=row.concerns,
        concern_resolution=row.concern_resolution,
    )


def states(rows: Iterable[CandidateReference]) -> list[ReferenceState]:
    return [state(row) for row in rows]


def reference_problems_for(candidate_id: int) -> list[str]:
    """What is outstanding about the candidate's references, in words for HR."""
    return reference_problems(states(references_of(candidate_id)))


def needed_before_deciding(vacancy: Vacancy) -> bool:
    """Whether the vacancy's references are to be complete before its deciding stage: the
    REFERENCES_BEFORE_DECIDING_STAGE setting is on and the post is senior."""
    return bool(current_app.config["REFERENCES_BEFORE_DECIDING_STAGE"]) and is_senior(
        vacancy.role_level
    )
