"""A vacancy and everything under it, as one interchange document (a plain dict for JSON).

Database ids never leave: people go by email, candidates by code, plan items by position
and question id. Lists come out in a fixed order (positions, codes, then creation order)
so exporting the same vacancy twice, or an imported copy, gives the same document.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from recruit.domain.interchange.format import FORMAT_NAME, FORMAT_VERSION, format_datetime
from recruit.extensions import db
from recruit.interchange.appointment import export_appointment
from recruit.models import (
    AdvisoryReport,
    AgreedScore,
    Candidate,
    CandidateDecision,
    ConflictOfInterest,
    PanelSeat,
    PlanActivity,
    PlanItem,
    ScoreSheet,
    Stage,
    StageModeration,
    User,
    Vacancy,
)

Document = dict[str, Any]


class _People:
    """Turns user ids into emails and remembers everyone named, for the people list."""

    def __init__(self) -> None:
        self.named: dict[str, User] = {}

    def email(self, user_id: int | None) -> str | None:
        user = db.session.get(User, user_id) if user_id is not None else None
        if user is None:
            return None
        self.named[user.email.lower()] = user
        return user.email

    def entries(self) -> list[Document]:
        # Only email and name: never password hashes, sessions or account settings.
        return [
            {"email": user.email, "full_name": user.full_name}
            for _key, user in sorted(self.named.items())
        ]


def export_vacancy(vacancy: Vacancy, exported_at: datetime) -> Document:
    people = _People()
    codes = {candidate.id: candidate.code for candidate in vacancy.candidates}
    body = {
        "vacancy": _vacancy(vacancy, people),
        "advert": _advert(vacancy, people),
        "candidates": [_candidate(candidate) for candidate in vacancy.candidates],
        "conflicts": _conflicts(codes, people),
        "stages": [_stage(stage, codes, people) for stage in _ordered_stages(vacancy)],
        "appointment": export_appointment(vacancy, codes, people.email),
    }
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": format_datetime(exported_at),
        "source_vacancy_id": vacancy.id,
        "people": people.entries(),
        **body,
    }


def _when(value: datetime | None) -> str | None:
    return format_datetime(value) if value is not None else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _vacancy(vacancy: Vacancy, people: _People) -> Document:
    return {
        "title": vacancy.title,
        "role_level": vacancy.role_level,
        "service_area": vacancy.service_area,
        "innovation": vacancy.innovation,
        "salary_range": vacancy.salary_range,
        "contract": vacancy.contract,
        "location": vacancy.location,
        "closing_date": _day(vacancy.closing_date),
        "interview_dates": vacancy.interview_dates,
        "hiring_manager": vacancy.hiring_manager,
        "job_reference": vacancy.job_reference,
        "status": vacancy.status.value,
        "hide_candidate_names": vacancy.hide_candidate_names,
        "created_at": _when(vacancy.created_at),
        "created_by_email": people.email(vacancy.created_by_id),
        "updated_at": _when(vacancy.updated_at),
        "updated_by_email": people.email(vacancy.updated_by_id),
    }


def _advert(vacancy: Vacancy, people: _People) -> Document | None:
    advert = vacancy.advert
    if advert is None:
        return None
    versions = [
        {
            "number": version.number,
            "sections": version.sections,
            "include_self_assessment": version.include_self_assessment,
            "created_at": _when(version.created_at),
            "created_by_email": people.email(version.created_by_id),
            "created_by_label": version.created_by_label,
            "change_note": version.change_note,
        }
        for version in advert.versions
    ]
    return {
        "current_version_number": advert.current_version_number,
        "is_finished": advert.is_finished,
        "versions": versions,
    }


def _candidate(candidate: Candidate) -> Document:
    return {
        "code": candidate.code,
        "first_name": candidate.first_name,
        "last_name": candidate.last_name,
        "email": candidate.email,
        "phone": candidate.phone,
        "current_role": candidate.current_role,
        "current_employer": candidate.current_employer,
        "application_date": _day(candidate.application_date),
        "status": candidate.status.value,
        "notes": candidate.notes,
        "created_at": _when(candidate.created_at),
        "updated_at": _when(candidate.updated_at),
    }


def _conflicts(codes: dict[int, str], people: _People) -> list[Document]:
    rows = db.session.scalars(
        select(ConflictOfInterest).where(ConflictOfInterest.candidate_id.in_(codes))
    )
    entries = [
        {
            "member_email": people.email(row.user_id),
            "candidate_code": codes[row.candidate_id],
            "description": row.description,
            "declared_at": _when(row.declared_at),
        }
        for row in rows
    ]
    return sorted(entries, key=lambda e: (e["candidate_code"], e["member_email"].lower()))


def _ordered_stages(vacancy: Vacancy) -> list[Stage]:
    return sorted(vacancy.stages, key=lambda stage: (stage.position, stage.id))


def _stage(stage: Stage, codes: dict[int, str], people: _People) -> Document:
    seats = sorted(stage.seats, key=lambda seat: seat.id)
    items = sorted(stage.items, key=lambda item: (item.position, item.id))
    activities = sorted(stage.activities, key=lambda activity: (activity.position, activity.id))
    return {
        "name": stage.name,
        "stage_type": stage.stage_type.value,
        "role": stage.role.value,
        "held_on": _day(stage.held_on),
        "duration_minutes": stage.duration_minutes,
        "starts_at": stage.starts_at.strftime("%H:%M") if stage.starts_at else None,
        "slot_minutes": stage.slot_minutes,
        "break_minutes": stage.break_minutes,
        "school_hours_agreement": stage.school_hours_agreement,
        "position": stage.position,
        "weights": stage.weights,
        "plan_issued_at": _when(stage.plan_issued_at),
        "items": [_item(item) for item in items],
        "activities": [_activity(activity) for activity in activities],
        "seats": [_seat(seat, people) for seat in seats],
        "sheets": _sheets(stage, seats, codes, people),
        "moderation": _moderation(stage, people),
        "agreed_scores": _agreed_scores(stage, codes, people),
        "decisions": _decisions(stage, codes, people),
        "reports": _reports(stage, codes, people),
    }


def _seat(seat: PanelSeat, people: _People) -> Document:
    return {
        "member_email": people.email(seat.user_id),
        "panel_role": seat.panel_role.value,
        "stood_down_at": _when(seat.stood_down_at),
        "stood_down_reason": seat.stood_down_reason,
        "is_councillor": seat.is_councillor,
        "is_executive_member": seat.is_executive_member,
    }


def _item(item: PlanItem) -> Document:
    return {
        "position": item.position,
        "question_id": item.question_id,
        "exercise_id": item.exercise_id,
        "exercise_attribute": item.exercise_attribute,
        "minutes": item.minutes,
        "question_version_number": item.question_version_number,
        "frozen_content": item.frozen_content,
    }


def _activity(activity: PlanActivity) -> Document:
    return {
        "position": activity.position,
        "exercise_id": activity.exercise_id,
        "minutes": activity.minutes,
        "frozen_content": activity.frozen_content,
    }


def _sheets(
    stage: Stage, seats: list[PanelSeat], codes: dict[int, str], people: _People
) -> list[Document]:
    seat_order = {seat.id: index for index, seat in enumerate(seats)}
    sheets = db.session.scalars(
        select(ScoreSheet).join(PanelSeat).where(PanelSeat.stage_id == stage.id)
    ).all()
    sheets = sorted(sheets, key=lambda s: (seat_order[s.seat_id], codes[s.candidate_id]))
    return [_sheet(sheet, codes, people) for sheet in sheets]


def _sheet(sheet: ScoreSheet, codes: dict[int, str], people: _People) -> Document:
    scores = sorted(sheet.scores, key=lambda row: (row.plan_item.position, row.id))
    return {
        "member_email": people.email(sheet.seat.user_id),
        "candidate_code": codes[sheet.candidate_id],
        "status": sheet.status.value,
        "created_at": _when(sheet.created_at),
        "updated_at": _when(sheet.updated_at),
        "submitted_at": _when(sheet.submitted_at),
        "set_aside_at": _when(sheet.set_aside_at),
        "set_aside_reason": sheet.set_aside_reason,
        "set_aside_by_email": people.email(sheet.set_aside_by_id),
        "scores": [
            {
                **_item_ref(row.plan_item),
                "score": row.score,
                "no_evidence": row.no_evidence,
                "evidence": row.evidence,
            }
            for row in scores
        ],
        "amendments": [
            {
                **_item_ref(change.plan_item),
                "previous_score": change.previous_score,
                "previous_no_evidence": change.previous_no_evidence,
                "previous_evidence": change.previous_evidence,
                "new_score": change.new_score,
                "new_no_evidence": change.new_no_evidence,
                "new_evidence": change.new_evidence,
                "reason": change.reason,
                "amended_by_email": people.email(change.amended_by_id),
                "amended_at": _when(change.amended_at),
            }
            for change in sheet.amendments  # in the order they were made
        ],
    }


def _item_ref(item: PlanItem) -> Document:
    return {"position": item.position, "question_id": item.bank_id}


def _moderation(stage: Stage, people: _People) -> Document | None:
    row = db.session.scalar(select(StageModeration).where(StageModeration.stage_id == stage.id))
    if row is None:
        return None
    return {
        "opened_at": _when(row.opened_at),
        "opened_by_email": people.email(row.opened_by_id),
        "closed_early_reason": row.closed_early_reason,
        "closed_at": _when(row.closed_at),
        "closed_by_email": people.email(row.closed_by_id),
        "close_reason": row.close_reason,
    }


def _agreed_scores(stage: Stage, codes: dict[int, str], people: _People) -> list[Document]:
    rows = db.session.scalars(select(AgreedScore).where(AgreedScore.stage_id == stage.id))
    entries = [
        {
            "candidate_code": codes[row.candidate_id],
            "attribute": row.attribute,
            "formula_score": row.formula_score,
            "agreed": row.agreed,
            "rationale": row.rationale,
            "recorded_by_email": people.email(row.recorded_by_id),
            "recorded_at": _when(row.recorded_at),
        }
        for row in rows
    ]
    return sorted(entries, key=lambda e: (e["candidate_code"], e["attribute"]))


def _decisions(stage: Stage, codes: dict[int, str], people: _People) -> list[Document]:
    rows = db.session.scalars(
        select(CandidateDecision).where(CandidateDecision.stage_id == stage.id)
    )
    entries = [
        {
            "candidate_code": codes[row.candidate_id],
            "outcome": row.outcome.value,
            "reasons": row.reasons,
            "floor_override_reason": row.floor_override_reason,
            "inputs_digest": row.inputs_digest,
            "red_flag_discussion": row.red_flag_discussion,
            "recorded_by_email": people.email(row.recorded_by_id),
            "recorded_at": _when(row.recorded_at),
        }
        for row in rows
    ]
    return sorted(entries, key=lambda e: e["candidate_code"])


def _reports(stage: Stage, codes: dict[int, str], people: _People) -> list[Document]:
    rows = db.session.scalars(select(AdvisoryReport).where(AdvisoryReport.stage_id == stage.id))
    entries = [
        {
            "candidate_code": codes[row.candidate_id],
            "strengths": row.strengths,
            "concerns": row.concerns,
            "traffic_light": row.traffic_light.value if row.traffic_light else None,
            "recorded_by_email": people.email(row.recorded_by_id),
            "recorded_at": _when(row.recorded_at),
        }
        for row in rows
    ]
    return sorted(entries, key=lambda e: e["candidate_code"])
