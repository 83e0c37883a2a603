"""Changes to a stage's panel once people have scored: nothing a member submitted is lost.

A seat with no sheets can be removed. A seat with sheets is stood down instead: it scores no
more and its missing sheets stop being expected; what it submitted stays on the record and
keeps counting, unless HR sets it aside with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from flask_login import current_user
from sqlalchemy import func, select

from recruit import audit
from recruit.extensions import db
from recruit.models import PanelSeat, ScoreSheet, SheetStatus
from recruit.models._types import utcnow
from recruit.results import sheets


@dataclass(frozen=True)
class SeatSheets:
    submitted: int
    drafts: int

    @property
    def any(self) -> bool:
        return bool(self.submitted or self.drafts)


def seat_sheets(seat: PanelSeat) -> SeatSheets:
    counts = dict(
        db.session.execute(
            select(ScoreSheet.status, func.count())
            .where(ScoreSheet.seat_id == seat.id)
            .group_by(ScoreSheet.status)
        ).all()
    )
    return SeatSheets(counts.get(SheetStatus.SUBMITTED, 0), counts.get(SheetStatus.DRAFT, 0))


def remove_seat(seat: PanelSeat) -> None:
    """Remove a seat that has no sheet at all (the caller checks ``seat_sheets`` first)."""
    audit.record("panel.seat_removed", seat.stage, **_seat_state(seat))
    db.session.delete(seat)


def stand_down(seat: PanelSeat, reason: str, set_aside_submitted: bool) -> int:
    """Stand the seat down; returns how many submitted sheets were set aside."""
    before = _seat_state(seat)
    seat.stood_down_at = utcnow()
    seat.stood_down_reason = reason
    set_aside = 0
    if set_aside_submitted:
        for sheet in _submitted_sheets(seat):
            sheets.set_aside(sheet, f"Panel member stood down: {reason}", by_id=current_user.id)
            set_aside += 1
    audit.record(
        "panel.seat_stood_down",
        seat.stage,
        before=before,
        after=_seat_state(seat),
        sheets_set_aside=set_aside,
    )
    sheets.open_moderation_if_complete(seat.stage)
    return set_aside


def _submitted_sheets(seat: PanelSeat) -> list[ScoreSheet]:
    return list(
        db.session.scalars(
            select(ScoreSheet).where(
                ScoreSheet.seat_id == seat.id,
                ScoreSheet.status == SheetStatus.SUBMITTED,
                ScoreSheet.set_aside_at.is_(None),
            )
        )
    )


class _SeatState(TypedDict):
    """A seat as the audit log records it (its keys are the event's detail names)."""

    seat_id: int
    user_id: int
    panel_role: str
    stood_down: bool
    stood_down_reason: str | None


def _seat_state(seat: PanelSeat) -> _SeatState:
    return {
        "seat_id": seat.id,
        "user_id": seat.user_id,
        "panel_role": seat.panel_role.label,
        "stood_down": seat.is_stood_down,
        "stood_down_reason": seat.stood_down_reason,
    }
