"""A vacancy's timetable: each panel's day, the carousel, each candidate's day and clashes.

``build_timetable`` takes the vacancy's stages (in its order) and the candidates taking
part (in the vacancy's order) and works out each panel's day with the interview packs'
arithmetic (``slots.plan_day``). Stages held on the same date see the candidates in
rotated orders (``rotation``), so that with equal slot lengths and start times each
candidate is at one panel at a time; any remaining overlap is a clash (``clashes``). A
stage without a start time has its times "to be confirmed" and is not checked.
"""

from __future__ import annotations

from collections.abc import Sequence

from recruit.domain.timetable.clashes import find_clashes, overlap
from recruit.domain.timetable.days import candidate_timetable
from recruit.domain.timetable.grid import day_grid, shared_day_grid
from recruit.domain.timetable.model import (
    BREAK_LABEL,
    EN_DASH,
    TO_BE_CONFIRMED,
    CandidateDay,
    CandidateTimetable,
    Clash,
    DayGrid,
    DayLine,
    GridRow,
    Session,
    StageSchedule,
    TimetableStage,
    VacancyTimetable,
)
from recruit.domain.timetable.rotation import carousel_orders, rotated
from recruit.domain.timetable.slots import minute_of_day, plan_day

__all__ = [
    "BREAK_LABEL",
    "EN_DASH",
    "TO_BE_CONFIRMED",
    "CandidateDay",
    "CandidateTimetable",
    "Clash",
    "DayGrid",
    "DayLine",
    "GridRow",
    "Session",
    "StageSchedule",
    "TimetableStage",
    "VacancyTimetable",
    "build_timetable",
    "carousel_orders",
    "day_grid",
    "find_clashes",
    "overlap",
    "rotated",
    "schedule_stage",
    "shared_day_grid",
]


def build_timetable(
    stages: Sequence[TimetableStage], candidates: Sequence[str]
) -> VacancyTimetable:
    orders = carousel_orders(stages, candidates)
    schedules = tuple(schedule_stage(stage, orders[stage.key]) for stage in stages)
    sessions = [session for schedule in schedules for session in schedule.sessions]
    return VacancyTimetable(
        stages=schedules,
        candidates=tuple(candidate_timetable(sessions, c) for c in candidates),
        clashes=find_clashes(sessions, candidates),
    )


def schedule_stage(stage: TimetableStage, order: Sequence[str]) -> StageSchedule:
    """The panel's day in ``order``; untimed ("to be confirmed") without a start time or
    the lengths to work from."""
    plan = None
    if stage.starts_at is not None:
        plan = plan_day(
            len(order),
            minute_of_day(stage.starts_at),
            interview_minutes=stage.interview_minutes,
            slot_minutes=stage.slot_minutes,
            break_minutes=stage.break_minutes,
        )
    if plan is None:
        return StageSchedule(stage, tuple(order), tuple(Session(c, stage) for c in order))
    sessions = tuple(
        Session(candidate, stage, start, start + plan.interview_minutes)
        for candidate, start in zip(order, plan.starts, strict=True)
    )
    pause = plan.break_start
    break_span = None if pause is None else (pause, pause + plan.break_minutes)
    return StageSchedule(stage, tuple(order), sessions, break_span)
