"""The shortlist side by side: results across stages, two rankings, and gaps to a target.

Rules:

* A candidate's figures are their results across the stages (``combine_stages``): per
  attribute the mean of the stage results (agreed score or panel mean).
* Stage-weights ranking: the candidates are ranked (``rank_candidates``) on the mean of
  their stage totals, each stage weighted as it was set up. Ranks are always among the
  compared candidates only, so restricting ``candidates`` to two of six gives ranks 1 and
  2; the relative order is the same as in the full ranking.
* Equal-weights ranking: the same rules (values floor first, then total, values result,
  lowest result, key), but the total is the plain mean of the candidate's combined
  attribute figures over the attributes that have one, every attribute counting the same.
  It shows the DCS whether the stage weights decided the order.
* Gaps: figure minus the target's minimum, for every attribute, worked exactly on the
  figure's fraction and the minimum's decimal; None when either is missing. A gap within
  ``TARGET_NOISE`` of zero counts as zero (not short): a minimum is a float someone
  entered or seeded, and noise in it must never put a candidate below target.
* Sorting never changes the ranks, only the column order: by either rank, by total
  shortfall (smallest first), or by one attribute's figure (highest first, no figure
  last); ties go to the stage-weights rank.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction

from recruit.domain.comparison.model import (
    SORT_BY_EQUAL_WEIGHTS,
    SORT_BY_GAP,
    SORT_BY_RANK,
    AttributeGap,
    ComparedCandidate,
    Comparison,
    TargetProfile,
)
from recruit.domain.scoring.model import (
    VALUES_ATTRIBUTE,
    CandidateResult,
    ExactFloat,
    StageResult,
    exact_value,
)
from recruit.domain.scoring.ranking import (
    NO_NAMES,
    combine_stages,
    rank_candidates,
    weighted_total,
)

__all__ = [
    "compare_candidates",
    "equal_weights_total",
    "ordinal",
    "ranking_changes",
    "sort_keys",
]

TARGET_NOISE = Fraction(1, 10**9)


def sort_keys(attributes: Sequence[str]) -> tuple[str, ...]:
    """The valid ``sort`` values: the three orderings, then each attribute key.

    An attribute key spelt like an ordering ("rank", "equal", "gap") means the ordering.
    """
    return tuple(dict.fromkeys((SORT_BY_RANK, SORT_BY_EQUAL_WEIGHTS, SORT_BY_GAP, *attributes)))


def compare_candidates(
    stage_results: Sequence[StageResult],
    attributes: tuple[str, ...],
    *,
    target: TargetProfile | None = None,
    candidates: Collection[str] | None = None,
    sort: str = SORT_BY_RANK,
    labels: Mapping[str, str] = NO_NAMES,
    stage_names: Mapping[str, str] = NO_NAMES,
) -> Comparison:
    """The compared candidates (all with a result, or those in ``candidates``), sorted.

    ``labels`` maps candidate keys to names for the notes; ``stage_names`` names the stages
    in the combined floor reasons. Raises ValueError for a sort key not in ``sort_keys``.
    """
    if sort not in sort_keys(attributes):
        valid = ", ".join(sort_keys(attributes))
        raise ValueError(f"Unknown sort key {sort!r}: use one of {valid}")
    floor_attribute = stage_results[0].floor.attribute if stage_results else VALUES_ATTRIBUTE
    combined = combine_stages(stage_results, attributes, stage_names=stage_names)
    chosen = [c for c in combined if candidates is None or c.candidate in candidates]
    ranked = rank_candidates(chosen, floor_attribute)
    equal_ranks = _equal_weights_ranks(ranked, floor_attribute)
    columns = [
        _column(result, stage_results, equal_ranks[result.candidate], target, floor_attribute)
        for result in ranked
    ]
    comparison = Comparison(
        attributes=attributes,
        stages=tuple(stage.stage for stage in stage_results),
        deciding=tuple(stage.stage for stage in stage_results if stage.deciding),
        candidates=_sorted(columns, sort),
        sort_key=sort,
        target=target,
    )
    with_results = {result.candidate for result in combined}
    missing = sorted(key for key in candidates or () if key not in with_results)
    return replace(comparison, notes=_notes(comparison, labels, missing))


def equal_weights_total(candidate: CandidateResult) -> float | None:
    """The plain mean of the candidate's attribute figures that exist; None if none do."""
    figures = {result.attribute: result.result for result in candidate.attributes}
    return weighted_total(figures, dict.fromkeys(figures, 1.0))


def _equal_weights_ranks(
    ranked: Sequence[CandidateResult], floor_attribute: str
) -> dict[str, tuple[int, float | None]]:
    # The stage ranking's rules with the equal-weights total in place of the stage total.
    as_totals = [
        replace(c, formula_total=equal_weights_total(c), moderated_total=None) for c in ranked
    ]
    return {
        c.candidate: (c.rank, c.formula_total) for c in rank_candidates(as_totals, floor_attribute)
    }


def _column(
    combined: CandidateResult,
    stage_results: Sequence[StageResult],
    equal: tuple[int, float | None],
    target: TargetProfile | None,
    floor_attribute: str,
) -> ComparedCandidate:
    gaps = tuple(_gap(combined, result.attribute, target) for result in combined.attributes)
    short = [gap.attribute for gap in gaps if gap.below_target]
    # The floor (values) attribute first: it is the one a shortfall matters most on.
    below = sorted(short, key=lambda key: key != floor_attribute)
    return ComparedCandidate(
        candidate=combined.candidate,
        combined=combined,
        stage_results={
            stage.stage: result
            for stage in stage_results
            for result in stage.candidates
            if result.candidate == combined.candidate
        },
        equal_weights_total=equal[1],
        equal_weights_rank=equal[0],
        stage_weights_rank=combined.rank,
        gaps=gaps,
        below_target=tuple(below),
    )


def _gap(combined: CandidateResult, key: str, target: TargetProfile | None) -> AttributeGap:
    value = combined.attribute(key).result
    minimum = target.minimums.get(key) if target is not None else None
    if value is None or minimum is None:
        return AttributeGap(key, value, minimum, None, False)
    gap = exact_value(value) - exact_value(minimum)
    if abs(gap) <= TARGET_NOISE:
        gap = Fraction(0)
    return AttributeGap(key, value, minimum, ExactFloat.of(gap), gap < 0)


def _sorted(columns: Sequence[ComparedCandidate], sort: str) -> tuple[ComparedCandidate, ...]:
    def key(column: ComparedCandidate) -> tuple[Fraction | int, ...]:
        if sort == SORT_BY_RANK:
            return (column.stage_weights_rank,)
        if sort == SORT_BY_EQUAL_WEIGHTS:
            return (column.equal_weights_rank, column.stage_weights_rank)
        if sort == SORT_BY_GAP:
            return (exact_value(column.total_shortfall), column.stage_weights_rank)
        figure = column.combined.attribute(sort).result
        if figure is None:
            return (1, 0, column.stage_weights_rank)
        return (0, -exact_value(figure), column.stage_weights_rank)

    return tuple(sorted(columns, key=key))


def ranking_changes(
    comparison: Comparison, labels: Mapping[str, str] = NO_NAMES
) -> tuple[str, ...]:
    """One sentence per candidate whose place differs under equal weights, in stage-weights
    rank order; or one sentence saying the order is the same (with two or more)."""
    columns = sorted(comparison.candidates, key=lambda c: c.stage_weights_rank)
    changed = [c for c in columns if c.rank_change]
    if not changed:
        if len(columns) < 2:
            return ()
        return ("The order is the same with the stages' weights and with equal weights.",)
    return tuple(
        f"{_label(c.candidate, labels)} ranks {ordinal(c.stage_weights_rank)} with the stages' "
        f"weights and {ordinal(c.equal_weights_rank)} with equal weights."
        for c in changed
    )


def _notes(
    comparison: Comparison, labels: Mapping[str, str], missing: Sequence[str]
) -> tuple[str, ...]:
    columns = sorted(comparison.candidates, key=lambda c: c.stage_weights_rank)
    stopped = [
        f"{_label(c.candidate, labels)} is below the values floor without an override, so "
        "ranks below every candidate the floor allows whatever the total."
        for c in columns
        if not c.combined.appointable_by_rule
    ]
    absent = [
        f"{_label(key, labels)} has no results at these stages, so is not compared."
        for key in missing
    ]
    return (*ranking_changes(comparison, labels), *stopped, *_target_notes(comparison), *absent)


def _target_notes(comparison: Comparison) -> tuple[str, ...]:
    if comparison.target is None or not comparison.candidates:
        return ()
    meeting = sum(1 for c in comparison.candidates if not c.below_target)
    total = len(comparison.candidates)
    if meeting == total:
        return ("Every candidate compared meets the target on every attribute with a figure.",)
    verb = "meets" if meeting == 1 else "meet"
    return (
        f"{meeting} of {total} candidates compared {verb} the target on every attribute "
        "with a figure.",
    )


def _label(key: str, labels: Mapping[str, str]) -> str:
    name = labels.get(key, "").strip()
    return f"{name} ({key})" if name and name != key else key


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, ... 21st."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
