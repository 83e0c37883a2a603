"""Every compared candidate's profile on one radar chart, then the same figures in a table.

The target, when there is one, is a series of its own: the chart draws the second series
dashed, so the target goes there and reads as a line to reach rather than as a candidate. An
attribute with no figure is left out of a line (None, never 0: a zero would read as a score
no one gave). The chart takes a page of its own, at least half the text width so its labels
read on paper, and its figures table follows straight after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.shared import Length, Mm

from recruit.domain.documents.briefing_pack.model import BriefingContext
from recruit.domain.documents.briefing_pack.table import (
    LABEL_SHARE,
    TARGET_COLUMN,
    TARGET_SHARE,
    align_cells,
    candidate_widths,
    column_label,
)
from recruit.domain.documents.briefing_pack.text import (
    attribute_value,
    has_target,
    name_text,
    target_level,
    target_level_text,
)
from recruit.domain.documents.scoring_summary.parts import chart_summary, write_chart
from recruit.domain.documents.scoring_summary.stage import CHART_CANDIDATE_LIMIT
from recruit.domain.documents.scoring_summary.text import NOT_ASSESSED, score_text
from recruit.domain.documents.word.writer import PackWriter, running_text

PROFILES_HEADING = "Profiles compared"
TARGET_SERIES = "Target level"
_TARGET_SERIES_POSITION = 1
# The chart is square. A landscape A4 page has about 170mm of height for text: a heading and a
# line of introduction take about 25mm, which leaves 135mm for the chart, more than half the
# 257mm text width of the reference document.
CHART_SIDE = Mm(135)

Series = tuple[str, list[float | None]]


def write_profiles(writer: PackWriter, context: BriefingContext) -> None:
    compared = context.comparison.candidates
    if not compared:
        return
    writer.heading(PROFILES_HEADING, 1, new_page=True)
    keys = list(context.attribute_names)
    names = [context.short_name(key) for key in keys]
    with_target = has_target(context)
    series = _series(context, with_target)
    writer.paragraph(_introduction(context, with_target), keep_with_next=True)
    description = "Radar chart comparing the shortlisted candidates, on a scale of 0 to 5"
    description += ", with the target level as a dashed line. " if with_target else ". "
    description += " ".join(
        f"{running_text(label)}: {chart_summary(names, values)}." for label, values in series
    )
    write_chart(writer, names, series, alt_text=description + " The figures follow in a table.")
    _resize_last_picture(writer, Length(min(CHART_SIDE, writer.text_width)))
    header, rows, widths = _figures(context, with_target)
    writer.paragraph("The figures in the chart:", keep_with_next=True)
    table = writer.table(
        header, rows, widths, caption="Chart figures", keep_together=True, bold_first_column=True
    )
    align_cells(table, rows=range(len(table.rows)), columns=range(1, len(header)))


def _series(context: BriefingContext, with_target: bool) -> list[Series]:
    keys = list(context.attribute_names)
    shown = context.comparison.candidates[:CHART_CANDIDATE_LIMIT]
    series: list[Series] = [
        (context.candidate_label(c.candidate), [attribute_value(c.combined, k) for k in keys])
        for c in shown
    ]
    if with_target:
        levels = [target_level(context, key) for key in keys]
        target = (TARGET_SERIES, [None if level is None else float(level) for level in levels])
        series.insert(min(_TARGET_SERIES_POSITION, len(series)), target)
    return series


def _introduction(context: BriefingContext, with_target: bool) -> str:
    text = "Each candidate's figures at the deciding stage on one chart"
    text += ", with the target levels as a dashed line." if with_target else "."
    text += (
        " An attribute with no figure is left out of a candidate's line rather than drawn "
        "as nought."
    )
    if with_target and any(target_level(context, key) is None for key in context.attribute_names):
        text += " Where the target sets no level, its line breaks."
    if len(context.comparison.candidates) > CHART_CANDIDATE_LIMIT:
        text += (
            f" The chart shows the first {CHART_CANDIDATE_LIMIT} candidates; the table after it "
            "has them all."
        )
    return text


def _resize_last_picture(writer: PackWriter, side: Length) -> None:
    """Set the picture just added to ``side`` wide, keeping its shape."""
    shape = writer.document.inline_shapes[-1]
    width, height = shape.width, shape.height
    if not width or not height:
        return
    shape.width, shape.height = side, Length(round(height * side / width))


def _figures(
    context: BriefingContext, with_target: bool
) -> tuple[tuple[str, ...], list[tuple[str, ...]], Sequence[float]]:
    compared = context.comparison.candidates
    header = (
        "Attribute",
        *([TARGET_COLUMN] if with_target else []),
        *(column_label(context, c.candidate) for c in compared),
    )
    rows = [
        (
            name_text(context.short_name(key)),
            *([target_level_text(context, key)] if with_target else []),
            *(score_text(attribute_value(c.combined, key), missing=NOT_ASSESSED) for c in compared),
        )
        for key in context.attribute_names
    ]
    first = (LABEL_SHARE, TARGET_SHARE) if with_target else (LABEL_SHARE,)
    return header, rows, candidate_widths(first, len(compared))
