"""The vacancy interchange format: one JSON document that carries a whole vacancy.

This module is the format's single definition: the field specs below drive both the
checks on import (interchange_checks) and the field tables in docs/interchange.md (a test
keeps the two equal).

Versions: 1 is the first; 2 added what keeps the scoring record honest (sheets set aside,
seats stood down, moderation closed, the digest a decision was made on); 3 added whether a
stage decides or advises, which panel members are councillors and on the executive, the
discussion a red flag had at moderation, the appointment decision with its steps, and each
advisory stage's report on its candidates; 4 added the council's job reference for the
vacancy; 5 added plan items that are one attribute of an exercise (``exercise_id`` and
``exercise_attribute``, with ``question_id`` null), referred to by scores as
"<exercise id> (<attribute>)"; 6 added a stage's young people's activities
(``activities``: timed and printed, never scored, so no score refers to one) and a stage's
timetable (``starts_at``, ``slot_minutes``, ``break_minutes``) with how a young people's
panel in school hours was agreed (``school_hours_agreement``). A file from
before 3 has no stage roles: its last stage decides, as the migration decided for the app.
Each key says the version it came in (``since``); every later key may be null, and a file
from before it simply lacks it, read as null: not set aside, not stood down, not closed, no
digest, no stage role (then decided as above), no advisory reports, no activities.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

FORMAT_NAME = "recruit-vacancy"
FORMAT_VERSION = 6
READABLE_VERSIONS = (1, 2, 3, 4, 5, 6)
ROOT = "(top level)"
# Counts go into integer columns: PostgreSQL's hold at most this.
MAX_COUNT = 2_147_483_647

# Vocabularies (allowed statuses, roles...) come from the models, passed in by the caller,
# so this module never drifts from the enums and still imports no SQLAlchemy.
Vocabularies = Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class Field:
    """One key of an object: its kind, whether null is allowed, and limits."""

    kind: str
    nullable: bool = False
    max_length: int | None = None
    vocabulary: str | None = None
    spec: Mapping[str, Field] | None = None  # for "object" and "list" (of objects)
    since: int = 1  # the format version the key came in


def later(field: Field, version: int) -> Field:
    """``field`` as a key added in ``version``: older files lack it, and it reads as null."""
    assert field.nullable, "an older file must read the same without it"
    return replace(field, since=version)


def text(max_length: int | None = None, *, nullable: bool = False) -> Field:
    return Field("text", nullable=nullable, max_length=max_length)


def choice(vocabulary: str) -> Field:
    return Field("choice", vocabulary=vocabulary)


def objects(spec: Mapping[str, Field]) -> Field:
    return Field("list", spec=spec)


DATETIME = Field("datetime")
OPTIONAL_DATETIME = Field("datetime", nullable=True)
BOOL = Field("bool")
COUNT = Field("count")
EMAIL = text(254)
# A reference to an entry of "people": who did something, when the app recorded it.
PERSON_REF = text(254, nullable=True)
SCORE = Field("score", nullable=True)

PERSON = {"email": EMAIL, "full_name": text(200)}
VACANCY = {
    "title": text(200),
    "role_level": text(40),
    "service_area": text(200),
    "innovation": text(40),
    "salary_range": text(200),
    "contract": choice("contract"),
    "location": text(200),
    "closing_date": Field("date"),
    "interview_dates": text(200),
    "hiring_manager": text(200),
    "job_reference": later(text(40, nullable=True), 4),
    "status": choice("vacancy_status"),
    "hide_candidate_names": BOOL,
    "created_at": DATETIME,
    "created_by_email": PERSON_REF,
    "updated_at": DATETIME,
    "updated_by_email": PERSON_REF,
}
ADVERT_VERSION = {
    "number": COUNT,
    "sections": Field("json_objects"),
    "include_self_assessment": BOOL,
    "created_at": DATETIME,
    "created_by_email": PERSON_REF,
    "created_by_label": text(254),
    "change_note": text(),
}
ADVERT = {"current_version_number": COUNT, "is_finished": BOOL, "versions": objects(ADVERT_VERSION)}
CANDIDATE = {
    "code": text(10),
    "first_name": text(100),
    "last_name": text(100),
    "email": text(254),
    "phone": text(30),
    "current_role": text(200),
    "current_employer": text(200),
    "application_date": Field("date", nullable=True),
    "status": choice("candidate_status"),
    "notes": text(),
    "created_at": DATETIME,
    "updated_at": DATETIME,
}
CONFLICT = {
    "member_email": EMAIL,
    "candidate_code": text(10),
    "description": text(),
    "declared_at": DATETIME,
}
PLAN_ITEM = {
    "position": COUNT,
    "question_id": text(80, nullable=True),
    "exercise_id": later(text(80, nullable=True), 5),
    "exercise_attribute": later(text(40, nullable=True), 5),
    "minutes": COUNT,
    "question_version_number": Field("count", nullable=True),
    "frozen_content": Field("json_object", nullable=True),
}
PLAN_ACTIVITY = {
    "position": COUNT,
    "exercise_id": text(80),
    "minutes": COUNT,
    "frozen_content": Field("json_object", nullable=True),
}
SEAT = {
    "member_email": EMAIL,
    "panel_role": choice("panel_role"),
    "stood_down_at": later(OPTIONAL_DATETIME, 2),
    "stood_down_reason": later(text(nullable=True), 2),
    "is_councillor": later(Field("bool", nullable=True), 3),
    "is_executive_member": later(Field("bool", nullable=True), 3),
}
SCORE_ROW = {
    "position": COUNT,
    "question_id": text(80),
    "score": SCORE,
    "no_evidence": BOOL,
    "evidence": text(),
}
AMENDMENT = {
    "position": COUNT,
    "question_id": text(80),
    "previous_score": SCORE,
    "previous_no_evidence": BOOL,
    "previous_evidence": text(),
    "new_score": SCORE,
    "new_no_evidence": BOOL,
    "new_evidence": text(),
    "reason": text(),
    "amended_by_email": PERSON_REF,
    "amended_at": DATETIME,
}
SHEET = {
    "member_email": EMAIL,
    "candidate_code": text(10),
    "status": choice("sheet_status"),
    "created_at": DATETIME,
    "updated_at": DATETIME,
    "submitted_at": OPTIONAL_DATETIME,
    "set_aside_at": later(OPTIONAL_DATETIME, 2),
    "set_aside_reason": later(text(nullable=True), 2),
    "set_aside_by_email": later(PERSON_REF, 2),
    "scores": objects(SCORE_ROW),
    "amendments": objects(AMENDMENT),
}
MODERATION = {
    "opened_at": DATETIME,
    "opened_by_email": PERSON_REF,
    "closed_early_reason": text(nullable=True),
    "closed_at": later(OPTIONAL_DATETIME, 2),
    "closed_by_email": later(PERSON_REF, 2),
    "close_reason": later(text(nullable=True), 2),
}
AGREED_SCORE = {
    "candidate_code": text(10),
    "attribute": text(40),
    "formula_score": Field("number", nullable=True),
    "agreed": Field("number"),
    "rationale": text(),
    "recorded_by_email": PERSON_REF,
    "recorded_at": DATETIME,
}
DECISION = {
    "candidate_code": text(10),
    "outcome": choice("outcome"),
    "reasons": text(),
    "floor_override_reason": text(nullable=True),
    "inputs_digest": later(text(64, nullable=True), 2),
    "red_flag_discussion": later(text(nullable=True), 3),
    "recorded_by_email": PERSON_REF,
    "recorded_at": DATETIME,
}
ADVISORY_REPORT = {
    "candidate_code": text(10),
    "strengths": text(),
    "concerns": text(),
    "traffic_light": Field("choice", nullable=True, vocabulary="traffic_light"),
    "recorded_by_email": PERSON_REF,
    "recorded_at": DATETIME,
}
STAGE = {
    "name": text(200),
    "stage_type": choice("stage_type"),
    "role": later(Field("choice", nullable=True, vocabulary="stage_role"), 3),
    "held_on": Field("date", nullable=True),
    "duration_minutes": Field("count", nullable=True),
    "starts_at": later(Field("time", nullable=True), 6),
    "slot_minutes": later(Field("count", nullable=True), 6),
    "break_minutes": later(Field("count", nullable=True), 6),
    "school_hours_agreement": later(text(nullable=True), 6),
    "position": COUNT,
    "weights": Field("weights"),
    "plan_issued_at": OPTIONAL_DATETIME,
    "items": objects(PLAN_ITEM),
    "activities": later(Field("list", nullable=True, spec=PLAN_ACTIVITY), 6),
    "seats": objects(SEAT),
    "sheets": objects(SHEET),
    "moderation": Field("object", nullable=True, spec=MODERATION),
    "agreed_scores": objects(AGREED_SCORE),
    "decisions": objects(DECISION),
    "reports": later(Field("list", nullable=True, spec=ADVISORY_REPORT), 3),
}
CONFIRMATION = {"member_email": EMAIL, "confirmed_at": DATETIME}
OBJECTION = {
    "objector": text(200),
    "received_on": Field("date"),
    "summary": text(),
    "recorded_by_email": PERSON_REF,
    "recorded_at": DATETIME,
    "upheld": Field("bool", nullable=True),
    "ruling_reasons": text(nullable=True),
    "ruled_by_email": PERSON_REF,
    "ruled_at": OPTIONAL_DATETIME,
}
APPOINTMENT = {
    "stage_position": COUNT,
    "candidate_code": text(10, nullable=True),
    "reasons": text(),
    "recorded_by_email": PERSON_REF,
    "recorded_at": DATETIME,
    "confirmations": objects(CONFIRMATION),
    "executive_notified_on": Field("date", nullable=True),
    "executive_notified_by_email": PERSON_REF,
    "objection_days": Field("count", nullable=True),
    "objection_deadline": Field("date", nullable=True),
    "objections": objects(OBJECTION),
    "offer_made_at": OPTIONAL_DATETIME,
    "offer_made_by_email": PERSON_REF,
}
DOCUMENT = {
    "format": text(),
    "version": COUNT,
    "exported_at": DATETIME,
    "source_vacancy_id": Field("count", nullable=True),
    "people": objects(PERSON),
    "vacancy": Field("object", spec=VACANCY),
    "advert": Field("object", nullable=True, spec=ADVERT),
    "candidates": objects(CANDIDATE),
    "conflicts": objects(CONFLICT),
    "stages": objects(STAGE),
    "appointment": later(Field("object", nullable=True, spec=APPOINTMENT), 3),
}

# Each object's path pattern, as docs/interchange.md heads its field table.
SECTIONS: dict[str, Mapping[str, Field]] = {
    ROOT: DOCUMENT,
    "people[]": PERSON,
    "vacancy": VACANCY,
    "advert": ADVERT,
    "advert.versions[]": ADVERT_VERSION,
    "candidates[]": CANDIDATE,
    "conflicts[]": CONFLICT,
    "stages[]": STAGE,
    "stages[].items[]": PLAN_ITEM,
    "stages[].activities[]": PLAN_ACTIVITY,
    "stages[].seats[]": SEAT,
    "stages[].sheets[]": SHEET,
    "stages[].sheets[].scores[]": SCORE_ROW,
    "stages[].sheets[].amendments[]": AMENDMENT,
    "stages[].moderation": MODERATION,
    "stages[].agreed_scores[]": AGREED_SCORE,
    "stages[].decisions[]": DECISION,
    "stages[].reports[]": ADVISORY_REPORT,
    "appointment": APPOINTMENT,
    "appointment.confirmations[]": CONFIRMATION,
    "appointment.objections[]": OBJECTION,
}


def keys_in(spec: Mapping[str, Field], version: int) -> dict[str, Field]:
    """The keys an object of this spec has in a file of ``version``."""
    return {key: field for key, field in spec.items() if field.since <= version}


def with_later_keys(document: dict[str, Any]) -> dict[str, Any]:
    """A checked document of any readable version in today's shape: each key it lacks
    because it came in a later version, added as null. The document is not changed."""
    return _with_later_keys(document, DOCUMENT)


def _with_later_keys(entry: dict[str, Any], spec: Mapping[str, Field]) -> dict[str, Any]:
    filled = {key: entry.get(key) for key in spec}
    for key, field in spec.items():
        value = filled[key]
        if field.spec is None or value is None:
            continue
        if field.kind == "object":
            filled[key] = _with_later_keys(value, field.spec)
        else:
            filled[key] = [_with_later_keys(item, field.spec) for item in value]
    return filled


def format_datetime(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def parse_datetime(value: str) -> datetime:
    """An ISO 8601 date and time with its offset; raises ValueError for anything less."""
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("no time zone")
    return parsed.astimezone(UTC)


def item_key(item: Mapping[str, Any]) -> str:
    """What scores and amendments call a plan item besides its position: the question's id,
    or for an exercise's item "<exercise id> (<attribute>)", as ``PlanItem.bank_id``."""
    if item.get("exercise_id") is not None:
        return f"{item['exercise_id']} ({item['exercise_attribute']})"
    return str(item["question_id"])
