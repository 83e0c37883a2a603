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
* Completeness before ranking: an attribute the deciding stage weights (weight above 0)
  on which a compared candidate has no figure there is missing evidence. While anything is
  missing, or no deciding stage has results, the comparison is not ``ranked``: pages and
  the briefing show figures without ranks or totals, and say what the deciding stage would
  need to assess. Rank orders then fall back to the candidates' keys.
* Target levels: a figure is read as the highest whole score it reaches (3.7 is Sound,
  4.0 Strong), the values floor's threshold, and is below target when that level is under
  the target's. Gaps are per attribute, never in decimals, never added up.
* Sorting never changes the ranks, only the column order: by either rank, by the number
  of attributes below the target level (fewest first), or by one attribute's figure
  (highest first, no figure last); ties go to the stage-weights rank (or, unranked, key).
"""

from __future__ import annotations

import math
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
    MissingEvidence,
    TargetProfile,
)
from recruit.domain.scoring.model import (
    VALUES_ATTRIBUTE,
    CandidateResult,
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
    "figure_level",
    "missing_evidence",
    "ordinal",
    "ranking_changes",
    "sort_keys",
]


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
    picked = tuple(column.candidate for column in columns)
    missing = missing_evidence(stage_results, attributes, picked)
    deciding = tuple(stage.stage for stage in stage_results if stage.deciding)
    comparison = Comparison(
        attributes=attributes,
        stages=tuple(stage.stage for stage in stage_results),
        deciding=deciding,
        candidates=_sorted(columns, sort, ranked=bool(deciding) and not missing),
        sort_key=sort,
        target=target,
        missing=missing,
    )
    with_results = {result.candidate for result in combined}
    absent = sorted(key for key in candidates or () if key not in with_results)
    return replace(comparison, notes=_notes(comparison, labels, absent))


def missing_evidence(
    stage_results: Sequence[StageResult], attributes: Sequence[str], candidates: Sequence[str]
) -> tuple[MissingEvidence, ...]:
    """Per deciding stage and weighted attribute, the ``candidates`` with no figure on it
    there, with the advisory stages that did assess it (for any of them)."""
    found = []
    for stage in (s for s in stage_results if s.deciding):
        results = {r.candidate: r for r in stage.candidates if r.candidate in candidates}
        for key in attributes:
            if exact_value(stage.weights.get(key, 0.0)) <= 0:
                continue
            lacking = tuple(c for c in candidates if _no_figure(results.get(c), key))
            if lacking:
                advised = _assessed_at(stage_results, key, lacking)
                found.append(
                    MissingEvidence(
                        key, stage.stage, lacking, len(lacking) == len(candidates), advised
                    )
                )
    return tuple(found)


def _no_figure(result: CandidateResult | None, key: str) -> bool:
    if result is None:
        return True
    figures = [a for a in result.attributes if a.attribute == key]
    return not figures or figures[0].result is None


def _assessed_at(
    stage_results: Sequence[StageResult], key: str, candidates: Sequence[str]
) -> tuple[str, ...]:
    return tuple(
        stage.stage
        for stage in stage_results
        if not stage.deciding
        and any(
            not _no_figure(result, key)
            for result in stage.candidates
            if result.candidate in candidates
        )
    )


def figure_level(figure: float | None) -> int | None:
    """The rubric level a figure reads as: the highest whole score it reaches, worked
    exactly (3.7 is 3, Sound; 4.0 is 4, Strong). None for no figure.

    The same threshold as the values floor, where a mean of 2.7 falls short of 3: a
    candidate the floor stops never reads as Sound on values."""
    return None if figure is None else math.floor(exact_value(figure))


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
    mine = {
        stage.stage: result
        for stage in stage_results
        for result in stage.candidates
        if result.candidate == combined.candidate
    }
    return ComparedCandidate(
        candidate=combined.candidate,
        combined=combined,
        stage_results=mine,
        deciding_results=tuple(
            mine[s.stage] for s in stage_results if s.deciding and s.stage in mine
        ),
        equal_weights_total=equal[1],
        equal_weights_rank=equal[0],
        stage_weights_rank=combined.rank,
        gaps=gaps,
        below_target=tuple(below),
    )


def _gap(combined: CandidateResult, key: str, target: TargetProfile | None) -> AttributeGap:
    value = combined.attribute(key).result
    level = figure_level(value)
    wanted = target.levels.get(key) if target is not None else None
    below = level is not None and wanted is not None and level < wanted
    return AttributeGap(key, value, level, wanted, below)


def _sorted(
    columns: Sequence[ComparedCandidate], sort: str, *, ranked: bool
) -> tuple[ComparedCandidate, ...]:
    def key(column: ComparedCandidate) -> tuple[Fraction | int | str, ...]:
        # Unranked, ties (and the rank orders) go to the candidate's key: a withheld rank
        # must not show through the column order.
        tie: int | str = column.stage_weights_rank if ranked else column.candidate
        if sort == SORT_BY_RANK:
            return (tie,)
        if sort == SORT_BY_EQUAL_WEIGHTS:
            return (column.equal_weights_rank if ranked else 0, tie)
        if sort == SORT_BY_GAP:
            return (len(column.below_target), tie)
        figure = column.combined.attribute(sort).result
        if figure is None:
            return (1, 0, tie)
        return (0, -exact_value(figure), tie)

    return tuple(sorted(columns, key=key))


def ranking_changes(
    comparison: Comparison, labels: Mapping[str, str] = NO_NAMES
) -> tuple[str, ...]:
    """One sentence per candidate whose place differs under equal weights, in stage-weights
    rank order; or one sentence saying the order is the same (with two or more)."""
    if not comparison.ranked:
        return ()
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
    columns = sorted(comparison.candidates, key=lambda c: _rank_or_key(comparison, c))
    stopped = [
        f"{_label(c.candidate, labels)} is below the values floor without an override, so "
        "is not appointable by rule whatever the other figures."
        for c in columns
        if not c.combined.appointable_by_rule
    ]
    absent = [
        f"{_label(key, labels)} has no results at these stages, so is not compared."
        for key in missing
    ]
    return (*ranking_changes(comparison, labels), *stopped, *_target_notes(comparison), *absent)


def _rank_or_key(comparison: Comparison, column: ComparedCandidate) -> int | str:
    return column.stage_weights_rank if comparison.ranked else column.candidate


def _target_notes(comparison: Comparison) -> tuple[str, ...]:
    if comparison.target is None or not comparison.candidates:
        return ()
    meeting = sum(1 for c in comparison.candidates if not c.below_target)
    total = len(comparison.candidates)
    if meeting == total:
        return (
            "Every candidate compared is at or above the target level on every attribute "
            "with a figure.",
        )
    verb = "is" if meeting == 1 else "are"
    return (
        f"{meeting} of {total} candidates compared {verb} at or above the target level on "
        "every attribute with a figure.",
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
