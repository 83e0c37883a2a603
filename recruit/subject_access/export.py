"""Building a subject access export: the JSON document's dictionary, and the zip of the
JSON and the Word document made from it."""

from __future__ import annotations

import datetime
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from flask import current_app
from sqlalchemy import select

from recruit.domain.documents.subject_access.word import about_texts, subject_access_docx_bytes
from recruit.extensions import db
from recruit.models import AppointmentDecision, Candidate
from recruit.models._types import utcnow
from recruit.subject_access.people import People
from recruit.subject_access.records import (
    Context,
    appointment_record,
    audit_event_record,
    bank_attribute_names,
    candidate_record,
    check_record,
    conflict_record,
    equality_record,
    json_value,
    reference_record,
    vacancy_record,
)
from recruit.subject_access.redaction import Redactor
from recruit.subject_access.rows import COVERED_TABLES, Rows
from recruit.subject_access.shortlisting_records import shortlisting_record
from recruit.subject_access.stage_records import stage_record

FORMAT = "recruit-subject-access"
FORMAT_VERSION = 1
JSON_NAME = "subject-access.json"
DOCX_NAME = "subject-access.docx"


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
    rows = Rows.load(candidate)
    people = People.for_export(rows)
    redact = Redactor.for_export(candidate, people)
    context = Context(rows, people, redact, bank_attribute_names())
    organisation = current_app.config["ORGANISATION_NAME"]
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generated_at": json_value(now or utcnow()),
        "organisation": organisation,
        "about": about_texts(organisation),
        "candidate": candidate_record(candidate, redact),
        "vacancy": vacancy_record(rows.vacancy),
        "people": people.listing(rows.vacancy),
        "stages": [stage_record(stage, context) for stage in rows.stages],
        "conflicts_of_interest": [conflict_record(c, context) for c in rows.conflicts],
        "appointment": appointment_record(_appointment(candidate), context),
        "pre_employment_checks": [check_record(c, context) for c in rows.checks],
        "references": [
            reference_record(r, number, context)
            for number, r in enumerate(rows.references, start=1)
        ],
        "shortlisting": shortlisting_record(context),
        "equality_monitoring": equality_record(rows.equality),
        "audit_events": [audit_event_record(e, context) for e in rows.events],
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


def _appointment(candidate: Candidate) -> AppointmentDecision | None:
    return db.session.scalar(
        select(AppointmentDecision).where(AppointmentDecision.candidate_id == candidate.id)
    )
