"""The checks every score-sheet page makes first: the member's seat, the candidate, their
sheet, a declared conflict and whether moderation has opened, read in one query."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from flask_login import current_user
from sqlalchemy import and_, exists, select
from sqlalchemy.orm import joinedload

from recruit.extensions import db
from recruit.models import (
    Candidate,
    ConflictOfInterest,
    PanelRole,
    PanelSeat,
    ScoreSheet,
    Stage,
    StageModeration,
)
from recruit.results import sheets


@dataclass(frozen=True)
class SheetVisit:
    """What every score-sheet page checks first, read in one query at the start of the request.

    ``sheet`` is the member's sheet for the candidate as it stood then (None before their
    first save); a view that must see a concurrent save reads it again.
    """

    seat: PanelSeat
    candidate: Candidate
    sheet: ScoreSheet | None
    conflicted: bool
    moderation_open: bool


def load_visit(stage_id: int, candidate_id: int) -> SheetVisit:
    """The member's own seat at the stage and a candidate they may score, or a 404/403.

    One query for what every page here reads: the seat, the candidate, the seat's stage and
    its vacancy (for the candidate's label), the member's sheet, a declared conflict and
    whether moderation has opened, which would otherwise be a query each. The plan items
    stay a lazy load: joined in, their rows repeat all the rest and cost more.
    """
    conflicted = exists().where(
        ConflictOfInterest.user_id == PanelSeat.user_id,
        ConflictOfInterest.candidate_id == Candidate.id,
    )
    moderation_open = exists().where(StageModeration.stage_id == PanelSeat.stage_id)
    found = (
        db.session.execute(
            select(PanelSeat, Candidate, ScoreSheet, conflicted, moderation_open)
            .select_from(PanelSeat)
            .join(Candidate, Candidate.id == candidate_id)
            .outerjoin(
                ScoreSheet,
                and_(ScoreSheet.seat_id == PanelSeat.id, ScoreSheet.candidate_id == Candidate.id),
            )
            .where(PanelSeat.stage_id == stage_id, PanelSeat.user_id == current_user.id)
            .options(joinedload(PanelSeat.stage).joinedload(Stage.vacancy))
        )
        # One seat per member and stage (uq_panel_seat_stage_user), one candidate per id,
        # one sheet per seat and candidate.
        .one_or_none()
    )
    if found is None:
        abort(404)
    visit = SheetVisit(*found)
    if visit.candidate.vacancy_id != visit.seat.stage.vacancy_id:
        abort(404)
    if not visit.candidate.status.takes_part:
        abort(404)
    return visit


def refusal_for(visit: SheetVisit) -> str | None:
    """Why this member may not score this candidate now, or None if they may."""
    if visit.seat.panel_role in sheets.NON_SCORING_ROLES:
        if visit.seat.panel_role is PanelRole.HR_ADVISER:
            return "As the HR adviser on this panel you advise on the process; you do not score."
        return "As an adviser to this panel you advise the members who decide; you do not score."
    if visit.seat.stage.plan_issued_at is None:
        return "Scoring opens when the chair issues the interview plan."
    if visit.conflicted:
        return "You declared a conflict of interest with this candidate, so you do not score them."
    if visit.seat.is_stood_down:
        return "You were stood down from this panel, so you do not score any more."
    return None


def amend_refusal(visit: SheetVisit) -> str | None:
    """Why this member may not amend a submitted score now, or None if they may."""
    refusal = refusal_for(visit)
    if refusal:
        return refusal
    if visit.sheet is not None and visit.sheet.is_set_aside:
        return "This sheet was set aside and no longer counts, so it cannot be amended."
    if visit.moderation_open:
        return (
            "Moderation has started at this stage, so submitted scores can no longer be "
            "amended. If the panel agrees a different score, the chair records it at "
            "moderation with the reason."
        )
    return None
