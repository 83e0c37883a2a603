"""Interview plans: the questions of a stage, their order and minutes, weights, issue."""

from __future__ import annotations

from sqlalchemy import func, select

from recruit import audit
from recruit.bank_store import current_bank, question_row
from recruit.domain.exercises import (
    NOT_AN_ACTIVITY,
    NOT_SCORED,
    Exercise,
    activity_content,
    exercise_item_content,
    planned_exercise,
    split_minutes,
)
from recruit.domain.interview_plan import (
    Finding,
    PlannedQuestion,
    StagePlan,
    coverage_findings,
    planned_question_from,
)
from recruit.domain.question_bank import QuestionBank
from recruit.exercise_store import exercise_or_none
from recruit.extensions import db
from recruit.models import AuditEvent, PlanActivity, PlanItem, Score, Stage, StageType, Vacancy
from recruit.models._types import utcnow
from recruit.results import sheets


class PlanLocked(Exception):
    """The plan was issued: its questions are frozen until it is withdrawn."""


class ExerciseGone(Exception):
    """The plan names an exercise the bank no longer holds."""


class ExerciseNotScored(Exception):
    """A young people's activity has no place among the scored items, and belongs only in a
    young people's panel's plan."""


class ScoredPlanLocked(Exception):
    """Scores rest on this part of the plan: changing it would move or lose them."""


SCORING_STARTED = (
    "Panel members have submitted scores at this stage, so its plan and weights are fixed: "
    "changing them now would change what those scores mean."
)


def stage_plan(stage: Stage, bank: QuestionBank) -> StagePlan:
    return StagePlan(
        name=stage.name,
        stage_type=stage.stage_type.value,
        duration_minutes=stage.duration_minutes,
        questions=tuple(_planned(item, bank) for item in stage.items),
        weights=stage.weights or {},
        activity_minutes=sum(activity.minutes for activity in stage.activities),
    )


def _planned(item: PlanItem, bank: QuestionBank) -> PlannedQuestion:
    if item.exercise_id is None:
        return planned_question_from(bank.question(str(item.question_id)), item.minutes)
    attribute = str(item.exercise_attribute)
    found = exercise_or_none(item.exercise_id)
    if found is None:
        # Taken out of the bank since it was planned: the coverage check flags it as it
        # flags a retired question, and issuing refuses it (``ExerciseGone``).
        return PlannedQuestion(
            question_id=item.bank_id,
            attribute=attribute,
            minutes=item.minutes,
            role_levels=(),
            innovations=("any",),
            has_young_people_variant=False,
            is_active=False,
        )
    return planned_exercise(found, attribute, item.minutes)


def _exercise(exercise_id: str) -> Exercise:
    found = exercise_or_none(exercise_id)
    if found is None:
        raise ExerciseGone(
            f"The exercise {exercise_id} is no longer in the bank: remove it from the plan"
        )
    return found


def vacancy_findings(vacancy: Vacancy, bank: QuestionBank) -> list[Finding]:
    return coverage_findings(
        [stage_plan(stage, bank) for stage in vacancy.stages],
        role_level=vacancy.role_level,
        innovation=vacancy.innovation,
        attribute_names={attribute.key: attribute.name for attribute in bank.attributes},
        role_level_names={level.key: level.name for level in bank.role_levels},
        innovation_names={innovation.key: innovation.name for innovation in bank.innovations},
    )


def add_question(stage: Stage, question_id: str) -> PlanItem:
    _check_open(stage)
    question = current_bank().question(question_id)
    item = PlanItem(
        question_id=question.id, minutes=question.minutes, position=len(stage.items) + 1
    )
    stage.items.append(item)
    audit.record("plan.question_added", stage, question_id=question.id)
    return item


def add_exercise(stage: Stage, exercise: Exercise) -> list[PlanItem]:
    """One scored item per attribute the exercise assesses, next in the plan."""
    _check_open(stage)
    if exercise.is_for_young_people:
        raise ExerciseNotScored(NOT_SCORED)
    items = []
    for attribute, minutes in zip(exercise.attributes, split_minutes(exercise), strict=True):
        item = PlanItem(
            exercise_id=exercise.id,
            exercise_attribute=attribute,
            minutes=minutes,
            position=len(stage.items) + 1,
        )
        stage.items.append(item)
        items.append(item)
    audit.record("plan.exercise_added", stage, exercise_id=exercise.id)
    return items


def add_activity(stage: Stage, exercise: Exercise) -> PlanActivity:
    """A young people's activity, next among the panel's activities: timed, not scored."""
    _check_open(stage)
    if not exercise.is_for_young_people:
        raise ExerciseNotScored(NOT_AN_ACTIVITY)
    if stage.stage_type is not StageType.YOUNG_PEOPLES_PANEL:
        raise ExerciseNotScored(NOT_SCORED)
    activity = PlanActivity(
        exercise_id=exercise.id, minutes=exercise.minutes, position=len(stage.activities) + 1
    )
    stage.activities.append(activity)
    audit.record("plan.activity_added", stage, exercise_id=exercise.id)
    return activity


def remove_activity(stage: Stage, activity: PlanActivity) -> None:
    """Nothing is scored on an activity, so it leaves the plan freely until issue."""
    _check_open(stage)
    stage.activities.remove(activity)
    for position, kept in enumerate(stage.activities, start=1):
        kept.position = position
    audit.record("plan.activity_removed", stage, exercise_id=activity.exercise_id)


def remove_item(stage: Stage, item: PlanItem) -> None:
    _check_open(stage)
    scored = db.session.scalar(select(func.count()).where(Score.plan_item_id == item.id))
    if scored:
        raise ScoredPlanLocked(
            f"Panel members have scored this question {scored} "
            f"{'time' if scored == 1 else 'times'}, in drafts or submitted sheets, so it "
            "cannot be removed from the plan."
        )
    stage.items.remove(item)
    _renumber(stage)
    audit.record("plan.question_removed", stage, question_id=item.bank_id)


def move_item(stage: Stage, item: PlanItem, step: int) -> None:
    _check_open(stage)
    items = list(stage.items)
    index = items.index(item)
    target = min(max(index + step, 0), len(items) - 1)
    items.insert(target, items.pop(index))
    for position, planned in enumerate(items, start=1):
        planned.position = position


def set_weights(stage: Stage, weights: dict[str, float]) -> None:
    if sheets.scoring_started(stage):
        raise ScoredPlanLocked(SCORING_STARTED)
    before = dict(stage.weights or {})
    stage.weights = weights
    audit.record("plan.weights_changed", stage, before=before, after=weights, weights=weights)


def set_minutes(stage: Stage, minutes_by_item: dict[int, int]) -> None:
    _check_open(stage)
    for item in stage.items:
        if item.id in minutes_by_item:
            item.minutes = minutes_by_item[item.id]
    audit.record("plan.minutes_changed", stage)


def issue_plan(
    stage: Stage, *, overridden: tuple[str, ...] = (), override_reason: str = ""
) -> None:
    """Copy each question, as it stands now, into the plan: later bank edits never change it.

    ``overridden``: the safer recruitment gates HR issued the plan past (``issue_gates``),
    with ``override_reason``; both go into the audit record, which the plan page reads back.
    """
    _check_open(stage)
    for item in stage.items:
        _freeze(item)
    for activity in stage.activities:
        activity.frozen_content = activity_content(_exercise(activity.exercise_id))
    stage.plan_issued_at = utcnow()
    questions = [item.bank_id for item in stage.items]
    questions += [activity.exercise_id for activity in stage.activities]
    if overridden:
        audit.record(
            "plan.issued",
            stage,
            questions=questions,
            overridden=list(overridden),
            override_reason=override_reason,
        )
    else:
        audit.record("plan.issued", stage, questions=questions)


def issue_override(stage: Stage) -> tuple[list[str], str] | None:
    """(the gates overridden, the reason) when the stage's current plan was issued past a
    safer recruitment gate; None when it was not."""
    event = db.session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.action == "plan.issued",
            AuditEvent.object_type == "Stage",
            AuditEvent.object_id == str(stage.id),
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    overridden = event.detail.get("overridden") if event is not None else None
    if event is None or not isinstance(overridden, list):
        return None
    return [str(gate) for gate in overridden], str(event.detail.get("override_reason", ""))


def withdraw_plan(stage: Stage, reason: str) -> None:
    if sheets.scoring_started(stage):
        raise ScoredPlanLocked(SCORING_STARTED)
    stage.plan_issued_at = None
    audit.record("plan.withdrawn", stage, reason=reason)


def _check_open(stage: Stage) -> None:
    if stage.plan_issued_at is not None:
        raise PlanLocked(stage.name)


def _renumber(stage: Stage) -> None:
    for position, item in enumerate(stage.items, start=1):
        item.position = position


def _freeze(item: PlanItem) -> None:
    """Copy the item as it stands now into the plan: later bank edits never change it."""
    if item.exercise_id is not None:
        exercise = _exercise(item.exercise_id)
        attribute = str(item.exercise_attribute)
        item.question_version_number = None
        item.frozen_content = exercise_item_content(exercise, attribute, item.minutes)
        return
    row = question_row(str(item.question_id))
    assert row is not None
    item.question_version_number = row.current_version_number
    item.frozen_content = dict(row.current.content)
