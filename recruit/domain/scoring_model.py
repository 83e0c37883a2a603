"""Values the scoring rules take and give: submitted scores in, consolidated results out.

Plain frozen dataclasses so the rules (``scoring``), the agreement statistics
(``agreement``), the Word summary and the raw-score exports can be tested without a
database. Candidates, members and questions are named by stable string keys that the
caller chooses (a candidate's code, a panel seat's id); the rules never look them up.

A score is a whole number from 1 to 5, or ``None`` for "No evidence": the member asked but
heard nothing to score. "No evidence" is not a low score and never counts as one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

VALUES_ATTRIBUTE = "values"
LOWEST_SCORE = 1
HIGHEST_SCORE = 5

# Flags on one candidate's result for one attribute, in the order they are shown.
Flag = Literal["values_floor", "disagreement", "not_assessed", "mostly_no_evidence"]
FLAG_ORDER: tuple[Flag, ...] = (
    "values_floor",
    "disagreement",
    "not_assessed",
    "mostly_no_evidence",
)
FLAG_LABELS: Mapping[Flag, str] = {
    "values_floor": "Values floor",
    "disagreement": "Panel disagreement",
    "not_assessed": "Not assessed",
    "mostly_no_evidence": "Mostly no evidence",
}

Outcome = Literal["appointable", "not_appointable", "reserve"]
OUTCOME_LABELS: Mapping[Outcome, str] = {
    "appointable": "Appointable",
    "not_appointable": "Not appointable",
    "reserve": "Reserve",
}


@dataclass(frozen=True)
class QuestionScore:
    """One member's submitted score for one candidate on one question."""

    member: str
    candidate: str
    question_id: str
    attribute: str
    score: int | None  # None: "No evidence"
    evidence: str = ""


@dataclass(frozen=True)
class ValuesFloor:
    """The values floor: below it a candidate is not appointable whatever the total.

    Default, from practice in medical and values-based selection: a panel mean below 3 on
    values-driven leadership, or a score of 1 from any member on it.
    """

    attribute: str = VALUES_ATTRIBUTE
    minimum_mean: float = 3.0
    lowest_single_score: int = 1


@dataclass(frozen=True)
class Moderation:
    """What the chair recorded for one candidate at moderation.

    ``agreed`` holds an agreed score per attribute wherever the panel set one (it replaces
    the formula's mean for that attribute); ``floor_override_reason`` is set only when the
    panel decided to appoint despite the values floor.
    """

    candidate: str
    agreed: Mapping[str, float] = field(default_factory=dict)
    floor_override_reason: str | None = None
    outcome: Outcome | None = None


@dataclass(frozen=True)
class StageScores:
    """Everything needed to consolidate one stage.

    ``attributes`` lists every attribute key in display order; ``planned`` maps each
    attribute to the question ids the plan asks about it (an attribute with none is "not
    assessed"); ``weights`` are the stage's normalised weights; ``scores`` holds submitted
    sheets only, since drafts never count.
    """

    stage: str
    attributes: tuple[str, ...]
    planned: Mapping[str, tuple[str, ...]]
    weights: Mapping[str, float]
    members: tuple[str, ...]
    candidates: tuple[str, ...]
    scores: tuple[QuestionScore, ...]
    moderation: Mapping[str, Moderation] = field(default_factory=dict)
    floor: ValuesFloor = field(default_factory=ValuesFloor)


@dataclass(frozen=True)
class AttributeResult:
    """The panel's result for one candidate on one attribute.

    A member's score for an attribute is the mean of their scores on its questions,
    leaving out "No evidence"; ``count`` is the members who gave at least one score and
    ``no_evidence_count`` those who gave only "No evidence". The statistics are over the
    members' attribute scores. ``agreed`` is the moderated score, when there is one.
    """

    attribute: str
    count: int
    no_evidence_count: int
    mean: float | None
    median: float | None
    minimum: float | None
    maximum: float | None
    spread: float | None
    agreed: float | None = None
    flags: tuple[Flag, ...] = ()

    @property
    def result(self) -> float | None:
        """The figure that counts: the agreed score if moderated, else the panel mean."""
        return self.agreed if self.agreed is not None else self.mean


@dataclass(frozen=True)
class CandidateResult:
    """One candidate's consolidated result at one stage (or across stages)."""

    candidate: str
    attributes: tuple[AttributeResult, ...]
    formula_total: float | None
    moderated_total: float | None
    floor_breached: bool
    floor_reasons: tuple[str, ...]
    floor_overridden: bool
    override_reason: str | None
    outcome: Outcome | None
    rank: int
    tied_with_previous: bool = False

    @property
    def total(self) -> float | None:
        return self.moderated_total if self.moderated_total is not None else self.formula_total

    @property
    def appointable_by_rule(self) -> bool:
        """False when the values floor applies and the panel has not overridden it."""
        return not self.floor_breached or self.floor_overridden

    def attribute(self, key: str) -> AttributeResult:
        return next(result for result in self.attributes if result.attribute == key)


@dataclass(frozen=True)
class AlphaReading:
    """Krippendorff's alpha (interval) with a plain-English reading; ``alpha`` is None when
    there are too few paired scores or no variation to measure."""

    alpha: float | None
    units: int
    reading: str


@dataclass(frozen=True)
class MemberTendency:
    """How far a member's scores sit from the other members' on the same questions:
    a calibration aid for the chair, not a verdict on the member."""

    member: str
    mean_difference: float | None
    compared_scores: int
    reading: str


@dataclass(frozen=True)
class Agreement:
    per_attribute: Mapping[str, AlphaReading]
    overall: AlphaReading
    tendencies: tuple[MemberTendency, ...]


@dataclass(frozen=True)
class StageResult:
    """A consolidated stage: candidates in rank order, and how far the panel agreed.

    ``agreement`` is measured the first time it is read, then kept: it is a third of the
    work of consolidating, and the comparison, which shows only the candidates, never
    reads it.
    """

    stage: str
    candidates: tuple[CandidateResult, ...]
    measure_agreement: Callable[[], Agreement] = field(repr=False, compare=False)
    weights: Mapping[str, float]
    floor: ValuesFloor

    @cached_property
    def agreement(self) -> Agreement:
        return self.measure_agreement()
