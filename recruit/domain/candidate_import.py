"""Candidates: pipeline statuses, anonymised codes and the CSV import (security item 15).

The import is strict and all-or-nothing. The whole file is checked, every problem is
reported with its row and column as a spreadsheet shows them (the header is row 1), and
if there is any problem no candidate is imported: a half-imported list is worse than
none, because nobody can tell which rows made it. ``docs/candidate-import.md`` is the
user's guide; a test keeps its column table in step with ``COLUMNS``.

Problem messages never repeat a cell's value: they may be logged or shown beside other
people's data, and the row and column are enough to find the cell.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from recruit.domain.spreadsheet_safety import csv_text, formula_trigger

CANDIDATE_STATUSES: Mapping[str, str] = MappingProxyType(
    {
        "applied": "Applied",
        "shortlisted": "Shortlisted",
        "interviewed": "Interviewed",
        "appointable": "Appointable",
        "not_appointable": "Not appointable",
        "reserve": "Reserve",
        "appointed": "Appointed",
        "withdrawn": "Withdrawn",
    }
)
DEFAULT_STATUS = "applied"

MAX_BYTES = 1_000_000
MAX_ROWS = 2000
# Enough to fix a file in one sitting, few enough that the first problems stay visible.
MAX_PROBLEMS = 50


@dataclass(frozen=True)
class ImportColumn:
    name: str
    description: str
    required: bool = False
    max_length: int | None = None  # None: the format (a date, a status) bounds the length
    line_breaks: bool = False
    example: str = ""


COLUMNS: tuple[ImportColumn, ...] = (
    ImportColumn(
        "first_name", "The candidate’s first name.", required=True, max_length=100, example="Sam"
    ),
    ImportColumn(
        "last_name", "The candidate’s last name.", required=True, max_length=100, example="Okafor"
    ),
    ImportColumn(
        "email",
        "The candidate’s email address, like name@example.com. Each candidate needs a "
        "different one; capitals are ignored.",
        required=True,
        max_length=254,
        example="sam.okafor@example.com",
    ),
    ImportColumn(
        "phone",
        "Digits, spaces, brackets and hyphens, with at least 7 digits. May start with + "
        "for international format, like +44 1632 960 001.",
        max_length=30,
        example="01632 960 001",
    ),
    ImportColumn(
        "current_role",
        "The candidate’s current job title.",
        max_length=200,
        example="Assistant Director, Children’s Social Care",
    ),
    ImportColumn(
        "current_employer",
        "The organisation the candidate works for now.",
        max_length=200,
        example="Example County Council",
    ),
    ImportColumn(
        "application_date",
        "The date the application arrived: DD/MM/YYYY (27/03/2026 or 7/3/2026) or "
        "YYYY-MM-DD (2026-03-27). Today or earlier.",
        example="06/01/2025",
    ),
    ImportColumn(
        "status",
        "Where the candidate is in the pipeline: a status below, by name or key, in any "
        "capitals. Empty means Applied.",
        example="Applied",
    ),
    ImportColumn(
        "notes",
        "Anything else the panel should know. Line breaks are allowed.",
        max_length=2000,
        line_breaks=True,
        example="Available for interview from February",
    ),
)
_COLUMN_NAMES = tuple(column.name for column in COLUMNS)


@dataclass(frozen=True)
class CandidateRow:
    """One candidate read from the file; optional text columns are "" when empty."""

    row_number: int
    first_name: str
    last_name: str
    email: str
    phone: str
    current_role: str
    current_employer: str
    application_date: date | None
    status: str
    notes: str


@dataclass(frozen=True)
class ImportProblem:
    """What is wrong and where: ``row`` as a spreadsheet numbers it, ``column`` by name."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        place = []
        if self.row is not None:
            place.append(f"row {self.row}")
        if self.column is not None:
            place.append(f"column ‘{self.column}’")
        text = f"{', '.join(place)}: {self.message}" if place else self.message
        return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class ImportResult:
    rows: tuple[CandidateRow, ...]
    problems: tuple[ImportProblem, ...]

    def __post_init__(self) -> None:
        if self.rows and self.problems:
            raise ValueError("an import with problems must import nothing")

    @property
    def ok(self) -> bool:
        return not self.problems


class _FileRefused(Exception):
    """The file cannot be read at all, so there are no rows to check."""

    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def parse_candidate_csv(
    data: bytes, *, existing_emails: Collection[str] = (), today: date | None = None
) -> ImportResult:
    """Read candidates from an uploaded CSV file, or say everything that is wrong with it.

    ``existing_emails`` are the candidates already held, so a second import of the same
    file is refused rather than doubling everyone. ``today`` bounds application dates
    (injected for tests).
    """
    try:
        records = _read_records(_decode(data))
    except _FileRefused as refused:
        return _failed([refused.problem])
    header = records[0]
    positions, problems = _read_header(header)
    data_rows = [
        (number, cells) for number, cells in enumerate(records[1:], start=2) if _filled(cells)
    ]
    problems += _row_count_problems(len(data_rows))
    if len(data_rows) > MAX_ROWS:
        return _failed(problems)
    checker = _RowChecker(len(header), positions, existing_emails, today or date.today())
    for row_number, cells in data_rows:
        problems += checker.check(row_number, cells)
    return _failed(problems) if problems else ImportResult(tuple(checker.rows), ())


def _failed(problems: Sequence[ImportProblem]) -> ImportResult:
    if len(problems) > MAX_PROBLEMS:
        hidden = len(problems) - (MAX_PROBLEMS - 1)
        summary = ImportProblem(None, None, f"and {hidden:,} more problems")
        problems = [*problems[: MAX_PROBLEMS - 1], summary]
    return ImportResult((), tuple(problems))


# --- the file as a whole -----------------------------------------------------------------


def _decode(data: bytes) -> str:
    # The size is checked first so a huge upload costs nothing to refuse.
    if len(data) > MAX_BYTES:
        raise _FileRefused(ImportProblem(None, None, _size_message(len(data))))
    try:
        text = data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte order mark
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise _FileRefused(ImportProblem(line, None, _NOT_UTF8)) from None
    if not text.strip():
        raise _FileRefused(ImportProblem(None, None, "the file is empty: use the template"))
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


def _read_records(text: str) -> list[list[str]]:
    # strict=True refuses a stray quote instead of guessing where a cell ends.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as error:
        raise _FileRefused(ImportProblem(len(records) + 1, None, _csv_message(error))) from None
    if not _filled(records[0]):
        message = "this row is empty: the first row must hold the column headings"
        raise _FileRefused(ImportProblem(1, None, message))
    _refuse_other_separators(records[0])
    return records


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
        return "a cell is far longer than any column allows"
    return f"this row cannot be read as CSV ({detail})"


def _refuse_other_separators(header: Sequence[str]) -> None:
    # Excel in some locales, and "Text (Tab delimited)", separate cells with ; or a tab.
    for separator, name in ((";", "semicolons"), ("\t", "tabs")):
        if len(header) == 1 and separator in header[0]:
            message = (
                f"the cells are separated by {name}, not commas: in Excel, choose "
                "File > Save As and pick ‘CSV UTF-8 (Comma delimited)’"
            )
            raise _FileRefused(ImportProblem(1, None, message))


def _filled(cells: Sequence[str]) -> bool:
    return any(cell.strip() for cell in cells)


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


# --- the header --------------------------------------------------------------------------

# Headings people often use instead of ours; still refused, but the suggestion is exact.
_HEADING_HINTS = {
    "forename": "first_name",
    "given_name": "first_name",
    "surname": "last_name",
    "family_name": "last_name",
    "email_address": "email",
    "telephone": "phone",
    "mobile": "phone",
    "job_title": "current_role",
    "employer": "current_employer",
    "organisation": "current_employer",
    "date_applied": "application_date",
}


def _read_header(header: Sequence[str]) -> tuple[dict[str, int], list[ImportProblem]]:
    """Map each known column to its position, with the problems in row 1."""
    positions: dict[str, int] = {}
    problems: list[ImportProblem] = []
    for index, heading in enumerate(header):
        name = _normalise_heading(heading)
        if not name:
            message = f"column {_letter(index)} has no heading: add one, or delete the column"
            problems.append(ImportProblem(1, None, message))
        elif name not in _COLUMN_NAMES:
            problems.append(_unknown_heading(heading.strip(), name))
        elif name in positions:
            where = f"columns {_letter(positions[name])} and {_letter(index)}"
            problems.append(ImportProblem(1, name, f"this heading is in {where}: keep one"))
        else:
            positions[name] = index
    missing = [name for name in _required_names() if name not in positions]
    problems += [ImportProblem(1, name, "this required column is missing") for name in missing]
    return positions, problems


def _normalise_heading(heading: str) -> str:
    # A file saved twice can carry a second byte order mark into the first heading.
    cleaned = heading.replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s-]+", "_", cleaned)


def _unknown_heading(heading: str, name: str) -> ImportProblem:
    shown = _printable(heading if len(heading) <= 40 else heading[:39] + "…")
    guesses = difflib.get_close_matches(name, _COLUMN_NAMES, n=1, cutoff=0.6)
    suggestion = _HEADING_HINTS.get(name) or (guesses[0] if guesses else None)
    if suggestion:
        advice = f"did you mean ‘{suggestion}’?"
    else:
        advice = f"the columns are {', '.join(_COLUMN_NAMES)}"
    return ImportProblem(1, shown, f"this is not a column we recognise: {advice}")


def _printable(text: str) -> str:
    return "".join("?" if unicodedata.category(char) == "Cc" else char for char in text)


def _required_names() -> list[str]:
    return [column.name for column in COLUMNS if column.required]


def _letter(index: int) -> str:
    """The spreadsheet letter for a 0-based column index: 0 is A, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# --- the rows ----------------------------------------------------------------------------


class _RowChecker:
    """Checks rows in order, remembering emails so a repeat names the first row."""

    def __init__(
        self, width: int, positions: dict[str, int], existing: Collection[str], today: date
    ) -> None:
        self.width = width
        self.positions = positions
        self.existing = {email.strip().lower() for email in existing}
        self.today = today
        self.first_row_by_email: dict[str, int] = {}
        self.rows: list[CandidateRow] = []

    def check(self, row_number: int, cells: Sequence[str]) -> list[ImportProblem]:
        if len(cells) != self.width:
            return [_cell_count_problem(row_number, len(cells), self.width)]
        texts, problems = self._check_cells(row_number, cells)
        problems += self._email_clash(row_number, texts.get("email", "").lower())
        if not problems:
            self.rows.append(_candidate_row(row_number, texts))
        return problems

    def _check_cells(
        self, row_number: int, cells: Sequence[str]
    ) -> tuple[dict[str, str], list[ImportProblem]]:
        texts: dict[str, str] = {}
        problems: list[ImportProblem] = []
        for column in COLUMNS:
            if column.name not in self.positions:
                continue  # a missing required column is reported once, in row 1
            raw = cells[self.positions[column.name]]
            text = _clean(column, raw)
            message = _cell_problem(column, raw, text, self.today)
            if message:
                problems.append(ImportProblem(row_number, column.name, message))
            else:
                texts[column.name] = text
        return texts, problems

    def _email_clash(self, row_number: int, email: str) -> list[ImportProblem]:
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


def _clean(column: ImportColumn, raw: str) -> str:
    text = raw.replace("\r\n", "\n") if column.line_breaks else raw
    # NFC, so a name typed on a Mac and the same name typed on Windows compare equal.
    text = unicodedata.normalize("NFC", text.strip())
    return "" if text == "-" else text  # people write a lone hyphen to mean "none"


def _cell_problem(column: ImportColumn, raw: str, text: str, today: date) -> str | None:
    return (
        _formula_problem(column, raw)
        or _control_character_problem(column, raw)
        or _presence_problem(column, text)
        or _length_problem(column, text)
        or _format_problem(column, text, today)
    )


_PHONE = re.compile(r"\+?[0-9 ()-]+")
# An international number cannot call a function: it is a plus, digits and punctuation.
_INTERNATIONAL_PHONE = re.compile(r"\+[0-9][0-9 ()-]*")


def _formula_problem(column: ImportColumn, raw: str) -> str | None:
    # A lone "-" is text to every spreadsheet, and means "none" here (see _clean).
    trigger = formula_trigger(raw) if raw.strip() != "-" else None
    if trigger is None:
        return None
    if column.name == "phone" and _INTERNATIONAL_PHONE.fullmatch(raw.strip()):
        return None
    described = {"\t": "a tab", "\r": "a carriage return"}.get(trigger, f"‘{trigger}’")
    return f"starts with {described}, which spreadsheets run as a formula: remove it"


def _control_character_problem(column: ImportColumn, raw: str) -> str | None:
    text = raw.replace("\r\n", "\n") if column.line_breaks else raw
    allowed = "\n" if column.line_breaks else ""
    if any(unicodedata.category(char) == "Cc" and char not in allowed for char in text):
        example = "a tab" if column.line_breaks else "a tab or a line break"
        return f"contains a hidden control character, such as {example}: remove it"
    return None


def _presence_problem(column: ImportColumn, text: str) -> str | None:
    if column.required and not text:
        return f"enter the candidate’s {column.name.replace('_', ' ')}"
    return None


def _length_problem(column: ImportColumn, text: str) -> str | None:
    if column.max_length is not None and len(text) > column.max_length:
        return f"must be {column.max_length:,} characters or fewer (this has {len(text):,})"
    return None


def _format_problem(column: ImportColumn, text: str, today: date) -> str | None:
    check = _FORMAT_CHECKS.get(column.name)
    return check(text, today) if check and text else None


_EMAIL = re.compile(
    r"[A-Za-z0-9_%+'-]+(\.[A-Za-z0-9_%+'-]+)*"
    r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)


def _email_problem(text: str) -> str | None:
    local_part = text.rpartition("@")[0]
    if _EMAIL.fullmatch(text) and len(local_part) <= 64:
        return None
    return "enter an email address in the correct format, like name@example.com"


def _phone_problem(text: str) -> str | None:
    if _PHONE.fullmatch(text) and len(re.findall("[0-9]", text)) >= 7:
        return None
    return (
        "enter a phone number using digits, spaces, brackets and hyphens, "
        "like 01632 960 001 or +44 1632 960 001"
    )


_UK_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def _date_parts(text: str) -> tuple[int, int, int] | None:
    """Year, month and day in one of the accepted layouts, not yet checked as a real date."""
    if match := _UK_DATE.fullmatch(text):
        day, month, year = match.groups()
        return int(year), int(month), int(day)
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = match.groups()
        return int(year), int(month), int(day)
    return None


def _parse_date(text: str) -> date | None:
    parts = _date_parts(text)
    try:
        return date(*parts) if parts else None
    except ValueError:
        return None


def _date_problem(text: str, today: date) -> str | None:
    if _date_parts(text) is None:
        return "enter the date as DD/MM/YYYY, like 27/03/2026, or as YYYY-MM-DD"
    parsed = _parse_date(text)
    if parsed is None:
        return "must be a real date, like 27/03/2026"
    if parsed > today:
        return "must be today or in the past"
    return None


_STATUS_BY_NAME = {
    **{key.replace("_", " "): key for key in CANDIDATE_STATUSES},
    **{label.casefold(): key for key, label in CANDIDATE_STATUSES.items()},
}


def _status_key(text: str) -> str | None:
    return _STATUS_BY_NAME.get(" ".join(re.split(r"[\s_-]+", text.casefold())))


def _status_problem(text: str) -> str | None:
    if _status_key(text):
        return None
    labels = ", ".join(CANDIDATE_STATUSES.values())
    return f"must be one of: {labels} (or leave it empty for Applied)"


_FORMAT_CHECKS: dict[str, Callable[[str, date], str | None]] = {
    "email": lambda text, _today: _email_problem(text),
    "phone": lambda text, _today: _phone_problem(text),
    "application_date": _date_problem,
    "status": lambda text, _today: _status_problem(text),
}


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
        application_date=_parse_date(date_text) if date_text else None,
        status=_status_key(texts.get("status", "")) or DEFAULT_STATUS,
        notes=texts.get("notes", ""),
    )


# --- codes and the template --------------------------------------------------------------

_CODE = re.compile(r"C-([0-9]+)")


def anonymised_code(sequence_number: int) -> str:
    """The code panels see instead of a name, so a name cannot sway a score: ``C-07``."""
    if sequence_number < 1:
        raise ValueError("candidate codes start at 1")
    return f"C-{sequence_number:02d}"


def next_candidate_codes(existing_codes: Iterable[str], count: int) -> list[str]:
    """The next ``count`` codes after the highest existing one.

    Gaps left by deleted candidates are never filled: a code already written in panel
    notes or a score sheet must never come to mean someone else. Anything not shaped
    like a code is ignored.
    """
    if count < 0:
        raise ValueError("count cannot be negative")
    numbers = [int(match[1]) for code in existing_codes if (match := _CODE.fullmatch(code))]
    start = max(numbers, default=0) + 1
    return [anonymised_code(number) for number in range(start, start + count)]


def template_csv() -> str:
    """The header row and one example row, for a "download a template" link.

    Serve it encoded as ``utf-8-sig`` so Excel shows the curly apostrophe correctly.
    """
    return csv_text([_COLUMN_NAMES, [column.example for column in COLUMNS]])
