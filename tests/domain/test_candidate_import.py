"""Candidate CSV import: strict, all-or-nothing, every problem named by row and column."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recruit.domain.candidates import (
    CANDIDATE_STATUSES,
    COLUMNS,
    MAX_BYTES,
    MAX_CELL_CHARACTERS,
    MAX_CELLS,
    MAX_FILE_ROWS,
    MAX_PROBLEMS,
    MAX_ROWS,
    CandidateRow,
    ImportProblem,
    ImportResult,
    anonymised_code,
    check_against_held,
    check_candidate_file,
    next_candidate_codes,
    parse_candidate_csv,
    template_csv,
)
from recruit.domain.documents.spreadsheet_safety import formula_trigger

HEADER = [column.name for column in COLUMNS]
TODAY = date(2026, 3, 27)
DOCS = Path(__file__).resolve().parents[2] / "docs" / "candidate-import.md"
GOOD = {
    "first_name": "Sam",
    "last_name": "Okafor",
    "email": "sam.okafor@example.com",
    "phone": "01632 960 001",
    "current_role": "Assistant Director, Children’s Social Care",
    "current_employer": "Example County Council",
    "application_date": "06/01/2026",
    "status": "applied",
    "notes": "",
}
FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tcalc", "\rcalc"]


def person(number: int = 1, **changes: str) -> dict[str, str]:
    return {**GOOD, "email": f"candidate{number}@example.com", **changes}


def csv_bytes(
    *rows: dict[str, str], header: list[str] = HEADER, bom: bool = False, newline: str = "\r\n"
) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [row.get(re.sub(r"[ -]", "_", name.strip().lower()), "") for name in header]
        )
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def parse(data: bytes, existing_emails: set[str] | None = None) -> ImportResult:
    return parse_candidate_csv(data, existing_emails=existing_emails or set(), today=TODAY)


def problems(result: ImportResult) -> list[str]:
    assert result.rows == ()
    return [str(problem) for problem in result.problems]


def only_problem(result: ImportResult) -> ImportProblem:
    assert result.rows == ()
    assert len(result.problems) == 1, result.problems
    return result.problems[0]


# --- a good file -------------------------------------------------------------------------


def test_a_good_file_with_bom_crlf_and_mixed_case_headers_parses_to_rows() -> None:
    header = [" First Name", "LAST-NAME", "Email ", "Phone", "Current Role"]
    header += ["current-employer", "Application Date", "STATUS", "Notes"]
    first = person(1, email="Sam.Okafor@Example.COM", phone="+44 1632 960 001")
    first.update(status="Not Appointable", application_date="7/3/2026", notes="Line one\nTwo")
    second = person(2, first_name="  Zoë  ", phone="-", status="", application_date="2026-03-27")
    data = csv_bytes(first, header=header, bom=True)
    data += b",,,,,,,,\r\n\r\n" + csv_bytes(second, header=header).split(b"\r\n", 1)[1]

    result = parse(data)

    assert result.ok and result.problems == ()
    assert result.rows == (
        CandidateRow(
            row_number=2,
            first_name="Sam",
            last_name="Okafor",
            email="sam.okafor@example.com",
            phone="+44 1632 960 001",
            current_role="Assistant Director, Children’s Social Care",
            current_employer="Example County Council",
            application_date=date(2026, 3, 7),
            status="not_appointable",
            notes="Line one\nTwo",
        ),
        CandidateRow(
            row_number=5,  # rows 3 and 4 are blank in the spreadsheet, and skipped
            first_name="Zoë",
            last_name="Okafor",
            email="candidate2@example.com",
            phone="",
            current_role="Assistant Director, Children’s Social Care",
            current_employer="Example County Council",
            application_date=date(2026, 3, 27),
            status="applied",
            notes="",
        ),
    )


def test_only_the_required_columns_are_needed_in_any_order() -> None:
    data = b"email,last_name,first_name\nsam@example.com,Okafor,Sam\n"
    (row,) = parse(data).rows
    assert (row.first_name, row.email, row.status, row.application_date) == (
        "Sam",
        "sam@example.com",
        "applied",
        None,
    )


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Not appointable", "not_appointable"),
        ("NOT_APPOINTABLE", "not_appointable"),
        ("not-appointable", "not_appointable"),
        ("  reserve ", "reserve"),
        ("Appointed", "appointed"),
        ("", "applied"),
    ],
)
def test_status_is_a_key_or_a_label_in_any_capitals(written: str, key: str) -> None:
    (row,) = parse(csv_bytes(person(status=written))).rows
    assert row.status == key


def test_statuses_run_through_the_pipeline_in_order() -> None:
    assert list(CANDIDATE_STATUSES) == [
        "applied",
        "shortlisted",
        "not_shortlisted",
        "interviewed",
        "appointable",
        "not_appointable",
        "reserve",
        "appointed",
        "withdrawn",
    ]
    assert CANDIDATE_STATUSES["not_appointable"] == "Not appointable"


def test_template_parses_cleanly_and_lists_every_column() -> None:
    text = template_csv()
    assert text.splitlines()[0] == ",".join(HEADER)
    assert text.endswith("\r\n")
    result = parse_candidate_csv(text.encode("utf-8-sig"))
    assert result.ok
    assert [row.first_name for row in result.rows] == ["Sam"]


# --- wrong columns -----------------------------------------------------------------------


def test_missing_required_columns_are_each_named_and_nothing_is_imported() -> None:
    header = ["first_name", "phone"]
    assert problems(parse(csv_bytes(person(), header=header))) == [
        "Row 1, column ‘last_name’: this required column is missing",
        "Row 1, column ‘email’: this required column is missing",
    ]


@pytest.mark.parametrize(
    ("heading", "suggestion"),
    [("emial", "email"), ("Surname", "last_name"), ("E-mail", "email"), ("note", "notes")],
)
def test_an_unknown_column_suggests_the_one_meant(heading: str, suggestion: str) -> None:
    header = [*HEADER, heading]
    assert problems(parse(csv_bytes(person(), header=header))) == [
        f"Row 1, column ‘{heading}’: this is not a column we recognise: "
        f"did you mean ‘{suggestion}’?"
    ]


def test_an_unknown_column_with_no_near_match_lists_the_columns() -> None:
    (message,) = problems(parse(csv_bytes(person(), header=[*HEADER, "shoe size"])))
    assert message.startswith("Row 1, column ‘shoe size’: this is not a column we recognise")
    assert ", ".join(HEADER) in message


def test_a_duplicated_column_names_both_letters() -> None:
    header = ["first_name", "last_name", "email", "Email"]
    assert problems(parse(csv_bytes(person(), header=header))) == [
        "Row 1, column ‘email’: this heading is in columns C and D: keep one"
    ]


def test_a_column_without_a_heading_is_named_by_its_letter() -> None:
    data = b"first_name,last_name,email,\nSam,Okafor,sam@example.com,\n"
    assert problems(parse(data)) == [
        "Row 1: column D has no heading: add one, or delete the column"
    ]


def test_header_and_row_problems_are_reported_together() -> None:
    header = ["first_name", "last_name", "email", "emial"]
    result = parse(csv_bytes(person(email="not an email"), header=header))
    assert [(problem.row, problem.column) for problem in result.problems] == [
        (1, "emial"),
        (2, "email"),
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"first_name;last_name;email\nSam;Okafor;s@example.com\n", "separated by semicolons"),
        (b"first_name\tlast_name\temail\nSam\tOkafor\ts@example.com\n", "separated by tabs"),
    ],
)
def test_a_file_with_another_separator_says_so(data: bytes, expected: str) -> None:
    problem = only_problem(parse(data))
    assert problem.row == 1 and expected in problem.message and "CSV UTF-8" in problem.message


def test_a_blank_first_row_is_refused() -> None:
    problem = only_problem(parse(b"\r\n" + csv_bytes(person())))
    assert str(problem) == "Row 1: this row is empty: the first row must hold the column headings"


# --- bad dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("31/02/2027", "must be a real date, like 27/03/2026"),
        ("2027-13-01", "must be a real date, like 27/03/2026"),
        ("00/01/2026", "must be a real date, like 27/03/2026"),
        ("next Tuesday", "enter the date as DD/MM/YYYY, like 27/03/2026, or as YYYY-MM-DD"),
        ("27/03/26", "enter the date as DD/MM/YYYY, like 27/03/2026, or as YYYY-MM-DD"),
        ("27.03.2026", "enter the date as DD/MM/YYYY, like 27/03/2026, or as YYYY-MM-DD"),
        ("2026-3-7", "enter the date as DD/MM/YYYY, like 27/03/2026, or as YYYY-MM-DD"),
        ("٢٧/٠٣/٢٠٢٦", "enter the date as DD/MM/YYYY, like 27/03/2026, or as YYYY-MM-DD"),
        ("28/03/2026", "must be today or in the past"),
    ],
)
def test_bad_application_dates_are_refused(written: str, message: str) -> None:
    problem = only_problem(parse(csv_bytes(person(application_date=written))))
    assert (problem.row, problem.column, problem.message) == (2, "application_date", message)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("27/03/2026", date(2026, 3, 27)),
        ("1/2/2024", date(2024, 2, 1)),
        ("2024-02-29", date(2024, 2, 29)),
    ],
)
def test_accepted_date_layouts(written: str, expected: date) -> None:
    (row,) = parse(csv_bytes(person(application_date=written))).rows
    assert row.application_date == expected


# --- duplicates --------------------------------------------------------------------------


def test_a_repeated_email_in_the_file_names_both_rows() -> None:
    rows = [person(1), person(2), person(3, email="CANDIDATE1@example.com ")]
    assert problems(parse(csv_bytes(*rows))) == [
        "Row 4, column ‘email’: row 2 has the same email address: each candidate needs their own"
    ]


def test_an_email_already_held_is_refused_ignoring_capitals() -> None:
    result = parse(csv_bytes(person(1), person(2)), existing_emails={" Candidate2@Example.com"})
    assert problems(result) == [
        "Row 3, column ‘email’: a candidate with this email address has already been added"
    ]


# --- formula-like cells ------------------------------------------------------------------


@pytest.mark.parametrize("column", HEADER)
@pytest.mark.parametrize("payload", FORMULAS, ids=repr)
def test_formula_like_cells_are_refused_in_every_column(column: str, payload: str) -> None:
    problem = only_problem(parse(csv_bytes(person(**{column: payload}))))
    assert (problem.row, problem.column) == (2, column)
    assert "which spreadsheets run as a formula: remove it" in problem.message


def test_the_formula_message_names_the_character() -> None:
    result = parse(csv_bytes(person(), person(2, last_name="  =HYPERLINK(x)")))
    assert problems(result) == [
        "Row 3, column ‘last_name’: starts with ‘=’, which spreadsheets run as a formula: remove it"
    ]
    tab = only_problem(parse(csv_bytes(person(notes="\t=1"))))
    assert tab.message.startswith("starts with a tab,")


@pytest.mark.parametrize("phone", ["+44 1632 960 001", "+44 (0)1632 960001", "+1-202-555-0100"])
def test_an_international_phone_number_may_start_with_a_plus(phone: str) -> None:
    (row,) = parse(csv_bytes(person(phone=phone))).rows
    assert row.phone == phone


def test_a_lone_hyphen_means_empty_but_not_for_a_required_column() -> None:
    (row,) = parse(csv_bytes(person(phone="-", current_role=" - ", notes="-"))).rows
    assert (row.phone, row.current_role, row.notes) == ("", "", "")
    problem = only_problem(parse(csv_bytes(person(last_name="-"))))
    assert str(problem) == "Row 2, column ‘last_name’: enter the candidate’s last name"


# --- size, encoding, shape ---------------------------------------------------------------


def test_a_5_mb_file_is_refused_before_it_is_decoded() -> None:
    data = b"\xff" * (5 * 1024 * 1024)  # not UTF-8 either: only the size may be reported
    problem = only_problem(parse(data))
    assert str(problem) == (
        "The file is 5.2 MB. The largest file you can import is 1 MB: split it into smaller files"
    )


def test_the_size_cap_is_inclusive() -> None:
    good = csv_bytes(person())
    blank_line = b" " * 999 + b"\n"  # a row of spaces is blank, and skipped
    spare = MAX_BYTES - len(good)
    padded = good + blank_line * (spare // len(blank_line)) + b"\n" * (spare % len(blank_line))
    assert len(padded) == MAX_BYTES and parse(padded).ok
    problem = only_problem(parse(padded + b"\n"))
    assert problem.message.startswith("the file is just over 1 MB.")


@pytest.mark.parametrize("data", [b"", b"  \r\n\r\n", b"\xef\xbb\xbf"], ids=repr)
def test_an_empty_file_is_refused(data: bytes) -> None:
    assert str(only_problem(parse(data))) == "The file is empty: use the template"


def test_a_header_with_no_candidates_is_refused() -> None:
    assert problems(parse(csv_bytes() + b"\r\n,,,\r\n")) == [
        "The file has no candidates: add one row for each candidate under row 1"
    ]


def test_a_file_not_saved_as_utf8_points_to_the_row_and_the_fix() -> None:
    rows = [
        person(1, current_role="Director"),
        person(2, current_role="Director", first_name="Zoë"),
    ]
    data = csv_bytes(*rows)
    problem = only_problem(parse(data.decode("utf-8").encode("cp1252")))
    assert problem.row == 3
    assert "not saved as UTF-8" in problem.message and "CSV UTF-8" in problem.message


def test_a_utf16_file_is_refused() -> None:
    data = csv_bytes(person()).decode("utf-8").encode("utf-16")
    assert "not saved as UTF-8" in only_problem(parse(data)).message


def test_too_many_rows_are_refused_but_the_limit_itself_is_fine() -> None:
    rows = [person(number) for number in range(MAX_ROWS + 1)]
    assert len(parse(csv_bytes(*rows[:MAX_ROWS])).rows) == MAX_ROWS
    assert str(only_problem(parse(csv_bytes(*rows)))) == (
        "The file has 2,001 candidates. The most you can import at once is 2,000: "
        "split it into smaller files"
    )


def test_a_row_with_the_wrong_number_of_cells_is_refused() -> None:
    data = csv_bytes(person()) + b"Jo,Bloggs,jo@example.com\r\n"
    problem = only_problem(parse(data))
    assert (problem.row, problem.column) == (3, None)
    assert problem.message.startswith("this row has 3 cells but row 1 has 9")


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (b'Jo,"Blo"ggs,jo@example.com\r\n', 'a quote mark (") is in the wrong place'),
        (b'Jo,"Bloggs,jo@example.com\r\n', "is never closed"),
    ],
)
def test_broken_quoting_is_refused_not_guessed(tail: bytes, expected: str) -> None:
    data = b"first_name,last_name,email\r\nSam,Okafor,sam@example.com\r\n" + tail
    problem = only_problem(parse(data))
    assert problem.row == 3 and expected in problem.message


def test_a_cell_too_long_for_the_csv_reader_is_refused_with_its_row() -> None:
    data = csv_bytes(person(1), person(2, notes="x" * 200_000))
    problem = only_problem(parse(data))
    assert str(problem) == "Row 3: a cell is far longer than any column allows"


# --- limits that bound the work a hostile file can cause ---------------------------------
# Each of these files is under 1 MB; before the limits, the first took 8 seconds to check.


def test_a_header_with_too_many_cells_is_refused_before_its_headings_are_read() -> None:
    problem = only_problem(parse(b"x," * 499_998 + b"x\r\n"))
    assert str(problem) == (
        "Row 1: this row has 499,999 cells. A candidate file has at most 9 columns, and a "
        f"row can have {MAX_CELLS}: delete the extra columns, or look for stray commas"
    )


def test_a_header_at_the_cell_limit_is_read_as_headings() -> None:
    header = HEADER + [f"extra{number}" for number in range(MAX_CELLS - len(HEADER))]
    result = parse(csv_bytes(person(), header=header))
    assert len(result.problems) == MAX_CELLS - len(HEADER)
    assert {problem.row for problem in result.problems} == {1}


def test_a_row_with_far_too_many_cells_is_refused_with_its_row() -> None:
    data = csv_bytes(person(1), person(2)) + b"," * 900_000 + b"\r\n" + csv_bytes(person(3))
    problem = only_problem(parse(data[:MAX_BYTES]))
    assert (problem.row, problem.column) == (4, None)
    assert problem.message.startswith("this row has 900,001 cells.")


def test_a_file_of_empty_rows_is_refused_at_the_row_limit() -> None:
    data = csv_bytes(person()) + b"\r\n" * (MAX_BYTES // 3)
    assert str(only_problem(parse(data[:MAX_BYTES]))) == (
        f"The file has more than {MAX_FILE_ROWS:,} rows, counting empty ones. The most you can "
        f"import at once is {MAX_ROWS:,} candidates: delete the empty rows at the end, or "
        "split the file"
    )


def test_empty_rows_up_to_the_row_limit_are_skipped() -> None:
    data = csv_bytes(person()) + b",,,,,,,,\r\n" * (MAX_FILE_ROWS - 2)
    assert len(parse(data).rows) == 1


def test_a_cell_longer_than_any_column_is_refused_whatever_the_csv_reader_allows() -> None:
    previous = csv.field_size_limit(10 * MAX_CELL_CHARACTERS)  # as another library might
    try:
        data = csv_bytes(person(1), person(2, notes="x" * (MAX_CELL_CHARACTERS + 1)))
        problem = only_problem(parse(data))
    finally:
        csv.field_size_limit(previous)
    assert str(problem) == "Row 3: a cell is far longer than any column allows"


def test_a_cell_a_little_too_long_names_its_column_and_length() -> None:
    (problem,) = parse(csv_bytes(person(notes="x" * MAX_CELL_CHARACTERS))).problems
    assert (problem.row, problem.column) == (2, "notes")
    assert (
        problem.message == f"must be 2,000 characters or fewer (this has {MAX_CELL_CHARACTERS:,})"
    )


# --- checked in two steps: the file alone, then against the candidates held --------------


def test_a_file_checked_once_can_be_compared_with_any_list_of_candidates_held() -> None:
    checked = check_candidate_file(csv_bytes(person(1), person(2)), today=TODAY)
    assert len(check_against_held(checked, []).rows) == 2
    refused = check_against_held(checked, ["CANDIDATE1@example.com"])
    assert [str(problem) for problem in refused.problems] == [
        "Row 2, column ‘email’: a candidate with this email address has already been added"
    ]


def test_held_and_repeated_emails_are_reported_in_row_order_beside_cell_problems() -> None:
    rows = [
        person(1),
        person(2, phone="phone"),
        person(3),
        person(4, email="candidate3@example.com"),
    ]
    result = parse(csv_bytes(*rows), existing_emails={"candidate2@example.com"})
    assert [(problem.row, problem.column) for problem in result.problems] == [
        (3, "phone"),
        (3, "email"),
        (5, "email"),
    ]
    assert "row 4 has the same email address" in result.problems[2].message


# --- cells -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("first_name", "Sa\x00m"),
        ("last_name", "Oka\nfor"),
        ("current_role", "Director\tof"),
        ("notes", "one\rtwo"),
        ("notes", "bell\x07"),
    ],
    ids=repr,
)
def test_control_characters_are_refused(column: str, value: str) -> None:
    problem = only_problem(parse(csv_bytes(person(**{column: value}))))
    assert (problem.row, problem.column) == (2, column)
    assert problem.message.startswith("contains a hidden control character")


def text_of_length(column: str, length: int) -> str:
    """A value that passes every other check for ``column``."""
    if column == "email":
        return "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * (length - 196) + ".uk"
    return ("0" if column == "phone" else "a") * length


@pytest.mark.parametrize(
    ("column", "limit"),
    [(column.name, column.max_length) for column in COLUMNS if column.max_length],
)
def test_cells_longer_than_their_limit_are_refused(column: str, limit: int) -> None:
    at_limit = text_of_length(column, limit)
    assert len(at_limit) == limit and parse(csv_bytes(person(**{column: at_limit}))).ok
    problem = only_problem(parse(csv_bytes(person(**{column: text_of_length(column, limit + 1)}))))
    assert (problem.column, problem.message) == (
        column,
        f"must be {limit:,} characters or fewer (this has {limit + 1:,})",
    )


@pytest.mark.parametrize(
    "email",
    [
        "name@",
        "name@example",
        "a b@example.com",
        "name@@example.com",
        ".name@example.com",
        "name..x@example.com",
        "name@-example.com",
        "name@example.c",
        "zoë@example.com",
        "a" * 65 + "@example.com",
    ],
)
def test_badly_formed_emails_are_refused(email: str) -> None:
    problem = only_problem(parse(csv_bytes(person(email=email))))
    assert str(problem) == (
        "Row 2, column ‘email’: enter an email address in the correct format, like name@example.com"
    )


@pytest.mark.parametrize(
    "email", ["o'brien@example.gov.uk", "first.last+cv@sub.example.co.uk", "a_b@x-y.org"]
)
def test_well_formed_emails_are_accepted(email: str) -> None:
    (row,) = parse(csv_bytes(person(email=email))).rows
    assert row.email == email


@pytest.mark.parametrize("phone", ["call after 6pm", "12345", "01632 960 001 ext 2", "٠١٦٣٢٩٦٠٠٠١"])
def test_phone_numbers_that_are_not_numbers_are_refused(phone: str) -> None:
    problem = only_problem(parse(csv_bytes(person(phone=phone))))
    assert problem.column == "phone" and problem.message.startswith("enter a phone number")


def test_an_unknown_status_lists_the_allowed_ones() -> None:
    problem = only_problem(parse(csv_bytes(person(status="Maybe"))))
    assert str(problem) == (
        "Row 2, column ‘status’: must be one of: Applied, Shortlisted, Not shortlisted, Interviewed, "
        "Appointable, Not appointable, Reserve, Appointed, Withdrawn "
        "(or leave it empty for Applied)"
    )


def test_a_required_cell_left_empty_is_named() -> None:
    problem = only_problem(parse(csv_bytes(person(email="   "))))
    assert str(problem) == "Row 2, column ‘email’: enter the candidate’s email"


# --- all or nothing, and every problem at once -------------------------------------------


def test_a_file_with_three_bad_rows_reports_all_three_and_imports_nothing() -> None:
    rows = [
        person(1),
        person(2, email="nope"),
        person(3),
        person(4, application_date="31/02/2026"),
        person(5, current_employer="@SUM(A1)"),
        person(6),
    ]
    result = parse(csv_bytes(*rows))
    assert not result.ok and result.rows == ()
    assert [(problem.row, problem.column) for problem in result.problems] == [
        (3, "email"),
        (5, "application_date"),
        (6, "current_employer"),
    ]


def test_every_bad_cell_in_a_row_is_reported() -> None:
    result = parse(csv_bytes(person(first_name="", email="x", status="?")))
    assert [problem.column for problem in result.problems] == ["first_name", "email", "status"]


def test_the_problem_list_is_capped_with_a_count_of_the_rest() -> None:
    rows = [person(number, email="bad") for number in range(60)]
    result = parse(csv_bytes(*rows))
    assert len(result.problems) == MAX_PROBLEMS
    assert [problem.row for problem in result.problems[:3]] == [2, 3, 4]
    assert str(result.problems[-1]) == "And 11 more problems"


def test_a_result_cannot_hold_rows_and_problems() -> None:
    row = parse(csv_bytes(person())).rows[0]
    with pytest.raises(ValueError, match="import nothing"):
        ImportResult((row,), (ImportProblem(2, "email", "x"),))


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (ImportProblem(4, "email", "enter an email"), "Row 4, column ‘email’: enter an email"),
        (ImportProblem(4, None, "this row is odd"), "Row 4: this row is odd"),
        (ImportProblem(None, "email", "is odd"), "Column ‘email’: is odd"),
        (ImportProblem(None, None, "the file is empty"), "The file is empty"),
    ],
)
def test_problems_read_as_sentences(problem: ImportProblem, text: str) -> None:
    assert str(problem) == text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=5 * 1024))
def test_parse_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    result = parse(data)
    assert bool(result.rows) != bool(result.problems)
    assert len(result.problems) <= MAX_PROBLEMS


# Each cell is either a good value or arbitrary text, so some rows pass and some do not.
ROW_CELLS = st.tuples(*(st.one_of(st.just(GOOD[name]), st.text(max_size=12)) for name in HEADER))


@settings(max_examples=100, deadline=None)
@given(st.lists(ROW_CELLS, max_size=6), st.data())
def test_parse_never_raises_on_arbitrary_rows_under_a_good_header(
    rows: list[tuple[str, ...]], data: st.DataObject
) -> None:
    numbered = [(*row[:2], f"c{index}@example.com", *row[3:]) for index, row in enumerate(rows)]
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([HEADER, *numbered])
    result = parse(buffer.getvalue().encode(data.draw(st.sampled_from(["utf-8", "utf-8-sig"]))))
    assert bool(result.rows) != bool(result.problems)
    for candidate in result.rows:
        texts = [candidate.first_name, candidate.last_name, candidate.current_role, candidate.notes]
        assert not any(formula_trigger(text) for text in texts)
        assert candidate.status in CANDIDATE_STATUSES


# --- anonymised codes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "code"), [(1, "C-01"), (9, "C-09"), (42, "C-42"), (99, "C-99"), (100, "C-100")]
)
def test_anonymised_codes_have_at_least_two_digits(number: int, code: str) -> None:
    assert anonymised_code(number) == code


def test_anonymised_codes_start_at_one() -> None:
    with pytest.raises(ValueError, match="start at 1"):
        anonymised_code(0)


def test_next_codes_continue_from_the_highest_and_never_fill_gaps() -> None:
    assert next_candidate_codes(["C-01", "C-07", "C-03"], 2) == ["C-08", "C-09"]
    assert next_candidate_codes([], 3) == ["C-01", "C-02", "C-03"]
    assert next_candidate_codes(["C-98", "C-99"], 2) == ["C-100", "C-101"]
    assert next_candidate_codes(["C-05", "X-50", "c-40", "C-"], 1) == ["C-06"]
    assert next_candidate_codes(["C-05"], 0) == []
    with pytest.raises(ValueError):
        next_candidate_codes([], -1)


# --- the user guide ----------------------------------------------------------------------


def test_the_guide_documents_every_column_status_and_limit() -> None:
    guide = DOCS.read_text(encoding="utf-8")
    for column in COLUMNS:
        line = next(line for line in guide.splitlines() if line.startswith(f"| `{column.name}`"))
        assert ("| Yes |" in line) == column.required, line
        if column.max_length:
            assert f"| {column.max_length:,} |" in line, line
    for key, label in CANDIDATE_STATUSES.items():
        assert f"| `{key}` | {label} |" in guide
    assert f"{MAX_ROWS:,}" in guide and "1 MB" in guide
