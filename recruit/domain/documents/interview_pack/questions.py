"""The back of an interview pack: each question with its marking guide, then the scoring sheets.

A scoring sheet is one page or more per candidate, starting on a new page so that sheets can
be printed, handed round and collected separately; the table's header row repeats if a
sheet runs over a page. Each question's evidence box grows with the minutes the plan gives
it. The sheet has no total: attributes are weighted, and the weighted figure is worked out
at moderation, so an unweighted sum on paper would only mislead.
"""

from __future__ import annotations

from docx.shared import Length, Mm, Pt

from recruit.domain.documents.interview_pack.guidance import stage_date_text
from recruit.domain.documents.interview_pack.model import PackContext, PackQuestion
from recruit.domain.documents.interview_pack.scrutiny import write_sheet_points
from recruit.domain.documents.word.writer import (
    TICK_BOX,
    PackWriter,
    centre,
    keep_with_next_row,
    one_line,
    row_cells,
    set_minimum_height,
)

QUESTIONS_HEADING = "Questions"
SHEETS_HEADING = "Scoring sheets"
SHEET_HEADING = "Scoring sheet: {candidate}"
SCORE_COLUMNS = ("1", "2", "3", "4", "5", "No evidence")
SHEET_HEADER = ("Question", *SCORE_COLUMNS, "Evidence notes")
INDICATOR_HEADER = ("Positive indicators", "Negative indicators")
WARNING_SIGNS_HEADING = "Warning signs"
WARNING_SIGNS_GUIDANCE = (
    "Safeguarding concerns to listen for. If you hear one, explore it with a probe and "
    "write down what the candidate said."
)
# Shares of the text width: narrow tick columns leave the notes column as wide as possible.
_SHEET_WIDTHS = (0.24, 0.05, 0.05, 0.05, 0.05, 0.05, 0.14, 0.37)
# About one line of handwriting (6 mm) for every two minutes of a question, within limits:
# a short question still leaves room for a note, and no box grows past a quarter of an A4
# page, so a long sheet breaks cleanly between questions (rows never split).
MINUTES_PER_EVIDENCE_LINE = 2
FEWEST_EVIDENCE_LINES = 4
MOST_EVIDENCE_LINES = 10
EVIDENCE_LINE_MILLIMETRES = 6
NO_TOTAL_ON_SHEET = (
    "Do not add up your scores: the attributes are weighted, and the weighted figure is "
    "worked out at moderation."
)
_OVERALL_NOTES_HEIGHT = Mm(20)
_TICK_BOX_SIZE = Pt(14)
_SIGNATURE_LINE = "_" * 30


def write_questions(writer: PackWriter, context: PackContext) -> None:
    writer.heading(QUESTIONS_HEADING, 1, new_page=True)
    if not context.questions:
        writer.paragraph("No questions have been chosen for this stage yet.")
        return
    writer.paragraph(
        "Ask every candidate the same questions, as written and in this order. "
        + (
            "Score each answer against its descriptors on the scoring sheets at the back of "
            "this pack."
            if context.recipient_scores
            else "The descriptors say what each score sounds like, for when you advise the panel."
        )
    )
    for index, question in enumerate(context.questions):
        # One question to a page, so the panel turns the page as the interview moves on.
        _write_question(
            writer, question, young_people=context.use_young_people_wording, new_page=index > 0
        )


def question_heading(question: PackQuestion) -> str:
    return f"Question {question.number}: {one_line(question.attribute_name)}"


def _write_question(
    writer: PackWriter, question: PackQuestion, *, young_people: bool, new_page: bool
) -> None:
    writer.heading(question_heading(question), 2, new_page=new_page)
    writer.paragraph(
        f"About {question.minutes} minutes. Bank reference {one_line(question.question_id)}, "
        f"version {question.version}."
    )
    variant = question.young_people_variant if young_people else None
    if variant and variant.strip():
        writer.paragraph(variant, label="Ask:")
        writer.paragraph(question.text, label="Full wording, for reference:")
    else:
        writer.paragraph(question.text, label="Ask:")
    if question.probes:
        writer.heading("Probes", 3)
        writer.bullets(question.probes)
    writer.heading("What to listen for", 3)
    positives = [(text, False) for text in question.positive_indicators]
    writer.bullet_columns(
        INDICATOR_HEADER,
        (positives, question.negative_indicators),
        caption=f"Indicators for question {question.number}",
    )
    if question.warning_signs:
        writer.heading(WARNING_SIGNS_HEADING, 3)
        writer.paragraph(WARNING_SIGNS_GUIDANCE)
        writer.bullets(question.warning_signs)
    if question.descriptors:
        writer.heading(f"Question {question.number}: what each score sounds like", 3)
        rows = [(str(score), question.descriptors[score]) for score in sorted(question.descriptors)]
        caption = f"Descriptors for question {question.number}"
        header = ("Score", "What it sounds like")
        writer.table(header, rows, (0.12, 0.88), caption=caption, keep_together=True)


def write_scoring_sheets(writer: PackWriter, context: PackContext) -> None:
    writer.heading(SHEETS_HEADING, 1, new_page=True)
    if not context.candidates:
        writer.paragraph("No candidates have been added to this stage yet.")
        return
    writer.paragraph(
        "One sheet for each candidate. For each question tick one box: a score from 1 to 5, or "
        "No evidence if the answer gave you nothing to judge. Write what the candidate said or "
        "did in the notes. Then enter your scores and notes and submit them before the panel "
        "discusses the candidate."
    )
    for candidate in context.candidates:
        _write_sheet(writer, context, candidate)


def evidence_lines(minutes: int) -> int:
    """Lines of handwriting room in a question's evidence box, from its planned minutes."""
    wanted = -(-minutes // MINUTES_PER_EVIDENCE_LINE)  # rounded up
    return min(max(wanted, FEWEST_EVIDENCE_LINES), MOST_EVIDENCE_LINES)


def evidence_box_height(minutes: int) -> Length:
    return Mm(EVIDENCE_LINE_MILLIMETRES * evidence_lines(minutes))


def sheet_heading(candidate: str) -> str:
    return SHEET_HEADING.format(candidate=one_line(candidate))


def _write_sheet(writer: PackWriter, context: PackContext, candidate: str) -> None:
    writer.heading(sheet_heading(candidate), 2, new_page=True)
    writer.paragraph(
        f"{one_line(context.recipient)} \u00b7 {one_line(context.stage_name)} \u00b7 "
        f"{stage_date_text(context)}",
        label="Panel member:",
    )
    write_sheet_points(writer, context, candidate)
    rows = [("",) * len(SHEET_HEADER) for _ in context.questions]
    caption = f"Scores and evidence notes for {one_line(candidate)}"
    table = writer.table(SHEET_HEADER, rows, _SHEET_WIDTHS, caption=caption)
    header_row, *body_rows = table.rows
    for cell in row_cells(header_row)[1:-1]:
        centre(cell)
    for row, question in zip(body_rows, context.questions, strict=True):
        set_minimum_height(row, evidence_box_height(question.minutes))
        question_cell, *tick_cells, _ = row_cells(row)
        label = f"Question {question.number}"
        writer.fill_cell(question_cell, one_line(question.attribute_name), label=label)
        for cell in tick_cells:
            writer.fill_cell(cell, TICK_BOX, size=_TICK_BOX_SIZE)
            centre(cell)
    if body_rows:
        # A sheet too long for one page takes its last question over with the sign-off,
        # so the second page never holds a signature alone.
        keep_with_next_row(body_rows[-1])
    writer.paragraph(NO_TOTAL_ON_SHEET, keep_with_next=True)
    # The candidate is named again here: a sheet's second page may be parted from its first.
    overall = f"Overall notes on {one_line(candidate)}"
    notes = writer.table((overall,), [("",)], (1.0,), caption=overall)
    set_minimum_height(notes.rows[1], _OVERALL_NOTES_HEIGHT)
    keep_with_next_row(notes.rows[1])
    writer.paragraph(f"Signed: {_SIGNATURE_LINE}    Date: {_SIGNATURE_LINE[:15]}")
