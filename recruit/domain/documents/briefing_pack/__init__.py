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
from pathlib import Path

from docx.document import Document as DocxDocument

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
from recruit.domain.documents.word.document import DocumentMeta, document_bytes, start_document
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.domain.documents.word.writer import PackWriter, one_line, running_text

__all__ = [
    "BRIEFING_TITLE",
    "BriefingContext",
    "briefing_filename",
    "briefing_pack_docx_bytes",
    "briefing_title",
    "build_briefing_pack",
]

CONFIDENTIAL_HEADER = "Confidential: DCS briefing pack"


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
    document = start_document(_document_meta(context, reference, now))
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
    return document_bytes(build_briefing_pack(context, reference, now=now))


def briefing_filename(context: BriefingContext) -> str:
    """An ASCII file name for the download header, e.g.
    "DCS briefing pack - Director of Children's Services.docx"."""
    return safe_download_filename(f"{BRIEFING_TITLE} - {context.vacancy_title}", "docx")[0]


def _document_meta(
    context: BriefingContext, reference: Path | None, now: datetime.datetime | None
) -> DocumentMeta:
    organisation = running_text(context.organisation_name)
    vacancy = running_text(context.vacancy_title)
    vacancy_reference = running_text(context.vacancy_reference)
    footer = " \u00b7 ".join(
        part
        for part in (organisation, vacancy, vacancy_reference, date_text(context.generated_on))
        if part
    )
    return DocumentMeta(
        title=briefing_title(context),
        subject=BRIEFING_TITLE,
        organisation=one_line(context.organisation_name),
        header=f"{organisation} \u00b7 {CONFIDENTIAL_HEADER}",
        footer=footer,
        reference=reference,
        landscape=True,
        created=now,
    )
