"""Cells a spreadsheet would run as a formula (security item 13), for imports and exports.

A CSV or XLSX cell that starts with ``=``, ``+``, ``-`` or ``@`` is evaluated by Excel,
LibreOffice and Google Sheets as a formula, which can fetch URLs or (through DDE) start
programs on the reader's computer; a leading tab or carriage return can smuggle one in.
Exports prefix such cells with an apostrophe, as OWASP advises; the candidate import
refuses them (see ``candidate_import``).

We look past leading spaces before deciding, because some spreadsheets trim spaces when
they open a CSV: `` =1+1`` would otherwise become a live formula after the trim.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_INVISIBLE_TRIGGERS = ("\t", "\r")
_NUMBER_TYPES = (int, float, Decimal)
# What str() gives for an ordinary number; "-inf", "nan" and odd subclasses fall back to text.
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def formula_trigger(text: str) -> str | None:
    """Return the character that would make a spreadsheet run ``text`` as a formula, or None.

    Leading spaces are skipped; so is other leading whitespace (such as a line break)
    before a visible trigger, because a tool that trims the cell would expose it.
    """
    after_spaces = text.lstrip(" ")
    if after_spaces.startswith(_INVISIBLE_TRIGGERS):
        return after_spaces[0]
    first = text.lstrip()[:1]
    return first if first in FORMULA_TRIGGERS else None


def neutralise_cell(value: object) -> str:
    """Return the text to write in an exported cell, with a leading apostrophe if it is risky.

    None becomes an empty cell. A number (int, float, Decimal) whose text is a plain
    number such as ``-3`` or ``2.5`` is left alone, so a reader can still add it up: it
    came from our own arithmetic, not from someone's typing, and a plain number cannot
    call a function. Everything else is ``str(value)``, prefixed with ``'`` if it starts
    with a trigger, even a lone ``-``: one rule with no exceptions is easier to trust.
    """
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, _NUMBER_TYPES) and _PLAIN_NUMBER.fullmatch(text):
        return text
    return f"'{text}" if formula_trigger(text) else text


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """Write ``rows`` as CSV text with every cell neutralised.

    Quotes only where needed and ends lines with CRLF, as RFC 4180 and Excel expect.
    Encode the result as ``utf-8-sig`` when serving it: Excel reads a file without the
    byte order mark as Windows-1252 and garbles accented names.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise_cell(value) for value in row])
    return buffer.getvalue()
