"""Who may decide an appointment that elected members make.

For a chief officer (a DCS) or deputy chief officer, the council's standing orders give
the decision to an appointments panel of elected members with at least one member of the
executive (cabinet) on it; officers (the Chief Executive, HR, an external adviser) advise
and do not decide. ``appointing_panel_problems`` says, in words for HR, what a deciding
panel still lacks; advisory stages and posts appointed by officers have no such rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PanelSeatFacts:
    """One seat of the deciding panel: who, whether they score, and what they are."""

    name: str
    scores: bool
    councillor: bool
    executive_member: bool


def appointing_panel_problems(seats: Sequence[PanelSeatFacts]) -> list[str]:
    """What stops this panel making an appointment elected members must make; [] if nothing."""
    scoring = [seat for seat in seats if seat.scores]
    if not scoring:
        return ["Add the elected members who will make the decision: no one on the panel scores"]
    problems = []
    officers = [seat.name for seat in scoring if not seat.councillor]
    if officers:
        problems.append(
            f"Only elected members decide this appointment, but {_names(officers)} "
            f"{'scores' if len(officers) == 1 else 'score'}: make an officer's seat an "
            "adviser's, or mark the person as a councillor if they are one"
        )
    if not any(seat.executive_member for seat in scoring if seat.councillor):
        problems.append(
            "At least one of the elected members who decide must be a member of the "
            "executive (cabinet): mark who it is"
        )
    return problems


def _names(names: Sequence[str]) -> str:
    *rest, last = names
    return f"{', '.join(rest)} and {last}" if rest else last
