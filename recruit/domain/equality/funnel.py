"""The selection funnel: how many of each group reached each step of selection.

The steps are the caller's, in order (the app's are ``SELECTION_STEPS``). A candidate's
journey records only the furthest step they reached, since reaching a step means passing
every one before it: an appointed candidate was also shortlisted and interviewed. So each
group's counts can only fall from one step to the next, which suppression relies on.

A step's selection rate is the share of those at the previous step who reached it. The
SC-WRES measure uses the rate over several steps, from shortlisting to appointment, which
``rate_between`` gives. Rates are plain floats; None where nobody was there to select from.

Funnels for single vacancies are small; ``pool_funnels`` adds several together (a year's
vacancies, say) so that fewer counts need hiding and the measures have something to go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from recruit.domain.equality.categories import Option

ALL_CANDIDATES = Option("all", "All candidates")


@dataclass(frozen=True)
class Step:
    """One step of selection: ``label`` heads its column ("Shortlisted"); ``selection``
    names the act of selecting for it in a sentence ("shortlisting"), default the label."""

    key: str
    label: str
    selection: str = ""

    @property
    def selection_text(self) -> str:
        return self.selection or self.label.lower()


SELECTION_STEPS: tuple[Step, ...] = (
    Step("applied", "Applied", "application"),
    Step("shortlisted", "Shortlisted", "shortlisting"),
    Step("interviewed", "Interviewed", "interview"),
    Step("appointable", "Appointable", "being found appointable"),
    Step("appointed", "Appointed", "appointment"),
)
WRES_FROM_STEP = "shortlisted"
WRES_TO_STEP = "appointed"


@dataclass(frozen=True)
class Journey:
    """One candidate: their group (a key of the grouping used) and the furthest step."""

    group: str
    furthest_step: str


def selection_rate(selected: int, pool: int) -> float | None:
    """The share of ``pool`` selected; None when the pool is empty (no rate, not 0%)."""
    return selected / pool if pool else None


@dataclass(frozen=True)
class FunnelRow:
    """One group's count at each step, in step order."""

    group: Option
    counts: tuple[int, ...]

    @property
    def rates(self) -> tuple[float | None, ...]:
        """Each step's rate from the step before; None for the first step."""
        return (None,) + tuple(
            selection_rate(count, before)
            for before, count in zip(self.counts, self.counts[1:], strict=False)
        )


@dataclass(frozen=True)
class Funnel:
    """Counts by group and step: ``rows`` in the grouping's order, then ``total``."""

    steps: tuple[Step, ...]
    rows: tuple[FunnelRow, ...]

    @property
    def total(self) -> FunnelRow:
        """All candidates at each step: the column totals, which are always published."""
        columns = zip(*(row.counts for row in self.rows), strict=True)
        return FunnelRow(ALL_CANDIDATES, tuple(sum(column) for column in columns))

    def step_index(self, step_key: str) -> int:
        return _step_index(self.steps, step_key)

    def row(self, group_key: str) -> FunnelRow:
        for row in self.rows:
            if row.group.key == group_key:
                return row
        if group_key == ALL_CANDIDATES.key:
            return self.total
        raise KeyError(f"The funnel has no group {group_key!r}")

    def count(self, group_key: str, step_key: str) -> int:
        return self.row(group_key).counts[self.step_index(step_key)]

    def rate_between(self, group_key: str, from_step: str, to_step: str) -> float | None:
        """The share of the group at ``from_step`` who reached ``to_step`` (SC-WRES uses
        shortlisted to appointed)."""
        return selection_rate(self.count(group_key, to_step), self.count(group_key, from_step))


def _step_index(steps: Sequence[Step], step_key: str) -> int:
    for index, step in enumerate(steps):
        if step.key == step_key:
            return index
    raise KeyError(f"There is no step {step_key!r}")


def build_funnel(
    journeys: Iterable[Journey],
    groups: Sequence[Option],
    steps: Sequence[Step] = SELECTION_STEPS,
) -> Funnel:
    """Count each group at each step from the candidates' journeys.

    Every group gets a row, in the order given, even with nobody in it (a table whose rows
    come and go with the data would itself tell a reader who applied). ValueError for a
    journey with a group or step not given, so nobody drops out of the totals unnoticed.
    """
    _check_unique("step", [step.key for step in steps])
    _check_unique("group", [group.key for group in groups])
    if not steps:
        raise ValueError("A funnel needs at least one step")
    # furthest[g][s]: how many in group g stopped at step s; counts are the sums to the right.
    furthest = {group.key: [0] * len(steps) for group in groups}
    for journey in journeys:
        if journey.group not in furthest:
            raise ValueError(f"A candidate's group {journey.group!r} is not in the grouping")
        try:
            furthest[journey.group][_step_index(steps, journey.furthest_step)] += 1
        except KeyError:
            raise ValueError(
                f"A candidate's step {journey.furthest_step!r} is not a step"
            ) from None
    rows = tuple(FunnelRow(group, _reached(furthest[group.key])) for group in groups)
    return Funnel(tuple(steps), rows)


def _reached(stopped_at: list[int]) -> tuple[int, ...]:
    """How many reached each step, from how many stopped at each: reaching a step means
    reaching every one before it."""
    reached, running = [], 0
    for stopped in reversed(stopped_at):
        running += stopped
        reached.append(running)
    return tuple(reversed(reached))


def _check_unique(what: str, keys: Sequence[str]) -> None:
    if len(set(keys)) != len(keys):
        raise ValueError(f"Each {what} must have its own key: {', '.join(keys)}")


def pool_funnels(funnels: Iterable[Funnel]) -> Funnel:
    """Several funnels added together (vacancies over a year, say); they must share their
    steps and groups. Pool before suppressing: hidden cells cannot be added up."""
    pooled = list(funnels)
    if not pooled:
        raise ValueError("There are no funnels to pool")
    first = pooled[0]
    if any(f.steps != first.steps or _groups(f) != _groups(first) for f in pooled):
        raise ValueError("Only funnels with the same steps and groups can be pooled")
    rows = tuple(
        FunnelRow(row.group, tuple(map(sum, zip(*(f.rows[i].counts for f in pooled), strict=True))))
        for i, row in enumerate(first.rows)
    )
    return Funnel(first.steps, rows)


def _groups(funnel: Funnel) -> tuple[Option, ...]:
    return tuple(row.group for row in funnel.rows)
