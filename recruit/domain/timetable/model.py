"""The values of a vacancy's timetable: its stages, each candidate's sessions and any clash."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from recruit.domain.adverts.draft import format_govuk_date
from recruit.domain.timetable.slots import span_text

TO_BE_CONFIRMED = "Times to be confirmed"
BREAK_LABEL = "Break"
EN_DASH = "\u2013"


@dataclass(frozen=True)
class TimetableStage:
    """One stage's day as the vacancy records it; any of it may still be blank. ``key`` is
    the caller's own id for the stage, to find its order again."""

    key: int
    name: str
    held_on: datetime.date | None
    starts_at: datetime.time | None
    interview_minutes: int | None
    slot_minutes: int | None = None  # interview and scoring gap together
    break_minutes: int | None = None


@dataclass(frozen=True)
class Session:
    """A candidate at one stage: minutes after midnight, or None while the times are to be
    confirmed (no start time, or no lengths to work from)."""

    candidate: str
    stage: TimetableStage
    start: int | None = None
    end: int | None = None

    @property
    def timed(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def time_label(self) -> str:
        """The times, as "10:00 to 10:45", or "Times to be confirmed"."""
        if self.start is None or self.end is None:
            return TO_BE_CONFIRMED
        return span_text(self.start, self.end)


@dataclass(frozen=True)
class StageSchedule:
    """A panel's day: its candidates in the order it sees them, and its break if timed."""

    stage: TimetableStage
    order: tuple[str, ...]
    sessions: tuple[Session, ...]
    break_span: tuple[int, int] | None = None

    @property
    def timed(self) -> bool:
        return bool(self.sessions) and all(session.timed for session in self.sessions)


@dataclass(frozen=True)
class Clash:
    """One candidate due at two stages at once on the same date."""

    first: Session
    second: Session

    @property
    def candidate(self) -> str:
        return self.first.candidate

    @property
    def description(self) -> str:
        """In words, as "C-02 is due at the Young people's panel 10:00–10:45 and the
        Stakeholder panel 10:30–11:15 on 14 April 2027"."""
        first, second = (_where(session) for session in (self.first, self.second))
        held_on = self.first.stage.held_on
        when = f" on {format_govuk_date(held_on)}" if held_on else ""
        return f"{self.candidate} is due at the {first} and the {second}{when}"


def _where(session: Session) -> str:
    assert session.start is not None and session.end is not None  # only timed sessions clash
    return f"{session.stage.name} {span_text(session.start, session.end, EN_DASH)}"


@dataclass(frozen=True)
class DayLine:
    """A line of a candidate's day: a session, or (``is_break``) the time between two."""

    time_label: str
    stage_name: str
    is_break: bool = False


@dataclass(frozen=True)
class CandidateDay:
    """A candidate's sessions on one date (None: the date is to be confirmed), timed ones in
    time order, then any whose times are to be confirmed."""

    held_on: datetime.date | None
    sessions: tuple[Session, ...]
    lines: tuple[DayLine, ...]


@dataclass(frozen=True)
class CandidateTimetable:
    candidate: str
    days: tuple[CandidateDay, ...]
    clashes: tuple[Clash, ...] = ()


@dataclass(frozen=True)
class GridRow:
    """One time of the day and, per panel, who is there ("" for no one, or "Break")."""

    time_label: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class DayGrid:
    """The panels held on one date side by side, by time: which candidate is where.

    ``panels`` are the timed stages' names (the columns); ``unconfirmed`` the stages that
    date whose times are to be confirmed, with the order they see the candidates in.
    """

    held_on: datetime.date
    panels: tuple[str, ...]
    rows: tuple[GridRow, ...]
    unconfirmed: tuple[tuple[str, tuple[str, ...]], ...] = ()
    clashes: tuple[Clash, ...] = ()


@dataclass(frozen=True)
class VacancyTimetable:
    """Every stage's schedule (in the vacancy's order), each candidate's days, every clash."""

    stages: tuple[StageSchedule, ...]
    candidates: tuple[CandidateTimetable, ...]
    clashes: tuple[Clash, ...] = ()

    def order_for(self, key: int) -> tuple[str, ...] | None:
        """The order the stage keyed ``key`` sees the candidates in; None for no such stage."""
        return next((s.order for s in self.stages if s.stage.key == key), None)

    @property
    def dates(self) -> tuple[datetime.date, ...]:
        return tuple(sorted({s.stage.held_on for s in self.stages if s.stage.held_on}))
