"""Values the shortlist comparison takes and gives.

The comparison puts shortlisted candidates side by side: their results across the moderated
stages (``CandidateResult`` from ``combine_stages``), each stage's result, the ranking under
the stages' own weights and under equal weights, and the gap to the vacancy's target
profile. Keys are the caller's stable strings (candidate codes, attribute keys, stage
names), as in ``recruit.domain.scoring.model``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from recruit.domain.scoring.model import CandidateResult, ExactFloat, exact_value

# How the columns can be ordered: by the stage-weighted ranking, by the equal-weights
# ranking, by the total shortfall against the target profile, or by one attribute's figure.
SORT_BY_RANK = "rank"
SORT_BY_EQUAL_WEIGHTS = "equal"
SORT_BY_GAP = "gap"


@dataclass(frozen=True)
class TargetProfile:
    """The minimum the service needs on each attribute (1 to 5; an attribute left out has
    no minimum). ``source`` says where it came from, e.g. "Set by the panel" or "Seeded
    from Dr Ruth Adeyemi's leadership profile"."""

    minimums: Mapping[str, float]
    source: str = ""


@dataclass(frozen=True)
class AttributeGap:
    """A candidate's figure on one attribute against the target's minimum.

    ``gap`` is figure minus minimum (negative: short of the target), None when either is
    missing. ``below_target`` is True only when there is a figure and it is short.
    """

    attribute: str
    value: float | None
    minimum: float | None
    gap: float | None
    below_target: bool


@dataclass(frozen=True)
class ComparedCandidate:
    """One column of the comparison."""

    candidate: str
    combined: CandidateResult
    stage_results: Mapping[str, CandidateResult]
    equal_weights_total: float | None
    equal_weights_rank: int
    stage_weights_rank: int
    gaps: tuple[AttributeGap, ...] = ()
    # Attribute keys where the candidate is below the target, values-driven leadership
    # first, then in attribute order.
    below_target: tuple[str, ...] = ()

    @property
    def rank_change(self) -> int:
        """Places gained (positive) or lost under equal weights, against the stage weights."""
        return self.stage_weights_rank - self.equal_weights_rank

    @property
    def total_shortfall(self) -> ExactFloat:
        """How far below the target in all, adding the shortfalls (never a surplus), exactly."""
        short = [exact_value(g.gap) for g in self.gaps if g.gap is not None and g.gap < 0]
        return ExactFloat.of(-sum(short, Fraction(0)))


@dataclass(frozen=True)
class Comparison:
    """The shortlist side by side, columns in ``sort_key`` order."""

    attributes: tuple[str, ...]
    stages: tuple[str, ...]
    candidates: tuple[ComparedCandidate, ...]
    sort_key: str = SORT_BY_RANK
    target: TargetProfile | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    # The deciding stage(s) among ``stages``: the only ones in the figures, ranks and the
    # outcome; the others advise and are shown stage by stage.
    deciding: tuple[str, ...] = ()
