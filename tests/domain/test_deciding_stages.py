"""Only the deciding stage's results make the decision: advisory stages report beside it and
are never averaged in, whatever their figures."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from recruit.domain.comparison import compare_candidates
from recruit.domain.scoring import combine_stages
from recruit.domain.scoring.model import StageResult
from tests.domain.test_comparison import ATTRIBUTES, stage_result

SCORE = st.one_of(st.none(), st.integers(min_value=1, max_value=5))
FIGURES = st.dictionaries(
    st.sampled_from(["A", "B", "C"]),
    st.tuples(SCORE, SCORE, SCORE),
    min_size=1,
)


def advisory(result: StageResult) -> StageResult:
    return replace(result, deciding=False)


@settings(max_examples=60, deadline=None)
@given(deciding=FIGURES, advisers=st.lists(FIGURES, max_size=3))
def test_advisory_stages_never_change_the_decision(deciding, advisers):
    decision = stage_result(deciding, name="Members' panel")
    reports = [advisory(stage_result(f, name=f"Advisory {i}")) for i, f in enumerate(advisers)]

    alone = combine_stages([decision], ATTRIBUTES)
    with_reports = combine_stages([*reports, decision, *reports[:1]], ATTRIBUTES)

    assert with_reports == alone


def test_the_combined_figures_are_the_deciding_stages_own():
    decision = stage_result({"A": (2, 2, 2), "B": (3, 3, 3)}, name="Members' panel")
    young_people = advisory(stage_result({"A": (5, 5, 5), "B": (1, 1, 1)}, name="Young people"))

    combined = {c.candidate: c for c in combine_stages([young_people, decision], ATTRIBUTES)}

    by_stage = {c.candidate: c for c in decision.candidates}
    assert [combined[key].total for key in "AB"] == [by_stage[key].total for key in "AB"]
    assert [combined[key].rank for key in "AB"] == [2, 1]


def test_without_a_deciding_stage_there_is_no_decision_yet():
    young_people = advisory(stage_result({"A": (5, 5, 5)}, name="Young people"))

    assert combine_stages([young_people], ATTRIBUTES) == ()


def test_the_comparison_ranks_on_the_deciding_stage_and_names_it():
    decision = stage_result({"A": (2, 2, 2), "B": (3, 3, 3)}, name="Members' panel")
    young_people = advisory(stage_result({"A": (5, 5, 5), "B": (1, 1, 1)}, name="Young people"))

    comparison = compare_candidates([young_people, decision], ATTRIBUTES)

    assert comparison.deciding == ("Members' panel",)
    assert comparison.stages == ("Young people", "Members' panel")
    assert [c.candidate for c in comparison.candidates] == ["B", "A"]
    # The advisory stage's figures are still there, stage by stage, beside the decision.
    assert all("Young people" in c.stage_results for c in comparison.candidates)
