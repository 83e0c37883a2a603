"""Candidates: the CSV import (security item 15), and the public names for candidates.

The import is strict and all-or-nothing. The whole file is checked, every problem is
reported with its row and column as a spreadsheet shows them (the header is row 1), and
if there is any problem no candidate is imported: a half-imported list is worse than
none, because nobody can tell which rows made it. ``docs/candidate-import.md`` is the
user's guide; a test keeps its column table in step with ``COLUMNS``.

Problem messages never repeat a cell's value: they may be logged or shown beside other
people's data, and the row and column are enough to find the cell.

This module holds ``parse_candidate_csv``, the row-by-row checking and ``template_csv``.
The parse is two steps: ``check_candidate_file`` reads and checks the file on its own (the
costly part, which the web import runs before its first query), and ``check_against_held``
compares its emails with the candidates already held.
The rest of the import is split by what it looks at:

- ``candidate_import_model``: pipeline statuses, limits, ``COLUMNS`` and the result types;
- ``candidate_import_file``: the file as a whole (size, encoding, CSV syntax, limits);
- ``candidate_import_header``: the headings in row 1;
- ``candidate_import_cells``: the checks and cleaning for each cell;
- ``candidate_codes``: anonymised candidate codes.

Their public names are re-exported here, so callers import from this module.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

from recruit.domain.candidates.cells import cell_problem, clean_cell, parse_date, status_key
from recruit.domain.candidates.codes import anonymised_code, next_candidate_codes
from recruit.domain.candidates.file import FileRefused, filled, read_records
from recruit.domain.candidates.header import read_header
from recruit.domain.candidates.model import (
    CANDIDATE_STATUSES,
    COLUMN_NAMES,
    COLUMNS,
    DEFAULT_STATUS,
    MAX_BYTES,
    MAX_CELL_CHARACTERS,
    MAX_CELLS,
    MAX_FILE_ROWS,
    MAX_PROBLEMS,
    MAX_ROWS,
    CandidateRow,
    CheckedFile,
    CheckedRow,
    ImportColumn,
    ImportProblem,
    ImportResult,
)
from recruit.domain.documents.spreadsheet_safety import csv_text

__all__ = [
    "CANDIDATE_STATUSES",
    "COLUMNS",
    "DEFAULT_STATUS",
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_CELL_CHARACTERS",
    "MAX_FILE_ROWS",
    "MAX_PROBLEMS",
    "MAX_ROWS",
    "CandidateRow",
    "CheckedFile",
    "CheckedRow",
    "ImportColumn",
    "ImportProblem",
    "ImportResult",
    "anonymised_code",
    "check_against_held",
    "check_candidate_file",
    "next_candidate_codes",
    "parse_candidate_csv",
    "template_csv",
]


def parse_candidate_csv(
    data: bytes, *, existing_emails: Collection[str] = (), today: date | None = None
) -> ImportResult:
    """Read candidates from an uploaded CSV file, or say everything that is wrong with it.

    ``existing_emails`` are the candidates already held, so a second import of the same
    file is refused rather than doubling everyone. ``today`` bounds application dates
    (injected for tests). The same as ``check_candidate_file`` then ``check_against_held``.
    """
    return check_against_held(check_candidate_file(data, today=today), existing_emails)


def check_candidate_file(data: bytes, *, today: date | None = None) -> CheckedFile:
    """Everything about a file that needs no database: the costly part of an import.

    The web import runs it before the request's first query, because on SQLite that query
    takes the write lock (see ``recruit/candidates/import_file.py``).
    """
    try:
        records = read_records(data)
    except FileRefused as refused:
        return CheckedFile((refused.problem,), ())
    header = records[0]
    positions, problems = read_header(header)
    data_rows = [
        (number, cells) for number, cells in enumerate(records[1:], start=2) if filled(cells)
    ]
    problems += _row_count_problems(len(data_rows))
    if len(data_rows) > MAX_ROWS:
        return CheckedFile(tuple(problems), ())
    check = _RowChecker(len(header), positions, today or date.today()).check
    return CheckedFile(tuple(problems), tuple(check(number, cells) for number, cells in data_rows))


def check_against_held(checked: CheckedFile, existing_emails: Collection[str]) -> ImportResult:
    """The import: ``checked`` with each email compared to the candidates already held
    (``existing_emails``) and to earlier rows. Cheap: no cell is read again."""
    clashes = _EmailClashes(existing_emails)
    problems = list(checked.problems)
    rows: list[CandidateRow] = []
    for row in checked.rows:
        clash = clashes.check(row.row_number, row.email)
        problems += [*row.problems, *clash]
        if row.candidate is not None and not clash:
            rows.append(row.candidate)
    return _failed(problems) if problems else ImportResult(tuple(rows), ())


def template_csv() -> str:
    """The header row and one example row, for a "download a template" link.

    Serve it encoded as ``utf-8-sig`` so Excel shows the curly apostrophe correctly.
    """
    return csv_text([COLUMN_NAMES, [column.example for column in COLUMNS]])


def _failed(problems: Sequence[ImportProblem]) -> ImportResult:
    if len(problems) > MAX_PROBLEMS:
        hidden = len(problems) - (MAX_PROBLEMS - 1)
        summary = ImportProblem(None, None, f"and {hidden:,} more problems")
        problems = [*problems[: MAX_PROBLEMS - 1], summary]
    return ImportResult((), tuple(problems))


def _row_count_problems(count: int) -> list[ImportProblem]:
    if count == 0:
        message = "the file has no candidates: add one row for each candidate under row 1"
        return [ImportProblem(None, None, message)]
    if count > MAX_ROWS:
        message = (
            f"the file has {count:,} candidates. The most you can import at once is "
            f"{MAX_ROWS:,}: split it into smaller files"
        )
        return [ImportProblem(None, None, message)]
    return []


class _RowChecker:
    """Checks each row's cells on their own: nothing here compares one row with another."""

    def __init__(self, width: int, positions: dict[str, int], today: date) -> None:
        self.width = width
        self.positions = positions
        self.today = today

    def check(self, row_number: int, cells: Sequence[str]) -> CheckedRow:
        if len(cells) != self.width:
            problem = _cell_count_problem(row_number, len(cells), self.width)
            return CheckedRow(row_number, "", None, (problem,))
        texts, problems = self._check_cells(row_number, cells)
        email = texts.get("email", "").lower()
        candidate = None if problems else _candidate_row(row_number, texts)
        return CheckedRow(row_number, email, candidate, tuple(problems))

    def _check_cells(
        self, row_number: int, cells: Sequence[str]
    ) -> tuple[dict[str, str], list[ImportProblem]]:
        texts: dict[str, str] = {}
        problems: list[ImportProblem] = []
        for column in COLUMNS:
            if column.name not in self.positions:
                continue  # a missing required column is reported once, in row 1
            raw = cells[self.positions[column.name]]
            text = clean_cell(column, raw)
            message = cell_problem(column, raw, text, self.today)
            if message:
                problems.append(ImportProblem(row_number, column.name, message))
            else:
                texts[column.name] = text
        return texts, problems


class _EmailClashes:
    """Emails in row order, so a repeat names the first row; held ones are refused outright."""

    def __init__(self, existing: Collection[str]) -> None:
        self.existing = {email.strip().lower() for email in existing}
        self.first_row_by_email: dict[str, int] = {}

    def check(self, row_number: int, email: str) -> list[ImportProblem]:
        if not email:
            return []
        if email in self.existing:
            message = "a candidate with this email address has already been added"
            return [ImportProblem(row_number, "email", message)]
        first = self.first_row_by_email.setdefault(email, row_number)
        if first != row_number:
            message = f"row {first} has the same email address: each candidate needs their own"
            return [ImportProblem(row_number, "email", message)]
        return []


def _cell_count_problem(row_number: int, count: int, width: int) -> ImportProblem:
    message = (
        f"this row has {count} cells but row 1 has {width}: check for a missing or extra "
        "comma, and put quotes round any cell that contains a comma"
    )
    return ImportProblem(row_number, None, message)


def _candidate_row(row_number: int, texts: Mapping[str, str]) -> CandidateRow:
    date_text = texts.get("application_date", "")
    return CandidateRow(
        row_number=row_number,
        first_name=texts.get("first_name", ""),
        last_name=texts.get("last_name", ""),
        email=texts.get("email", "").lower(),
        phone=texts.get("phone", ""),
        current_role=texts.get("current_role", ""),
        current_employer=texts.get("current_employer", ""),
        application_date=parse_date(date_text) if date_text else None,
        status=status_key(texts.get("status", "")) or DEFAULT_STATUS,
        notes=texts.get("notes", ""),
    )
