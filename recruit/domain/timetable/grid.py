"""The day's timetable for the chair: every panel held on one date side by side, by time."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from recruit.domain.timetable.model import (
    BREAK_LABEL,
    DayGrid,
    GridRow,
    StageSchedule,
    VacancyTimetable,
)
from recruit.domain.timetable.slots import span_text

Span = tuple[int, int]


def day_grid(timetable: VacancyTimetable, held_on: datetime.date) -> DayGrid:
    """One row per distinct time of the day's timed panels (breaks included), one column per
    panel; panels whose times are to be confirmed are listed apart with their order."""
    same_day = [s for s in timetable.stages if s.stage.held_on == held_on]
    timed = [s for s in same_day if s.timed]
    spans = sorted({span for schedule in timed for span in _spans(schedule)})
    return DayGrid(
        held_on=held_on,
        panels=tuple(schedule.stage.name for schedule in timed),
        rows=tuple(GridRow(span_text(*span), _cells(timed, span)) for span in spans),
        unconfirmed=tuple((s.stage.name, s.order) for s in same_day if not s.timed),
        clashes=tuple(c for c in timetable.clashes if c.first.stage.held_on == held_on),
    )


def shared_day_grid(timetable: VacancyTimetable, key: int) -> DayGrid | None:
    """The grid for the date of the stage keyed ``key``, if another stage shares that date."""
    held_on = next((s.stage.held_on for s in timetable.stages if s.stage.key == key), None)
    if held_on is None or sum(s.stage.held_on == held_on for s in timetable.stages) < 2:
        return None
    return day_grid(timetable, held_on)


def _spans(schedule: StageSchedule) -> list[Span]:
    spans = [(s.start, s.end) for s in schedule.sessions if s.start is not None and s.end]
    return spans + ([schedule.break_span] if schedule.break_span else [])


def _cells(schedules: Sequence[StageSchedule], span: Span) -> tuple[str, ...]:
    return tuple(_who(schedule, span) for schedule in schedules)


def _who(schedule: StageSchedule, span: Span) -> str:
    if schedule.break_span == span:
        return BREAK_LABEL
    return next((s.candidate for s in schedule.sessions if (s.start, s.end) == span), "")
