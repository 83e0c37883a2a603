"""Changes to a stage's panel once people have scored: nothing a member submitted is lost.

A seat with no sheets can be removed. A seat with sheets is stood down instead: it scores no
more and its missing sheets stop being expected; what it submitted stays on the record and
keeps counting, unless HR sets it aside with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TypedDict

from flask import current_app
from flask_login import current_user
from sqlalchemy import func, select

from recruit import audit
from recruit.domain.adverts.role_levels import LEVEL_VOICES
from recruit.domain.panels import PanelSeatFacts, appointing_panel_problems
from recruit.domain.panels.training import (
    TrainingSeat,
    TrainingStatus,
    panel_training_problem,
    training_status,
)
from recruit.extensions import db
from recruit.models import (
    PanelRole,
    PanelSeat,
    ScoreSheet,
    SheetStatus,
    Stage,
    StageRole,
    User,
    Vacancy,
)
from recruit.models._types import utcnow
from recruit.presentation import UK_TIME
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


def add_seat(
    stage: Stage, person: User, panel_role: PanelRole, *, councillor: bool, executive: bool
) -> PanelSeat:
    """Seat ``person`` on ``stage``'s panel, on the record."""
    seat = PanelSeat(
        stage=stage,
        user=person,
        panel_role=panel_role,
        # A member of the executive is a councillor by definition.
        is_councillor=councillor or executive,
        is_executive_member=executive,
    )
    db.session.add(seat)
    audit.record(
        "panel.seat_added",
        stage,
        user_id=person.id,
        panel_role=seat.panel_role.value,
        councillor=seat.is_councillor,
        executive_member=seat.is_executive_member,
    )
    return seat


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


def members_appoint(vacancy: Vacancy) -> bool:
    """Whether elected members make this appointment: the role level says so (a chief or
    deputy chief officer, such as a DCS or an assistant director)."""
    voice = LEVEL_VOICES.get(vacancy.role_level)
    return voice is not None and voice.member_appointment


def appointing_panel_problems_at(stage: Stage) -> list[str]:
    """What the deciding panel of a post elected members appoint still lacks; [] for any
    other stage or post, or when the panel is complete."""
    if stage.role is not StageRole.DECIDING or not members_appoint(stage.vacancy):
        return []
    return appointing_panel_problems(
        [_facts(seat) for seat in stage.seats if not seat.is_stood_down]
    )


def _facts(seat: PanelSeat) -> PanelSeatFacts:
    councillor = seat.is_councillor or seat.panel_role is PanelRole.ELECTED_MEMBER
    return PanelSeatFacts(
        name=seat.user.full_name,
        scores=seat.panel_role not in sheets.NON_SCORING_ROLES,
        councillor=councillor,
        executive_member=councillor and seat.is_executive_member,
    )


@dataclass(frozen=True)
class PanelTraining:
    """The panel's safer recruitment training today: each seat's status, by seat id, and
    what stops the plan being issued (None when someone who scores is trained)."""

    statuses: dict[int, TrainingStatus]
    problem: str | None


def council_today() -> date:
    """Today's date in the council's time zone (UK time), whatever the server's is."""
    return datetime.now(UK_TIME).date()


def refresh_years() -> int:
    """How many years safer recruitment training counts for (the setting)."""
    return int(current_app.config["SAFER_RECRUITMENT_REFRESH_YEARS"])


def training_at(stage: Stage, today: date | None = None) -> PanelTraining:
    """Safer recruitment training of ``stage``'s panel on ``today`` (default: UK today)."""
    day = today or council_today()
    years = refresh_years()
    seats = sorted(stage.seats, key=lambda seat: seat.id)
    return PanelTraining(
        statuses={
            seat.id: training_status(seat.user.safer_recruitment_trained_on, day, years)
            for seat in seats
        },
        problem=panel_training_problem([training_seat(seat) for seat in seats], day, years),
    )


def training_seat(seat: PanelSeat) -> TrainingSeat:
    """A seat as the safer recruitment training rule sees it."""
    return TrainingSeat(
        name=seat.user.full_name,
        scores=seat.panel_role not in sheets.NON_SCORING_ROLES,
        stood_down=seat.is_stood_down,
        trained_on=seat.user.safer_recruitment_trained_on,
    )
