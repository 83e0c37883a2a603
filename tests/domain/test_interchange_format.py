"""The vacancy interchange format: its checks, and the docs' field tables against the spec."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from recruit.domain.interchange import checks as interchange_checks
from recruit.domain.interchange.checks import PROBLEM_LIMIT
from recruit.domain.interchange.format import ROOT, SECTIONS, Field, parse_datetime

DOCS = Path(__file__).resolve().parents[2] / "docs" / "interchange.md"
VOCABULARIES = {
    "contract": frozenset({"permanent"}),
    "vacancy_status": frozenset({"open"}),
    "candidate_status": frozenset({"applied"}),
    "stage_type": frozenset({"final_panel", "young_peoples_panel"}),
    "stage_role": frozenset({"deciding", "advisory"}),
    "panel_role": frozenset({"chair", "member", "hr_adviser"}),
    "sheet_status": frozenset({"draft", "submitted"}),
    "outcome": frozenset({"appointable"}),
    "traffic_light": frozenset({"green", "amber", "red"}),
}
NON_SCORING_ROLES = {"hr_adviser": "HR adviser"}
WHEN = "2026-03-20T09:30:00+00:00"
CHAIR = "chair@council.example"


def problems_in(document: object) -> list[str]:
    return interchange_checks.validate_document(
        document, VOCABULARIES, non_scoring_roles=NON_SCORING_ROLES
    )


def minimal_document() -> dict:
    """The smallest document with one of everything that refers to something else."""
    return {
        "format": "recruit-vacancy",
        "version": 6,
        "exported_at": WHEN,
        "source_vacancy_id": 3,
        "people": [{"email": CHAIR, "full_name": "Chris Chair"}],
        "vacancy": {
            **dict.fromkeys(["title", "role_level", "service_area", "innovation"], "x"),
            **dict.fromkeys(["salary_range", "location", "interview_dates"], "x"),
            "hiring_manager": "x",
            "job_reference": "NCC-CS-0142",
            "contract": "permanent",
            "closing_date": "2026-04-01",
            "status": "open",
            "hide_candidate_names": False,
            "created_at": WHEN,
            "created_by_email": None,
            "updated_at": WHEN,
            "updated_by_email": None,
        },
        "advert": None,
        "candidates": [_candidate("C-01"), _candidate("C-02")],
        "conflicts": [],
        "stages": [_stage()],
        "appointment": None,
    }


def _candidate(code: str) -> dict:
    return {
        "code": code,
        **dict.fromkeys(["first_name", "last_name", "phone", "notes"], ""),
        **dict.fromkeys(["current_role", "current_employer"], ""),
        "email": f"{code.lower()}@example.com",
        "application_date": None,
        "status": "applied",
        "created_at": WHEN,
        "updated_at": WHEN,
    }


def _stage() -> dict:
    item = {
        "position": 1,
        "question_id": "values-01",
        "exercise_id": None,
        "exercise_attribute": None,
        "minutes": 10,
    }
    score = {"position": 1, "question_id": "values-01", "score": 4, "no_evidence": False}
    return {
        "name": "Final panel",
        "stage_type": "final_panel",
        "role": "deciding",
        "held_on": None,
        "duration_minutes": None,
        "starts_at": None,
        "slot_minutes": None,
        "break_minutes": None,
        "school_hours_agreement": None,
        "position": 1,
        "weights": {"values": 1.0},
        "plan_issued_at": None,
        "items": [{**item, "question_version_number": None, "frozen_content": None}],
        "activities": [],
        "seats": [
            {
                "member_email": CHAIR,
                "panel_role": "chair",
                "stood_down_at": None,
                "stood_down_reason": None,
                "is_councillor": True,
                "is_executive_member": False,
            }
        ],
        "sheets": [
            {
                "member_email": CHAIR,
                "candidate_code": "C-01",
                "status": "draft",
                "created_at": WHEN,
                "updated_at": WHEN,
                "submitted_at": None,
                "set_aside_at": None,
                "set_aside_reason": None,
                "set_aside_by_email": None,
                "scores": [{**score, "evidence": "Clear"}],
                "amendments": [],
            }
        ],
        "moderation": None,
        "agreed_scores": [],
        "decisions": [],
        "reports": [],
    }


def test_a_well_formed_document_has_no_problems():
    assert problems_in(minimal_document()) == []


def _problems_after(path: list, value: object) -> list[str]:
    document = minimal_document()
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return problems_in(document)


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        (
            ["version"],
            True,
            "version: this app reads versions 1, 2, 3, 4, 5 and 6, the file has True",
        ),
        (["version"], 7, "version: this app reads versions 1, 2, 3, 4, 5 and 6, the file has 7"),
        (["stages", 0, "position"], 2**31, "stages[0].position: must be at most 2147483647"),
        (["people"], {}, "people: must be a list"),
        (["vacancy", "title"], None, "vacancy.title: must not be null"),
        (["vacancy", "title"], "x" * 201, "vacancy.title: must be at most 200 characters"),
        (["vacancy", "status"], "shut", "vacancy.status: must be one of open"),
        (["vacancy", "closing_date"], "20260401", "vacancy.closing_date: must be a date"),
        (["vacancy", "hide_candidate_names"], 0, "vacancy.hide_candidate_names: must be true"),
        (["stages", 0, "weights"], {"values": float("nan")}, "stages[0].weights: must be an"),
        (["stages", 0, "position"], -1, "stages[0].position: must be a whole number, 0 or more"),
        (["stages", 0, "moderation"], [], "stages[0].moderation: must be an object"),
        (["candidates", 1, "code"], "C-01", "candidates[1]: same code as candidates[0]"),
        (["candidates", 1, "email"], "C-01@EXAMPLE.COM", "candidates[1]: same email as"),
        (
            ["stages", 0, "sheets", 0, "scores", 0, "score"],
            True,
            "stages[0].sheets[0].scores[0].score: must be 1 to 5 or null",
        ),
        (
            ["stages", 0, "sheets", 0, "scores", 0, "question_id"],
            "values-02",
            "stages[0].sheets[0].scores[0].position: no plan item 1 with question 'values-02'",
        ),
        (
            ["stages", 0, "seats", 0, "member_email"],
            "someone@else.example",
            "stages[0].seats[0].member_email: 'someone@else.example' is not listed in people",
        ),
        (
            ["vacancy", "created_by_email"],
            "CHAIR@council.example",
            None,  # people are matched without regard to capitals
        ),
    ],
)
def test_each_problem_names_its_path(path, value, problem):
    problems = _problems_after(path, value)
    if problem is None:
        assert problems == []
    else:
        assert any(p.startswith(problem) for p in problems), problems


def test_missing_and_unknown_keys_are_both_problems():
    document = minimal_document()
    del document["stages"][0]["sheets"][0]["scores"][0]["evidence"]
    document["vacancy"]["colour"] = "blue"
    assert problems_in(document) == [
        "vacancy.colour: is not a key this format knows",
        "stages[0].sheets[0].scores[0].evidence: is missing",
    ]


def test_another_format_stops_at_the_format():
    assert problems_in({"format": "csv"}) == ["format: must be 'recruit-vacancy', found 'csv'"]
    assert problems_in([]) == [f"{ROOT}: must be a JSON object"]


def test_checking_stops_at_the_problem_limit():
    """A million empty objects, each missing every key, is a hundred lines, not millions."""
    document = minimal_document()
    document["candidates"] = [{}] * 1_000_000
    problems = problems_in(document)
    assert len(problems) == PROBLEM_LIMIT
    assert problems[0] == "candidates[0].code: is missing"


def test_a_person_nobody_refers_to_is_a_problem():
    document = minimal_document()
    document["people"].append({"email": "spare@council.example", "full_name": "Spare"})
    assert problems_in(document) == ["people[1].email: is not referred to anywhere"]


def test_datetimes_need_a_time_zone_and_come_back_in_utc():
    assert parse_datetime("2026-03-20T10:30:00+01:00").isoformat() == WHEN
    with pytest.raises(ValueError):
        parse_datetime("2026-03-20T09:30:00")
    document = copy.deepcopy(minimal_document())
    document["exported_at"] = "2026-03-20T09:30:00"
    assert problems_in(document)[0].startswith("exported_at: must be a date")


WORDS = {
    "text": "string",
    "choice": "choice",
    "bool": "true or false",
    "count": "whole number",
    "number": "number",
    "score": "1 to 5",
    "date": "date",
    "time": "time",
    "datetime": "date and time",
    "weights": "object of numbers",
    "json_object": "object",
    "json_objects": "list of objects",
    "list": "list",
    "object": "object",
}


def _described(field: Field) -> str:
    words = WORDS[field.kind]
    if field.max_length:
        words += f" (max {field.max_length})"
    return words + (" or null" if field.nullable else "")


def _docs_tables() -> dict[str, list[tuple[str, str]]]:
    tables: dict[str, list[tuple[str, str]]] = {}
    section = None
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"### (?:`(.+)`|Top level)$", line)
        if heading:
            section = heading.group(1) or ROOT
            tables[section] = []
        row = re.match(r"\| `(\w+)` \| ([^|]+) \|", line)
        if row and section is not None:
            tables[section].append((row.group(1), row.group(2).strip()))
    return tables


def test_the_docs_tables_match_the_format():
    expected = {
        name: [(key, _described(field)) for key, field in spec.items()]
        for name, spec in SECTIONS.items()
    }
    assert _docs_tables() == expected
