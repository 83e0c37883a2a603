"""What the shortlisting pages, the score sheet and the packs read: a candidate's points to
explore, their shortlisting decision, and the criteria it is made against."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from flask import abort
from sqlalchemy import func, select

from recruit.domain.shortlisting import shortlisting_criteria
from recruit.extensions import db
from recruit.models import (
    Candidate,
    CriterionAssessment,
    PersonSpecCriterion,
    ScrutinyPoint,
    ShortlistingDecision,
    Vacancy,
)


def points_of(candidate_id: int) -> list[ScrutinyPoint]:
    return list(
        db.session.scalars(
            select(ScrutinyPoint)
            .where(ScrutinyPoint.candidate_id == candidate_id)
            .order_by(ScrutinyPoint.from_date.is_(None), ScrutinyPoint.from_date, ScrutinyPoint.id)
        )
    )


def point_or_404(candidate: Candidate, point_id: int) -> ScrutinyPoint:
    row = db.session.get(ScrutinyPoint, point_id)
    if row is None or row.candidate_id != candidate.id:
        abort(404)
    return row


def points_for_stage(stage_id: int, candidate_ids: Iterable[int]) -> dict[int, list[ScrutinyPoint]]:
    """Candidate id -> the points the stage's panel is to explore with them. The only way a
    panel member's page or pack reads a point: by its own stage."""
    ids = list(candidate_ids)
    found: dict[int, list[ScrutinyPoint]] = defaultdict(list)
    if not ids:
        return found
    rows = db.session.scalars(
        select(ScrutinyPoint)
        .where(ScrutinyPoint.stage_id == stage_id, ScrutinyPoint.candidate_id.in_(ids))
        .order_by(ScrutinyPoint.from_date.is_(None), ScrutinyPoint.from_date, ScrutinyPoint.id)
    )
    for row in rows:
        found[row.candidate_id].append(row)
    return found


def decision_of(candidate_id: int) -> ShortlistingDecision | None:
    return db.session.scalar(
        select(ShortlistingDecision).where(ShortlistingDecision.candidate_id == candidate_id)
    )


def criteria_for_shortlisting(vacancy: Vacancy) -> list[PersonSpecCriterion]:
    """The vacancy's essential criteria assessed from the application, in the spec's order."""
    ordered = sorted(vacancy.criteria, key=lambda row: (row.position, row.id))
    wanted = set(shortlisting_criteria((row.id, row.essential, row.assessed_by) for row in ordered))
    return [row for row in ordered if row.id in wanted]


def vacancy_overview(vacancy: Vacancy) -> dict[int, tuple[ShortlistingDecision | None, int]]:
    """Candidate id -> (their decision, how many points were noted), for the vacancy's list."""
    ids = [candidate.id for candidate in vacancy.candidates]
    if not ids:
        return {}
    decisions = {
        row.candidate_id: row
        for row in db.session.scalars(
            select(ShortlistingDecision).where(ShortlistingDecision.candidate_id.in_(ids))
        )
    }
    counted = db.session.execute(
        select(ScrutinyPoint.candidate_id, func.count())
        .where(ScrutinyPoint.candidate_id.in_(ids))
        .group_by(ScrutinyPoint.candidate_id)
    )
    counts = {candidate_id: count for candidate_id, count in counted}
    return {i: (decisions.get(i), counts.get(i, 0)) for i in ids}


def assessed_against(criterion_id: int) -> int:
    """How many shortlisting decisions recorded an outcome against the criterion."""
    return (
        db.session.scalar(
            select(func.count())
            .select_from(CriterionAssessment)
            .where(CriterionAssessment.criterion_id == criterion_id)
        )
        or 0
    )
