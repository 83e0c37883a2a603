"""Interview plans: the questions each stage asks, their minutes, the attribute weights, and
the coverage check a chair reads before the plan is issued.

Pure functions over frozen values: the views load a vacancy's stages, build ``StagePlan``
values and show ``coverage_findings`` as warnings. Nothing here blocks saving a plan; the
check tells the chair what to fix and why.

This module holds the coverage check. The plan's values and its minutes are in
``interview_plan_model``, the attribute weights in ``interview_plan_weights``; both are
re-exported here, so callers import everything from this module.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from recruit.domain.interview_plan.model import (
    FINDING_KINDS,
    SAFEGUARDING_TAG,
    STAGE_TYPES,
    VALUES,
    YOUNG_PEOPLES_PANEL,
    Finding,
    PlannedQuestion,
    Severity,
    StagePlan,
    attribute_minutes,
    planned_minutes,
    planned_question_from,
)
from recruit.domain.interview_plan.weights import (
    WeightError,
    default_weights,
    exact_weight,
    normalise_weights,
    percentage_texts,
    weights_as_percentages,
)

__all__ = [
    "FINDING_KINDS",
    "SAFEGUARDING_TAG",
    "STAGE_TYPES",
    "VALUES",
    "YOUNG_PEOPLES_PANEL",
    "Finding",
    "PlannedQuestion",
    "Severity",
    "StagePlan",
    "WeightError",
    "attribute_minutes",
    "coverage_findings",
    "default_weights",
    "exact_weight",
    "normalise_weights",
    "percentage_texts",
    "planned_minutes",
    "planned_question_from",
    "weights_as_percentages",
]


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
        *_no_safeguarding_question(plans),
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


def _no_safeguarding_question(plans: Sequence[StagePlan]) -> Iterator[Finding]:
    """Safer recruitment: the interview must test motivation to work with children,
    attitudes to safeguarding, boundaries and whistleblowing at some stage of the vacancy."""
    if not any(SAFEGUARDING_TAG in question.tags for _, question in _placed(plans)):
        yield Finding(
            "no_safeguarding_question",
            "problem",
            "No stage asks a safeguarding question (motivation to work with children, "
            "attitudes to safeguarding, professional boundaries or whistleblowing); add one "
            "tagged safeguarding to a stage before issuing its plan",
        )


def _over_time(plans: Sequence[StagePlan]) -> Iterator[Finding]:
    for plan in plans:
        minutes = planned_minutes(plan)
        if plan.duration_minutes is not None and minutes > plan.duration_minutes:
            yield Finding(
                "over_time",
                "warning",
                f"{plan.name}: {minutes} minutes of {_what(plan)} planned for a "
                f"{plan.duration_minutes}-minute slot; remove a question or shorten the time",
                stage=plan.name,
            )


def _what(plan: StagePlan) -> str:
    return "questions and activities" if plan.activity_minutes else "questions"


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
                f"Question {question.label} is asked {where}; replace one of them",
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
        f"{plan.name}: question {question.label} {problem}",
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
