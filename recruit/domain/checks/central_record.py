"""The vacancy's checks in the shape of a single central record: one row per candidate, a
status, completed date, outcome and verifier per check, as CSV or an .xlsx workbook.

Every cell goes through ``spreadsheet_safety`` (a cell that starts with ``=``, ``+``, ``-``
or ``@`` is prefixed with an apostrophe), and in the workbook every cell is stored as a
string, so nothing typed into an outcome runs as a formula in Excel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from recruit.domain.checks import CHECKS, NOT_STARTED, status_label
from recruit.domain.documents.spreadsheet_safety import csv_text, neutralise_cell
from recruit.domain.documents.word.text_safety import clean_for_document

SHEET_TITLE = "Single central record"
# Excel keeps at most this many characters in a cell.
_EXCEL_CELL_LIMIT = 32_767


@dataclass(frozen=True)
class RecordedCheckRow:
    """One check as recorded: ``status`` is the value (``not_started`` ...)."""

    status: str
    completed_on: date | None = None
    outcome: str = ""
    verified_by: str = ""


@dataclass(frozen=True)
class CentralRecordRow:
    """One candidate: code, name, their status label, and their checks by kind."""

    code: str
    name: str
    candidate_status: str
    starts_on: date | None = None
    checks: Mapping[str, RecordedCheckRow] = field(default_factory=dict)
    appointed_before_checks: str = ""  # the HR reason, when appointed before completion


def header() -> tuple[str, ...]:
    columns = ["Candidate", "Name", "Candidate status", "Start date"]
    for check in CHECKS:
        columns += [
            f"{check.label}: status",
            f"{check.label}: completed",
            f"{check.label}: outcome",
            f"{check.label}: verified by",
        ]
    columns.append("Appointed before the checks were complete: reason")
    return tuple(columns)


def row_values(row: CentralRecordRow) -> tuple[str, ...]:
    start = row.starts_on.isoformat() if row.starts_on else ""
    values = [row.code, row.name, row.candidate_status, start]
    for check in CHECKS:
        found = row.checks.get(check.key) or RecordedCheckRow(NOT_STARTED)
        values += [
            status_label(found.status),
            found.completed_on.isoformat() if found.completed_on else "",
            found.outcome,
            found.verified_by,
        ]
    values.append(row.appointed_before_checks)
    return tuple(clean_for_document(value) for value in values)


def central_record_csv(rows: Iterable[CentralRecordRow]) -> str:
    """CSV text with a header row; serve it encoded as ``utf-8-sig`` (see ``csv_text``)."""
    return csv_text([header(), *(row_values(row) for row in rows)])


def central_record_xlsx(rows: Sequence[CentralRecordRow]) -> bytes:
    """One sheet: a bold, frozen header row, then one row per candidate."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = SHEET_TITLE
    names = header()
    for number, values in enumerate([names, *(row_values(row) for row in rows)], start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=number, column=column)
            # Set as a plain string after neutralising: openpyxl would otherwise take
            # "=..." for a formula.
            cell.value = neutralise_cell(value)[:_EXCEL_CELL_LIMIT]
            cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "D2"
    for column in range(1, len(names) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 22
    workbook.properties.title = SHEET_TITLE
    workbook.properties.language = "en-GB"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
