"""What the advisory panels reported, in the deciding stage's packs.

Advisory panels (young people's, stakeholder, exercises) do not score towards the
decision: their view reaches the deciding panel as a report per candidate, to weigh in the
discussion. The section says so, and shows each report apart from anything the members
score, so no one averages it into their own figures.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument

from recruit.domain.documents.interview_pack.model import PackContext
from recruit.domain.documents.word.writer import PackWriter, one_line
from recruit.domain.scoring.advisory import AdvisoryReportView, AttributeView
from recruit.domain.scoring.model import figure_text

ADVISORY_HEADING = "What the advisory panels reported"
ADVISORY_INTRO = (
    "These reports are advice to this panel, to weigh in its discussion of each candidate. "
    "They are not part of this panel's scores or totals: do not average them into yours. "
    "Each shows the advisory panel's own words, its view per attribute from its own "
    "moderation, and the evidence behind its highest scores."
)
NO_REPORTS = "No advisory panel has recorded a report on this candidate yet."
_WIDTHS = (0.25, 0.2, 0.55)
_HEADER = ("Attribute", "The panel's view", "Evidence behind its highest scores")


def write_advisory_reports(writer: PackWriter, context: PackContext) -> None:
    """Only in a deciding stage's packs (``context.advisory_reports`` is None elsewhere)."""
    if context.advisory_reports is None:
        return
    writer.heading(ADVISORY_HEADING, 1, new_page=True)
    writer.paragraph(ADVISORY_INTRO)
    for candidate, reports in context.advisory_reports:
        writer.heading(one_line(candidate), 2)
        if not reports:
            writer.paragraph(NO_REPORTS)
        for report in reports:
            _write_report(writer, candidate, report)


def _write_report(writer: PackWriter, candidate: str, report: AdvisoryReportView) -> None:
    writer.heading(f"Advice from the {one_line(report.stage_name)}", 3)
    writer.paragraph(report.traffic_light or "Not given", label="Overall view:")
    writer.paragraph(report.strengths or "None written", label="Strengths:")
    writer.paragraph(report.concerns or "None written", label="Concerns:")
    writer.paragraph(report.agreement_text, label="Agreed:")
    if report.attributes:
        writer.table(
            _HEADER,
            [_attribute_row(attribute) for attribute in report.attributes],
            _WIDTHS,
            caption=f"{report.stage_name}: its view of {candidate} per attribute",
            bold_first_column=True,
        )


def _attribute_row(attribute: AttributeView) -> tuple[str, str, str]:
    if attribute.figure is None:
        figure = "No score"
    else:
        kind = "agreed" if attribute.agreed else "panel mean"
        figure = f"{figure_text(attribute.figure)} ({kind})"
    evidence = "\n".join(attribute.evidence) if attribute.evidence else "No note"
    return (attribute.name, figure, evidence)


def advisory_text(document: DocxDocument) -> str:
    """The section's text, for checking a pack: from its heading to the next level 1."""
    lines, inside = [], False
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name == "Heading 1":
            inside = paragraph.text == ADVISORY_HEADING
        if inside:
            lines.append(paragraph.text)
    return "\n".join(lines)
