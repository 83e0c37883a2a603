"""Which counts of a funnel may be published, so no candidate can be picked out.

A funnel by ethnicity for one vacancy may have one Black applicant; published, that count
and the step they reached identify a person. So:

* Primary: a group's count below the threshold (default 5) is hidden, 0 included: "none
  of the three Asian applicants was shortlisted" says something about each of them. Two
  exceptions, where a 0 says nothing about anyone: a step nobody reached (its published
  total of 0 already says every count there is 0), and a group nobody belongs to (no one
  of it applied, so it has no one to tell about; hiding its zeros would make every
  table with an empty group, a usual thing for "prefer not to say" in one vacancy, hide
  its large counts too, to protect nothing).
* Secondary: the column totals (all candidates at each step) are always published, and a
  group's counts can only fall from one step to the next. A hidden count must not be
  recoverable from those and the visible counts: for every hidden cell there must be
  another table, consistent with everything published, in which it differs. The rule
  looks for one as a *move*: add 1 to the cell's group over a run of consecutive steps
  that includes the cell (or take 1 away), and in each column of the run take 1 from (or
  add 1 to) another group, so every total stays as it was. The other groups may change
  over the run in turns, each over a stretch of consecutive steps. A group that gains 1
  over a stretch needs room at its start (its count at the step before is above its
  first count in the stretch, or the stretch starts at the first step); a group that
  loses 1 needs someone to give at its end (its count at the last step is above its
  count at the next, or above 0 at the final step). Then the counts stay nested and not
  negative. A move whose cells are all hidden changes nothing published, so the cell can
  take two values. A hidden cell without such a move gets the cheapest one (the fewest
  people newly hidden, then the fewest cells), until every hidden cell has one. Hiding
  more never spoils a move, so this ends, and it always can: hiding every count of the
  steps someone reached leaves each cell a move (one candidate changing group).
  So a column never has exactly one hidden cell, hidden cells that must all be 0 are
  never enough, and a hidden count pinned by its own group's visible counts at the steps
  either side (a run with no room) is unpicked by hiding those too.
* Rates, and every measure built on them, are withheld when they need a hidden count: a
  rate and one count give the other.

Every hidden cell shows the same mark, so primary and secondary cells look alike.

This protects one table at a time. Two tables of the same candidates split differently (the
five ethnic groups, and white against ethnic minority), or two pools that differ by one
vacancy, can be subtracted from each other: publish one split per question for a pool.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from recruit.domain.equality.categories import Option
from recruit.domain.equality.funnel import (
    ALL_CANDIDATES,
    Funnel,
    FunnelRow,
    Step,
    selection_rate,
)

DEFAULT_THRESHOLD = 5
HIDDEN_MARK = "[c]"  # the Government Statistical Service's mark for a confidential figure
NO_RATE_MARK = "–"


class Hidden(Enum):
    """A figure withheld; one value, so every hidden cell reads the same."""

    HIDDEN = "hidden"


HIDDEN = Hidden.HIDDEN
Count = int | Hidden
# A rate is None where there is none (the first step, or nobody at the step before).
Rate = float | Hidden | None
Cell = tuple[int, int]  # (row, step) in the funnel's rows and steps


@dataclass(frozen=True)
class PublishedRow:
    """One group's counts and rates as they may be shown."""

    group: Option
    counts: tuple[Count, ...]
    rates: tuple[Rate, ...]


@dataclass(frozen=True)
class PublishedFunnel:
    """A funnel after suppression: what the app may render, with notes to show under it."""

    steps: tuple[Step, ...]
    rows: tuple[PublishedRow, ...]
    total: PublishedRow
    threshold: int
    notes: tuple[str, ...]

    def step_index(self, step_key: str) -> int:
        for index, step in enumerate(self.steps):
            if step.key == step_key:
                return index
        raise KeyError(f"There is no step {step_key!r}")

    def row(self, group_key: str) -> PublishedRow:
        for row in (*self.rows, self.total):
            if row.group.key == group_key:
                return row
        raise KeyError(f"The funnel has no group {group_key!r}")

    def count(self, group_key: str, step_key: str) -> Count:
        return self.row(group_key).counts[self.step_index(step_key)]

    def rate_between(self, group_key: str, from_step: str, to_step: str) -> Rate:
        """The group's rate from one step to a later one, withheld if either count is."""
        pool, selected = self.count(group_key, from_step), self.count(group_key, to_step)
        if pool is HIDDEN or selected is HIDDEN:
            return HIDDEN
        return selection_rate(selected, pool)


def suppress(funnel: Funnel, threshold: int = DEFAULT_THRESHOLD) -> PublishedFunnel:
    """The funnel as it may be published: small counts hidden, with enough others that
    none can be worked out (see the module's rules)."""
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise ValueError("The threshold for hiding small counts must be a whole number, 1 or more")
    if len(funnel.rows) < 2:
        raise ValueError("A funnel needs at least two groups for its counts to be hidden")
    hidden = hidden_cells(funnel, threshold)
    rows = tuple(_published(row, index, hidden) for index, row in enumerate(funnel.rows))
    total = funnel.total
    return PublishedFunnel(
        steps=funnel.steps,
        rows=rows,
        total=PublishedRow(ALL_CANDIDATES, total.counts, total.rates),
        threshold=threshold,
        notes=_notes(funnel, bool(hidden), threshold),
    )


def hidden_cells(funnel: Funnel, threshold: int) -> frozenset[Cell]:
    """The (row, step) cells to hide: primary, then secondary until each is protected."""
    counts = tuple(row.counts for row in funnel.rows)
    totals = funnel.total.counts
    hidden = {
        (row, step)
        for row, row_counts in enumerate(counts)
        for step, count in enumerate(row_counts)
        if count < threshold and totals[step] > 0 and row_counts[0] > 0
    }
    unprotected = True
    while unprotected:
        unprotected = False
        for cell in sorted(hidden):
            move = _cheapest_move(counts, hidden, cell)
            if move is None:
                # Unreachable: a hidden cell is at a step someone reached, and moving that
                # person to or from this row is a move (suppress checks there are two rows).
                raise ValueError(f"Count {cell} cannot be protected")
            if move.new_cells:
                hidden |= move.cells
                unprotected = True
    return frozenset(hidden)


Counts = Sequence[Sequence[int]]


@dataclass(frozen=True)
class _Move:
    """The cells a move changes, and the cost of hiding those not hidden yet."""

    people: int
    new_cells: int
    cells: frozenset[Cell]

    def __add__(self, other: _Move) -> _Move:
        return _Move(
            self.people + other.people, self.new_cells + other.new_cells, self.cells | other.cells
        )

    @property
    def cost(self) -> tuple[int, int, tuple[Cell, ...]]:
        # The cells last, so that equal costs are settled the same way every time.
        return (self.people, self.new_cells, tuple(sorted(self.cells)))


NO_CELLS = _Move(0, 0, frozenset())


def _run(counts: Counts, hidden: set[Cell], row: int, first: int, last: int) -> _Move:
    cells = [(row, step) for step in range(first, last + 1)]
    new = [cell for cell in cells if cell not in hidden]
    return _Move(sum(counts[r][s] for r, s in new), len(new), frozenset(cells))


def _has_room(row_counts: Sequence[int], first: int) -> bool:
    """Whether the group can gain 1 from step ``first`` on, staying within its count before."""
    return first == 0 or row_counts[first] < row_counts[first - 1]


def _can_give(row_counts: Sequence[int], last: int) -> bool:
    """Whether the group can lose 1 up to step ``last``, staying at least its count after."""
    after = row_counts[last + 1] if last + 1 < len(row_counts) else 0
    return row_counts[last] > after


def _cheapest_move(counts: Counts, hidden: set[Cell], cell: Cell) -> _Move | None:
    """The move changing ``cell`` that needs the least newly hidden; None if none exists."""
    row, step = cell
    moves: list[_Move] = []
    for gains in (True, False):
        for first in range(step + 1):
            if gains and not _has_room(counts[row], first):
                continue
            others = _others_cover(counts, hidden, row, first, gains)
            moves += [
                others[last] + _run(counts, hidden, row, first, last)
                for last in range(step, len(counts[row]))
                if last in others and (gains or _can_give(counts[row], last))
            ]
    return min(moves, key=lambda move: move.cost, default=None)


def _others_cover(
    counts: Counts, hidden: set[Cell], row: int, first: int, gains: bool
) -> dict[int, _Move]:
    """For each ``last``, the cheapest way for other groups to make up ``row`` changing
    from ``first`` to ``last``: stretches of consecutive steps, each one group's (losing
    1 if ``row`` gains, gaining 1 if it loses)."""
    covered: dict[int, _Move] = {first - 1: NO_CELLS}  # step -> cheapest cover up to it
    for last in range(first, len(counts[row])):
        options = [
            covered[start - 1] + _run(counts, hidden, other, start, last)
            for start in range(first, last + 1)
            if start - 1 in covered
            for other in range(len(counts))
            if other != row
            and (_can_give(counts[other], last) if gains else _has_room(counts[other], start))
        ]
        if options:
            covered[last] = min(options, key=lambda move: move.cost)
    del covered[first - 1]
    return covered


def _published(row: FunnelRow, index: int, hidden: frozenset[Cell]) -> PublishedRow:
    shown = tuple((index, step) not in hidden for step in range(len(row.counts)))
    counts: tuple[Count, ...] = tuple(
        count if visible else HIDDEN for count, visible in zip(row.counts, shown, strict=True)
    )
    rates: list[Rate] = [None]
    for step in range(1, len(counts)):
        visible = shown[step] and shown[step - 1]
        rates.append(row.rates[step] if visible else HIDDEN)
    return PublishedRow(row.group, counts, tuple(rates))


def _notes(funnel: Funnel, any_hidden: bool, threshold: int) -> tuple[str, ...]:
    small = "Counts of 0" if threshold == 1 else f"Counts below {threshold}"
    notes = (
        [
            f"{small} are hidden, and others with them so they cannot be worked out "
            "from the totals.",
            f"Hidden figures are marked {HIDDEN_MARK}, and so are rates and comparisons "
            "that would need one.",
            "Pooling vacancies, over a year say, gives larger numbers and so shows more.",
        ]
        if any_hidden
        else [f"No count needed hiding: none is below {threshold}."]
    )
    notes += [
        f"Nobody reached “{step.label}”, so every count there is 0, as the total shows."
        for step, total in zip(funnel.steps, funnel.total.counts, strict=True)
        if total == 0
    ]
    return tuple(notes)


def count_text(count: Count) -> str:
    """A count as shown in a table."""
    return HIDDEN_MARK if count is HIDDEN else f"{count:,}"


def rate_text(rate: Rate) -> str:
    """A rate as a whole percentage, the hidden mark, or a dash where there is none."""
    if rate is HIDDEN:
        return HIDDEN_MARK
    if rate is None:
        return NO_RATE_MARK
    return f"{rate:.0%}"
