"""Weighted totals, the rank order of candidates, and results combined across stages.

Ranking, best first:

0. candidates with at least one figure before those the stage did not assess at all: no
   evidence is not a place above anyone, not even a candidate the values floor stops;
1. candidates the values floor allows (``appointable_by_rule``) before those it stops;
2. higher total: the moderated total where there is one, else the formula total; no total
   comes last;
3. higher result on the values attribute (missing last);
4. higher lowest attribute result, so a rounded profile beats one with a weak spot;
5. candidate key, ascending, so equal candidates always come out in the same order.

Figures are compared exactly (``compare_figures``): equal fractions tie however they were
reached, and unequal ones never do, so float noise never decides a place.
``tied_with_previous`` marks a candidate whom only the key (step 5) separates from the one
above. ``combine_stages`` (re-exported by ``scoring``) ranks results across stages the same
way.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction
from functools import cmp_to_key, lru_cache
from types import MappingProxyType
from typing import TypeVar

from recruit.domain.interview_plan.weights import exact_weight
from recruit.domain.scoring.collector import cycle_collector_paused
from recruit.domain.scoring.model import (
    FLAG_ORDER,
    VALUES_ATTRIBUTE,
    AttributeResult,
    CandidateResult,
    ExactFloat,
    Flag,
    StageResult,
    compare_figures,
    exact_value,
)

NO_NAMES: Mapping[str, str] = MappingProxyType({})
T = TypeVar("T")
StageCandidate = tuple[StageResult, CandidateResult]

Standing = tuple[bool, bool, float | None, float | None, float | None]


def weighted_total(
    values: Mapping[str, float | None], weights: Mapping[str, float]
) -> ExactFloat | None:
    """sum(weight * value) / sum(weight) over attributes with a value and a positive weight,
    worked exactly: weights as the decimals they were stored as (``exact_weight``), values as
    their exact fractions.

    Dividing by the weights actually used keeps the total on the 1-5 scale when an attribute
    was not assessed, and does not rely on the weights summing to 1. None when no weighted
    attribute has a value.
    """
    scaled = _integer_weights(tuple(weights.items()))
    counted = [
        (scaled[key], _ratio(value))
        for key, value in values.items()
        if value is not None and scaled.get(key, 0) > 0
    ]
    if not counted:
        return None
    # In integers over common denominators (as a Fraction sum would be, at a tenth the cost):
    # sum(W * n / d) / sum(W) = sum(W * n * (D / d)) / (D * sum(W)), D the lcm of the d.
    common = math.lcm(*(denominator for _, (_, denominator) in counted))
    numerator = sum(w * n * (common // d) for w, (n, d) in counted)
    return ExactFloat(numerator, common * sum(w for w, _ in counted))


@lru_cache(maxsize=256)
def _integer_weights(weights: tuple[tuple[str, float], ...]) -> dict[str, int]:
    """The weights as integers in proportion (each exact weight times the lcm of their
    denominators): worked once per stage's weights, not once per candidate."""
    exact = {
        key: exact_weight(weight) for key, weight in weights if weight > 0 and math.isfinite(weight)
    }
    common = math.lcm(*(weight.denominator for weight in exact.values()))
    return {key: int(weight * common) for key, weight in exact.items()}


def _ratio(figure: float) -> tuple[int, int]:
    if isinstance(figure, ExactFloat):
        return figure.ratio()
    return exact_value(figure).as_integer_ratio()


def exact_mean(figures: Sequence[float]) -> ExactFloat:
    """The exact mean of figures (not empty), in integers over their common denominator."""
    ratios = [_ratio(figure) for figure in figures]
    common = math.lcm(*(denominator for _, denominator in ratios))
    numerator = sum(n * (common // d) for n, d in ratios)
    return ExactFloat(numerator, common * len(ratios))


def rank_candidates(
    candidates: Iterable[CandidateResult], values_attribute: str
) -> tuple[CandidateResult, ...]:
    """The candidates in rank order (see the module docstring), with ``rank`` 1..n and
    ``tied_with_previous`` set."""
    # Each standing and its sort key are worked out once: the sort compares n log n pairs,
    # and comparing plain tuples is many times cheaper than calling a comparison for each.
    standings = [(_standing(candidate, values_attribute), candidate) for candidate in candidates]
    ordered = sorted(standings, key=_sort_key)
    ranked: list[CandidateResult] = []
    for position, (standing, candidate) in enumerate(ordered, start=1):
        tied = position > 1 and _same_standing(ordered[position - 2][0], standing)
        ranked.append(replace(candidate, rank=position, tied_with_previous=tied))
    return tuple(ranked)


def attribute_result(candidate: CandidateResult, attribute: str) -> float | None:
    """The candidate's agreed-or-mean result on one attribute; None if absent or unassessed."""
    found = (result for result in candidate.attributes if result.attribute == attribute)
    return next((result.result for result in found), None)


def lowest_result(candidate: CandidateResult) -> float | None:
    results = [result.result for result in candidate.attributes if result.result is not None]
    if not results:
        return None
    # The floats find the lowest; only figures whose floats tie need their exact values.
    lowest = min(results)
    tied = [result for result in results if result == lowest]
    return tied[0] if len(tied) == 1 else min(tied, key=cmp_to_key(compare_figures))


def _standing(candidate: CandidateResult, values_attribute: str) -> Standing:
    return (
        any(result.result is not None for result in candidate.attributes),
        candidate.appointable_by_rule,
        candidate.total,
        attribute_result(candidate, values_attribute),
        lowest_result(candidate),
    )


def _sort_key(entry: tuple[Standing, CandidateResult]) -> tuple[object, ...]:
    """Ascending order of this key is rank order: assessed first, then appointable by rule,
    then each figure highest first (a missing figure last), then the candidate's code.

    A figure sorts on its float and, where floats tie, on its exact value, as
    ``compare_figures`` orders them: a float is its exact value correctly rounded, so
    floats that differ never disagree with the exact order."""
    (assessed, appointable, *figures), candidate = entry
    return (
        not assessed,
        not appointable,
        *(_highest_first(figure) for figure in figures),
        candidate.candidate,
    )


def _highest_first(figure: float | None) -> tuple[int, float, Fraction]:
    if figure is None:
        return (1, 0.0, Fraction(0))
    return (0, -figure, -exact_value(figure))


def _higher_first(mine: float | None, theirs: float | None) -> int:
    if mine is None or theirs is None:
        return (mine is None) - (theirs is None)
    return -compare_figures(mine, theirs)


def _same_standing(one: Standing, other: Standing) -> bool:
    return one[:2] == other[:2] and all(
        _higher_first(mine, theirs) == 0 for mine, theirs in zip(one[2:], other[2:], strict=True)
    )


@cycle_collector_paused
def combine_stages(
    results: Sequence[StageResult],
    attributes: tuple[str, ...],
    *,
    stage_names: Mapping[str, str] = NO_NAMES,
) -> tuple[CandidateResult, ...]:
    """Each candidate's result at the deciding stage, ranked as a stage.

    Only deciding stages count (``StageResult.deciding``): an advisory stage (a
    stakeholder or young people's panel, an exercise) reports beside the decision and is
    never averaged into it, however its figures compare. The app allows one deciding stage
    per vacancy; should a record hold several (an older import), they combine as follows.

    Per attribute: the value is the mean of the stage results (agreed score or mean) that
    exist, kept in ``mean`` with ``agreed`` left None (agreed scores are already in the stage
    results); median, minimum, maximum and spread are over those stage values; counts are
    summed. Flags: ``not_assessed`` when no stage assessed it; ``disagreement`` when any
    stage flagged it; ``values_floor`` when a stage's floor (on this attribute) is breached
    and not overridden; ``mostly_no_evidence`` from the summed counts.

    Totals: ``formula_total`` is the mean of the stage formula totals; ``moderated_total``
    the mean of the stage totals when any stage was moderated, else None. The floor is
    breached when any stage breached it and overridden only when every breaching stage was;
    the reasons are prefixed with the stage's name (``stage_names``, else its key). Outcome
    and override reason come from the last stage (in ``results`` order) that has one.
    """
    by_candidate: dict[str, list[StageCandidate]] = {}
    for stage in (result for result in results if result.deciding):
        for candidate in stage.candidates:
            by_candidate.setdefault(candidate.candidate, []).append((stage, candidate))
    combined = (
        _combined_candidate(key, stages, attributes, stage_names)
        for key, stages in by_candidate.items()
    )
    values_attribute = results[0].floor.attribute if results else VALUES_ATTRIBUTE
    return rank_candidates(combined, values_attribute)


def _combined_candidate(
    key: str,
    stages: Sequence[StageCandidate],
    attributes: tuple[str, ...],
    stage_names: Mapping[str, str],
) -> CandidateResult:
    results = [candidate for _, candidate in stages]
    breaching = [candidate for candidate in results if candidate.floor_breached]
    moderated = any(candidate.moderated_total is not None for candidate in results)
    # Each stage's attributes by key, once per candidate rather than once per attribute.
    by_key = [{result.attribute: result for result in c.attributes} for c in results]
    return CandidateResult(
        candidate=key,
        attributes=tuple(
            _combined_attribute(attribute, stages, by_key) for attribute in attributes
        ),
        formula_total=_mean_or_none(candidate.formula_total for candidate in results),
        moderated_total=_mean_or_none(c.total for c in results) if moderated else None,
        floor_breached=bool(breaching),
        floor_reasons=tuple(
            f"{stage_names.get(stage.stage, stage.stage)}: {reason}"
            for stage, candidate in stages
            for reason in candidate.floor_reasons
        ),
        floor_overridden=bool(breaching) and all(c.floor_overridden for c in breaching),
        override_reason=_last([_non_blank(candidate.override_reason) for candidate in results]),
        outcome=_last([candidate.outcome for candidate in results]),
        rank=0,
    )


def _combined_attribute(
    attribute: str,
    stages: Sequence[StageCandidate],
    by_key: Sequence[Mapping[str, AttributeResult]],
) -> AttributeResult:
    found = [result for results in by_key if (result := results.get(attribute)) is not None]
    values = sorted(
        (r.result for r in found if r.result is not None), key=cmp_to_key(compare_figures)
    )
    count = sum(result.count for result in found)
    no_evidence = sum(result.no_evidence_count for result in found)
    flags = _combined_flags(attribute, stages, found)
    if not values:
        return AttributeResult(
            attribute, count, no_evidence, None, None, None, None, None, None, flags
        )
    return AttributeResult(
        attribute=attribute,
        count=count,
        no_evidence_count=no_evidence,
        mean=exact_mean(values),
        median=_median(values),
        minimum=values[0],
        maximum=values[-1],
        spread=_difference(values[-1], values[0]),
        flags=flags,
    )


def _difference(high: float, low: float) -> ExactFloat:
    (n1, d1), (n0, d0) = _ratio(high), _ratio(low)
    return ExactFloat(n1 * d0 - n0 * d1, d1 * d0)


def _median(ordered: Sequence[float]) -> float:
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return exact_mean(ordered[middle - 1 : middle + 1])


def _combined_flags(
    attribute: str, stages: Sequence[StageCandidate], found: Sequence[AttributeResult]
) -> tuple[Flag, ...]:
    flags: set[Flag] = set()
    if all("not_assessed" in result.flags for result in found):
        flags.add("not_assessed")
    if any("disagreement" in result.flags for result in found):
        flags.add("disagreement")
    if any(
        stage.floor.attribute == attribute and c.floor_breached and not c.floor_overridden
        for stage, c in stages
    ):
        flags.add("values_floor")
    count = sum(result.count for result in found)
    no_evidence = sum(result.no_evidence_count for result in found)
    if no_evidence * 2 > count + no_evidence:
        flags.add("mostly_no_evidence")
    return in_flag_order(flags)


def _mean_or_none(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return exact_mean(present) if present else None


def _last(values: Sequence[T | None]) -> T | None:
    return next((value for value in reversed(values) if value is not None), None)


def _non_blank(text: str | None) -> str | None:
    return text if text and text.strip() else None


def in_flag_order(flags: Iterable[Flag]) -> tuple[Flag, ...]:
    """The distinct flags, in ``FLAG_ORDER``."""
    return _ordered_flags(frozenset(flags))


@lru_cache(maxsize=64)
def _ordered_flags(present: frozenset[Flag]) -> tuple[Flag, ...]:
    # Sixteen possible sets, asked for once per candidate and attribute: worked out once.
    return tuple(flag for flag in FLAG_ORDER if flag in present)
