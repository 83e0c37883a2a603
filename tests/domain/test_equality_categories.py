"""The equality monitoring questions: answers by key or label, and the analysis groups."""

from __future__ import annotations

import pytest

from recruit.domain.equality import (
    CATEGORIES,
    ETHNICITY_WRES,
    NOT_KNOWN,
    PREFER_NOT_TO_SAY,
    answer_key,
    answer_label,
    answer_problem,
    category,
    grouping,
)


def test_the_form_asks_every_question_in_order():
    assert [c.key for c in CATEGORIES] == [
        "ethnicity",
        "sex",
        "gender_identity",
        "disability",
        "age_band",
        "religion",
        "sexual_orientation",
        "care_experience",
    ]


def test_every_question_ends_with_prefer_not_to_say():
    for question in CATEGORIES:
        assert question.answers[-1].key == PREFER_NOT_TO_SAY
        keys = [answer.key for answer in question.answers]
        assert len(set(keys)) == len(keys)


def test_the_answers_are_the_census_groups_and_bands():
    keys = lambda name: [a.key for a in category(name).answers][:-1]  # noqa: E731
    assert keys("ethnicity") == ["asian", "black", "mixed", "white", "other"]
    assert keys("age_band") == ["16_24", "25_34", "35_44", "45_54", "55_64", "65_plus"]
    assert keys("religion") == [
        "no_religion", "buddhist", "christian", "hindu", "jewish", "muslim", "sikh", "other",
    ]  # fmt: skip
    assert keys("sexual_orientation") == ["straight", "gay_or_lesbian", "bisexual", "other"]
    assert keys("gender_identity") == keys("disability") == keys("care_experience") == ["yes", "no"]


@pytest.mark.parametrize(
    ("question", "raw", "key"),
    [
        ("ethnicity", "black", "black"),
        ("ethnicity", "  BLACK ", "black"),
        ("ethnicity", "Black, Black British, Black Welsh, Caribbean or African", "black"),
        ("ethnicity", "mixed or multiple  ethnic groups", "mixed"),
        ("age_band", "16_24", "16_24"),
        ("age_band", "65 or over", "65_plus"),
        ("sex", "Prefer not to say", PREFER_NOT_TO_SAY),
        ("sex", "prefer_not_to_say", PREFER_NOT_TO_SAY),
        ("care_experience", "Yes", "yes"),
    ],
)
def test_an_answer_is_accepted_by_its_key_or_its_label_in_any_case(question, raw, key):
    assert answer_problem(question, raw) is None
    assert answer_key(question, raw) == key


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_a_blank_answer_is_not_answered(raw):
    assert answer_problem("religion", raw) is None
    assert answer_key("religion", raw) is None
    assert ETHNICITY_WRES.group_of(answer_key("ethnicity", raw)) == NOT_KNOWN


def test_a_wrong_answer_names_what_is_accepted():
    problem = answer_problem("sex", "F")
    assert problem == (
        "Sex: “F” is not an answer on the form. Use one of: Female (female); Male (male); "
        "Prefer not to say (prefer_not_to_say); or leave it blank if the candidate did not answer."
    )
    with pytest.raises(ValueError, match="not an answer on the form"):
        answer_key("sex", "F")


def test_a_wrong_answer_lists_labels_with_commas_clearly():
    problem = answer_problem("ethnicity", "British")
    assert problem is not None
    assert "Asian, Asian British or Asian Welsh (asian); Black, " in problem


def test_an_unknown_question_is_a_mistake_in_the_caller():
    with pytest.raises(KeyError, match="No equality monitoring question"):
        answer_problem("star_sign", "Leo")


def test_labels_for_stored_answers():
    assert answer_label("age_band", "35_44") == "35 to 44"
    assert answer_label("age_band", None) == "Not known"


def test_the_wres_grouping_puts_every_other_ethnicity_with_ethnic_minority():
    assert [g.key for g in ETHNICITY_WRES.groups] == [
        "white",
        "ethnic_minority",
        PREFER_NOT_TO_SAY,
        NOT_KNOWN,
    ]
    assert {
        a: ETHNICITY_WRES.group_of(a) for a in ("asian", "black", "mixed", "other")
    } == dict.fromkeys(("asian", "black", "mixed", "other"), "ethnic_minority")
    assert ETHNICITY_WRES.group_of("white") == "white"
    # Declining is neither white nor ethnic minority, and never counted as either.
    assert ETHNICITY_WRES.group_of(PREFER_NOT_TO_SAY) == PREFER_NOT_TO_SAY
    assert ETHNICITY_WRES.group_of(None) == NOT_KNOWN


def test_a_question_grouping_is_its_answers_then_not_known():
    sex = grouping("sex")
    assert [g.key for g in sex.groups] == ["female", "male", PREFER_NOT_TO_SAY, NOT_KNOWN]
    assert sex.group_of("male") == "male"
    with pytest.raises(ValueError, match="no answer 'x'"):
        sex.group_of("x")
