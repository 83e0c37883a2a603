"""The fair-selection report as a Word document, for the council's equality report.

A section per way of grouping candidates (white and ethnic minority first, then each
monitoring question): the funnel table exactly as published on the page (hidden counts
marked [c]), the notes on what was hidden, the relative likelihood of appointment from
shortlisting, and the adverse impact at each step with its reading. Nothing is written that
the page would not show: the figures come from a ``PublishedFunnel`` and the comparisons
made from it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument

from recruit.domain.documents.word import (
    DocumentMeta,
    PackWriter,
    document_bytes,
    one_line,
    running_text,
    start_document,
)
from recruit.domain.equality.measures import Comparison, StepImpact
from recruit.domain.equality.suppression import (
    HIDDEN,
    Count,
    PublishedFunnel,
    Rate,
    count_text,
    rate_text,
)

REPORT_TITLE = "Fair selection report"
HOW_TO_READ = (
    "Each table counts the candidates of each group who reached each step of selection, "
    "with the rate from the step before. Counts below {threshold} are hidden and shown as "
    "[c], with others beside them where the totals would give them away. A group's rate at "
    "a step below four-fifths (0.8) of the highest group's is a reason to look at that "
    "step; with small numbers, Fisher's exact test and the 95% confidence interval say "
    "whether the difference could be chance. A difference is a reason to look, not a "
    "finding of discrimination, and no evidence of a difference is not proof there is none."
)


@dataclass(frozen=True)
class GroupingSection:
    label: str
    published: PublishedFunnel
    wres: Comparison | None
    likelihoods: tuple[Comparison, ...]
    impacts: tuple[StepImpact, ...]


@dataclass(frozen=True)
class EqualityReportContext:
    organisation_name: str
    scope: str  # which vacancies: "Vacancies closing from 1 April 2026 up to 31 March 2027"
    vacancies: int
    candidates: int
    answered: int
    threshold: int
    sections: tuple[GroupingSection, ...]


def build_equality_report(
    context: EqualityReportContext,
    reference: Path | None = None,
    *,
    now: datetime.datetime | None = None,
) -> DocxDocument:
    document = start_document(
        DocumentMeta(
            title=REPORT_TITLE,
            subject=one_line(context.scope),
            organisation=one_line(context.organisation_name),
            header=one_line(f"{context.organisation_name}: {REPORT_TITLE}"),
            footer=running_text("Official: sensitive. Equality monitoring, counts only."),
            reference=reference,
            landscape=True,
            created=now,
        )
    )
    writer = PackWriter(document)
    writer.heading(REPORT_TITLE, 1)
    writer.paragraph(context.scope)
    writer.paragraph(
        f"{context.candidates} candidates in {context.vacancies} "
        f"{'vacancy' if context.vacancies == 1 else 'vacancies'}; equality answers recorded "
        f"for {context.answered} of them. The others count as not known."
    )
    writer.paragraph(HOW_TO_READ.format(threshold=context.threshold))
    for section in context.sections:
        _write_section(writer, section)
    return document


def equality_report_bytes(context: EqualityReportContext, reference: Path | None = None) -> bytes:
    return document_bytes(build_equality_report(context, reference))


def _write_section(writer: PackWriter, section: GroupingSection) -> None:
    published = section.published
    writer.heading(section.label, 2, new_page=True)
    header = ["Group", *(step.label for step in published.steps)]
    rows = [
        [
            row.group.label,
            *(
                _count_and_rate(count, row.rates[index], first=index == 0)
                for index, count in enumerate(row.counts)
            ),
        ]
        for row in (*published.rows, published.total)
    ]
    share = 0.75 / len(published.steps)
    writer.table(
        header,
        rows,
        [0.25, *([share] * len(published.steps))],
        caption=f"{section.label}: candidates reaching each step (rate from the step before)",
        bold_first_column=True,
    )
    for note in published.notes:
        writer.paragraph(note)
    likelihoods = (section.wres,) if section.wres else section.likelihoods
    if likelihoods:
        writer.heading("Relative likelihood of appointment from shortlisting", 3)
        _comparisons(writer, likelihoods, "Relative likelihood of appointment")
    writer.heading("Adverse impact at each step", 3)
    for impact in section.impacts:
        writer.paragraph(impact.text, label=f"{impact.step.label}:")
        if impact.comparisons:
            _comparisons(writer, impact.comparisons, f"Adverse impact at {impact.step.label}")


def _comparisons(writer: PackWriter, comparisons: Sequence[Comparison], caption: str) -> None:
    header = ["Group", "Against", "Ratio", "95% interval", "Fisher's p", "Reading"]
    rows = [
        [
            c.rate_of.label,
            c.compared_with.label,
            _figure(c.ratio),
            f"{_figure(c.interval[0])} to {_figure(c.interval[1])}" if c.interval else "–",
            _figure(c.p_value, 3),
            f"{c.heading}. {c.detail}",
        ]
        for c in comparisons
    ]
    writer.table(header, rows, [0.14, 0.14, 0.08, 0.14, 0.11, 0.39], caption=caption)


def _count_and_rate(count: Count, rate: Rate, *, first: bool) -> str:
    """ "50 (32%)"; a hidden count alone ("[c]"), its rate being hidden with it."""
    if first or count is HIDDEN:
        return count_text(count)
    return f"{count_text(count)} ({rate_text(rate)})"


def _figure(value: float | None, places: int = 2) -> str:
    return "–" if value is None else f"{value:.{places}f}"
