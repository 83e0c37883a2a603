"""Reading row 1 of a candidate file: where each known column is, and what is wrong.

Unknown headings are refused, never guessed at, but the message suggests the heading
that was probably meant, so the fix takes one edit.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence

from recruit.domain.candidates.model import COLUMN_NAMES, COLUMNS, ImportProblem

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


def read_header(header: Sequence[str]) -> tuple[dict[str, int], list[ImportProblem]]:
    """Map each known column to its position, with the problems in row 1."""
    positions: dict[str, int] = {}
    problems: list[ImportProblem] = []
    for index, heading in enumerate(header):
        name = _normalise_heading(heading)
        if not name:
            message = f"column {_letter(index)} has no heading: add one, or delete the column"
            problems.append(ImportProblem(1, None, message))
        elif name not in COLUMN_NAMES:
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
    guesses = difflib.get_close_matches(name, COLUMN_NAMES, n=1, cutoff=0.6)
    suggestion = _HEADING_HINTS.get(name) or (guesses[0] if guesses else None)
    if suggestion:
        advice = f"did you mean ‘{suggestion}’?"
    else:
        advice = f"the columns are {', '.join(COLUMN_NAMES)}"
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
