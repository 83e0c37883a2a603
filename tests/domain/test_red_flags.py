"""Red flags: a member's very low score on values is a serious concern the panel must discuss
and record, not an automatic veto. The mean-based values floor is unchanged, and a council
that chooses ``single_score_veto`` keeps the older rule exactly."""

from __future__ import annotations

import dataclasses

from recruit.domain.scoring import consolidate_panel_scores, red_flags
from recruit.domain.scoring.model import (
    CandidateResult,
    QuestionScore,
    StageScores,
    ValuesFloor,
)
from tests.domain.scoring_summary_helpers import build, stage_summary
from tests.support.word import all_text

PLANNED = {"values": ("v1", "v2"), "decisions": ("d1",)}
ATTRIBUTE_OF = {question: key for key, questions in PLANNED.items() for question in questions}
VETO = ValuesFloor(single_score_veto=True)


def score(member: str, candidate: str, question: str, given: int | None) -> QuestionScore:
    return QuestionScore(member, candidate, question, ATTRIBUTE_OF[question], given, "A note")


def stage(
    *scores: QuestionScore,
    floor: ValuesFloor | None = None,
    planned: dict[str, tuple[str, ...]] | None = None,
) -> StageScores:
    return StageScores(
        stage="final_panel",
        attributes=("values", "decisions"),
        planned=PLANNED if planned is None else planned,
        weights={"values": 0.6, "decisions": 0.4},
        members=("ann", "bob", "cat"),
        candidates=("c1", "c2"),
        scores=scores,
        floor=floor or ValuesFloor(),
    )


def result(scores: StageScores, candidate: str = "c1") -> CandidateResult:
    return next(
        found
        for found in consolidate_panel_scores(scores).candidates
        if found.candidate == candidate
    )


def test_a_one_on_a_values_question_is_a_red_flag_naming_member_question_and_score():
    low = score("bob", "c1", "v2", 1)
    scores = stage(score("ann", "c1", "v1", 5), low, score("cat", "c1", "v1", 4))
    assert red_flags(scores) == {"c1": (low,)}


def test_every_low_score_counts_in_the_order_given_and_per_candidate():
    first, second, third = (
        score("ann", "c1", "v1", 1),
        score("bob", "c1", "v2", 1),
        score("ann", "c2", "v2", 1),
    )
    scores = stage(first, score("cat", "c1", "v1", 5), second, third)
    assert red_flags(scores) == {"c1": (first, second), "c2": (third,)}


def test_no_red_flag_from_no_evidence_a_two_or_another_attribute():
    scores = stage(
        score("ann", "c1", "v1", None),
        score("bob", "c1", "v1", 2),
        score("cat", "c1", "d1", 1),
    )
    assert red_flags(scores) == {}


def test_the_threshold_is_the_floors_lowest_single_score():
    two = score("bob", "c1", "v1", 2)
    scores = stage(score("ann", "c1", "v1", 3), two, floor=ValuesFloor(lowest_single_score=2))
    assert red_flags(scores) == {"c1": (two,)}


def test_the_floors_attribute_decides_which_questions_raise_one():
    low = score("cat", "c1", "d1", 1)
    scores = stage(score("ann", "c1", "v1", 1), low, floor=ValuesFloor(attribute="decisions"))
    assert red_flags(scores) == {"c1": (low,)}


def test_no_red_flag_when_the_plan_asks_nothing_about_values():
    scores = stage(score("ann", "c1", "v1", 1), planned={"decisions": ("d1",)})
    assert red_flags(scores) == {}


def test_a_red_flag_does_not_breach_the_floor_or_change_any_figure():
    scores = stage(score("ann", "c1", "v1", 1), score("bob", "c1", "v1", 5))
    flagged = result(scores)
    assert not flagged.floor_breached and flagged.appointable_by_rule
    assert "values_floor" not in flagged.attribute("values").flags
    # The same figures as a floor that no single score could ever reach.
    unreachable = ValuesFloor(lowest_single_score=0, single_score_veto=True)
    assert flagged == result(dataclasses.replace(scores, floor=unreachable))


def test_the_mean_floor_still_applies_beside_a_red_flag():
    scores = stage(score("ann", "c1", "v1", 1), score("bob", "c1", "v1", 3))
    assert set(red_flags(scores)) == {"c1"}
    breached = result(scores)
    assert breached.floor_breached and not breached.appointable_by_rule
    assert breached.floor_reasons == ("Panel mean of 2.0 on values is below 3",)


def test_under_the_veto_a_single_one_breaches_the_floor_and_raises_no_red_flag():
    scores = stage(score("ann", "c1", "v1", 1), score("bob", "c1", "v1", 5), floor=VETO)
    assert red_flags(scores) == {}
    vetoed = result(scores)
    assert vetoed.floor_breached and not vetoed.appointable_by_rule
    assert vetoed.floor_reasons == ("A member scored 1 on values",)
    assert "values_floor" in vetoed.attribute("values").flags


def test_the_summary_method_note_describes_the_red_flag_or_the_veto():
    default = all_text(build())
    assert "is a red flag: a serious concern on values" in default
    assert "a score of 1 from any member" not in default
    veto_stages = tuple(
        dataclasses.replace(summary, result=dataclasses.replace(summary.result, floor=VETO))
        for summary in (stage_summary(), stage_summary("Stakeholder panel"))
    )
    vetoed = all_text(build(stages=veto_stages))
    assert "a score of 1 from any member on any of its questions" in vetoed
    assert "red flag" not in vetoed
