"""One candidate at one stage: attribute results, profile chart, evidence, moderation, outcome.

Candidates follow one another without a page break, so a printed stage takes no more paper
than it needs: every heading stays with what it introduces, a short table stays whole with
its introduction, and the outcome lines stay together. The chart stays under its heading;
its figures table, with its own introduction, may start the next page rather than leave
most of a page empty. Attributes the stage did not assess at all are left out of every table
here (the stage names them once); the radar chart keeps every axis, marking those "not
scored", so profiles look alike across stages.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from docx.text.paragraph import Paragraph

from recruit.domain.documents.scoring_summary.model import (
    CandidateModeration,
    EvidenceNote,
    StageSummary,
    SummaryContext,
)
from recruit.domain.documents.scoring_summary.parts import (
    align_right,
    chart_summary,
    find_attribute,
    fits_on_part_of_a_page,
    heading,
    shown_attributes,
    unassessed_attributes,
    write_chart,
)
from recruit.domain.documents.scoring_summary.text import (
    NOT_ASSESSED,
    NOT_RANKED,
    attribute_flags_text,
    datetime_text,
    outcome_text,
    rank_texts,
    score_text,
    total_text,
)
from recruit.domain.documents.word.writer import PackWriter, one_line
from recruit.domain.scoring.model import AttributeResult, CandidateResult

# "Range" is the lowest to the highest member score, "2.0 to 5.0", as on the summary page.
RESULTS_HEADER = (
    "Attribute", "Scored by", "No evidence", "Mean", "Median", "Range", "Agreed", "Flags",
)  # fmt: skip
# Every heading fits on one line, so each row is one line high.
_RESULTS_WIDTHS = (0.17, 0.085, 0.095, 0.07, 0.07, 0.12, 0.07, 0.32)
PANEL_MEAN = "Panel mean"
AFTER_MODERATION = "After moderation"
# Narrower than the page: three short columns read more easily close together.
_FIGURES_WIDTHS = (0.3, 0.12, 0.12)
EVIDENCE_HEADER = ("Attribute", "Panel member", "Score", "Evidence note")
_EVIDENCE_WIDTHS = (0.16, 0.2, 0.05, 0.59)
MODERATION_HEADER = ("Attribute", "Formula", "Agreed", "Reason", "Agreed by", "When")
_MODERATION_WIDTHS = (0.17, 0.07, 0.07, 0.41, 0.12, 0.16)
PROFILE_HEADING = "Profile"
EVIDENCE_HEADING = "Strongest evidence"
MODERATION_HEADING = "Moderation and outcome"
NO_CHANGES = "The panel did not agree any change to the formula results."
# The highest-scored notes on each attribute: enough to show what the panel heard without
# reprinting every sheet. The raw scores export has every note in full. The method note at
# the front says so once, rather than each candidate's section.
STRONGEST_NOTES = 2
_NOTE_LIMIT = 1_500


def write_candidate(
    writer: PackWriter,
    context: SummaryContext,
    stage: StageSummary,
    candidate: CandidateResult,
    *,
    left_out: Collection[str] | None = None,
    level: int = 2,
) -> None:
    """The candidate's heading at ``level``, its parts a level down. ``left_out``: attribute
    keys the stage did not assess (worked out if None)."""
    if left_out is None:
        left_out = unassessed_attributes(context, stage.result.candidates)
    keys = shown_attributes(context, left_out)
    label = one_line(context.candidate_label(candidate.candidate))
    heading(writer, label, level)
    ranked = stage.result.candidates
    ranks = {c.candidate: rank for c, rank in zip(ranked, rank_texts(ranked), strict=True)}
    rank = ranks.get(candidate.candidate, str(candidate.rank))
    place = (
        "not ranked (the stage heard no evidence on them)"
        if rank == NOT_RANKED
        else f"rank {rank} of {len(ranked)}"
    )
    writer.paragraph(
        f"{one_line(stage.name)}: {place}, "
        f"weighted total {total_text(candidate, joiner=', ')}, "
        f"outcome {outcome_text(candidate).lower()}.",
        keep_with_next=True,
    )
    write_attribute_results(writer, context, candidate, label, attributes=keys)
    write_profile(writer, context, candidate, label, attributes=keys, level=level + 1)
    _write_evidence(writer, context, stage, candidate, label, keys, level + 1)
    record = stage.moderation.get(candidate.candidate, CandidateModeration())
    _write_moderation_and_outcome(writer, context, candidate, record, label, level + 1)


def write_attribute_results(
    writer: PackWriter,
    context: SummaryContext,
    candidate: CandidateResult,
    label: str,
    *,
    attributes: Sequence[str] | None = None,
) -> None:
    """The members' scores on each attribute in ``attributes`` (all if None), as a table.

    It follows the candidate's heading and the line of rank and total straight away.
    """
    keys = list(context.attribute_names if attributes is None else attributes)
    rows = [_result_row(context.short_name(key), find_attribute(candidate, key)) for key in keys]
    caption = f"Attribute results for {label}"
    keep = fits_on_part_of_a_page(writer, RESULTS_HEADER, rows, _RESULTS_WIDTHS)
    table = writer.table(RESULTS_HEADER, rows, _RESULTS_WIDTHS, caption=caption, keep_together=keep)
    align_right(table, range(1, 7))


def _result_row(name: str, result: AttributeResult | None) -> tuple[str, ...]:
    if result is None:
        return (one_line(name), "0", "0", NOT_ASSESSED, *(["\u2013"] * 3), NOT_ASSESSED)
    return (
        one_line(name),
        str(result.count),
        str(result.no_evidence_count),
        score_text(result.mean, missing="\u2013"),
        score_text(result.median, missing="\u2013"),
        range_text(result),
        score_text(result.agreed, missing="\u2013"),
        attribute_flags_text(result),
    )


def range_text(result: AttributeResult) -> str:
    """The lowest to the highest member score, "2.0 to 5.0"; a dash when no one scored."""
    if result.minimum is None or result.maximum is None:
        return "\u2013"
    return f"{score_text(result.minimum)} to {score_text(result.maximum)}"


def write_profile(
    writer: PackWriter,
    context: SummaryContext,
    candidate: CandidateResult,
    label: str,
    *,
    attributes: Sequence[str] | None = None,
    level: int = 3,
) -> None:
    """The radar chart, then the same figures as a table (the chart's text alternative).

    When the panel agreed any score, a second series shows every attribute after moderation
    (the agreed score where there is one, else the mean), so the chart shows what moved. The
    chart has an axis for every attribute; the table has a row for each in ``attributes``
    (all if None), since an attribute the stage did not assess has no figure to give.
    """
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
    shown = set(context.attribute_names if attributes is None else attributes)
    rows = [
        (one_line(name), *(score_text(values[index]) for _, values in series))
        for index, (key, name) in enumerate(zip(context.attribute_names, names, strict=True))
        if key in shown
    ]
    header = ("Attribute", *(name for name, _ in series))
    widths = _FIGURES_WIDTHS[: len(header)]
    heading(writer, PROFILE_HEADING, level)
    write_chart(
        writer, names, series, alt_text=description + " The figures follow in a table.",
        trim=True,
    )  # fmt: skip
    writer.paragraph("The figures in the chart:", keep_with_next=True)
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
    keys: Sequence[str],
    level: int,
) -> None:
    heading(writer, EVIDENCE_HEADING, level)
    rows = [
        (one_line(name), one_line(member_text(note)), str(note.score), note_text(note.note))
        for key, name in ((key, context.short_name(key)) for key in keys)
        for note in strongest_notes(stage.evidence.get((candidate.candidate, key), ()))
    ]
    if not rows:
        writer.paragraph("No evidence notes with a score were recorded for this candidate.")
        return
    # Free to run over a page: the header repeats and is kept with the first note.
    caption = f"Strongest evidence for {label}"
    table = writer.table(EVIDENCE_HEADER, rows, _EVIDENCE_WIDTHS, caption=caption)
    align_right(table, (2,))


def member_text(note: EvidenceNote) -> str:
    """Who wrote an evidence note, with the question they wrote it against."""
    return f"{note.member} ({note.question})" if note.question.strip() else note.member


def note_text(note: str) -> str:
    """An evidence note as printed: trimmed, and shortened only when pasted in error."""
    # Notes keep their own line breaks; only a note pasted in error runs to many pages.
    text = note.strip()
    if len(text) <= _NOTE_LIMIT:
        return text
    return text[:_NOTE_LIMIT].rstrip() + "\u2026 (shortened: see the raw scores export)"


def _write_moderation_and_outcome(
    writer: PackWriter,
    context: SummaryContext,
    candidate: CandidateResult,
    record: CandidateModeration,
    label: str,
    level: int,
) -> None:
    """What moderation changed, then the outcome: a short block kept on one page."""
    heading(writer, MODERATION_HEADING, level)
    if record.agreed_scores:
        _write_agreed_scores(writer, context, record, label)
    else:
        writer.paragraph(NO_CHANGES, label="Moderation:", keep_with_next=True)
    _keep_with_each_next(_write_outcome(writer, candidate, record))


def _write_agreed_scores(
    writer: PackWriter, context: SummaryContext, record: CandidateModeration, label: str
) -> None:
    writer.paragraph("The panel agreed these changes to the formula results:", keep_with_next=True)
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
    keep = fits_on_part_of_a_page(writer, MODERATION_HEADER, rows, _MODERATION_WIDTHS)
    table = writer.table(
        MODERATION_HEADER, rows, _MODERATION_WIDTHS, caption=f"Moderation record for {label}",
        keep_together=keep,
    )  # fmt: skip
    align_right(table, (1, 2))


def _write_outcome(
    writer: PackWriter, candidate: CandidateResult, record: CandidateModeration
) -> list[Paragraph]:
    """The outcome lines, returned so the caller can keep them together."""
    recorded = [
        f"by {one_line(record.decided_by)}" if record.decided_by.strip() else "",
        datetime_text(record.decided_at) if record.decided_at is not None else "",
    ]
    outcome = outcome_text(candidate)
    if any(recorded):
        outcome += f" (recorded {', '.join(part for part in recorded if part)})"
    written = [writer.paragraph(outcome, label="Outcome:")]
    if record.outcome_reasons.strip():
        written.append(writer.paragraph(record.outcome_reasons.strip(), label="Reasons:"))
    if not candidate.floor_breached:
        return written
    if candidate.floor_overridden:
        written.append(writer.paragraph("The values floor applies:"))
    else:
        written.append(
            writer.paragraph(
                "The values floor applies: under it the candidate is not appointable, whatever "
                "their total."
            )
        )
    reasons = candidate.floor_reasons or ("The candidate's values score is below the floor.",)
    writer.bullets(reasons)
    written.extend(writer.document.paragraphs[-len(reasons) :])
    if candidate.floor_overridden:
        reason = (candidate.override_reason or "").strip() or "No reason recorded."
        written.append(writer.paragraph(reason, label="The panel overrode the floor. Reason:"))
    return written


def _keep_with_each_next(paragraphs: Sequence[Paragraph]) -> None:
    """Keep a short run of paragraphs on one page; the last is free, so the next candidate's
    block can start on the same page."""
    for paragraph in paragraphs[:-1]:
        paragraph.paragraph_format.keep_with_next = True
