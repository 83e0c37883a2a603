"""Checking and cleaning one cell of a candidate file.

``cell_problem`` runs the checks in order (formula, control characters, presence,
length, then the column's own format: email, phone, date or status) and returns the
first message, so each cell reports one problem at a time. Messages never repeat the
cell's value. ``parse_date`` and ``status_key`` turn cells that passed into values.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

from recruit.domain.candidates.model import CANDIDATE_STATUSES, ImportColumn
from recruit.domain.documents.spreadsheet_safety import formula_trigger


def clean_cell(column: ImportColumn, raw: str) -> str:
    text = raw.replace("\r\n", "\n") if column.line_breaks else raw
    # NFC, so a name typed on a Mac and the same name typed on Windows compare equal.
    text = unicodedata.normalize("NFC", text.strip())
    return "" if text == "-" else text  # people write a lone hyphen to mean "none"


def cell_problem(column: ImportColumn, raw: str, text: str, today: date) -> str | None:
    """What is wrong with a cell, given as typed (``raw``) and as cleaned (``text``)."""
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
    # A lone "-" is text to every spreadsheet, and means "none" here (see clean_cell).
    trigger = formula_trigger(raw) if raw.strip() != "-" else None
    if trigger is None:
        return None
    if column.name == "phone" and _INTERNATIONAL_PHONE.fullmatch(raw.strip()):
        return None
    described = {"\t": "a tab", "\r": "a carriage return"}.get(trigger, f"‘{trigger}’")
    return f"starts with {described}, which spreadsheets run as a formula: remove it"


# Unicode's control characters (category Cc) are exactly these; a search in C, not a loop
# in Python over every character, keeps a 1 MB file's check well under a second.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINE_FEED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _control_character_problem(column: ImportColumn, raw: str) -> str | None:
    text = raw.replace("\r\n", "\n") if column.line_breaks else raw
    pattern = _CONTROL_BUT_LINE_FEED if column.line_breaks else _CONTROL
    if pattern.search(text):
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


def parse_date(text: str) -> date | None:
    """The date in a cell, or None if it is not a real date in an accepted layout."""
    parts = _date_parts(text)
    try:
        return date(*parts) if parts else None
    except ValueError:
        return None


def _date_problem(text: str, today: date) -> str | None:
    if _date_parts(text) is None:
        return "enter the date as DD/MM/YYYY, like 27/03/2026, or as YYYY-MM-DD"
    parsed = parse_date(text)
    if parsed is None:
        return "must be a real date, like 27/03/2026"
    if parsed > today:
        return "must be today or in the past"
    return None


_STATUS_BY_NAME = {
    **{key.replace("_", " "): key for key in CANDIDATE_STATUSES},
    **{label.casefold(): key for key, label in CANDIDATE_STATUSES.items()},
}


def status_key(text: str) -> str | None:
    """The status key a cell names, by key or label in any capitals, or None."""
    return _STATUS_BY_NAME.get(" ".join(re.split(r"[\s_-]+", text.casefold())))


def _status_problem(text: str) -> str | None:
    if status_key(text):
        return None
    labels = ", ".join(CANDIDATE_STATUSES.values())
    return f"must be one of: {labels} (or leave it empty for Applied)"


_FORMAT_CHECKS: dict[str, Callable[[str, date], str | None]] = {
    "email": lambda text, _today: _email_problem(text),
    "phone": lambda text, _today: _phone_problem(text),
    "application_date": _date_problem,
    "status": lambda text, _today: _status_problem(text),
}
