"""The interview day's timetable: when each candidate is seen, and where the break falls.

A stage may record the first interview's start, each slot's length (the interview and the
panel's time to score on their own before the next candidate) and a break. Without a start
time the pack suggests one, and says the times are only a suggestion. The arithmetic is
the shared timetable's (``recruit.domain.timetable.slots``), so a pack's schedule and the
candidates' timetables always agree.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from recruit.domain.documents.interview_pack.model import ScheduleSlot
from recruit.domain.timetable.slots import (
    SCORING_GAP_MINUTES,
    clock_text,
    interviews_before_break,
    minute_of_day,
    plan_day,
    slot_length,
    span_text,
)

__all__ = [
    "BREAK_LABEL",
    "SCORING_GAP_MINUTES",
    "SUGGESTED_START",
    "InterviewDay",
    "clock_text",
    "interviews_before_break",
    "parse_clock_time",
    "timetable",
]

# The suggestion when the stage records no start: a 09:30 start (the scoring gap after each
# interview is the shared timetable's, ``SCORING_GAP_MINUTES``).
SUGGESTED_START = datetime.time(9, 30)
BREAK_LABEL = "Break"
# "09:30", "9:30", "9.30", "14:00", "9:30am", "2pm": how people write a time of day.
_CLOCK = re.compile(r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>am|pm)?", re.ASCII)


@dataclass(frozen=True)
class InterviewDay:
    """What the stage records about its day; any of it may still be blank."""

    interview_minutes: int | None  # the time for each candidate
    starts_at: datetime.time | None = None
    slot_minutes: int | None = None  # interview and scoring gap together
    break_minutes: int | None = None

    @property
    def suggested(self) -> bool:
        """Times are only a suggestion until the stage says when the first interview starts."""
        return self.starts_at is None

    @property
    def slot_length(self) -> int | None:
        return slot_length(self.interview_minutes, self.slot_minutes)


def timetable(candidates: Sequence[str], day: InterviewDay) -> tuple[ScheduleSlot, ...]:
    """Each candidate's interview time, for example "09:30 to 10:30", with the break as a
    line of its own. Without the lengths to work from, or if the day would run past
    midnight, the slots are "Interview 1", "Interview 2" and so on, with no break."""
    plan = plan_day(
        len(candidates),
        minute_of_day(day.starts_at or SUGGESTED_START),
        interview_minutes=day.interview_minutes,
        slot_minutes=day.slot_minutes,
        break_minutes=day.break_minutes,
    )
    if plan is None:
        return _numbered(candidates)
    slots = [
        ScheduleSlot(span_text(start, start + plan.interview_minutes), candidate)
        for start, candidate in zip(plan.starts, candidates, strict=True)
    ]
    if plan.break_after is not None and plan.break_start is not None:
        pause = span_text(plan.break_start, plan.break_start + plan.break_minutes)
        slots.insert(plan.break_after, ScheduleSlot(pause, BREAK_LABEL, True))
    return tuple(slots)


def _numbered(candidates: Sequence[str]) -> tuple[ScheduleSlot, ...]:
    return tuple(ScheduleSlot(f"Interview {n}", c) for n, c in enumerate(candidates, 1))


def parse_clock_time(text: str) -> datetime.time | None:
    """A time of day typed as hours and minutes ("09:30", "9.30", "14:00", "2:15pm", "2pm"),
    or None if it is not one."""
    match = _CLOCK.fullmatch(text.strip().lower())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"] == "pm" else 0)
    elif match["minute"] is None:
        return None  # "9" alone could be morning or evening
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)
