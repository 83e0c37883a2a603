"""What the advisory panels said about each candidate, in their own words.

Advisory stages (a stakeholder or young people's panel, an exercise) are factored in, not
averaged: the deciding panel reads each one's overall view, strengths and concerns as it
wrote them, and its figures per attribute, none of which count in the deciding figures.
"""

from __future__ import annotations

from recruit.domain.comparison.model import ComparedCandidate
from recruit.domain.documents.briefing_pack.model import AdvisoryReportView, BriefingContext
from recruit.domain.documents.briefing_pack.text import cell_text, labels_in_order, name_text
from recruit.domain.documents.scoring_summary.parts import align_right
from recruit.domain.documents.scoring_summary.text import score_text
from recruit.domain.documents.word.writer import PackWriter

ADVISORY_HEADING = "What the advisory panels said"
ADVISORY_INTRODUCTION = (
    "Each advisory panel's report on the candidate as the panel wrote it: its overall view, "
    "the strengths and concerns it saw, and its figures on the attributes it assessed. These "
    "advise the deciding panel; they are never added to its figures."
)
FIGURES_HEADER = ("Attribute", "Figure", "How the figure was reached", "Evidence behind it")
NOTHING_RECORDED = "None recorded."


def write_advisory_reports(writer: PackWriter, context: BriefingContext) -> None:
    compared = context.comparison.candidates
    if not compared:
        return
    writer.heading(ADVISORY_HEADING, 1, new_page=True)
    reported = [c for c in compared if context.advisory_reports.get(c.candidate)]
    if not reported:
        writer.paragraph(
            "No advisory panel's report on the candidates compared is recorded at a stage "
            "whose results you may see."
        )
        return
    writer.paragraph(ADVISORY_INTRODUCTION)
    for column in reported:
        _write_candidate(writer, context, column)
    unreported = [c.candidate for c in compared if c not in reported]
    if unreported:
        writer.paragraph(
            f"No advisory report is recorded for {labels_in_order(context, unreported)}."
        )


def _write_candidate(
    writer: PackWriter, context: BriefingContext, column: ComparedCandidate
) -> None:
    label = name_text(context.candidate_label(column.candidate))
    writer.heading(label, 2)
    for report in context.advisory_reports.get(column.candidate, ()):
        _write_report(writer, report, label)


def _write_report(writer: PackWriter, report: AdvisoryReportView, label: str) -> None:
    stage = name_text(report.stage_name)
    writer.heading(stage, 3)
    view = (report.traffic_light or "").strip()
    writer.paragraph(view or "The panel gave no overall view.", label="Overall view:")
    writer.paragraph(report.strengths.strip() or NOTHING_RECORDED, label="Strengths:")
    writer.paragraph(report.concerns.strip() or NOTHING_RECORDED, label="Concerns:")
    writer.paragraph(report.agreement_text, label="Agreed:")
    if not report.attributes:
        writer.paragraph("The panel's figures are not recorded.")
        return
    rows = [
        (
            name_text(attribute.name),
            score_text(attribute.figure, missing="No score"),
            "Agreed at its moderation" if attribute.agreed else "Its members' mean",
            cell_text("\n".join(attribute.evidence)) or "No notes",
        )
        for attribute in report.attributes
    ]
    table = writer.table(
        FIGURES_HEADER, rows, (0.2, 0.08, 0.17, 0.55), caption=f"{stage}: figures for {label}"
    )
    align_right(table, (1,))
