"""The exercises and young people's activities of a stage's issued plan, as its packs and
candidate brief print them: each once, in plan order, from the copy frozen at issue."""

from __future__ import annotations

from typing import Any

from recruit.domain.documents.interview_pack import PackActivity, PackExercise
from recruit.domain.question_bank import QuestionBank
from recruit.models import PlanActivity, Stage


def pack_exercises(stage: Stage, bank: QuestionBank) -> tuple[PackExercise, ...]:
    """Each exercise of the issued plan once, in plan order, as issued, then the young
    people's activities."""
    found: dict[str, PackExercise] = {}
    for item in stage.items:
        record = (item.frozen_content or {}).get("exercise")
        if item.exercise_id is None or not record or record["id"] in found:
            continue
        found[record["id"]] = _pack_exercise(record, bank)
    activities = tuple(
        _pack_exercise(activity.frozen_content, bank, activity=_pack_activity(activity))
        for activity in stage.activities
        if activity.frozen_content
    )
    return tuple(found.values()) + activities


def _pack_exercise(
    record: dict[str, Any], bank: QuestionBank, activity: PackActivity | None = None
) -> PackExercise:
    return PackExercise(
        title=record["title"],
        kind_label=record["kind_label"],
        minutes=record["minutes"],
        preparation_minutes=record["preparation_minutes"],
        brief_in_advance=record["brief_in_advance"],
        candidate_brief=record["candidate_brief"],
        assessor_brief=record["assessor_brief"],
        materials=tuple(record["materials"]),
        content_note=record["content_note"],
        attribute_names=tuple(_attribute_name(bank, key) for key in record["attributes"]),
        activity=activity,
    )


def _pack_activity(activity: PlanActivity) -> PackActivity:
    content = activity.frozen_content or {}
    light = content.get("traffic_light") or {}
    return PackActivity(
        follow_up_questions=tuple(content.get("follow_up_questions", ())),
        what_good_looks_like=tuple(content.get("what_good_looks_like", ())),
        worries=tuple(content.get("worries", ())),
        traffic_light=tuple(
            (colour.capitalize(), str(light[colour]))
            for colour in ("green", "amber", "red")
            if light.get(colour)
        ),
        why_prompt=str(light.get("why_prompt", "")),
    )


def _attribute_name(bank: QuestionBank, key: str) -> str:
    return next((a.name for a in bank.attributes if a.key == key), key)
