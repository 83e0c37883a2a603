"""The carousel: panels held on the same date see the candidates in rotated orders.

On an assessment day several panels (the young people's panel, a stakeholder panel, a
presentation) run side by side and each candidate moves between them. The k-th stage of a
date (in the vacancy's order, counting from 0) starts with the k-th candidate and wraps
round: with three candidates and two panels, C-01 C-02 C-03 and C-02 C-03 C-01. With equal
slot lengths and start times, slot i of panel k holds candidate i + k (mod the number of
candidates), so no two panels hold the same candidate at once while there are at least as
many candidates as panels. A stage alone on its date, or with no date, keeps the order.
"""

from __future__ import annotations

from collections.abc import Sequence

from recruit.domain.timetable.model import TimetableStage


def rotated(candidates: Sequence[str], by: int) -> tuple[str, ...]:
    """The candidates starting from the ``by``-th, wrapping round."""
    if not candidates:
        return ()
    start = by % len(candidates)
    return (*candidates[start:], *candidates[:start])


def carousel_orders(
    stages: Sequence[TimetableStage], candidates: Sequence[str]
) -> dict[int, tuple[str, ...]]:
    """Per stage key, the order its panel sees the candidates in."""
    return {stage.key: rotated(candidates, _place_on_its_date(stage, stages)) for stage in stages}


def _place_on_its_date(stage: TimetableStage, stages: Sequence[TimetableStage]) -> int:
    """0 for a stage alone on its date or undated; else its place among that date's stages."""
    if stage.held_on is None:
        return 0
    same_day = [other.key for other in stages if other.held_on == stage.held_on]
    return same_day.index(stage.key) if len(same_day) > 1 else 0
