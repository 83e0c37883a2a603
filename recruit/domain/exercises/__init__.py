"""The exercise bank: presentations, media and scrutiny simulations, in-trays, focus groups
and young people's activities, kept as YAML beside the questions.

``load_exercises`` refuses files with any problem (see ``check_exercises``), so the rest of
the app can trust what it gets. This module is the public face: import from here.
"""

from __future__ import annotations

from recruit.domain.exercises.floor import (
    MIN_ACTIVE_EXERCISES,
    MIN_EXERCISES_PER_ATTRIBUTE,
    MIN_YOUNG_PEOPLE_ACTIVITIES,
    floor_shortfalls,
)
from recruit.domain.exercises.loading import (
    ExerciseBankError,
    check_exercise_texts,
    check_exercises,
    exercise_file_names,
    exercises_from_texts,
    load_exercises,
    read_exercise_texts,
)
from recruit.domain.exercises.model import (
    Exercise,
    ExerciseKeys,
    ExerciseKind,
    TrafficLight,
    active_exercises,
)
from recruit.domain.exercises.planning import (
    EXERCISE_FORMAT,
    NOT_AN_ACTIVITY,
    NOT_SCORED,
    activity_content,
    exercise_item_content,
    exercise_record,
    planned_exercise,
    split_minutes,
)
from recruit.domain.exercises.schema import EXERCISES_FOLDER, ExerciseProblem

__all__ = [
    "EXERCISE_FORMAT",
    "NOT_AN_ACTIVITY",
    "NOT_SCORED",
    "activity_content",
    "exercise_item_content",
    "exercise_record",
    "planned_exercise",
    "split_minutes",
    "EXERCISES_FOLDER",
    "MIN_ACTIVE_EXERCISES",
    "MIN_EXERCISES_PER_ATTRIBUTE",
    "MIN_YOUNG_PEOPLE_ACTIVITIES",
    "Exercise",
    "ExerciseBankError",
    "ExerciseKeys",
    "ExerciseKind",
    "ExerciseProblem",
    "TrafficLight",
    "active_exercises",
    "check_exercise_texts",
    "check_exercises",
    "exercise_file_names",
    "exercises_from_texts",
    "floor_shortfalls",
    "load_exercises",
    "read_exercise_texts",
]
