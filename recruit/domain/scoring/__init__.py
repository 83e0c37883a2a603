"""The scoring rules: submitted scores in, each candidate's consolidated result out.

Rules, for one stage and one candidate:

* A member's score on an attribute is the mean of their scores on its questions, leaving
  out "No evidence". A member who gave only "No evidence" on it counts in
  ``no_evidence_count``, not in ``count``, and is never treated as a low score.
* The panel's statistics (mean, median, minimum, maximum, spread) are over the members'
  attribute scores, and None when no member gave a score. They are exact (``ExactFloat``):
  nothing is rounded here, and the pages and documents round for display through
  ``figure_text``, one decimal place with halves up.
* Scores on an attribute the plan has no question on are left out: that attribute is
  "not assessed", and a result the plan did not ask for would be misleading.
* Flags: ``disagreement`` when the spread is 2 or more (worked exactly, in integers over
  a common denominator, so float noise cannot hide a spread of exactly 2); ``not_assessed``
  when the plan has no question on the attribute or no member responded on it;
  ``mostly_no_evidence`` when more than half of the members who responded gave only
  "No evidence"; ``values_floor`` on the floor attribute when the floor is breached.
* The values floor is breached when the panel mean on it is below ``minimum_mean`` or the
  agreed score is below ``minimum_mean`` (compared exactly). An attribute nobody scored
  does not breach the floor (there is no evidence against the candidate); its
  ``not_assessed`` flag shows instead. The floor is overridden when breached and the chair
  recorded a non-blank reason.
* Red flags (``red_flags``): a counted score at or below ``lowest_single_score`` on a
  question of the floor's attribute is a serious concern on values that the panel must
  discuss and record; it does not breach the floor, since the decision stays with the
  panel. A council that sets ``single_score_veto`` keeps the older rule instead: such a
  score breaches the floor, as one of its reasons, and raises no red flag.
* ``formula_total`` weights the panel means; ``moderated_total`` weights the agreed score
  where there is one, else the mean, and is None when nothing was agreed for the
  candidate. Both are exact fractions of the weights as stored (a total of exactly 3.65
  shows as 3.7). See ``scoring_ranking`` for the weighting, the rank order and
  ``combine_stages`` (results across stages), which this module re-exports.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction
from functools import partial

from recruit.domain.scoring.agreement import panel_agreement
from recruit.domain.scoring.collector import cycle_collector_paused
from recruit.domain.scoring.model import (
    LOWEST_SCORE,
    AttributeResult,
    CandidateResult,
    ExactFloat,
    Flag,
    Moderation,
    QuestionScore,
    StageResult,
    StageScores,
    ValuesFloor,
    compare_figures,
    exact_value,
    figure_text,
)
from recruit.domain.scoring.ranking import (
    NO_NAMES,
    combine_stages,
    in_flag_order,
    rank_candidates,
    weighted_total,
)

DISAGREEMENT_SPREAD = 2

__all__ = [
    "combine_stages",
    "consolidate_panel_scores",
    "floor_reasons",
    "red_flags",
    "strongest_evidence",
]


@cycle_collector_paused
def consolidate_panel_scores(
    stage: StageScores, attribute_names: Mapping[str, str] = NO_NAMES
) -> StageResult:
    """Every candidate's result at this stage, in rank order, with the panel's agreement.

    ``attribute_names`` gives the names used in the values-floor reasons; an attribute
    without one is named by its key.
    """
    # Grouped once: filtering every score for each candidate was quadratic in candidates.
    planned = _planned_scores_by_candidate(stage)
    results = (
        _candidate_result(stage, key, planned.get(key, []), attribute_names)
        for key in stage.candidates
    )
    return StageResult(
        stage=stage.stage,
        candidates=rank_candidates(results, stage.floor.attribute),
        measure_agreement=partial(panel_agreement, stage),
        weights=stage.weights,
        floor=stage.floor,
        deciding=stage.deciding,
    )


def strongest_evidence(
    scores: Iterable[QuestionScore], candidate: str, attribute: str, limit: int = 2
) -> tuple[QuestionScore, ...]:
    """Up to ``limit`` notes behind the candidate's highest scores on the attribute.

    Only scores with written evidence count, never "No evidence". Ties go to the longer
    note (it usually says more), then the member key, then the question id.
    """
    noted = [
        score
        for score in scores
        if score.candidate == candidate
        and score.attribute == attribute
        and score.score is not None
        and score.evidence.strip()
    ]
    noted.sort(key=lambda s: (-(s.score or 0), -len(s.evidence.strip()), s.member, s.question_id))
    return tuple(noted[:limit])


def _candidate_result(
    stage: StageScores, candidate: str, scores: list[QuestionScore], names: Mapping[str, str]
) -> CandidateResult:
    moderation = stage.moderation.get(candidate, Moderation(candidate))
    keys = dict.fromkeys((*stage.attributes, stage.floor.attribute))
    results = {key: _attribute_result(stage, key, scores, moderation) for key in keys}
    floor_key = stage.floor.attribute
    reasons = floor_reasons(
        stage.floor, results[floor_key], scores, names.get(floor_key, floor_key)
    )
    if reasons:
        results[floor_key] = _with_flag(results[floor_key], "values_floor")
    attributes = tuple(results[key] for key in stage.attributes)
    return CandidateResult(
        candidate=candidate,
        attributes=attributes,
        formula_total=weighted_total({a.attribute: a.mean for a in attributes}, stage.weights),
        moderated_total=_moderated_total(attributes, stage.weights),
        floor_breached=bool(reasons),
        floor_reasons=reasons,
        floor_overridden=bool(reasons) and bool((moderation.floor_override_reason or "").strip()),
        override_reason=moderation.floor_override_reason,
        outcome=moderation.outcome,
        rank=0,
    )


def _planned_scores_by_candidate(stage: StageScores) -> dict[str, list[QuestionScore]]:
    """Each candidate's scores on attributes the plan asks about, in submitted order."""
    found: dict[str, list[QuestionScore]] = {}
    for score in stage.scores:
        if stage.planned.get(score.attribute):
            found.setdefault(score.candidate, []).append(score)
    return found


def _attribute_result(
    stage: StageScores, attribute: str, scores: Iterable[QuestionScore], moderation: Moderation
) -> AttributeResult:
    member_scores = _member_scores(score for score in scores if score.attribute == attribute)
    given = [score for score in member_scores.values() if score is not None]
    no_evidence = len(member_scores) - len(given)
    agreed = _exact_agreed(moderation.agreed.get(attribute))
    numerators, denominator = _on_one_denominator(given)
    flags = _score_flags(bool(stage.planned.get(attribute)), numerators, denominator, no_evidence)
    if not given:
        return AttributeResult(
            attribute, 0, no_evidence, None, None, None, None, None, agreed, flags
        )
    mean, median, minimum, maximum, spread = _panel_statistics(numerators, denominator)
    return AttributeResult(
        attribute=attribute,
        count=len(given),
        no_evidence_count=no_evidence,
        mean=mean,
        median=median,
        minimum=minimum,
        maximum=maximum,
        spread=spread,
        agreed=agreed,
        flags=flags,
    )


def _member_scores(scores: Iterable[QuestionScore]) -> dict[str, tuple[int, int] | None]:
    """Each responding member's exact attribute score as (sum of marks, number of marks);
    None for "No evidence" only."""
    given: dict[str, list[int]] = {}
    for score in scores:
        marks = given.setdefault(score.member, [])
        if score.score is not None:
            marks.append(score.score)
    return {member: (sum(m), len(m)) if m else None for member, m in given.items()}


def _on_one_denominator(scores: Sequence[tuple[int, int]]) -> tuple[list[int], int]:
    """The members' scores as sorted integer numerators over one common denominator: exact,
    as Fractions were, and far cheaper to sort, sum and compare."""
    denominator = math.lcm(*(count for _, count in scores))
    return sorted(total * (denominator // count) for total, count in scores), denominator


def _panel_statistics(
    numerators: Sequence[int], denominator: int
) -> tuple[ExactFloat, ExactFloat, ExactFloat, ExactFloat, ExactFloat]:
    """Mean, median, minimum, maximum and spread of numerators / denominator (sorted, not
    empty), each exact."""
    count, middle = len(numerators), len(numerators) // 2
    if count % 2:
        median = ExactFloat(numerators[middle], denominator)
    else:
        median = ExactFloat(numerators[middle - 1] + numerators[middle], 2 * denominator)
    return (
        ExactFloat(sum(numerators), denominator * count),
        median,
        ExactFloat(numerators[0], denominator),
        ExactFloat(numerators[-1], denominator),
        ExactFloat(numerators[-1] - numerators[0], denominator),
    )


def _exact_agreed(agreed: float | None) -> ExactFloat | None:
    """An agreed score (entered to one decimal place) as the decimal it was entered as."""
    return None if agreed is None else ExactFloat.of(exact_value(agreed))


def _score_flags(
    planned: bool, numerators: Sequence[int], denominator: int, no_evidence: int
) -> tuple[Flag, ...]:
    responded = len(numerators) + no_evidence
    flags: set[Flag] = set()
    if numerators and numerators[-1] - numerators[0] >= DISAGREEMENT_SPREAD * denominator:
        flags.add("disagreement")
    if not planned or responded == 0:
        flags.add("not_assessed")
    if no_evidence * 2 > responded:
        flags.add("mostly_no_evidence")
    return in_flag_order(flags)


def _with_flag(result: AttributeResult, flag: Flag) -> AttributeResult:
    return replace(result, flags=in_flag_order((*result.flags, flag)))


def floor_reasons(
    floor: ValuesFloor, result: AttributeResult, scores: Iterable[QuestionScore], name: str
) -> tuple[str, ...]:
    """Why the values floor is breached, one sentence per rule broken; empty if it is not."""
    reasons: list[str] = []
    minimum = floor.minimum_mean
    if result.mean is not None and compare_figures(result.mean, minimum) < 0:
        mean = _below_text(result.mean, exact_value(minimum))
        reasons.append(f"Panel mean of {mean} on {name} is below {floor.minimum_mean:g}")
    if floor.single_score_veto:  # the older rule, kept for councils that choose it
        low = _members_at_or_below(scores, floor.attribute, floor.lowest_single_score)
        if low:
            reasons.append(f"{_members_text(low)} scored {_threshold_text(floor)} on {name}")
    if result.agreed is not None and compare_figures(result.agreed, minimum) < 0:
        agreed = _below_text(result.agreed, exact_value(minimum))
        reasons.append(f"Agreed score of {agreed} on {name} is below {floor.minimum_mean:g}")
    return tuple(reasons)


def red_flags(stage: StageScores) -> dict[str, tuple[QuestionScore, ...]]:
    """Each candidate's red flags: the scores that raise one, in the order given.

    A red flag is a member's score at or below ``stage.floor.lowest_single_score`` on a
    planned question of the floor's attribute (values). ``stage.scores`` holds the counted
    scores only (submitted, not set aside, not from a member with a conflict), so nothing
    else can raise one; "No evidence" never does. A candidate without a red flag is left
    out. Under ``single_score_veto`` there are none: such a score breaches the floor
    instead (``floor_reasons``), exactly as before red flags.
    """
    floor = stage.floor
    if floor.single_score_veto or not stage.planned.get(floor.attribute):
        return {}
    found: dict[str, list[QuestionScore]] = {}
    for score in stage.scores:
        if (
            score.attribute == floor.attribute
            and score.score is not None
            and score.score <= floor.lowest_single_score
        ):
            found.setdefault(score.candidate, []).append(score)
    return {candidate: tuple(scores) for candidate, scores in found.items()}


def _members_at_or_below(scores: Iterable[QuestionScore], attribute: str, limit: int) -> set[str]:
    return {
        s.member
        for s in scores
        if s.attribute == attribute and s.score is not None and s.score <= limit
    }


def _members_text(members: set[str]) -> str:
    return "A member" if len(members) == 1 else f"{len(members)} members"


def _threshold_text(floor: ValuesFloor) -> str:
    if floor.lowest_single_score <= LOWEST_SCORE:
        return str(floor.lowest_single_score)
    return f"{floor.lowest_single_score} or lower"


def _below_text(value: float, limit: Fraction) -> str:
    # One decimal place, unless rounding would show 2.96 as "3.0 is below 3".
    for places in (1, 2, 3):
        text = figure_text(value, places)
        if Fraction(text) < limit:
            return text
    return f"{value:g}"


def _moderated_total(
    attributes: Sequence[AttributeResult], weights: Mapping[str, float]
) -> float | None:
    if all(result.agreed is None for result in attributes):
        return None
    return weighted_total({result.attribute: result.result for result in attributes}, weights)
