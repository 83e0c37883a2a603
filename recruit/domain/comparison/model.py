"""Values the shortlist comparison takes and gives.

The comparison puts shortlisted candidates side by side: their results across the moderated
stages (``CandidateResult`` from ``combine_stages``), each stage's result, the ranking under
the stages' own weights and under equal weights, whether the deciding stage heard evidence
on everything it weights (``MissingEvidence``), and where each candidate stands against the
target levels. Keys are the caller's stable strings (candidate codes, attribute keys, stage
names), as in ``recruit.domain.scoring.model``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from recruit.domain.scoring.model import CandidateResult

# How the columns can be ordered: by the stage-weighted ranking, by the equal-weights
# ranking, by how many attributes fall below the target level (fewest first), or by one
# attribute's figure. With the evidence incomplete the two rank orders fall back to the
# candidates' own order, since ordering by a withheld rank would show it.
SORT_BY_RANK = "rank"
SORT_BY_EQUAL_WEIGHTS = "equal"
SORT_BY_GAP = "gap"

# The rubric's words for the levels a target may ask for. A leader's minimum is never
# below Sound: that is the level the role needs.
TARGET_LEVELS: Mapping[int, str] = {3: "Sound", 4: "Strong", 5: "Exceptional"}
# Every level a figure can be read as, for saying where a candidate stands.
SCORE_LEVELS: Mapping[int, str] = {1: "Very weak", 2: "Limited", **TARGET_LEVELS}


@dataclass(frozen=True)
class ContextProfile:
    """A leadership profile shown beside the target as context, never copied into it.

    ``label`` says whose it is and what kind of figure, e.g. "Margaret Hale's self-rating"
    or "Margaret Hale's 360 mean (5 colleagues)"; ``figures`` are on the 1 to 5 scale.
    """

    label: str
    figures: Mapping[str, float]


@dataclass(frozen=True)
class TargetProfile:
    """The minimum level the role needs on each attribute, on the rubric's words.

    ``levels`` maps an attribute key to 3 (Sound), 4 (Strong) or 5 (Exceptional); an
    attribute left out has no minimum. ``reasons``: why the role needs that level, per
    attribute. ``source`` says who set it and when, e.g. "Set by Cllr Sam Patel for the
    Appointment panel on 1 December 2026". ``context``: profiles shown beside it.
    """

    levels: Mapping[str, int]
    reasons: Mapping[str, str] = field(default_factory=dict)
    source: str = ""
    context: tuple[ContextProfile, ...] = ()

    def level_name(self, attribute: str) -> str:
        level = self.levels.get(attribute)
        return "" if level is None else TARGET_LEVELS.get(level, str(level))


@dataclass(frozen=True)
class AttributeGap:
    """A candidate's figure on one attribute read as a rubric level, against the target.

    ``level`` is the highest whole score the figure reaches: a panel mean of 3.7 reads as
    Sound, 4.0 as Strong. ``below_target`` is True only when there is a
    figure and its level is under the target's. No decimal gap is kept: two or three
    members' whole-number scores on one question do not measure a shortfall to a tenth.
    """

    attribute: str
    value: float | None
    level: int | None
    target_level: int | None
    below_target: bool

    @property
    def level_name(self) -> str:
        return "" if self.level is None else SCORE_LEVELS.get(self.level, str(self.level))

    @property
    def target_level_name(self) -> str:
        if self.target_level is None:
            return ""
        return TARGET_LEVELS.get(self.target_level, str(self.target_level))


@dataclass(frozen=True)
class MissingEvidence:
    """An attribute the deciding stage weights but did not assess, for some candidates.

    ``stage``: the deciding stage that would need to assess it. ``candidates``: those with
    no figure on it there (every compared candidate when the plan never asked).
    ``assessed_at``: the advisory stages that did hear evidence on it, which advise but
    never count.
    """

    attribute: str
    stage: str
    candidates: tuple[str, ...]
    everyone: bool
    assessed_at: tuple[str, ...] = ()


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
    # The candidate's results at the deciding stage(s) only, for member ranges.
    deciding_results: tuple[CandidateResult, ...] = ()
    # Attribute keys where the candidate is below the target, values-driven leadership
    # first, then in attribute order.
    below_target: tuple[str, ...] = ()

    @property
    def rank_change(self) -> int:
        """Places gained (positive) or lost under equal weights, against the stage weights."""
        return self.stage_weights_rank - self.equal_weights_rank

    def member_range(self, attribute: str) -> tuple[float, float] | None:
        """The lowest and highest member score on the attribute at the deciding stage(s):
        the "range" shown beside a disagreement flag. None with no member score."""
        found = [
            result.attribute(attribute)
            for result in self.deciding_results
            if any(a.attribute == attribute for a in result.attributes)
        ]
        lows = [r.minimum for r in found if r.minimum is not None]
        highs = [r.maximum for r in found if r.maximum is not None]
        return (min(lows), max(highs)) if lows and highs else None


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
    # What the deciding stage weights but did not assess: while any is missing the
    # candidates are shown without ranks or totals (``ranked`` is False).
    missing: tuple[MissingEvidence, ...] = ()

    @property
    def ranked(self) -> bool:
        """Whether ranks and totals may be shown: a deciding stage has results and assessed
        every attribute it weights for every compared candidate."""
        return bool(self.deciding) and not self.missing
