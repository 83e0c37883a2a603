"""The checks a council completes before an offer is unconditional.

Safer recruitment (Working Together to Safeguard Children 2023; Keeping Children Safe in
Education, Part 3) makes an offer conditional until these checks are complete, and asks that
each is recorded with its date, outcome and who verified it, not the certificate's content.
Recruit records the pre-employment checks on each candidate's checks page: when the filler
passes the appointed candidate's checks, the pack prints each one's status, date and verifier;
otherwise it leaves boxes to tick and date by hand and says where to record them. References
and the employment history are not recorded in Recruit, so they are always left to tick.
"""

from __future__ import annotations

from docx.shared import Mm

from recruit.domain.documents.briefing_pack.model import PreEmploymentChecks
from recruit.domain.documents.scoring_summary.text import date_text
from recruit.domain.documents.word.writer import TICK_BOX, PackWriter, set_minimum_height

CHECKLIST_HEADING = "Before the offer is unconditional"
CHECKLIST_INTRODUCTION = (
    "Any offer is conditional until each check below is complete and satisfactory. Tick "
    "each one, date it and initial it when it is done; record the check, its date and its "
    "outcome, never the content of a certificate."
)
NOT_RECORDED_HERE = (
    "No pre-employment check is recorded in Recruit for the appointed candidate yet: HR "
    "records each one on the candidate's pre-employment checks page (Candidates, then "
    "Checks), or ticks, dates and initials it here."
)
RECORDED_HERE = (
    "The pre-employment checks below are as HR recorded them in Recruit for {candidate} "
    "(the candidate's pre-employment checks page); references and the employment history "
    "are ticked here by hand."
)
CHECKLIST_HEADER = ("Done", "Check", "Date", "Checked by")
RECORDED_HEADER = ("Done", "Check", "Status", "Date", "Checked by")
TICKED_BOX = "\u2611"
REFERENCES = (
    "Two references, at least one from the current or most recent employer: checked "
    "against the application, and any concern followed up and resolved"
)
EMPLOYMENT_HISTORY = (
    "A full employment history with no unexplained gaps: any gap or discrepancy explored "
    "with the candidate and the answer recorded"
)
PRE_APPOINTMENT_CHECKS = (
    REFERENCES,
    "Enhanced DBS check, with a check of the children's barred list",
    "Right to work in the UK",
    "Identity, from original documents",
    "Qualifications, from original certificates; registration with Social Work England "
    "where the post needs it",
    EMPLOYMENT_HISTORY,
    "Occupational health: fit for the role, with any reasonable adjustments agreed",
    "Overseas checks where the candidate has lived or worked abroad",
)
# Room to write a date and initials by hand.
_ROW_HEIGHT = Mm(10)


def write_checklist(writer: PackWriter, checks: PreEmploymentChecks | None = None) -> None:
    writer.heading(CHECKLIST_HEADING, 1, new_page=True)
    writer.paragraph(CHECKLIST_INTRODUCTION)
    header: tuple[str, ...]
    widths: tuple[float, ...]
    if checks is None or not checks.checks:
        writer.paragraph(NOT_RECORDED_HERE, keep_with_next=True)
        rows: list[tuple[str, ...]] = [
            (TICK_BOX, check, "", "") for check in PRE_APPOINTMENT_CHECKS
        ]
        header, widths = CHECKLIST_HEADER, (0.06, 0.6, 0.14, 0.2)
    else:
        writer.paragraph(RECORDED_HERE.format(candidate=checks.candidate), keep_with_next=True)
        rows = [
            (
                TICKED_BOX if check.complete else TICK_BOX,
                check.check,
                check.status,
                date_text(check.completed_on) if check.completed_on else "",
                check.verified_by,
            )
            for check in checks.checks
        ]
        rows += [(TICK_BOX, by_hand, "", "", "") for by_hand in (REFERENCES, EMPLOYMENT_HISTORY)]
        header, widths = RECORDED_HEADER, (0.06, 0.42, 0.18, 0.14, 0.2)
    table = writer.table(header, rows, widths, caption="Pre-appointment checks", keep_together=True)
    for row in table.rows[1:]:
        set_minimum_height(row, _ROW_HEIGHT)
