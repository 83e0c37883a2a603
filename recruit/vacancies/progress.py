"""A vacancy's progress (``domain.vacancies``), gathered from its records."""

from __future__ import annotations

from sqlalchemy import Select, func, select

from recruit.domain.vacancies import Progress, ProgressFacts, vacancy_progress
from recruit.extensions import db
from recruit.models import (
    AppointmentDecision,
    CandidateStatus,
    ScoreSheet,
    SheetStatus,
    ShortlistingDecision,
    Vacancy,
)
from recruit.results import sheets
from recruit.stages.panel import council_today
from recruit.stages.roles import deciding_stage


def progress_of(vacancy: Vacancy) -> Progress:
    return vacancy_progress(progress_facts(vacancy))


def progress_facts(vacancy: Vacancy) -> ProgressFacts:
    candidate_ids = [candidate.id for candidate in vacancy.candidates]
    seat_ids = [seat.id for stage in vacancy.stages for seat in stage.seats]
    decision = db.session.scalar(
        select(AppointmentDecision).where(AppointmentDecision.vacancy_id == vacancy.id)
    )
    deciding = deciding_stage(vacancy)
    return ProgressFacts(
        status=vacancy.status.value,
        advert_finished=bool(vacancy.advert and vacancy.advert.is_finished),
        closing_date=vacancy.closing_date,
        today=council_today(),
        candidates_taking_part=sum(c.status.takes_part for c in vacancy.candidates),
        shortlisting_decisions=_count(
            select(func.count())
            .select_from(ShortlistingDecision)
            .where(ShortlistingDecision.candidate_id.in_(candidate_ids))
        ),
        plans_issued=sum(stage.plan_issued_at is not None for stage in vacancy.stages),
        sheets_submitted=_count(
            select(func.count())
            .select_from(ScoreSheet)
            .where(ScoreSheet.seat_id.in_(seat_ids), ScoreSheet.status == SheetStatus.SUBMITTED)
        ),
        deciding_moderation_open=deciding is not None and sheets.moderation_is_open(deciding),
        decision_recorded=decision is not None,
        offer_made=decision is not None and decision.offer_made_at is not None,
        appointed=any(c.status is CandidateStatus.APPOINTED for c in vacancy.candidates),
    )


def _count(query: Select[int]) -> int:
    return db.session.scalar(query) or 0
