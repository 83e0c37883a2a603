"""Turning an uploaded candidate file into CSV records, or refusing it whole.

These are the problems that stop anything else being checked: a file too big, not
UTF-8, empty, not valid CSV, separated by something other than commas, or past a limit on
rows, cells or a cell's length. Each one is raised as ``FileRefused`` carrying the single
problem to show.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence

from recruit.domain.candidates.model import (
    COLUMNS,
    MAX_BYTES,
    MAX_CELL_CHARACTERS,
    MAX_CELLS,
    MAX_FILE_ROWS,
    MAX_ROWS,
    ImportProblem,
)


class FileRefused(Exception):
    """The file cannot be read at all, so there are no rows to check."""

    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_records(data: bytes) -> list[list[str]]:
    """The file's rows as lists of cells, the header first; raises ``FileRefused``."""
    return _parse_csv(_decode(data))


def filled(cells: Sequence[str]) -> bool:
    """Whether a row has anything in it; spreadsheets often save blank rows at the end."""
    return any(cell.strip() for cell in cells)


def _decode(data: bytes) -> str:
    # The size is checked first so a huge upload costs nothing to refuse.
    if len(data) > MAX_BYTES:
        raise FileRefused(ImportProblem(None, None, _size_message(len(data))))
    try:
        text = data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte order mark
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileRefused(ImportProblem(line, None, _NOT_UTF8)) from None
    if not text.strip():
        raise FileRefused(ImportProblem(None, None, "the file is empty: use the template"))
    return text


_NOT_UTF8 = (
    "the file is not saved as UTF-8, so some characters cannot be read: in Excel, choose "
    "File > Save As and pick ‘CSV UTF-8 (Comma delimited)’"
)


def _size_message(size: int) -> str:
    limit = f"{MAX_BYTES / 1_000_000:g} MB"
    # Rounded down so the size never looks bigger than it is; "1.0 MB" would look allowed.
    shown = math.floor(size / 100_000) / 10
    described = f"{shown:.1f} MB" if shown > MAX_BYTES / 1_000_000 else f"just over {limit}"
    return (
        f"the file is {described}. The largest file you can import is {limit}: "
        "split it into smaller files"
    )


def _parse_csv(text: str) -> list[list[str]]:
    # strict=True refuses a stray quote instead of guessing where a cell ends.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            _refuse_past_limits(len(records) + 1, record)
            records.append(record)
    except csv.Error as error:
        raise FileRefused(ImportProblem(len(records) + 1, None, _csv_message(error))) from None
    if not filled(records[0]):
        message = "this row is empty: the first row must hold the column headings"
        raise FileRefused(ImportProblem(1, None, message))
    _refuse_other_separators(records[0])
    return records


def _refuse_past_limits(row_number: int, record: Sequence[str]) -> None:
    # Checked as each row is read, so a hostile file stops costing work at its first excess.
    if row_number > MAX_FILE_ROWS:
        message = (
            f"the file has more than {MAX_FILE_ROWS:,} rows, counting empty ones. The most "
            f"you can import at once is {MAX_ROWS:,} candidates: delete the empty rows at the "
            "end, or split the file"
        )
        raise FileRefused(ImportProblem(None, None, message))
    if len(record) > MAX_CELLS:
        message = (
            f"this row has {len(record):,} cells. A candidate file has at most {len(COLUMNS)} "
            f"columns, and a row can have {MAX_CELLS}: delete the extra columns, or look for "
            "stray commas"
        )
        raise FileRefused(ImportProblem(row_number, None, message))
    if any(len(cell) > MAX_CELL_CHARACTERS for cell in record):
        raise FileRefused(ImportProblem(row_number, None, _CELL_TOO_LONG))


_CELL_TOO_LONG = "a cell is far longer than any column allows"


def _csv_message(error: csv.Error) -> str:
    detail = str(error)
    if "expected after" in detail:
        return (
            'a quote mark (") is in the wrong place: put quotes round the whole cell, '
            'and write a quote mark inside a cell as two ("")'
        )
    if "end of data" in detail:
        return 'a quote mark (") opens a cell that is never closed: add the closing quote'
    if "field limit" in detail:
        return _CELL_TOO_LONG
    return f"this row cannot be read as CSV ({detail})"


def _refuse_other_separators(header: Sequence[str]) -> None:
    # Excel in some locales, and "Text (Tab delimited)", separate cells with ; or a tab.
    for separator, name in ((";", "semicolons"), ("\t", "tabs")):
        if len(header) == 1 and separator in header[0]:
            message = (
                f"the cells are separated by {name}, not commas: in Excel, choose "
                "File > Save As and pick ‘CSV UTF-8 (Comma delimited)’"
            )
            raise FileRefused(ImportProblem(1, None, message))
