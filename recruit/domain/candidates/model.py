"""What a candidate import reads and reports: statuses, limits, columns and result types.

``COLUMNS`` is the one description of the file's layout: the parser, the template and the
user's guide (``docs/candidate-import.md``, kept in step by a test) all follow it. The
checks and the parser live in the other ``candidate_import*`` modules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

CANDIDATE_STATUSES: Mapping[str, str] = MappingProxyType(
    {
        "applied": "Applied",
        "shortlisted": "Shortlisted",
        "not_shortlisted": "Not shortlisted",
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
# The limits below bound the work a file under 1 MB can cause before it is refused: a
# header of 500,000 commas took 8 seconds to read, and a million empty lines 1 second.
# Rows in the file, empty ones included: room for a spreadsheet's trailing blank rows.
MAX_FILE_ROWS = 10_000
# Cells in any row, the header included: nine columns and room for stray empty ones.
MAX_CELLS = 50
# Five times the longest column (notes, 2,000), so a cell a little too long still gets
# the message naming its column; the CSV reader's own limit is set for the whole process.
MAX_CELL_CHARACTERS = 10_000


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
        "Where the candidate is in the pipeline, by name or key in any capitals: "
        + ", ".join(CANDIDATE_STATUSES.values())
        + ". Empty means Applied.",
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
COLUMN_NAMES = tuple(column.name for column in COLUMNS)


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
class CheckedRow:
    """One row checked on its own: the candidate if every cell passed, else its problems.

    ``email`` is the valid address, lower-cased, or "" if the cell had a problem: it is
    still compared with other rows and with the candidates already held.
    """

    row_number: int
    email: str
    candidate: CandidateRow | None
    problems: tuple[ImportProblem, ...]


@dataclass(frozen=True)
class CheckedFile:
    """A file checked without the database: all but the candidates already held.

    ``problems`` are about the file as a whole and row 1; ``rows`` are in file order.
    """

    problems: tuple[ImportProblem, ...]
    rows: tuple[CheckedRow, ...]


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
