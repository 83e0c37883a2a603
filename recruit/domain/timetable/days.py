"""Each candidate's day(s): the stages they are due at, date by date, in time order.

The time between two of a candidate's sessions shows as a break of its own, so the
candidate sees the whole day; a stage whose times are to be confirmed comes after the
timed ones that date, and a stage with no date under "date to be confirmed".
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from recruit.domain.timetable.clashes import candidate_clashes
from recruit.domain.timetable.model import (
    BREAK_LABEL,
    CandidateDay,
    CandidateTimetable,
    DayLine,
    Session,
)
from recruit.domain.timetable.slots import span_text


def candidate_timetable(sessions: Sequence[Session], candidate: str) -> CandidateTimetable:
    own = [session for session in sessions if session.candidate == candidate]
    dates = sorted({s.stage.held_on for s in own}, key=_date_order)
    days = tuple(
        candidate_day(held_on, [s for s in own if s.stage.held_on == held_on]) for held_on in dates
    )
    return CandidateTimetable(candidate, days, candidate_clashes(own, candidate))


def candidate_day(held_on: datetime.date | None, sessions: Sequence[Session]) -> CandidateDay:
    timed = sorted((s for s in sessions if s.timed), key=lambda s: (s.start or 0, s.end or 0))
    ordered = (*timed, *(s for s in sessions if not s.timed))
    return CandidateDay(held_on, ordered, day_lines(ordered))


def day_lines(sessions: Sequence[Session]) -> tuple[DayLine, ...]:
    """The sessions in order, with a break line wherever one ends before the next begins."""
    lines: list[DayLine] = []
    for index, session in enumerate(sessions):
        gap = _gap_before(sessions, index)
        if gap is not None:
            lines.append(DayLine(span_text(*gap), BREAK_LABEL, is_break=True))
        lines.append(DayLine(session.time_label, session.stage.name))
    return tuple(lines)


def _gap_before(sessions: Sequence[Session], index: int) -> tuple[int, int] | None:
    if index == 0:
        return None
    before, session = sessions[index - 1].end, sessions[index].start
    if before is None or session is None or session <= before:
        return None
    return before, session


def _date_order(held_on: datetime.date | None) -> tuple[bool, datetime.date]:
    return (held_on is None, held_on or datetime.date.min)
