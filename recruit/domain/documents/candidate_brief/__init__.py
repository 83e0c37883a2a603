"""The candidate brief: what a stage's candidates receive before the day for each exercise
whose brief is sent in advance (a presentation topic, say), in the words of the plan as
issued. It names no panel member and no other candidate, so one document serves everyone.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument

from recruit.domain.adverts.draft import format_govuk_date
from recruit.domain.documents.interview_pack.exercises import timing_text
from recruit.domain.documents.interview_pack.model import PackExercise
from recruit.domain.documents.word.document import DocumentMeta, document_bytes, start_document
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.domain.documents.word.writer import PackWriter, one_line, running_text

__all__ = [
    "CandidateBriefContext",
    "advance_briefs",
    "build_candidate_brief",
    "candidate_brief_bytes",
    "candidate_brief_filename",
]

INTRO = (
    "Thank you for your interest in this post. Before the day, please read the brief for "
    "each exercise below and prepare as it asks. The panel will score what you present "
    "and how you answer its questions, against the leadership attributes named."
)


@dataclass(frozen=True)
class CandidateBriefContext:
    organisation_name: str
    vacancy_title: str
    stage_name: str
    stage_date: datetime.date | None
    location: str
    exercises: tuple[PackExercise, ...]  # those whose brief goes out in advance


def advance_briefs(exercises: Sequence[PackExercise]) -> tuple[PackExercise, ...]:
    return tuple(exercise for exercise in exercises if exercise.brief_in_advance)


def build_candidate_brief(
    context: CandidateBriefContext, reference: Path | None = None
) -> DocxDocument:
    title = f"Candidate brief \u2013 {one_line(context.stage_name)}"
    document = start_document(
        DocumentMeta(
            title=f"{title} \u2013 {one_line(context.vacancy_title)}",
            subject="Exercises to prepare before the assessment day",
            organisation=one_line(context.organisation_name),
            header=running_text(context.organisation_name),
            footer=running_text(f"{context.vacancy_title} \u00b7 {context.stage_name}"),
            reference=reference,
        )
    )
    writer = PackWriter(document)
    writer.heading(title, 1)
    writer.paragraph(context.vacancy_title, label="Post:")
    when = format_govuk_date(context.stage_date) if context.stage_date else "To be confirmed"
    writer.paragraph(when, label="Date:")
    if context.location:
        writer.paragraph(context.location, label="Where:")
    writer.paragraph(INTRO)
    for exercise in context.exercises:
        writer.heading(one_line(exercise.title), 2)
        writer.paragraph(timing_text(exercise), label="Time:")
        writer.paragraph("; ".join(exercise.attribute_names), label="What it assesses:")
        writer.paragraph(exercise.candidate_brief)
    return document


def candidate_brief_bytes(context: CandidateBriefContext, reference: Path | None = None) -> bytes:
    return document_bytes(build_candidate_brief(context, reference))


def candidate_brief_filename(stage_name: str, vacancy_title: str) -> str:
    return safe_download_filename(f"Candidate brief - {stage_name} - {vacancy_title}", "docx")[0]
