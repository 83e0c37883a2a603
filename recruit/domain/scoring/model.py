"""Values the scoring rules take and give: submitted scores in, consolidated results out.

Plain frozen dataclasses so the rules (``scoring``), the agreement statistics
(``agreement``), the Word summary and the raw-score exports can be tested without a
database. Candidates, members and questions are named by stable string keys that the
caller chooses (a candidate's code, a panel seat's id); the rules never look them up.

A score is a whole number from 1 to 5, or ``None`` for "No evidence": the member asked but
heard nothing to score. "No evidence" is not a low score and never counts as one.

Figures (means, medians, totals, spreads, agreed scores, tendencies) are typed ``float`` and
the rules fill them with ``ExactFloat``: a float that keeps the exact fraction it was worked
out as. Everything shows them with ``figure_text`` (one decimal place, halves up) and ranks
them with ``compare_figures``, so float error never decides a rounding or a place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property, lru_cache
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


class ExactFloat(float):
    """A figure the rules worked out exactly: a float for charts, JSON and templates, that
    keeps the fraction it stands for, for rounding and ranking.

    A weighted total of 73/20 is the float 3.6499999999999999..., which rounds to 3.6 where
    the rule (halves up) says 3.7. The float is the one nearest the fraction, so JSON and
    ``repr`` show 3.65. Arithmetic gives a plain float (only negation and ``abs`` keep the
    fraction): the rules do their sums on ``exact_value`` and wrap the answer again.
    Equality and hashing are the float's.
    """

    __slots__ = ("_numerator", "_denominator")
    _numerator: int
    _denominator: int

    def __new__(cls, numerator: int, denominator: int = 1) -> ExactFloat:
        """``numerator / denominator`` (denominator > 0), left unreduced: reducing costs a gcd
        per figure, and most figures are never shown or compared."""
        # int / int is correctly rounded: the float nearest the fraction, and cheap.
        figure = float.__new__(cls, numerator / denominator)
        figure._numerator, figure._denominator = numerator, denominator
        return figure

    @classmethod
    def of(cls, value: Fraction) -> ExactFloat:
        return cls(value.numerator, value.denominator)

    @property
    def exact(self) -> Fraction:
        return Fraction(self._numerator, self._denominator)

    def ratio(self) -> tuple[int, int]:
        """(numerator, denominator), unreduced: for integer arithmetic without a Fraction."""
        return self._numerator, self._denominator

    def __reduce__(self) -> tuple[type[ExactFloat], tuple[int, int]]:
        return type(self), (self._numerator, self._denominator)

    def __neg__(self) -> ExactFloat:
        return ExactFloat(-self._numerator, self._denominator)

    def __abs__(self) -> ExactFloat:
        return ExactFloat(abs(self._numerator), self._denominator)


def exact_value(figure: float | Fraction) -> Fraction:
    """The exact value a figure stands for: an ``ExactFloat``'s fraction; a plain float (an
    agreed score, a target, a figure a caller wrote) the decimal it prints as, so 3.65 is
    73/20 and not its binary neighbour."""
    if isinstance(figure, ExactFloat):
        return figure.exact
    if isinstance(figure, float):
        return _printed_value(figure)
    return Fraction(figure)


@lru_cache(maxsize=4096)
def _printed_value(figure: float) -> Fraction:
    # Kept: agreed scores and minimums repeat for every candidate, and parsing is slow.
    return Fraction(repr(figure))


def compare_figures(first: float, second: float) -> int:
    """-1, 0 or 1 as ``first`` is below, equal to or above ``second``, exactly.

    Floats that differ decide it: a figure's float is its exact value correctly rounded,
    and rounding never reverses an order. Only equal floats need the exact values, which
    keeps ranking and the floor cheap.
    """
    if first != second:
        return -1 if first < second else 1
    mine, theirs = exact_value(first), exact_value(second)
    return (mine > theirs) - (mine < theirs)


def figure_text(figure: float | Fraction, places: int = 1) -> str:
    """The figure to ``places`` decimal places, halves rounded up as people round by hand:
    3.65 is "3.7", 3.25 is "3.3". Halves of a negative figure round away from zero (-3.65
    is "-3.7"), and a negative figure that rounds to nothing keeps its sign ("-0.0"), both
    as Decimal's ROUND_HALF_UP does. Every score figure shown anywhere comes through here.
    """
    if isinstance(figure, ExactFloat):
        numerator, denominator = figure.ratio()
        return _half_up_text(numerator < 0, abs(numerator), denominator, places)
    if isinstance(figure, float):
        return _plain_float_text(repr(figure), places)
    value = Fraction(figure)
    return _half_up_text(value < 0, abs(value.numerator), value.denominator, places)


@lru_cache(maxsize=4096)
def _plain_float_text(number: str, places: int) -> str:
    # Kept per repr: a page shows the same few hundred figures hundreds of times. The sign
    # comes from the text, so -0.0 (equal to 0.0 as a float) keeps its own.
    value = Fraction(number)
    return _half_up_text(number.startswith("-"), abs(value.numerator), value.denominator, places)


@lru_cache(maxsize=4096)
def _half_up_text(negative: bool, numerator: int, denominator: int, places: int) -> str:
    """``numerator / denominator`` (both >= 0) rounded half up, in integers:
    floor(x * 10**places + 1/2) = (2 * n * 10**places + d) // (2 * d)."""
    scale = 10**places
    units = (2 * numerator * scale + denominator) // (2 * denominator)
    whole, part = divmod(units, scale)
    digits = f"{whole}.{part:0{places}d}" if places else str(whole)
    return f"-{digits}" if negative else digits


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

    Default, from practice in medical and values-based selection: a panel mean (or an
    agreed score) below ``minimum_mean``, 3, on values-driven leadership.

    A single member's score at or below ``lowest_single_score`` on one of its questions is
    a red flag (``scoring.red_flags``): a serious concern on values that the panel must
    discuss and record before it records the outcome, the decision staying with the panel.
    ``single_score_veto`` (off by default; a council may choose it) makes that score breach
    the floor instead, as every such score did before red flags: it is then one of the
    floor's reasons and raises no red flag.
    """

    attribute: str = VALUES_ATTRIBUTE
    minimum_mean: float = 3.0
    lowest_single_score: int = 1
    single_score_veto: bool = False


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
    assessed"); ``weights`` are the stage's normalised weights (read as the decimals they
    print as: see ``interview_plan_weights.exact_weight``); ``members`` lists the seats that
    score, for the agreement tendencies only: a seat that never scores (the HR adviser) is
    left out by the caller, and no figure depends on the list, since counts come from the
    scores given; ``scores`` holds submitted sheets only, since drafts never count.
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
    deciding: bool = True


@dataclass(frozen=True)
class AttributeResult:
    """The panel's result for one candidate on one attribute.

    A member's score for an attribute is the mean of their scores on its questions,
    leaving out "No evidence"; ``count`` is the members who gave at least one score and
    ``no_evidence_count`` those who gave only "No evidence". The statistics are over the
    members' attribute scores. ``agreed`` is the moderated score, when there is one.
    ``spread`` (maximum - minimum) is shown to people as the "range", e.g. "2.0 to 5.0".
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
    there are too few paired scores or no variation to measure.

    ``units``: the answers (a candidate's answer to a question) two or more members scored;
    ``members``: the members whose scores on those answers were compared. Below the minimum
    (``agreement.MIN_AGREEMENT_UNITS``, ``MIN_AGREEMENT_MEMBERS``) the reading says so and
    gives no band, whatever the figure: alpha on a handful of answers is too unstable to judge.
    """

    alpha: float | None
    units: int
    members: int
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
    """How far a stage's panel agreed, attribute by attribute.

    There is no alpha pooled across attributes: it would mix answers to different questions
    on different attributes into one figure that reads more precise than it is.
    ``members``: the members whose scores could be compared with another's (on any
    attribute). ``tendencies`` is empty below ``agreement.MIN_TENDENCY_MEMBERS`` of them
    (with two, each member's tendency only mirrors the other's), and ``tendencies_note``
    then says why; it is empty when the tendencies are shown.
    """

    per_attribute: Mapping[str, AlphaReading]
    tendencies: tuple[MemberTendency, ...]
    members: int = 0
    tendencies_note: str = ""


@dataclass(frozen=True)
class StageResult:
    """A consolidated stage: candidates in rank order, and how far the panel agreed.

    ``agreement`` is measured the first time it is read, then kept: it is a third of the
    work of consolidating, and the comparison, which shows only the candidates, never
    reads it. ``deciding`` is False for an advisory stage (see ``StageScores``).
    """

    stage: str
    candidates: tuple[CandidateResult, ...]
    measure_agreement: Callable[[], Agreement] = field(repr=False, compare=False)
    weights: Mapping[str, float]
    floor: ValuesFloor
    deciding: bool = True

    @cached_property
    def agreement(self) -> Agreement:
        return self.measure_agreement()
