"""The heart of the DCS briefing pack: the deciding panel's results, the shortlist side by side.

Candidates are columns, in the comparison's order, so the reader compares along a row; the
target level, when there is one, has its own column at the left beside the row labels. Ranks
and totals are rows only when the comparison is ranked (the deciding panel assessed every
attribute it weights); a disagreement flag gives the range of the members' scores.
Figures are right-aligned so their decimal points line up; rows of words read from the left.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length, Mm
from docx.table import Table

from recruit.domain.comparison.model import ComparedCandidate
from recruit.domain.documents.briefing_pack.model import BriefingContext
from recruit.domain.documents.briefing_pack.text import (
    figure_text,
    floor_status,
    has_target,
    latest_outcome,
    name_text,
    range_text,
    rank_change_text,
    rank_text,
    target_level_text,
)
from recruit.domain.documents.scoring_summary.parts import find_attribute
from recruit.domain.documents.scoring_summary.text import (
    NO_FLAGS,
    score_text,
    total_text,
)
from recruit.domain.documents.word.writer import PackWriter, running_text
from recruit.domain.scoring.model import FLAG_LABELS, FLAG_ORDER, Flag

SIDE_BY_SIDE_HEADING = "The deciding panel's results"
MEASURE = "Measure"
TARGET_COLUMN = "Target level"
RANK_STAGE_WEIGHTS = "Rank (stages' weights)"
RANK_EQUAL_WEIGHTS = "Rank (equal weights)"
WEIGHTED_TOTAL = "Weighted total"
EQUAL_WEIGHTS_TOTAL = "Equal-weights total"
FLAGS = "Flags"
VALUES_FLOOR = "Values floor"
LATEST_OUTCOME = "Outcome at the deciding stage"
WITHOUT_RANKS_SHORT = (
    "The evidence is incomplete (see the front), so there are no ranks or totals, and the "
    "columns are in candidate order."
)
# Shares of the text width. A candidate's column never grows past _MOST_PER_CANDIDATE: with
# one or two candidates a narrower table reads more easily than one stretched across the page.
LABEL_SHARE = 0.2
TARGET_SHARE = 0.09
_MOST_PER_CANDIDATE = 0.2
# For the estimate of a table's height: a landscape A4 page has about 170mm for text, and a
# heading and two lines of introduction take about 30mm. 10pt Arial averages under 2mm a
# character; a row adds its cell padding to its lines.
TABLE_MOST_HEIGHT = Mm(140)
_CHARACTER_WIDTH = Mm(1.9)
_LINE_HEIGHT = Mm(4.3)
_ROW_PADDING = Mm(1.6)


def candidate_widths(first_columns: Sequence[float], candidates: int) -> tuple[float, ...]:
    """Column shares: the fixed columns, then equal candidate columns filling what is left."""
    share = (1 - sum(first_columns)) / max(candidates, 1)
    return (*first_columns, *([min(share, _MOST_PER_CANDIDATE)] * candidates))


def table_height(
    writer: PackWriter, rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> Length:
    """A rough estimate of a table's height in "Table Text" (10pt), header row included."""
    height = 0.0
    for values in rows:
        lines = 1
        for text, share in zip(values, widths, strict=True):
            per_line = max(1, int(writer.text_width * share / _CHARACTER_WIDTH))
            wrapped = sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))
            lines = max(lines, wrapped)
        height += lines * _LINE_HEIGHT + _ROW_PADDING
    return Length(round(height))


def fits_on_a_page(
    writer: PackWriter, rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> bool:
    """Whether a table, by that estimate, fits under a heading and a short introduction on a
    landscape A4 page."""
    return table_height(writer, rows, widths) <= TABLE_MOST_HEIGHT


def column_label(context: BriefingContext, candidate: str) -> str:
    """A candidate's label for a column heading, shortened so a pasted essay cannot swamp it."""
    return running_text(context.candidate_label(candidate))


def write_side_by_side(writer: PackWriter, context: BriefingContext) -> None:
    writer.heading(SIDE_BY_SIDE_HEADING, 1, new_page=True)
    compared = context.comparison.candidates
    if not compared:
        writer.paragraph("No candidates are in the comparison.")
        return
    with_target = has_target(context)
    ranked = context.comparison.ranked
    writer.paragraph(_introduction(with_target, ranked), keep_with_next=True)
    keys = list(context.attribute_names)
    first = (LABEL_SHARE, TARGET_SHARE) if with_target else (LABEL_SHARE,)
    header = (MEASURE, *([TARGET_COLUMN] if with_target else []),
              *(column_label(context, c.candidate) for c in compared))  # fmt: skip

    def row(label: str, values: Sequence[str], target: str = "") -> tuple[str, ...]:
        return (label, *([target] if with_target else []), *values)

    ranking = [row(label, values) for label, values in _ranking_rows(context)] if ranked else []
    rows = [
        *ranking,
        *(
            row(
                name_text(context.short_name(key)),
                [figure_text(context, c, key, mark_target=with_target) for c in compared],
                target_level_text(context, key),
            )
            for key in keys
        ),
        row(FLAGS, [_flags(context, c) for c in compared]),
        row(VALUES_FLOOR, [floor_status(context, c) for c in compared]),
        row(LATEST_OUTCOME, [latest_outcome(c, context.comparison.deciding) for c in compared]),
    ]
    widths = candidate_widths(first, len(compared))
    # Kept on one page when it fits; a long shortlist runs on under its repeated header rather
    # than leaving the heading alone on an otherwise empty page.
    table = writer.table(
        header, rows, widths, caption="The shortlist side by side",
        keep_together=fits_on_a_page(writer, [header, *rows], widths), bold_first_column=True,
    )  # fmt: skip
    # Figures right-aligned, header included; the rows of words (flags onwards) read from the left.
    align_cells(table, rows=range(0, len(ranking) + len(keys) + 1), columns=range(1, len(header)))
    if not with_target:
        writer.paragraph("No target levels were set, so there is no target column.")


def _introduction(with_target: bool, ranked: bool) -> str:
    text = (
        "One column per candidate. Each attribute shows the deciding panel's figure on the 1 "
        "to 5 scale: the panel mean, or the score agreed at moderation (marked "
        "\u201cagreed\u201d). Where members disagreed, the flags give the range of their "
        "scores."
    )
    if with_target:
        text += (
            " The target column gives the level the role needs; a figure that reads below it "
            "is marked \u201cbelow target level\u201d."
        )
    if not ranked:
        text += f" {WITHOUT_RANKS_SHORT}"
    return text


def _ranking_rows(context: BriefingContext) -> list[tuple[str, list[str]]]:
    """Ranks and totals: only for a ranked comparison (the deciding panel heard everything)."""
    compared = context.comparison.candidates
    stage_ranks = [c.stage_weights_rank for c in compared]
    equal_ranks = [c.equal_weights_rank for c in compared]
    return [
        (RANK_STAGE_WEIGHTS, [rank_text(c.stage_weights_rank, stage_ranks) for c in compared]),
        (RANK_EQUAL_WEIGHTS, [_equal_rank(c, equal_ranks) for c in compared]),
        (WEIGHTED_TOTAL, [total_text(c.combined) for c in compared]),
        (
            EQUAL_WEIGHTS_TOTAL,
            [score_text(c.equal_weights_total, missing="No total") for c in compared],
        ),
    ]


def _equal_rank(compared: ComparedCandidate, ranks: Sequence[int]) -> str:
    text = rank_text(compared.equal_weights_rank, ranks)
    return f"{text}\n({rank_change_text(compared.rank_change)})"


def _flags(context: BriefingContext, compared: ComparedCandidate) -> str:
    """One line per flag; a disagreement names each attribute with the range of the deciding
    panel's member scores: "Panel disagreement: Partnerships (range 2 to 5)"."""
    lines = []
    for flag in FLAG_ORDER:
        names = [
            _flagged_name(context, compared, key, flag)
            for key in context.attribute_names
            if flag in _attribute_flags(compared, key)
        ]
        if names:
            label = FLAG_LABELS[flag]
            if flag == "values_floor" and compared.combined.floor_overridden:
                label += " (overridden)"
            lines.append(f"{label}: {', '.join(names)}")
    return "\n".join(lines) or NO_FLAGS


def _attribute_flags(compared: ComparedCandidate, key: str) -> tuple[Flag, ...]:
    found = find_attribute(compared.combined, key)
    return () if found is None else tuple(found.flags)


def _flagged_name(
    context: BriefingContext, compared: ComparedCandidate, key: str, flag: Flag
) -> str:
    name = name_text(context.short_name(key))
    scores = range_text(compared, key) if flag == "disagreement" else ""
    return f"{name} (range {scores})" if scores else name


def align_cells(table: Table, *, rows: range, columns: range) -> None:
    """Right-align the cells in ``rows`` and ``columns`` (row 0 is the header)."""
    for index in rows:
        cells = table.rows[index].cells
        for column in columns:
            for paragraph in cells[column].paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
