"""The panel scoring summary as a Word document.

It runs: title and the vacancy, and straight after them how the figures were worked out;
the deciding panel's stage ("The deciding panel: ..."), then the advisory panels under one
heading that says they advise and are never averaged in, each stage on a new page (its dates,
when moderation closed, the attributes it did not assess, results table, panel agreement,
then each candidate in turn with attribute results, a radar chart followed by its figures,
the strongest evidence, moderation and outcome); the results across stages when there are
any, on a new page; and a sign-off table, following on. Only stages and the results across
stages start a page: everything else flows, with each heading kept with what it introduces,
so a printed summary has no near-empty pages.

Styles, page set-up (landscape A4: the results table has a column per attribute), header
and footer come from ``exports/summary-reference.docx``, so a council restyles the summary
in Word. Every string is cleaned on its way in (see ``text_safety``).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Mm

from recruit.domain.documents.scoring_summary.method import write_method
from recruit.domain.documents.scoring_summary.model import SignOff, SummaryContext
from recruit.domain.documents.scoring_summary.parts import heading
from recruit.domain.documents.scoring_summary.sign_off import (
    member_text,
    merged_roles,
    write_advisers,
)
from recruit.domain.documents.scoring_summary.stage import write_overall, write_stages
from recruit.domain.documents.scoring_summary.text import date_text
from recruit.domain.documents.word.document import DocumentMeta, document_bytes, start_document
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.domain.documents.word.writer import (
    PackWriter,
    one_line,
    running_text,
    set_minimum_height,
)

SUMMARY_TITLE = "Panel scoring summary"
SIGN_OFF_HEADING = "Sign-off"
SIGN_OFF_HEADER = ("Name", "Role", "Signature", "Date")
CONFIDENTIAL_HEADER = "Confidential: panel scoring summary"
CONFIDENTIAL = (
    "This summary is confidential. It holds candidates' personal information and the panel's "
    "judgements: keep it secure, share it only with people involved in the appointment, and "
    "destroy it at the end of the retention period."
)
# Rows to sign by hand when the caller names no one: a chair and two members.
_BLANK_SIGNATURES = 3
_SIGNATURE_HEIGHT = Mm(15)  # room for a handwritten signature


def summary_title(context: SummaryContext) -> str:
    return f"{SUMMARY_TITLE} \u2013 {one_line(context.vacancy_title)}"


def build_scoring_summary(
    context: SummaryContext,
    reference: Path | None = None,
    *,
    now: datetime.datetime | None = None,
) -> DocxDocument:
    """The summary for every stage in ``context``, styled by ``reference`` if given.

    Pass ``exports/summary-reference.docx`` as ``reference``; without one the document uses
    python-docx's template, turned to landscape A4.
    """
    document = start_document(_document_meta(context, reference, now))
    writer = PackWriter(document)
    _write_front(writer, context)
    write_method(writer, context)
    write_stages(writer, context)
    if context.overall is not None:
        write_overall(writer, context, context.overall)
    _write_sign_off(writer, context)
    return document


def scoring_summary_docx_bytes(
    context: SummaryContext,
    reference: Path | None = None,
    *,
    now: datetime.datetime | None = None,
) -> bytes:
    """The built summary as .docx bytes, made in memory: it carries personal data."""
    return document_bytes(build_scoring_summary(context, reference, now=now))


def summary_filename(context: SummaryContext) -> str:
    """An ASCII file name for the download header, e.g.
    "Panel scoring summary - Director of Children's Services.docx"."""
    return safe_download_filename(f"{SUMMARY_TITLE} - {context.vacancy_title}", "docx")[0]


def _document_meta(
    context: SummaryContext, reference: Path | None, now: datetime.datetime | None
) -> DocumentMeta:
    organisation = running_text(context.organisation_name)
    vacancy = running_text(context.vacancy_title)
    vacancy_reference = running_text(context.vacancy_reference)
    footer = " \u00b7 ".join(
        part
        for part in (vacancy, vacancy_reference, f"generated {date_text(context.generated_on)}")
        if part
    )
    return DocumentMeta(
        title=summary_title(context),
        subject=SUMMARY_TITLE,
        organisation=one_line(context.organisation_name),
        header=f"{organisation} \u00b7 {CONFIDENTIAL_HEADER}",
        footer=footer,
        reference=reference,
        landscape=True,
        created=now,
    )


def _write_front(writer: PackWriter, context: SummaryContext) -> None:
    heading(writer, summary_title(context), 1)
    writer.paragraph(CONFIDENTIAL, keep_with_next=True)
    rows = [
        ("Organisation", one_line(context.organisation_name)),
        ("Vacancy", one_line(context.vacancy_title)),
        ("Reference", one_line(context.vacancy_reference) or "None"),
        ("Stages", "; ".join(one_line(s.name) for s in context.stages) or "None yet"),
        ("Generated on", date_text(context.generated_on)),
    ]
    caption = "About this summary"
    writer.table(
        None, rows, (0.2, 0.6), caption=caption, keep_together=True, bold_first_column=True
    )


def _write_sign_off(writer: PackWriter, context: SummaryContext) -> None:
    """Follows on from the last section, kept whole: the statement, a row to sign for each
    member, then the advisers, who do not sign."""
    heading(writer, SIGN_OFF_HEADING, 1)
    writer.paragraph(
        "We confirm that this summary is an accurate record of the panel's scores, "
        "moderation and decisions.",
        keep_with_next=True,
    )
    people = _signatories(context.sign_off)
    rows = [(name, role, "", "") for name, role in people] or [("",) * 4] * _BLANK_SIGNATURES
    table = writer.table(
        SIGN_OFF_HEADER, rows, (0.25, 0.3, 0.27, 0.18), caption="Sign-off", keep_together=True
    )
    for row in table.rows[1:]:
        set_minimum_height(row, _SIGNATURE_HEIGHT)
    write_advisers(writer, context.advisers, 2)


def _signatories(sign_off: tuple[SignOff, ...]) -> list[tuple[str, str]]:
    """One row for each person, in order, with every role they sign for: a chair of two
    stages signs once, "Chair, Stage 1; Chair, Stage 2". An elected member's role says so,
    as the reader checks that members made the decision. Rows with no name stay apart."""
    return [
        (one_line(person.name), _with_member(person, roles))
        for person, roles in merged_roles(sign_off)
    ]


def _with_member(person: SignOff, roles: str) -> str:
    if not person.councillor and not person.executive_member:
        return roles
    return f"{roles} ({member_text(person).lower()})" if roles else member_text(person)
