"""The panel statistics in integers give exactly what exact fractions give.

Each member's attribute score is a fraction (the mean of their question scores); the
panel's figures and the disagreement flag are worked on those fractions exactly. The code
does it in integers over a common denominator; these tests hold it to the definition.
"""

from __future__ import annotations

import statistics
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from recruit.domain.scoring import consolidate_panel_scores
from recruit.domain.scoring.model import QuestionScore, StageScores, ValuesFloor

QUESTIONS = ("v1", "v2", "v3", "v4", "v5", "v6")
MEMBERS = ("m1", "m2", "m3", "m4", "m5", "m6", "m7")

# Each member answers some of the questions, so their means have different denominators.
member_sheets = st.dictionaries(
    st.sampled_from(MEMBERS),
    st.dictionaries(
        st.sampled_from(QUESTIONS),
        st.one_of(st.none(), st.integers(min_value=1, max_value=5)),
        min_size=1,
    ),
)


def _reference(sheets: dict[str, dict[str, int | None]]) -> tuple[object, ...]:
    means = sorted(
        Fraction(sum(marks), len(marks))
        for marks in ([s for s in answers.values() if s is not None] for answers in sheets.values())
        if marks
    )
    if not means:
        return (0, None, None, None, None, None, False)
    return (
        len(means),
        float(statistics.mean(means)),
        float(statistics.median(means)),
        float(means[0]),
        float(means[-1]),
        float(means[-1] - means[0]),
        means[-1] - means[0] >= 2,
    )


@settings(max_examples=400, deadline=None)
@given(member_sheets)
def test_panel_statistics_equal_the_exact_fraction_definition(sheets):  # type: ignore[no-untyped-def]
    scores = tuple(
        QuestionScore(member, "c1", question, "values", score)
        for member, answers in sheets.items()
        for question, score in answers.items()
    )
    stage = StageScores(
        stage="final_panel",
        attributes=("values",),
        planned={"values": QUESTIONS},
        weights={"values": 1.0},
        members=MEMBERS,
        candidates=("c1",),
        scores=scores,
        floor=ValuesFloor(),
    )
    result = consolidate_panel_scores(stage).candidates[0].attributes[0]
    actual = (
        result.count,
        result.mean,
        result.median,
        result.minimum,
        result.maximum,
        result.spread,
        "disagreement" in result.flags,
    )
    assert actual == _reference(sheets)
