"""The DCS briefing pack: the shortlist comparison as a Word document.

For the Director of Children's Services, or the appointing members when the post being filled
is the DCS's own. It runs: title, who is compared and how to read the briefing; how the figures
were worked out; the shortlist side by side (a column per candidate); every profile on one radar
chart, then its figures; gaps to the target profile, values first; how the ranking changes with
equal weights; a short section per candidate (results at each stage, strongest evidence,
moderation and outcome); how far each panel agreed; and the decision and sign-off.

Styles, page set-up (landscape A4), header and footer come from
``exports/briefing-reference.docx``, so a council restyles the briefing in Word. Every string
is cleaned on its way in (see ``text_safety``); the building blocks are the panel scoring
summary's, so the two documents read alike.
"""

from __future__ import annotations

import datetime
from io import BytesIO
from pathlib import Path

from docx.document import Document as DocxDocument

from recruit.domain.documents.advert import (
    LANGUAGE,
    _set_default_language,
    _start_document,
    _write_first_text_paragraph,
)
from recruit.domain.documents.briefing_pack.candidate import write_candidates
from recruit.domain.documents.briefing_pack.chart import write_profiles
from recruit.domain.documents.briefing_pack.decision import write_agreement, write_decision
from recruit.domain.documents.briefing_pack.front import (
    BRIEFING_TITLE,
    briefing_title,
    write_front,
    write_method,
)
from recruit.domain.documents.briefing_pack.gaps import write_gaps, write_rank_changes
from recruit.domain.documents.briefing_pack.model import BriefingContext
from recruit.domain.documents.briefing_pack.table import write_side_by_side
from recruit.domain.documents.scoring_summary.text import date_text
from recruit.domain.documents.scoring_summary.word import _landscape
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.domain.documents.word.writer import (
    PackWriter,
    ensure_page_numbers,
    one_line,
    running_text,
)

__all__ = [
    "BRIEFING_TITLE",
    "BriefingContext",
    "briefing_filename",
    "briefing_pack_docx_bytes",
    "briefing_title",
    "build_briefing_pack",
]

CONFIDENTIAL_HEADER = "Confidential: DCS briefing pack"
_CORE_PROPERTY_LIMIT = 255  # python-docx refuses longer core properties


def build_briefing_pack(
    context: BriefingContext,
    reference: Path | None = None,
    *,
    now: datetime.datetime | None = None,
) -> DocxDocument:
    """The briefing pack for ``context``, styled by ``reference`` if given.

    Pass ``exports/briefing-reference.docx`` as ``reference``; without one the document uses
    python-docx's template, turned to landscape A4. ``now`` sets the created and modified
    times (the current time if None).
    """
    document = _start_document(reference)
    if reference is None:
        _landscape(document)
    _set_properties(document, context, now or datetime.datetime.now(datetime.UTC))
    _set_default_language(document)
    _write_header_and_footer(document, context)
    writer = PackWriter(document)
    write_front(writer, context)
    write_method(writer, context)
    write_side_by_side(writer, context)
    write_profiles(writer, context)
    write_gaps(writer, context)
    write_rank_changes(writer, context)
    write_candidates(writer, context)
    write_agreement(writer, context)
    write_decision(writer, context)
    return document


def briefing_pack_docx_bytes(
    context: BriefingContext,
    reference: Path | None = None,
    *,
    now: datetime.datetime | None = None,
) -> bytes:
    """The built briefing pack as .docx bytes, made in memory: it carries personal data."""
    buffer = BytesIO()
    build_briefing_pack(context, reference, now=now).save(buffer)
    return buffer.getvalue()


def briefing_filename(context: BriefingContext) -> str:
    """An ASCII file name for the download header, e.g.
    "DCS briefing pack - Director of Children's Services.docx"."""
    return safe_download_filename(f"{BRIEFING_TITLE} - {context.vacancy_title}", "docx")[0]


def _set_properties(
    document: DocxDocument, context: BriefingContext, now: datetime.datetime
) -> None:
    properties = document.core_properties
    properties.title = briefing_title(context)[:_CORE_PROPERTY_LIMIT]
    properties.subject = BRIEFING_TITLE
    properties.language = LANGUAGE
    organisation = one_line(context.organisation_name)[:_CORE_PROPERTY_LIMIT]
    properties.author = properties.last_modified_by = organisation
    properties.comments = ""
    properties.created = properties.modified = now


def _write_header_and_footer(document: DocxDocument, context: BriefingContext) -> None:
    organisation = running_text(context.organisation_name)
    vacancy = running_text(context.vacancy_title)
    reference = running_text(context.vacancy_reference)
    footer = " \u00b7 ".join(
        part for part in (organisation, vacancy, reference, date_text(context.generated_on)) if part
    )
    for section in document.sections:
        _write_first_text_paragraph(section.header, f"{organisation} \u00b7 {CONFIDENTIAL_HEADER}")
        _write_first_text_paragraph(section.footer, footer)
        ensure_page_numbers(section.footer)
