"""A vacancy's timetable: each panel's day, the carousel, clashes and each candidate's day."""

from __future__ import annotations

import datetime
from itertools import combinations

import pytest

from recruit.domain.documents.interview_pack import InterviewDay, timetable
from recruit.domain.timetable import (
    TO_BE_CONFIRMED,
    Session,
    StageSchedule,
    TimetableStage,
    VacancyTimetable,
    build_timetable,
    day_grid,
    overlap,
    rotated,
    shared_day_grid,
)

DAY = datetime.date(2027, 4, 14)
NEXT_DAY = datetime.date(2027, 4, 15)
TEN = datetime.time(10, 0)
PANEL_NAMES = ("Young people's panel", "Stakeholder panel", "Presentation")


def stage(
    key: int,
    *,
    held_on: datetime.date | None = DAY,
    starts_at: datetime.time | None = TEN,
    interview: int | None = 45,
    slot: int | None = 60,
    pause: int | None = None,
) -> TimetableStage:
    name = PANEL_NAMES[key - 1] if key <= len(PANEL_NAMES) else f"Panel {key}"
    return TimetableStage(key, name, held_on, starts_at, interview, slot, pause)


def labels(count: int) -> tuple[str, ...]:
    return tuple(f"C-{n:02d}" for n in range(1, count + 1))


def timed_spans(schedule: StageSchedule) -> list[tuple[int, int]]:
    spans = [(s.start, s.end) for s in schedule.sessions if s.start is not None and s.end]
    return sorted(spans + ([schedule.break_span] if schedule.break_span else []))


def test_rotating_starts_from_the_kth_candidate_and_wraps_round() -> None:
    assert rotated(labels(3), 0) == ("C-01", "C-02", "C-03")
    assert rotated(labels(3), 1) == ("C-02", "C-03", "C-01")
    assert rotated(labels(3), 4) == ("C-02", "C-03", "C-01")
    assert rotated((), 2) == ()


@pytest.mark.parametrize("pause", [None, 20])
@pytest.mark.parametrize("count", [1, 3, 4, 5, 6])
def test_a_panels_sessions_never_overlap_and_the_break_is_honoured(
    count: int, pause: int | None
) -> None:
    plan = build_timetable([stage(1, interview=45, slot=55, pause=pause)], labels(count))
    schedule = plan.stages[0]
    spans = timed_spans(schedule)
    assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:], strict=False))
    if pause and count > 1:
        assert schedule.break_span is not None
        start, end = schedule.break_span
        assert end - start == pause
        after = [s.start for s in schedule.sessions if s.start is not None and s.start >= end]
        assert after and min(after) == end  # the next candidate comes straight after the break
    else:
        assert schedule.break_span is None


def test_the_pack_schedule_and_the_panels_day_use_the_same_arithmetic() -> None:
    order = labels(4)
    plan = build_timetable([stage(1, interview=60, slot=80, pause=45)], order)
    day = InterviewDay(interview_minutes=60, starts_at=TEN, slot_minutes=80, break_minutes=45)
    pack = [slot.time_label for slot in timetable(order, day) if not slot.is_break]
    assert pack == [session.time_label for session in plan.stages[0].sessions]
    assert pack[:2] == ["10:00 to 11:00", "11:20 to 12:20"]


@pytest.mark.parametrize("panels", [2, 3])
@pytest.mark.parametrize("count", [3, 4, 5, 6])
def test_the_carousel_puts_each_candidate_at_one_panel_per_slot(panels: int, count: int) -> None:
    stages = [stage(key, pause=15) for key in range(1, panels + 1)]
    plan = build_timetable(stages, labels(count))

    for index in range(count):
        at_once = [schedule.sessions[index].candidate for schedule in plan.stages]
        assert len(set(at_once)) == panels, (index, at_once)
    assert plan.clashes == ()
    for candidate in plan.candidates:
        assert sum(len(day.sessions) for day in candidate.days) == panels
    assert [s.order[0] for s in plan.stages] == list(labels(count)[:panels])


def test_without_rotation_the_same_orders_would_clash() -> None:
    # The check the carousel exists for: the same order at two panels at once is a clash.
    first, second = stage(1), stage(2)
    sessions = [Session("C-01", first, 600, 645), Session("C-01", second, 600, 645)]
    assert overlap(*sessions)


def test_different_slot_lengths_on_one_day_are_a_clash_in_words() -> None:
    stages = [stage(1, interview=45, slot=60), stage(2, interview=75, slot=90)]
    plan = build_timetable(stages, labels(3))

    assert [c.candidate for c in plan.clashes] == ["C-02", "C-03"]
    assert plan.clashes[0].description == (
        "C-02 is due at the Stakeholder panel 10:00\u201311:15 and the Young people's panel "
        "11:00\u201311:45 on 14 April 2027"
    )
    clashing = next(c for c in plan.candidates if c.candidate == "C-02")
    assert clashing.clashes == (plan.clashes[0],)


def test_stages_on_different_dates_never_clash() -> None:
    stages = [stage(1), stage(2, held_on=NEXT_DAY), stage(3, held_on=None)]
    plan = build_timetable(stages, labels(3))

    assert plan.clashes == ()
    # Alone on its date (or without one) a panel keeps the candidates' order.
    assert [s.order for s in plan.stages] == [labels(3)] * 3
    assert shared_day_grid(plan, 1) is None


def test_a_stage_without_a_start_time_is_to_be_confirmed_and_never_checked() -> None:
    stages = [stage(1), stage(2, starts_at=None)]
    plan = build_timetable(stages, labels(3))

    untimed = plan.stages[1]
    assert not untimed.timed and untimed.order == ("C-02", "C-03", "C-01")
    assert {s.time_label for s in untimed.sessions} == {TO_BE_CONFIRMED}
    assert plan.clashes == ()
    day = plan.candidates[0].days[0]
    assert [(line.time_label, line.stage_name) for line in day.lines] == [
        ("10:00 to 10:45", "Young people's panel"),
        (TO_BE_CONFIRMED, "Stakeholder panel"),
    ]


def test_a_candidates_day_is_in_time_order_with_the_breaks_between() -> None:
    stages = [stage(1, held_on=NEXT_DAY), stage(2), stage(3)]
    plan = build_timetable(stages, labels(3))

    second = next(c for c in plan.candidates if c.candidate == "C-02")
    assert [day.held_on for day in second.days] == [DAY, NEXT_DAY]
    assert [(line.time_label, line.stage_name, line.is_break) for line in second.days[0].lines] == [
        ("10:00 to 10:45", "Presentation", False),
        ("10:45 to 11:00", "Break", True),
        ("11:00 to 11:45", "Stakeholder panel", False),
    ]


def test_the_day_grid_shows_each_panel_by_time() -> None:
    stages = [stage(1, pause=15), stage(2, pause=15), stage(3, held_on=NEXT_DAY)]
    plan = build_timetable(stages, labels(3))

    grid = shared_day_grid(plan, 2)
    assert grid is not None and grid == day_grid(plan, DAY)
    assert grid.panels == PANEL_NAMES[:2]
    assert [(row.time_label, row.cells) for row in grid.rows] == [
        ("10:00 to 10:45", ("C-01", "C-02")),
        ("11:00 to 11:45", ("C-02", "C-03")),
        ("12:00 to 12:15", ("Break", "Break")),
        ("12:15 to 13:00", ("C-03", "C-01")),
    ]
    assert isinstance(plan, VacancyTimetable) and plan.order_for(2) == ("C-02", "C-03", "C-01")
    assert plan.order_for(99) is None


def test_more_panels_than_candidates_cannot_avoid_a_clash() -> None:
    plan = build_timetable([stage(1), stage(2), stage(3)], labels(2))
    assert plan.clashes, "three panels at once with two candidates must clash"
    for clash in plan.clashes:
        assert overlap(clash.first, clash.second)
        assert clash.first.stage.key != clash.second.stage.key


def test_every_pair_of_a_candidates_sessions_is_compared() -> None:
    stages = [stage(key, interview=50, slot=50) for key in (1, 2, 3)]
    plan = build_timetable(stages, labels(1))
    assert len(plan.clashes) == len(list(combinations(range(3), 2)))
