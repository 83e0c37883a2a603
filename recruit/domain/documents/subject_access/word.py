"""A subject access export as a Word document: the readable half of ``subject-access.json``.

It is drawn from the same dictionary as the JSON (``recruit.subject_access`` builds it), so
the two always hold the same facts. It runs: title and what the document is; the candidate
record; the vacancy; how panel members are identified; each stage the candidate was assessed
at (every score sheet with its questions as issued, scores and notes, then changes to scores,
agreed scores and the outcome); conflicts of interest declared; and the record of actions.

Headings are real Heading 1 to 3 paragraphs and every table has a repeating header row and a
caption, so a screen reader can move through it. Every string is cleaned on its way in (see
``text_safety``): a note full of control characters, right-to-left text or emoji still opens.

The words and how values are shown are in ``subject_access.text``; each stage's section is
written by ``subject_access.stages``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument

from recruit.domain.candidates import CANDIDATE_STATUSES
from recruit.domain.documents.scoring_summary.parts import heading
from recruit.domain.documents.subject_access.shortlisting import write_shortlisting
from recruit.domain.documents.subject_access.stages import write_stage
from recruit.domain.documents.subject_access.text import (
    ABOUT,
    ACTIONS,
    CANDIDATE_FIELDS,
    CONFIDENTIAL_HEADER,
    NONE_RECORDED,
    NOT_RECORDED,
    NOT_SCORED,
    SHEET_STATUSES,
    SUBJECTS,
    TITLE,
    Export,
    about_texts,
    action_text,
    detail_text,
    document_title,
    free_text,
    value_text,
    when_text,
)
from recruit.domain.documents.word.document import DocumentMeta, document_bytes, start_document
from recruit.domain.documents.word.writer import PackWriter, one_line

__all__ = [
    "ABOUT",
    "ACTIONS",
    "CANDIDATE_FIELDS",
    "CONFIDENTIAL_HEADER",
    "NONE_RECORDED",
    "NOT_RECORDED",
    "NOT_SCORED",
    "SHEET_STATUSES",
    "SUBJECTS",
    "TITLE",
    "Export",
    "about_texts",
    "build_subject_access_document",
    "document_title",
    "subject_access_docx_bytes",
]


def build_subject_access_document(
    export: Export,
    reference: Path | None = None,
    *,
    now: datetime.datetime | None = None,
) -> DocxDocument:
    """The readable export, styled by ``reference`` if given (python-docx's template if not)."""
    document = start_document(_document_meta(export, reference, now))
    writer = PackWriter(document)
    heading(writer, document_title(export), 1)
    for text in export.get("about", {}).values():
        writer.paragraph(str(text))
    _write_candidate(writer, export["candidate"])
    _write_vacancy(writer, export["vacancy"])
    _write_people(writer, export.get("people", []))
    for stage in export.get("stages", []):
        write_stage(writer, stage)
    _write_conflicts(writer, export.get("conflicts_of_interest", []))
    _write_checks(writer, export.get("pre_employment_checks", []))
    _write_references(writer, export.get("references", []))
    write_shortlisting(writer, export.get("shortlisting"))
    _write_equality(writer, export.get("equality_monitoring", []))
    _write_audit(writer, export.get("audit_events", []))
    return document


def subject_access_docx_bytes(
    export: Export, reference: Path | None = None, *, now: datetime.datetime | None = None
) -> bytes:
    """The document as .docx bytes, made in memory: it is all personal data."""
    return document_bytes(build_subject_access_document(export, reference, now=now))


def _document_meta(
    export: Export, reference: Path | None, now: datetime.datetime | None
) -> DocumentMeta:
    """ "Confidential" with the organisation at the top; when it was made and page numbers
    at the foot, on every section."""
    organisation = one_line(str(export.get("organisation", "")))
    header = f"{organisation} \u00b7 {CONFIDENTIAL_HEADER}" if organisation else CONFIDENTIAL_HEADER
    return DocumentMeta(
        title=document_title(export),
        subject="Subject access request",
        organisation=organisation,
        header=header,
        footer=f"Generated {when_text(export['generated_at'])}",
        reference=reference,
        keywords="",
        created=now,
    )


def _write_candidate(writer: PackWriter, candidate: Mapping[str, Any]) -> None:
    heading(writer, "Your candidate record", 2)
    rows = []
    for key, value in candidate.items():
        label = CANDIDATE_FIELDS.get(key) or key.replace("_", " ").capitalize()
        if key == "status":
            value = CANDIDATE_STATUSES.get(str(value), value)
        rows.append((label, value_text(value)))
    writer.table(("Item", "What we hold"), rows, (0.3, 0.7), caption="Your candidate record")


def _write_vacancy(writer: PackWriter, vacancy: Mapping[str, Any]) -> None:
    heading(writer, "The vacancy you applied for", 2)
    rows = [
        ("Title", value_text(vacancy.get("title"))),
        ("Service area", value_text(vacancy.get("service_area"))),
        ("Location", value_text(vacancy.get("location"))),
        ("Closing date", value_text(vacancy.get("closing_date"))),
    ]
    writer.table(("Item", "Details"), rows, (0.3, 0.7), caption="The vacancy")


def _write_people(writer: PackWriter, people: Sequence[Mapping[str, Any]]) -> None:
    heading(writer, "How the people who assessed you are identified", 2)
    if not people:
        writer.paragraph(NONE_RECORDED)
        return
    rows = []
    for person in people:
        roles = "; ".join(
            f"{one_line(role['panel_role_label'])}, {one_line(role['stage'])}"
            for role in person.get("roles", [])
        )
        rows.append((one_line(person["label"]), roles or "Not on a panel for this vacancy"))
    writer.table(("Person", "Role on the panel"), rows, (0.35, 0.65), caption="People")


def _write_conflicts(writer: PackWriter, conflicts: Sequence[Mapping[str, Any]]) -> None:
    heading(writer, "Conflicts of interest declared about you", 2)
    if not conflicts:
        writer.paragraph(NONE_RECORDED)
        return
    writer.paragraph("A panel member who declares a conflict of interest does not score you.")
    rows = [
        (
            one_line(c["declared_by"]),
            when_text(c.get("declared_at")),
            free_text(c.get("description")),
        )
        for c in conflicts
    ]
    writer.table(
        ("Declared by", "When", "What they declared"),
        rows,
        (0.25, 0.2, 0.55),
        caption="Conflicts of interest",
    )


def _write_equality(writer: PackWriter, answers: Sequence[Mapping[str, Any]]) -> None:
    heading(writer, "Equality monitoring", 2)
    if not answers:
        writer.paragraph(NONE_RECORDED)
        return
    writer.paragraph(
        "Your answers to the equality monitoring questions. They were kept apart from the "
        "selection: no panel member or reviewer saw them, and they are counted only in the "
        "council's fair-selection report, where small numbers are hidden."
    )
    rows = [
        (one_line(str(a.get("question", ""))), one_line(str(a.get("answer", "")))) for a in answers
    ]
    writer.table(("Question", "Your answer"), rows, (0.6, 0.4), caption="Equality monitoring")


def _write_checks(writer: PackWriter, checks: Sequence[Mapping[str, Any]]) -> None:
    heading(writer, "Pre-employment checks", 2)
    if not checks:
        writer.paragraph(NONE_RECORDED)
        return
    writer.paragraph(
        "The checks made before an appointment: what was checked, when, the outcome and who "
        "verified it. No certificate's content is held."
    )
    rows = [
        (
            one_line(str(c.get("check", ""))),
            one_line(str(c.get("status", ""))),
            value_text(c.get("requested_on")),
            value_text(c.get("completed_on")),
            free_text(" ".join(filter(None, (c.get("outcome"), c.get("not_required_reason"))))),
            one_line(str(c.get("verified_by", ""))),
        )
        for c in checks
    ]
    writer.table(
        ("Check", "Status", "Requested", "Completed", "Outcome", "Verified by"),
        rows,
        (0.2, 0.14, 0.14, 0.14, 0.22, 0.16),
        caption="Pre-employment checks",
    )


def _write_references(writer: PackWriter, references: Sequence[Mapping[str, Any]]) -> None:
    heading(writer, "References", 2)
    if not references:
        writer.paragraph(NONE_RECORDED)
        return
    writer.paragraph(
        "The references taken up for you: when each was requested, received and scrutinised, "
        "and whether it raised a concern. Your referees are not named, and what a reference "
        "said is not given: that is your referee's information."
    )
    rows = [
        (
            one_line(str(r.get("referee", ""))),
            one_line(str(r.get("status", ""))),
            value_text(r.get("requested_on")),
            value_text(r.get("received_on")),
            value_text(r.get("scrutinised_on")),
            one_line(str(r.get("scrutinised_by") or "")),
        )
        for r in references
    ]
    writer.table(
        ("Reference", "Status", "Requested", "Received", "Scrutinised", "Scrutinised by"),
        rows,
        (0.26, 0.16, 0.14, 0.14, 0.14, 0.16),
        caption="References",
    )


def _write_audit(writer: PackWriter, events: Sequence[Mapping[str, Any]]) -> None:
    heading(writer, "Record of actions about you", 2)
    if not events:
        writer.paragraph(NONE_RECORDED)
        return
    rows = [
        (
            when_text(event.get("occurred_at")),
            action_text(str(event.get("action", ""))),
            one_line(SUBJECTS.get(event.get("subject_type", ""), event.get("subject_type") or "")),
            one_line(str(event.get("actor", ""))),
            detail_text(event.get("detail") or {}),
        )
        for event in events
    ]
    writer.table(
        ("When", "Action", "About", "By", "Details"),
        rows,
        (0.17, 0.2, 0.19, 0.17, 0.27),
        caption="Record of actions",
    )
