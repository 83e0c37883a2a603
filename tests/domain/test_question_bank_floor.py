"""The question bank's floor (issue #24): three questions written for each practice model
per attribute, four on education for a DCS, young people's versions for 60% of questions
and for every question a DCS can be asked; the shipped bank meets it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from recruit.domain.question_bank import QuestionBank, load_bank
from recruit.domain.question_bank.floor import (
    MIN_EDUCATION_QUESTIONS_FOR_DCS,
    MIN_PER_ATTRIBUTE_AND_INNOVATION,
    question_floor_shortfalls,
)
from recruit.domain.question_bank.model import Question
from recruit.domain.question_bank.schema import EDUCATION_TAG

BANK = Path(__file__).resolve().parents[2] / "question_bank"
INNOVATIONS = ("family_safeguarding", "no_wrong_door", "family_valued")


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(BANK)


def _shortfalls(bank: QuestionBank, questions: tuple[Question, ...]) -> list[str]:
    return question_floor_shortfalls(
        questions,
        [attribute.key for attribute in bank.attributes],
        [innovation.key for innovation in bank.innovations],
    )


def test_the_shipped_bank_meets_the_floor(bank: QuestionBank) -> None:
    assert _shortfalls(bank, bank.questions) == []


@pytest.mark.parametrize("innovation", INNOVATIONS)
def test_each_attribute_has_three_questions_written_for_each_model(
    bank: QuestionBank, innovation: str
) -> None:
    for attribute in bank.attributes:
        written = [
            q
            for q in bank.active_questions()
            if q.attribute == attribute.key and innovation in q.innovations
        ]
        assert len(written) >= MIN_PER_ATTRIBUTE_AND_INNOVATION, (attribute.key, innovation)


def test_retiring_a_models_question_takes_the_bank_below_the_floor(bank: QuestionBank) -> None:
    target = next(
        q
        for q in bank.active_questions()
        if q.attribute == "values" and "family_safeguarding" in q.innovations
    )
    retired = tuple(
        dataclasses.replace(q, status="retired") if q.id == target.id else q for q in bank.questions
    )
    written = sum(
        q.is_active and q.attribute == "values" and "family_safeguarding" in q.innovations
        for q in retired
    )
    assert _shortfalls(bank, retired) == [
        f"{written} active 'values' questions are written for 'family_safeguarding': it needs "
        f"at least {MIN_PER_ATTRIBUTE_AND_INNOVATION}"
    ]


def test_a_question_for_any_model_does_not_count_for_one(bank: QuestionBank) -> None:
    """'any' suits every model; the floor asks for questions written for each one."""
    only_any = tuple(
        dataclasses.replace(q, innovations=("any",)) if q.attribute == "buy-in" else q
        for q in bank.questions
    )
    found = _shortfalls(bank, only_any)
    assert len(found) == len(INNOVATIONS)
    assert all(item.startswith("0 active 'buy-in' questions are written for") for item in found)


def test_education_questions_for_a_dcs_are_counted(bank: QuestionBank) -> None:
    education = [q for q in bank.active_questions() if EDUCATION_TAG in q.tags]
    assert len(education) >= MIN_EDUCATION_QUESTIONS_FOR_DCS
    assert all("dcs" in q.role_levels for q in education)
    without_dcs = tuple(
        dataclasses.replace(q, role_levels=("head_of_service",)) if EDUCATION_TAG in q.tags else q
        for q in bank.questions
    )
    assert _shortfalls(bank, without_dcs) == [
        f"0 active questions for a DCS are tagged '{EDUCATION_TAG}' (education, schools and "
        f"SEND): it needs at least {MIN_EDUCATION_QUESTIONS_FOR_DCS}"
    ]


def test_young_peoples_versions_are_counted_and_required_for_a_dcs(bank: QuestionBank) -> None:
    dcs_question = next(q for q in bank.active_questions() if "dcs" in q.role_levels)
    one_missing = tuple(
        dataclasses.replace(q, young_people_variant=None) if q.id == dcs_question.id else q
        for q in bank.questions
    )
    assert _shortfalls(bank, one_missing) == [
        "these active questions for a DCS have no young people's version, so a young "
        f"people's panel could not be given them: {dcs_question.id}"
    ]
    below_share = tuple(
        dataclasses.replace(q, young_people_variant=None, role_levels=("team_manager",))
        if index % 2 == 0
        else q
        for index, q in enumerate(bank.questions)
    )
    found = _shortfalls(bank, below_share)
    assert any("have a young people's version: it needs at least 60%" in item for item in found)
