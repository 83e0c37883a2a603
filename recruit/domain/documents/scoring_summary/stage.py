"""The stage sections of the panel scoring summary, and the decision: the deciding stage.

The deciding panel's stage comes first, in a section of its own ("The deciding panel: ..."),
then the advisory panels under one heading that says they advise and are never averaged in,
each advisory stage a level down. Each stage shows when moderation closed (or that it is
open), its results table first (what the panel decides from), then how far the panel agreed
(how far to trust those figures), then one section per candidate, each following on from
the last. An attribute the stage did not assess at all is named once at the top of the
stage and left out of its tables.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from recruit.domain.documents.scoring_summary.candidate import write_candidate
from recruit.domain.documents.scoring_summary.method import (
    AGREEMENT_METHOD_HEADING,
    METHOD_HEADING,
)
from recruit.domain.documents.scoring_summary.model import StageSummary, SummaryContext
from recruit.domain.documents.scoring_summary.parts import (
    align_right,
    chart_summary,
    find_attribute,
    fits_on_part_of_a_page,
    heading,
    shown_attributes,
    unassessed_attributes,
    write_chart,
    write_not_assessed,
    write_results_table,
)
from recruit.domain.documents.scoring_summary.text import (
    alpha_text,
    date_text,
    datetime_text,
    moderation_closed_text,
    score_text,
    signed_text,
)
from recruit.domain.documents.word.writer import PackWriter, one_line, running_text
from recruit.domain.scoring.agreement import MIN_AGREEMENT_MEMBERS, MIN_AGREEMENT_UNITS
from recruit.domain.scoring.model import AlphaReading, CandidateResult

RESULTS_HEADING = "Results"
DECIDING_HEADING = "The deciding panel: {stage}"
ADVISORY_HEADING = "Advisory panels"
ADVISORY_EXPLAINED = (
    "These panels advise the deciding panel: their figures, moderation and reports are for "
    "the deciding panel to weigh. They are never averaged into the deciding panel's totals or "
    "ranking, and they do not make the decision."
)
AGREEMENT_HEADING = "How far the panel agreed"
TENDENCIES_HEADING = "Member tendencies: a calibration aid"
OVERALL_HEADING = "The decision"
PROFILES_HEADING = "Profiles compared"
ALPHA_HEADER = ("Attribute", "Alpha", "Answers compared", "Members compared", "Reading")
ALPHA_WIDTHS = (0.22, 0.1, 0.12, 0.12, 0.44)
TENDENCY_HEADER = ("Panel member", "Difference from the others", "Scores compared", "Reading")
FACTS_HEADER = ("Held on", "Panel members", "Candidates", "Moderation opened", "Moderation closed")
_FACTS_WIDTHS = (0.14, 0.12, 0.1, 0.22, 0.32)
# "{it}" and "{this}" are filled in by write_not_assessed, for one attribute or more.
NOT_ASSESSED_AT_STAGE = (
    "No candidate has a score on {this} at this stage, so this stage's tables leave {it} out "
    "and its weighted totals are worked out from the other attributes."
)
NOT_ASSESSED_AT_ANY_STAGE = "No candidate has a score on {this} at any stage."
ALPHA_EXPLAINED = (
    "Krippendorff's alpha measures how consistently members scored the same answers: 1 is "
    "complete agreement and 0 no more than chance would give. It counts only answers that two "
    "or more members scored, and cannot be measured when there are too few or the scores never "
    "vary. It does not show whether the scores are right: a panel can agree and all be wrong. "
    f"With few candidates it is unstable, so below {MIN_AGREEMENT_UNITS} answers or "
    f"{MIN_AGREEMENT_MEMBERS} members the figure is given without a reading. It is a prompt "
    "to discuss the answers where members differed, not a verdict on the panel. For "
    "comparison, structured panel interviews average an inter-rater reliability of about .74 "
    "(Huffcutt, Culbertson and Weyhrauch, 2013, International Journal of Selection and "
    "Assessment). Alpha is given for each attribute only: pooled across attributes it would "
    "mix different evidence into one figure."
)
# The stage repeats only the gist: the method note at the front has the whole of it.
STAGE_ALPHA_NOTE = (
    "Krippendorff's alpha for each attribute: how consistently members scored the same "
    "answers, not whether the scores are right. It is a prompt to discuss, not a verdict; "
    f"\u201c{AGREEMENT_METHOD_HEADING}\u201d, in \u201c{METHOD_HEADING}\u201d, says how to "
    "read it."
)
TENDENCIES_EXPLAINED = (
    "How far each member's scores sat above or below the other members' on the same questions. "
    "This is a calibration aid for the chair, to prompt a conversation about how the scale is "
    "being read. It is not a judgement on any member, and it never changes a score."
)
# More lines than this make a radar chart unreadable; the table still has every candidate.
CHART_CANDIDATE_LIMIT = 6


def write_stages(writer: PackWriter, context: SummaryContext) -> None:
    """The deciding panel's stage, then the advisory panels under a heading of their own."""
    advisory = [stage for stage in context.stages if not stage.result.deciding]
    for stage in context.stages:
        if stage.result.deciding:
            title = DECIDING_HEADING.format(stage=one_line(stage.name))
            write_stage(writer, context, stage, title=title)
    if not advisory:
        return
    heading(writer, ADVISORY_HEADING, 1, new_page=True)
    writer.paragraph(ADVISORY_EXPLAINED, keep_with_next=True)
    for index, stage in enumerate(advisory):
        write_stage(writer, context, stage, level=2, new_page=index > 0)


def write_stage(
    writer: PackWriter,
    context: SummaryContext,
    stage: StageSummary,
    *,
    title: str = "",
    level: int = 1,
    new_page: bool = True,
) -> None:
    """One stage under a heading at ``level`` (its name, or ``title``); its parts a level down."""
    heading(writer, title or one_line(stage.name), level, new_page=new_page)
    _write_stage_facts(writer, stage)
    candidates = stage.result.candidates
    left_out = unassessed_attributes(context, candidates)
    write_not_assessed(writer, context, left_out, where="at this stage", then=NOT_ASSESSED_AT_STAGE)
    heading(writer, RESULTS_HEADING, level + 1)
    if not candidates:
        writer.paragraph("No candidate has results at this stage yet.")
        return
    writer.paragraph(
        "Candidates in rank order. Each attribute shows the panel mean, and the agreed score "
        "where the panel set one at moderation.",
        keep_with_next=True,
    )
    write_results_table(
        writer, context, candidates, caption=f"Results: {one_line(stage.name)}",
        attributes=shown_attributes(context, left_out), unflagged=left_out,
    )  # fmt: skip
    write_agreement(writer, context, stage, left_out=left_out, level=level + 1)
    for candidate in candidates:
        write_candidate(writer, context, stage, candidate, left_out=left_out, level=level + 1)


def _write_stage_facts(writer: PackWriter, stage: StageSummary) -> None:
    """The stage's dates and numbers, across the page: one row under its header; then when
    moderation closed, in words, as the figures are final only from then."""
    closed = datetime_text(stage.closed_at, missing="Not closed yet")
    if stage.closed_at is not None and stage.closed_by.strip():
        closed += f" by {one_line(stage.closed_by)}"
    row = (
        date_text(stage.held_on),
        str(len(stage.member_labels)),
        str(len(stage.result.candidates)),
        datetime_text(stage.opened_at, missing="Not opened yet"),
        closed,
    )
    caption = f"About {one_line(stage.name)}"
    table = writer.table(FACTS_HEADER, [row], _FACTS_WIDTHS, caption=caption, keep_together=True)
    align_right(table, (1, 2))
    writer.paragraph(moderation_closed_text(stage.closed_at, stage.closed_by))


def write_agreement(
    writer: PackWriter,
    context: SummaryContext,
    stage: StageSummary,
    *,
    left_out: Collection[str] | None = None,
    level: int = 2,
) -> None:
    """Alpha for each attribute the stage assessed (never pooled), then member tendencies.

    ``left_out``: attribute keys the stage did not assess (worked out if None).
    """
    if left_out is None:
        left_out = unassessed_attributes(context, stage.result.candidates)
    agreement = stage.result.agreement
    heading(writer, AGREEMENT_HEADING, level)
    writer.paragraph(STAGE_ALPHA_NOTE, keep_with_next=True)
    rows = [
        alpha_row(one_line(context.short_name(key)), agreement.per_attribute.get(key))
        for key in shown_attributes(context, left_out)
    ]
    caption = f"Panel agreement: {one_line(stage.name)}"
    keep = fits_on_part_of_a_page(writer, ALPHA_HEADER, rows, ALPHA_WIDTHS)
    table = writer.table(ALPHA_HEADER, rows, ALPHA_WIDTHS, caption=caption, keep_together=keep)
    align_right(table, (1, 2, 3))
    _write_tendencies(writer, stage, level + 1)


def alpha_row(name: str, reading: AlphaReading | None) -> tuple[str, str, str, str, str]:
    """One attribute's row under ``ALPHA_HEADER``; "Not measured" when it has no reading."""
    if reading is None:
        return (name, alpha_text(None), "0", "0", "Not measured")
    return (
        name, alpha_text(reading.alpha), str(reading.units), str(reading.members), reading.reading
    )  # fmt: skip


def _write_tendencies(writer: PackWriter, stage: StageSummary, level: int) -> None:
    heading(writer, TENDENCIES_HEADING, level)
    agreement = stage.result.agreement
    tendencies = agreement.tendencies
    if not tendencies:
        writer.paragraph(agreement.tendencies_note or "Too few scores to compare members.")
        return
    writer.paragraph(TENDENCIES_EXPLAINED, keep_with_next=True)
    rows = [
        (
            one_line(stage.member_labels.get(t.member, t.member)),
            signed_text(t.mean_difference),
            str(t.compared_scores),
            t.reading,
        )
        for t in tendencies
    ]
    caption = f"Member tendencies: {one_line(stage.name)}"
    widths = (0.3, 0.15, 0.13, 0.42)
    keep = fits_on_part_of_a_page(writer, TENDENCY_HEADER, rows, widths)
    table = writer.table(TENDENCY_HEADER, rows, widths, caption=caption, keep_together=keep)
    align_right(table, (1, 2))


def write_overall(
    writer: PackWriter, context: SummaryContext, overall: Sequence[CandidateResult]
) -> None:
    """Every attribute, even one no stage assessed: this is where candidates are compared."""
    heading(writer, OVERALL_HEADING, 1, new_page=True)
    writer.paragraph(
        "Each candidate's results at the deciding stage, whose panel makes the appointment "
        f"decision, as \u201c{METHOD_HEADING}\u201d describes at the front of this summary. "
        "The advisory stages are reported in their own sections and never averaged in.",
        keep_with_next=bool(overall),
    )
    if not overall:
        writer.paragraph("The deciding stage has no results yet: it is not in moderation.")
        return
    left_out = unassessed_attributes(context, overall)
    write_not_assessed(
        writer, context, left_out, where="at any stage", then=NOT_ASSESSED_AT_ANY_STAGE
    )
    writer.paragraph("Candidates in rank order at the deciding stage:", keep_with_next=True)
    write_results_table(
        writer, context, overall, caption="Results at the deciding stage", unflagged=left_out
    )
    _write_overall_chart(writer, context, overall[:CHART_CANDIDATE_LIMIT])
    if len(overall) > CHART_CANDIDATE_LIMIT:
        writer.paragraph(
            f"The chart shows the {CHART_CANDIDATE_LIMIT} highest-ranked candidates; the results "
            "table above has them all."
        )


def _write_overall_chart(
    writer: PackWriter, context: SummaryContext, shown: Sequence[CandidateResult]
) -> None:
    """Every shown candidate's profile on one chart, then the same figures in a table."""
    names = [context.short_name(key) for key in context.attribute_names]
    series = [
        (context.candidate_label(c.candidate), [_figure(c, key) for key in context.attribute_names])
        for c in shown
    ]
    description = "Radar chart comparing candidates at the deciding stage, on a scale of 0 to 5. "
    description += " ".join(
        f"{running_text(label)}: {chart_summary(names, values)}." for label, values in series
    )
    rows = [(one_line(label), *(score_text(value) for value in values)) for label, values in series]
    header = ("Candidate", *(one_line(name) for name in names))
    heading(writer, PROFILES_HEADING, 2)
    # Kept with its figures: on a page of their own, after the results table, they fit.
    write_chart(writer, names, series, alt_text=description, keep_with_next=True, trim=True)
    writer.paragraph("The figures in the chart:", keep_with_next=True)
    widths = (0.16, *([0.1] * len(names)))
    caption = "Chart figures at the deciding stage"
    table = writer.table(header, rows, widths, caption=caption, keep_together=True)
    align_right(table, range(1, len(header)))


def _figure(candidate: CandidateResult, key: str) -> float | None:
    result = find_attribute(candidate, key)
    return result.result if result is not None else None
