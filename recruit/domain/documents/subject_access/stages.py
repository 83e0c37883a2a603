"""A stage in a subject access export's Word document: how the candidate was assessed there.

It runs: about the stage; every score sheet with its questions as issued, scores and notes,
then the changes to those scores; the scores the panel agreed; and the outcome.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from recruit.domain.documents.scoring_summary.parts import heading
from recruit.domain.documents.subject_access.text import (
    OUTCOMES,
    SHEET_STATUSES,
    answer_text,
    free_text,
    number_text,
    question_text,
    score_text,
    value_text,
    when_text,
)
from recruit.domain.documents.word.writer import PackWriter, one_line

_CHANGES_HEADER = ("Question", "Before", "After", "Reason", "Who and when")
_CHANGES_WIDTHS = (0.15, 0.21, 0.21, 0.23, 0.2)
_AGREED_HEADER = ("Attribute", "Panel mean", "Agreed score", "Rationale", "Recorded by")
_AGREED_WIDTHS = (0.2, 0.12, 0.12, 0.36, 0.2)


def write_stage(writer: PackWriter, stage: Mapping[str, Any]) -> None:
    """The stage's section: a table about the stage, then its sheets, agreed scores, outcome."""
    name = one_line(stage["name"])
    heading(writer, f"Stage: {name}", 2)
    moderation = stage.get("moderation")
    rows = [
        ("Type", value_text(stage.get("type_label"))),
        ("Date held", value_text(stage.get("held_on"))),
        ("Questions issued", value_text(stage.get("plan_issued_at"))),
        ("Moderation opened", value_text(moderation and moderation.get("opened_at"))),
    ]
    if moderation and moderation.get("closed_early"):
        rows.append(("Scoring", "Closed early by the chair; unsubmitted drafts were left out"))
    writer.table(("Item", "Details"), rows, (0.3, 0.7), caption=f"About the stage {name}")
    for sheet in stage.get("score_sheets", []):
        _write_sheet(writer, sheet, name)
    _write_agreed(writer, stage.get("agreed_scores", []), name)
    _write_decision(writer, stage.get("decision"), name)


def _write_sheet(writer: PackWriter, sheet: Mapping[str, Any], stage: str) -> None:
    """One panel member's sheet: its status, each question with score and evidence."""
    assessor = one_line(sheet["assessor"])
    heading(writer, f"Scores from {assessor}", 3)
    status = SHEET_STATUSES.get(sheet["status"], str(sheet["status"]))
    submitted = sheet.get("submitted_at")
    when = f" on {when_text(submitted)}" if submitted else ""
    writer.paragraph(f"{status}{when}. Last changed {when_text(sheet.get('updated_at'))}.")
    rows = [
        (question_text(score), score_text(score), free_text(score.get("evidence")))
        for score in sheet.get("scores", [])
    ]
    caption = f"Scores from {assessor}, {stage}"
    if rows:
        writer.table(
            ("Question as issued", "Score", "Evidence noted"),
            rows,
            (0.4, 0.12, 0.48),
            caption=caption,
        )
    else:
        writer.paragraph("No scores entered.")
    _write_amendments(writer, sheet.get("amendments", []), assessor, stage)


def _write_amendments(
    writer: PackWriter, amendments: Sequence[Mapping[str, Any]], assessor: str, stage: str
) -> None:
    """Each change to a sheet's scores: before, after, why, and who made it when."""
    if not amendments:
        return
    heading(writer, f"Changes to the scores from {assessor}", 3)
    rows = [_change_row(amendment) for amendment in amendments]
    caption = f"Changes to the scores from {assessor}, {stage}"
    writer.table(_CHANGES_HEADER, rows, _CHANGES_WIDTHS, caption=caption)


def _change_row(amendment: Mapping[str, Any]) -> tuple[str, ...]:
    return (
        f"Question {amendment['question_number']}",
        answer_text(amendment["before"]),
        answer_text(amendment["after"]),
        free_text(amendment.get("reason")),
        _who_and_when(amendment["amended_by"], amendment.get("amended_at")),
    )


def _write_agreed(writer: PackWriter, agreed: Sequence[Mapping[str, Any]], stage: str) -> None:
    if not agreed:
        return
    heading(writer, "Scores the panel agreed", 3)
    rows = [_agreed_row(row) for row in agreed]
    writer.table(_AGREED_HEADER, rows, _AGREED_WIDTHS, caption=f"Agreed scores, {stage}")


def _agreed_row(row: Mapping[str, Any]) -> tuple[str, ...]:
    return (
        one_line(row.get("attribute_name") or row["attribute"]),
        number_text(row.get("formula_score")),
        number_text(row.get("agreed")),
        free_text(row.get("rationale")),
        _who_and_when(row["recorded_by"], row.get("recorded_at")),
    )


def _who_and_when(label: str, when: object) -> str:
    """Such as "Panel member 1, 12 January 2027, 2:30pm"."""
    return f"{one_line(label)}, {when_text(when)}"


def _write_decision(writer: PackWriter, decision: Mapping[str, Any] | None, stage: str) -> None:
    if not decision:
        return
    heading(writer, "Outcome", 3)
    outcome = str(decision.get("outcome", ""))
    rows = [
        ("Outcome", one_line(OUTCOMES.get(outcome, outcome))),
        ("Reasons", free_text(decision.get("reasons"))),
        (
            "Values floor override",
            free_text(decision.get("floor_override_reason"), "Not applicable"),
        ),
        (
            "Red flag discussed",
            free_text(decision.get("red_flag_discussion"), "Not applicable"),
        ),
        ("Recorded by", one_line(decision["recorded_by"])),
        ("Recorded on", when_text(decision.get("recorded_at"))),
    ]
    writer.table(("Item", "Details"), rows, (0.3, 0.7), caption=f"Outcome, {stage}")
