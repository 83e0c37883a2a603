"""Interview plans: weights, time, and the coverage check a chair reads before issuing a plan."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recruit.domain.interview_plan import (
    FINDING_KINDS,
    STAGE_TYPES,
    Finding,
    PlannedQuestion,
    StagePlan,
    WeightError,
    attribute_minutes,
    coverage_findings,
    default_weights,
    normalise_weights,
    planned_minutes,
    planned_question_from,
    weights_as_percentages,
)
from recruit.domain.question_bank import QuestionBank, load_bank

BANK = Path(__file__).resolve().parents[2] / "question_bank"
ATTRIBUTE_KEYS = ["values", "decisions", "practice-culture", "partnerships", "buy-in"]
NAMES = {
    "values": "Leadership and change driven by values",
    "decisions": "Changing how decisions are made",
    "practice-culture": "Changing practice and culture",
    "partnerships": "Creating successful partnerships",
    "buy-in": "Securing buy-in",
}
ALL_LEVELS = ("dcs", "assistant_director", "head_of_service")


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(BANK)


def question(
    question_id: str,
    attribute: str = "values",
    minutes: int = 10,
    *,
    role_levels: tuple[str, ...] = ALL_LEVELS,
    innovations: tuple[str, ...] = ("any",),
    young_people: bool = True,
    active: bool = True,
    tags: tuple[str, ...] = (),
) -> PlannedQuestion:
    return PlannedQuestion(
        question_id, attribute, minutes, role_levels, innovations, young_people, active, tags
    )


def one_per_attribute(prefix: str = "q") -> tuple[PlannedQuestion, ...]:
    return tuple(question(f"{prefix}-{key}", key) for key in ATTRIBUTE_KEYS)


def stage(
    questions: tuple[PlannedQuestion, ...],
    *,
    name: str = "Final panel",
    stage_type: str = "final_panel",
    duration: int | None = 60,
    weights: dict[str, float] | None = None,
) -> StagePlan:
    if weights is None:
        weights = {q.attribute: 1.0 for q in questions}
    return StagePlan(name, stage_type, duration, questions, weights)


def findings(
    *plans: StagePlan,
    role_level: str = "dcs",
    innovation: str = "family_safeguarding",
    safeguarding: bool = False,
) -> list[Finding]:
    """The findings on ``plans``. These small plans ask no safeguarding question, so that
    finding is left out unless ``safeguarding`` asks for it (its own tests do)."""
    found = coverage_findings(
        list(plans), role_level=role_level, innovation=innovation, attribute_names=NAMES
    )
    return [f for f in found if safeguarding or f.kind != "no_safeguarding_question"]


def kinds(found: list[Finding]) -> list[str]:
    return [finding.kind for finding in found]


# --- stage types and planned questions -------------------------------------------------------


def test_stage_types_are_in_pipeline_order_with_labels() -> None:
    assert list(STAGE_TYPES) == [
        "shortlisting",
        "stakeholder_panel",
        "young_peoples_panel",
        "presentation",
        "final_panel",
        "elected_member_panel",
    ]
    assert STAGE_TYPES["young_peoples_panel"] == "Young people's panel"
    assert STAGE_TYPES["elected_member_panel"] == "Elected-member appointment panel"


def test_planned_question_copies_the_bank_question(bank: QuestionBank) -> None:
    source = bank.question("values-personal-values-01")
    planned = planned_question_from(source)
    assert planned == PlannedQuestion(
        "values-personal-values-01",
        "values",
        source.minutes,
        source.role_levels,
        source.innovations,
        has_young_people_variant=True,
        is_active=True,
        title=" ".join(source.question.split()[:8]) + "\u2026",
    )
    assert planned.label == f"\u201c{planned.title}\u201d"
    assert planned_question_from(source, minutes=7).minutes == 7
    without = dataclasses.replace(source, young_people_variant=None)
    assert not planned_question_from(without).has_young_people_variant


def test_planned_and_attribute_minutes() -> None:
    plan = stage(
        (question("a", "values", 10), question("b", "decisions", 12), question("c", "values", 15)),
        weights={"values": 2, "decisions": 1, "buy-in": 1},
    )
    assert planned_minutes(plan) == 37
    assert attribute_minutes(plan) == {"values": 25, "decisions": 12, "buy-in": 0}
    assert planned_minutes(stage(())) == 0


# --- weights ---------------------------------------------------------------------------------


def test_default_weights_put_values_at_two_parts_in_six() -> None:
    weights = default_weights(ATTRIBUTE_KEYS)
    assert list(weights) == ATTRIBUTE_KEYS
    assert weights["values"] == pytest.approx(2 / 6, abs=1e-4)
    for key in ATTRIBUTE_KEYS[1:]:
        assert weights[key] == pytest.approx(1 / 6, abs=1e-4)
    assert sum(weights.values()) == 1.0
    assert max(weights, key=weights.__getitem__) == "values"


def test_default_weights_without_values_are_equal() -> None:
    assert default_weights(["decisions", "buy-in"]) == {"decisions": 0.5, "buy-in": 0.5}


def test_normalise_keeps_order_and_proportion() -> None:
    assert normalise_weights({"buy-in": 1, "values": 3}) == {"buy-in": 0.25, "values": 0.75}


def test_normalise_a_single_attribute_is_one() -> None:
    assert normalise_weights({"values": 0.2}) == {"values": 1.0}


def test_normalise_thirds_round_to_four_places_and_sum_to_exactly_one() -> None:
    weights = normalise_weights({"a": 1, "b": 1, "c": 1})
    assert sum(weights.values()) == 1.0
    assert [round(weight, 4) for weight in weights.values()] == [0.3334, 0.3333, 0.3333]


def test_normalise_keeps_zero_weights_at_zero() -> None:
    weights = normalise_weights({"a": 1, "b": 1, "c": 1, "d": 0})
    assert weights["d"] == 0.0
    assert sum(weights.values()) == 1.0


@pytest.mark.parametrize(
    ("weights", "message", "attribute"),
    [
        ({"values": 1, "buy-in": -1}, "Enter a weight of 0 or more for buy-in", "buy-in"),
        ({"values": math.nan}, "Enter the weight for values as a number, like 1 or 0.5", "values"),
        ({"values": math.inf}, "Enter the weight for values as a number, like 1 or 0.5", "values"),
        ({"values": 0, "buy-in": 0}, "Give at least one attribute a weight above 0", None),
        ({}, "Give at least one attribute a weight above 0", None),
    ],
)
def test_unusable_weights_raise_an_editor_facing_error(
    weights: dict[str, float], message: str, attribute: str | None
) -> None:
    with pytest.raises(WeightError, match=f"^{message}$") as raised:
        normalise_weights(weights)
    assert raised.value.attribute == attribute
    with pytest.raises(WeightError):
        weights_as_percentages(weights)


def test_percentages_sum_to_100_by_largest_remainder() -> None:
    assert weights_as_percentages({"a": 1, "b": 1, "c": 1}) == [("a", 34), ("b", 33), ("c", 33)]
    assert weights_as_percentages(default_weights(ATTRIBUTE_KEYS)) == [
        ("values", 33),
        ("decisions", 17),
        ("practice-culture", 17),
        ("partnerships", 17),
        ("buy-in", 16),
    ]
    # Six equal weights rounded separately would show 6 x 17 = 102.
    sixths = weights_as_percentages(dict.fromkeys("abcdef", 1.0))
    assert [percent for _, percent in sixths] == [17, 17, 17, 17, 16, 16]
    assert weights_as_percentages({"a": 1, "b": 0}) == [("a", 100), ("b", 0)]


random_weights = st.dictionaries(
    st.sampled_from(ATTRIBUTE_KEYS + ["x", "y", "z"]),
    st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
    min_size=1,
).filter(lambda weights: any(weight > 0 for weight in weights.values()))


@given(random_weights)
def test_normalised_weights_always_sum_to_one(weights: dict[str, float]) -> None:
    normalised = normalise_weights(weights)
    assert abs(sum(normalised.values()) - 1.0) < 1e-9
    assert list(normalised) == list(weights)
    assert all(normalised[key] == 0 for key, weight in weights.items() if weight == 0)


@given(random_weights)
def test_percentages_always_sum_to_100(weights: dict[str, float]) -> None:
    percentages = weights_as_percentages(weights)
    assert sum(percent for _, percent in percentages) == 100
    assert all(percent >= 0 for _, percent in percentages)


# --- the coverage check: one case per kind ------------------------------------------------------


def test_a_good_plan_has_no_findings() -> None:
    assert findings(stage(one_per_attribute())) == []


def test_an_attribute_no_stage_asks_about_is_a_problem() -> None:
    plan = stage(tuple(q for q in one_per_attribute() if q.attribute != "partnerships"))
    assert findings(plan) == [
        Finding(
            "attribute_not_covered",
            "problem",
            "No stage asks about Creating successful partnerships; add a question for it to a stage",
            attribute="partnerships",
        )
    ]


def test_uncovered_values_comes_first_whatever_the_name_order() -> None:
    names = dict(reversed(NAMES.items()))
    found = coverage_findings(
        [stage((question("d", "decisions"),))],
        role_level="dcs",
        innovation="family_safeguarding",
        attribute_names=names,
    )
    uncovered = [f for f in found if f.kind == "attribute_not_covered"]
    assert [finding.attribute for finding in uncovered] == [
        "values",
        "buy-in",
        "partnerships",
        "practice-culture",
    ]


def test_a_question_in_a_later_stage_covers_the_attribute() -> None:
    first = stage(one_per_attribute()[:2], name="Stakeholder panel")
    second = stage(one_per_attribute()[2:], name="Final panel")
    assert findings(first, second) == []


def test_time_over_the_slot() -> None:
    questions = one_per_attribute()[:4] + (question("q-buy-in", "buy-in", 55),)
    assert findings(stage(questions, duration=90)) == [
        Finding(
            "over_time",
            "warning",
            "Final panel: 95 minutes of questions planned for a 90-minute slot; "
            "remove a question or shorten the time",
            stage="Final panel",
        )
    ]


def test_time_exactly_filling_the_slot_or_no_slot_is_fine() -> None:
    assert findings(stage(one_per_attribute(), duration=50)) == []
    assert findings(stage(one_per_attribute(), duration=None)) == []


def test_a_question_asked_twice_in_one_stage() -> None:
    plan = stage(one_per_attribute() + (question("q-values", "values"),), duration=None)
    assert findings(plan) == [
        Finding(
            "repeated_question",
            "warning",
            "Question q-values is asked twice in Final panel; replace one of them",
            stage="Final panel",
            question_id="q-values",
        )
    ]


def test_a_question_asked_in_two_stages_names_both() -> None:
    panel = stage(one_per_attribute(), name="Stakeholder panel", stage_type="stakeholder_panel")
    final = stage((question("q-values", "values"),))
    [finding] = findings(panel, final)
    assert finding.kind == "repeated_question"
    assert finding.message == (
        "Question q-values is asked in both Stakeholder panel and Final panel; replace one of them"
    )
    assert finding.stage == "Final panel"


def test_a_question_not_written_for_the_role_level() -> None:
    odd = question("q-decisions", "decisions", role_levels=("team_manager",))
    plan = stage(tuple(odd if q.attribute == "decisions" else q for q in one_per_attribute()))
    assert findings(plan) == [
        Finding(
            "wrong_role_level",
            "warning",
            "Final panel: question q-decisions is not written for this role level (dcs); "
            "choose a question that suits the role",
            stage="Final panel",
            question_id="q-decisions",
            attribute="decisions",
        )
    ]


def test_a_question_for_another_innovation() -> None:
    odd = question("q-buy-in", "buy-in", innovations=("no_wrong_door",))
    plan = stage(one_per_attribute()[:4] + (odd,))
    [finding] = findings(plan)
    assert (finding.kind, finding.question_id) == ("wrong_innovation", "q-buy-in")
    assert finding.message == (
        "Final panel: question q-buy-in is written for no_wrong_door, not family_safeguarding; "
        "choose a question for this innovation or for any innovation"
    )


def test_a_question_for_the_vacancys_own_innovation_is_fine() -> None:
    own = question("q-buy-in", "buy-in", innovations=("family_safeguarding",))
    assert findings(stage(one_per_attribute()[:4] + (own,))) == []


def test_young_peoples_panel_needs_a_young_people_variant() -> None:
    plain = question("q-values", "values", young_people=False)
    panel = stage(
        (plain, question("q-decisions", "decisions")),
        name="Young people's panel",
        stage_type="young_peoples_panel",
    )
    rest = stage(one_per_attribute("r")[2:])
    [finding] = findings(panel, rest)
    assert finding == Finding(
        "no_young_people_variant",
        "warning",
        "Young people's panel: question q-values has no version written for young people; "
        "choose a question that has one, or move this one to another stage",
        stage="Young people's panel",
        question_id="q-values",
        attribute="values",
    )


def test_other_stages_do_not_need_a_young_people_variant() -> None:
    plain = question("q-values", "values", young_people=False)
    assert findings(stage((plain,) + one_per_attribute()[1:])) == []


def test_a_retired_question() -> None:
    retired = question("q-values", "values", active=False)
    [finding] = findings(stage((retired,) + one_per_attribute()[1:]))
    assert (finding.kind, finding.severity, finding.question_id) == (
        "retired_question",
        "warning",
        "q-values",
    )
    assert "replace it with an active question" in finding.message


def test_a_weighted_attribute_with_no_question_in_the_stage_is_a_problem() -> None:
    panel = stage(
        one_per_attribute()[:2],
        name="Stakeholder panel",
        weights={"values": 2, "decisions": 1, "buy-in": 1},
    )
    final = stage(one_per_attribute("f")[2:])
    assert findings(panel, final) == [
        Finding(
            "weighted_not_asked",
            "problem",
            "Stakeholder panel: Securing buy-in has a weight but no question, so its score "
            "would be missing; add a question for it or set its weight to 0",
            stage="Stakeholder panel",
            attribute="buy-in",
        )
    ]


def test_a_zero_weight_with_no_question_is_fine() -> None:
    weights = {key: 1.0 for key in ATTRIBUTE_KEYS} | {"partnerships": 0.0}
    plan = stage(
        tuple(q for q in one_per_attribute() if q.attribute != "partnerships"), weights=weights
    )
    other = stage((question("p", "partnerships"),), name="Stakeholder panel")
    assert findings(plan, other) == []


@pytest.mark.parametrize("weights", [{"values": 1, "buy-in": 0}, {"values": 1}])
def test_questions_on_an_attribute_weighted_zero_are_not_counted(weights: dict[str, float]) -> None:
    plan = stage((question("q-values", "values"), question("q-buy-in", "buy-in")), weights=weights)
    rest = stage(one_per_attribute("r")[1:4], name="Stakeholder panel")
    assert findings(plan, rest) == [
        Finding(
            "asked_not_weighted",
            "warning",
            "Final panel: questions on Securing buy-in are scored but its weight is 0, so "
            "they would not count; give it a weight or remove the questions",
            stage="Final panel",
            attribute="buy-in",
        )
    ]


# --- the coverage check: order -------------------------------------------------------------------


def test_findings_come_in_kind_order_then_plan_order() -> None:
    young = stage(
        (
            question("y1", "values", 20, young_people=False, active=False),
            question(
                "y2", "decisions", 20, role_levels=("team_manager",), innovations=("family_valued",)
            ),
        ),
        name="Young people's panel",
        stage_type="young_peoples_panel",
        duration=30,
        weights={"values": 1, "decisions": 0, "partnerships": 1},
    )
    final = stage(
        (question("y1", "values"), question("f2", "decisions", role_levels=("team_manager",))),
        duration=15,
        weights={"values": 1, "decisions": 1},
    )
    found = findings(young, final, safeguarding=True)
    assert [(f.kind, f.stage, f.question_id or f.attribute) for f in found] == [
        ("attribute_not_covered", None, "practice-culture"),
        ("attribute_not_covered", None, "partnerships"),
        ("attribute_not_covered", None, "buy-in"),
        ("no_safeguarding_question", None, None),
        ("over_time", "Young people's panel", None),
        ("over_time", "Final panel", None),
        ("repeated_question", "Final panel", "y1"),
        ("wrong_role_level", "Young people's panel", "y2"),
        ("wrong_role_level", "Final panel", "f2"),
        ("wrong_innovation", "Young people's panel", "y2"),
        ("no_young_people_variant", "Young people's panel", "y1"),
        ("retired_question", "Young people's panel", "y1"),
        ("weighted_not_asked", "Young people's panel", "partnerships"),
        ("asked_not_weighted", "Young people's panel", "decisions"),
    ]
    assert list(dict.fromkeys(kinds(found))) == list(FINDING_KINDS)
    assert findings(young, final, safeguarding=True) == found


# --- a realistic plan from the real bank -----------------------------------------------------


def test_a_realistic_dcs_plan_from_the_bank_has_no_findings(bank: QuestionBank) -> None:
    def planned(*ids: str) -> tuple[PlannedQuestion, ...]:
        return tuple(planned_question_from(bank.question(question_id)) for question_id in ids)

    young = planned(
        "values-personal-values-01", "decisions-own-risk-01", "buy-in-unwelcome-news-01"
    )
    stakeholders = planned(
        "partnerships-fs-seconded-specialists-01",
        "partnerships-safeguarding-partnership-01",
        "practice-culture-pace-of-change-01",
    )
    members = planned(
        "values-compliance-culture-01",
        "decisions-who-decides-01",
        "practice-culture-inspection-mid-change-01",
        "partnerships-win-win-01",
        "buy-in-finance-director-01",
        "values-safeguarding-attitudes-allegation-staff-01",  # safer recruitment asks one
    )
    plans = [
        StagePlan(
            "Young people's panel",
            "young_peoples_panel",
            30,
            young,
            default_weights(["values", "decisions", "buy-in"]),
        ),
        StagePlan(
            "Stakeholder panel",
            "stakeholder_panel",
            40,
            stakeholders,
            default_weights(["partnerships", "practice-culture"]),
        ),
        StagePlan(
            "Elected-member appointment panel",
            "elected_member_panel",
            80,
            members,
            default_weights(ATTRIBUTE_KEYS),
        ),
    ]
    names = {attribute.key: attribute.name for attribute in bank.attributes}

    found = coverage_findings(
        plans, role_level="dcs", innovation="family_safeguarding", attribute_names=names
    )

    assert found == []
    assert {q.attribute for plan in plans for q in plan.questions} == set(ATTRIBUTE_KEYS)
    assert [planned_minutes(plan) for plan in plans] == [30, 40, 79]
    # The same plan for a No Wrong Door vacancy flags the Family Safeguarding questions.
    other = coverage_findings(
        plans, role_level="dcs", innovation="no_wrong_door", attribute_names=names
    )
    assert [(f.kind, f.question_id) for f in other] == [
        ("wrong_innovation", "partnerships-fs-seconded-specialists-01"),
        ("wrong_innovation", "buy-in-finance-director-01"),
    ]


def test_findings_name_role_levels_and_innovations_when_given() -> None:
    question = PlannedQuestion(
        question_id="x-01",
        attribute="values",
        minutes=10,
        role_levels=("team_manager",),
        innovations=("no_wrong_door",),
        has_young_people_variant=False,
    )
    stage = StagePlan("Final panel", "final_panel", 60, (question,), {"values": 1.0})
    findings = coverage_findings(
        [stage, stage.__class__("Second", "final_panel", 60, (question,), {"values": 1.0})],
        role_level="dcs",
        innovation="family_valued",
        attribute_names={"values": "Values"},
        role_level_names={"dcs": "Director of Children's Services"},
        innovation_names={"no_wrong_door": "No Wrong Door", "family_valued": "Family Valued"},
    )
    messages = " ".join(f.message for f in findings)
    assert "Director of Children's Services" in messages
    assert messages.count("is written for No Wrong Door, not Family Valued") == 2


# --- safeguarding ----------------------------------------------------------------------------


def test_no_safeguarding_question_at_any_stage_is_a_problem() -> None:
    found = findings(stage(one_per_attribute()), safeguarding=True)
    (problem,) = [f for f in found if f.kind == "no_safeguarding_question"]
    assert problem.severity == "problem" and problem.stage is None
    assert "No stage asks a safeguarding question" in problem.message
    # It comes straight after the attributes no stage covers.
    assert FINDING_KINDS.index("no_safeguarding_question") == 1


def test_a_safeguarding_question_at_any_one_stage_is_enough() -> None:
    asked = question("sg", "values", tags=("safeguarding",))
    plans = (stage(one_per_attribute()), stage((asked,), name="Stakeholder panel"))
    assert "no_safeguarding_question" not in kinds(findings(*plans, safeguarding=True))
    # A tag other than safeguarding does not count.
    other = question("sg", "values", tags=("something-else",))
    plans = (stage(one_per_attribute()), stage((other,), name="Stakeholder panel"))
    assert "no_safeguarding_question" in kinds(findings(*plans, safeguarding=True))
