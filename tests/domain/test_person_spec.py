"""Person specification starters: the YAML file loads and is checked, and a vacancy gets the
criteria that suit its role level and innovation, essential first."""

from __future__ import annotations

from pathlib import Path

import pytest

from recruit.domain.person_spec import (
    Criterion,
    PersonSpecError,
    criterion_problems,
    load_starters,
    starters_for,
)

FILE = Path(__file__).resolve().parents[2] / "question_bank" / "person_specifications.yaml"
LEVELS = (
    "dcs",
    "assistant_director",
    "head_of_service",
    "service_manager",
    "team_manager",
    "practice_lead",
    "programme_manager",
)
MODELS = ("family_safeguarding", "no_wrong_door", "family_valued", "any")


def starters():  # type: ignore[no-untyped-def]
    return load_starters(FILE.read_text(encoding="utf-8"), LEVELS, MODELS)


def test_the_dcs_gets_the_statutory_education_and_social_care_duty_and_safeguarding():
    criteria = starters_for(starters(), "dcs", "family_safeguarding")
    texts = " ".join(c.text for c in criteria)
    assert "education and children's social care" in texts
    assert "safeguarding and promoting the welfare" in texts
    assert "barred list" in texts and "politically restricted" in texts
    assert "Family Safeguarding" in texts and "No Wrong Door" not in texts
    # Not a social work practitioner post: no registration criterion.
    assert "Social Work England" not in texts
    # Essential first, then desirable.
    kinds = [c.essential for c in criteria]
    assert kinds == sorted(kinds, reverse=True) and not kinds[-1]


def test_a_no_wrong_door_hub_manager_needs_the_registered_manager_requirements():
    criteria = starters_for(starters(), "service_manager", "no_wrong_door")
    hub = next(c for c in criteria if "registered manager" in c.text)
    assert hub.essential and "Level 5" in hub.text and hub.assessed_by == ("application", "check")
    assert any("Social Work England" in c.text for c in criteria)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("essential: true", "essential: maybe"),
        ("role_levels: [any]", "role_levels: [chief_cook]"),
        ("assessed_by: [check]", "assessed_by: [gut_feeling]"),
        ("assessed_by: [check]", "assessed_by: check"),
    ],
)
def test_a_bad_starter_is_refused_naming_the_criterion(change, message):
    text = FILE.read_text(encoding="utf-8").replace(change, message, 1)
    with pytest.raises(PersonSpecError, match=r"criterion \d+"):
        load_starters(text, LEVELS, MODELS)


def test_criterion_problems_say_what_to_do():
    assert criterion_problems("", ["interview"]) == ["Enter the criterion"]
    assert criterion_problems("x" * 501, ["interview"]) == [
        "The criterion must be 500 characters or fewer"
    ]
    assert criterion_problems("Registered", []) == ["Choose how the criterion is assessed"]
    assert criterion_problems("Registered", ["interview", "check"]) == []


def test_a_criterion_reads_its_kind_and_assessment():
    criterion = Criterion("Registered", False, ("application", "check"))
    assert criterion.kind == "Desirable"
    assert criterion.assessed_text == "Application, pre-employment check"
