"""The least the question bank must offer (issue #24): enough questions written for each
practice model, on the DCS's education duties, and in young people's words.

Not a loading rule: a council may retire questions below it and still use the bank. The
``question-bank check`` command refuses a bank below it unless told the council chose that
(``--allow-below-floor``), and the test suite runs it against the shipped files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from recruit.domain.question_bank.model import Question
from recruit.domain.question_bank.schema import ANY_INNOVATION, EDUCATION_TAG

MIN_PER_ATTRIBUTE_AND_INNOVATION = 3
MIN_EDUCATION_QUESTIONS_FOR_DCS = 4
MIN_YOUNG_PEOPLE_SHARE = 0.6
DCS = "dcs"


def question_floor_shortfalls(
    questions: Iterable[Question], attributes: Sequence[str], innovations: Sequence[str]
) -> list[str]:
    """What the bank lacks, one sentence each; an empty list means it meets the floor.

    Only active questions count. A question counts for an innovation only when written for
    it (listing it), not when it suits any innovation.
    """
    active = [question for question in questions if question.is_active]
    return [
        *_per_innovation(active, attributes, innovations),
        *_education(active),
        *_young_people(active),
    ]


def _per_innovation(
    active: Sequence[Question], attributes: Sequence[str], innovations: Sequence[str]
) -> list[str]:
    shortfalls = []
    for innovation in (key for key in innovations if key != ANY_INNOVATION):
        for attribute in attributes:
            count = sum(
                question.attribute == attribute and innovation in question.innovations
                for question in active
            )
            if count < MIN_PER_ATTRIBUTE_AND_INNOVATION:
                shortfalls.append(
                    f"{count} active '{attribute}' questions are written for '{innovation}': "
                    f"it needs at least {MIN_PER_ATTRIBUTE_AND_INNOVATION}"
                )
    return shortfalls


def _education(active: Sequence[Question]) -> list[str]:
    count = sum(EDUCATION_TAG in q.tags and DCS in q.role_levels for q in active)
    if count >= MIN_EDUCATION_QUESTIONS_FOR_DCS:
        return []
    return [
        f"{count} active questions for a DCS are tagged '{EDUCATION_TAG}' (education, schools "
        f"and SEND): it needs at least {MIN_EDUCATION_QUESTIONS_FOR_DCS}"
    ]


def _young_people(active: Sequence[Question]) -> list[str]:
    shortfalls = []
    with_version = sum(question.young_people_variant is not None for question in active)
    if active and with_version < MIN_YOUNG_PEOPLE_SHARE * len(active):
        shortfalls.append(
            f"{with_version} of {len(active)} active questions have a young people's version: "
            f"it needs at least {MIN_YOUNG_PEOPLE_SHARE:.0%}"
        )
    # A young people's panel at a DCS appointment may be given any question a DCS is asked.
    missing = [q.id for q in active if DCS in q.role_levels and q.young_people_variant is None]
    if missing:
        shortfalls.append(
            "these active questions for a DCS have no young people's version, so a young "
            f"people's panel could not be given them: {', '.join(missing)}"
        )
    return shortfalls
