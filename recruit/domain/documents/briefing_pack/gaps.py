"""The target levels and where each candidate reads below them; how the weights move the ranking.

A target level is a word on the rubric's scale (Sound, Strong, Exceptional), set by the
deciding panel with a reason. A candidate's figure is read as the level it is nearest, and the
pack says so in words ("reads as Sound (3.3); the target is Strong") with the panel's concern
notes as the evidence. It never prints a decimal gap or a sum of gaps: two or three members'
whole-number scores do not measure a shortfall to a tenth, and adding shortfalls on different
attributes gives a figure that means nothing. Values-driven leadership comes first: it is the
foundation the other attributes rest on.
"""

from __future__ import annotations

from recruit.domain.comparison.evidence import Note
from recruit.domain.comparison.model import ComparedCandidate, TargetProfile
from recruit.domain.documents.briefing_pack.model import BriefingContext
from recruit.domain.documents.briefing_pack.table import (
    RANK_EQUAL_WEIGHTS,
    RANK_STAGE_WEIGHTS,
)
from recruit.domain.documents.briefing_pack.text import (
    CELL_TEXT_LIMIT,
    NO_MINIMUM,
    cell_text,
    find_gap,
    has_target,
    level_sentence,
    name_text,
    rank_change_text,
    rank_text,
    run_on_heading,
    target_level,
)
from recruit.domain.documents.scoring_summary.parts import align_right
from recruit.domain.documents.scoring_summary.text import score_text
from recruit.domain.documents.word.writer import PackWriter, one_line

TARGET_HEADING = "Target levels"
RANK_CHANGES_HEADING = "Rank changes"
NOTES_HEADING = "Notes on the comparison"
CONTEXT_ONLY = "(context only)"
CONTEXT_NEVER_TARGET = (
    "The profiles marked \u201ccontext only\u201d are shown beside the target for information: "
    "they are never the target, and no candidate is measured against them."
)
NO_TARGET = (
    "No target levels were set for this vacancy, so the candidates are compared with each "
    "other only."
)
VALUES_CALLOUT = (
    "Values are the foundation of the other attributes: a reading below the target here "
    "matters more than the figure alone suggests."
)
NO_CONCERN_NOTES = "The deciding panel wrote no concern notes on it."


def write_target(writer: PackWriter, context: BriefingContext) -> None:
    writer.heading(TARGET_HEADING, 1, new_page=True)
    target = context.comparison.target
    if target is None or not has_target(context):
        writer.paragraph(NO_TARGET)
        return
    source = name_text(context.target_description, CELL_TEXT_LIMIT)
    writer.paragraph(
        "The level the role needs on each attribute, in the scale's words, and why."
        + (f" {source}." if source else ""),
        keep_with_next=True,
    )
    _write_levels_table(writer, context, target)
    if target.context:
        writer.paragraph(CONTEXT_NEVER_TARGET)
    for compared in context.comparison.candidates:
        _write_candidate_levels(writer, context, compared)


def _write_levels_table(
    writer: PackWriter, context: BriefingContext, target: TargetProfile
) -> None:
    profiles = target.context
    header = (
        "Attribute",
        "Target level",
        "Why the role needs it",
        *(f"{name_text(profile.label)} {CONTEXT_ONLY}" for profile in profiles),
    )
    rows = [
        (
            name_text(context.short_name(key)),
            target.level_name(key) or NO_MINIMUM,
            cell_text(target.reasons.get(key, "")) or "No reason recorded",
            *(score_text(profile.figures.get(key), missing=NO_MINIMUM) for profile in profiles),
        )
        for key in context.attribute_names
    ]
    context_share = min(0.12, 0.4 / max(len(profiles), 1)) if profiles else 0.0
    reason_share = 1 - 0.2 - 0.12 - context_share * len(profiles)
    widths = (0.2, 0.12, reason_share, *([context_share] * len(profiles)))
    table = writer.table(header, rows, widths, caption="Target levels", bold_first_column=True)
    align_right(table, range(3, len(header)))


def _write_candidate_levels(
    writer: PackWriter, context: BriefingContext, compared: ComparedCandidate
) -> None:
    label = name_text(context.candidate_label(compared.candidate))
    writer.heading(label, 2)
    below = [key for key in compared.below_target if key in context.attribute_names]
    if not below:
        writer.paragraph("Reads at or above the target level on every attribute with a figure.")
    for key in below:
        gap = find_gap(compared, key)
        if gap is None:
            continue
        callout = f" {VALUES_CALLOUT}" if key == context.values_attribute else ""
        writer.paragraph(level_sentence(context, gap) + callout, label="Below the target level:")
        notes = _concern_notes(context, compared.candidate, key)
        if notes:
            writer.paragraph("The deciding panel's concerns on it:", keep_with_next=True)
            writer.bullets(notes)
        else:
            writer.paragraph(NO_CONCERN_NOTES)
    unknown = [
        name_text(context.short_name(key))
        for key in context.attribute_names
        if target_level(context, key) is not None
        and ((gap := find_gap(compared, key)) is None or gap.value is None)
    ]
    if unknown:
        writer.paragraph(f"No figure to compare with the target on: {', '.join(unknown)}.")


def _concern_notes(context: BriefingContext, candidate: str, attribute: str) -> list[str]:
    evidence = context.candidate_evidence.get(candidate)
    if evidence is None:
        return []
    return [note_line(note) for note in evidence.attribute(attribute).concerns]


def note_line(note: Note) -> str:
    """ "Jo Bell (Final panel interview, Question 2), scored 2: Talked only about targets."."""
    where = ", ".join(name_text(part) for part in (note.stage, note.question) if part.strip())
    who = name_text(note.member) + (f" ({where})" if where else "")
    score = "No evidence" if note.score is None else f"scored {note.score}"
    return f"{who}, {score}: {cell_text(note.text)}"


def write_rank_changes(writer: PackWriter, context: BriefingContext) -> None:
    """How the ranking moves with equal weights (only when ranked), then the notes."""
    compared = context.comparison.candidates
    notes = [one_line(note) for note in context.comparison.notes if one_line(note)]
    if not context.comparison.ranked:
        if notes:
            run_on_heading(writer, NOTES_HEADING)
            writer.bullets(notes)
        return
    run_on_heading(writer, RANK_CHANGES_HEADING)
    moved = [c for c in compared if c.rank_change != 0]
    if moved:
        writer.paragraph(
            "With equal weights the order changes: it depends on the weights the deciding "
            "stage gave each attribute.",
            keep_with_next=True,
        )
        _write_rank_table(writer, context)
    elif compared:
        writer.paragraph(
            "The ranking is the same with the stage's weights and with equal weights: it does "
            "not depend on the weights chosen."
        )
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
