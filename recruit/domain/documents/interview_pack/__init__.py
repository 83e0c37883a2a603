"""Word interview packs for one stage: one per panel member and one for the chair.

A pack runs: cover; the conflict of interest declaration, to complete before the first
interview; the innovation's values and the five attributes; how to score; (for the chair)
chairing the panel; (where young people sit on the panel) supporting them; the schedule;
each question with its probes, indicators and descriptors (in a young person's pack, the
young people's version, content notes for distressing adult wording and the traffic light);
at the deciding stage, what the advisory panels reported on each candidate (advice, apart
from the sheets); (for young people and their chair) the traffic light; then, for a member
who scores, one scoring sheet per candidate, each on a new page (an adviser's pack has
none). Styles, page set-up, header and
footer come from ``exports/interview-pack-reference.docx``, so a council restyles its packs
in Word. Every string is cleaned on its way in (see ``text_safety``).
"""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from docx.document import Document as DocxDocument

from recruit.domain.documents.interview_pack.advisory import (
    ADVISORY_HEADING,
    advisory_text,
    write_advisory_reports,
)
from recruit.domain.documents.interview_pack.day_timetable import write_day_timetable
from recruit.domain.documents.interview_pack.declaration import (
    CONFLICT_TICK,
    DECLARATION_HEADING,
    write_declaration,
)
from recruit.domain.documents.interview_pack.exercises import (
    EXERCISES_HEADING,
    timing_text,
    write_exercises,
)
from recruit.domain.documents.interview_pack.guidance import (
    CHAIR_HEADING,
    FACILITATORS_HEADING,
    TRAFFIC_LIGHT_HEADING,
    reader,
    support_person,
    write_chairing,
    write_cover,
    write_facilitators_guide,
    write_schedule,
    write_scoring_guidance,
    write_traffic_light,
    write_values,
)
from recruit.domain.documents.interview_pack.model import (
    PackActivity,
    PackContext,
    PackExercise,
    PackPoint,
    PackQuestion,
    PanelSeat,
    ScheduleSlot,
)
from recruit.domain.documents.interview_pack.questions import (
    CONTENT_NOTE_LABEL,
    NO_TOTAL_ON_SHEET,
    SHEET_HEADER,
    evidence_lines,
    sheet_heading,
    write_questions,
    write_scoring_sheets,
)
from recruit.domain.documents.interview_pack.scrutiny import (
    POINTS_HEADING,
    write_points_to_explore,
)
from recruit.domain.documents.interview_pack.timetable import (
    InterviewDay,
    parse_clock_time,
    timetable,
)
from recruit.domain.documents.interview_pack.young_people import (
    YOUNG_PEOPLE_FILE,
    SchoolHoursClash,
    YoungPeopleGuide,
    YoungPeopleGuideError,
    interview_day_span,
    load_young_people_guide,
    school_hours_agreed,
    school_hours_clash,
    school_hours_warning,
)
from recruit.domain.documents.word.document import DocumentMeta, document_bytes, start_document
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.domain.documents.word.writer import PackWriter, one_line, running_text

__all__ = [
    "EXERCISES_HEADING",
    "PackActivity",
    "PackExercise",
    "timing_text",
    "ADVISORY_HEADING",
    "advisory_text",
    "CHAIR_HEADING",
    "CONFLICT_TICK",
    "CONTENT_NOTE_LABEL",
    "DECLARATION_HEADING",
    "FACILITATORS_HEADING",
    "NO_TOTAL_ON_SHEET",
    "SHEET_HEADER",
    "TRAFFIC_LIGHT_HEADING",
    "YOUNG_PEOPLE_FILE",
    "SchoolHoursClash",
    "YoungPeopleGuide",
    "YoungPeopleGuideError",
    "InterviewDay",
    "POINTS_HEADING",
    "PackContext",
    "PackPoint",
    "PackQuestion",
    "PanelSeat",
    "ScheduleSlot",
    "build_interview_pack",
    "build_pack_zip",
    "evidence_lines",
    "interview_day_span",
    "load_young_people_guide",
    "pack_filename",
    "pack_title",
    "parse_clock_time",
    "school_hours_agreed",
    "school_hours_clash",
    "school_hours_warning",
    "sheet_heading",
    "support_person",
    "timetable",
]

CONFIDENTIAL_HEADER = "Confidential: interview panel"


def pack_title(context: PackContext) -> str:
    stage, vacancy = one_line(context.stage_name), one_line(context.vacancy_title)
    return f"Interview pack \u2013 {stage} \u2013 {vacancy}"


def build_interview_pack(
    context: PackContext,
    reference: Path | None = None,
    *,
    now: datetime.datetime | None = None,
) -> DocxDocument:
    """One recipient's pack for one stage, styled by ``reference`` if given."""
    document = start_document(_document_meta(context, reference, now))
    writer = PackWriter(document)
    write_cover(writer, context, pack_title(context))
    write_declaration(writer, context)
    write_values(writer, context)
    write_scoring_guidance(writer, context)
    if context.is_chair:
        write_chairing(writer, context)
    write_facilitators_guide(writer, context)
    write_schedule(writer, context)
    write_day_timetable(writer, context)
    write_points_to_explore(writer, context)
    write_exercises(writer, context)
    write_questions(writer, context)
    write_advisory_reports(writer, context)
    write_traffic_light(writer, context)
    if context.recipient_scores:
        write_scoring_sheets(writer, context)
    return document


def _document_meta(
    context: PackContext, reference: Path | None, now: datetime.datetime | None
) -> DocumentMeta:
    article = "the" if context.is_chair else ("a" if context.recipient_scores else "an")
    organisation = running_text(context.organisation_name)
    return DocumentMeta(
        title=pack_title(context),
        subject=f"Interview pack for {article} {reader(context)}",
        organisation=one_line(context.organisation_name),
        header=f"{organisation} \u00b7 {CONFIDENTIAL_HEADER}",
        footer=running_text(f"{context.stage_name} \u00b7 prepared for {context.recipient}"),
        reference=reference,
        created=now,
    )


def pack_filename(context: PackContext) -> str:
    """An ASCII file name safe for a download header and a zip entry, e.g. for the chair:
    "Interview pack - Final panel - Sam Patel - chair.docx"."""
    role = " - chair" if context.is_chair else ""
    name = f"Interview pack - {context.stage_name} - {context.recipient}{role}"
    return safe_download_filename(name, "docx")[0]


def build_pack_zip(packs: Sequence[tuple[str, DocxDocument]]) -> bytes:
    """Every pack in one zip, in memory. Names are made safe, then unique ignoring case
    (Windows would otherwise overwrite one pack with another on extraction)."""
    buffer = BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, document in packs:
            entry = _unique_entry_name(name, used)
            used.add(entry.casefold())
            archive.writestr(entry, document_bytes(document))
    return buffer.getvalue()


def _unique_entry_name(name: str, used: set[str]) -> str:
    stem = name[: -len(".docx")] if name.lower().endswith(".docx") else name
    safe = safe_download_filename(stem, "docx")[0]
    base, number = safe[: -len(".docx")], 1
    while safe.casefold() in used:
        number += 1
        safe = f"{base} ({number}).docx"
    return safe
