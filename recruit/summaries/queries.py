"""Which moderated stages of a vacancy a person may see, consolidated: shared by the summary
and the shortlist comparison. Reviewers, HR and admin see every moderated stage; a panel
member only the moderated stages they sat on; anyone else gets a 404."""

from __future__ import annotations

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    Candidate,
    CandidateDecision,
    Role,
    Stage,
    Vacancy,
)
from recruit.results.consolidation import (
    StageOutcome,
    consolidate_stage,
    stages_in_moderation,
)

SEES_EVERY_STAGE = (Role.HR, Role.ADMIN, Role.REVIEWER)


def results_vacancy(vacancy_id: int) -> Vacancy:
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None:
        abort(404)
    if current_user.role not in SEES_EVERY_STAGE and not _seated_stages(vacancy):
        abort(404)
    return vacancy


def _seated_stages(vacancy: Vacancy) -> set[int]:
    return {
        stage.id
        for stage in vacancy.stages
        if any(seat.user_id == current_user.id for seat in stage.seats)
    }


def visible_outcomes(vacancy: Vacancy) -> list[StageOutcome]:
    return [consolidate_stage(stage) for stage in visible_stages(vacancy)]


def visible_stages(vacancy: Vacancy) -> list[Stage]:
    """The stages whose moderation is open and whose results this user may see, in order."""
    stages = stages_in_moderation(vacancy)
    if current_user.role in SEES_EVERY_STAGE:
        return stages
    seated = _seated_stages(vacancy)
    return [stage for stage in stages if stage.id in seated]


def visible_outcome(vacancy: Vacancy, stage_id: int) -> StageOutcome | None:
    """One visible stage consolidated, leaving the vacancy's other stages alone."""
    stage = next((stage for stage in visible_stages(vacancy) if stage.id == stage_id), None)
    return consolidate_stage(stage) if stage is not None else None


def candidate_moderation_rows(
    stage: Stage, candidate: Candidate
) -> tuple[list[AgreedScore], list[CandidateDecision]]:
    """What the panel recorded about one candidate at the stage: agreed scores, outcome."""
    agreed = db.session.scalars(
        select(AgreedScore).where(
            AgreedScore.stage_id == stage.id, AgreedScore.candidate_id == candidate.id
        )
    )
    decisions = db.session.scalars(
        select(CandidateDecision).where(
            CandidateDecision.stage_id == stage.id,
            CandidateDecision.candidate_id == candidate.id,
        )
    )
    return list(agreed), list(decisions)
