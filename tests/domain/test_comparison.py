"""The shortlist comparison, worked by hand: both rankings, completeness before ranking,
target levels, sorting, restricting the candidates and the notes."""

from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recruit.domain.comparison import (
    compare_candidates,
    equal_weights_total,
    figure_level,
    ordinal,
    ranking_changes,
    sort_keys,
)
from recruit.domain.comparison.model import (
    SORT_BY_EQUAL_WEIGHTS,
    SORT_BY_GAP,
    SORT_BY_RANK,
    ComparedCandidate,
    Comparison,
    TargetProfile,
)
from recruit.domain.scoring import consolidate_panel_scores
from recruit.domain.scoring.model import (
    ExactFloat,
    QuestionScore,
    StageResult,
    StageScores,
    ValuesFloor,
)

ATTRIBUTES = ("values", "decisions", "partnerships")
PLANNED = {"values": ("v1",), "decisions": ("d1",), "partnerships": ("p1",)}
QUESTION = {key: questions[0] for key, questions in PLANNED.items()}
VALUES_HEAVY = {"values": 0.6, "decisions": 0.2, "partnerships": 0.2}
EQUAL = {"values": 1.0, "decisions": 1.0, "partnerships": 1.0}
MEMBERS = ("ann", "bob")

Figures = tuple[int | None, int | None, int | None]

# At the interview (values weighted 0.6):        stage total   equal-weights total
#   A (5, 2, 2): 0.6*5 + 0.2*2 + 0.2*2 = 3.8     1st           (5+2+2)/3 = 3.0    3rd
#   C (4, 3, 3): 2.4 + 0.6 + 0.6       = 3.6     2nd           10/3 = 3.33        2nd
#   B (3, 4, 4): 1.8 + 0.8 + 0.8       = 3.4     3rd           11/3 = 3.67        1st
INTERVIEW: dict[str, Figures] = {"A": (5, 2, 2), "B": (3, 4, 4), "C": (4, 3, 3)}
LABELS = {"A": "Tom Reid", "B": "Ruth Adeyemi"}


def stage_result(
    figures: dict[str, Figures],
    *,
    name: str = "interview",
    weights: dict[str, float] = VALUES_HEAVY,
    attributes: tuple[str, ...] = ATTRIBUTES,
    floor: ValuesFloor | None = None,
) -> StageResult:
    """Both members give each candidate the figure on each attribute (None: not scored)."""
    scores = tuple(
        QuestionScore(member, candidate, QUESTION[key], key, score)
        for candidate, by_attribute in figures.items()
        for key, score in zip(ATTRIBUTES, by_attribute, strict=True)
        if score is not None
        for member in MEMBERS
    )
    return consolidate_panel_scores(
        StageScores(
            stage=name,
            attributes=attributes,
            planned=PLANNED,
            weights=weights,
            members=MEMBERS,
            candidates=tuple(figures),
            scores=scores,
            floor=floor or ValuesFloor(),
        )
    )


def column(comparison: Comparison, candidate: str) -> ComparedCandidate:
    return next(c for c in comparison.candidates if c.candidate == candidate)


def order(comparison: Comparison) -> list[str]:
    return [c.candidate for c in comparison.candidates]


# The two rankings


def test_equal_weights_total_is_the_plain_mean_of_the_attribute_figures():
    comparison = compare_candidates([stage_result(INTERVIEW)], ATTRIBUTES)
    totals = {c.candidate: c.equal_weights_total for c in comparison.candidates}
    assert totals == pytest.approx({"A": 3.0, "B": 11 / 3, "C": 10 / 3})
    assert column(comparison, "A").combined.total == pytest.approx(3.8)


def test_equal_weights_total_leaves_out_an_attribute_without_a_figure():
    comparison = compare_candidates([stage_result({"D": (4, 2, None)})], ATTRIBUTES)
    assert column(comparison, "D").equal_weights_total == pytest.approx(3.0)
    assert equal_weights_total(column(comparison, "D").combined) == pytest.approx(3.0)


def test_the_stage_weights_can_reverse_the_order():
    comparison = compare_candidates([stage_result(INTERVIEW)], ATTRIBUTES)
    stage_ranks = {c.candidate: c.stage_weights_rank for c in comparison.candidates}
    equal_ranks = {c.candidate: c.equal_weights_rank for c in comparison.candidates}
    assert stage_ranks == {"A": 1, "C": 2, "B": 3}
    assert equal_ranks == {"B": 1, "C": 2, "A": 3}
    assert column(comparison, "B").rank_change == 2
    assert column(comparison, "A").rank_change == -2


def test_the_values_floor_still_comes_first_with_equal_weights():
    # E has the highest equal-weights total (4.0) but a values mean of 2.
    comparison = compare_candidates([stage_result({**INTERVIEW, "E": (2, 5, 5)})], ATTRIBUTES)
    e = column(comparison, "E")
    assert e.equal_weights_total == pytest.approx(4.0)
    assert (e.stage_weights_rank, e.equal_weights_rank) == (4, 4)


def test_figures_are_combined_across_stages_and_each_stage_is_kept():
    # At the presentation (equal weights) A scores 3 on everything and B 4.
    # A: values (5+3)/2 = 4, decisions 2.5, partnerships 2.5; stage total (3.8+3)/2 = 3.4.
    # B: values 3.5, decisions 4, partnerships 4; stage total (3.4+4)/2 = 3.7.
    stages = [
        stage_result({"A": (5, 2, 2), "B": (3, 4, 4)}),
        stage_result({"A": (3, 3, 3), "B": (4, 4, 4)}, name="presentation", weights=EQUAL),
    ]
    comparison = compare_candidates(stages, ATTRIBUTES)
    a = column(comparison, "A")
    assert comparison.stages == ("interview", "presentation")
    assert set(a.stage_results) == {"interview", "presentation"}
    assert a.stage_results["presentation"].total == pytest.approx(3.0)
    assert a.combined.attribute("values").result == pytest.approx(4.0)
    assert a.combined.total == pytest.approx(3.4)
    assert a.equal_weights_total == pytest.approx(3.0)
    assert column(comparison, "B").equal_weights_total == pytest.approx(11.5 / 3)
    assert order(comparison) == ["B", "A"]


# Target levels

TARGET = TargetProfile({"values": 4, "decisions": 3}, source="Set by the panel")


def test_a_figure_is_below_target_when_its_level_is_under_the_target_level():
    comparison = compare_candidates([stage_result(INTERVIEW)], ATTRIBUTES, target=TARGET)
    a, b, c = (column(comparison, key) for key in "ABC")
    values, decisions, partnerships = a.gaps
    assert (values.value, values.level, values.target_level, values.below_target) == (
        5,
        5,
        4,
        False,
    )
    assert (decisions.level_name, decisions.target_level_name) == ("Limited", "Sound")
    assert decisions.below_target
    # No level on partnerships: never below target.
    assert (partnerships.level, partnerships.target_level, partnerships.below_target) == (
        2,
        None,
        False,
    )
    assert (a.below_target, b.below_target, c.below_target) == (("decisions",), ("values",), ())
    assert comparison.target is TARGET
    # No decimal gap and no sum of gaps are kept anywhere.
    assert not hasattr(values, "gap") and not hasattr(a, "total_shortfall")


def test_no_target_means_no_gaps_but_the_figures_are_there():
    comparison = compare_candidates([stage_result(INTERVIEW)], ATTRIBUTES)
    gaps = column(comparison, "A").gaps
    assert [(g.attribute, g.value, g.level, g.target_level) for g in gaps] == [
        ("values", 5, 5, None),
        ("decisions", 2, 2, None),
        ("partnerships", 2, 2, None),
    ]
    assert column(comparison, "A").below_target == ()


@pytest.mark.parametrize(
    ("figure", "level"),
    [(None, None), (2.99, 2), (3.0, 3), (3.7, 3), (Fraction(11, 3), 3), (4.0, 4), (4.99, 4)],
)
def test_a_figure_reads_as_the_highest_level_it_reaches(figure, level):
    value = ExactFloat.of(figure) if isinstance(figure, Fraction) else figure
    assert figure_level(value) == level


def test_a_mean_of_3_5_falls_short_of_a_strong_target():
    # A panel mean of 3.5 on values (one member 3, one 4) reads as Sound; decisions (4) is
    # Strong, under an Exceptional target.
    stage = stage_result({"A": (4, 4, 4)})
    half = replace(
        stage.candidates[0],
        attributes=tuple(
            replace(a, mean=ExactFloat(7, 2)) if a.attribute == "values" else a
            for a in stage.candidates[0].attributes
        ),
    )
    stage = replace(stage, candidates=(half,))
    target = TargetProfile({"values": 4, "decisions": 5})
    (a,) = compare_candidates([stage], ATTRIBUTES, target=target).candidates
    assert a.below_target == ("values", "decisions")


def test_target_level_names_are_the_rubric_words():
    target = TargetProfile({"values": 5, "decisions": 3})
    assert (target.level_name("values"), target.level_name("decisions")) == (
        "Exceptional",
        "Sound",
    )
    assert target.level_name("partnerships") == ""


# Completeness before ranking


def test_an_attribute_the_deciding_stage_weights_but_never_asked_withholds_ranks():
    # The plan asks nobody about partnerships, which carries a weight of 0.2.
    stage = stage_result({"A": (5, 2, None), "B": (3, 4, None)})
    comparison = compare_candidates([stage], ATTRIBUTES)
    (missing,) = comparison.missing
    assert (missing.attribute, missing.stage, missing.candidates, missing.everyone) == (
        "partnerships",
        "interview",
        ("A", "B"),
        True,
    )
    assert not comparison.ranked
    # Ranks are withheld, so the columns keep the candidates' own order, whatever the sort.
    assert order(comparison) == ["A", "B"]
    assert order(compare_candidates([stage], ATTRIBUTES, sort=SORT_BY_EQUAL_WEIGHTS)) == [
        "A",
        "B",
    ]
    # No sentence about ranks either.
    assert not any("ranks" in note for note in comparison.notes)
    assert ranking_changes(comparison) == ()


def test_an_attribute_unassessed_for_one_candidate_names_them():
    stage = stage_result({"A": (5, 2, 2), "B": (3, 4, None)})
    (missing,) = compare_candidates([stage], ATTRIBUTES).missing
    assert (missing.candidates, missing.everyone) == (("B",), False)


def test_an_attribute_weighted_zero_need_not_be_assessed():
    weights = {"values": 0.5, "decisions": 0.5, "partnerships": 0.0}
    stage = stage_result({"A": (5, 2, None), "B": (3, 4, None)}, weights=weights)
    comparison = compare_candidates([stage], ATTRIBUTES)
    assert comparison.missing == () and comparison.ranked


def test_missing_evidence_names_the_advisory_stages_that_assessed_it():
    deciding = stage_result({"A": (5, 2, None)})
    advisory = replace(
        stage_result({"A": (4, None, 3)}, name="stakeholders", weights=EQUAL), deciding=False
    )
    (missing,) = compare_candidates([advisory, deciding], ATTRIBUTES).missing
    assert (missing.attribute, missing.stage, missing.assessed_at) == (
        "partnerships",
        "interview",
        ("stakeholders",),
    )


def test_without_a_deciding_stage_nothing_is_ranked():
    advisory = replace(stage_result(INTERVIEW), deciding=False)
    comparison = compare_candidates([advisory], ATTRIBUTES)
    assert comparison.deciding == () and not comparison.ranked


def test_a_complete_deciding_stage_is_ranked():
    comparison = compare_candidates([stage_result(INTERVIEW)], ATTRIBUTES)
    assert comparison.missing == () and comparison.ranked


def test_the_member_range_is_the_lowest_to_highest_member_score_at_the_deciding_stage():
    scores = (
        QuestionScore("ann", "A", "v1", "values", 2),
        QuestionScore("bob", "A", "v1", "values", 5),
        QuestionScore("ann", "A", "d1", "decisions", 3),
        QuestionScore("bob", "A", "d1", "decisions", 3),
    )
    stage = consolidate_panel_scores(
        StageScores("interview", ATTRIBUTES, PLANNED, VALUES_HEAVY, MEMBERS, ("A",), scores)
    )
    (a,) = compare_candidates([stage], ATTRIBUTES).candidates
    assert a.member_range("values") == (2, 5)
    assert "disagreement" in a.combined.attribute("values").flags
    assert a.member_range("decisions") == (3, 3)
    assert a.member_range("partnerships") is None


def test_values_come_first_in_below_target_whatever_the_attribute_order():
    attributes = ("decisions", "partnerships", "values")
    target = TargetProfile(dict.fromkeys(attributes, 4))
    stage = stage_result({"D": (3, 2, 2)}, attributes=attributes)
    comparison = compare_candidates([stage], attributes, target=target)
    assert column(comparison, "D").below_target == ("values", "decisions", "partnerships")


def test_the_stages_floor_attribute_comes_first_when_it_is_not_values():
    target = TargetProfile(dict.fromkeys(ATTRIBUTES, 4))
    stage = stage_result({"D": (3, 2, 2)}, floor=ValuesFloor(attribute="partnerships"))
    comparison = compare_candidates([stage], ATTRIBUTES, target=target)
    assert column(comparison, "D").below_target == ("partnerships", "values", "decisions")


# Sorting


def test_sort_keys_are_the_orderings_then_the_attributes():
    assert sort_keys(ATTRIBUTES) == ("rank", "equal", "gap", *ATTRIBUTES)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (SORT_BY_RANK, ["A", "C", "B"]),
        (SORT_BY_EQUAL_WEIGHTS, ["B", "C", "A"]),
        # C is below the target level on nothing; A and B on one each: the rank decides.
        (SORT_BY_GAP, ["C", "A", "B"]),
        ("decisions", ["B", "C", "A"]),
    ],
)
def test_sorting_by_each_kind(sort, expected):
    comparison = compare_candidates([stage_result(INTERVIEW)], ATTRIBUTES, target=TARGET, sort=sort)
    assert order(comparison) == expected
    assert comparison.sort_key == sort
    # Sorting moves the columns, never the ranks.
    assert column(comparison, "A").stage_weights_rank == 1


def test_sorting_by_an_attribute_puts_no_figure_last_and_ties_by_rank():
    # D has no partnerships figure (so nothing is ranked, and ties go to the key); by values,
    # with ranks: C and E both have 4, and E (4, 4, 4) ranks above C (4, 3, 3).
    figures = {**INTERVIEW, "D": (4, 4, None)}
    by_partnerships = compare_candidates([stage_result(figures)], ATTRIBUTES, sort="partnerships")
    assert order(by_partnerships) == ["B", "C", "A", "D"]
    ranked = {**INTERVIEW, "E": (4, 4, 4)}
    by_values = compare_candidates([stage_result(ranked)], ATTRIBUTES, sort="values")
    assert order(by_values) == ["A", "E", "C", "B"]
    unranked = compare_candidates([stage_result(figures)], ATTRIBUTES, sort="values")
    assert order(unranked) == ["A", "C", "D", "B"]


def test_sorting_by_gap_without_a_target_is_the_rank_order():
    comparison = compare_candidates([stage_result(INTERVIEW)], ATTRIBUTES, sort=SORT_BY_GAP)
    assert order(comparison) == ["A", "C", "B"]


@pytest.mark.parametrize("sort", ["total", "Values", "", "leadership"])
def test_an_unknown_sort_key_raises(sort):
    with pytest.raises(ValueError, match="Unknown sort key .*use one of rank, equal, gap, values"):
        compare_candidates([stage_result(INTERVIEW)], ATTRIBUTES, sort=sort)


# Restricting the candidates


def test_ranks_are_among_the_compared_candidates_only():
    comparison = compare_candidates([stage_result(INTERVIEW)], ATTRIBUTES, candidates={"B", "C"})
    assert order(comparison) == ["C", "B"]
    assert [(c.stage_weights_rank, c.equal_weights_rank) for c in comparison.candidates] == [
        (1, 2),
        (2, 1),
    ]
    assert column(comparison, "C").combined.rank == 1


def test_a_candidate_without_results_is_left_out_with_a_note():
    comparison = compare_candidates(
        [stage_result(INTERVIEW)], ATTRIBUTES, candidates=["A", "Z"], labels={"Z": "Zoe Bell"}
    )
    assert order(comparison) == ["A"]
    assert comparison.notes == ("Zoe Bell (Z) has no results at these stages, so is not compared.",)


def test_no_stages_compares_nobody():
    comparison = compare_candidates([], ATTRIBUTES)
    assert comparison.candidates == () and comparison.stages == () and comparison.notes == ()


# Notes


def test_notes_say_who_moves_under_equal_weights_in_rank_order():
    comparison = compare_candidates([stage_result(INTERVIEW)], ATTRIBUTES, labels=LABELS)
    assert comparison.notes == (
        "Tom Reid (A) ranks 1st with the stages' weights and 3rd with equal weights.",
        "Ruth Adeyemi (B) ranks 3rd with the stages' weights and 1st with equal weights.",
    )
    assert ranking_changes(comparison) == (
        "A ranks 1st with the stages' weights and 3rd with equal weights.",
        "B ranks 3rd with the stages' weights and 1st with equal weights.",
    )


def test_notes_say_when_the_weights_do_not_change_the_order():
    comparison = compare_candidates([stage_result({"A": (5, 4, 4), "B": (3, 3, 3)})], ATTRIBUTES)
    assert comparison.notes == (
        "The order is the same with the stages' weights and with equal weights.",
    )
    one = compare_candidates([stage_result({"A": (5, 4, 4)})], ATTRIBUTES)
    assert one.notes == ()


def test_notes_on_the_values_floor_and_the_target():
    # A meets the target; C is short on decisions and E on values (and stopped by the floor).
    figures = {"A": (5, 4, 4), "C": (4, 2, 2), "E": (2, 3, 3)}
    comparison = compare_candidates([stage_result(figures)], ATTRIBUTES, target=TARGET)
    assert comparison.notes == (
        "The order is the same with the stages' weights and with equal weights.",
        "E is below the values floor without an override, so is not appointable by rule "
        "whatever the other figures.",
        "1 of 3 candidates compared is at or above the target level on every attribute "
        "with a figure.",
    )


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (21, "21st")],
)
def test_ordinals(number, text):
    assert ordinal(number) == text


# Properties

figure = st.one_of(st.none(), st.integers(1, 5))
shortlists = st.dictionaries(
    st.sampled_from(["A", "B", "C", "D", "E"]), st.tuples(figure, figure, figure), min_size=1
)


@settings(max_examples=60, deadline=None)
@given(shortlists)
def test_with_equal_stage_weights_both_rankings_agree(figures):
    comparison = compare_candidates([stage_result(figures, weights=EQUAL)], ATTRIBUTES)
    for compared in comparison.candidates:
        assert compared.equal_weights_rank == compared.stage_weights_rank
    ranks = sorted(c.equal_weights_rank for c in comparison.candidates)
    assert ranks == list(range(1, len(figures) + 1))


@settings(max_examples=60, deadline=None)
@given(shortlists, st.dictionaries(st.sampled_from(ATTRIBUTES), st.integers(3, 5)))
def test_below_target_is_exactly_the_attributes_whose_level_is_under_the_target(figures, levels):
    target = TargetProfile(levels)
    comparison = compare_candidates([stage_result(figures)], ATTRIBUTES, target=target)
    for compared in comparison.candidates:
        under = {
            key
            for key in ATTRIBUTES
            if (figure := compared.combined.attribute(key).result) is not None
            and key in levels
            and math.floor(figure + 1e-9) < levels[key]
        }
        assert set(compared.below_target) == under


@settings(max_examples=60, deadline=None)
@given(shortlists)
def test_ranked_exactly_when_every_candidate_has_every_weighted_figure(figures):
    comparison = compare_candidates([stage_result(figures)], ATTRIBUTES)
    complete = all(None not in by_attribute for by_attribute in figures.values())
    assert comparison.ranked is complete
