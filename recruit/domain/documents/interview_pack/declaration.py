"""The conflict of interest declaration, the page after the cover of every pack.

Each member reads the stage's candidates before the first interview and declares any
conflict on paper, to hand to the chair. The app only knows of a conflict declared in it
(Your interviews), which is what stops that member scoring the candidate, so the page says
so; a conflict already declared there is shown as ticked.
"""

from __future__ import annotations

from docx.shared import Mm, Pt

from recruit.domain.documents.interview_pack.model import PackContext
from recruit.domain.documents.word.writer import (
    TICK_BOX,
    PackWriter,
    centre,
    one_line,
    row_cells,
    set_minimum_height,
)

DECLARATION_HEADING = "Conflicts of interest"
CONFLICT_TICK = "I have a conflict of interest with this candidate"
DECLARATION_HEADER = ("Candidate", CONFLICT_TICK, "What the conflict is")
TICKED_BOX = "\u2612"
ALREADY_DECLARED = "Declared in the app: you do not score this candidate."
DECLARATION_INTRO = (
    "Before the first interview, read the list of candidates. Tick the box for any candidate "
    "you have a conflict of interest with, and say what it is: for example, you have worked "
    "with them, managed them or been managed by them, you are related to them or close "
    "friends, or you stand to gain or lose from the outcome. If in doubt, declare it. Give "
    "this page to the chair before the first interview."
)
DECLARE_IN_THE_APP = (
    "A conflict must also be declared in the app, under Your interviews, before scoring starts."
)
SCORER_CONSEQUENCE = (
    " Once it is declared there you do not score that candidate, and the chair and the "
    "recruitment adviser can see your declaration."
)
_WIDTHS = (0.34, 0.2, 0.46)
_ROW_HEIGHT = Mm(16)  # room for two or three lines describing the conflict
_TICK_BOX_SIZE = Pt(16)
_SIGNATURE_LINE = "_" * 30


def write_declaration(writer: PackWriter, context: PackContext) -> None:
    writer.heading(DECLARATION_HEADING, 1, new_page=True)
    writer.paragraph(DECLARATION_INTRO)
    if context.stage_candidates:
        _write_candidates(writer, context)
    else:
        writer.paragraph("No candidates have been added to this stage yet.")
    consequence = SCORER_CONSEQUENCE if context.recipient_scores else ""
    writer.paragraph(DECLARE_IN_THE_APP + consequence)
    writer.paragraph(
        "I have declared above every conflict of interest I have with these candidates.",
        keep_with_next=True,
    )
    writer.paragraph(one_line(context.recipient), label="Name:", keep_with_next=True)
    writer.paragraph(f"Signed: {_SIGNATURE_LINE}    Date: {_SIGNATURE_LINE[:15]}")


def _write_candidates(writer: PackWriter, context: PackContext) -> None:
    declared = set(context.declared_conflicts)
    rows = [
        (one_line(label), "", ALREADY_DECLARED if label in declared else "")
        for label in context.stage_candidates
    ]
    caption = "Conflicts of interest with the candidates"
    table = writer.table(DECLARATION_HEADER, rows, _WIDTHS, caption=caption)
    header_row, *body_rows = table.rows
    centre(row_cells(header_row)[1])
    for row, label in zip(body_rows, context.stage_candidates, strict=True):
        set_minimum_height(row, _ROW_HEIGHT)
        tick_cell = row_cells(row)[1]
        writer.fill_cell(
            tick_cell, TICKED_BOX if label in declared else TICK_BOX, size=_TICK_BOX_SIZE
        )
        centre(tick_cell)
