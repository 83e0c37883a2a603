"""Where each candidate falls short of the target profile, and how the weights move the ranking.

A gap on values-driven leadership comes first and is called out in words: it is the
foundation the other attributes rest on, and the one a development plan can least make up.
"""

from __future__ import annotations

from recruit.domain.comparison.model import AttributeGap, ComparedCandidate
from recruit.domain.documents.briefing_pack.model import BriefingContext
from recruit.domain.documents.briefing_pack.table import (
    RANK_EQUAL_WEIGHTS,
    RANK_STAGE_WEIGHTS,
)
from recruit.domain.documents.briefing_pack.text import (
    CELL_TEXT_LIMIT,
    amount_short_text,
    find_gap,
    gaps_below_target,
    has_target,
    minimum_for,
    name_text,
    rank_change_text,
    rank_text,
    run_on_heading,
    shortfall_text,
)
from recruit.domain.documents.scoring_summary.parts import align_right
from recruit.domain.documents.scoring_summary.text import score_text
from recruit.domain.documents.word.writer import PackWriter, one_line

GAPS_HEADING = "Gaps to the target profile"
RANK_CHANGES_HEADING = "Rank changes"
GAPS_HEADER = ("Attribute", "Figure", "Target minimum", "Short by")
NO_TARGET = (
    "No target profile was set for this vacancy, so the candidates are compared with each "
    "other only."
)
VALUES_CALLOUT = (
    "Values are the foundation of the other attributes: a gap here matters more than its size "
    "suggests, and is the hardest to close through development."
)


def write_gaps(writer: PackWriter, context: BriefingContext) -> None:
    writer.heading(GAPS_HEADING, 1, new_page=True)
    if not has_target(context):
        writer.paragraph(NO_TARGET)
        return
    source = name_text(context.target_description, CELL_TEXT_LIMIT)
    writer.paragraph(
        "The attributes on which each candidate's figure is below the target minimum, and by "
        "how much. Values-driven leadership comes first."
        + (f" The target: {source}." if source else ""),
    )
    for compared in context.comparison.candidates:
        _write_candidate_gaps(writer, context, compared)


def _write_candidate_gaps(
    writer: PackWriter, context: BriefingContext, compared: ComparedCandidate
) -> None:
    label = name_text(context.candidate_label(compared.candidate))
    writer.heading(label, 2)
    values = context.values_attribute
    below = gaps_below_target(compared, list(context.attribute_names), values)
    unknown = [
        context.short_name(key)
        for key in context.attribute_names
        if minimum_for(context, key) is not None
        and ((gap := find_gap(compared, key)) is None or gap.value is None)
    ]
    if not below:
        writer.paragraph("At or above the target minimum on every attribute with a figure.")
    else:
        if below[0].attribute == values:
            name = name_text(context.attribute_names.get(values, values))
            writer.paragraph(
                f"{_gap_sentence(context, below[0])} {VALUES_CALLOUT}",
                label=f"Below the target on {name}.",
            )
        rows = [
            (
                name_text(context.short_name(gap.attribute)),
                score_text(gap.value),
                score_text(gap.minimum),
                shortfall_text(gap),
            )
            for gap in below
        ]
        table = writer.table(
            GAPS_HEADER, rows, (0.3, 0.12, 0.16, 0.12), caption=f"Gaps to target for {label}",
            keep_together=True,
        )  # fmt: skip
        if below[0].attribute == values:
            for run in table.rows[1].cells[0].paragraphs[0].runs:
                run.bold = True
        align_right(table, (1, 2, 3))
        writer.paragraph(
            f"Short by {amount_short_text(compared.total_shortfall)} in all, across {len(below)} "
            f"attribute{'s' if len(below) != 1 else ''}."
        )
    if unknown:
        names = ", ".join(name_text(name) for name in unknown)
        writer.paragraph(f"No figure to compare with the target on: {names}.")


def _gap_sentence(context: BriefingContext, gap: AttributeGap) -> str:
    return (
        f"{name_text(context.short_name(gap.attribute))} is {score_text(gap.value)} against a "
        f"target minimum of {score_text(gap.minimum)}, short by {shortfall_text(gap)}."
    )


def write_rank_changes(writer: PackWriter, context: BriefingContext) -> None:
    run_on_heading(writer, RANK_CHANGES_HEADING)
    compared = context.comparison.candidates
    moved = [c for c in compared if c.rank_change != 0]
    if moved:
        writer.paragraph(
            "With equal weights the order changes: it depends on the weights the stages gave "
            "each attribute.",
            keep_with_next=True,
        )
        _write_rank_table(writer, context)
    elif compared:
        writer.paragraph(
            "The ranking is the same with the stages' weights and with equal weights: it does "
            "not depend on the weights chosen."
        )
    notes = [one_line(note) for note in context.comparison.notes if one_line(note)]
    if notes:
        writer.paragraph("Notes on the comparison:", keep_with_next=True)
        writer.bullets(notes)


def _write_rank_table(writer: PackWriter, context: BriefingContext) -> None:
    compared = context.comparison.candidates
    stage_ranks = [c.stage_weights_rank for c in compared]
    equal_ranks = [c.equal_weights_rank for c in compared]
    rows = [
        (
            name_text(context.candidate_label(c.candidate)),
            rank_text(c.stage_weights_rank, stage_ranks),
            rank_text(c.equal_weights_rank, equal_ranks),
            rank_change_text(c.rank_change).capitalize(),
        )
        for c in compared
    ]
    header = ("Candidate", RANK_STAGE_WEIGHTS, RANK_EQUAL_WEIGHTS, "Change")
    table = writer.table(
        header, rows, (0.3, 0.18, 0.18, 0.16), caption="Rank changes", keep_together=True
    )
    align_right(table, (1, 2))
