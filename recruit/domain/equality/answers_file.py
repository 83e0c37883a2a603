"""The job board's equality export, checked whole before anything is kept.

One row per candidate: a ``candidate`` column naming them by their code in this vacancy
(C-01) or the email address they applied with, then a column per monitoring question,
headed by its key or its label (``ethnicity`` or ``Ethnicity``), in any order. A question
left out, or a cell left blank, is "not known". Any problem anywhere refuses the file: each
is named by row and column, and nothing is imported.

The messages never repeat another candidate's answers: they say what is accepted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from recruit.domain.candidates.file import FileRefused, filled, read_records
from recruit.domain.candidates.model import ImportProblem
from recruit.domain.equality.categories import CATEGORIES, answer_key, answer_problem

CANDIDATE_COLUMN = "candidate"


@dataclass(frozen=True)
class AnswersRow:
    row_number: int
    candidate: str  # as written: a code (C-01) or an email address
    answers: Mapping[str, str | None]  # question key -> answer key, None when blank


@dataclass(frozen=True)
class CheckedAnswers:
    rows: tuple[AnswersRow, ...]
    problems: tuple[ImportProblem, ...]


def template_csv(candidate_codes: Sequence[str]) -> str:
    """A header row and one row per candidate code, answers left for the job board's."""
    header = ",".join([CANDIDATE_COLUMN, *(category.key for category in CATEGORIES)])
    return "\r\n".join([header, *candidate_codes]) + "\r\n"


def check_answers_file(data: bytes) -> CheckedAnswers:
    try:
        records = read_records(data)
    except FileRefused as refused:
        return CheckedAnswers((), (refused.problem,))
    columns, problems = _columns(records[0])
    if problems:
        return CheckedAnswers((), tuple(problems))
    rows: list[AnswersRow] = []
    for index, record in enumerate(records[1:], start=2):
        if filled(record):
            row, row_problems = _row(index, record, columns)
            problems += row_problems
            rows.append(row)
    if not rows and not problems:
        problems.append(ImportProblem(None, None, "the file has no candidates under its headings"))
    problems += _repeated_candidates(rows)
    return CheckedAnswers(tuple(rows), tuple(problems))


def match_candidates(
    checked: CheckedAnswers, candidate_ids: Mapping[str, int]
) -> tuple[dict[int, AnswersRow], list[ImportProblem]]:
    """Each row's candidate id, from ``candidate_ids`` keyed by lower-cased code and email;
    a problem for each row naming nobody in this vacancy."""
    matched: dict[int, AnswersRow] = {}
    problems: list[ImportProblem] = []
    for row in checked.rows:
        candidate_id = candidate_ids.get(row.candidate.strip().casefold())
        if candidate_id is None:
            problems.append(
                ImportProblem(
                    row.row_number,
                    CANDIDATE_COLUMN,
                    "no candidate of this vacancy has this code or email address: use the "
                    "code shown on the candidates page (like C-01) or the email they applied "
                    "with",
                )
            )
        elif candidate_id in matched:
            problems.append(
                ImportProblem(
                    row.row_number,
                    CANDIDATE_COLUMN,
                    f"this is the same candidate as row {matched[candidate_id].row_number} "
                    "(one by code, one by email): keep one row",
                )
            )
        else:
            matched[candidate_id] = row
    return matched, problems


def _columns(header: Sequence[str]) -> tuple[dict[int, str], list[ImportProblem]]:
    """Column position -> question key (or ``candidate``), and what is wrong with the
    headings."""
    known = {CANDIDATE_COLUMN: CANDIDATE_COLUMN}
    for category in CATEGORIES:
        known[_normalised(category.key)] = category.key
        known[_normalised(category.label)] = category.key
    columns: dict[int, str] = {}
    problems: list[ImportProblem] = []
    for position, heading in enumerate(header):
        key = known.get(_normalised(heading))
        if not heading.strip():
            continue
        if key is None:
            problems.append(ImportProblem(1, heading.strip(), _unknown_heading()))
        elif key in columns.values():
            problems.append(ImportProblem(1, heading.strip(), "this column appears twice"))
        else:
            columns[position] = key
    if CANDIDATE_COLUMN not in columns.values():
        message = "the first row has no ‘candidate’ column: add one naming each candidate"
        problems.insert(0, ImportProblem(1, None, message))
    return columns, problems


def _unknown_heading() -> str:
    accepted = ", ".join([CANDIDATE_COLUMN, *(category.key for category in CATEGORIES)])
    return f"this is not a column of the equality file: the columns are {accepted}"


def _row(
    row_number: int, record: Sequence[str], columns: Mapping[int, str]
) -> tuple[AnswersRow, list[ImportProblem]]:
    cells = {
        key: (record[position] if position < len(record) else "")
        for position, key in columns.items()
    }
    problems: list[ImportProblem] = []
    if not cells[CANDIDATE_COLUMN].strip():
        problems.append(
            ImportProblem(row_number, CANDIDATE_COLUMN, "enter the candidate's code or email")
        )
    answers: dict[str, str | None] = {category.key: None for category in CATEGORIES}
    for key, text in cells.items():
        if key == CANDIDATE_COLUMN:
            continue
        problem = answer_problem(key, text)
        if problem:
            problems.append(ImportProblem(row_number, key, problem))
        else:
            answers[key] = answer_key(key, text)
    return AnswersRow(row_number, cells[CANDIDATE_COLUMN].strip(), answers), problems


def _repeated_candidates(rows: Sequence[AnswersRow]) -> list[ImportProblem]:
    seen = Counter(row.candidate.casefold() for row in rows if row.candidate)
    first: dict[str, int] = {}
    problems = []
    for row in rows:
        name = row.candidate.casefold()
        if seen[name] > 1 and name in first:
            message = f"this candidate is also on row {first[name]}: keep one row for each"
            problems.append(ImportProblem(row.row_number, CANDIDATE_COLUMN, message))
        first.setdefault(name, row.row_number)
    return problems


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()
