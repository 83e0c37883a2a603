"""An exercise in a stage's plan: one scored item per attribute it assesses.

A presentation that assesses values and buy-in is scored twice, once on each attribute's
descriptors, so each plan item is question-shaped: the score sheets, moderation, results
and packs read it as they read a question. The exercise's briefs, materials and content
note travel with each item (``exercise``), so a pack can print them once. A young people's
activity records a traffic light, not a score, so it is not planned as a scored item.
"""

from __future__ import annotations

from typing import Any

from recruit.domain.exercises.model import Exercise
from recruit.domain.interview_plan.model import PlannedQuestion

EXERCISE_FORMAT = "exercise"
NOT_SCORED = (
    "A young people's activity is not scored: add it to a young people's panel, whose "
    "young people choose a colour and say why, in the panel's report to the deciding panel"
)
NOT_AN_ACTIVITY = "Only a young people's activity is added to a plan without scores"


def split_minutes(exercise: Exercise) -> list[int]:
    """The exercise's minutes shared across its attributes, the first taking any remainder,
    so the plan's total is the exercise's time."""
    count = len(exercise.attributes)
    share, remainder = divmod(exercise.minutes, count)
    return [share + (remainder if index == 0 else 0) for index in range(count)]


def planned_exercise(exercise: Exercise, attribute: str, minutes: int) -> PlannedQuestion:
    """The item as the coverage check sees it: it covers ``attribute``."""
    return PlannedQuestion(
        question_id=f"{exercise.id} ({attribute})",
        attribute=attribute,
        minutes=minutes,
        role_levels=exercise.role_levels,
        innovations=exercise.innovations,
        has_young_people_variant=False,
        is_active=exercise.is_active,
        title=exercise.title,
    )


def exercise_item_content(exercise: Exercise, attribute: str, minutes: int) -> dict[str, Any]:
    """The item as issued: question-shaped for ``attribute``, with the exercise attached."""
    return {
        "id": exercise.id,
        "status": exercise.status,
        "attribute": attribute,
        "format": EXERCISE_FORMAT,
        "behaviours": list(exercise.behaviours),
        # The bank's titles name the kind ("Presentation: ..."), so the title reads alone.
        "question": exercise.title,
        "probes": list(exercise.follow_up_questions),
        "positive_indicators": list(exercise.what_good_looks_like.get(attribute, ())),
        "negative_indicators": [
            {"text": item.text, "decisive": True} if item.decisive else {"text": item.text}
            for item in exercise.negative_indicators
        ],
        "descriptors": {
            str(score): text for score, text in exercise.descriptors[attribute].items()
        },
        "role_levels": list(exercise.role_levels),
        "innovations": list(exercise.innovations),
        "minutes": minutes,
        "exercise": exercise_record(exercise),
    }


def exercise_record(exercise: Exercise) -> dict[str, Any]:
    """What a pack and a candidate brief print about the exercise, as plain data."""
    return {
        "id": exercise.id,
        "title": exercise.title,
        "kind": exercise.kind.value,
        "kind_label": exercise.kind.label,
        "minutes": exercise.minutes,
        "preparation_minutes": exercise.preparation_minutes,
        "brief_in_advance": exercise.brief_in_advance,
        "candidate_brief": exercise.candidate_brief,
        "assessor_brief": exercise.assessor_brief,
        "materials": list(exercise.materials),
        "content_note": exercise.content_note,
        "attributes": list(exercise.attributes),
    }


def activity_content(exercise: Exercise) -> dict[str, Any]:
    """A young people's activity as issued: what the pack prints about any exercise, with
    what the young people read (the follow-up questions, what good looks like, what would
    worry them) and the traffic light they choose from."""
    light = exercise.traffic_light
    return {
        **exercise_record(exercise),
        "follow_up_questions": list(exercise.follow_up_questions),
        "what_good_looks_like": [
            text
            for attribute in exercise.attributes
            for text in exercise.what_good_looks_like.get(attribute, ())
        ],
        "worries": [item.text for item in exercise.negative_indicators],
        "traffic_light": None
        if light is None
        else {
            "green": light.green,
            "amber": light.amber,
            "red": light.red,
            "why_prompt": light.why_prompt,
        },
    }
