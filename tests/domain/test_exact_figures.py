"""Exact figures: totals and means worked as fractions, shown to one decimal place with
halves rounded up, ranked on their exact values; weights shown as whole shares of 100.

The probe's case: panel means 4, 3, 3, 4, 4 with weights 0.30 for values-driven leadership
and 0.175 for each other attribute give a weighted total of exactly 3.65. As a float that is
3.6499999999999995, which Python rounds down; the rule says halves go up, so it shows 3.7.
"""

from __future__ import annotations

import copy
import json
import math
import pickle
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recruit.domain.documents.scoring_summary.text import score_text, signed_text
from recruit.domain.interview_plan import (
    exact_weight,
    normalise_weights,
    percentage_texts,
    weights_as_percentages,
)
from recruit.domain.scoring import combine_stages, consolidate_panel_scores
from recruit.domain.scoring.agreement import member_tendencies
from recruit.domain.scoring.model import (
    AttributeResult,
    CandidateResult,
    ExactFloat,
    Moderation,
    QuestionScore,
    StageScores,
    exact_value,
    figure_text,
)
from recruit.domain.scoring.ranking import rank_candidates, weighted_total

ATTRIBUTES = ("values", "decisions", "practice-culture", "partnerships", "buy-in")
PLANNED = {key: (f"{key}-1",) for key in ATTRIBUTES}
PROBE_WEIGHTS = {"values": 0.3} | dict.fromkeys(ATTRIBUTES[1:], 0.175)
# Two members whose scores give panel means of 4, 3, 3, 4 and 4.
PROBE_SCORES = {
    "m1": {"values": 4, "decisions": 2, "practice-culture": 3, "partnerships": 5, "buy-in": 4},
    "m2": {"values": 4, "decisions": 4, "practice-culture": 3, "partnerships": 3, "buy-in": 4},
}


def scores_for(candidate: str, by_member: dict[str, dict[str, int | None]]) -> list[QuestionScore]:
    return [
        QuestionScore(member, candidate, PLANNED[key][0], key, score)
        for member, given_scores in by_member.items()
        for key, score in given_scores.items()
    ]


def probe_stage(
    weights: dict[str, float] | None = None,
    *,
    candidates: dict[str, dict[str, dict[str, int | None]]] | None = None,
    members: tuple[str, ...] = ("m1", "m2"),
    moderation: tuple[Moderation, ...] = (),
    name: str = "Final panel",
) -> StageScores:
    candidates = candidates if candidates is not None else {"C-01": PROBE_SCORES}
    return StageScores(
        stage=name,
        attributes=ATTRIBUTES,
        planned=PLANNED,
        weights=PROBE_WEIGHTS if weights is None else weights,
        members=members,
        candidates=tuple(candidates),
        scores=tuple(s for key, sheets in candidates.items() for s in scores_for(key, sheets)),
        moderation={entry.candidate: entry for entry in moderation},
    )


def half_up(value: Fraction, places: int = 1) -> str:
    """The rule worked independently of the code: Decimal's ROUND_HALF_UP on the exact
    value, which is a terminating decimal in every case these tests build."""
    decimal = Decimal(value.numerator) / Decimal(value.denominator)
    assert Fraction(decimal) == value, "the reference needs a terminating decimal"
    return str(decimal.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


# --- the probe's case through the rules ----------------------------------------------------


def test_a_weighted_total_of_exactly_a_half_shows_rounded_up() -> None:
    candidate = consolidate_panel_scores(probe_stage()).candidates[0]

    assert [a.mean for a in candidate.attributes] == [4, 3, 3, 4, 4]
    assert exact_value(candidate.formula_total) == Fraction(73, 20)
    assert candidate.formula_total == 3.65  # the float nearest 73/20, not 3.6499999999999995
    assert score_text(candidate.total) == figure_text(candidate.total) == "3.7"


@pytest.mark.parametrize(
    "weights",
    [
        normalise_weights({"values": 30} | dict.fromkeys(ATTRIBUTES[1:], 17.5)),
        # The sum-to-one correction can leave a stored weight a few units in the last place
        # away from its four decimal places; the total must not notice.
        PROBE_WEIGHTS | {"buy-in": 0.17500000000000002},
        PROBE_WEIGHTS | {"buy-in": 0.17499999999999996},
        # Not normalised: the total divides by the weights it used.
        {"values": 12} | dict.fromkeys(ATTRIBUTES[1:], 7),
    ],
)
def test_the_halfway_total_survives_stored_weights(weights: dict[str, float]) -> None:
    candidate = consolidate_panel_scores(probe_stage(weights)).candidates[0]
    assert exact_value(candidate.formula_total) == Fraction(73, 20)
    assert score_text(candidate.formula_total) == "3.7"


def test_weights_are_read_as_the_decimals_they_were_stored_as() -> None:
    # Fraction(0.175) is the binary neighbour, 3152519739159347/18014398509481984.
    assert Fraction(0.175) != Fraction(7, 40)
    assert exact_weight(0.175) == Fraction(7, 40)
    assert exact_weight(0.17500000000000002) == Fraction(7, 40)
    assert exact_weight(0.3333) == Fraction(3333, 10_000)
    # A weight that is not four decimal places is kept as the decimal it prints as.
    assert exact_weight(1 / 3) == Fraction("0.3333333333333333")
    assert exact_weight(2) == 2


def test_a_moderated_total_at_a_half_shows_rounded_up() -> None:
    # Agreed 3 on partnerships: 0.3 * 4 + 0.175 * (3 + 3 + 3 + 4) = 3.475.
    moderation = Moderation("C-01", agreed={"partnerships": 3.0})
    candidate = consolidate_panel_scores(probe_stage(moderation=(moderation,))).candidates[0]
    assert exact_value(candidate.moderated_total) == Fraction(139, 40)
    assert score_text(candidate.total) == "3.5"
    assert score_text(candidate.formula_total) == "3.7"


def test_a_mean_at_a_half_shows_rounded_up() -> None:
    # 20 questions on one attribute: a member's mean of 73/20 is 3.65 exactly.
    planned = {"values": tuple(f"v{i}" for i in range(20))}
    marks = [4] * 13 + [3] * 7
    stage = StageScores(
        stage="s", attributes=("values",), planned=planned, weights={"values": 1.0},
        members=("m1",), candidates=("C-01",),
        scores=tuple(QuestionScore("m1", "C-01", q, "values", m) for q, m in zip(
            planned["values"], marks, strict=True)),
    )  # fmt: skip
    result = consolidate_panel_scores(stage).candidates[0].attributes[0]
    for figure in (result.mean, result.median, result.minimum, result.maximum):
        assert exact_value(figure) == Fraction(73, 20) and score_text(figure) == "3.7"


def test_every_figure_the_rules_give_keeps_its_exact_value() -> None:
    moderation = Moderation("C-01", agreed={"partnerships": 3.5})
    result = consolidate_panel_scores(probe_stage(moderation=(moderation,)))
    candidate = result.candidates[0]
    figures = [candidate.formula_total, candidate.moderated_total]
    for attribute in candidate.attributes:
        figures += [attribute.mean, attribute.median, attribute.minimum, attribute.maximum]
        figures += [attribute.spread, attribute.result]
    # Two members: the tendencies are measured but not shown, so measure them directly.
    stage = probe_stage(moderation=(moderation,))
    figures += [t.mean_difference for t in member_tendencies(stage.scores, stage.members)]
    assert all(isinstance(figure, ExactFloat) for figure in figures)
    combined = combine_stages([result], ATTRIBUTES)[0]
    assert exact_value(combined.total) == exact_value(candidate.total)
    assert all(isinstance(a.mean, ExactFloat) for a in combined.attributes)


def test_results_across_stages_are_exact_means_of_the_stage_figures() -> None:
    first = consolidate_panel_scores(probe_stage(name="one"))
    # Means 4, 3, 3, 4, 3 here: total 0.3 * 4 + 0.175 * 13 = 3.475.
    lower = PROBE_SCORES | {"m2": PROBE_SCORES["m2"] | {"buy-in": 2}}
    second = consolidate_panel_scores(probe_stage(candidates={"C-01": lower}, name="two"))
    combined = combine_stages([first, second], ATTRIBUTES)[0]
    # (3.65 + 3.475) / 2 = 3.5625, and buy-in (4 + 3) / 2 = 3.5.
    assert exact_value(combined.formula_total) == Fraction(57, 16)
    assert exact_value(combined.attribute("buy-in").mean) == Fraction(7, 2)
    assert score_text(combined.attribute("buy-in").mean) == "3.5"
    assert score_text(combined.formula_total) == "3.6"


# --- ranking on exact values ---------------------------------------------------------------


def test_candidates_with_exactly_equal_totals_tie_whatever_their_floats() -> None:
    # Both total 3.65 exactly, by different routes; the key (then "tied") separates them.
    swapped = {
        member: {"values": s["values"], "decisions": s["partnerships"],
                 "practice-culture": s["buy-in"], "partnerships": s["decisions"],
                 "buy-in": s["practice-culture"]}
        for member, s in PROBE_SCORES.items()
    }  # fmt: skip
    stage = probe_stage(candidates={"C-02": swapped, "C-01": PROBE_SCORES})
    ranked = consolidate_panel_scores(stage).candidates
    assert [(c.candidate, c.rank, c.tied_with_previous) for c in ranked] == [
        ("C-01", 1, False),
        ("C-02", 2, True),
    ]


def candidate_with_total(key: str, total: float) -> CandidateResult:
    attribute = AttributeResult("values", 1, 0, 4.0, 4.0, 4.0, 4.0, 0.0)
    return CandidateResult(key, (attribute,), total, None, False, (), False, None, None, 0)


def test_totals_that_differ_only_beyond_float_precision_still_rank_apart() -> None:
    base = Fraction(73, 20)
    lower = ExactFloat.of(base - Fraction(1, 10**30))
    assert float(lower) == float(base)  # the floats cannot tell them apart
    ranked = rank_candidates(
        [candidate_with_total("a", lower), candidate_with_total("b", ExactFloat.of(base))],
        "values",
    )
    assert [(c.candidate, c.tied_with_previous) for c in ranked] == [("b", False), ("a", False)]


def test_a_plain_float_ranks_as_the_decimal_it_prints_as() -> None:
    ranked = rank_candidates(
        [candidate_with_total("b", 3.65), candidate_with_total("a", ExactFloat(73, 20))], "values"
    )
    assert [(c.candidate, c.tied_with_previous) for c in ranked] == [("a", False), ("b", True)]


# --- the rounding helper -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(73, 20), "3.7"),
        (ExactFloat(73, 20), "3.7"),
        (Fraction(-73, 20), "-3.7"),  # halves away from zero, as Decimal's ROUND_HALF_UP
        (Fraction(1, 3), "0.3"),
        (Fraction(2, 3), "0.7"),
        (Fraction(-1, 30), "-0.0"),
        (Fraction(5), "5.0"),
        (3.65, "3.7"),  # a plain float stands for the decimal it prints as
        (3.6499999999999995, "3.6"),
        (-0.0, "-0.0"),
        (4, "4.0"),
    ],
)
def test_figure_text_rounds_halves_up(value: float | Fraction, text: str) -> None:
    assert figure_text(value) == text


def test_figure_text_to_more_places() -> None:
    assert figure_text(Fraction(2965, 1000), 2) == "2.97"
    assert figure_text(ExactFloat(2, 3), 3) == "0.667"
    assert figure_text(Fraction(29, 10), 0) == "3"


def test_signed_text_keeps_the_exact_value() -> None:
    assert signed_text(ExactFloat(-73, 20)) == "-3.7"
    assert signed_text(ExactFloat(1, 4)) == "+0.3"
    assert signed_text(ExactFloat(0, 1)) == "0.0"


def test_an_exact_float_is_a_float_everywhere_else() -> None:
    figure = ExactFloat(73, 20)
    assert isinstance(figure, float) and figure == 3.65 and hash(figure) == hash(3.65)
    assert json.dumps({"total": figure}) == '{"total": 3.65}'
    assert repr(figure) == "3.65" and f"{figure:.2f}" == "3.65"
    for copied in (copy.deepcopy(figure), pickle.loads(pickle.dumps(figure))):
        assert isinstance(copied, ExactFloat) and copied.exact == Fraction(73, 20)
    assert (-figure).exact == Fraction(-73, 20) and abs(-figure).exact == Fraction(73, 20)
    assert type(figure + 1) is float  # other arithmetic gives a plain float


scores_1_to_5 = st.integers(min_value=1, max_value=5)
# Five weights in thousandths that add up to 1: decimals with up to three places.
thousandths = (
    st.lists(st.integers(min_value=0, max_value=1000), min_size=4, max_size=4)
    .map(lambda cuts: sorted(cuts))
    .map(lambda cuts: [b - a for a, b in zip([0, *cuts], [*cuts, 1000], strict=True)])
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(scores_1_to_5, min_size=5, max_size=5), min_size=1, max_size=4),
    thousandths,
)
def test_the_shown_total_is_the_exact_total_rounded_half_up(
    sheets: list[list[int]], parts: list[int]
) -> None:
    if not any(parts):
        parts = [1000, 0, 0, 0, 0]
    stored = normalise_weights(dict(zip(ATTRIBUTES, (p / 1000 for p in parts), strict=True)))
    by_member = {f"m{i}": dict(zip(ATTRIBUTES, row, strict=True)) for i, row in enumerate(sheets)}
    stage = probe_stage(stored, candidates={"C-01": by_member}, members=tuple(by_member))
    candidate = consolidate_panel_scores(stage).candidates[0]

    # The reference: Decimal weights times exact panel means (sums over members, so the
    # mean is exact as Decimal only after the division; work it as a Fraction).
    means = [Fraction(sum(row[i] for row in sheets), len(sheets)) for i in range(5)]
    used = [(Fraction(p, 1000), m) for p, m in zip(parts, means, strict=True) if p]
    exact = sum(w * m for w, m in used) / sum(w for w, _ in used)
    assert exact_value(candidate.formula_total) == exact
    assert score_text(candidate.formula_total) == _half_up_fraction(exact)
    if _terminates(exact):
        assert score_text(candidate.formula_total) == half_up(exact)


def _terminates(value: Fraction) -> bool:
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def _half_up_fraction(value: Fraction) -> str:
    tenths = math.floor(abs(value) * 10 + Fraction(1, 2))
    return f"{'-' if value < 0 else ''}{tenths // 10}.{tenths % 10}"


def test_weighted_total_is_exact_and_returns_none_without_weighted_values() -> None:
    total = weighted_total({"a": ExactFloat(1, 3), "b": 2.0}, {"a": 0.5, "b": 0.25})
    # (0.5 * 1/3 + 0.25 * 2) / 0.75 = 8/9
    assert total is not None and exact_value(total) == Fraction(8, 9)
    assert weighted_total({"a": None}, {"a": 1.0}) is None
    assert weighted_total({"a": 3.0}, {"a": 0.0}) is None


# --- weights as percentages that add up to 100 ---------------------------------------------


def test_equal_weights_show_equal_shares_when_they_can() -> None:
    assert weights_as_percentages(dict.fromkeys("abcde", 0.2)) == [(key, 20) for key in "abcde"]
    assert weights_as_percentages(normalise_weights(dict.fromkeys("abcde", 1))) == [
        (key, 20) for key in "abcde"
    ]


def test_a_tie_for_the_spare_point_goes_to_the_attribute_listed_first() -> None:
    assert weights_as_percentages(dict.fromkeys("abc", 1)) == [("a", 34), ("b", 33), ("c", 33)]
    assert weights_as_percentages(dict.fromkeys("cba", 1)) == [("c", 34), ("b", 33), ("a", 33)]
    # The stored thirds: the first holds the spare ten-thousandth, so it has the spare point.
    assert weights_as_percentages(normalise_weights(dict.fromkeys("abc", 1))) == [
        ("a", 34), ("b", 33), ("c", 33),
    ]  # fmt: skip


def test_a_tie_is_decided_on_the_decimals_not_their_binary_neighbours() -> None:
    # 1.5% and 0.5% both leave half a point; as floats 0.015 is a little under and 0.005 a
    # little over, which would hand the point to the second.
    assert weights_as_percentages({"a": 0.015, "b": 0.005, "c": 0.98}) == [
        ("a", 2), ("b", 0), ("c", 98),
    ]  # fmt: skip


def test_shares_to_one_decimal_place_add_up_to_100() -> None:
    assert percentage_texts(PROBE_WEIGHTS) == {"values": "30%"} | dict.fromkeys(
        ATTRIBUTES[1:], "17.5%"
    )
    thirds = percentage_texts(dict.fromkeys("abc", 1))
    assert thirds == {"a": "33.4%", "b": "33.3%", "c": "33.3%"}
    # 0.4 / 0.85 and 0.15 / 0.85 three times: rounded alone they add up to 99.9.
    shares = percentage_texts({"values": 0.4, "b": 0.15, "c": 0.15, "d": 0.15})
    assert shares == {"values": "47.1%", "b": "17.7%", "c": "17.6%", "d": "17.6%"}
    assert percentage_texts({"a": 0.0, "b": 0.0}) == {"a": "0%", "b": "0%"}
    assert percentage_texts({"a": 1, "b": 3}, places=0) == {"a": "25%", "b": "75%"}


weight_values = st.one_of(
    st.integers(min_value=0, max_value=1000),
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=10_000).map(lambda n: n / 10_000),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(weight_values, min_size=1, max_size=7), st.sampled_from([0, 1]))
def test_largest_remainder_shares_add_up_and_stay_within_one_unit(
    weights: list[float], places: int
) -> None:
    keyed = {f"k{i}": weight for i, weight in enumerate(weights)}
    if not any(weight > 0 for weight in weights):
        return
    texts = percentage_texts(keyed, places=places)
    shares = {key: Fraction(text.removesuffix("%")) for key, text in texts.items()}
    assert sum(shares.values()) == 100
    whole = sum(exact_weight(weight) for weight in keyed.values())
    unit = Fraction(1, 10**places)
    for key, weight in keyed.items():
        assert abs(shares[key] - exact_weight(weight) * 100 / whole) < unit
    if places == 0:
        assert [p for _, p in weights_as_percentages(keyed)] == [int(s) for s in shares.values()]


# --- only scoring seats count ---------------------------------------------------------------


def test_a_listed_member_who_scored_nothing_changes_no_figure() -> None:
    """The caller lists the scoring seats; a seat that never scores (the HR adviser) left in
    by mistake must not count as a member who found no evidence, or move any figure."""
    with_adviser = consolidate_panel_scores(probe_stage(members=("m1", "m2", "hr")))
    without = consolidate_panel_scores(probe_stage())
    assert with_adviser.candidates == without.candidates
    attribute = with_adviser.candidates[0].attribute("values")
    assert (attribute.count, attribute.no_evidence_count) == (2, 0)
    assert with_adviser.agreement.per_attribute == without.agreement.per_attribute
    assert with_adviser.agreement.members == without.agreement.members == 2
    stage = probe_stage(members=("m1", "m2", "hr"))
    tendencies = {t.member: t for t in member_tendencies(stage.scores, stage.members)}
    assert tendencies["hr"].compared_scores == 0 and tendencies["hr"].mean_difference is None
