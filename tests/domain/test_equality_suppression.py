"""Small-number suppression: nothing hidden can be worked out from what is published."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recruit.domain.equality import (
    HIDDEN,
    HIDDEN_MARK,
    Funnel,
    FunnelRow,
    Option,
    PublishedFunnel,
    PublishedRow,
    Step,
    count_text,
    rate_text,
    suppress,
)

STEPS = (
    Step("applied", "Applied"),
    Step("shortlisted", "Shortlisted", "shortlisting"),
    Step("interviewed", "Interviewed", "interview"),
    Step("appointed", "Appointed", "appointment"),
)


def funnel_of(*rows: Sequence[int], steps: Sequence[Step] = STEPS) -> Funnel:
    """A funnel from count rows (group keys g0, g1, ...), each row over the first steps."""
    width = len(rows[0])
    return Funnel(
        tuple(steps[:width]),
        tuple(FunnelRow(Option(f"g{i}", f"Group {i}"), tuple(row)) for i, row in enumerate(rows)),
    )


def column_vectors(published: PublishedFunnel, step: int) -> list[tuple[int, ...]]:
    """Every column of counts consistent with the column's total and visible cells."""
    total = published.total.counts[step]
    assert isinstance(total, int)
    cells = [row.counts[step] for row in published.rows]
    hidden = [i for i, cell in enumerate(cells) if cell is HIDDEN]
    remainder = total - sum(cell for cell in cells if isinstance(cell, int))
    found = []
    for values in itertools.product(range(remainder + 1), repeat=len(hidden)):
        if sum(values) == remainder:
            column = list(cells)
            for i, value in zip(hidden, values, strict=True):
                column[i] = value
            found.append(tuple(int(c) for c in column))
    return found


def within(candidates: list[tuple[int, ...]], limits: list[tuple[int, ...]]) -> list[bool]:
    """For each candidate column, whether some column in ``limits`` is at least it in every
    group (so the counts can be nested under it)."""
    if not candidates or not limits:
        return [False] * len(candidates)
    upper = np.array(limits)
    return [bool((upper >= np.array(c)).all(axis=1).any()) for c in candidates]


def possible_values(published: PublishedFunnel) -> dict[tuple[int, int], set[int]]:
    """By brute force, every value each hidden cell takes in some table consistent with
    everything published: the column totals, the visible cells, counts nested from step to
    step, none negative. Forward, the columns reachable from the first; backward, those
    from which the last can be reached; a column in a whole table is in both."""
    steps = len(published.steps)
    columns = [column_vectors(published, step) for step in range(steps)]
    forward = [columns[0]]
    for step in range(1, steps):
        keep = within(columns[step], forward[-1])
        forward.append([c for c, ok in zip(columns[step], keep, strict=True) if ok])
    backward = [forward[-1]]
    for step in range(steps - 2, -1, -1):
        later = backward[0]
        keep = [
            any(all(a >= b for a, b in zip(c, w, strict=True)) for w in later)
            for c in forward[step]
        ]
        backward.insert(0, [c for c, ok in zip(forward[step], keep, strict=True) if ok])
    return {
        (row, step): {column[row] for column in backward[step]}
        for step in range(steps)
        for row, published_row in enumerate(published.rows)
        if published_row.counts[step] is HIDDEN
    }


@st.composite
def funnels(draw: st.DrawFn) -> tuple[Funnel, int]:
    groups = draw(st.integers(2, 4))
    width = draw(st.integers(2, 4))
    rows = []
    for _ in range(groups):
        counts = [draw(st.integers(0, 9 if groups < 4 else 7))]
        for _ in range(width - 1):
            counts.append(draw(st.integers(0, counts[-1])))
        rows.append(counts)
    return funnel_of(*rows), draw(st.integers(1, 6))


@settings(max_examples=150, deadline=None)
@given(funnels())
def test_no_hidden_count_can_be_worked_out_from_what_is_published(case):
    funnel, threshold = case
    published = suppress(funnel, threshold)
    values = possible_values(published)
    for (row, step), options in values.items():
        assert funnel.rows[row].counts[step] in options
        assert len(options) >= 2, (row, step, options, funnel.rows)


@settings(max_examples=150, deadline=None)
@given(funnels())
def test_small_counts_are_hidden_and_the_rest_shown_as_they_are(case):
    funnel, threshold = case
    published = suppress(funnel, threshold)
    totals = funnel.total.counts
    assert published.total.counts == totals
    for true, shown in zip(funnel.rows, published.rows, strict=True):
        for step, (count, cell) in enumerate(zip(true.counts, shown.counts, strict=True)):
            if count < threshold and totals[step] and true.counts[0]:
                assert cell is HIDDEN
            assert cell is HIDDEN or cell == count
        # A rate is shown only when both its counts are.
        for step in range(1, len(true.counts)):
            either_hidden = HIDDEN in (shown.counts[step], shown.counts[step - 1])
            assert (shown.rates[step] is HIDDEN) == either_hidden


def test_an_empty_group_shows_its_zeros_and_hides_nothing_else():
    # Nobody chose "prefer not to say": its zeros are shown, and the large counts with them.
    published = suppress(funnel_of((30, 15), (30, 5), (0, 0)))
    assert [row.counts for row in published.rows] == [(30, 15), (30, 5), (0, 0)]


def test_one_small_count_takes_the_next_smallest_with_it():
    published = suppress(funnel_of((40, 20), (30, 12), (3, 1), (25, 10)))
    assert [row.counts[0] for row in published.rows] == [40, 30, HIDDEN, HIDDEN]
    assert [row.counts[1] for row in published.rows] == [20, 12, HIDDEN, HIDDEN]


def test_zeros_are_hidden_unless_nobody_reached_the_step():
    published = suppress(funnel_of((40, 20, 0), (30, 0, 0), (25, 10, 0)))
    assert published.rows[1].counts == (30, HIDDEN, 0)
    assert published.rows[2].counts[2] == 0
    assert any("Nobody reached “Interviewed”" in note for note in published.notes)


def test_hidden_zeros_alone_are_not_enough_in_a_column():
    # Two hidden zeros in a column with a published total must hold something between them.
    published = suppress(funnel_of((40, 20), (30, 0), (25, 0)))
    column = [row.counts[1] for row in published.rows]
    assert column == [HIDDEN, HIDDEN, HIDDEN]


def test_a_count_pinned_by_its_own_later_step_is_hidden_with_it():
    # Group 1's 3 applicants must be hidden with another applied count. Group 0's 6 could
    # not change alone: its 6 shortlisted, shown, would pin it (it cannot fall below 6, nor
    # rise without the total changing). So its shortlisted count goes too, still cheaper
    # than hiding group 2's 40.
    published = suppress(funnel_of((6, 6), (3, 0), (40, 20)))
    assert [row.counts for row in published.rows] == [
        (HIDDEN, HIDDEN),
        (HIDDEN, HIDDEN),
        (40, 20),
    ]
    assert all(len(options) >= 2 for options in possible_values(published).values())


def test_notes_say_what_was_hidden_in_plain_words():
    published = suppress(funnel_of((40, 20), (30, 12), (3, 1)))
    assert published.notes[0] == (
        "Counts below 5 are hidden, and others with them so they cannot be worked out "
        "from the totals."
    )
    assert HIDDEN_MARK in published.notes[1]
    clear = suppress(funnel_of((40, 20), (30, 12)))
    assert clear.notes == ("No count needed hiding: none is below 5.",)


def test_every_hidden_cell_reads_the_same():
    published = suppress(funnel_of((40, 20), (30, 12), (3, 1)))
    shown = {count_text(c) for row in published.rows for c in row.counts if c is HIDDEN}
    rates = {rate_text(r) for row in published.rows for r in row.rates if r is HIDDEN}
    assert shown == rates == {HIDDEN_MARK}
    assert rate_text(None) == "–" and rate_text(0.5) == "50%" and count_text(1200) == "1,200"


@pytest.mark.parametrize("threshold", [0, -1, 2.5, True])
def test_the_threshold_is_a_whole_number_of_at_least_one(threshold):
    with pytest.raises(ValueError, match="whole number"):
        suppress(funnel_of((40, 20), (30, 12)), threshold)


def test_one_group_cannot_be_suppressed():
    with pytest.raises(ValueError, match="two groups"):
        suppress(funnel_of((3, 1)))


def test_the_brute_force_sees_a_count_given_away():
    # The check itself: one hidden cell beside a published total is pinned, and found so.
    shown = suppress(funnel_of((40, 20), (30, 12)))
    leaky = PublishedFunnel(
        steps=shown.steps,
        rows=(shown.rows[0], PublishedRow(shown.rows[1].group, (30, HIDDEN), (None, HIDDEN))),
        total=shown.total,
        threshold=5,
        notes=(),
    )
    assert possible_values(leaky) == {(1, 1): {12}}
