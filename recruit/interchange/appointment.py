"""The appointment decision in the vacancy interchange document, both ways: written by the
export and rebuilt by the import (format version 3; see docs/interchange.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from recruit.domain.interchange.format import format_datetime, parse_datetime
from recruit.extensions import db
from recruit.models import (
    AppointmentDecision,
    DecisionConfirmation,
    ExecutiveObjection,
    Stage,
    Vacancy,
)

Document = dict[str, Any]
EmailOf = Callable[[int | None], str | None]
IdOf = Callable[[str | None], int | None]


def export_appointment(vacancy: Vacancy, codes: dict[int, str], email: EmailOf) -> Document | None:
    decision = db.session.scalar(
        select(AppointmentDecision).where(AppointmentDecision.vacancy_id == vacancy.id)
    )
    if decision is None:
        return None
    return {
        "stage_position": decision.stage.position,
        "candidate_code": codes.get(decision.candidate_id) if decision.candidate_id else None,
        "reasons": decision.reasons,
        "recorded_by_email": email(decision.recorded_by_id),
        "recorded_at": _when(decision.recorded_at),
        "confirmations": [
            {"member_email": email(c.user_id), "confirmed_at": _when(c.confirmed_at)}
            for c in sorted(decision.confirmations, key=lambda c: c.id)
        ],
        "executive_notified_on": _day(decision.executive_notified_on),
        "executive_notified_by_email": email(decision.executive_notified_by_id),
        "objection_days": decision.objection_days,
        "objection_deadline": _day(decision.objection_deadline),
        "objections": [_objection(o, email) for o in decision.objections],
        "offer_made_at": _when(decision.offer_made_at),
        "offer_made_by_email": email(decision.offer_made_by_id),
    }


def _objection(objection: ExecutiveObjection, email: EmailOf) -> Document:
    return {
        "objector": objection.objector,
        "received_on": _day(objection.received_on),
        "summary": objection.summary,
        "recorded_by_email": email(objection.recorded_by_id),
        "recorded_at": _when(objection.recorded_at),
        "upheld": objection.upheld,
        "ruling_reasons": objection.ruling_reasons,
        "ruled_by_email": email(objection.ruled_by_id),
        "ruled_at": _when(objection.ruled_at),
    }


def build_appointment(
    entry: Document, vacancy: Vacancy, stages: list[Stage], candidate_ids: dict[str, int], ids: IdOf
) -> AppointmentDecision:
    """The decision's rows for an imported vacancy whose stages and candidates have ids."""
    stage = next(s for s in stages if s.position == entry["stage_position"])
    code = entry["candidate_code"]
    decision = AppointmentDecision(
        vacancy_id=vacancy.id,
        stage_id=stage.id,
        candidate_id=candidate_ids[code] if code is not None else None,
        reasons=entry["reasons"],
        recorded_by_id=ids(entry["recorded_by_email"]),
        recorded_at=parse_datetime(entry["recorded_at"]),
        executive_notified_on=_date(entry["executive_notified_on"]),
        executive_notified_by_id=ids(entry["executive_notified_by_email"]),
        objection_days=entry["objection_days"],
        objection_deadline=_date(entry["objection_deadline"]),
        offer_made_at=_datetime(entry["offer_made_at"]),
        offer_made_by_id=ids(entry["offer_made_by_email"]),
    )
    for confirmation in entry["confirmations"]:
        decision.confirmations.append(
            DecisionConfirmation(
                user_id=ids(confirmation["member_email"]),
                confirmed_at=parse_datetime(confirmation["confirmed_at"]),
            )
        )
    for objection in entry["objections"]:
        decision.objections.append(
            ExecutiveObjection(
                objector=objection["objector"],
                received_on=date.fromisoformat(objection["received_on"]),
                summary=objection["summary"],
                recorded_by_id=ids(objection["recorded_by_email"]),
                recorded_at=parse_datetime(objection["recorded_at"]),
                upheld=objection["upheld"],
                ruling_reasons=objection["ruling_reasons"],
                ruled_by_id=ids(objection["ruled_by_email"]),
                ruled_at=_datetime(objection["ruled_at"]),
            )
        )
    return decision


def _when(value: datetime | None) -> str | None:
    return format_datetime(value) if value is not None else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _datetime(value: str | None) -> datetime | None:
    return parse_datetime(value) if value is not None else None
