"""The DCS briefing pack: the shortlist comparison as a Word document.

For the people who make the appointment: elected members when the post is a chief officer's
(the DCS's own), otherwise the DCS or the appointing manager. It runs: what is being decided
and by whom, who set the target levels, and whether the evidence is complete (before any
figure: while the deciding panel has not assessed something it weights, there are no ranks or
totals anywhere); how to read it and how the figures were worked out; the deciding panel's
results side by side, the radar chart and its figures, the rank changes and notes, and each
candidate's results stage by stage with moderation; what the advisory panels said; the
evidence for and the concerns about each candidate, red flags first; the target levels and
where each candidate reads below them, in words; how far each panel agreed; the decision, its
steps and the sign-off; and the checks to complete before an offer is unconditional.

Styles, page set-up (landscape A4), header and footer come from
``exports/briefing-reference.docx``, so a council restyles the briefing in Word. Every string
is cleaned on its way in (see ``text_safety``); the building blocks are the panel scoring
summary's, so the two documents read alike.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from docx.document import Document as DocxDocument

from recruit.domain.documents.briefing_pack.advisory import write_advisory_reports
from recruit.domain.documents.briefing_pack.candidate import write_candidates
from recruit.domain.documents.briefing_pack.chart import write_profiles
from recruit.domain.documents.briefing_pack.checklist import write_checklist
from recruit.domain.documents.briefing_pack.decision import write_agreement, write_decision
from recruit.domain.documents.briefing_pack.evidence import write_evidence
from recruit.domain.documents.briefing_pack.front import (
    BRIEFING_TITLE,
    briefing_title,
    write_front,
    write_method,
)
from recruit.domain.documents.briefing_pack.gaps import write_rank_changes, write_target
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
    write_front(writer, context)  # what is decided, by whom; is the evidence complete
    write_method(writer, context)
    write_side_by_side(writer, context)  # the deciding panel's results
    write_profiles(writer, context)
    write_rank_changes(writer, context)
    write_candidates(writer, context)
    write_advisory_reports(writer, context)
    write_evidence(writer, context)  # both sides, red flags and their discussion
    write_target(writer, context)
    write_agreement(writer, context)
    write_decision(writer, context)
    write_checklist(writer, context.checks)
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
