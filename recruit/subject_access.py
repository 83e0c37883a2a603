"""Everything held about one candidate, for a subject access request (UK GDPR Article 15).

``build_subject_access(candidate_id)`` reads every table that refers to the candidate (the
tables are listed in ``COVERED_TABLES``; a test fails when a table that refers to candidates
is missing from it) and returns one dictionary, written out as ``subject-access.json`` and,
through ``recruit.domain.documents.subject_access_word``, as ``subject-access.docx``.

What goes in, and what stays out:

* The candidate's record (every column, so a column added later is exported too), the
  vacancy's title, each stage they were assessed at, every score sheet about them (submitted
  or draft) with each question as issued, the score or "No evidence" and the evidence note,
  every amendment (before, after, reason, when), agreed scores with rationales, outcomes
  with reasons and values floor override reasons, conflicts of interest declared about them,
  and audit events whose subject is the candidate or one of the records above.
* Other people's personal data stays out. Panel members and other staff are third parties:
  each is named by a label, "Panel member 2" or "Staff member 1", numbered in order of first
  appearance in this export, with their panel role at each stage; never by name or email.
  Any staff user's or other candidate's full name or email address found in free text (a
  note, a reason) is replaced by a label in square brackets. Audit details whose keys name
  users or emails, and IP addresses, are withheld. Nothing from other candidates' records is
  read at all, apart from their names and emails for that redaction.
* Redaction of free text is by exact full name and email address only: whoever answers the
  request should still read the notes before sending them (a first name alone is not caught).
"""

from __future__ import annotations

import datetime
import enum
import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from typing import Any

from flask import current_app
from sqlalchemy import and_, inspect, or_, select
from sqlalchemy.orm import selectinload

from recruit.bank_store import BankNotLoaded, current_bank, question_row
from recruit.domain.documents.subject_access_word import about_texts, subject_access_docx_bytes
from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    AuditEvent,
    Candidate,
    CandidateDecision,
    ConflictOfInterest,
    PanelRole,
    PanelSeat,
    PlanItem,
    Score,
    ScoreAmendment,
    ScoreSheet,
    Stage,
    StageModeration,
    StageType,
    User,
    Vacancy,
)
from recruit.models._types import utcnow
from recruit.stages.forms import PANEL_ROLE_LABELS, STAGE_TYPE_LABELS

FORMAT = "recruit-subject-access"
FORMAT_VERSION = 1
JSON_NAME = "subject-access.json"
DOCX_NAME = "subject-access.docx"

# Every table that holds rows about a candidate, each read below (see the function named).
# tests/web/test_subject_access.py fails when a table with a foreign key to candidate.id,
# directly or through another table in this set (score_sheet.id), is missing from it.
COVERED_TABLES = frozenset(
    {
        "candidate",  # _candidate_record
        "score_sheet",  # _sheet
        "score",  # _score
        "score_amendment",  # _amendment
        "agreed_score",  # _agreed_score
        "candidate_decision",  # _decision
        "conflict_of_interest",  # _conflict
        "audit_event",  # _audit_event (no foreign key: object_type and object_id)
    }
)
# Candidate columns that are bookkeeping, not information about the person.
INTERNAL_CANDIDATE_COLUMNS = frozenset({"lock_version"})
# Audit details under these keys identify staff (user ids, emails) and are withheld.
_STAFF_DETAIL_KEY = re.compile(r"user|email|actor|password|ip_address", re.IGNORECASE)
# Candidate fields that are the subject's own identity: never redacted.
_IDENTITY_FIELDS = frozenset({"first_name", "last_name", "email", "phone", "code"})
_MINIMUM_REDACTED_LENGTH = 3  # a one- or two-letter "name" would blank out ordinary words
ANOTHER_CANDIDATE = "[another candidate]"
A_MEMBER_OF_STAFF = "[a member of staff]"
REMOVED_ACCOUNT = "A member of staff (account since removed)"
NOT_RECORDED = "Not recorded"


class CandidateNotFound(LookupError):
    """There is no candidate with that id."""


@dataclass(frozen=True)
class SubjectAccessExport:
    candidate: Candidate
    document: dict[str, Any]

    def zip_bytes(self) -> bytes:
        return subject_access_zip(self.document)


def build_subject_access(
    candidate_id: int, *, now: datetime.datetime | None = None
) -> SubjectAccessExport:
    """Everything held about candidate ``candidate_id``, as the JSON document's dictionary."""
    candidate = db.session.get(Candidate, candidate_id)
    if candidate is None:
        raise CandidateNotFound(f"Candidate {candidate_id} does not exist")
    rows = _Rows.load(candidate)
    people = _People.for_export(rows)
    redact = _Redactor.for_export(candidate, people)
    context = _Context(rows, people, redact, _attribute_names())
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generated_at": _plain(now or utcnow()),
        "organisation": current_app.config["ORGANISATION_NAME"],
        "about": about_texts(current_app.config["ORGANISATION_NAME"]),
        "candidate": _candidate_record(candidate, redact),
        "vacancy": _vacancy(rows.vacancy),
        "people": people.listing(rows.vacancy),
        "stages": [_stage(stage, context) for stage in rows.stages],
        "conflicts_of_interest": [_conflict(c, context) for c in rows.conflicts],
        "audit_events": [_audit_event(e, context) for e in rows.events],
        "covered_tables": sorted(COVERED_TABLES),
    }
    return SubjectAccessExport(candidate, document)


def subject_access_json(document: Mapping[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def subject_access_zip(document: Mapping[str, Any]) -> bytes:
    """The zip of ``subject-access.json`` and ``subject-access.docx``, made in memory."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # A lone surrogate cannot be UTF-8; written as \\udXXX it is still a valid JSON escape.
        archive.writestr(
            JSON_NAME, subject_access_json(document).encode("utf-8", "backslashreplace")
        )
        archive.writestr(DOCX_NAME, subject_access_docx_bytes(document))
    return buffer.getvalue()


# --- reading ----------------------------------------------------------------------------


@dataclass
class _Rows:
    """Every row about the candidate, read once, in a fixed order."""

    candidate: Candidate
    vacancy: Vacancy
    stages: list[Stage]
    sheets: list[ScoreSheet]
    agreed: list[AgreedScore]
    decisions: list[CandidateDecision]
    conflicts: list[ConflictOfInterest]
    moderations: dict[int, StageModeration]
    events: list[AuditEvent]

    @classmethod
    def load(cls, candidate: Candidate) -> _Rows:
        vacancy = db.session.get_one(Vacancy, candidate.vacancy_id)
        sheets = list(
            db.session.scalars(
                select(ScoreSheet)
                .where(ScoreSheet.candidate_id == candidate.id)
                .options(
                    selectinload(ScoreSheet.seat),
                    selectinload(ScoreSheet.scores).selectinload(Score.plan_item),
                    selectinload(ScoreSheet.amendments),
                )
                .order_by(ScoreSheet.seat_id, ScoreSheet.id)
            )
        )
        agreed = list(
            db.session.scalars(
                select(AgreedScore)
                .where(AgreedScore.candidate_id == candidate.id)
                .order_by(AgreedScore.stage_id, AgreedScore.id)
            )
        )
        decisions = list(
            db.session.scalars(
                select(CandidateDecision)
                .where(CandidateDecision.candidate_id == candidate.id)
                .order_by(CandidateDecision.stage_id)
            )
        )
        conflicts = list(
            db.session.scalars(
                select(ConflictOfInterest)
                .where(ConflictOfInterest.candidate_id == candidate.id)
                .order_by(ConflictOfInterest.declared_at, ConflictOfInterest.id)
            )
        )
        stage_ids = (
            {sheet.seat.stage_id for sheet in sheets}
            | {row.stage_id for row in agreed}
            | {row.stage_id for row in decisions}
        )
        stages = list(
            db.session.scalars(
                select(Stage)
                .where(Stage.id.in_(stage_ids))
                .options(selectinload(Stage.items), selectinload(Stage.seats))
                .order_by(Stage.position, Stage.id)
            )
        )
        moderations = {
            row.stage_id: row
            for row in db.session.scalars(
                select(StageModeration).where(StageModeration.stage_id.in_(stage_ids))
            )
        }
        subjects: dict[str, Iterable[int]] = {
            "Candidate": [candidate.id],
            "ScoreSheet": [sheet.id for sheet in sheets],
            "AgreedScore": [row.id for row in agreed],
            "CandidateDecision": [row.id for row in decisions],
            "ConflictOfInterest": [row.id for row in conflicts],
        }
        events = list(
            db.session.scalars(
                select(AuditEvent)
                .where(
                    or_(
                        *(
                            and_(
                                AuditEvent.object_type == kind,
                                AuditEvent.object_id.in_([str(i) for i in ids]),
                            )
                            for kind, ids in subjects.items()
                        )
                    )
                )
                .order_by(AuditEvent.occurred_at, AuditEvent.id)
            )
        )
        return cls(
            candidate, vacancy, stages, sheets, agreed, decisions, conflicts, moderations, events
        )

    def sheets_at(self, stage: Stage) -> list[ScoreSheet]:
        return [sheet for sheet in self.sheets if sheet.seat.stage_id == stage.id]


# --- third parties ----------------------------------------------------------------------


class _People:
    """Staff as "Panel member N" or "Staff member N", numbered in order of first appearance.

    A panel member is anyone with a seat at a stage of the candidate's vacancy; anyone else
    who recorded something (HR, say) is a staff member. Each kind is numbered from 1.
    """

    def __init__(self, seated: set[int]) -> None:
        self._seated = seated
        self._labels: dict[int, str] = {}
        self._counts = {"Panel member": 0, "Staff member": 0}

    @classmethod
    def for_export(cls, rows: _Rows) -> _People:
        seats = db.session.scalars(
            select(PanelSeat)
            .join(Stage, Stage.id == PanelSeat.stage_id)
            .where(Stage.vacancy_id == rows.vacancy.id)
        )
        people = cls({seat.user_id for seat in seats})
        for stage in rows.stages:
            for sheet in rows.sheets_at(stage):
                people._register(sheet.seat.user_id)
            for sheet in rows.sheets_at(stage):
                for amendment in sheet.amendments:
                    people._register(amendment.amended_by_id)
            for row in rows.agreed:
                if row.stage_id == stage.id:
                    people._register(row.recorded_by_id)
            for decision in rows.decisions:
                if decision.stage_id == stage.id:
                    people._register(decision.recorded_by_id)
        for conflict in rows.conflicts:
            people._register(conflict.user_id)
        for event in rows.events:
            people._register(event.user_id)
        return people

    def _register(self, user_id: int | None) -> None:
        if user_id is None or user_id in self._labels:
            return
        kind = "Panel member" if user_id in self._seated else "Staff member"
        self._counts[kind] += 1
        self._labels[user_id] = f"{kind} {self._counts[kind]}"

    @property
    def labels(self) -> Mapping[int, str]:
        return self._labels

    def label(self, user_id: int | None) -> str:
        if user_id is None:
            return REMOVED_ACCOUNT
        self._register(user_id)
        return self._labels[user_id]

    def assessor(self, seat: PanelSeat) -> str:
        """Such as "Panel member 2 (Chair)"; an ordinary member is just "Panel member 2"."""
        label = self.label(seat.user_id)
        if seat.panel_role is PanelRole.MEMBER:
            return label
        return f"{label} ({PANEL_ROLE_LABELS[seat.panel_role]})"

    def listing(self, vacancy: Vacancy) -> list[dict[str, Any]]:
        """Each label with the person's panel roles at the vacancy's stages: no names."""
        roles: dict[int, list[dict[str, Any]]] = {}
        for stage in vacancy.stages:
            for seat in sorted(stage.seats, key=lambda seat: seat.id):
                roles.setdefault(seat.user_id, []).append(
                    {
                        "stage_id": stage.id,
                        "stage": stage.name,
                        "panel_role": seat.panel_role.value,
                        "panel_role_label": PANEL_ROLE_LABELS[seat.panel_role],
                    }
                )
        return [
            {
                "label": label,
                "kind": "panel_member" if user_id in self._seated else "staff_member",
                "roles": roles.get(user_id, []),
            }
            for user_id, label in self._labels.items()
        ]


class _Redactor:
    """Replaces other people's full names and email addresses in free text with labels."""

    def __init__(self, replacements: Mapping[str, str]) -> None:
        self._replacements = {key.casefold(): value for key, value in replacements.items()}
        texts = sorted(self._replacements, key=len, reverse=True)
        self._pattern = (
            re.compile(
                "|".join(rf"(?<!\w){re.escape(text)}(?!\w)" for text in texts), re.IGNORECASE
            )
            if texts
            else None
        )

    @classmethod
    def for_export(cls, candidate: Candidate, people: _People) -> _Redactor:
        own = {candidate.full_name.strip().casefold(), candidate.email.strip().casefold()}
        replacements: dict[str, str] = {}

        def add(text: str, replacement: str) -> None:
            text = " ".join(text.split())
            if len(text) >= _MINIMUM_REDACTED_LENGTH and text.casefold() not in own:
                replacements.setdefault(text, replacement)

        for user_id, full_name, email in db.session.execute(
            select(User.id, User.full_name, User.email)
        ):
            label = people.labels.get(user_id)
            replacement = f"[{label}]" if label else A_MEMBER_OF_STAFF
            add(full_name, replacement)
            add(email, replacement)
        for first_name, last_name, email in db.session.execute(
            select(Candidate.first_name, Candidate.last_name, Candidate.email).where(
                Candidate.id != candidate.id
            )
        ):
            add(f"{first_name} {last_name}", ANOTHER_CANDIDATE)
            add(email, ANOTHER_CANDIDATE)
        return cls(replacements)

    def __call__(self, text: str | None) -> str | None:
        if text is None or self._pattern is None:
            return text
        return self._pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        return self._replacements.get(match.group(0).casefold(), A_MEMBER_OF_STAFF)

    def value(self, value: Any) -> Any:
        """A JSON value with every string in it redacted."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        return value


# --- writing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    rows: _Rows
    people: _People
    redact: _Redactor
    attribute_names: Mapping[str, str]

    def attribute_name(self, key: str) -> str:
        return self.attribute_names.get(key, key)


def _plain(value: Any) -> Any:
    """A column value as JSON: ISO 8601 dates and times, enum values, plain numbers."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    return value


def _candidate_record(candidate: Candidate, redact: _Redactor) -> dict[str, Any]:
    """Every column of the candidate's row but bookkeeping, a column added later included."""
    record: dict[str, Any] = {}
    for attribute in inspect(Candidate).column_attrs:
        if attribute.key in INTERNAL_CANDIDATE_COLUMNS:
            continue
        value = _plain(getattr(candidate, attribute.key))
        if isinstance(value, str) and attribute.key not in _IDENTITY_FIELDS:
            value = redact(value)
        record[attribute.key] = value
    return record


def _vacancy(vacancy: Vacancy) -> dict[str, Any]:
    return {
        "id": vacancy.id,
        "title": vacancy.title,
        "service_area": vacancy.service_area,
        "location": vacancy.location,
        "closing_date": _plain(vacancy.closing_date),
    }


def _stage(stage: Stage, context: _Context) -> dict[str, Any]:
    rows = context.rows
    moderation = rows.moderations.get(stage.id)
    numbers = {item.id: number for number, item in enumerate(stage.items, start=1)}
    decision = next((d for d in rows.decisions if d.stage_id == stage.id), None)
    return {
        "id": stage.id,
        "name": stage.name,
        "type": stage.stage_type.value,
        "type_label": STAGE_TYPE_LABELS[stage.stage_type],
        "position": stage.position,
        "held_on": _plain(stage.held_on),
        "plan_issued_at": _plain(stage.plan_issued_at),
        "weights": dict(stage.weights or {}),
        # The reason for closing scoring early is about the whole stage and may name other
        # candidates: the fact is given, the wording is not.
        "moderation": (
            None
            if moderation is None
            else {
                "opened_at": _plain(moderation.opened_at),
                "closed_early": moderation.closed_early_reason is not None,
            }
        ),
        "score_sheets": [_sheet(sheet, stage, numbers, context) for sheet in rows.sheets_at(stage)],
        "agreed_scores": [
            _agreed_score(row, context) for row in rows.agreed if row.stage_id == stage.id
        ],
        "decision": None if decision is None else _decision(decision, context),
    }


def _sheet(
    sheet: ScoreSheet, stage: Stage, numbers: Mapping[int, int], context: _Context
) -> dict[str, Any]:
    young_people = (
        stage.stage_type is StageType.YOUNG_PEOPLES_PANEL
        or sheet.seat.panel_role is PanelRole.YOUNG_PEOPLES_PANEL
    )
    scores = sorted(sheet.scores, key=lambda score: numbers.get(score.plan_item_id, 0))
    return {
        "assessor": context.people.assessor(sheet.seat),
        "panel_role": sheet.seat.panel_role.value,
        "status": sheet.status.value,
        "created_at": _plain(sheet.created_at),
        "updated_at": _plain(sheet.updated_at),
        "submitted_at": _plain(sheet.submitted_at),
        "scores": [_score(score, numbers, young_people, context) for score in scores],
        "amendments": [_amendment(row, numbers, context) for row in sheet.amendments],
    }


def _score(
    score: Score, numbers: Mapping[int, int], young_people: bool, context: _Context
) -> dict[str, Any]:
    item = score.plan_item
    return {
        "question_number": numbers.get(item.id),
        **_question(item, young_people, context),
        "score": score.score,
        "no_evidence": score.no_evidence,
        "evidence": context.redact(score.evidence),
    }


def _question(item: PlanItem, young_people: bool, context: _Context) -> dict[str, Any]:
    """The question in the words the panel member was given: the plan as issued, in the
    young people's version on a young people's panel. Before issue, the bank's wording."""
    content = item.frozen_content
    issued = content is not None
    if content is None:
        row = question_row(item.question_id)
        content = dict(row.current.content) if row is not None else {}
    text = (young_people and content.get("young_people_variant")) or content.get("question")
    attribute = str(content.get("attribute", ""))
    return {
        "question_id": item.question_id,
        "question_version": item.question_version_number,
        "attribute": attribute,
        "attribute_name": context.attribute_name(attribute),
        "question": text,
        "question_as_issued": issued,
    }


def _attribute_names() -> dict[str, str]:
    try:
        return {attribute.key: attribute.name for attribute in current_bank().attributes}
    except BankNotLoaded:
        return {}


def _amendment(
    amendment: ScoreAmendment, numbers: Mapping[int, int], context: _Context
) -> dict[str, Any]:
    redact = context.redact
    return {
        "question_number": numbers.get(amendment.plan_item_id),
        "question_id": amendment.plan_item.question_id,
        "before": {
            "score": amendment.previous_score,
            "no_evidence": amendment.previous_no_evidence,
            "evidence": redact(amendment.previous_evidence),
        },
        "after": {
            "score": amendment.new_score,
            "no_evidence": amendment.new_no_evidence,
            "evidence": redact(amendment.new_evidence),
        },
        "reason": redact(amendment.reason),
        "amended_by": context.people.label(amendment.amended_by_id),
        "amended_at": _plain(amendment.amended_at),
    }


def _agreed_score(row: AgreedScore, context: _Context) -> dict[str, Any]:
    return {
        "attribute": row.attribute,
        "attribute_name": context.attribute_name(row.attribute),
        "formula_score": row.formula_score,
        "agreed": row.agreed,
        "rationale": context.redact(row.rationale),
        "recorded_by": context.people.label(row.recorded_by_id),
        "recorded_at": _plain(row.recorded_at),
    }


def _decision(decision: CandidateDecision, context: _Context) -> dict[str, Any]:
    return {
        "outcome": decision.outcome.value,
        "reasons": context.redact(decision.reasons),
        "floor_override_reason": context.redact(decision.floor_override_reason),
        "recorded_by": context.people.label(decision.recorded_by_id),
        "recorded_at": _plain(decision.recorded_at),
    }


def _conflict(conflict: ConflictOfInterest, context: _Context) -> dict[str, Any]:
    """The fact of the declaration and its wording; the declarer by label only."""
    return {
        "declared_by": context.people.label(conflict.user_id),
        "description": context.redact(conflict.description),
        "declared_at": _plain(conflict.declared_at),
    }


def _audit_event(event: AuditEvent, context: _Context) -> dict[str, Any]:
    """The event without the staff member's identity: no email, user id or IP address."""
    if event.user_id is not None:
        actor = context.people.label(event.user_id)
    elif "@" in event.actor:
        actor = REMOVED_ACCOUNT  # the account was deleted; the email stays behind
    else:
        actor = context.redact(event.actor) or NOT_RECORDED  # "command line", "system"
    detail = {
        key: context.redact.value(value)
        for key, value in (event.detail or {}).items()
        if not _STAFF_DETAIL_KEY.search(key)
    }
    return {
        "occurred_at": _plain(event.occurred_at),
        "action": event.action,
        "subject_type": event.object_type,
        "subject_id": event.object_id,
        "actor": actor,
        "detail": detail,
    }
