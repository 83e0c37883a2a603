"""Who scores whom at a stage, where each sheet stands, and when moderation is open.

Every panel seat scores except the advisers: the HR adviser, who advises on process, and an
adviser to an appointing panel (the Chief Executive, an external adviser); neither judges.
A declared conflict of interest takes that candidate off the member's list: their sheet is
neither expected nor allowed, and one submitted before the declaration is set aside (kept,
marked, and left out of every result). A seat stood down after scoring expects nothing
more; what it submitted still counts unless HR set it aside with a reason. Withdrawn
candidates are not scored.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from recruit import audit
from recruit.extensions import db
from recruit.models import (
    Candidate,
    ConflictOfInterest,
    PanelRole,
    PanelSeat,
    ScoreSheet,
    SheetStatus,
    Stage,
    StageModeration,
    Vacancy,
)
from recruit.models._types import utcnow

NON_SCORING_ROLES = frozenset({PanelRole.HR_ADVISER, PanelRole.ADVISER})
CONFLICT_AFTER_SUBMISSION = "Conflict declared after submission"


@dataclass(frozen=True)
class SheetState:
    """One expected sheet: a scoring seat and a candidate, and how far it has got."""

    seat: PanelSeat
    candidate: Candidate
    sheet: ScoreSheet | None

    @property
    def status(self) -> str:
        if self.sheet is None:
            return "Not started"
        return "Submitted" if self.sheet.is_submitted else "In progress"


def scoring_seats(stage: Stage) -> list[PanelSeat]:
    """Seats that score, chair first, then in the order they were added."""
    seats = [seat for seat in stage.seats if seat.panel_role not in NON_SCORING_ROLES]
    return sorted(seats, key=lambda seat: (seat.panel_role is not PanelRole.CHAIR, seat.id))


def scored_candidates(stage: Stage) -> list[Candidate]:
    return [c for c in stage.vacancy.candidates if c.status.takes_part]


def conflicts_for(stage: Stage) -> set[tuple[int, int]]:
    """(user id, candidate id) pairs with a declared conflict, for this stage's vacancy."""
    candidate_ids = [candidate.id for candidate in stage.vacancy.candidates]
    rows = db.session.execute(
        select(ConflictOfInterest.user_id, ConflictOfInterest.candidate_id).where(
            ConflictOfInterest.candidate_id.in_(candidate_ids)
        )
    )
    return {(user_id, candidate_id) for user_id, candidate_id in rows}


def stage_sheets(stage: Stage) -> dict[tuple[int, int], ScoreSheet]:
    """Every sheet at the stage, by (seat id, candidate id)."""
    seat_ids = [seat.id for seat in stage.seats]
    sheets = db.session.scalars(select(ScoreSheet).where(ScoreSheet.seat_id.in_(seat_ids)))
    return {(sheet.seat_id, sheet.candidate_id): sheet for sheet in sheets}


def expected_sheets(stage: Stage) -> list[SheetState]:
    """Every sheet the stage needs, by candidate then seat, leaving out declared conflicts,
    sheets set aside, and what a stood-down seat never submitted."""
    conflicts = conflicts_for(stage)
    sheets = stage_sheets(stage)
    states = (
        SheetState(seat, candidate, sheets.get((seat.id, candidate.id)))
        for candidate in scored_candidates(stage)
        for seat in scoring_seats(stage)
        if (seat.user_id, candidate.id) not in conflicts
    )
    return [state for state in states if _still_expected(state)]


def _still_expected(state: SheetState) -> bool:
    if state.sheet is not None and state.sheet.is_set_aside:
        return False
    return not state.seat.is_stood_down or state.status == "Submitted"


def set_aside_sheets(stage: Stage) -> list[ScoreSheet]:
    """The stage's sheets kept but left out of the results, in the order they were set aside."""
    found = [sheet for sheet in stage_sheets(stage).values() if sheet.is_set_aside]
    return sorted(found, key=lambda sheet: (sheet.set_aside_at, sheet.id))


def set_aside_for_conflict(user_id: int, candidate: Candidate) -> list[ScoreSheet]:
    """Set aside every sheet the member submitted for the candidate, at any stage of the
    vacancy, because they declared a conflict after submitting it."""
    found = db.session.scalars(
        select(ScoreSheet)
        .join(PanelSeat, PanelSeat.id == ScoreSheet.seat_id)
        .where(
            PanelSeat.user_id == user_id,
            ScoreSheet.candidate_id == candidate.id,
            ScoreSheet.status == SheetStatus.SUBMITTED,
            ScoreSheet.set_aside_at.is_(None),
        )
    ).all()
    for sheet in found:
        set_aside(sheet, CONFLICT_AFTER_SUBMISSION, by_id=user_id)
    return list(found)


def set_aside(sheet: ScoreSheet, reason: str, by_id: int | None) -> None:
    sheet.set_aside_at = utcnow()
    sheet.set_aside_reason = reason
    sheet.set_aside_by_id = by_id
    audit.record(
        "scores.set_aside",
        sheet,
        stage_id=sheet.seat.stage_id,
        candidate=sheet.candidate.code,
        reason=reason,
    )


def scoring_started(stage: Stage) -> bool:
    """True once any sheet at the stage has been submitted: from then on nothing may delete
    a score or change how the stage's scores combine."""
    seat_ids = [seat.id for seat in stage.seats]
    first = db.session.scalar(
        select(ScoreSheet.id)
        .where(ScoreSheet.seat_id.in_(seat_ids), ScoreSheet.status == SheetStatus.SUBMITTED)
        .limit(1)
    )
    return first is not None


def all_submitted(stage: Stage) -> bool:
    states = expected_sheets(stage)
    return bool(states) and all(state.status == "Submitted" for state in states)


def sheet_for(seat: PanelSeat, candidate: Candidate) -> ScoreSheet | None:
    return db.session.scalar(
        select(ScoreSheet).where(
            ScoreSheet.seat_id == seat.id, ScoreSheet.candidate_id == candidate.id
        )
    )


def moderation_for(stage: Stage) -> StageModeration | None:
    return db.session.scalar(select(StageModeration).where(StageModeration.stage_id == stage.id))


def moderation_is_open(stage: Stage) -> bool:
    return moderation_for(stage) is not None


def names_visible_to_panel(stage: Stage) -> bool:
    return names_visible_on_vacancy(stage.vacancy)


def names_visible_on_vacancy(vacancy: Vacancy) -> bool:
    """Where the vacancy hides names, panel pages show codes only until every stage of the
    vacancy is in moderation: a name seen beside a code at a moderated stage would follow
    the candidate into a stage still scoring them."""
    if not vacancy.hide_candidate_names:
        return True
    return all(moderation_is_open(stage) for stage in vacancy.stages)


def candidate_label(candidate: Candidate, show_name: bool) -> str:
    return f"{candidate.full_name} ({candidate.code})" if show_name else candidate.code


def open_moderation_if_complete(stage: Stage) -> StageModeration | None:
    """Open moderation once the last expected sheet is submitted.

    Best effort: two last sheets submitted at the same moment on PostgreSQL may each see
    the other as a draft; the chair can then open moderation from the moderation page.
    """
    db.session.flush()
    if moderation_is_open(stage) or not all_submitted(stage):
        return None
    moderation = StageModeration(stage_id=stage.id)
    try:
        with db.session.begin_nested():
            db.session.add(moderation)
    except IntegrityError:
        return None  # opened by a concurrent submission
    audit.record("moderation.opened", stage, reason="every panel member submitted")
    return moderation
