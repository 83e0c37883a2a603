"""The briefing pack's checklist prints the appointed candidate's recorded checks."""

from __future__ import annotations

from datetime import date

from recruit.domain.documents.briefing_pack.model import PreEmploymentChecks, RecordedCheck
from tests.domain.briefing_pack_helpers import build, rows_text, table_captioned
from tests.support.word import all_text


def test_recorded_checks_are_printed_with_status_date_and_verifier() -> None:
    checks = PreEmploymentChecks(
        candidate="Sam Patel (C-01)",
        checks=(
            RecordedCheck("Enhanced DBS check", "Satisfactory", True, date(2027, 1, 19), "Harriet"),
            RecordedCheck("Identity", "Concern to resolve", False, date(2027, 1, 20), "Harriet"),
            RecordedCheck("Right to work in the UK", "Not started", False),
        ),
    )
    document = build(checks=checks)
    rows = rows_text(table_captioned(document, "Pre-appointment checks"))
    assert rows[0] == ["Done", "Check", "Status", "Date", "Checked by"]
    assert rows[1] == ["☑", "Enhanced DBS check", "Satisfactory", "19 January 2027", "Harriet"]
    assert rows[2] == ["☐", "Identity", "Concern to resolve", "20 January 2027", "Harriet"]
    assert rows[3] == ["☐", "Right to work in the UK", "Not started", "", ""]
    # References and the employment history are not recorded in Recruit: ticked by hand.
    assert rows[4][0] == "☐" and rows[4][1].startswith("Two references")
    assert "employment history" in rows[5][1]
    text = all_text(document)
    assert "as HR recorded them in Recruit for Sam Patel (C-01)" in text
    assert "No pre-employment check is recorded" not in text
