"""Member tendencies in integers give exactly what the exact-fraction definition gives."""

from __future__ import annotations

import math
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from recruit.domain.scoring.agreement import IN_LINE, TOO_FEW_SHARED, member_tendencies
from recruit.domain.scoring.model import QuestionScore

MEMBERS = ("m1", "m2", "m3", "m4", "m5", "m6", "m7")


def _reference(units: list[dict[str, int]], member: str) -> tuple[float | None, int, str]:
    """The tendency as first written, in Fractions: the definition the integers must meet."""
    differences = [
        ratings[member]
        - Fraction(sum(s for m, s in ratings.items() if m != member), len(ratings) - 1)
        for ratings in units
        if member in ratings and len(ratings) > 1
    ]
    if not differences:
        return None, 0, TOO_FEW_SHARED
    difference = sum(differences, Fraction(0)) / len(differences)
    if abs(difference) < Fraction(1, 4):
        return float(difference), len(differences), IN_LINE
    direction = "higher" if difference > 0 else "lower"
    tenths = math.floor(abs(difference) * 10 + Fraction(1, 2))
    text = f"Scores about {tenths / 10:.1f} {direction} than the other members on average."
    return float(difference), len(differences), text


unit_ratings = st.dictionaries(
    st.sampled_from(MEMBERS), st.integers(min_value=1, max_value=5), min_size=1
)


@settings(max_examples=400, deadline=None)
@given(st.lists(unit_ratings, max_size=40))
def test_tendencies_equal_the_fraction_definition(units):  # type: ignore[no-untyped-def]
    scores = [
        QuestionScore(member, "c1", f"q{n}", "values", score)
        for n, ratings in enumerate(units)
        for member, score in ratings.items()
    ]
    tendencies = member_tendencies(scores, MEMBERS)
    for tendency in tendencies:
        expected = _reference(units, tendency.member)
        assert (tendency.mean_difference, tendency.compared_scores, tendency.reading) == expected


def test_boundaries_are_exact():
    # Differences of exactly a quarter and of x.x5 sit on the in-line and rounding edges.
    for ratings, reading in (
        ([{"m1": 4, "m2": 3}] + [{"m1": 3, "m2": 3}] * 3, "0.3 higher"),
        ([{"m1": 3, "m2": 4}] + [{"m1": 3, "m2": 3}] * 3, "0.3 lower"),
        ([{"m1": 4, "m2": 3}] * 3 + [{"m1": 3, "m2": 3}] * 17, IN_LINE),
        ([{"m1": 5, "m2": 4, "m3": 3}, {"m1": 3, "m2": 3, "m3": 3}], "0.8 higher"),
    ):
        scores = [
            QuestionScore(member, "c1", f"q{n}", "values", score)
            for n, unit in enumerate(ratings)
            for member, score in unit.items()
        ]
        tendency = member_tendencies(scores, ("m1",))[0]
        assert reading in tendency.reading
        assert tendency.reading == _reference(ratings, "m1")[2]
