"""Both sides of the evidence on each candidate: what the deciding panel heard at its best,
what concerned it, each red flag on values with the panel's recorded discussion, and the
advisory panels' concerns.

A briefing that showed only the strongest evidence would read as the case for each
candidate; the reader needs the case against beside it to test the recommendation.
"""

from __future__ import annotations

from recruit.domain.comparison.evidence import CandidateEvidence, RedFlag
from recruit.domain.documents.briefing_pack.gaps import note_line
from recruit.domain.documents.briefing_pack.model import BriefingContext
from recruit.domain.documents.briefing_pack.text import cell_text, name_text
from recruit.domain.documents.word.writer import PackWriter

EVIDENCE_HEADING = "Evidence and concerns"
EVIDENCE_INTRODUCTION = (
    "For each candidate and attribute, the deciding panel's strongest evidence (scores of "
    "Sound or better) beside its main concerns (scores of Limited or below, and questions "
    "where a member heard nothing they could score), in the members' own notes. Red flags on "
    "values come first, with what the panel recorded when it discussed them."
)
EVIDENCE_HEADER = ("Attribute", "Strongest evidence", "Main concerns")
NONE_WRITTEN = "None written"


def write_evidence(writer: PackWriter, context: BriefingContext) -> None:
    compared = context.comparison.candidates
    if not compared:
        return
    writer.heading(EVIDENCE_HEADING, 1, new_page=True)
    writer.paragraph(EVIDENCE_INTRODUCTION)
    for column in compared:
        label = name_text(context.candidate_label(column.candidate))
        writer.heading(label, 2)
        evidence = context.candidate_evidence.get(column.candidate)
        if evidence is None:
            writer.paragraph("No evidence notes are recorded for this candidate.")
            continue
        _write_red_flags(writer, evidence.red_flags)
        _write_both_sides(writer, context, evidence, label)
        _write_advisory_concerns(writer, evidence)


def _write_red_flags(writer: PackWriter, flags: tuple[RedFlag, ...]) -> None:
    if not flags:
        writer.paragraph("No red flag on values was raised.")
        return
    for flag in flags:
        raised = f"What raised it: {'; '.join(name_text(r) for r in flag.raised_by)}. "
        raised = raised if flag.raised_by else ""
        discussion = flag.discussion.strip() or "No discussion was recorded."
        writer.paragraph(
            f"{raised}The panel's discussion: {discussion}",
            label=f"Red flag on values at the {name_text(flag.stage)}:",
        )


def _write_both_sides(
    writer: PackWriter, context: BriefingContext, evidence: CandidateEvidence, label: str
) -> None:
    rows = [
        (
            name_text(context.short_name(key)),
            _notes_cell(evidence, key, strongest=True),
            _notes_cell(evidence, key, strongest=False),
        )
        for key in context.attribute_names
    ]
    writer.table(
        EVIDENCE_HEADER, rows, (0.18, 0.41, 0.41), caption=f"Evidence and concerns for {label}",
        bold_first_column=True,
    )  # fmt: skip


def _notes_cell(evidence: CandidateEvidence, key: str, *, strongest: bool) -> str:
    found = evidence.attribute(key)
    notes = found.strongest if strongest else found.concerns
    # Shortened as a whole: a cell tens of pages long stalls LibreOffice's layout.
    return cell_text("\n".join(note_line(note) for note in notes)) or NONE_WRITTEN


def _write_advisory_concerns(writer: PackWriter, evidence: CandidateEvidence) -> None:
    if not evidence.advisory_concerns:
        return
    writer.paragraph("The advisory panels' concerns, in their own words:", keep_with_next=True)
    writer.bullets(
        [
            f"{name_text(item.stage)}"
            + (f" ({name_text(item.traffic_light)})" if item.traffic_light.strip() else "")
            + f": {item.concerns.strip()}"
            for item in evidence.advisory_concerns
        ]
    )
