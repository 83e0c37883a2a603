"""The checks a council completes before an offer is unconditional, to tick and date by hand.

Safer recruitment (Working Together to Safeguard Children 2023; Keeping Children Safe in
Education, Part 3) makes an offer conditional until these checks are complete, and asks that
each is recorded with its date, outcome and who verified it, not the certificate's content.
recruit does not record them yet, so the pack says so plainly and leaves room to sign.
"""

from __future__ import annotations

from docx.shared import Mm

from recruit.domain.documents.word.writer import TICK_BOX, PackWriter, set_minimum_height

CHECKLIST_HEADING = "Before the offer is unconditional"
CHECKLIST_INTRODUCTION = (
    "Any offer is conditional until each check below is complete and satisfactory. Tick "
    "each one, date it and initial it when it is done; record the check, its date and its "
    "outcome, never the content of a certificate."
)
NOT_RECORDED_HERE = (
    "Recruit does not record these checks yet: the panel records each one in the council's "
    "HR system."
)
CHECKLIST_HEADER = ("Done", "Check", "Date", "Checked by")
PRE_APPOINTMENT_CHECKS = (
    "Two references, at least one from the current or most recent employer: checked "
    "against the application, and any concern followed up and resolved",
    "Enhanced DBS check, with a check of the children's barred list",
    "Right to work in the UK",
    "Identity, from original documents",
    "Qualifications, from original certificates; registration with Social Work England "
    "where the post needs it",
    "A full employment history with no unexplained gaps: any gap or discrepancy explored "
    "with the candidate and the answer recorded",
    "Occupational health: fit for the role, with any reasonable adjustments agreed",
    "Overseas checks where the candidate has lived or worked abroad",
)
# Room to write a date and initials by hand.
_ROW_HEIGHT = Mm(10)


def write_checklist(writer: PackWriter) -> None:
    writer.heading(CHECKLIST_HEADING, 1, new_page=True)
    writer.paragraph(CHECKLIST_INTRODUCTION)
    writer.paragraph(NOT_RECORDED_HERE, keep_with_next=True)
    rows = [(TICK_BOX, check, "", "") for check in PRE_APPOINTMENT_CHECKS]
    table = writer.table(
        CHECKLIST_HEADER, rows, (0.06, 0.6, 0.14, 0.2), caption="Pre-appointment checks",
        keep_together=True,
    )  # fmt: skip
    for row in table.rows[1:]:
        set_minimum_height(row, _ROW_HEIGHT)
