"""Valid exercises to break one field at a time, and the keys from the real question bank."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from recruit.domain.exercises import ExerciseKeys, ExerciseProblem, check_exercise_texts
from recruit.domain.question_bank import load_bank

BANK = Path(__file__).resolve().parents[2] / "question_bank"
VALUES_FILE = "exercises/values.yaml"
YOUNG_PEOPLE_FILE = "exercises/young-people.yaml"

Record = dict[str, Any]


@functools.cache
def bank_keys() -> ExerciseKeys:
    return ExerciseKeys.from_bank(load_bank(BANK))


def _scale(attribute: str) -> dict[int, str]:
    return {
        1: f"Contrary evidence on {attribute}.",
        2: "Some evidence, mostly in words.",
        3: "A clear example.",
        4: "As 3, and more.",
        5: "As 4, and lasting change.",
    }


def presentation() -> Record:
    """A complete, valid presentation for exercises/values.yaml."""
    return {
        "id": "presentation-test-01",
        "status": "active",
        "kind": "presentation",
        "title": "Presentation: a test",
        "attributes": ["values", "decisions"],
        "behaviours": ["embody-the-values", "own-risk-at-the-top"],
        "role_levels": ["dcs", "assistant_director"],
        "innovations": ["any"],
        "minutes": 30,
        "preparation_minutes": 60,
        "brief_in_advance": True,
        "candidate_brief": "Prepare a talk of ten minutes on your first hundred days.",
        "assessor_brief": "Stop the candidate at eleven minutes, then ask the questions.",
        "follow_up_questions": ["What would you stop doing?", "Who would you meet first?"],
        "what_good_looks_like": {
            "values": ["Names their values", "Gives a real example", "Links values to acts"],
            "decisions": ["Owns risk", "Shares decisions", "Learns from outcomes"],
        },
        "negative_indicators": [
            {"text": "Speaks of families with disrespect", "decisive": True},
            {"text": "Slogans only"},
            {"text": "No specific commitments"},
        ],
        "descriptors": {"values": _scale("values"), "decisions": _scale("decisions")},
    }


def activity() -> Record:
    """A complete, valid young people's activity for exercises/young-people.yaml."""
    return {
        "id": "young-people-test-01",
        "status": "active",
        "kind": "young_people_activity",
        "title": "Our questions for you",
        "attributes": ["values"],
        "behaviours": ["respect-worth-and-dignity"],
        "role_levels": ["dcs"],
        "innovations": ["any"],
        "minutes": 30,
        "preparation_minutes": 0,
        "brief_in_advance": True,
        "candidate_brief": "You will meet some young people. They have their own questions.",
        "assessor_brief": "A participation worker runs the session and keeps time.",
        "follow_up_questions": ["What did you learn from us?", "What would you do next?"],
        "what_good_looks_like": {"values": ["Talks to us", "Listens", "Is honest"]},
        "negative_indicators": [
            {"text": "Talks down to us", "decisive": True},
            {"text": "Uses long words"},
            {"text": "Makes promises"},
        ],
        "traffic_light": {
            "green": "I would be happy for them to get the job.",
            "amber": "I am not sure.",
            "red": "I would not want them to get the job.",
            "why_prompt": "What made you choose this colour?",
        },
    }


def dump(records: list[Record]) -> str:
    return yaml.safe_dump(records, sort_keys=False, default_flow_style=False, allow_unicode=True)


def problems_in(files: dict[str, list[Record]]) -> list[ExerciseProblem]:
    return check_exercise_texts({name: dump(items) for name, items in files.items()}, bank_keys())
