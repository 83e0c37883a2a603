"""Interview plans: the questions each stage asks, their minutes, the attribute weights, and
the coverage check a chair reads before the plan is issued.

Pure functions over frozen values: the views load a vacancy's stages, build ``StagePlan``
values and show ``coverage_findings`` as warnings. Nothing here blocks saving a plan; the
check tells the chair what to fix and why.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import Literal

from recruit.domain.question_bank_model import Question
from recruit.domain.question_bank_schema import ANY_INNOVATION

STAGE_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "shortlisting": "Shortlisting",
        "stakeholder_panel": "Stakeholder panel",
        "young_peoples_panel": "Young people's panel",
        "presentation": "Presentation",
        "final_panel": "Final panel",
        "elected_member_panel": "Elected-member appointment panel",
    }
)

YOUNG_PEOPLES_PANEL = "young_peoples_panel"
VALUES = "values"

Severity = Literal["warning", "problem"]

# Coverage findings come out in this order: gaps across the whole plan first, then time,
# then individual questions, then the weights of each stage.
FINDING_KINDS: tuple[str, ...] = (
    "attribute_not_covered",
    "over_time",
    "repeated_question",
    "wrong_role_level",
    "wrong_innovation",
    "no_young_people_variant",
    "retired_question",
    "weighted_not_asked",
    "asked_not_weighted",
)

# Weights are stored to 4 decimal places: fine enough to show as whole percentages.
_WEIGHT_UNITS = 10_000


class WeightError(ValueError):
    """Weights an editor entered that cannot be used; the message says what to enter."""

    def __init__(self, message: str, attribute: str | None = None) -> None:
        super().__init__(message)
        self.attribute = attribute


@dataclass(frozen=True)
class PlannedQuestion:
    """A bank question as placed in a plan, with the facts the coverage check needs."""

    question_id: str
    attribute: str
    minutes: int
    role_levels: tuple[str, ...]
    innovations: tuple[str, ...]
    has_young_people_variant: bool
    is_active: bool = True

    def suits_innovation(self, innovation: str) -> bool:
        return ANY_INNOVATION in self.innovations or innovation in self.innovations


def planned_question_from(question: Question, minutes: int | None = None) -> PlannedQuestion:
    """The bank question for a plan; ``minutes`` overrides the bank's suggested time."""
    return PlannedQuestion(
        question_id=question.id,
        attribute=question.attribute,
        minutes=question.minutes if minutes is None else minutes,
        role_levels=question.role_levels,
        innovations=question.innovations,
        has_young_people_variant=question.young_people_variant is not None,
        is_active=question.is_active,
    )


@dataclass(frozen=True)
class StagePlan:
    """One stage's questions in the order asked, its slot length and its attribute weights.

    ``duration_minutes`` is None when the stage has no fixed slot (shortlisting, say).
    """

    name: str
    stage_type: str
    duration_minutes: int | None
    questions: tuple[PlannedQuestion, ...]
    weights: Mapping[str, float]


@dataclass(frozen=True)
class Finding:
    """One thing the chair should look at. A "problem" leaves an attribute without a score
    (so candidates cannot be compared on it, and the values floor cannot apply); everything
    else is a "warning" that the plan may be unfair or will not fit."""

    kind: str
    severity: Severity
    message: str
    stage: str | None = None
    question_id: str | None = None
    attribute: str | None = None


# --- weights ---------------------------------------------------------------------------------


def default_weights(attribute_keys: Iterable[str]) -> dict[str, float]:
    """Values-driven leadership counts 2 parts and each other attribute 1 part, normalised.

    The report finds leadership driven by values by far the most important attribute, the
    foundation of the other four, so by default it weighs twice as much as any other
    (2/6 with the five attributes). Panels can change the weights; they are always shown.
    """
    return normalise_weights({key: 2.0 if key == VALUES else 1.0 for key in attribute_keys})


def normalise_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """The same weights scaled to sum to exactly 1.0, each to 4 decimal places, in order.

    Rounding is by the largest remainder, so the 4-place weights sum to 1 without pushing
    the whole rounding error onto one attribute, and a weight of 0 stays 0 (which the
    coverage check relies on). Raises WeightError for a negative or non-finite weight, or
    when every weight is 0.
    """
    units = _apportion(weights, _WEIGHT_UNITS)
    normalised = {key: count / _WEIGHT_UNITS for key, count in units.items()}
    return _sum_exactly_to_one(normalised)


def weights_as_percentages(weights: Mapping[str, float]) -> list[tuple[str, int]]:
    """Whole percentages that add up to 100, for display, by the largest remainder method.

    Rounding each weight separately can show 33 + 33 + 33 = 99; a chair should see the
    weights add up, so the spare points go to the weights that lost most in rounding.
    """
    return list(_apportion(weights, 100).items())


def _apportion(weights: Mapping[str, float], total: int) -> dict[str, int]:
    """Whole units summing to ``total`` in proportion to ``weights`` (largest remainder).

    Exact arithmetic with fractions, so no float error moves a unit; ties go to the
    attribute listed first.
    """
    _check_weights(weights)
    whole = sum(Fraction(weight) for weight in weights.values())
    quotas = {key: Fraction(weight) * total / whole for key, weight in weights.items()}
    units = {key: math.floor(quota) for key, quota in quotas.items()}
    spare = total - sum(units.values())
    by_remainder = sorted(quotas, key=lambda key: units[key] - quotas[key])
    for key in by_remainder[:spare]:
        units[key] += 1
    return units


def _check_weights(weights: Mapping[str, float]) -> None:
    for key, weight in weights.items():
        if not math.isfinite(weight):
            raise WeightError(f"Enter the weight for {key} as a number, like 1 or 0.5", key)
        if weight < 0:
            raise WeightError(f"Enter a weight of 0 or more for {key}", key)
    if not any(weight > 0 for weight in weights.values()):
        raise WeightError("Give at least one attribute a weight above 0")


def _sum_exactly_to_one(weights: dict[str, float]) -> dict[str, float]:
    """Absorb binary float error (a few ulps at most) in the last non-zero weight, so a
    plain ``sum`` of the stored weights is exactly 1.0. The last, because ``sum`` adds left
    to right: the correction then lands on the final addition, and zeros after it add
    nothing; a weight of 0 must stay 0."""
    last = [key for key, weight in weights.items() if weight > 0][-1]
    for _ in range(4):
        error = 1.0 - sum(weights.values())
        if error == 0.0:
            break
        weights[last] += error
    return weights


# --- time ------------------------------------------------------------------------------------


def planned_minutes(plan: StagePlan) -> int:
    return sum(question.minutes for question in plan.questions)


def attribute_minutes(plan: StagePlan) -> dict[str, int]:
    """Minutes of questions per attribute: every weighted attribute (0 if unasked), then
    any other attribute the stage asks about, in the order first asked."""
    totals = {attribute: 0 for attribute in plan.weights}
    for question in plan.questions:
        totals[question.attribute] = totals.get(question.attribute, 0) + question.minutes
    return totals


# --- the coverage check ------------------------------------------------------------------------


def coverage_findings(
    plans: Sequence[StagePlan],
    *,
    role_level: str,
    innovation: str,
    attribute_names: Mapping[str, str],
    role_level_names: Mapping[str, str] | None = None,
    innovation_names: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Everything the chair should check in a vacancy's plans, in the order of FINDING_KINDS;
    within a kind, stages and questions come in plan order. An empty list means none.

    Role levels and innovations are named from the mappings given, or by their keys."""
    names = dict(attribute_names)
    level_name = (role_level_names or {}).get(role_level, role_level)
    model_names = dict(innovation_names or {})
    return [
        *_uncovered_attributes(plans, names),
        *_over_time(plans),
        *_repeated_questions(plans),
        *_wrong_role_level(plans, role_level, level_name),
        *_wrong_innovation(plans, innovation, model_names),
        *_no_young_people_variant(plans),
        *_retired_questions(plans),
        *_weighted_not_asked(plans, names),
        *_asked_not_weighted(plans, names),
    ]


def _placed(plans: Sequence[StagePlan]) -> Iterator[tuple[StagePlan, PlannedQuestion]]:
    for plan in plans:
        for question in plan.questions:
            yield plan, question


def _uncovered_attributes(plans: Sequence[StagePlan], names: dict[str, str]) -> Iterator[Finding]:
    """Values-driven leadership comes first: without it the values floor cannot apply."""
    asked = {question.attribute for _, question in _placed(plans)}
    for key in sorted(names, key=lambda key: key != VALUES):
        if key not in asked:
            yield Finding(
                "attribute_not_covered",
                "problem",
                f"No stage asks about {names[key]}; add a question for it to a stage",
                attribute=key,
            )


def _over_time(plans: Sequence[StagePlan]) -> Iterator[Finding]:
    for plan in plans:
        minutes = planned_minutes(plan)
        if plan.duration_minutes is not None and minutes > plan.duration_minutes:
            yield Finding(
                "over_time",
                "warning",
                f"{plan.name}: {minutes} minutes of questions planned for a "
                f"{plan.duration_minutes}-minute slot; remove a question or shorten the time",
                stage=plan.name,
            )


def _repeated_questions(plans: Sequence[StagePlan]) -> Iterator[Finding]:
    """A candidate asked the same question twice gives a rehearsed answer the second time,
    and the panel gets one piece of evidence where it planned two."""
    first_use: dict[str, int] = {}
    for index, plan in enumerate(plans):
        for question in plan.questions:
            earlier = first_use.get(question.question_id)
            if earlier is None:
                first_use[question.question_id] = index
                continue
            where = (
                f"twice in {plan.name}"
                if earlier == index
                else f"in both {plans[earlier].name} and {plan.name}"
            )
            yield Finding(
                "repeated_question",
                "warning",
                f"Question {question.question_id} is asked {where}; replace one of them",
                stage=plan.name,
                question_id=question.question_id,
            )


def _wrong_role_level(
    plans: Sequence[StagePlan], role_level: str, level_name: str
) -> Iterator[Finding]:
    for plan, question in _placed(plans):
        if role_level not in question.role_levels:
            yield _question_finding(
                "wrong_role_level",
                plan,
                question,
                f"is not written for this role level ({level_name}); "
                "choose a question that suits the role",
            )


def _wrong_innovation(
    plans: Sequence[StagePlan], innovation: str, model_names: dict[str, str]
) -> Iterator[Finding]:
    for plan, question in _placed(plans):
        if not question.suits_innovation(innovation):
            written_for = ", ".join(model_names.get(key, key) for key in question.innovations)
            yield _question_finding(
                "wrong_innovation",
                plan,
                question,
                f"is written for {written_for}, not {model_names.get(innovation, innovation)}; "
                "choose a question for this innovation or for any innovation",
            )


def _no_young_people_variant(plans: Sequence[StagePlan]) -> Iterator[Finding]:
    for plan, question in _placed(plans):
        if plan.stage_type == YOUNG_PEOPLES_PANEL and not question.has_young_people_variant:
            yield _question_finding(
                "no_young_people_variant",
                plan,
                question,
                "has no version written for young people; "
                "choose a question that has one, or move this one to another stage",
            )


def _retired_questions(plans: Sequence[StagePlan]) -> Iterator[Finding]:
    for plan, question in _placed(plans):
        if not question.is_active:
            yield _question_finding(
                "retired_question",
                plan,
                question,
                "has been retired from the question bank; replace it with an active question",
            )


def _question_finding(
    kind: str, plan: StagePlan, question: PlannedQuestion, problem: str
) -> Finding:
    return Finding(
        kind,
        "warning",
        f"{plan.name}: question {question.question_id} {problem}",
        stage=plan.name,
        question_id=question.question_id,
        attribute=question.attribute,
    )


def _weighted_not_asked(plans: Sequence[StagePlan], names: dict[str, str]) -> Iterator[Finding]:
    """A weighted attribute with no question has no score, so the formula would be
    combining scores that are not there."""
    for plan in plans:
        asked = {question.attribute for question in plan.questions}
        for key, weight in plan.weights.items():
            if weight > 0 and key not in asked:
                yield Finding(
                    "weighted_not_asked",
                    "problem",
                    f"{plan.name}: {names.get(key, key)} has a weight but no question, so "
                    "its score would be missing; add a question for it or set its weight to 0",
                    stage=plan.name,
                    attribute=key,
                )


def _asked_not_weighted(plans: Sequence[StagePlan], names: dict[str, str]) -> Iterator[Finding]:
    """Questions on an attribute weighted 0 take the panel's time but count for nothing."""
    for plan in plans:
        asked = dict.fromkeys(question.attribute for question in plan.questions)
        for key in asked:
            if plan.weights.get(key, 0) <= 0:
                yield Finding(
                    "asked_not_weighted",
                    "warning",
                    f"{plan.name}: questions on {names.get(key, key)} are scored but its weight "
                    "is 0, so they would not count; give it a weight or remove the questions",
                    stage=plan.name,
                    attribute=key,
                )
