"""Comparing selection rates: worked examples, and each reading from a case built for it."""

from __future__ import annotations

import math

import pytest

from recruit.domain.equality import (
    ETHNICITY_WRES,
    HIDDEN,
    READING_HEADINGS,
    SELECTION_STEPS,
    Funnel,
    FunnelRow,
    Option,
    PublishedFunnel,
    PublishedRow,
    Step,
    adverse_impact,
    adverse_impact_by_step,
    compare,
    relative_likelihoods,
    suppress,
    wres_likelihood,
)

WRES_STEPS = (
    Step("applied", "Applied", "application"),
    Step("shortlisted", "Shortlisted", "shortlisting"),
    Step("appointed", "Appointed", "appointment"),
)
TWO_STEPS = (Step("applied", "Applied"), Step("shortlisted", "Shortlisted", "shortlisting"))


def funnel_of(steps: tuple[Step, ...], **rows: tuple[int, ...]) -> Funnel:
    return Funnel(
        steps,
        tuple(FunnelRow(Option(key, key.capitalize()), counts) for key, counts in rows.items()),
    )


def wres_funnel(white: tuple[int, ...], minority: tuple[int, ...]) -> Funnel:
    """Applied, shortlisted, interviewed, appointable, appointed; the undeclared rows are big
    enough that none of their counts is hidden."""
    rows = (white, minority, (20, 10, 8, 6, 5), (20, 10, 8, 6, 5))
    return Funnel(
        SELECTION_STEPS,
        tuple(
            FunnelRow(group, counts)
            for group, counts in zip(ETHNICITY_WRES.groups, rows, strict=True)
        ),
    )


def shown_as_is(funnel: Funnel, threshold: int = 5) -> PublishedFunnel:
    """Every count shown, for the arithmetic of cases that suppression would hide (a count
    of 0 always is): the app only ever measures what ``suppress`` returns."""

    def published(row: FunnelRow) -> PublishedRow:
        return PublishedRow(row.group, row.counts, row.rates)

    return PublishedFunnel(
        funnel.steps, tuple(map(published, funnel.rows)), published(funnel.total), threshold, ()
    )


def two_groups(first: tuple[int, int], second: tuple[int, int]) -> Funnel:
    return funnel_of(TWO_STEPS, first=first, second=second)


# --- worked examples ----------------------------------------------------------------------


def test_wres_relative_likelihood_of_appointment_from_shortlisting():
    # White: 30 of 100 shortlisted appointed (30%); ethnic minority: 12 of 80 (15%).
    published = suppress(wres_funnel((150, 100, 70, 40, 30), (140, 80, 50, 20, 12)))
    assert published.rows[0].counts[1::3] == (100, 30) and published.rows[1].counts[1::3] == (
        80,
        12,
    )
    likelihood = wres_likelihood(published)
    assert likelihood.ratio == pytest.approx(2.0)
    assert likelihood.interval == pytest.approx((1.096, 3.650), abs=5e-4)
    assert (likelihood.rate_of.key, likelihood.compared_with.key) == ("white", "ethnic_minority")
    assert likelihood.impact_ratio == pytest.approx(0.5)
    assert likelihood.reading == "adverse_impact"
    assert likelihood.heading == "Evidence of adverse impact from shortlisting to appointment"
    assert "White's rate is 2.00 times Ethnic minority's" in likelihood.text


def test_katz_interval_by_hand():
    # Katz: log RR ± 1.96 * sqrt(1/30 - 1/100 + 1/12 - 1/80).
    se = math.sqrt(1 / 30 - 1 / 100 + 1 / 12 - 1 / 80)
    low, high = (2.0 * math.exp(sign * 1.959964 * se) for sign in (-1, 1))
    published = suppress(wres_funnel((150, 100, 70, 40, 30), (140, 80, 50, 20, 12)))
    interval = wres_likelihood(published).interval
    assert interval == pytest.approx((low, high), rel=1e-5)


def test_four_fifths_case_rates_sixty_and_forty_percent():
    comparison = compare(
        suppress(two_groups((100, 40), (100, 60))), "first", "second", "applied", "shortlisted"
    )
    assert comparison.ratio == pytest.approx(0.667, abs=5e-4)
    assert comparison.impact_ratio == pytest.approx(2 / 3)
    assert comparison.impact_ratio < 0.8


def test_fisher_exact_matches_the_tea_tasting_example():
    # Fisher (1935): the lady tasting tea, [[3, 1], [1, 3]], two-sided p = 0.4857. Here as
    # 3 of 4 and 1 of 4 selected, which a threshold of 1 (zeros only) leaves shown.
    published = suppress(two_groups((4, 3), (4, 1)), threshold=1)
    assert published.row("second").counts == (4, 1)
    comparison = compare(published, "first", "second", "applied", "shortlisted")
    assert comparison.p_value == pytest.approx(0.4857, abs=1e-4)


def test_fisher_exact_matches_a_second_published_example():
    # Agresti, Categorical Data Analysis (2002, section 3.5.2): the tea-tasting table's
    # one-sided p is 0.243 (= 17 / 70), and the table is symmetric, so two-sided it is
    # 34 / 70 = 0.4857 exactly. A fully separated table [[10, 0], [0, 10]] has only itself
    # and its mirror as extreme: two-sided p = 2 / C(20, 10) = 2 / 184756.
    tea = compare(
        suppress(two_groups((4, 3), (4, 1)), threshold=1),
        "first",
        "second",
        "applied",
        "shortlisted",
    )
    assert tea.p_value == pytest.approx(34 / 70)
    separated = compare(
        shown_as_is(two_groups((10, 10), (10, 0))), "first", "second", "applied", "shortlisted"
    )
    assert separated.p_value == pytest.approx(2 / 184756)


# --- the readings -------------------------------------------------------------------------


def test_reading_adverse_impact():
    comparison = compare(
        suppress(two_groups((100, 30), (100, 60))), "first", "second", "applied", "shortlisted"
    )
    assert comparison.reading == "adverse_impact"
    assert comparison.heading == "Evidence of adverse impact at shortlisting"
    assert comparison.p_value is not None and comparison.p_value < 0.05
    assert "not a finding of discrimination" in comparison.text


def test_reading_a_difference_the_numbers_cannot_confirm():
    # 3 of 10 against 6 of 10: half the rate, but ten each is too few to rule out chance.
    comparison = compare(
        suppress(two_groups((10, 5), (10, 8)), threshold=5),
        "first",
        "second",
        "applied",
        "shortlisted",
    )
    assert comparison.impact_ratio is not None and comparison.impact_ratio < 0.8
    assert comparison.p_value is not None and comparison.p_value >= 0.05
    assert comparison.reading == "unconfirmed"
    assert comparison.heading == "A difference the numbers cannot confirm"
    assert "Pooling more vacancies" in comparison.text


def test_reading_no_evidence_of_a_difference_never_claims_none():
    comparison = compare(
        suppress(two_groups((50, 20), (50, 22))), "first", "second", "applied", "shortlisted"
    )
    assert comparison.reading == "no_evidence"
    assert comparison.heading == "No evidence of a difference"
    assert "not proof there is none" in comparison.text
    assert "no adverse impact" not in comparison.text.lower()


def test_reading_too_few_to_tell_when_a_count_is_hidden():
    comparison = compare(
        suppress(two_groups((50, 20), (50, 3))), "first", "second", "applied", "shortlisted"
    )
    assert comparison.reading == "too_few"
    assert comparison.heading == "Too few to tell"
    assert (comparison.ratio, comparison.interval, comparison.p_value) == (None, None, None)
    assert "hidden" in comparison.text


def test_reading_too_few_to_tell_when_a_group_is_below_the_threshold():
    # Nobody was shortlisted, so the zeros are shown (the total says so) and there is
    # nobody to appoint from.
    nobody = funnel_of(WRES_STEPS, white=(150, 0, 0), ethnic_minority=(140, 0, 0))
    published = suppress(nobody)
    assert published.row("white").counts == (150, 0, 0)
    likelihood = wres_likelihood(published)
    assert likelihood.reading == "too_few"
    assert likelihood.text == "Too few to tell: fewer than 5 in White at “Shortlisted”."
    # And a count under the threshold that a caller showed is still too few.
    comparison = compare(
        shown_as_is(two_groups((50, 20), (4, 2))), "first", "second", "applied", "shortlisted"
    )
    assert comparison.reading == "too_few"


def test_reading_a_difference_within_four_fifths():
    # Large numbers: 45% against 50% is within four-fifths yet unlikely to be chance.
    comparison = compare(
        suppress(two_groups((4000, 1800), (4000, 2000))),
        "first",
        "second",
        "applied",
        "shortlisted",
    )
    assert comparison.impact_ratio == pytest.approx(0.9)
    assert comparison.reading == "within_four_fifths"
    assert "within four-fifths" in comparison.text


def test_every_reading_has_a_heading():
    assert set(READING_HEADINGS) == {
        "too_few",
        "adverse_impact",
        "unconfirmed",
        "no_evidence",
        "within_four_fifths",
    }


# --- zero rates ---------------------------------------------------------------------------
# A count of 0 is always hidden unless nobody at all reached the step, so these cases come
# through suppression only as "Too few to tell"; the measures still say them in words.


def test_a_zero_count_is_hidden_so_the_comparison_is_too_few():
    comparison = compare(
        suppress(two_groups((20, 0), (20, 10))), "first", "second", "applied", "shortlisted"
    )
    assert comparison.reading == "too_few"


def test_nobody_selected_in_one_group_is_said_in_words():
    comparison = compare(
        shown_as_is(two_groups((20, 0), (20, 10))), "first", "second", "applied", "shortlisted"
    )
    assert comparison.ratio == 0.0 and comparison.interval is None
    assert comparison.reading == "adverse_impact"
    assert "Nobody in First was selected" in comparison.text


def test_nobody_selected_in_the_group_divided_by_gives_no_ratio():
    comparison = compare(
        shown_as_is(two_groups((20, 10), (20, 0))), "first", "second", "applied", "shortlisted"
    )
    assert comparison.ratio is None and comparison.interval is None
    assert "cannot be given as a multiple" in comparison.text


def test_nobody_selected_in_either_group():
    comparison = compare(
        shown_as_is(two_groups((20, 0), (20, 0))), "first", "second", "applied", "shortlisted"
    )
    assert comparison.ratio is None and comparison.impact_ratio is None
    assert comparison.reading == "no_evidence"
    assert "no rates to compare" in comparison.text


# --- the per-step and per-group views ---------------------------------------------------------


def test_adverse_impact_compares_each_group_with_the_highest_rate():
    funnel = funnel_of(TWO_STEPS, a=(100, 30), b=(100, 60), c=(100, 55))
    impact = adverse_impact(suppress(funnel), "shortlisted")
    assert impact.highest == Option("b", "B")
    assert [(c.rate_of.key, c.compared_with.key) for c in impact.comparisons] == [
        ("a", "b"),
        ("c", "b"),
    ]
    assert [c.reading for c in impact.comparisons] == ["adverse_impact", "no_evidence"]
    assert "B, 60%" in impact.text


def test_a_hidden_rate_cannot_be_the_highest():
    funnel = funnel_of(TWO_STEPS, a=(100, 30), b=(3, 3), c=(100, 55))
    published = suppress(funnel)
    impact = adverse_impact(published, "shortlisted")
    assert published.row("b").counts == (HIDDEN, HIDDEN)
    assert impact.highest is not None and impact.highest.key != "b"


def test_undeclared_groups_are_never_compared():
    published = suppress(wres_funnel((150, 100, 70, 40, 30), (140, 80, 50, 20, 12)))
    keys = {c.rate_of.key for step in adverse_impact_by_step(published) for c in step.comparisons}
    assert keys <= {"white", "ethnic_minority"}
    assert [step.step.key for step in adverse_impact_by_step(published)] == [
        "shortlisted",
        "interviewed",
        "appointable",
        "appointed",
    ]


def test_relative_likelihoods_default_to_the_largest_group_shortlisted():
    funnel = funnel_of(WRES_STEPS, a=(100, 40, 10), b=(200, 90, 30), c=(100, 60, 12))
    comparisons = relative_likelihoods(suppress(funnel))
    assert [(c.rate_of.key, c.compared_with.key) for c in comparisons] == [("b", "a"), ("b", "c")]
    assert comparisons[0].ratio == pytest.approx((30 / 90) / (10 / 40))
    named = relative_likelihoods(suppress(funnel), reference="c")
    assert [c.compared_with.key for c in named] == ["a", "b"]


def test_comparisons_run_forwards():
    with pytest.raises(ValueError, match="later one"):
        compare(
            suppress(two_groups((20, 10), (20, 10))), "first", "second", "shortlisted", "applied"
        )
