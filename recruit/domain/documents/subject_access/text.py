"""The words of a subject access export's Word document, and its values as text.

The explanations shared with the JSON (``about_texts``), readable names for fields, record
types and actions, and how each JSON value is shown: dates in the GOV.UK style in UK time,
scores, numbers, yes/no, "Not recorded" for null. Every string is cleaned on its way out
(see ``text_safety``).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from typing import Any

from recruit.domain.documents.scoring_summary.text import date_text, datetime_text
from recruit.domain.documents.word.text_safety import clean_for_document
from recruit.domain.documents.word.writer import one_line
from recruit.domain.scoring.model import OUTCOME_LABELS

TITLE = "Information we hold about you"
CONFIDENTIAL_HEADER = "Confidential: subject access"
NONE_RECORDED = "None recorded."
NOT_RECORDED = "Not recorded"
NOT_SCORED = "Not scored"
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
    "check.recorded": "Pre-employment check recorded",
    "candidate.appointed_before_checks": "Appointed before the pre-employment checks were complete",
    "reference.added": "Reference recorded",
    "reference.updated": "Reference updated",
}
OUTCOMES: Mapping[str, str] = {str(key): label for key, label in OUTCOME_LABELS.items()}
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


def question_text(score: Mapping[str, Any]) -> str:
    attribute = one_line(str(score.get("attribute_name") or score.get("attribute") or ""))
    title = f"{score.get('question_number') or '?'}. {attribute}".strip()
    text = clean_for_document(str(score.get("question") or "Question text not recorded"))
    if not score.get("question_as_issued", True):
        text += "\n(The plan was not issued: this is the question bank's current wording.)"
    return f"{title}\n{text}"


def score_text(answer: Mapping[str, Any]) -> str:
    if answer.get("no_evidence"):
        return "No evidence"
    return NOT_SCORED if answer.get("score") is None else str(answer["score"])


def answer_text(answer: Mapping[str, Any]) -> str:
    """A score as it was before or after a change: the figure, then the evidence note."""
    return f"{score_text(answer)}\nEvidence: {free_text(answer.get('evidence'))}"


def number_text(value: object) -> str:
    if value is None:
        return NOT_RECORDED
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def free_text(value: object, missing: str = "None") -> str:
    """A note or reason, cleaned for Word; ``missing`` when there is none or it is blank."""
    text = clean_for_document(str(value)) if value is not None else ""
    return text if text.strip() else missing


def value_text(value: object) -> str:
    """A JSON value as text: ISO dates in GOV.UK style, yes/no, and "Not recorded" for null."""
    if value is None:
        return NOT_RECORDED
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        if _ISO_DATETIME.match(value):
            return when_text(value)
        if _ISO_DATE.match(value):
            try:
                return date_text(datetime.date.fromisoformat(value))
            except ValueError:
                return free_text(value)
        return free_text(value)
    if isinstance(value, dict | list):
        return clean_for_document(json.dumps(value, ensure_ascii=False))
    return str(value)


def when_text(value: object) -> str:
    """An ISO 8601 date and time in UK time, GOV.UK style; an unreadable one as it stands."""
    if not isinstance(value, str) or not value:
        return NOT_RECORDED
    try:
        return datetime_text(datetime.datetime.fromisoformat(value))
    except ValueError:
        return one_line(value)


def action_text(action: str) -> str:
    """An action code such as candidate.updated as words; the JSON keeps the code."""
    words = one_line(re.sub(r"[._]+", " ", action)).strip()
    return ACTIONS.get(action) or (words[:1].upper() + words[1:]) or NOT_RECORDED


def detail_text(detail: Mapping[str, Any]) -> str:
    if not detail:
        return "None"
    parts = []
    for key, value in detail.items():
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        parts.append(f"{key.replace('_', ' ')}: {shown}")
    return clean_for_document("\n".join(parts))
