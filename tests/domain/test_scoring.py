"""The scoring rules, worked by hand: consolidation, flags, the values floor, totals, ranking,
combining stages and the evidence quoted in the summary."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recruit.domain import scoring
from recruit.domain.documents.scoring_summary.text import rank_texts
from recruit.domain.scoring import (
    combine_stages,
    consolidate_panel_scores,
    strongest_evidence,
)
from recruit.domain.scoring.agreement import panel_agreement
from recruit.domain.scoring.model import (
    FLAG_ORDER,
    Agreement,
    AttributeResult,
    CandidateResult,
    Moderation,
    QuestionScore,
    StageResult,
    StageScores,
    ValuesFloor,
)
from recruit.domain.scoring.ranking import rank_candidates, weighted_total

ATTRIBUTES = ("values", "decisions", "partnerships")
PLANNED = {
    "values": ("v1", "v2", "v3", "v4"),
    "decisions": ("d1", "d2"),
    "partnerships": ("p1",),
}
ATTRIBUTE_OF = {question: key for key, questions in PLANNED.items() for question in questions}
WEIGHTS = {"values": 0.5, "decisions": 0.3, "partnerships": 0.2}
MEMBERS = ("ann", "bob", "cat", "dev")
VALUES_NAME = "Leadership and change driven by values"


def sheets(candidate: str, **by_member: dict[str, int | None]) -> tuple[QuestionScore, ...]:
    """Scores for one candidate, e.g. ``sheets("c1", ann={"v1": 4, "v2": None})``."""
    return tuple(
        QuestionScore(member, candidate, question, ATTRIBUTE_OF[question], score)
        for member, given_scores in by_member.items()
        for question, score in given_scores.items()
    )


def stage(
    *scores: QuestionScore,
    candidates: tuple[str, ...] = ("c1",),
    planned: dict[str, tuple[str, ...]] | None = None,
    weights: dict[str, float] | None = None,
    moderation: tuple[Moderation, ...] = (),
    floor: ValuesFloor | None = None,
    name: str = "final_panel",
) -> StageScores:
    members = tuple(dict.fromkeys((*MEMBERS, *(score.member for score in scores))))
    return StageScores(
        stage=name,
        attributes=ATTRIBUTES,
        planned=PLANNED if planned is None else planned,
        weights=WEIGHTS if weights is None else weights,
        members=members,
        candidates=candidates,
        scores=scores,
        moderation={entry.candidate: entry for entry in moderation},
        floor=floor or ValuesFloor(),
    )


def result_for(scores: StageScores, candidate: str = "c1", **names: str) -> CandidateResult:
    consolidated = consolidate_panel_scores(scores, names)
    return next(result for result in consolidated.candidates if result.candidate == candidate)


# Consolidating one attribute


def test_member_score_is_the_mean_of_their_question_scores():
    # ann: (2 + 4) / 2 = 3; bob: 5 (No evidence left out); cat: 4.
    scores = sheets("c1", ann={"v1": 2, "v2": 4}, bob={"v1": 5, "v2": None}, cat={"v1": 4, "v2": 4})
    values = result_for(stage(*scores)).attribute("values")
    assert (values.count, values.no_evidence_count) == (3, 0)
    assert (values.mean, values.median, values.minimum, values.maximum) == (4, 4, 3, 5)
    assert values.spread == 2
    assert values.flags == ("disagreement",)


def test_a_spread_of_exactly_two_is_flagged_despite_float_noise():
    # ann 5/3, bob 11/3: in floats 11/3 - 5/3 is 1.9999999999999998.
    assert 11 / 3 - 5 / 3 < 2
    scores = sheets("c1", ann={"v1": 1, "v2": 2, "v3": 2}, bob={"v1": 3, "v2": 4, "v3": 4})
    values = result_for(stage(*scores)).attribute("values")
    assert values.spread == pytest.approx(2)
    assert "disagreement" in values.flags


def test_a_spread_just_under_two_is_not_flagged():
    # ann (1 + 2 + 2 + 2) / 4 = 1.75; bob (3 + 4 + 4) / 3 = 3.67: spread 23/12, about 1.92.
    scores = sheets(
        "c1", ann={"v1": 1, "v2": 2, "v3": 2, "v4": 2}, bob={"v1": 3, "v2": 4, "v3": 4, "v4": None}
    )
    values = result_for(stage(*scores)).attribute("values")
    assert values.spread == pytest.approx(23 / 12)
    assert "disagreement" not in values.flags


def test_no_evidence_is_not_a_low_score():
    scores = sheets("c1", ann={"v1": None, "v2": None}, bob={"v1": 4}, cat={"v1": 4, "v2": None})
    result = result_for(stage(*scores))
    values = result.attribute("values")
    assert (values.count, values.no_evidence_count) == (2, 1)
    assert (values.mean, values.minimum, values.spread) == (4, 4, 0)
    assert values.flags == ()
    assert not result.floor_breached


@pytest.mark.parametrize(
    ("members", "flagged"),
    [
        ({"ann": {"p1": None}, "bob": {"p1": None}, "cat": {"p1": 4}}, True),
        ({"ann": {"p1": None}, "bob": {"p1": None}, "cat": {"p1": 4}, "dev": {"p1": 3}}, False),
        # dev and cat gave nothing at all on it, so only ann and bob responded: half each.
        ({"ann": {"p1": None}, "bob": {"p1": 4}}, False),
    ],
)
def test_mostly_no_evidence_needs_more_than_half_of_those_who_responded(members, flagged):
    partnerships = result_for(stage(*sheets("c1", **members))).attribute("partnerships")
    assert ("mostly_no_evidence" in partnerships.flags) is flagged


def test_only_no_evidence_is_assessed_but_mostly_no_evidence():
    partnerships = result_for(stage(*sheets("c1", ann={"p1": None}))).attribute("partnerships")
    assert (partnerships.count, partnerships.no_evidence_count) == (0, 1)
    assert partnerships.mean is None
    assert partnerships.flags == ("mostly_no_evidence",)


@pytest.mark.parametrize(
    "planned",
    [
        {"values": ("v1",), "decisions": ("d1",)},
        {"values": ("v1",), "decisions": ("d1",), "partnerships": ()},
    ],
)
def test_not_assessed_when_the_plan_has_no_question_on_it(planned):
    # A score on an unplanned attribute is left out of the result and the total.
    scores = sheets("c1", ann={"v1": 4, "d1": 4, "p1": 1})
    result = result_for(stage(*scores, planned=planned))
    partnerships = result.attribute("partnerships")
    assert (partnerships.count, partnerships.mean) == (0, None)
    assert partnerships.flags == ("not_assessed",)
    assert result.formula_total == 4


def test_not_assessed_when_planned_but_nobody_responded():
    result = result_for(stage(*sheets("c1", ann={"v1": 4})))
    decisions = result.attribute("decisions")
    assert (decisions.count, decisions.no_evidence_count, decisions.mean) == (0, 0, None)
    assert (decisions.median, decisions.minimum, decisions.maximum, decisions.spread) == (
        None,
        None,
        None,
        None,
    )
    assert decisions.flags == ("not_assessed",)


# The values floor


def test_floor_breached_by_the_panel_mean():
    # ann (2 + 3) / 2 = 2.5, bob 3, cat 3: mean 8.5 / 3 = 2.83.
    scores = sheets("c1", ann={"v1": 2, "v2": 3}, bob={"v1": 3}, cat={"v1": 3})
    result = result_for(stage(*scores), values=VALUES_NAME)
    assert result.floor_breached
    assert result.floor_reasons == (f"Panel mean of 2.8 on {VALUES_NAME} is below 3",)
    assert "values_floor" in result.attribute("values").flags
    assert not result.appointable_by_rule


def test_floor_mean_just_under_the_minimum_is_not_shown_as_equal_to_it():
    # (2.75 + 6 * 3) / 7 = 2.964...: "3.0 is below 3" would read as nonsense.
    members = {f"m{n}": {"v1": 3} for n in range(6)}
    scores = sheets("c1", ann={"v1": 3, "v2": 3, "v3": 3, "v4": 2}, **members)
    result = result_for(stage(*scores))
    assert result.floor_reasons == ("Panel mean of 2.96 on values is below 3",)


def test_floor_minimum_is_configurable():
    scores = sheets("c1", ann={"v1": 2}, bob={"v1": 3})
    assert not result_for(stage(*scores, floor=ValuesFloor(minimum_mean=2.5))).floor_breached
    breached = result_for(stage(*scores, floor=ValuesFloor(minimum_mean=2.6)))
    assert breached.floor_reasons == ("Panel mean of 2.5 on values is below 2.6",)


# A council that keeps the older rule: a single very low score breaches the floor.
VETO = ValuesFloor(single_score_veto=True)


def test_a_single_one_does_not_breach_the_floor_by_default():
    # It is a red flag for the panel to discuss instead (see test_red_flags.py).
    scores = sheets("c1", ann={"v1": 1, "v2": 5, "v3": 5, "v4": 5}, bob={"v1": 5}, cat={"v1": 5})
    result = result_for(stage(*scores))
    assert not result.floor_breached and result.floor_reasons == ()
    assert result.attribute("values").flags == ()  # ann's values score is 4, her mean


def test_floor_breached_by_a_single_one_whatever_the_mean_under_the_veto():
    scores = sheets("c1", ann={"v1": 1, "v2": 5, "v3": 5, "v4": 5}, bob={"v1": 5}, cat={"v1": 5})
    result = result_for(stage(*scores, floor=VETO))
    assert result.attribute("values").mean == pytest.approx(14 / 3)
    assert result.floor_breached
    assert result.floor_reasons == ("A member scored 1 on values",)


def test_single_score_reason_counts_members_and_reads_a_higher_threshold():
    scores = sheets("c1", ann={"v1": 2, "v2": 5}, bob={"v1": 2, "v2": 5}, cat={"v1": 5})
    floor = ValuesFloor(lowest_single_score=2, single_score_veto=True)
    result = result_for(stage(*scores, floor=floor))
    assert result.floor_reasons == ("2 members scored 2 or lower on values",)


def test_floor_breached_by_the_agreed_score():
    scores = sheets("c1", ann={"v1": 4}, bob={"v1": 3})
    moderation = Moderation("c1", agreed={"values": 2.5})
    result = result_for(stage(*scores, moderation=(moderation,)))
    assert result.floor_reasons == ("Agreed score of 2.5 on values is below 3",)
    assert result.attribute("values").flags == ("values_floor",)


def test_an_agreed_score_above_the_floor_does_not_clear_a_low_panel_mean():
    scores = sheets("c1", ann={"v1": 2}, bob={"v1": 3})
    moderation = Moderation("c1", agreed={"values": 3.0})
    result = result_for(stage(*scores, moderation=(moderation,)))
    assert result.floor_reasons == ("Panel mean of 2.5 on values is below 3",)


@pytest.mark.parametrize(("reason", "overridden"), [("Strong references", True), ("   ", False)])
def test_floor_override_needs_a_reason(reason, overridden):
    scores = sheets("c1", ann={"v1": 1}, bob={"v1": 4})
    moderation = Moderation("c1", floor_override_reason=reason, outcome="appointable")
    result = result_for(stage(*scores, moderation=(moderation,)))
    assert result.floor_breached
    assert result.floor_overridden is overridden
    assert result.appointable_by_rule is overridden
    assert (result.override_reason, result.outcome) == (reason, "appointable")


def test_a_reason_without_a_breach_is_not_an_override():
    moderation = Moderation("c1", floor_override_reason="Just in case")
    result = result_for(stage(*sheets("c1", ann={"v1": 4}), moderation=(moderation,)))
    assert not result.floor_breached and not result.floor_overridden


def test_values_never_scored_does_not_breach_the_floor_but_shows_not_assessed():
    result = result_for(stage(*sheets("c1", ann={"d1": 4}, bob={"d1": 4})))
    assert not result.floor_breached
    assert result.floor_reasons == ()
    assert result.attribute("values").flags == ("not_assessed",)


def test_flags_come_in_flag_order():
    # A 1 and a 3: floor breached by the mean of 2, and a spread of 2.
    result = result_for(stage(*sheets("c1", ann={"v1": 1}, bob={"v1": 3})))
    assert result.attribute("values").flags == ("values_floor", "disagreement")
    assert FLAG_ORDER.index("values_floor") < FLAG_ORDER.index("disagreement")


# Totals and moderation

FULL = sheets("c1", ann={"v1": 4, "d1": 2, "p1": 3}, bob={"v1": 4, "d1": 2, "p1": 3})


def test_weighted_total_with_unequal_weights():
    # 0.5 * 4 + 0.3 * 2 + 0.2 * 3 = 3.2
    assert result_for(stage(*FULL)).formula_total == pytest.approx(3.2)


def test_weighted_total_leaves_out_an_unassessed_attribute_and_stays_on_the_scale():
    # (0.5 * 4 + 0.3 * 2) / 0.8 = 3.25
    scores = sheets("c1", ann={"v1": 4, "d1": 2}, bob={"v1": 4, "d1": 2})
    assert result_for(stage(*scores)).formula_total == pytest.approx(3.25)


@pytest.mark.parametrize(
    ("weights", "total"),
    [
        ({"values": 5, "decisions": 3, "partnerships": 2}, 3.2),  # not normalised
        ({"values": 0.5, "decisions": 0.3, "partnerships": 0}, 3.25),  # zero weight ignored
        ({"values": 0.5, "decisions": 0.3}, 3.25),  # no weight at all
        ({"partnerships": 1.0}, 3),
    ],
)
def test_weighted_total_does_not_rely_on_normalised_weights(weights, total):
    assert result_for(stage(*FULL, weights=weights)).formula_total == pytest.approx(total)


def test_no_total_when_nothing_weighted_was_assessed():
    scores = sheets("c1", ann={"p1": 3})
    result = result_for(stage(*scores, weights={"values": 0.6, "decisions": 0.4}))
    assert result.formula_total is None and result.total is None


def test_weighted_total_of_equal_values_has_no_float_noise():
    values = {"a": 3.0, "b": 3.0, "c": 3.0}
    assert weighted_total(values, {"a": 0.1, "b": 0.2, "c": 0.7}) == 3.0


def test_moderated_total_uses_agreed_scores_where_set_and_means_elsewhere():
    moderation = Moderation("c1", agreed={"decisions": 3.0}, outcome="reserve")
    result = result_for(stage(*FULL, moderation=(moderation,)))
    # 0.5 * 4 + 0.3 * 3 + 0.2 * 3 = 3.5
    assert result.moderated_total == pytest.approx(3.5)
    assert result.formula_total == pytest.approx(3.2)
    assert result.total == pytest.approx(3.5)
    assert result.attribute("decisions").agreed == 3.0
    assert result.attribute("decisions").result == 3.0
    assert result.outcome == "reserve"


def test_no_moderated_total_without_an_agreed_score():
    moderation = Moderation("c1", outcome="appointable")
    result = result_for(stage(*FULL, moderation=(moderation,)))
    assert result.moderated_total is None
    assert result.total == pytest.approx(3.2)
    assert result.outcome == "appointable"


# Ranking


def candidate(
    key: str,
    total: float | None,
    values: float | None = 3.0,
    decisions: float | None = 3.0,
    *,
    moderated: float | None = None,
    breached: bool = False,
    overridden: bool = False,
) -> CandidateResult:
    def attribute(name: str, mean: float | None) -> AttributeResult:
        return AttributeResult(name, 2, 0, mean, mean, mean, mean, 0.0)

    return CandidateResult(
        candidate=key,
        attributes=(attribute("values", values), attribute("decisions", decisions)),
        formula_total=total,
        moderated_total=moderated,
        floor_breached=breached,
        floor_reasons=("reason",) if breached else (),
        floor_overridden=overridden,
        override_reason="reason" if overridden else None,
        outcome=None,
        rank=0,
    )


def order(*candidates: CandidateResult) -> list[tuple[str, int, bool]]:
    return [
        (c.candidate, c.rank, c.tied_with_previous) for c in rank_candidates(candidates, "values")
    ]


def test_candidates_the_floor_allows_come_first_whatever_their_total():
    stopped = candidate("a", 4.8, breached=True)
    assert order(stopped, candidate("b", 2.0)) == [("b", 1, False), ("a", 2, False)]
    allowed = candidate("a", 4.8, breached=True, overridden=True)
    assert order(allowed, candidate("b", 2.0)) == [("a", 1, False), ("b", 2, False)]


def test_higher_total_next_using_the_moderated_total_and_no_total_last():
    moderated_down = candidate("a", 4.0, moderated=3.0)
    ranked = order(candidate("z", None), moderated_down, candidate("b", 3.5))
    assert ranked == [("b", 1, False), ("a", 2, False), ("z", 3, False)]


def test_equal_totals_go_to_the_higher_values_result():
    ranked = order(candidate("a", 3.5, values=3.0), candidate("b", 3.5, values=4.0))
    assert ranked == [("b", 1, False), ("a", 2, False)]


def test_missing_values_result_ranks_below_a_present_one():
    ranked = order(candidate("a", 3.5, values=None), candidate("b", 3.5, values=1.0))
    assert ranked == [("b", 1, False), ("a", 2, False)]


def test_then_the_higher_lowest_attribute_result():
    ranked = order(
        candidate("a", 3.5, values=4.0, decisions=2.0),
        candidate("b", 3.5, values=4.0, decisions=3.0),
    )
    assert ranked == [("b", 1, False), ("a", 2, False)]


def test_then_the_candidate_key_and_the_tie_is_marked():
    ranked = order(candidate("b", 3.5), candidate("a", 3.5), candidate("c", 3.4))
    assert ranked == [("a", 1, False), ("b", 2, True), ("c", 3, False)]


def test_ties_are_exact_so_any_difference_separates_candidates():
    # Figures are compared exactly: the rules' totals are exact fractions, so there is no
    # float noise to forgive, and 3.500000000001 is more than 3.5.
    ranked = order(candidate("a", 3.5), candidate("b", 3.5 + 1e-12), candidate("c", 3.4))
    assert ranked == [("b", 1, False), ("a", 2, False), ("c", 3, False)]


def test_a_tie_broken_only_by_the_floor_is_not_marked():
    ranked = order(candidate("a", 3.5, breached=True), candidate("b", 3.5))
    assert ranked == [("b", 1, False), ("a", 2, False)]


def test_a_candidate_the_stage_never_assessed_ranks_below_even_one_the_floor_stops():
    unheard = candidate("a", None, values=None, decisions=None)
    stopped = candidate("z", 2.0, breached=True)
    ranked = order(unheard, stopped, candidate("m", 3.0))
    assert ranked == [("m", 1, False), ("z", 2, False), ("a", 3, False)]


def test_rank_texts_share_a_tied_place_and_leave_the_unassessed_unranked():
    ranked = rank_candidates(
        [
            candidate("a", 3.5),
            candidate("b", 3.5),
            candidate("c", 3.4),
            candidate("x", None, values=None, decisions=None),
            candidate("y", None, values=None, decisions=None),
        ],
        "values",
    )
    assert rank_texts(ranked) == ["1=", "1=", "3", "Not ranked", "Not ranked"]


def test_consolidating_ranks_the_candidates():
    scores = (
        *sheets("c1", ann={"v1": 3, "d1": 3}, bob={"v1": 3, "d1": 3}),
        *sheets("c2", ann={"v1": 5, "d1": 4}, bob={"v1": 4, "d1": 4}),
        *sheets("c3", ann={"v1": 5, "d1": 5}, bob={"v1": 1, "d1": 5}),
    )
    candidates = ("c1", "c2", "c3")
    consolidated = consolidate_panel_scores(stage(*scores, candidates=candidates, floor=VETO))
    assert [(c.candidate, c.rank) for c in consolidated.candidates] == [
        ("c2", 1),
        ("c1", 2),
        ("c3", 3),  # highest total, but a 1 on values under the veto
    ]
    assert consolidated.stage == "final_panel"
    assert consolidated.weights == WEIGHTS and consolidated.floor == VETO
    # By default the 1 is a red flag to discuss, and c3's values mean of 3 is at the floor,
    # not below it: c3 (total 3.75) ranks above c1 (3.0).
    ranked = consolidate_panel_scores(stage(*scores, candidates=candidates)).candidates
    assert [c.candidate for c in ranked] == ["c2", "c3", "c1"]
    assert sum(r.units for r in consolidated.agreement.per_attribute.values()) == 6


def test_agreement_is_measured_when_first_read_and_then_kept(monkeypatch):
    measured: list[StageScores] = []

    def measuring(scores: StageScores) -> Agreement:
        measured.append(scores)
        return panel_agreement(scores)

    monkeypatch.setattr(scoring, "panel_agreement", measuring)
    scores = stage(*sheets("c1", ann={"v1": 3, "d1": 4}, bob={"v1": 2, "d1": 4}))
    consolidated = consolidate_panel_scores(scores)
    assert measured == []  # ranking alone (the comparison) never measures it
    first = consolidated.agreement
    assert consolidated.agreement is first and measured == [scores]
    assert first == panel_agreement(scores)


# Combining stages


def two_stages(c2_override: str | None) -> tuple[StageResult, StageResult]:
    first = stage(
        *sheets("c1", ann={"v1": 4, "d1": 2}, bob={"v1": 4, "d1": 4}),
        *sheets("c2", ann={"v1": 1, "d1": 4}, bob={"v1": 5, "d1": 4}),
        candidates=("c1", "c2"),
        moderation=(Moderation("c2", floor_override_reason=c2_override, outcome="reserve"),),
        floor=VETO,  # c2's single 1 breaches the floor here, whatever its mean of 3
        name="stakeholder_panel",
    )
    second = stage(
        *sheets("c1", ann={"v1": 5, "d1": 3}, bob={"v1": 5, "d1": 3}),
        *sheets("c2", ann={"v1": 4, "d1": 2}, bob={"v1": 4, "d1": 2}),
        *sheets("c3", ann={"v1": 3, "d1": 3}, bob={"v1": 3, "d1": None}),
        candidates=("c1", "c2", "c3"),
        moderation=(Moderation("c1", agreed={"decisions": 4.0}, outcome="appointable"),),
    )
    return consolidate_panel_scores(first), consolidate_panel_scores(second)


def combined(
    c2_override: str | None = "Strong values evidence later",
) -> dict[str, CandidateResult]:
    results = combine_stages(
        two_stages(c2_override), ATTRIBUTES, stage_names={"stakeholder_panel": "Stakeholder panel"}
    )
    return {result.candidate: result for result in results}


def test_combined_attribute_is_the_mean_of_the_stage_results():
    c1 = combined()["c1"]
    values, decisions = c1.attribute("values"), c1.attribute("decisions")
    assert (values.mean, values.minimum, values.maximum, values.spread) == (4.5, 4, 5, 1)
    assert (values.count, values.no_evidence_count) == (4, 0)
    # Stage results 3 (mean) and 4 (agreed): the agreed score counts, and sits in the mean.
    assert (decisions.mean, decisions.agreed, decisions.result) == (3.5, None, 3.5)
    assert decisions.flags == ("disagreement",)  # 2 and 4 at the first stage
    assert c1.attribute("partnerships").flags == ("not_assessed",)


def test_combined_totals_are_means_of_the_stage_totals():
    c1, c2 = combined()["c1"], combined()["c2"]
    # c1 formula: (2 + 0.9) / 0.8 = 3.625 and (2.5 + 0.9) / 0.8 = 4.25.
    assert c1.formula_total == pytest.approx((3.625 + 4.25) / 2)
    # c1 moderated: stage totals 3.625 and (2.5 + 1.2) / 0.8 = 4.625.
    assert c1.moderated_total == pytest.approx((3.625 + 4.625) / 2)
    assert c1.outcome == "appointable"
    # c2: (1.5 + 1.2) / 0.8 = 3.375 and (2 + 0.6) / 0.8 = 3.25; never moderated.
    assert c2.formula_total == pytest.approx(3.3125)
    assert c2.moderated_total is None
    assert c2.outcome == "reserve"  # the last stage with an outcome


def test_combined_floor_overridden_when_every_breaching_stage_was():
    c2 = combined()["c2"]
    assert c2.floor_breached and c2.floor_overridden
    assert c2.floor_reasons == ("Stakeholder panel: A member scored 1 on values",)
    assert c2.override_reason == "Strong values evidence later"
    assert c2.attribute("values").flags == ("disagreement",)


def test_combined_floor_not_overridden_flags_values_and_ranks_last():
    results = combined(c2_override=None)
    c2 = results["c2"]
    assert c2.floor_breached and not c2.floor_overridden
    assert c2.attribute("values").flags == ("values_floor", "disagreement")
    assert [(key, r.rank) for key, r in sorted(results.items(), key=lambda kv: kv[1].rank)] == [
        ("c1", 1),
        ("c3", 2),
        ("c2", 3),
    ]


def test_combined_ranking_covers_candidates_seen_at_one_stage():
    results = combined()
    assert sorted((r.rank, key) for key, r in results.items()) == [(1, "c1"), (2, "c2"), (3, "c3")]
    c3 = results["c3"]
    assert c3.formula_total == pytest.approx(3.0)
    assert c3.attribute("decisions").count == 1 and c3.attribute("decisions").no_evidence_count == 1


def test_combined_floor_needs_every_breaching_stage_overridden():
    override = (Moderation("c1", floor_override_reason="Panel agreed"),)
    scores = sheets("c1", ann={"v1": 1}, bob={"v1": 5})
    first = stage(*scores, moderation=override, floor=VETO, name="one")
    second = stage(*scores, floor=VETO)
    (c1,) = combine_stages(
        [consolidate_panel_scores(first), consolidate_panel_scores(second)], ATTRIBUTES
    )
    assert c1.floor_breached and not c1.floor_overridden
    assert "values_floor" in c1.attribute("values").flags
    assert c1.floor_reasons == (
        "one: A member scored 1 on values",
        "final_panel: A member scored 1 on values",
    )


def test_combined_attribute_assessed_at_one_stage_is_assessed():
    first = stage(*sheets("c1", ann={"d1": 4}), name="one")
    second = stage(*sheets("c1", ann={"v1": 4, "d1": 2}))
    (c1,) = combine_stages(
        [consolidate_panel_scores(first), consolidate_panel_scores(second)], ATTRIBUTES
    )
    values = c1.attribute("values")
    assert values.flags == ()
    assert (values.mean, values.count) == (4, 1)
    assert c1.attribute("decisions").mean == 3


def test_combined_mostly_no_evidence_uses_the_summed_counts():
    first = stage(*sheets("c1", ann={"v1": 4, "p1": None}, bob={"v1": 4, "p1": 3}), name="one")
    second = stage(*sheets("c1", ann={"v1": 4, "p1": None}, bob={"v1": 4, "p1": None}))
    results = combine_stages(
        [consolidate_panel_scores(first), consolidate_panel_scores(second)], ATTRIBUTES
    )
    partnerships = results[0].attribute("partnerships")
    assert (partnerships.count, partnerships.no_evidence_count) == (1, 3)
    assert partnerships.flags == ("mostly_no_evidence",)
    assert partnerships.mean == 3


def test_combining_no_stages_gives_no_candidates():
    assert combine_stages([], ATTRIBUTES) == ()


# Evidence for the summary


def note(member: str, question: str, score: int | None, evidence: str, **kw: str) -> QuestionScore:
    return QuestionScore(
        member,
        kw.get("candidate", "c1"),
        question,
        kw.get("attribute", "values"),
        score,
        evidence,
    )


EVIDENCE = (
    note("ann", "v1", 5, "Short"),
    note("cat", "v1", 5, "A much longer note"),
    note("bob", "v1", 5, "A much longer note"),
    note("dev", "v1", None, "Asked twice and heard nothing"),
    note("ann", "v2", 4, "Good"),
    note("ann", "v3", 5, ""),
    note("bob", "v3", 5, "   "),
    note("ann", "v1", 5, "Another candidate entirely", candidate="c2"),
    note("ann", "d1", 5, "Another attribute entirely", attribute="decisions"),
)


def test_strongest_evidence_prefers_high_scores_then_longer_notes_then_member():
    chosen = strongest_evidence(EVIDENCE, "c1", "values")
    assert [(e.member, e.evidence) for e in chosen] == [
        ("bob", "A much longer note"),
        ("cat", "A much longer note"),
    ]


def test_strongest_evidence_skips_blank_notes_and_no_evidence():
    chosen = strongest_evidence(EVIDENCE, "c1", "values", limit=10)
    assert [(e.member, e.score) for e in chosen] == [("bob", 5), ("cat", 5), ("ann", 5), ("ann", 4)]
    assert strongest_evidence(EVIDENCE, "c1", "partnerships") == ()


# Properties

MEMBER_KEYS = ("ann", "bob", "cat")
CANDIDATE_KEYS = ("c1", "c2", "c3")
submissions = st.dictionaries(
    st.tuples(
        st.sampled_from(MEMBER_KEYS),
        st.sampled_from(CANDIDATE_KEYS),
        st.sampled_from(("v1", "v2", "d1", "d2", "p1")),
    ),
    st.one_of(st.none(), st.integers(1, 5)),
)
weight_sets = st.fixed_dictionaries(
    {key: st.floats(0, 10, allow_nan=False, allow_infinity=False) for key in ATTRIBUTES}
)


def stage_from(submitted: dict[tuple[str, str, str], int | None], weights: dict[str, float]):
    scores = tuple(
        QuestionScore(member, cand, question, ATTRIBUTE_OF[question], score)
        for (member, cand, question), score in submitted.items()
    )
    return stage(*scores, candidates=CANDIDATE_KEYS, weights=weights)


@settings(max_examples=150, deadline=None)
@given(submissions, weight_sets)
def test_statistics_hold_together(submitted, weights):
    for result in consolidate_panel_scores(stage_from(submitted, weights)).candidates:
        for attribute in result.attributes:
            assert attribute.count + attribute.no_evidence_count <= len(MEMBER_KEYS)
            if attribute.count == 0:
                assert attribute.mean is None and attribute.spread is None
                continue
            assert attribute.minimum <= attribute.mean <= attribute.maximum
            assert attribute.minimum <= attribute.median <= attribute.maximum
            assert attribute.spread == pytest.approx(attribute.maximum - attribute.minimum)
            assert 1 <= attribute.minimum and attribute.maximum <= 5


@settings(max_examples=150, deadline=None)
@given(submissions, weight_sets)
def test_ranks_are_a_permutation_and_totals_stay_within_the_weighted_values(submitted, weights):
    candidates = consolidate_panel_scores(stage_from(submitted, weights)).candidates
    assert [c.rank for c in candidates] == list(range(1, len(CANDIDATE_KEYS) + 1))
    assert sorted(c.candidate for c in candidates) == list(CANDIDATE_KEYS)
    for result in candidates:
        weighted = [
            a.mean for a in result.attributes if a.mean is not None and weights[a.attribute] > 0
        ]
        if not weighted:
            assert result.formula_total is None
        else:
            assert min(weighted) <= result.formula_total <= max(weighted)


@settings(max_examples=100, deadline=None)
@given(submissions, submissions)
def test_combined_ranks_are_a_permutation(first, second):
    stages = [
        consolidate_panel_scores(dataclasses.replace(stage_from(first, WEIGHTS), stage="one")),
        consolidate_panel_scores(stage_from(second, WEIGHTS)),
    ]
    results = combine_stages(stages, ATTRIBUTES)
    assert [c.rank for c in results] == list(range(1, len(results) + 1))
    for result in results:
        for attribute in result.attributes:
            if attribute.mean is not None:
                assert attribute.minimum <= attribute.mean <= attribute.maximum
