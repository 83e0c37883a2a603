"""Every compared candidate's profile on one radar chart, then the same figures in a table.

The target, when there is one, is a series of its own: the chart draws the second series
dashed, so the target goes there and reads as a line to reach rather than as a candidate. The
chart is drawn larger than a single candidate's chart in the panel summary, within the room
its figures table leaves on the page.
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
    table_height,
)
from recruit.domain.documents.briefing_pack.text import (
    NO_MINIMUM,
    attribute_value,
    has_target,
    minimum_for,
    name_text,
)
from recruit.domain.documents.scoring_summary.parts import chart_summary, write_chart
from recruit.domain.documents.scoring_summary.stage import CHART_CANDIDATE_LIMIT
from recruit.domain.documents.scoring_summary.text import score_text
from recruit.domain.documents.word.writer import PackWriter, running_text

PROFILES_HEADING = "Profiles compared"
TARGET_SERIES = "Target minimum"
_TARGET_SERIES_POSITION = 1
# At most this much larger than the summary's chart; never taller than the page leaves once
# the heading, introduction and figures table are placed (a landscape A4 page has about
# 170mm for text), and never so small that the labels cannot be read.
_CHART_SCALE = 1.3
_CHART_ROOM = Mm(125)
_CHART_MOST_HEIGHT = Mm(85)
_CHART_LEAST_HEIGHT = Mm(60)

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
    description += ", with the target minimum as a dashed line. " if with_target else ". "
    description += " ".join(
        f"{running_text(label)}: {chart_summary(names, values)}." for label, values in series
    )
    write_chart(writer, names, series, alt_text=description + " The figures follow in a table.")
    header, rows, widths = _figures(context, with_target)
    room = _CHART_ROOM - table_height(writer, [header, *rows], widths)
    _resize_last_picture(writer, Length(max(_CHART_LEAST_HEIGHT, min(_CHART_MOST_HEIGHT, room))))
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
        target = (TARGET_SERIES, [minimum_for(context, key) for key in keys])
        series.insert(min(_TARGET_SERIES_POSITION, len(series)), target)
    return series


def _introduction(context: BriefingContext, with_target: bool) -> str:
    text = "Each candidate's figures across the stages on one chart"
    text += ", with the target minimum as a dashed line." if with_target else "."
    if with_target and any(minimum_for(context, key) is None for key in context.attribute_names):
        text += " Where the target sets no minimum, its line drops to the centre."
    if len(context.comparison.candidates) > CHART_CANDIDATE_LIMIT:
        text += (
            f" The chart shows the first {CHART_CANDIDATE_LIMIT} candidates; the table after it "
            "has them all."
        )
    return text


def _resize_last_picture(writer: PackWriter, most_height: Length) -> None:
    """Scale the picture just added, keeping its shape, up to ``_CHART_SCALE`` times its size
    and no taller than ``most_height`` (shrinking it if need be) nor wider than the text."""
    shape = writer.document.inline_shapes[-1]
    width, height = shape.width, shape.height
    if not width or not height:
        return
    scale = min(_CHART_SCALE, most_height / height, writer.text_width / width)
    shape.width, shape.height = Length(round(width * scale)), Length(round(height * scale))


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
            *([score_text(minimum_for(context, key), missing=NO_MINIMUM)] if with_target else []),
            *(score_text(attribute_value(c.combined, key)) for c in compared),
        )
        for key in context.attribute_names
    ]
    first = (LABEL_SHARE, TARGET_SHARE) if with_target else (LABEL_SHARE,)
    return header, rows, candidate_widths(first, len(compared))
