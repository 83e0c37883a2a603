"""How far a candidate got, from their status (HR keep it as the selection moves on).

A candidate who withdrew counts as having reached the step their records show
(shortlisted if the shortlisting decision says so), never further, so a withdrawal is not
read as a rejection at a later step.
"""

from __future__ import annotations

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import Candidate, CandidateStatus, ShortlistingDecision

# How far each status shows a candidate got (SELECTION_STEPS' keys).
FURTHEST_STEP = {
    CandidateStatus.APPLIED: "applied",
    CandidateStatus.NOT_SHORTLISTED: "applied",
    CandidateStatus.WITHDRAWN: "applied",
    CandidateStatus.SHORTLISTED: "shortlisted",
    CandidateStatus.INTERVIEWED: "interviewed",
    CandidateStatus.NOT_APPOINTABLE: "interviewed",
    CandidateStatus.APPOINTABLE: "appointable",
    CandidateStatus.RESERVE: "appointable",
    CandidateStatus.APPOINTED: "appointed",
}


def furthest_step(status: CandidateStatus, shortlisted: bool | None) -> str:
    """The step a status shows; ``shortlisted`` is the shortlisting decision, if any."""
    if status is CandidateStatus.WITHDRAWN and shortlisted is True:
        return "shortlisted"
    return FURTHEST_STEP[status]


def furthest_step_of(candidate: Candidate) -> str:
    shortlisted = db.session.scalar(
        select(ShortlistingDecision.shortlisted).where(
            ShortlistingDecision.candidate_id == candidate.id
        )
    )
    return furthest_step(candidate.status, shortlisted)
