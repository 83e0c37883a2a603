"""Who decides and what has been recorded, for the briefing pack's sign-off: the deciding
stage's members who score sign, its advisers are listed apart, and the vacancy's
``AppointmentDecision`` gives the steps, each with its day in UK time."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

from sqlalchemy import select

from recruit.domain.documents.briefing_pack.model import DecisionSteps, ObjectionStep, SignOff
from recruit.extensions import db
from recruit.models import AppointmentDecision, ExecutiveObjection, PanelSeat, User, Vacancy
from recruit.presentation import UK_TIME
from recruit.results import sheets
from recruit.stages.panel import members_appoint
from recruit.stages.roles import deciding_stage
from recruit.summaries.context import adviser_seats, seat_sign_off


def deciding_members(vacancy: Vacancy) -> list[PanelSeat]:
    """The appointing panel: the deciding stage's seats that score, not stood down."""
    stage = deciding_stage(vacancy)
    if stage is None:
        return []
    return [seat for seat in sheets.scoring_seats(stage) if not seat.is_stood_down]


def appointing_panel(vacancy: Vacancy) -> tuple[tuple[SignOff, ...], tuple[SignOff, ...]]:
    """(who signs, who advised): the deciding stage's members and its advisers."""
    stage = deciding_stage(vacancy)
    if stage is None:
        return (), ()
    members = tuple(seat_sign_off(seat) for seat in deciding_members(vacancy))
    return members, tuple(seat_sign_off(seat) for seat in adviser_seats(stage))


def decision_steps(vacancy: Vacancy, labels: Mapping[str, str]) -> DecisionSteps:
    """The steps recorded so far; ``labels`` gives the appointed candidate's label by code,
    so a briefing that hides names shows the code."""
    decision = db.session.scalar(
        select(AppointmentDecision).where(AppointmentDecision.vacancy_id == vacancy.id)
    )
    members = deciding_members(vacancy)
    if decision is None:
        return DecisionSteps(
            members_appoint=members_appoint(vacancy),
            confirmations=tuple((seat.user.full_name, None) for seat in members),
        )
    confirmed = {c.user_id: uk_day(c.confirmed_at) for c in decision.confirmations}
    candidate = decision.candidate
    return DecisionSteps(
        members_appoint=members_appoint(vacancy),
        recorded_on=uk_day(decision.recorded_at),
        recorded_by=_name(decision.recorded_by),
        appointed=labels.get(candidate.code, candidate.code) if candidate else "",
        confirmations=tuple((seat.user.full_name, confirmed.get(seat.user_id)) for seat in members),
        executive_notified_on=decision.executive_notified_on,
        executive_notified_by=_name(decision.executive_notified_by),
        objection_deadline=decision.objection_deadline,
        objections=tuple(_objection(objection) for objection in decision.objections),
        offer_made_on=uk_day(decision.offer_made_at),
        offer_made_by=_name(decision.offer_made_by),
    )


def _objection(objection: ExecutiveObjection) -> ObjectionStep:
    return ObjectionStep(
        objector=objection.objector,
        received_on=objection.received_on,
        summary=objection.summary,
        upheld=objection.upheld,
        ruled_on=uk_day(objection.ruled_at),
        ruling_reasons=objection.ruling_reasons or "",
    )


def uk_day(moment: datetime | None) -> date | None:
    """The day in the UK: a decision recorded at 00:30 in summer is that day, not the last."""
    if moment is None:
        return None
    # Stored times are UTC; one not yet flushed may still be naive.
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UK_TIME).date()


def _name(user: User | None) -> str:
    return user.full_name if user is not None else ""
