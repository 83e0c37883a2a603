"""One short section per compared candidate: stage by stage, then moderation and outcome.

The sections follow on from each other rather than each taking a new page: they are short,
and the panel scoring summary has every figure and note for a candidate's own pages.
"""

from __future__ import annotations

from collections.abc import Mapping

from recruit.domain.comparison.model import ComparedCandidate
from recruit.domain.documents.briefing_pack.model import BriefingContext
from recruit.domain.documents.briefing_pack.text import (
    FLOOR_BREACHED,
    FLOOR_MET,
    FLOOR_NOT_ASSESSED,
    cell_text,
    floor_status,
    latest_outcome_at,
    name_text,
    rank_text,
    run_on_heading,
    stage_figure,
)
from recruit.domain.documents.scoring_summary.model import CandidateModeration
from recruit.domain.documents.scoring_summary.parts import align_right, find_attribute
from recruit.domain.documents.scoring_summary.text import (
    datetime_text,
    outcome_text,
    score_text,
    total_text,
)
from recruit.domain.documents.word.writer import PackWriter
from recruit.domain.scoring.model import CandidateResult

CANDIDATES_HEADING = "Each candidate"
AGREED_HEADER = ("Stage", "Attribute", "Formula", "Agreed", "Reason", "Agreed by", "When")
# Shares for the stage name, and for the total, rank and outcome after the attribute columns.
_STAGE_SHARE = 0.18
_STAGE_AFTER = (0.09, 0.07, 0.12)
_MOST_PER_ATTRIBUTE = 0.13


def write_candidates(writer: PackWriter, context: BriefingContext) -> None:
    for index, compared in enumerate(context.comparison.candidates):
        if index == 0:
            run_on_heading(writer, CANDIDATES_HEADING)
        _write_candidate(writer, context, compared)


def _write_candidate(
    writer: PackWriter, context: BriefingContext, compared: ComparedCandidate
) -> None:
    label = name_text(context.candidate_label(compared.candidate))
    writer.heading(label, 2)
    writer.paragraph(_standing(context, compared))
    _write_stage_results(writer, context, compared, label)
    _write_moderation(writer, context, compared, label)


def _standing(context: BriefingContext, compared: ComparedCandidate) -> str:
    """One sentence at the deciding stage: both ranks and the weighted total (only when the
    comparison is ranked), the values floor and the outcome."""
    combined = compared.combined
    floor = {
        FLOOR_MET: "met",
        FLOOR_BREACHED: "breached (not appointable by rule)",
        FLOOR_NOT_ASSESSED: "not assessed",
    }.get(floor_status(context, compared), "overridden by the panel")
    stage, outcome = latest_outcome_at(compared, context.comparison.deciding)
    decided = f"{outcome.lower()} at {name_text(stage)}" if stage else outcome.lower()
    if not context.comparison.ranked:
        return f"At the deciding stage: values floor {floor}; outcome {decided}."
    columns = context.comparison.candidates
    stage_rank = rank_text(compared.stage_weights_rank, [c.stage_weights_rank for c in columns])
    equal_rank = rank_text(compared.equal_weights_rank, [c.equal_weights_rank for c in columns])
    return (
        f"At the deciding stage: rank {stage_rank} with the stage's weights and {equal_rank} "
        f"with equal weights; weighted total {total_text(combined, joiner=', ')}; values floor "
        f"{floor}; outcome {decided}."
    )


def _write_stage_results(
    writer: PackWriter, context: BriefingContext, compared: ComparedCandidate, label: str
) -> None:
    writer.heading("Results at each stage", 3)
    stages = [s for s in context.comparison.stages if s in compared.stage_results]
    if not stages:
        writer.paragraph("No stage results are recorded for this candidate.")
        return
    keys = list(context.attribute_names)
    ranked = context.comparison.ranked
    # Unranked, a stage's total and rank would rank on part of what the role needs.
    after = ("Weighted total", "Rank at stage", "Outcome") if ranked else ("Outcome",)
    after_shares = _STAGE_AFTER if ranked else _STAGE_AFTER[-1:]
    header = ("Stage", *(name_text(context.short_name(k)) for k in keys), *after)
    rows = [
        _stage_row(name_text(stage), compared.stage_results[stage], keys, ranked=ranked)
        for stage in stages
    ]
    share = (1 - _STAGE_SHARE - sum(after_shares)) / max(len(keys), 1)
    widths = (_STAGE_SHARE, *([min(share, _MOST_PER_ATTRIBUTE)] * len(keys)), *after_shares)
    table = writer.table(
        header, rows, widths, caption=f"Results at each stage for {label}", keep_together=True,
        bold_first_column=True,
    )  # fmt: skip
    align_right(table, range(1, len(keys) + (3 if ranked else 1)))
    missing = [name_text(s) for s in context.comparison.stages if s not in compared.stage_results]
    if missing:
        writer.paragraph(f"No results at: {'; '.join(missing)}.")


def _stage_row(
    stage: str, result: CandidateResult, keys: list[str], *, ranked: bool
) -> tuple[str, ...]:
    figures = (stage, *(stage_figure(find_attribute(result, key)) for key in keys))
    if not ranked:
        return (*figures, outcome_text(result))
    return (*figures, total_text(result), str(result.rank), outcome_text(result))


def _write_moderation(
    writer: PackWriter, context: BriefingContext, compared: ComparedCandidate, label: str
) -> None:
    writer.heading("Moderation and outcome", 3)
    records = context.moderation.get(compared.candidate, {})
    stages = [s for s in context.comparison.stages if s in compared.stage_results or s in records]
    changes = [
        (
            name_text(stage),
            name_text(context.short_name(change.attribute)),
            score_text(change.formula_value),
            score_text(change.agreed_value),
            cell_text(change.rationale),
            name_text(change.by),
            datetime_text(change.at),
        )
        for stage in stages
        for change in records.get(stage, CandidateModeration()).agreed_scores
    ]
    if changes:
        writer.paragraph("Scores the panels agreed at moderation:", keep_with_next=True)
        widths = (0.15, 0.14, 0.07, 0.07, 0.31, 0.12, 0.14)
        table = writer.table(AGREED_HEADER, changes, widths, caption=f"Agreed scores for {label}")
        align_right(table, (2, 3))
    else:
        writer.paragraph("The panels did not agree any change to the formula results.")
    for stage in stages:
        writer.paragraph(_outcome_text(stage, compared, records), label=f"{name_text(stage)}:")
    _write_floor(writer, compared.combined)


def _outcome_text(
    stage: str, compared: ComparedCandidate, records: Mapping[str, CandidateModeration]
) -> str:
    """ "Appointable. Reasons: ... Recorded by Sam Patel, 12 January 2027, 2:30pm." """
    record = records.get(stage, CandidateModeration())
    result = compared.stage_results.get(stage)
    text = f"{outcome_text(result) if result is not None else 'No result'}."
    reasons = record.outcome_reasons.strip()
    text += f" Reasons: {reasons}" if reasons else " No reasons recorded."
    if record.decided_by.strip() or record.decided_at is not None:
        by = name_text(record.decided_by) or "not recorded"
        text += f"{'' if text.endswith('.') else '.'} Recorded by {by}, "
        text += f"{datetime_text(record.decided_at)}."
    return text


def _write_floor(writer: PackWriter, combined: CandidateResult) -> None:
    if not combined.floor_breached:
        return
    writer.paragraph("The values floor applies:", keep_with_next=True)
    writer.bullets(combined.floor_reasons or ("The candidate's values score is below the floor.",))
    if combined.floor_overridden:
        reason = (combined.override_reason or "").strip() or "No reason recorded."
        writer.paragraph(reason, label="The panel overrode the floor. Reason:")
    else:
        writer.paragraph(
            "Under the values floor the candidate is not appointable, whatever their total."
        )
