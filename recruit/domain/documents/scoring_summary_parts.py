"""Building blocks of the panel scoring summary: the results table, charts with alt text.

The summary's tables come from ``PackWriter`` (interview_pack_word), so they share the packs'
repeating header rows, captions and table styles; this module adds what only figures need:
numbers right-aligned so their decimal points line up, and charts that a screen reader can
describe.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length, Mm
from docx.table import Table

from recruit.domain.charts import radar_chart_png
from recruit.domain.documents.interview_pack_word import PackWriter, one_line, running_text
from recruit.domain.documents.scoring_summary_model import SummaryContext
from recruit.domain.documents.scoring_summary_text import (
    NO_FLAGS,
    attribute_figure,
    flag_lines,
    outcome_text,
    rank_texts,
    score_text,
    total_text,
)
from recruit.domain.scoring_model import AttributeResult, CandidateResult

# Big enough to read the axis labels on paper, small enough to fit on a landscape A4 page
# under a candidate's attribute results.
CHART_WIDTH = Mm(80)
# Word shows alt text in one box and screen readers read it in one breath.
_ALT_TEXT_LIMIT = 1_000
# Shares of the text width; the attribute columns share what is left, enough on landscape A4
# for a short name such as "Partnerships" in bold on one line.
_RESULTS_FIXED = {"candidate": 0.14, "total": 0.09, "rank": 0.05, "outcome": 0.085, "flags": 0.135}


def find_attribute(candidate: CandidateResult, key: str) -> AttributeResult | None:
    return next((result for result in candidate.attributes if result.attribute == key), None)


def align_right(table: Table, columns: Iterable[int]) -> None:
    """Right-align whole columns, header included, so the figures line up under it."""
    for row in table.rows:
        for column in columns:
            for paragraph in row.cells[column].paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def write_results_table(
    writer: PackWriter,
    context: SummaryContext,
    candidates: Sequence[CandidateResult],
    *,
    caption: str,
) -> Table:
    """Candidates in rank order by attribute: means, total, rank, outcome and flags as text."""
    keys = list(context.attribute_names)
    short_names = {key: context.short_name(key) for key in keys}
    header = (
        "Candidate",
        *(one_line(short_names[key]) for key in keys),
        "Weighted total",
        "Rank",
        "Outcome",
        "Flags",
    )
    rows = [
        (
            one_line(context.candidate_label(candidate.candidate)),
            *(attribute_figure(find_attribute(candidate, key)) for key in keys),
            total_text(candidate),
            rank,
            outcome_text(candidate),
            "\n".join(flag_lines(candidate, short_names)) or NO_FLAGS,
        )
        for candidate, rank in zip(candidates, rank_texts(candidates), strict=True)
    ]
    fixed = sum(_RESULTS_FIXED.values())
    widths = (
        _RESULTS_FIXED["candidate"],
        *([(1 - fixed) / len(keys)] * len(keys)),
        _RESULTS_FIXED["total"],
        _RESULTS_FIXED["rank"],
        _RESULTS_FIXED["outcome"],
        _RESULTS_FIXED["flags"],
    )
    # A shortlist fits on one page; kept together, no candidate's row is parted from the header.
    table = writer.table(header, rows, widths, caption=caption, keep_together=True)
    align_right(table, range(1, len(keys) + 3))
    return table


def write_chart(
    writer: PackWriter,
    attribute_names: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    alt_text: str,
) -> None:
    """A radar chart on a paragraph of its own, with alt text (the picture's ``descr``).

    The caller writes the same figures in a table straight after it: the alt text sums the
    chart up, the table gives every number to a screen reader and to the printed page.
    """
    png = radar_chart_png(attribute_names, series)
    # Not kept with the table after it: together they are taller than the space left under
    # a candidate's results, and the page would be left half empty.
    paragraph = writer.paragraph("")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # Normal's 1.15 line spacing would stretch the line holding the picture by 15%.
    paragraph.paragraph_format.line_spacing = 1.0
    width = Length(min(CHART_WIDTH, writer.text_width))
    shape = paragraph.add_run().add_picture(BytesIO(png), width=width)
    properties = shape._inline.docPr
    properties.set("name", "Radar chart")
    properties.set("descr", _alt_text(alt_text))


def _alt_text(text: str) -> str:
    line = one_line(text)
    return line if len(line) <= _ALT_TEXT_LIMIT else line[: _ALT_TEXT_LIMIT - 1] + "\u2026"


def chart_summary(names: Sequence[str], values: Sequence[float | None]) -> str:
    """ "Values-driven 3.7, Partnerships no score": the figures for alt text, names shortened."""
    return ", ".join(
        f"{running_text(name)} {score_text(value, missing='no score')}"
        for name, value in zip(names, values, strict=True)
    )
