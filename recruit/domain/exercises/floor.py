"""The least the exercise bank must offer before plans can draw on it (issue #23).

Not a loading rule: a bank below the floor is still usable, it just gives a plan too little
choice. The test suite runs this against the real files so the content cannot fall below it.
"""

from __future__ import annotations

from collections.abc import Iterable

from recruit.domain.exercises.model import Exercise, ExerciseKind

MIN_ACTIVE_EXERCISES = 15
MIN_EXERCISES_PER_ATTRIBUTE = 2
MIN_YOUNG_PEOPLE_ACTIVITIES = 3


def floor_shortfalls(exercises: Iterable[Exercise], attributes: Iterable[str]) -> list[str]:
    """What the bank lacks, one sentence each; an empty list means it meets the floor.

    Only active exercises count. An exercise counts for every attribute it lists, not only
    its first, since it is scored on each of them.
    """
    active = [exercise for exercise in exercises if exercise.is_active]
    shortfalls: list[str] = []
    if len(active) < MIN_ACTIVE_EXERCISES:
        shortfalls.append(
            f"the bank has {len(active)} active exercises: it needs at least {MIN_ACTIVE_EXERCISES}"
        )
    for attribute in attributes:
        count = sum(attribute in exercise.attributes for exercise in active)
        if count < MIN_EXERCISES_PER_ATTRIBUTE:
            shortfalls.append(
                f"{count} active exercises assess '{attribute}': it needs at least "
                f"{MIN_EXERCISES_PER_ATTRIBUTE}"
            )
    young = sum(exercise.kind is ExerciseKind.YOUNG_PEOPLE_ACTIVITY for exercise in active)
    if young < MIN_YOUNG_PEOPLE_ACTIVITIES:
        shortfalls.append(
            f"the bank has {young} active young people's activities: it needs at least "
            f"{MIN_YOUNG_PEOPLE_ACTIVITIES}"
        )
    return shortfalls
