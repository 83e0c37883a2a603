"""One candidate at one stage: attribute results, profile chart, evidence, moderation, outcome.

Each candidate starts on a new page, so a chair can hand one candidate's pages to the
decision panel, or to the candidate asking for feedback, without the others'.
"""

from __future__ import annotations

from recruit.domain.documents.interview_pack_word import PackWriter, one_line
from recruit.domain.documents.scoring_summary_model import (
    CandidateModeration,
    EvidenceNote,
    StageSummary,
    SummaryContext,
)
from recruit.domain.documents.scoring_summary_parts import (
    align_right,
    chart_summary,
    find_attribute,
    write_chart,
)
from recruit.domain.documents.scoring_summary_text import (
    NOT_ASSESSED,
    attribute_flags_text,
    datetime_text,
    outcome_text,
    rank_texts,
    score_text,
    total_text,
)
from recruit.domain.scoring_model import AttributeResult, CandidateResult

RESULTS_HEADER = (
    "Attribute", "Scored by", "No evidence", "Mean", "Median", "Lowest", "Highest",
    "Spread", "Agreed", "Flags",
)  # fmt: skip
# Every heading fits on one line, so the table and the chart after it share a landscape page.
_RESULTS_WIDTHS = (0.17, 0.085, 0.095, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.23)
PANEL_MEAN = "Panel mean"
AFTER_MODERATION = "After moderation"
# Narrower than the page: three short columns read more easily close together.
_FIGURES_WIDTHS = (0.3, 0.12, 0.12)
EVIDENCE_HEADER = ("Attribute", "Panel member", "Score", "Evidence note")
MODERATION_HEADER = ("Attribute", "Formula", "Agreed", "Reason", "Agreed by", "When")
# The highest-scored notes on each attribute: enough to show what the panel heard without
# reprinting every sheet. The raw scores export has every note in full.
STRONGEST_NOTES = 2
_NOTE_LIMIT = 1_500


def write_candidate(
    writer: PackWriter, context: SummaryContext, stage: StageSummary, candidate: CandidateResult
) -> None:
    label = one_line(context.candidate_label(candidate.candidate))
    writer.heading(label, 2, new_page=True)
    ranked = stage.result.candidates
    ranks = {c.candidate: rank for c, rank in zip(ranked, rank_texts(ranked), strict=True)}
    rank = ranks.get(candidate.candidate, str(candidate.rank))
    writer.paragraph(
        f"{one_line(stage.name)}: rank {rank} of {len(ranked)}, "
        f"weighted total {total_text(candidate, joiner=', ')}, "
        f"outcome {outcome_text(candidate).lower()}."
    )
    write_attribute_results(writer, context, candidate, label)
    write_profile(writer, context, candidate, label)
    _write_evidence(writer, context, stage, candidate, label)
    record = stage.moderation.get(candidate.candidate, CandidateModeration())
    _write_moderation(writer, context, record, label)
    _write_outcome(writer, candidate, record)


def write_attribute_results(
    writer: PackWriter, context: SummaryContext, candidate: CandidateResult, label: str
) -> None:
    writer.heading("Attribute results", 3)
    rows = [
        _result_row(context.short_name(key), find_attribute(candidate, key))
        for key in context.attribute_names
    ]
    caption = f"Attribute results for {label}"
    table = writer.table(RESULTS_HEADER, rows, _RESULTS_WIDTHS, caption=caption)
    align_right(table, range(1, 9))


def _result_row(name: str, result: AttributeResult | None) -> tuple[str, ...]:
    if result is None:
        return (one_line(name), "0", "0", NOT_ASSESSED, *(["\u2013"] * 5), NOT_ASSESSED)
    figures = (result.mean, result.median, result.minimum, result.maximum, result.spread)
    return (
        one_line(name),
        str(result.count),
        str(result.no_evidence_count),
        *(score_text(value, missing="\u2013") for value in figures),
        score_text(result.agreed, missing="\u2013"),
        attribute_flags_text(result),
    )


def write_profile(
    writer: PackWriter, context: SummaryContext, candidate: CandidateResult, label: str
) -> None:
    """The radar chart, then the same figures as a table (the chart's text alternative).

    When the panel agreed any score, a second series shows every attribute after moderation
    (the agreed score where there is one, else the mean), so the chart shows what moved.
    """
    writer.heading("Profile", 3)
    names = [context.short_name(key) for key in context.attribute_names]
    results = [find_attribute(candidate, key) for key in context.attribute_names]
    series: list[tuple[str, list[float | None]]] = [
        (PANEL_MEAN, [result.mean if result else None for result in results])
    ]
    if any(result is not None and result.agreed is not None for result in results):
        series.append((AFTER_MODERATION, [result.result if result else None for result in results]))
    description = f"Radar chart of {label}'s scores, on a scale of 0 to 5. " + " ".join(
        f"{name}: {chart_summary(names, values)}." for name, values in series
    )
    write_chart(writer, names, series, alt_text=description + " The figures follow in a table.")
    writer.paragraph("The figures in the chart:", keep_with_next=True)
    rows = [
        (one_line(name), *(score_text(values[index]) for _, values in series))
        for index, name in enumerate(names)
    ]
    header = ("Attribute", *(name for name, _ in series))
    widths = _FIGURES_WIDTHS[: len(header)]
    caption = f"Chart figures for {label}"
    table = writer.table(header, rows, widths, caption=caption, keep_together=True)
    align_right(table, range(1, len(header)))


def strongest_notes(notes: tuple[EvidenceNote, ...]) -> list[EvidenceNote]:
    """Up to ``STRONGEST_NOTES`` notes with a score and some text, highest score first."""
    scored = [note for note in notes if note.score is not None and note.note.strip()]
    scored.sort(key=lambda note: (-(note.score or 0), one_line(note.member).casefold()))
    return scored[:STRONGEST_NOTES]


def _write_evidence(
    writer: PackWriter,
    context: SummaryContext,
    stage: StageSummary,
    candidate: CandidateResult,
    label: str,
) -> None:
    writer.heading("Strongest evidence", 3)
    rows = [
        (one_line(name), one_line(_member_text(note)), str(note.score), _note_text(note.note))
        for key, name in ((key, context.short_name(key)) for key in context.attribute_names)
        for note in strongest_notes(stage.evidence.get((candidate.candidate, key), ()))
    ]
    if not rows:
        writer.paragraph("No evidence notes with a score were recorded for this candidate.")
        return
    writer.paragraph(
        f"The highest-scored notes on each attribute, up to {STRONGEST_NOTES}. The raw scores "
        "export has every member's score and note.",
        keep_with_next=True,
    )
    caption = f"Strongest evidence for {label}"
    table = writer.table(EVIDENCE_HEADER, rows, (0.17, 0.18, 0.06, 0.59), caption=caption)
    align_right(table, (2,))


def _member_text(note: EvidenceNote) -> str:
    return f"{note.member} ({note.question})" if note.question.strip() else note.member


def _note_text(note: str) -> str:
    # Notes keep their own line breaks; only a note pasted in error runs to many pages.
    text = note.strip()
    if len(text) <= _NOTE_LIMIT:
        return text
    return text[:_NOTE_LIMIT].rstrip() + "\u2026 (shortened: see the raw scores export)"


def _write_moderation(
    writer: PackWriter, context: SummaryContext, record: CandidateModeration, label: str
) -> None:
    writer.heading("Moderation record", 3)
    if not record.agreed_scores:
        writer.paragraph("The panel did not agree any change to the formula results.")
        return
    rows = [
        (
            one_line(context.short_name(change.attribute)),
            score_text(change.formula_value),
            score_text(change.agreed_value),
            change.rationale.strip(),
            one_line(change.by),
            datetime_text(change.at),
        )
        for change in record.agreed_scores
    ]
    widths = (0.17, 0.07, 0.07, 0.43, 0.12, 0.14)
    table = writer.table(MODERATION_HEADER, rows, widths, caption=f"Moderation record for {label}")
    align_right(table, (1, 2))


def _write_outcome(
    writer: PackWriter, candidate: CandidateResult, record: CandidateModeration
) -> None:
    writer.heading("Outcome", 3)
    writer.paragraph(outcome_text(candidate), label="Outcome:")
    if record.decided_by.strip() or record.decided_at is not None:
        decided = (
            f"{one_line(record.decided_by) or 'Not recorded'}, {datetime_text(record.decided_at)}"
        )
        writer.paragraph(decided, label="Recorded by:")
    if record.outcome_reasons.strip():
        writer.paragraph(record.outcome_reasons.strip(), label="Reasons:")
    if not candidate.floor_breached:
        return
    writer.paragraph("The values floor applies:", keep_with_next=True)
    writer.bullets(candidate.floor_reasons or ("The candidate's values score is below the floor.",))
    if candidate.floor_overridden:
        reason = (candidate.override_reason or "").strip() or "No reason recorded."
        writer.paragraph(reason, label="The panel overrode the floor. Reason:")
    else:
        writer.paragraph(
            "Under the values floor the candidate is not appointable, whatever their total."
        )
