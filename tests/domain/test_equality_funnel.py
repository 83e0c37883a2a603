"""The selection funnel: counts by group and step from where each candidate got to."""

from __future__ import annotations

import pytest

from recruit.domain.equality import (
    ETHNICITY_WRES,
    SELECTION_STEPS,
    Journey,
    build_funnel,
    grouping,
    pool_funnels,
)


def journeys(*spec: tuple[str, str, int]) -> list[Journey]:
    return [Journey(group, step) for group, step, many in spec for _ in range(many)]


def test_reaching_a_step_counts_at_every_step_before_it():
    funnel = build_funnel(
        journeys(("white", "appointed", 2), ("white", "interviewed", 3), ("white", "applied", 5)),
        ETHNICITY_WRES.groups,
    )
    assert funnel.row("white").counts == (10, 5, 5, 2, 2)


def test_every_group_has_a_row_in_order_then_the_total():
    funnel = build_funnel(
        journeys(("not_known", "shortlisted", 1), ("ethnic_minority", "applied", 2)),
        ETHNICITY_WRES.groups,
    )
    assert [row.group.key for row in funnel.rows] == [
        "white",
        "ethnic_minority",
        "prefer_not_to_say",
        "not_known",
    ]
    assert funnel.row("white").counts == (0, 0, 0, 0, 0)
    assert funnel.total.counts == (3, 1, 0, 0, 0)
    assert funnel.total.group.label == "All candidates"


def test_rates_are_from_the_step_before_and_from_shortlisting_to_appointment():
    funnel = build_funnel(
        journeys(("male", "appointed", 3), ("male", "interviewed", 9), ("male", "applied", 18)),
        grouping("sex").groups,
    )
    assert funnel.row("male").counts == (30, 12, 12, 3, 3)
    assert funnel.row("male").rates == (None, 0.4, 1.0, 0.25, 1.0)
    assert funnel.rate_between("male", "shortlisted", "appointed") == 0.25
    # Nobody to select from is no rate, not 0%.
    assert funnel.row("female").rates[1] is None


def test_a_candidate_outside_the_grouping_or_steps_is_refused():
    with pytest.raises(ValueError, match="group 'asian'"):
        build_funnel([Journey("asian", "applied")], ETHNICITY_WRES.groups)
    with pytest.raises(ValueError, match="step 'offered'"):
        build_funnel([Journey("white", "offered")], ETHNICITY_WRES.groups)


def test_pooling_adds_vacancies_together():
    first = build_funnel(journeys(("white", "appointed", 1)), ETHNICITY_WRES.groups)
    second = build_funnel(journeys(("white", "shortlisted", 2)), ETHNICITY_WRES.groups)
    pooled = pool_funnels([first, second])
    assert pooled.row("white").counts == (3, 3, 1, 1, 1)
    assert pooled.steps == SELECTION_STEPS


def test_only_like_funnels_pool():
    first = build_funnel([], ETHNICITY_WRES.groups)
    other = build_funnel([], grouping("sex").groups)
    with pytest.raises(ValueError, match="same steps and groups"):
        pool_funnels([first, other])
    with pytest.raises(ValueError, match="no funnels"):
        pool_funnels([])
