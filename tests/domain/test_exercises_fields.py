"""Each field rule of the exercise bank refuses a bad value with a message that names the
file, the exercise and the field, and says what to do."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest

from tests.domain.exercise_helpers import (
    VALUES_FILE,
    YOUNG_PEOPLE_FILE,
    Record,
    activity,
    presentation,
    problems_in,
)


def test_the_valid_examples_pass() -> None:
    assert problems_in({VALUES_FILE: [presentation()], YOUNG_PEOPLE_FILE: [activity()]}) == []


class Case(NamedTuple):
    name: str
    change: Callable[[Record], None]
    field: str
    says: str
    young_people: bool = False


def setting(field: str, value: object) -> Callable[[Record], None]:
    def change(record: Record) -> None:
        record[field] = value

    return change


def removing(field: str) -> Callable[[Record], None]:
    def change(record: Record) -> None:
        del record[field]

    return change


def as_kind(kind: str, prefix: str, **fields: object) -> Callable[[Record], None]:
    def change(record: Record) -> None:
        record.update(kind=kind, id=f"{prefix}-test-01", **fields)

    return change


def editing(edit: Callable[[Record], object]) -> Callable[[Record], None]:
    def change(record: Record) -> None:
        edit(record)

    return change


CASES = [
    Case("missing title", removing("title"), "title", "add the required field 'title'"),
    Case(
        "misspelt field",
        editing(lambda r: r.update(titel=r.pop("title"))),
        "titel",
        "did you mean 'title'",
    ),
    Case("id with capitals", setting("id", "Presentation_Test-01"), "id", "lowercase"),
    Case("id without its number", setting("id", "presentation-test"), "id", "two-digit number"),
    Case(
        "id of another kind",
        setting("id", "media-test-01"),
        "id",
        "must start with 'presentation-'",
    ),
    Case("unknown status", setting("status", "draft"), "status", "use active or retired"),
    Case("unknown kind", setting("kind", "role_play"), "kind", "is not known"),
    Case("long title", setting("title", "x" * 81), "title", "80 characters or fewer"),
    Case(
        "four attributes",
        setting("attributes", ["values", "decisions", "buy-in", "partnerships"]),
        "attributes",
        "at most 3",
    ),
    Case(
        "unknown attribute",
        setting("attributes", ["values", "decisionz"]),
        "attributes",
        "did you mean 'decisions'",
    ),
    Case(
        "primary attribute in the wrong file",
        setting("attributes", ["decisions", "values"]),
        "attributes",
        "move the exercise to exercises/decisions.yaml",
    ),
    Case(
        "five behaviours",
        setting(
            "behaviours",
            [
                "embody-the-values",
                "values-at-the-heart",
                "respect-worth-and-dignity",
                "own-risk-at-the-top",
                "learning-and-challenge",
            ],
        ),
        "behaviours",
        "at most 4",
    ),
    Case(
        "behaviour of an unlisted attribute",
        setting("behaviours", ["embody-the-values", "storytelling"]),
        "behaviours",
        "belongs to the attribute 'partnerships'",
    ),
    Case(
        "unknown behaviour",
        setting("behaviours", ["embody-the-value"]),
        "behaviours",
        "did you mean 'embody-the-values'",
    ),
    Case("no behaviours", setting("behaviours", []), "behaviours", "is empty"),
    Case("unknown role level", setting("role_levels", ["director"]), "role_levels", "is not known"),
    Case(
        "any with a named innovation",
        setting("innovations", ["any", "family_valued"]),
        "innovations",
        "'any' alone",
    ),
    Case(
        "unknown innovation",
        setting("innovations", ["family_valeud"]),
        "innovations",
        "did you mean 'family_valued'",
    ),
    Case("too few minutes", setting("minutes", 4), "minutes", "from 5 to 120"),
    Case("too many minutes", setting("minutes", 121), "minutes", "from 5 to 120"),
    Case("minutes in words", setting("minutes", "thirty"), "minutes", "whole number"),
    Case(
        "too long to prepare",
        setting("preparation_minutes", 241),
        "preparation_minutes",
        "from 0 to 240",
    ),
    Case(
        "brief_in_advance not true or false",
        setting("brief_in_advance", "yes"),
        "brief_in_advance",
        "true or false",
    ),
    Case("empty candidate brief", setting("candidate_brief", " "), "candidate_brief", "empty"),
    Case(
        "one follow-up question",
        setting("follow_up_questions", ["Why?"]),
        "follow_up_questions",
        "at least 2",
    ),
    Case(
        "no decisive negative indicator",
        setting("negative_indicators", [{"text": "a"}, {"text": "b"}, {"text": "c"}]),
        "negative_indicators",
        "decisive: true",
    ),
    Case(
        "two negative indicators",
        setting("negative_indicators", [{"text": "a", "decisive": True}, {"text": "b"}]),
        "negative_indicators",
        "at least 3",
    ),
    Case(
        "indicators missing an attribute",
        editing(lambda r: r["what_good_looks_like"].pop("decisions")),
        "what_good_looks_like",
        "add an entry for the attribute 'decisions'",
    ),
    Case(
        "indicators for an unlisted attribute",
        editing(lambda r: r["what_good_looks_like"].update({"buy-in": ["a", "b", "c"]})),
        "what_good_looks_like",
        "not one of this exercise's attributes",
    ),
    Case(
        "two indicators",
        editing(lambda r: r["what_good_looks_like"]["values"].pop()),
        "what_good_looks_like",
        "at least 3 indicators under 'values'",
    ),
    Case(
        "indicator read as a mapping",
        editing(lambda r: r["what_good_looks_like"]["values"].__setitem__(0, {"Listens": "a"})),
        "what_good_looks_like",
        "double quotes",
    ),
    Case(
        "no indicators at all",
        removing("what_good_looks_like"),
        "what_good_looks_like",
        "add the required field",
    ),
    Case(
        "descriptors missing",
        removing("descriptors"),
        "descriptors",
        "add the required field 'descriptors'",
    ),
    Case(
        "descriptor score missing",
        editing(lambda r: r["descriptors"]["values"].pop(3)),
        "descriptors",
        "missing 3",
    ),
    Case(
        "descriptors missing an attribute",
        editing(lambda r: r["descriptors"].pop("decisions")),
        "descriptors",
        "add an entry for the attribute 'decisions'",
    ),
    Case(
        "score 1 as no evidence",
        editing(lambda r: r["descriptors"]["values"].__setitem__(1, "No evidence given.")),
        "descriptors",
        "separate choice",
    ),
    Case(
        "traffic light on a scored exercise",
        setting("traffic_light", activity()["traffic_light"]),
        "traffic_light",
        "only a young people's activity",
    ),
    Case(
        "in-tray with three items",
        as_kind("in_tray", "in-tray", materials=["a", "b", "c"]),
        "materials",
        "at least 5",
    ),
    Case(
        "media simulation without the enquiry",
        as_kind("media_simulation", "media", role_levels=["dcs"]),
        "materials",
        "press enquiry",
    ),
    Case(
        "media simulation for a team manager",
        as_kind("media_simulation", "media", role_levels=["dcs", "team_manager"], materials=["a"]),
        "role_levels",
        "remove team_manager",
    ),
    Case(
        "distressing content without a note",
        setting("candidate_brief", "A child died after the plan ended."),
        "content_note",
        "'died'",
    ),
    Case(
        "young people's activity in an attribute's file",
        as_kind("young_people_activity", "young-people"),
        "kind",
        "belongs in exercises/young-people.yaml",
    ),
    # Young people's activities, in exercises/young-people.yaml.
    Case(
        "scored exercise among young people's activities",
        setting("kind", "presentation"),
        "kind",
        "holds only young people's activities",
        young_people=True,
    ),
    Case(
        "descriptors on a young people's activity",
        setting("descriptors", presentation()["descriptors"]),
        "descriptors",
        "records a colour, not a score",
        young_people=True,
    ),
    Case(
        "no traffic light",
        removing("traffic_light"),
        "traffic_light",
        "add a traffic_light",
        young_people=True,
    ),
    Case(
        "no why prompt",
        editing(lambda r: r["traffic_light"].pop("why_prompt")),
        "traffic_light",
        "'why_prompt'",
        young_people=True,
    ),
    Case(
        "jargon for young people",
        setting("candidate_brief", "Tell us your multi-agency strategy."),
        "candidate_brief",
        "'multi-agency'",
        young_people=True,
    ),
    Case(
        "long sentences for young people",
        setting("candidate_brief", " ".join(["word"] * 30) + "."),
        "candidate_brief",
        "average 30 words",
        young_people=True,
    ),
    Case(
        "distressing detail for young people",
        editing(lambda r: r["traffic_light"].update(red="Like the boy who was abused.")),
        "traffic_light",
        "leave out distressing detail",
        young_people=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_field_rule_names_the_file_the_exercise_and_the_field(case: Case) -> None:
    record = activity() if case.young_people else presentation()
    file = YOUNG_PEOPLE_FILE if case.young_people else VALUES_FILE
    case.change(record)
    found = [p for p in problems_in({file: [record]}) if p.field == case.field]
    assert [p for p in found if case.says in p.message], [str(p) for p in found]
    problem = next(p for p in found if case.says in p.message)
    assert (problem.file, problem.exercise) == (file, record["id"])
    assert str(problem).startswith(f"{file}:")
    assert f"exercise {record['id']}, field {case.field}: " in str(problem)
