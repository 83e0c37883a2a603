"""Building blocks of the panel scoring summary: headings, the results table, charts with alt text.

The summary's tables come from ``PackWriter`` (word.writer), so they share the packs'
repeating header rows, captions and table styles; this module adds what only figures need:
numbers right-aligned so their decimal points line up, charts that a screen reader can
describe, and the rules that keep the printed pages full without parting a heading from
what it introduces.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from io import BytesIO
from typing import cast

import numpy as np
import numpy.typing as npt
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from recruit.domain.documents.scoring_summary.model import SummaryContext
from recruit.domain.documents.scoring_summary.text import (
    NO_FLAGS,
    attribute_figure,
    flag_lines,
    outcome_text,
    rank_texts,
    score_text,
    total_text,
)
from recruit.domain.documents.word.writer import (
    PackWriter,
    justify,
    one_line,
    row_cells,
    running_text,
)
from recruit.domain.scoring.charts import radar_chart
from recruit.domain.scoring.model import AttributeResult, CandidateResult

# A chart is shown more than half the 257mm text width of a landscape A4 page wide, so it can
# be read on paper. It is drawn at 6.5 inches, shown at about that size, so its labels print
# at the size they were drawn (11pt) and the larger drawing goes to the plot. Cropped to its
# drawing it takes about two thirds of its width in height, which fits a page under a heading.
CHART_WIDTH = Mm(130)
CHART_DRAWN_INCHES = 6.5
# Word shows alt text in one box and screen readers read it in one breath.
_ALT_TEXT_LIMIT = 1_000
# Shares of the text width. The attribute columns share what is left, up to a tenth each:
# enough on landscape A4 for a short name such as "Partnerships" in bold on one line. When a
# stage assessed fewer attributes, the flags and candidate columns take some of the room
# they leave, and the table is narrower than the page.
_RESULTS_FIXED = {"candidate": 0.14, "total": 0.09, "rank": 0.05, "outcome": 0.085, "flags": 0.135}
_ATTRIBUTE_COLUMN_MOST = 0.1
_FLAGS_COLUMN_MOST = 0.25
_CANDIDATE_COLUMN_MOST = 0.2
# A table estimated taller than this is left free to run over a page (its header repeats):
# kept whole, it would leave the heading before it alone at the foot of a page, or most of a
# page empty. A landscape A4 page has about 165mm for text; a heading and a line of
# introduction take about 25mm.
_KEEP_TOGETHER_MOST = Mm(105)
_SPACE_BEFORE_SECTION = Pt(24)
# Rough measures of the "Table Text" style (10pt Arial, single spaced) for that estimate.
_CHARACTER_WIDTH = Mm(1.9)
_LINE_HEIGHT = Mm(4.3)
_ROW_PADDING = Mm(1.6)
# Pixels lighter than this in every channel count as the chart's white margin, which is
# cropped when the picture is shown; a little of it is left as a border.
_WHITE = 0.96
_INK_BELOW = math.ceil(_WHITE * 255)  # the same test on 0-255 channel values
_CROP_BORDER = 0.02
_CROP_UNITS = 100_000  # a:srcRect measures each edge in thousandths of a percent


def find_attribute(candidate: CandidateResult, key: str) -> AttributeResult | None:
    return next((result for result in candidate.attributes if result.attribute == key), None)


def heading(writer: PackWriter, text: str, level: int, *, new_page: bool = False) -> Paragraph:
    """A heading that stays on the page of what follows it, whatever the reference's styles say.

    A top-level heading that does not start a page (the method note, the sign-off) gets some
    space above it: Heading 1 has none, as it normally starts a page.
    """
    paragraph = writer.heading(text, level, new_page=new_page)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.keep_together = True
    if level == 1 and not new_page and paragraph._p.getprevious() is not None:
        paragraph.paragraph_format.space_before = _SPACE_BEFORE_SECTION
    return paragraph


def align_right(table: Table, columns: Iterable[int]) -> None:
    """Right-align whole columns, header included, so the figures line up under it."""
    wanted = tuple(columns)
    for row in table.rows:
        cells = row_cells(row)  # once per row: python-docx's row.cells searches for spans
        for column in wanted:
            justify(cells[column], "right")


def fits_on_part_of_a_page(
    writer: PackWriter,
    header: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
) -> bool:
    """Whether the table, by a rough estimate of its height, can be kept on one page with the
    heading and introduction before it."""
    height = 0.0
    for values in [header, *rows] if header is not None else rows:
        lines = max(
            _line_count(text, writer.text_width * share)
            for text, share in zip(values, widths, strict=True)
        )
        height += lines * _LINE_HEIGHT + _ROW_PADDING
    return height <= _KEEP_TOGETHER_MOST


def _line_count(text: str, width: float) -> int:
    per_line = max(1, int(width / _CHARACTER_WIDTH))
    return sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))


def not_assessed(result: AttributeResult | None) -> bool:
    """No member scored the candidate on the attribute, and the panel agreed no score for it."""
    return result is None or (
        "not_assessed" in result.flags and result.mean is None and result.agreed is None
    )


def unassessed_attributes(
    context: SummaryContext, candidates: Sequence[CandidateResult]
) -> tuple[str, ...]:
    """The attribute keys that no candidate in ``candidates`` was assessed on, in display order.

    Empty when there are no candidates, or when no attribute was assessed at all (no scores
    yet): leaving every attribute out would leave nothing to show.
    """
    if not candidates:
        return ()
    keys = tuple(
        key
        for key in context.attribute_names
        if all(not_assessed(find_attribute(candidate, key)) for candidate in candidates)
    )
    return () if len(keys) == len(context.attribute_names) else keys


def shown_attributes(context: SummaryContext, left_out: Collection[str] = ()) -> list[str]:
    """The attribute keys to show, in display order, leaving out ``left_out``."""
    return [key for key in context.attribute_names if key not in left_out]


def write_not_assessed(
    writer: PackWriter, context: SummaryContext, keys: Sequence[str], *, where: str, then: str
) -> None:
    """One sentence naming the attributes nobody was assessed on, instead of a flag per cell.

    ``then`` follows the names; "{it}" in it becomes "it" or "them", "{this}" "this attribute"
    or "these attributes".
    """
    if not keys:
        return
    names = ", ".join(one_line(context.short_name(key)) for key in keys)
    one = len(keys) == 1
    then = then.format(
        it="it" if one else "them", this="this attribute" if one else "these attributes"
    )
    writer.paragraph(f"{names}. {then}", label=f"Not assessed {where}:", keep_with_next=True)


def write_results_table(
    writer: PackWriter,
    context: SummaryContext,
    candidates: Sequence[CandidateResult],
    *,
    caption: str,
    attributes: Sequence[str] | None = None,
    unflagged: Collection[str] = (),
) -> Table:
    """Candidates in rank order by attribute: means, total, rank, outcome and flags as text.

    ``attributes``: the attribute keys to show (all of them if None). ``unflagged``: keys
    whose "not assessed" flag the caller states once for every candidate, so it is not
    repeated in each candidate's flags.
    """
    keys = list(context.attribute_names if attributes is None else attributes)
    short_names = {key: context.short_name(key) for key in context.attribute_names}
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
            "\n".join(flag_lines(candidate, short_names, not_assessed_stated=unflagged))
            or NO_FLAGS,
        )
        for candidate, rank in zip(candidates, rank_texts(candidates), strict=True)
    ]
    widths = _results_widths(len(keys))
    # A shortlist fits on one page; kept together, no candidate's row is parted from the header.
    keep = fits_on_part_of_a_page(writer, header, rows, widths)
    table = writer.table(header, rows, widths, caption=caption, keep_together=keep)
    align_right(table, range(1, len(keys) + 3))
    return table


def _results_widths(attribute_count: int) -> tuple[float, ...]:
    fixed = sum(_RESULTS_FIXED.values())
    share = min(_ATTRIBUTE_COLUMN_MOST, (1 - fixed) / max(attribute_count, 1))
    left = 1 - fixed - share * attribute_count
    flags = _RESULTS_FIXED["flags"] + min(left, _FLAGS_COLUMN_MOST - _RESULTS_FIXED["flags"])
    left -= flags - _RESULTS_FIXED["flags"]
    candidate = _RESULTS_FIXED["candidate"] + min(
        left, _CANDIDATE_COLUMN_MOST - _RESULTS_FIXED["candidate"]
    )
    return (
        candidate,
        *([share] * attribute_count),
        _RESULTS_FIXED["total"],
        _RESULTS_FIXED["rank"],
        _RESULTS_FIXED["outcome"],
        flags,
    )


def write_chart(
    writer: PackWriter,
    attribute_names: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    alt_text: str,
    keep_with_next: bool = False,
    trim: bool = False,
) -> None:
    """A radar chart on a paragraph of its own, with alt text (the picture's ``descr``).

    The caller writes the same figures in a table straight after it: the alt text sums the
    chart up, the table gives every number to a screen reader and to the printed page. With
    ``keep_with_next`` the chart is kept on the page of the paragraph after it, the table's
    introduction. With ``trim`` the picture is shown without its white margin (at the same
    scale, so the labels keep their size): it then takes about two thirds of the height.
    """
    chart = radar_chart(attribute_names, series, size_inches=CHART_DRAWN_INCHES)
    paragraph = writer.paragraph("", keep_with_next=keep_with_next)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # Normal's 1.15 line spacing would stretch the line holding the picture by 15%.
    paragraph.paragraph_format.line_spacing = 1.0
    left, top, right, bottom = _white_margins(chart.pixels) if trim else (0.0, 0.0, 0.0, 0.0)
    # Cropped, the picture is scaled so that what shows is CHART_WIDTH wide.
    shown = max(1 - left - right, 0.1)
    width = Length(min(round(CHART_WIDTH / shown), writer.text_width))
    shape = paragraph.add_run().add_picture(BytesIO(chart.png), width=width)
    if left + top + right + bottom > 0:
        # Shown without its white margin, at the same scale: the labels keep their size.
        source = OxmlElement(
            "a:srcRect",
            {
                "l": str(round(left * _CROP_UNITS)),
                "t": str(round(top * _CROP_UNITS)),
                "r": str(round(right * _CROP_UNITS)),
                "b": str(round(bottom * _CROP_UNITS)),
            },
        )
        blip_fill = shape._inline.graphic.graphicData.pic.blipFill
        blip_fill.find(qn("a:blip")).addnext(source)
        shape.width, shape.height = (
            Length(round(width * (1 - left - right))),
            Length(round(width * (1 - top - bottom))),
        )
    properties = shape._inline.docPr
    properties.set("name", "Radar chart")
    properties.set("descr", _alt_text(alt_text))


def _white_margins(pixels: npt.NDArray[np.uint8]) -> tuple[float, float, float, float]:
    """The share of the picture's width or height that is white margin on the left, top,
    right and bottom, less a thin border; all nought for a blank picture.

    ``pixels`` are rows of RGB or RGBA values from the top: a pixel is ink when any colour
    channel is darker than _WHITE (alpha is ignored; the charts are drawn on white).
    """
    if pixels.ndim != 3 or 0 in pixels.shape:
        return (0.0, 0.0, 0.0, 0.0)
    # Reduced over whole rows, then over columns and channels: numpy is slow to reduce many
    # short axes, so "any channel" is never taken pixel by pixel.
    dark = pixels[:, :, :3] < _INK_BELOW
    height, width = dark.shape[:2]
    inked_rows = np.flatnonzero(dark.reshape(height, -1).any(axis=1))
    # numpy's types allow for a single value, but ``dark`` has three axes, so this has two.
    inked_by_column = cast(npt.NDArray[np.bool_], dark.any(axis=0))
    inked_columns = np.flatnonzero(inked_by_column.any(axis=1))
    if inked_rows.size == 0:
        return (0.0, 0.0, 0.0, 0.0)
    margins = (
        inked_columns[0] / width,
        inked_rows[0] / height,
        (width - 1 - inked_columns[-1]) / width,
        (height - 1 - inked_rows[-1]) / height,
    )
    left, top, right, bottom = (max(0.0, float(margin) - _CROP_BORDER) for margin in margins)
    return left, top, right, bottom


def _alt_text(text: str) -> str:
    line = one_line(text)
    return line if len(line) <= _ALT_TEXT_LIMIT else line[: _ALT_TEXT_LIMIT - 1] + "\u2026"


def chart_summary(names: Sequence[str], values: Sequence[float | None]) -> str:
    """ "Values-driven 3.7, Partnerships no score": the figures for alt text, names shortened."""
    return ", ".join(
        f"{running_text(name)} {score_text(value, missing='no score')}"
        for name, value in zip(names, values, strict=True)
    )
