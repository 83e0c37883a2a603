"""The method note at the front of the panel scoring summary: how every figure was worked out.

A reader who was not on the panel (the appointment panel of elected members, an auditor, a
candidate asking for feedback) should be able to check any figure in the summary from this
note and the raw scores export.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from recruit.domain.documents.scoring_summary.candidate import EVIDENCE_HEADING, STRONGEST_NOTES
from recruit.domain.documents.scoring_summary.model import SummaryContext
from recruit.domain.documents.scoring_summary.parts import (
    align_right,
    heading,
    unassessed_attributes,
)
from recruit.domain.documents.scoring_summary.text import (
    DEFAULT_COMBINATION,
    DEFAULT_NO_EVIDENCE,
    NOT_ASSESSED,
    floor_rule_text,
    percent_texts,
)
from recruit.domain.documents.word.writer import PackWriter, one_line
from recruit.domain.scoring.agreement import (
    MIN_AGREEMENT_MEMBERS,
    MIN_AGREEMENT_UNITS,
    MIN_TENDENCY_MEMBERS,
)
from recruit.domain.scoring.model import FLAG_LABELS, Flag, ValuesFloor

METHOD_HEADING = "How the figures were worked out"
RANGE_MEANING = (
    "An attribute's range runs from the lowest to the highest member score on it, for example "
    "\u201c2.0 to 5.0\u201d. Each member's score is the mean of their scores on the "
    "attribute's questions."
)
AGREEMENT_METHOD_HEADING = "What the agreement figures can and cannot show"
AGREEMENT_MEANING = (
    "Krippendorff's alpha measures how consistently members scored the same answers (one "
    "candidate's answer to one question), from 1 for complete agreement to 0 for no more than "
    "chance. It does not show whether the scores are right: a panel can agree and all be wrong.",
    "With few candidates it is unstable: one score can move it a long way. Below "
    f"{MIN_AGREEMENT_UNITS} answers scored by two or more members, or {MIN_AGREEMENT_MEMBERS} "
    "members, the figure is given without a reading, as too few to judge. At or above that, "
    "the reading follows Krippendorff's bands: 0.8 or more good, from 0.667 tentative, lower "
    "low. It is given for each attribute, never pooled across them.",
    "For comparison, structured panel interviews average an inter-rater reliability of about "
    ".74 (Huffcutt, Culbertson and Weyhrauch, 2013, International Journal of Selection and "
    "Assessment). A figure is a prompt for the panel to discuss where members differed, not a "
    "verdict on the panel or on a candidate.",
    f"Member tendencies need at least {MIN_TENDENCY_MEMBERS} scoring members: with two, each "
    "member's tendency only mirrors the other's.",
)
FLAG_MEANINGS: dict[Flag, str] = {
    "values_floor": "The candidate's values score is below the values floor (see above).",
    "disagreement": "Members' scores on the attribute are 2 or more points apart (range 2 or "
    "more): discuss the evidence before relying on the mean.",
    "not_assessed": "No question at this stage asked about the attribute, or no member "
    "responded on it.",
    "mostly_no_evidence": "More than half of the members who responded found no evidence on "
    "the attribute.",
}


def write_method(writer: PackWriter, context: SummaryContext) -> None:
    """Follows the front page's short table on the same page, to save a sheet of paper."""
    heading(writer, METHOD_HEADING, 1)
    _write_attribute_names(writer, context)
    _write_scale(writer, context)
    heading(writer, "\u201cNo evidence\u201d is not a low score", 2)
    writer.paragraph(context.method.no_evidence.strip() or DEFAULT_NO_EVIDENCE)
    _write_weights(writer, context)
    _write_floor(writer, context)
    heading(writer, "How totals are combined", 2)
    writer.paragraph(context.method.combination.strip() or DEFAULT_COMBINATION)
    _write_flags(writer)
    _write_range_and_agreement(writer)
    heading(writer, EVIDENCE_HEADING, 2)
    writer.paragraph(
        f"Each candidate's section shows the highest-scored evidence notes on each attribute, "
        f"up to {STRONGEST_NOTES} an attribute. The raw scores export has every member's score "
        "and note."
    )


def _write_range_and_agreement(writer: PackWriter) -> None:
    """What the range and the agreement figures can show, and what they cannot."""
    heading(writer, "The range", 2)
    writer.paragraph(RANGE_MEANING)
    heading(writer, AGREEMENT_METHOD_HEADING, 2)
    for text in AGREEMENT_MEANING:
        writer.paragraph(text)


def _write_scale(writer: PackWriter, context: SummaryContext) -> None:
    heading(writer, "The scale", 2)
    writer.paragraph(
        "Each member scored each answer from 1 to 5 against the question's descriptors:",
        keep_with_next=True,
    )
    rows = [
        (str(level.score), one_line(level.label), level.description.strip())
        for level in context.method.scale
    ]
    header = ("Score", "Level", "What it means")
    table = writer.table(header, rows, (0.08, 0.2, 0.72), caption="The scale", keep_together=True)
    align_right(table, (0,))


def _write_weights(writer: PackWriter, context: SummaryContext) -> None:
    heading(writer, "Weights", 2)
    stages = [stage for stage in context.stages if stage.result.weights]
    if not stages:
        writer.paragraph("No weights were set: every attribute counts equally.")
        return
    # An attribute that no candidate at a stage has a score on counts for nothing in that
    # stage's totals, so the shares shown are of the attributes the stage assessed.
    left_out = [unassessed_attributes(context, stage.result.candidates) for stage in stages]
    intro = "Each attribute's share of a stage's weighted total, as the rules applied it"
    if any(left_out):
        intro += (
            ". A stage's totals leave out an attribute it did not assess, so the other "
            "attributes' shares are larger there"
        )
    writer.paragraph(f"{intro}:", keep_with_next=True)
    columns = [
        {key: NOT_ASSESSED for key in unassessed}
        | percent_texts(_assessed_weights(context, stage.result.weights, unassessed))
        for stage, unassessed in zip(stages, left_out, strict=True)
    ]
    rows = [
        (one_line(context.short_name(key)), *(shares.get(key, "0%") for shares in columns))
        for key in context.attribute_names
    ]
    header = ("Attribute", *(one_line(stage.name) for stage in stages))
    # Narrow columns: a share is a few characters, and a stage's name wraps if it must.
    share = min(0.15, 0.75 / len(stages))
    widths = (0.25, *([share] * len(stages)))
    table = writer.table(header, rows, widths, caption="Weights", keep_together=True)
    align_right(table, range(1, len(header)))
    _write_stage_weights(writer, context)


def _assessed_weights(
    context: SummaryContext, weights: Mapping[str, float], unassessed: Collection[str]
) -> dict[str, float]:
    """The assessed attributes' weights in the document's attribute order (then any other
    key), so that a tie for a spare tenth of a percent goes to the attribute listed first."""
    keys = dict.fromkeys((*context.attribute_names, *weights))
    return {key: weights[key] for key in keys if key in weights and key not in unassessed}


def _write_stage_weights(writer: PackWriter, context: SummaryContext) -> None:
    if not context.method.stage_weights:
        return
    writer.paragraph("Each stage's share of the overall total:", keep_with_next=True)
    shares = percent_texts(context.method.stage_weights)
    rows = [(one_line(stage), share) for stage, share in shares.items()]
    table = writer.table(
        ("Stage", "Share"), rows, (0.4, 0.15), caption="Stage weights", keep_together=True
    )
    align_right(table, (1,))


def _write_floor(writer: PackWriter, context: SummaryContext) -> None:
    heading(writer, "The values floor", 2)
    if context.method.floor_rule.strip():
        writer.paragraph(context.method.floor_rule.strip())
        return
    floors: list[ValuesFloor] = []
    for stage in context.stages:
        if stage.result.floor not in floors:
            floors.append(stage.result.floor)
    for floor in floors or [ValuesFloor()]:
        name = context.attribute_names.get(floor.attribute, floor.attribute)
        applies = [one_line(s.name) for s in context.stages if s.result.floor == floor]
        label = f"{', '.join(applies)}:" if len(floors) > 1 else ""
        writer.paragraph(floor_rule_text(floor, name), label=label)


def _write_flags(writer: PackWriter) -> None:
    heading(writer, "Flags", 2)
    writer.paragraph(
        "A flag asks the panel to look again; it does not change a score. An attribute that a "
        "stage did not assess for any candidate is named once at the start of the stage and "
        "left out of its tables, rather than flagged against every candidate.",
        keep_with_next=True,
    )
    rows = [(FLAG_LABELS[flag], meaning) for flag, meaning in FLAG_MEANINGS.items()]
    writer.table(
        ("Flag", "Meaning"), rows, (0.25, 0.75), caption="Flags", keep_together=True,
        bold_first_column=True,
    )  # fmt: skip


def _write_attribute_names(writer: PackWriter, context: SummaryContext) -> None:
    """The key to the short names that the tables and charts use."""
    pairs = [(context.short_name(key), name) for key, name in context.attribute_names.items()]
    if all(one_line(short) == one_line(name) for short, name in pairs):
        return
    heading(writer, "Attribute names", 2)
    writer.paragraph("Tables and charts use each attribute's short name:", keep_with_next=True)
    rows = [(one_line(short), one_line(name)) for short, name in pairs]
    writer.table(
        ("Short name", "Attribute"), rows, (0.3, 0.7), caption="Attribute names",
        keep_together=True,
    )  # fmt: skip
