"""Candidates' timetables as one Word document: a page (a Word section) for each candidate.

Each page names the candidate as the packs label them, the post, where to arrive, and each
date with the times and the stages they are due at, in time order, with the breaks between
them; a stage without a start time says "Times to be confirmed", and a clash is stated so
HR puts it right before the timetable is sent. Every string is cleaned on its way in:
``PackWriter`` cleans what it writes; the properties, header and footer go through
``one_line`` and ``running_text``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section

from recruit.domain.adverts.draft import format_govuk_date
from recruit.domain.documents.word import (
    DocumentMeta,
    PackWriter,
    document_bytes,
    one_line,
    running_text,
    safe_download_filename,
    start_document,
)
from recruit.domain.timetable import CandidateDay, CandidateTimetable, VacancyTimetable

__all__ = [
    "CandidateTimetableContext",
    "TIMETABLE_TITLE",
    "build_candidate_timetable",
    "candidate_heading",
    "candidate_timetable_bytes",
    "candidate_timetable_filename",
    "day_heading",
]

TIMETABLE_TITLE = "Interview timetable"
DATE_TO_BE_CONFIRMED = "Date to be confirmed"
DAY_COLUMNS = ("Time", "Where you are due")
NO_CANDIDATES = "No candidates are taking part yet."
NO_STAGES = "No interview stages have been set up yet."
# Schema order of w:sectPr children (ECMA-376 CT_SectPr) after w:pgNumType.
_AFTER_PAGE_NUMBERS = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)


@dataclass(frozen=True)
class CandidateTimetableContext:
    organisation_name: str
    vacancy_title: str
    location: str  # where candidates arrive
    timetable: VacancyTimetable


def build_candidate_timetable(
    context: CandidateTimetableContext,
    reference: Path | None = None,
    *,
    now: datetime.datetime | None = None,
) -> DocxDocument:
    """One section (a page of its own) per candidate, styled by ``reference`` if given."""
    document = start_document(_document_meta(context, reference, now))
    writer = PackWriter(document)
    candidates = context.timetable.candidates
    if not candidates:
        writer.heading(_title(context), 1)
        writer.paragraph(NO_CANDIDATES)
    for index, candidate in enumerate(candidates):
        if index:
            _restart_page_numbers(document.add_section(WD_SECTION.NEW_PAGE))
        _write_candidate(writer, context, candidate)
    return document


def candidate_timetable_bytes(
    context: CandidateTimetableContext, reference: Path | None = None
) -> bytes:
    return document_bytes(build_candidate_timetable(context, reference))


def candidate_timetable_filename(vacancy_title: str) -> str:
    return safe_download_filename(f"Candidate timetables - {vacancy_title}", "docx")[0]


def candidate_heading(candidate: str) -> str:
    return f"{TIMETABLE_TITLE}: {one_line(candidate)}"


def day_heading(day: CandidateDay) -> str:
    return format_govuk_date(day.held_on) if day.held_on else DATE_TO_BE_CONFIRMED


def _write_candidate(
    writer: PackWriter, context: CandidateTimetableContext, candidate: CandidateTimetable
) -> None:
    writer.heading(candidate_heading(candidate.candidate), 1)
    writer.paragraph(one_line(context.vacancy_title), label="Post:")
    writer.paragraph(one_line(context.location) or "To be confirmed", label="Where to arrive:")
    if not candidate.days:
        writer.paragraph(NO_STAGES)
    for day in candidate.days:
        _write_day(writer, day)
    for clash in candidate.clashes:
        writer.paragraph(
            f"{clash.description}. We will confirm new times before the day.", label="Clash:"
        )


def _write_day(writer: PackWriter, day: CandidateDay) -> None:
    writer.heading(day_heading(day), 2)
    writer.table(
        DAY_COLUMNS,
        [(line.time_label, one_line(line.stage_name)) for line in day.lines],
        (0.35, 0.65),
        caption=f"Your timetable for {day_heading(day)}",
        keep_together=True,
    )


def _restart_page_numbers(section: Section) -> None:
    """Each page goes to a different candidate: "Page 3" would only say others exist."""
    # A new section copies the last one's properties, so the setting may be there already.
    if section._sectPr.find(qn("w:pgNumType")) is None:
        numbering = OxmlElement("w:pgNumType", {qn("w:start"): "1"})
        section._sectPr.insert_element_before(numbering, *_AFTER_PAGE_NUMBERS)


def _title(context: CandidateTimetableContext) -> str:
    return f"{TIMETABLE_TITLE}s \u2013 {one_line(context.vacancy_title)}"


def _document_meta(
    context: CandidateTimetableContext, reference: Path | None, now: datetime.datetime | None
) -> DocumentMeta:
    return DocumentMeta(
        title=_title(context),
        subject="Each candidate's interview timetable, a page each",
        organisation=one_line(context.organisation_name),
        header=running_text(context.organisation_name),
        footer=running_text(f"{TIMETABLE_TITLE} \u00b7 {context.vacancy_title}"),
        reference=reference,
        created=now,
    )
