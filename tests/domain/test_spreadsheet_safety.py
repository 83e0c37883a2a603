"""CSV/XLSX export cells that a spreadsheet would run as formulas (security item 13)."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from recruit.domain.documents.spreadsheet_safety import csv_text, formula_trigger, neutralise_cell

DANGEROUS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.com")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    "   =1+1",
    " \t1",
    "\n=1+1",
    "-",
    "+44 1632 960 001",
]
SAFE = ["Sam", "", "sam@example.com", "O’Brien", "1-2", "a=b", "Zoë", "مدير", "👩‍⚖️", "'=1", "5"]


@pytest.mark.parametrize("value", DANGEROUS, ids=repr)
def test_each_dangerous_prefix_gets_an_apostrophe(value: str) -> None:
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", SAFE, ids=repr)
def test_safe_text_is_unchanged(value: str) -> None:
    assert neutralise_cell(value) == value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (-3, "-3"),
        (2.5, "2.5"),
        (-1.5e-7, "-1.5e-07"),
        (Decimal("-1.50"), "-1.50"),
        (True, "True"),
        (date(2026, 3, 27), "2026-03-27"),
        (float("-inf"), "'-inf"),
    ],
)
def test_other_values_become_plain_text_and_numbers_stay_numbers(value: object, text: str) -> None:
    assert neutralise_cell(value) == text


def test_a_number_whose_text_is_not_a_plain_number_is_treated_as_text() -> None:
    class Sneaky(int):
        def __str__(self) -> str:
            return "-1+cmd|' /C calc'!A0"

    assert neutralise_cell(Sneaky(1)) == "'-1+cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [("=1", "="), ("  +1", "+"), ("\t1", "\t"), ("  \r1", "\r"), ("\n@x", "@"), ("x=1", None)],
    ids=repr,
)
def test_formula_trigger_names_the_character(text: str, trigger: str | None) -> None:
    assert formula_trigger(text) == trigger


def test_csv_text_round_trips_through_csv_reader() -> None:
    rows: list[list[object]] = [
        ["code", "name", "score", "notes"],
        ["C-01", "Okafor, Sam", -2, 'Said "yes"\nthen paused'],
        ["C-02", "=cmd|' /C calc'!A0", Decimal("3.5"), None],
        ["C-03", "\r=1", 4, "@SUM(A1)"],
    ]
    text = csv_text(rows)
    read_back = list(csv.reader(io.StringIO(text, newline="")))
    assert read_back == [[neutralise_cell(value) for value in row] for row in rows]
    assert read_back[2][1] == "'=cmd|' /C calc'!A0"
    assert read_back[1][2] == "-2"


def test_csv_text_quotes_only_where_needed_and_ends_lines_with_crlf() -> None:
    text = csv_text([["a", "b, c", 'd"e'], ["=f", 1]])
    assert text == 'a,"b, c","d""e"\r\n\'=f,1\r\n'
    assert csv_text([]) == ""
