"""What moderation may do now, read from the database: who may record a candidate's
moderation, whether a record's inputs changed after it was saved, whether it is closed.

A member who declared a conflict with a candidate takes no part in their moderation: the
page names who else may record it. Closing moderation locks every record; a record whose
inputs changed (a sheet set aside after it was saved) is flagged until it is confirmed.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from recruit.domain.scoring.model import QuestionScore
from recruit.domain.scoring.moderation_inputs import (
    digests_by_candidate,
    inputs_changed,
    inputs_digest,
)
from recruit.extensions import db
from recruit.models import (
    Candidate,
    ConflictOfInterest,
    PanelRole,
    Stage,
    User,
)
from recruit.results.consolidation import StageOutcome

RECORDING_ROLES = (PanelRole.CHAIR, PanelRole.HR_ADVISER)


def has_conflict(user_id: int, candidate_id: int) -> bool:
    return (
        db.session.scalar(
            select(ConflictOfInterest.id).where(
                ConflictOfInterest.user_id == user_id,
                ConflictOfInterest.candidate_id == candidate_id,
            )
        )
        is not None
    )


def conflict_refusal(stage: Stage, candidate: Candidate, user: User) -> str | None:
    """Why ``user`` may not record this candidate's moderation, naming who may, or None."""
    if not has_conflict(user.id, candidate.id):
        return None
    others = _who_else_may_record(stage, candidate, user)
    return (
        "You declared a conflict of interest with this candidate, so you take no part in "
        f"their moderation. {others} may record it instead."
    )


def _who_else_may_record(stage: Stage, candidate: Candidate, user: User) -> str:
    names = [
        seat.user.full_name
        for seat in sorted(stage.seats, key=lambda seat: seat.panel_role is not PanelRole.CHAIR)
        if seat.panel_role in RECORDING_ROLES
        and seat.user_id != user.id
        and not seat.is_stood_down
        and not has_conflict(seat.user_id, candidate.id)
    ]
    anyone_in_hr = "anyone in the HR team who has no conflict with them"
    return f"{', '.join(names)} or {anyone_in_hr}" if names else anyone_in_hr.capitalize()


def current_digest(outcome: StageOutcome, code: str) -> str:
    return inputs_digest(_portable_scores(outcome), code)


def changed_records(outcome: StageOutcome) -> set[str]:
    """Codes of candidates whose saved record was made on inputs that have since changed."""
    digests = digests_by_candidate(_portable_scores(outcome))
    codes = {candidate.id: code for code, candidate in outcome.candidates.items()}
    return {
        codes[row.candidate_id]
        for row in outcome.decision_rows
        if row.candidate_id in codes
        and inputs_changed(
            row.inputs_digest,
            digests.get(codes[row.candidate_id]) or inputs_digest((), codes[row.candidate_id]),
        )
    }


def _portable_scores(outcome: StageOutcome) -> list[QuestionScore]:
    """The stage's counted scores named as a vacancy export names them (the member by email,
    the question by its place in the plan and its bank id), not by row ids: an imported
    vacancy gets new ids, and its records must not all read as changed."""
    members = {key: str(seat.user.email).lower() for key, seat in outcome.seats.items()}
    questions = {str(item.id): f"{item.position}:{item.bank_id}" for item in outcome.stage.items}
    return [
        replace(
            score,
            member=members.get(score.member, score.member),
            question_id=questions.get(score.question_id, score.question_id),
        )
        for score in outcome.scores.scores
    ]


def undecided(outcome: StageOutcome) -> list[str]:
    """Codes of candidates with no recorded outcome yet, in the results' order."""
    decided = {row.candidate_id for row in outcome.decision_rows}
    return [
        result.candidate
        for result in outcome.result.candidates
        if outcome.candidates[result.candidate].id not in decided
    ]
