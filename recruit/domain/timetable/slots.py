"""The arithmetic of one panel's day: when each interview starts, and where the break falls.

A slot is the interview and the panel's time to score on their own before the next
candidate arrives; the break follows the middle interview of the day. The interview packs'
schedule and the candidates' timetables both work from ``plan_day``, so they always agree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

# Without a slot length, members get 15 minutes after each interview to score on their own.
SCORING_GAP_MINUTES = 15
MINUTES_IN_A_DAY = 24 * 60


@dataclass(frozen=True)
class DayPlan:
    """One panel's day in minutes after midnight; ``break_after`` interviews come before the
    break (None for a day without one)."""

    starts: tuple[int, ...]
    interview_minutes: int
    slot_minutes: int
    break_after: int | None = None
    break_minutes: int = 0

    @property
    def break_start(self) -> int | None:
        if self.break_after is None:
            return None
        return self.starts[self.break_after - 1] + self.slot_minutes


def slot_length(interview_minutes: int | None, slot_minutes: int | None) -> int | None:
    """The stage's own slot length, or the interview and the scoring gap together."""
    if slot_minutes:
        return slot_minutes
    return interview_minutes + SCORING_GAP_MINUTES if interview_minutes else None


def interviews_before_break(count: int) -> int | None:
    """The break follows the middle interview of the day: the 2nd of 3 or 4, the 3rd of 5.
    A day of one interview has no break."""
    return (count + 1) // 2 if count > 1 else None


def plan_day(
    count: int,
    first: int,
    *,
    interview_minutes: int | None,
    slot_minutes: int | None = None,
    break_minutes: int | None = None,
) -> DayPlan | None:
    """``count`` interviews from minute ``first``; None without the lengths to work from, or
    if the day would run past midnight."""
    slot = slot_length(interview_minutes, slot_minutes)
    interview = interview_minutes or slot
    if count == 0 or slot is None or interview is None:
        return None
    pause = break_minutes or 0
    before_break = interviews_before_break(count) if pause else None
    starts = tuple(
        first + slot * index + (pause if before_break and index >= before_break else 0)
        for index in range(count)
    )
    if starts[-1] + max(slot, interview) >= MINUTES_IN_A_DAY:
        return None
    return DayPlan(starts, interview, slot, before_break, pause)


def minute_of_day(moment: datetime.time) -> int:
    return moment.hour * 60 + moment.minute


def clock_text(minute_of_day: int) -> str:
    """The 24-hour clock, as the packs and the stage page write it: "09:30", "14:00"."""
    return f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"


def span_text(start: int, end: int, joiner: str = " to ") -> str:
    """The span as "10:00 to 10:45", or with an en dash as the joiner "10:00–10:45"."""
    return f"{clock_text(start)}{joiner}{clock_text(end)}"
