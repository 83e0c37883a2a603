"""Panel agreement: Krippendorff's alpha with plain readings, and each member's tendency."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recruit.domain.scoring.agreement import (
    GOOD,
    IN_LINE,
    LOW,
    MIN_AGREEMENT_MEMBERS,
    MIN_AGREEMENT_UNITS,
    NO_VARIATION,
    SYSTEMATIC,
    TENTATIVE,
    TOO_FEW_SHARED,
    alpha_reading,
    measure_alpha,
    member_tendencies,
    panel_agreement,
    too_few_text,
)
from recruit.domain.scoring.model import QuestionScore, StageScores

MEMBERS = ("ann", "bob", "cat", "dev")

# Krippendorff (2011) "Computing Krippendorff's alpha-reliability", the four-observer
# example with missing values: interval alpha is 0.849.
TEXTBOOK = (
    (1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None),
    (1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3),
    (None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None),
    (1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None),
)


def grid(
    rows: tuple[tuple[int | None, ...], ...], attribute: str = "values", candidate: str = "c1"
) -> tuple[QuestionScore, ...]:
    """Member rows by question columns, as submitted scores (None is "No evidence")."""
    return tuple(
        QuestionScore(member, candidate, f"{attribute}-q{column}", attribute, score)
        for member, row in zip(MEMBERS, rows, strict=False)
        for column, score in enumerate(row)
    )


def stage_of(scores: tuple[QuestionScore, ...], members: tuple[str, ...] = MEMBERS) -> StageScores:
    return StageScores(
        stage="final_panel",
        attributes=("values", "decisions"),
        planned={"values": ("values-q0",), "decisions": ("decisions-q0",)},
        weights={"values": 0.5, "decisions": 0.5},
        members=members,
        candidates=("c1", "c2"),
        scores=scores,
    )


def reference_interval_alpha(units: list[list[int]]) -> float:
    """Krippendorff's interval alpha from its pairwise definition, independent of the library:
    1 - (n - 1) * sum_u [sum_{i != j in u} d^2 / (m_u - 1)] / sum_{i != j over all} d^2."""
    paired = [unit for unit in units if len(unit) > 1]
    values = [value for unit in paired for value in unit]
    observed = sum(
        sum((a - b) ** 2 for a, b in itertools.permutations(unit, 2)) / (len(unit) - 1)
        for unit in paired
    )
    expected = sum((a - b) ** 2 for a, b in itertools.permutations(values, 2))
    return 1 - (len(values) - 1) * observed / expected


def test_alpha_matches_krippendorffs_worked_example():
    reading = measure_alpha(grid(TEXTBOOK))
    assert reading.alpha == pytest.approx(0.849, abs=5e-4)
    assert reading.units == 11  # the last question has one score, so pairs with nothing
    assert reading.reading == GOOD


def test_alpha_matches_an_independent_reference_implementation():
    units = [
        [score for score in column if score is not None] for column in zip(*TEXTBOOK, strict=True)
    ]
    assert measure_alpha(grid(TEXTBOOK)).alpha == pytest.approx(reference_interval_alpha(units))


def test_perfect_agreement_gives_one():
    row = (1, 3, 5, 2, 4, 1, 3, 5, 2, 4)
    reading = measure_alpha(grid((row, row, row)))
    assert reading.alpha == pytest.approx(1.0)
    assert (reading.units, reading.members) == (10, 3)
    assert reading.reading == GOOD


def test_opposite_readings_give_negative_alpha_and_say_so():
    # By hand: D_o = 16, D_e = 128 / 12, alpha = 1 - 16 * 12 / 128 = -0.5; so too for five
    # copies of the same pair of answers, scored alike by a third member.
    ann, bob = (1, 5) * 5, (5, 1) * 5
    reading = measure_alpha(grid((ann, bob, ann)))
    assert reading.alpha is not None and reading.alpha < 0
    assert reading.reading == SYSTEMATIC
    assert measure_alpha(grid(((1, 5), (5, 1)))).alpha == pytest.approx(-0.5)


# --- too few to judge ---------------------------------------------------------------------


def test_the_minimum_is_ten_answers_and_three_members():
    assert (MIN_AGREEMENT_UNITS, MIN_AGREEMENT_MEMBERS) == (10, 3)


def test_nine_answers_are_too_few_whatever_the_figure():
    row = (1, 3, 5, 2, 4, 1, 3, 5, 2)
    reading = measure_alpha(grid((row, row, row, row)))
    assert reading.alpha == pytest.approx(1.0)  # the figure is still given
    assert (reading.units, reading.members) == (9, 4)
    assert reading.reading == (
        "9 answers scored by 4 members: too few to judge agreement "
        "(it needs at least 10 answers and 3 members)."
    )
    assert reading.reading not in (GOOD, TENTATIVE, LOW, SYSTEMATIC)


def test_ten_answers_from_two_members_are_too_few():
    row = (1, 3, 5, 2, 4, 1, 3, 5, 2, 4)
    reading = measure_alpha(grid((row, row)))
    assert reading.alpha == pytest.approx(1.0)
    assert (reading.units, reading.members) == (10, 2)
    assert reading.reading == too_few_text(10, 2)
    assert "10 answers scored by 2 members: too few to judge agreement" in reading.reading


def test_ten_answers_from_three_members_get_a_band():
    near = (1, 3, 5, 2, 4, 1, 3, 5, 2, 4)
    off = (1, 3, 5, 2, 4, 1, 3, 5, 2, 5)
    reading = measure_alpha(grid((near, near, off)))
    assert (reading.units, reading.members) == (10, 3)
    assert reading.alpha is not None
    assert reading.reading == alpha_reading(reading.alpha)
    assert reading.reading in (GOOD, TENTATIVE, LOW, SYSTEMATIC)


def test_a_small_shortlist_never_reads_good():
    """Six candidates, one question on the attribute, two members: the issue's case."""
    scores = tuple(
        score
        for n, value in enumerate((1, 2, 3, 4, 5, 3), 1)
        for score in grid(((value,), (value,)), candidate=f"c{n}")
    )
    reading = measure_alpha(scores)
    assert reading.alpha == pytest.approx(1.0)
    assert reading.reading.startswith("6 answers scored by 2 members: too few to judge")
    assert "Good" not in reading.reading


def test_too_few_text_counts_in_words():
    assert too_few_text(1, 1).startswith("1 answer scored by 1 member: too few")
    assert too_few_text(0, 0).startswith("No answer was scored by two or more members")


def test_no_evidence_is_a_missing_rating_not_a_score():
    with_no_evidence = measure_alpha(grid(((1, 3, None), (2, 3, 5), (1, 4, 5))))
    without = measure_alpha(grid(((1, 3), (2, 3, 5), (1, 4, 5))))
    assert with_no_evidence.alpha == pytest.approx(without.alpha)
    assert with_no_evidence.units == 3


@pytest.mark.parametrize(
    "rows",
    [
        (),
        ((3, 4),),  # one member: nothing is paired
        ((3, 4), (3, None)),  # only one question paired
        ((None, None), (None, None)),
    ],
)
def test_too_few_paired_scores_give_no_alpha(rows):
    reading = measure_alpha(grid(rows))
    assert reading.alpha is None
    assert "too few to judge agreement" in reading.reading


def test_no_variation_gives_no_alpha_with_its_own_reading():
    # The unpaired 1 in the last column must not make the library divide by zero.
    same = (3,) * 10
    reading = measure_alpha(grid(((*same, 1), (*same, None), same)))
    assert reading.alpha is None
    assert (reading.units, reading.members) == (10, 3)
    assert reading.reading == NO_VARIATION
    # Below the minimum, too few to judge comes first.
    assert "too few" in measure_alpha(grid(((3, 3, 3, 1), (3, 3, 3, None)))).reading


@pytest.mark.parametrize(
    ("alpha", "reading"),
    [
        (1.0, GOOD),
        (0.8, GOOD),
        (0.799, TENTATIVE),
        (0.667, TENTATIVE),
        (0.666, LOW),
        (0.0, LOW),
        (-0.01, SYSTEMATIC),
    ],
)
def test_readings_follow_krippendorffs_bands(alpha, reading):
    assert alpha_reading(alpha) == reading


def test_readings_are_full_sentences():
    for text in (GOOD, TENTATIVE, LOW, SYSTEMATIC, NO_VARIATION):
        assert text[0].isupper() and text.endswith(".")
    assert TENTATIVE.startswith("Tentative agreement: draw conclusions with care")
    assert LOW.startswith("Low agreement: discuss the scores before relying on the totals")
    assert SYSTEMATIC.startswith("Systematic disagreement: the panel read the evidence")


def test_per_attribute_alpha_uses_only_that_attributes_questions():
    values = grid(((1, 3, 5), (1, 3, 5)), "values")
    decisions = grid(((1, 5), (5, 1)), "decisions")
    agreement = panel_agreement(stage_of(values + decisions))
    assert agreement.per_attribute["values"].alpha == pytest.approx(1.0)
    assert agreement.per_attribute["decisions"].alpha == pytest.approx(-0.5)
    assert agreement.per_attribute["values"].units == 3


def test_there_is_no_alpha_pooled_across_attributes():
    agreement = panel_agreement(stage_of(grid(((1, 3, 5), (1, 3, 5)))))
    assert not hasattr(agreement, "overall")
    assert set(agreement.per_attribute) == {"values", "decisions"}


def test_units_are_candidate_and_question_pairs():
    first = grid(((2, 4), (2, 4)), candidate="c1")
    second = grid(((4, 2), (4, 2)), candidate="c2")
    reading = panel_agreement(stage_of(first + second)).per_attribute["values"]
    assert (reading.units, reading.members) == (4, 2)
    assert reading.alpha == pytest.approx(1.0)


def test_tendencies_are_withheld_with_two_scoring_members():
    agreement = panel_agreement(stage_of(grid(((4, 5), (3, 4)))))
    assert agreement.tendencies == ()
    assert agreement.members == 2
    assert agreement.tendencies_note == (
        "Member tendencies need at least 3 scoring members: with 2, each member's tendency "
        "only mirrors the other's."
    )


def test_tendencies_are_shown_with_three_scoring_members():
    agreement = panel_agreement(stage_of(grid(((4, 5), (3, 4), (3, 4)))))
    assert agreement.members == 3 and agreement.tendencies_note == ""
    assert [t.member for t in agreement.tendencies] == list(MEMBERS)


def test_a_listed_member_who_scored_nothing_does_not_make_up_the_three():
    agreement = panel_agreement(stage_of(grid(((4, 5), (3, 4)))))
    assert agreement.members == 2 and agreement.tendencies == ()  # cat and dev are listed


def test_tendency_sign_and_magnitude():
    # ann is one above bob and cat on both questions: +1. bob: 3 - 3.5 and 4 - 4.5: -0.5.
    scores = grid(((4, 5), (3, 4), (3, 4)))
    tendencies = panel_agreement(stage_of(scores)).tendencies
    ann, bob, cat, dev = tendencies
    assert (ann.member, ann.mean_difference, ann.compared_scores) == ("ann", 1.0, 2)
    assert ann.reading == "Scores about 1.0 higher than the other members on average."
    assert bob.mean_difference == pytest.approx(-0.5)
    assert bob.reading == "Scores about 0.5 lower than the other members on average."
    assert cat.mean_difference == pytest.approx(-0.5)
    assert (dev.mean_difference, dev.compared_scores, dev.reading) == (None, 0, TOO_FEW_SHARED)


def test_small_differences_read_as_in_line_and_no_evidence_is_skipped():
    # ann: +0.2 on average over five shared questions; her "No evidence" is not compared.
    scores = grid(((3, 3, 3, 3, 4, None), (3, 3, 3, 3, 3, 1)))
    ann = member_tendencies(scores, MEMBERS)[0]  # two members: measured, not shown
    assert ann.mean_difference == pytest.approx(0.2)
    assert ann.compared_scores == 5
    assert ann.reading == IN_LINE


def test_a_difference_of_exactly_a_quarter_is_not_in_line_and_rounds_half_up():
    scores = grid(((4, 3, 3, 3), (3, 3, 3, 3)))
    ann = member_tendencies(scores, MEMBERS)[0]  # two members: measured, not shown
    assert ann.mean_difference == 0.25
    assert ann.reading == "Scores about 0.3 higher than the other members on average."


def test_tendencies_follow_the_stage_member_order_and_include_unlisted_members():
    scores = grid(((4, 5), (3, 4), (3, 3)))
    tendencies = panel_agreement(stage_of(scores, members=("bob",))).tendencies
    assert [t.member for t in tendencies] == ["bob", "ann", "cat"]


score_grids = st.lists(
    st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=3, max_size=3),
    min_size=2,
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(score_grids)
def test_alpha_agrees_with_the_reference_whenever_it_is_defined(rows):
    scores = grid(tuple(tuple(row) for row in rows))
    reading = measure_alpha(scores)
    units = [[score for score in column if score is not None] for column in zip(*rows, strict=True)]
    paired = [unit for unit in units if len(unit) > 1]
    if len(paired) < 2 or len({value for unit in paired for value in unit}) < 2:
        assert reading.alpha is None
    else:
        assert reading.alpha == pytest.approx(reference_interval_alpha(units))
        assert reading.alpha <= 1 + 1e-12
