"""How far a panel agreed: Krippendorff's alpha and each member's scoring tendency.

A unit is one candidate's answer to one question, so every member who scored it rated the
same evidence. Alpha uses the interval level: a 4 against a 2 is a wider disagreement than a
3 against a 2. "No evidence" is a missing rating, never a score.

Alpha measures how consistently members scored the same answers, not whether the scores are
right. On a shortlist of five or six it rests on a handful of answers and swings with one
score, so below ``MIN_AGREEMENT_UNITS`` answers or ``MIN_AGREEMENT_MEMBERS`` members the
reading says too few to judge and gives no band; the figure is still given, as hiding it
would hide what the panel did. At or above the minimum, readings follow Krippendorff's
guidance: rely on alpha of 0.8 or more, draw tentative conclusions from 0.667, and treat
anything lower with caution. It is a prompt to discuss, never a verdict. There is no alpha
pooled across attributes: answers on different attributes are not the same evidence.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import krippendorff
import numpy as np

from recruit.domain.scoring.collector import cycle_collector_paused
from recruit.domain.scoring.model import (
    Agreement,
    AlphaReading,
    ExactFloat,
    MemberTendency,
    QuestionScore,
    StageScores,
    figure_text,
)

Unit = tuple[str, str]  # (candidate, question id)
Ratings = Mapping[str, int]  # member -> score on one unit

GOOD_AGREEMENT = 0.8
TENTATIVE_AGREEMENT = 0.667
IN_LINE_DIFFERENCE = Fraction(1, 4)
# Below these, alpha is too unstable to read a band from: a shortlist of five with two
# questions on an attribute gives ten answers, and three members are the fewest for whom
# one member's scores are not simply the mirror of another's.
MIN_AGREEMENT_UNITS = 10
MIN_AGREEMENT_MEMBERS = 3
MIN_TENDENCY_MEMBERS = 3

NO_VARIATION = (
    "Every paired score was the same, so there is no variation to measure agreement against."
)
GOOD = "Good agreement: the panel scored the same evidence consistently."
TENTATIVE = (
    "Tentative agreement: draw conclusions with care, and check the scores where members differed."
)
LOW = (
    "Low agreement: discuss the scores before relying on the totals, starting with the "
    "answers where members differed most."
)
SYSTEMATIC = (
    "Systematic disagreement: the panel read the evidence differently, so agree what "
    "each score means before relying on the totals."
)
IN_LINE = "Scores in line with the other members."
TOO_FEW_SHARED = "Too few shared questions to compare with the other members."


@cycle_collector_paused
def panel_agreement(stage: StageScores) -> Agreement:
    """Alpha per attribute (over that attribute's questions), with each member's tendency when
    at least ``MIN_TENDENCY_MEMBERS`` members' scores could be compared, members in
    ``stage.members`` order (the seats that score), then anyone else who scored. A listed
    member with no scores shows as too few to compare, and is not counted as a member: a
    seat that does not score changes no figure.

    Every submitted score counts, whatever the plan now says: agreement describes how the
    panel scored, not what the totals use.
    """
    units, by_attribute = _units_by_attribute(stage.scores)
    members = len(_compared_members(units))
    shown = members >= MIN_TENDENCY_MEMBERS
    return Agreement(
        per_attribute={key: _alpha_of_units(by_attribute.get(key, {})) for key in stage.attributes},
        tendencies=_tendencies_of_units(units, _raters(stage)) if shown else (),
        members=members,
        tendencies_note="" if shown else tendencies_withheld_text(members),
    )


def tendencies_withheld_text(members: int) -> str:
    """Why no tendencies are shown for a panel of ``members`` compared members."""
    start = f"Member tendencies need at least {MIN_TENDENCY_MEMBERS} scoring members: with "
    if members == 2:
        return start + "2, each member's tendency only mirrors the other's."
    if members == 1:
        return start + "1, there is no one to compare with."
    return start + f"{members}, there are too few to compare."


def _units_by_attribute(
    scores: Iterable[QuestionScore],
) -> tuple[dict[Unit, dict[str, int]], dict[str, dict[Unit, dict[str, int]]]]:
    """Every unit's ratings, and the same ratings grouped by the attribute of the unit's
    question, in one pass: grouping the scores again for each attribute was a third of
    consolidating a stage. Units keep the order of their first score in both."""
    units: dict[Unit, dict[str, int]] = {}
    by_attribute: dict[str, dict[Unit, dict[str, int]]] = {}
    for score in scores:
        if score.score is None:
            continue
        unit = (score.candidate, score.question_id)
        ratings = units.get(unit)
        if ratings is None:
            ratings = units[unit] = {}
            # A question belongs to one attribute, so its unit does too.
            by_attribute.setdefault(score.attribute, {})[unit] = ratings
        ratings[score.member] = score.score
    return units, by_attribute


def measure_alpha(scores: Iterable[QuestionScore]) -> AlphaReading:
    """Krippendorff's alpha (interval) over the units two or more members scored.

    ``units`` counts those paired units and ``members`` the members who scored them. Alpha is
    None when fewer than two units are paired or every paired score is the same: the
    statistic is undefined there, not zero. Below the minimum the reading gives no band.
    """
    return _alpha_of_units(_units(scores))


def _alpha_of_units(units: Mapping[Unit, Ratings]) -> AlphaReading:
    paired = {unit: ratings for unit, ratings in units.items() if len(ratings) > 1}
    members = len(_compared_members(paired))
    alpha = _interval_alpha(paired) if len(paired) > 1 else None
    if len(paired) < MIN_AGREEMENT_UNITS or members < MIN_AGREEMENT_MEMBERS:
        # The figure stays (hiding it would hide what the panel did); the band does not.
        return AlphaReading(alpha, len(paired), members, too_few_text(len(paired), members))
    if alpha is None:
        return AlphaReading(None, len(paired), members, NO_VARIATION)
    return AlphaReading(alpha, len(paired), members, alpha_reading(alpha))


def too_few_text(units: int, members: int) -> str:
    """The reading below the minimum, with the counts: "6 answers scored by 2 members: too
    few to judge agreement (it needs at least 10 answers and 3 members)"."""
    need = f"it needs at least {MIN_AGREEMENT_UNITS} answers and {MIN_AGREEMENT_MEMBERS} members"
    if units == 0:
        return f"No answer was scored by two or more members: too few to judge agreement ({need})."
    answers = f"{units} answer{'s' if units != 1 else ''}"
    scorers = f"{members} member{'s' if members != 1 else ''}"
    return f"{answers} scored by {scorers}: too few to judge agreement ({need})."


def _compared_members(units: Mapping[Unit, Ratings]) -> set[str]:
    """The members with a score on an answer that another member scored too."""
    return {member for ratings in units.values() if len(ratings) > 1 for member in ratings}


def alpha_reading(alpha: float) -> str:
    """The plain-English reading of an alpha, by Krippendorff's bands: only for a reading at
    or above the minimum (``_alpha_of_units`` decides)."""
    if alpha >= GOOD_AGREEMENT:
        return GOOD
    if alpha >= TENTATIVE_AGREEMENT:
        return TENTATIVE
    return LOW if alpha >= 0 else SYSTEMATIC


def member_tendencies(
    scores: Iterable[QuestionScore], members: Sequence[str]
) -> tuple[MemberTendency, ...]:
    """For each member, the mean of (their score - the mean of the others' scores) over the
    units they and at least one other member scored. Worked for any number of members:
    ``panel_agreement`` decides whether there are enough to show them."""
    return _tendencies_of_units(_units(scores), members)


def _tendencies_of_units(
    units: Mapping[Unit, Ratings], members: Sequence[str]
) -> tuple[MemberTendency, ...]:
    shared = [(ratings, sum(ratings.values())) for ratings in units.values() if len(ratings) > 1]
    return tuple(_tendency(member, shared) for member in members)


def _tendency(member: str, shared: Sequence[tuple[Ratings, int]]) -> MemberTendency:
    # Each difference is score - others/n, i.e. (score * n - others) / n. Summed over a common
    # denominator in integers it stays exact, as Fractions were, at a fraction of their cost.
    differences = [
        (ratings[member] * (len(ratings) - 1) - (total - ratings[member]), len(ratings) - 1)
        for ratings, total in shared
        if member in ratings
    ]
    if not differences:
        return MemberTendency(member, None, 0, TOO_FEW_SHARED)
    common = math.lcm(*(others for _, others in differences))
    numerator = sum(excess * (common // others) for excess, others in differences)
    denominator = common * len(differences)
    # Exact, so the summary's signed figure and this reading round the same fraction.
    return MemberTendency(
        member,
        ExactFloat(numerator, denominator),
        len(differences),
        _tendency_text(numerator, denominator),
    )


def _tendency_text(numerator: int, denominator: int) -> str:
    """The reading of a difference of numerator / denominator (denominator > 0), exactly."""
    if abs(numerator) * IN_LINE_DIFFERENCE.denominator < (
        IN_LINE_DIFFERENCE.numerator * denominator
    ):
        return IN_LINE
    direction = "higher" if numerator > 0 else "lower"
    # Half-up, so a difference of exactly 0.25 reads "0.3" rather than Python's "0.2".
    about = figure_text(ExactFloat(abs(numerator), denominator))
    return f"Scores about {about} {direction} than the other members on average."


def _units(scores: Iterable[QuestionScore]) -> dict[Unit, dict[str, int]]:
    units: dict[Unit, dict[str, int]] = {}
    for score in scores:
        if score.score is not None:
            units.setdefault((score.candidate, score.question_id), {})[score.member] = score.score
    return units


def _raters(stage: StageScores) -> tuple[str, ...]:
    # A score from a member the caller left out of ``members`` still has a tendency to show.
    extra = sorted({score.member for score in stage.scores} - set(stage.members))
    return (*stage.members, *extra)


def _interval_alpha(paired: Mapping[Unit, Ratings]) -> float | None:
    members = sorted({member for ratings in paired.values() for member in ratings})
    if len({score for ratings in paired.values() for score in ratings.values()}) < 2:
        return None
    data = np.full((len(members), len(paired)), np.nan)
    for column, ratings in enumerate(paired.values()):
        for member, score in ratings.items():
            data[members.index(member), column] = score
    # The library divides by zero on degenerate data; the suite treats warnings as errors.
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            alpha = float(
                krippendorff.alpha(reliability_data=data, level_of_measurement="interval")
            )
        except ValueError:
            return None
    return alpha if math.isfinite(alpha) else None
