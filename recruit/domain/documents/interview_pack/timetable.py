"""The interview day's timetable: when each candidate is seen, and where the break falls.

A stage may record the first interview's start, each slot's length (the interview and the
panel's time to score on their own before the next candidate) and a break. Without a start
time the pack suggests one, and says the times are only a suggestion.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from recruit.domain.documents.interview_pack.model import ScheduleSlot

# The suggestion when the stage records no start: a 09:30 start, and 15 minutes after each
# interview for members to score on their own before the next candidate arrives.
SUGGESTED_START = datetime.time(9, 30)
SCORING_GAP_MINUTES = 15
BREAK_LABEL = "Break"
_MINUTES_IN_A_DAY = 24 * 60
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
        if self.slot_minutes:
            return self.slot_minutes
        return self.interview_minutes + SCORING_GAP_MINUTES if self.interview_minutes else None


def interviews_before_break(count: int) -> int | None:
    """The break follows the middle interview of the day: the 2nd of 3 or 4, the 3rd of 5.
    A day of one interview has no break."""
    return (count + 1) // 2 if count > 1 else None


def timetable(candidates: Sequence[str], day: InterviewDay) -> tuple[ScheduleSlot, ...]:
    """Each candidate's interview time, for example "09:30 to 10:30", with the break as a
    line of its own. Without the lengths to work from, or if the day would run past
    midnight, the slots are "Interview 1", "Interview 2" and so on, with no break."""
    slot = day.slot_length
    interview = day.interview_minutes or slot
    if not candidates or slot is None or interview is None:
        return _numbered(candidates)
    first = _minute_of_day(day.starts_at or SUGGESTED_START)
    pause = day.break_minutes or 0
    before_break = interviews_before_break(len(candidates)) if pause else None
    starts = [
        first + slot * index + (pause if before_break and index >= before_break else 0)
        for index in range(len(candidates))
    ]
    if starts[-1] + max(slot, interview) >= _MINUTES_IN_A_DAY:
        return _numbered(candidates)
    slots = [
        ScheduleSlot(_span(start, interview), candidate)
        for start, candidate in zip(starts, candidates, strict=True)
    ]
    if before_break:
        break_starts = starts[before_break - 1] + slot
        slots.insert(before_break, ScheduleSlot(_span(break_starts, pause), BREAK_LABEL, True))
    return tuple(slots)


def _numbered(candidates: Sequence[str]) -> tuple[ScheduleSlot, ...]:
    return tuple(ScheduleSlot(f"Interview {n}", c) for n, c in enumerate(candidates, 1))


def _span(start: int, minutes: int) -> str:
    return f"{clock_text(start)} to {clock_text(start + minutes)}"


def _minute_of_day(moment: datetime.time) -> int:
    return moment.hour * 60 + moment.minute


def clock_text(minute_of_day: int) -> str:
    """The 24-hour clock, as the packs and the stage page write it: "09:30", "14:00"."""
    return f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"


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
