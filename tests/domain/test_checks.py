"""Pre-employment checks: what is outstanding, what may be saved, the central record's
cells, and the briefing pack printing the recorded statuses."""

from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import load_workbook

from recruit.domain.checks import (
    CHECKS,
    STATUS_TAGS,
    STATUSES,
    CheckState,
    checks_complete,
    outstanding_checks,
    outstanding_labels,
    record_problems,
)
from recruit.domain.checks.central_record import (
    CentralRecordRow,
    RecordedCheckRow,
    central_record_csv,
    central_record_xlsx,
    header,
)
from recruit.models import CheckKind, CheckStatus

TODAY = date(2027, 3, 1)
ALL_DONE = [CheckState(check.key, "satisfactory") for check in CHECKS]


def test_the_rules_and_the_database_name_the_same_kinds_and_statuses() -> None:
    assert [check.key for check in CHECKS] == [kind.value for kind in CheckKind]
    assert list(STATUSES) == [status.value for status in CheckStatus]
    assert set(STATUS_TAGS) == set(STATUSES)


def test_a_check_with_no_row_is_outstanding_and_all_satisfactory_is_complete() -> None:
    assert outstanding_checks([]) == tuple(check.key for check in CHECKS)
    assert checks_complete(ALL_DONE)
    missing_dbs = [row for row in ALL_DONE if row.kind != "enhanced_dbs"]
    assert outstanding_labels(missing_dbs) == ("Enhanced DBS check",)


def test_a_concern_or_a_check_in_progress_is_outstanding() -> None:
    for status in ("concern", "requested", "received", "not_started"):
        rows = [*ALL_DONE[1:], CheckState("identity", status)]
        assert outstanding_checks(rows) == ("identity",), status


def test_only_the_optional_checks_may_be_not_required() -> None:
    rows = [row for row in ALL_DONE if row.kind not in ("overseas", "enhanced_dbs")]
    rows += [
        CheckState("overseas", "not_required", required=False),
        # A mandatory check marked not required (a hand-edited row) still counts as outstanding.
        CheckState("enhanced_dbs", "not_required", required=False),
    ]
    assert outstanding_checks(rows) == ("enhanced_dbs",)


def test_record_problems() -> None:
    def problems(kind: str, status: str, **values: object) -> dict[str, str]:
        entered: dict[str, object] = {
            "requested_on": None, "completed_on": None, "outcome": "", "reason": "",
        }  # fmt: skip
        entered.update(values)
        return record_problems(kind, status, today=TODAY, **entered)  # type: ignore[arg-type]

    assert problems("enhanced_dbs", "satisfactory") == {
        "completed_on": "Enter the date the check was completed",
        "outcome": "Enter the outcome of the check, like Clear",
    }
    assert problems("enhanced_dbs", "satisfactory", completed_on=TODAY, outcome="Clear") == {}
    assert problems("enhanced_dbs", "not_required") == {
        "status": "Enhanced DBS check is required for every appointment"
    }
    assert problems("overseas", "not_required") == {
        "not_required_reason": "Say why the check is not required for this post"
    }
    assert problems("overseas", "not_required", reason="Never lived abroad") == {}
    assert problems("identity", "requested", requested_on=date(2027, 3, 2)) == {
        "requested_on": "The date must be today or in the past"
    }
    late = problems(
        "identity", "concern", requested_on=TODAY, completed_on=date(2027, 2, 1), outcome="x"
    )
    assert late == {"completed_on": "The check cannot be completed before it was requested"}
    assert problems("identity", "made_up") == {"status": "Select the status of the check"}


HOSTILE = '=HYPERLINK("http://evil.example","x")'


def _rows() -> list[CentralRecordRow]:
    return [
        CentralRecordRow(
            code="C-01",
            name="Amara Okafor",
            candidate_status="Appointed",
            checks={
                "enhanced_dbs": RecordedCheckRow("satisfactory", date(2027, 1, 19), "Clear", "HR"),
                "identity": RecordedCheckRow("concern", date(2027, 1, 20), HOSTILE, "@HR"),
            },
            appointed_before_checks="-Start needed before the DBS",
        )
    ]


def test_the_central_record_as_csv_is_one_row_per_candidate_and_injection_safe() -> None:
    text = central_record_csv(_rows())
    found = list(csv.reader(io.StringIO(text)))
    assert found[0] == list(header())
    row = dict(zip(found[0], found[1], strict=True))
    assert row["Enhanced DBS check: status"] == "Satisfactory"
    assert row["Enhanced DBS check: completed"] == "2027-01-19"
    assert row["Right to work in the UK: status"] == "Not started"
    assert row["Identity: outcome"] == "'" + HOSTILE
    assert row["Identity: verified by"] == "'@HR"
    assert row["Appointed before the checks were complete: reason"].startswith("'-")


def test_the_central_record_as_xlsx_stores_every_cell_as_text() -> None:
    workbook = load_workbook(io.BytesIO(central_record_xlsx(_rows())))
    sheet = workbook.active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == list(header())
    outcome = values[1][values[0].index("Identity: outcome")]
    assert outcome == "'" + HOSTILE
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value)
