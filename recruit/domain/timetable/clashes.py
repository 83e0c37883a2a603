"""Clashes: a candidate due at two stages whose times overlap on the same date.

Only timed sessions on a known date are checked: a stage without a start time says its
times are to be confirmed, and stages on different dates never clash.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from itertools import combinations

from recruit.domain.timetable.model import Clash, Session


def find_clashes(sessions: Sequence[Session], candidates: Sequence[str]) -> tuple[Clash, ...]:
    """Every overlapping pair, by candidate (in ``candidates`` order), then date and time."""
    return tuple(
        clash for candidate in candidates for clash in candidate_clashes(sessions, candidate)
    )


def candidate_clashes(sessions: Sequence[Session], candidate: str) -> tuple[Clash, ...]:
    checked = sorted(
        (s for s in sessions if s.candidate == candidate and s.timed and s.stage.held_on),
        key=_when,
    )
    return tuple(
        Clash(first, second) for first, second in combinations(checked, 2) if overlap(first, second)
    )


def overlap(first: Session, second: Session) -> bool:
    """Two timed sessions on the same date that share any minute (one ending as the other
    starts is no clash)."""
    if first.stage.held_on != second.stage.held_on:
        return False
    if first.start is None or first.end is None or second.start is None or second.end is None:
        return False
    return first.start < second.end and second.start < first.end


def _when(session: Session) -> tuple[datetime.date, int, int]:
    return (session.stage.held_on or datetime.date.min, session.start or 0, session.end or 0)
