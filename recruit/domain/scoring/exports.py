"""Every submitted score as CSV and as an Excel workbook: one row per member, candidate, question.

For auditors, for a subject access request, and for anyone who wants to check the summary's
figures. Cells a spreadsheet would run as a formula are neutralised (see
``spreadsheet_safety``); in the workbook every text cell is also stored as a string, so Excel
never evaluates it, and scores are stored as numbers, so they add up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from recruit.domain.documents.spreadsheet_safety import csv_text, neutralise_cell
from recruit.domain.documents.word.text_safety import clean_for_document

NO_EVIDENCE = "No evidence"
RAW_SCORE_HEADER = (
    "Vacancy", "Stage", "Candidate", "Panel member", "Question id", "Question", "Attribute",
    "Score", "Evidence", "Submitted at", "Amended",
)  # fmt: skip
SHEET_TITLE = "Raw scores"
# Characters wide, as Excel measures columns: short codes narrow, question and evidence wide.
COLUMN_WIDTHS = (28, 20, 20, 22, 14, 50, 30, 11, 60, 22, 10)
_WRAPPED_COLUMNS = frozenset({"Question", "Evidence"})
# Excel refuses a cell longer than this (in UTF-16 units) and reports the file as damaged.
EXCEL_CELL_LIMIT = 32_767
_SHORTENED = "\u2026 (shortened: the full text is in the CSV export)"


@dataclass(frozen=True)
class RawScoreRow:
    """One member's submitted score on one question for one candidate.

    Labels are as the reader of the export may see them (names, or codes such as "C-01" while
    the vacancy is anonymised). ``score`` is 1 to 5, or None for "No evidence".
    ``submitted_at`` is an ISO 8601 string; ``amended`` is True when the member changed the
    score after submitting it (the amendment history is in the audit trail).
    """

    vacancy: str
    stage: str
    candidate_label: str
    member_label: str
    question_id: str
    question_text: str
    attribute_name: str
    score: int | None
    evidence: str
    submitted_at: str
    amended: bool


def raw_score_values(row: RawScoreRow) -> tuple[str | int, ...]:
    """The row's cells in ``RAW_SCORE_HEADER`` order: text cleaned, the score a number."""
    texts = (
        row.vacancy, row.stage, row.candidate_label, row.member_label, row.question_id,
        row.question_text, row.attribute_name,
    )  # fmt: skip
    score: str | int = row.score if row.score is not None else NO_EVIDENCE
    return (
        *(clean_for_document(text) for text in texts),
        score,
        clean_for_document(row.evidence),
        clean_for_document(row.submitted_at),
        "Yes" if row.amended else "No",
    )


def raw_scores_csv(rows: Iterable[RawScoreRow]) -> str:
    """CSV text with a header row; serve it encoded as ``utf-8-sig`` (see ``csv_text``)."""
    return csv_text([RAW_SCORE_HEADER, *(raw_score_values(row) for row in rows)])


def raw_scores_xlsx(rows: Iterable[RawScoreRow]) -> bytes:
    """An .xlsx workbook with one sheet: a bold, frozen header row, then one row per score."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = SHEET_TITLE
    _write_row(sheet, 1, RAW_SCORE_HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    count = 0
    for count, row in enumerate(rows, start=1):
        _write_row(sheet, count + 1, raw_score_values(row))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(RAW_SCORE_HEADER))}{count + 1}"
    _set_columns(sheet)
    workbook.properties.title = SHEET_TITLE
    workbook.properties.language = "en-GB"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_row(sheet: Worksheet, row_number: int, values: Sequence[str | int]) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row_number, column=column)
        if isinstance(value, int):
            cell.value = value
        else:
            # Assigning text lets openpyxl guess a type ("=..." a formula, "#N/A" an error):
            # set it as a plain string after neutralising, so no cell is ever evaluated.
            cell.value = _fit_cell(neutralise_cell(value))
            cell.data_type = "s"


def _fit_cell(text: str) -> str:
    if _excel_length(text) <= EXCEL_CELL_LIMIT:
        return text
    budget = EXCEL_CELL_LIMIT - _excel_length(_SHORTENED)
    kept = text[:budget]
    while (excess := _excel_length(kept) - budget) > 0:
        kept = kept[:-excess]
    return kept + _SHORTENED


def _excel_length(text: str) -> int:
    """Excel counts UTF-16 code units, so an emoji outside the BMP counts twice."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _set_columns(sheet: Worksheet) -> None:
    for column, (name, width) in enumerate(zip(RAW_SCORE_HEADER, COLUMN_WIDTHS, strict=True), 1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = width
        if name in _WRAPPED_COLUMNS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
