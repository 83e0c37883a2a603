"""A subject access export as a Word document: the readable half of ``subject-access.json``.

It is drawn from the same dictionary as the JSON (``recruit.subject_access`` builds it), so
the two always hold the same facts. It runs: title and what the document is; the candidate
record; the vacancy; how panel members are identified; each stage the candidate was assessed
at (every score sheet with its questions as issued, scores and notes, then changes to scores,
agreed scores and the outcome); conflicts of interest declared; and the record of actions.

Headings are real Heading 1 to 3 paragraphs and every table has a repeating header row and a
caption, so a screen reader can move through it. Every string is cleaned on its way in (see
``text_safety``): a note full of control characters, right-to-left text or emoji still opens.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument

from recruit.domain.candidate_import import CANDIDATE_STATUSES
from recruit.domain.documents.advert_export import (
    LANGUAGE,
    _set_default_language,
    _start_document,
    _write_first_text_paragraph,
)
from recruit.domain.documents.interview_pack_word import (
    PackWriter,
    ensure_page_numbers,
    one_line,
)
from recruit.domain.documents.scoring_summary_parts import heading
from recruit.domain.documents.scoring_summary_text import date_text, datetime_text
from recruit.domain.documents.text_safety import clean_for_document
from recruit.domain.scoring_model import OUTCOME_LABELS

TITLE = "Information we hold about you"
CONFIDENTIAL_HEADER = "Confidential: subject access"
NONE_RECORDED = "None recorded."
NOT_RECORDED = "Not recorded"
NOT_SCORED = "Not scored"
_CORE_PROPERTY_LIMIT = 255  # python-docx refuses longer core properties
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?$")

# The texts that explain the export, in both files. ``{organisation}`` is filled in.
ABOUT = {
    "purpose": (
        "This is a copy of the personal information {organisation} holds about you in its "
        "recruitment system, given in answer to your subject access request under Article 15 "
        "of the UK General Data Protection Regulation. subject-access.json holds the same "
        "information in a form a computer can read."
    ),
    "panel_members": (
        "The people who assessed you are named by their role and a number, such as "
        "\u201cPanel member 2 (Chair)\u201d, not by name: their names and contact details are "
        "their own personal information. The same number means the same person throughout. "
        "Other staff who recorded something about you are named \u201cStaff member\u201d and a "
        "number in the same way."
    ),
    "redaction": (
        "Where a note or a recorded reason names a member of staff or another candidate, the "
        "name or email address has been replaced by a label in square brackets. Nothing else "
        "has been changed or left out."
    ),
    "drafts": (
        "A score sheet marked \u201cdraft\u201d was not submitted by the panel member; it is "
        "included because we hold it. \u201cNo evidence\u201d means the panel member found "
        "nothing to score in your answer; it is not a low score."
    ),
    "dates": (
        "In subject-access.json, dates and times are ISO 8601 and times are in UTC. In this "
        "document, times are UK time."
    ),
}

# Readable names for the candidate record's fields; a field not named here (a new column)
# still appears, with its name made readable.
CANDIDATE_FIELDS = {
    "id": "Record number",
    "vacancy_id": "Vacancy number",
    "code": "Candidate code",
    "first_name": "First name",
    "last_name": "Last name",
    "email": "Email address",
    "phone": "Phone number",
    "current_role": "Current role",
    "current_employer": "Current employer",
    "application_date": "Application date",
    "status": "Status",
    "notes": "Notes",
    "created_at": "Record created",
    "updated_at": "Record last changed",
}
SUBJECTS = {
    "Candidate": "Your candidate record",
    "ScoreSheet": "A score sheet about you",
    "CandidateDecision": "The outcome recorded for you",
    "AgreedScore": "An agreed score for you",
    "ConflictOfInterest": "A conflict of interest declared about you",
}
ACTIONS = {
    "sar.exported": "Subject access export made",
    "conflict.declared": "Conflict of interest declared",
    "moderation.recorded": "Outcome recorded at moderation",
}
_OUTCOMES: Mapping[str, str] = {str(key): label for key, label in OUTCOME_LABELS.items()}
SHEET_STATUSES = {"draft": "Draft (not submitted)", "submitted": "Submitted"}

Export = Mapping[str, Any]


def about_texts(organisation: str) -> dict[str, str]:
    """The explanations, with the organisation's name, for the JSON and for this document."""
    name = one_line(organisation) or "the council"
    return {key: text.replace("{organisation}", name) for key, text in ABOUT.items()}


def document_title(export: Export) -> str:
    candidate = export["candidate"]
    name = one_line(f"{candidate.get('first_name', '')} {candidate.get('last_name', '')}")
    return f"{TITLE}: {name}" if name else TITLE


def build_subject_access_document(
    export: Export,
    reference: Path | None = None,
    *,
    now: datetime.datetime | None = None,
) -> DocxDocument:
    """The readable export, styled by ``reference`` if given (python-docx's template if not)."""
    document = _start_document(reference)
    _set_properties(document, export, now or datetime.datetime.now(datetime.UTC))
    _set_default_language(document)
    organisation = one_line(str(export.get("organisation", "")))
    header = f"{organisation} \u00b7 {CONFIDENTIAL_HEADER}" if organisation else CONFIDENTIAL_HEADER
    for section in document.sections:
        _write_first_text_paragraph(section.header, header)
        _write_first_text_paragraph(section.footer, f"Generated {_when(export['generated_at'])}")
        ensure_page_numbers(section.footer)
    writer = PackWriter(document)
    heading(writer, document_title(export), 1)
    for text in export.get("about", {}).values():
        writer.paragraph(str(text))
    _write_candidate(writer, export["candidate"])
    _write_vacancy(writer, export["vacancy"])
    _write_people(writer, export.get("people", []))
    for stage in export.get("stages", []):
        _write_stage(writer, stage)
    _write_conflicts(writer, export.get("conflicts_of_interest", []))
    _write_audit(writer, export.get("audit_events", []))
    return document


def subject_access_docx_bytes(
    export: Export, reference: Path | None = None, *, now: datetime.datetime | None = None
) -> bytes:
    """The document as .docx bytes, made in memory: it is all personal data."""
    buffer = BytesIO()
    build_subject_access_document(export, reference, now=now).save(buffer)
    return buffer.getvalue()


def _set_properties(document: DocxDocument, export: Export, now: datetime.datetime) -> None:
    properties = document.core_properties
    properties.title = document_title(export)[:_CORE_PROPERTY_LIMIT]
    properties.subject = "Subject access request"
    properties.language = LANGUAGE
    organisation = one_line(str(export.get("organisation", "")))[:_CORE_PROPERTY_LIMIT]
    properties.author = properties.last_modified_by = organisation
    properties.comments = ""
    properties.keywords = ""
    properties.created = properties.modified = now


def _write_candidate(writer: PackWriter, candidate: Mapping[str, Any]) -> None:
    heading(writer, "Your candidate record", 2)
    rows = []
    for key, value in candidate.items():
        label = CANDIDATE_FIELDS.get(key) or key.replace("_", " ").capitalize()
        if key == "status":
            value = CANDIDATE_STATUSES.get(str(value), value)
        rows.append((label, _value(value)))
    writer.table(("Item", "What we hold"), rows, (0.3, 0.7), caption="Your candidate record")


def _write_vacancy(writer: PackWriter, vacancy: Mapping[str, Any]) -> None:
    heading(writer, "The vacancy you applied for", 2)
    rows = [
        ("Title", _value(vacancy.get("title"))),
        ("Service area", _value(vacancy.get("service_area"))),
        ("Location", _value(vacancy.get("location"))),
        ("Closing date", _value(vacancy.get("closing_date"))),
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


def _write_stage(writer: PackWriter, stage: Mapping[str, Any]) -> None:
    name = one_line(stage["name"])
    heading(writer, f"Stage: {name}", 2)
    moderation = stage.get("moderation")
    rows = [
        ("Type", _value(stage.get("type_label"))),
        ("Date held", _value(stage.get("held_on"))),
        ("Questions issued", _value(stage.get("plan_issued_at"))),
        ("Moderation opened", _value(moderation and moderation.get("opened_at"))),
    ]
    if moderation and moderation.get("closed_early"):
        rows.append(("Scoring", "Closed early by the chair; unsubmitted drafts were left out"))
    writer.table(("Item", "Details"), rows, (0.3, 0.7), caption=f"About the stage {name}")
    for sheet in stage.get("score_sheets", []):
        _write_sheet(writer, sheet, name)
    _write_agreed(writer, stage.get("agreed_scores", []), name)
    _write_decision(writer, stage.get("decision"), name)


def _write_sheet(writer: PackWriter, sheet: Mapping[str, Any], stage: str) -> None:
    assessor = one_line(sheet["assessor"])
    heading(writer, f"Scores from {assessor}", 3)
    status = SHEET_STATUSES.get(sheet["status"], str(sheet["status"]))
    submitted = sheet.get("submitted_at")
    when = f" on {_when(submitted)}" if submitted else ""
    writer.paragraph(f"{status}{when}. Last changed {_when(sheet.get('updated_at'))}.")
    rows = [
        (_question(score), _score(score), _text(score.get("evidence")))
        for score in sheet.get("scores", [])
    ]
    caption = f"Scores from {assessor}, {stage}"
    if rows:
        writer.table(
            ("Question as issued", "Score", "Evidence noted"),
            rows,
            (0.4, 0.12, 0.48),
            caption=caption,
        )
    else:
        writer.paragraph("No scores entered.")
    amendments = sheet.get("amendments", [])
    if amendments:
        heading(writer, f"Changes to the scores from {assessor}", 3)
        changes = [
            (
                f"Question {amendment['question_number']}",
                _answer(amendment["before"]),
                _answer(amendment["after"]),
                _text(amendment.get("reason")),
                f"{one_line(amendment['amended_by'])}, {_when(amendment.get('amended_at'))}",
            )
            for amendment in amendments
        ]
        writer.table(
            ("Question", "Before", "After", "Reason", "Who and when"),
            changes,
            (0.15, 0.21, 0.21, 0.23, 0.2),
            caption=f"Changes to the scores from {assessor}, {stage}",
        )


def _write_agreed(writer: PackWriter, agreed: Sequence[Mapping[str, Any]], stage: str) -> None:
    if not agreed:
        return
    heading(writer, "Scores the panel agreed", 3)
    rows = [
        (
            one_line(row.get("attribute_name") or row["attribute"]),
            _number(row.get("formula_score")),
            _number(row.get("agreed")),
            _text(row.get("rationale")),
            f"{one_line(row['recorded_by'])}, {_when(row.get('recorded_at'))}",
        )
        for row in agreed
    ]
    writer.table(
        ("Attribute", "Panel mean", "Agreed score", "Rationale", "Recorded by"),
        rows,
        (0.2, 0.12, 0.12, 0.36, 0.2),
        caption=f"Agreed scores, {stage}",
    )


def _write_decision(writer: PackWriter, decision: Mapping[str, Any] | None, stage: str) -> None:
    if not decision:
        return
    heading(writer, "Outcome", 3)
    outcome = str(decision.get("outcome", ""))
    rows = [
        ("Outcome", one_line(_OUTCOMES.get(outcome, outcome))),
        ("Reasons", _text(decision.get("reasons"))),
        ("Values floor override", _text(decision.get("floor_override_reason"), "Not applicable")),
        ("Recorded by", one_line(decision["recorded_by"])),
        ("Recorded on", _when(decision.get("recorded_at"))),
    ]
    writer.table(("Item", "Details"), rows, (0.3, 0.7), caption=f"Outcome, {stage}")


def _write_conflicts(writer: PackWriter, conflicts: Sequence[Mapping[str, Any]]) -> None:
    heading(writer, "Conflicts of interest declared about you", 2)
    if not conflicts:
        writer.paragraph(NONE_RECORDED)
        return
    writer.paragraph("A panel member who declares a conflict of interest does not score you.")
    rows = [
        (one_line(c["declared_by"]), _when(c.get("declared_at")), _text(c.get("description")))
        for c in conflicts
    ]
    writer.table(
        ("Declared by", "When", "What they declared"),
        rows,
        (0.25, 0.2, 0.55),
        caption="Conflicts of interest",
    )


def _write_audit(writer: PackWriter, events: Sequence[Mapping[str, Any]]) -> None:
    heading(writer, "Record of actions about you", 2)
    if not events:
        writer.paragraph(NONE_RECORDED)
        return
    rows = [
        (
            _when(event.get("occurred_at")),
            _action(str(event.get("action", ""))),
            one_line(SUBJECTS.get(event.get("subject_type", ""), event.get("subject_type") or "")),
            one_line(str(event.get("actor", ""))),
            _detail(event.get("detail") or {}),
        )
        for event in events
    ]
    writer.table(
        ("When", "Action", "About", "By", "Details"),
        rows,
        (0.17, 0.2, 0.19, 0.17, 0.27),
        caption="Record of actions",
    )


def _question(score: Mapping[str, Any]) -> str:
    attribute = one_line(str(score.get("attribute_name") or score.get("attribute") or ""))
    title = f"{score.get('question_number') or '?'}. {attribute}".strip()
    text = clean_for_document(str(score.get("question") or "Question text not recorded"))
    if not score.get("question_as_issued", True):
        text += "\n(The plan was not issued: this is the question bank's current wording.)"
    return f"{title}\n{text}"


def _score(answer: Mapping[str, Any]) -> str:
    if answer.get("no_evidence"):
        return "No evidence"
    return NOT_SCORED if answer.get("score") is None else str(answer["score"])


def _answer(answer: Mapping[str, Any]) -> str:
    """A score as it was before or after a change: the figure, then the evidence note."""
    return f"{_score(answer)}\nEvidence: {_text(answer.get('evidence'))}"


def _number(value: object) -> str:
    if value is None:
        return NOT_RECORDED
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def _text(value: object, missing: str = "None") -> str:
    text = clean_for_document(str(value)) if value is not None else ""
    return text if text.strip() else missing


def _value(value: object) -> str:
    """A JSON value as text: ISO dates in GOV.UK style, yes/no, and "Not recorded" for null."""
    if value is None:
        return NOT_RECORDED
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        if _ISO_DATETIME.match(value):
            return _when(value)
        if _ISO_DATE.match(value):
            try:
                return date_text(datetime.date.fromisoformat(value))
            except ValueError:
                return _text(value)
        return _text(value)
    if isinstance(value, dict | list):
        return clean_for_document(json.dumps(value, ensure_ascii=False))
    return str(value)


def _when(value: object) -> str:
    if not isinstance(value, str) or not value:
        return NOT_RECORDED
    try:
        return datetime_text(datetime.datetime.fromisoformat(value))
    except ValueError:
        return one_line(value)


def _action(action: str) -> str:
    """An action code such as candidate.updated as words; the JSON keeps the code."""
    words = one_line(re.sub(r"[._]+", " ", action)).strip()
    return ACTIONS.get(action) or (words[:1].upper() + words[1:]) or NOT_RECORDED


def _detail(detail: Mapping[str, Any]) -> str:
    if not detail:
        return "None"
    parts = []
    for key, value in detail.items():
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        parts.append(f"{key.replace('_', ' ')}: {shown}")
    return clean_for_document("\n".join(parts))
