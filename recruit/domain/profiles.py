"""Leadership profiles: a leader's self-ratings, colleagues' 360 feedback, and the target a
succession plan starts from (from the research report's profile and 360 workbooks).

A rating is a whole number from 1 to 5 on one attribute, or None when not rated.

Anonymity: colleagues' feedback shows only once ``MIN_FEEDBACK_RESPONSES`` have responded,
and an attribute's mean only once that many rated it, so no one response can be picked
out. The aggregate holds counts, means and readings, never the responses themselves.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from recruit.domain.scoring_model import HIGHEST_SCORE, LOWEST_SCORE, VALUES_ATTRIBUTE

MIN_FEEDBACK_RESPONSES = 3
# A self-rating this close to colleagues' mean reads as "in line": under half a point is
# within what one colleague's rating moves a small group's mean.
IN_LINE_DIFFERENCE = 0.5

Ratings = Mapping[str, int | None]


@dataclass(frozen=True)
class ProfileSummary:
    """What a self-rating says: ``attributes`` in display order, the ``rated`` ones,
    ``strongest`` (highest rating, ties all listed), ``to_develop`` (lowest rating, ties
    all listed, empty when the lowest is 5) and two to four plain-English ``sentences``."""

    attributes: tuple[str, ...]
    ratings: Mapping[str, int | None]
    rated: tuple[str, ...]
    complete: bool
    strongest: tuple[str, ...]
    to_develop: tuple[str, ...]
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class AttributeFeedback:
    """Colleagues' view of one attribute. ``mean`` is None when fewer than the threshold
    rated it; ``difference`` is self minus colleagues, None when either is missing."""

    attribute: str
    mean: float | None
    count: int
    self_rating: int | None
    difference: float | None
    reading: str


@dataclass(frozen=True)
class FeedbackAggregate:
    """The 360 feedback as shown: ``per_attribute`` is empty unless ``shown``."""

    responses: int
    threshold: int
    shown: bool
    per_attribute: tuple[AttributeFeedback, ...]
    message: str

    def attribute(self, key: str) -> AttributeFeedback | None:
        return next((a for a in self.per_attribute if a.attribute == key), None)


def check_rating(attribute: str, rating: object) -> int | None:
    """The rating if it is a whole number from 1 to 5 or None; otherwise ValueError."""
    if rating is None:
        return None
    # bool is an int in Python, but True is not a rating.
    if isinstance(rating, bool) or not isinstance(rating, int):
        raise ValueError(f"Rating for {attribute} must be a whole number, not {rating!r}")
    if not LOWEST_SCORE <= rating <= HIGHEST_SCORE:
        raise ValueError(
            f"Rating for {attribute} must be from {LOWEST_SCORE} to {HIGHEST_SCORE}, not {rating}"
        )
    return rating


def summarise_profile(ratings: Ratings, names: Mapping[str, str]) -> ProfileSummary:
    """The summary of a self-rating. ``names`` lists the attributes in display order (any
    rated attribute not in it follows, named by its key)."""
    attributes = tuple(dict.fromkeys((*names, *ratings)))
    checked = {key: check_rating(key, ratings.get(key)) for key in attributes}
    given = {key: rating for key, rating in checked.items() if rating is not None}
    highest, lowest = max(given.values(), default=None), min(given.values(), default=None)
    strongest = tuple(key for key, rating in given.items() if rating == highest)
    develop = tuple(k for k, r in given.items() if r == lowest and r < HIGHEST_SCORE)
    summary = ProfileSummary(
        attributes=attributes,
        ratings=checked,
        rated=tuple(given),
        complete=bool(attributes) and len(given) == len(attributes),
        strongest=strongest,
        to_develop=develop,
        sentences=(),
    )
    return replace(summary, sentences=_profile_sentences(summary, names))


def _profile_sentences(summary: ProfileSummary, names: Mapping[str, str]) -> tuple[str, ...]:
    if not summary.rated:
        return (
            "You have not rated yourself on any attribute yet.",
            f"Rate yourself from {LOWEST_SCORE} to {HIGHEST_SCORE} on each to see your profile.",
        )
    sentences = [*_contrast(summary, names)]
    if VALUES_ATTRIBUTE in summary.to_develop and len(summary.attributes) > 1:
        others = _number(len(summary.attributes) - 1)
        sentences.append(
            f"{names.get(VALUES_ATTRIBUTE, VALUES_ATTRIBUTE)} is the foundation of the other "
            f"{others}: the others rest on the values you lead by, so develop it first."
        )
    if summary.complete:
        sentences.append(
            "A self-rating is a starting point: colleagues' feedback shows how others see you."
        )
    else:
        sentences.append(
            f"You have rated {len(summary.rated)} of the {len(summary.attributes)} attributes: "
            "rate the rest to complete your profile."
        )
    return tuple(sentences)


def _contrast(summary: ProfileSummary, names: Mapping[str, str]) -> tuple[str, ...]:
    top = summary.ratings[summary.strongest[0]]
    if set(summary.strongest) == set(summary.rated):
        # Every rating the same: no attribute stands out, so say that rather than listing
        # the same attributes as both strongest and to develop.
        if len(summary.rated) == 1:
            return (f"So far you have rated yourself {top} on {_names(summary.rated, names)}.",)
        return (f"You rated yourself {top} on every attribute you rated.",)
    low = summary.ratings[summary.to_develop[0]]
    area = "areas" if len(summary.to_develop) > 1 else "area"
    return (
        f"You rated yourself highest on {_names(summary.strongest, names)} ({top}).",
        f"You rated yourself lowest on {_names(summary.to_develop, names)} ({low}): "
        f"the {area} to develop first.",
    )


def aggregate_feedback(
    responses: Sequence[Ratings],
    attributes: Sequence[str],
    *,
    self_ratings: Ratings | None = None,
    threshold: int = MIN_FEEDBACK_RESPONSES,
) -> FeedbackAggregate:
    """Colleagues' ratings pooled per attribute, hidden below the anonymity threshold.

    Raises ValueError for a rating outside 1 to 5, or a threshold below
    ``MIN_FEEDBACK_RESPONSES`` (a lower one would let a single response be picked out).
    """
    if threshold < MIN_FEEDBACK_RESPONSES:
        raise ValueError(f"The threshold must be at least {MIN_FEEDBACK_RESPONSES}")
    checked = [{key: check_rating(key, r.get(key)) for key in attributes} for r in responses]
    mine = {key: check_rating(key, (self_ratings or {}).get(key)) for key in attributes}
    count = len(checked)
    if count < threshold:
        return FeedbackAggregate(count, threshold, False, (), _waiting(count, threshold))
    per_attribute = tuple(
        _attribute_feedback(
            key, [r[key] for r in checked], mine[key], threshold, self_ratings is not None
        )
        for key in attributes
    )
    noun = "colleague has" if count == 1 else "colleagues have"
    return FeedbackAggregate(count, threshold, True, per_attribute, f"{count} {noun} responded.")


def _waiting(count: int, threshold: int) -> str:
    shows = f"the results show once {threshold} have, so no one's answers can be picked out."
    if count == 0:
        return f"No colleagues have responded yet: {shows}"
    verb = "has" if count == 1 else "have"
    return f"{count} of at least {threshold} colleagues {verb} responded: {shows}"


def _attribute_feedback(
    key: str, ratings: Iterable[int | None], mine: int | None, threshold: int, asked: bool
) -> AttributeFeedback:
    given = [rating for rating in ratings if rating is not None]
    if len(given) < threshold:
        reading = f"Not shown: fewer than {threshold} colleagues rated this."
        return AttributeFeedback(key, None, len(given), mine, None, reading)
    mean = statistics.fmean(given)
    if mine is None:
        unrated = " You have not rated yourself on it." if asked else ""
        reading = f"Colleagues rate this {_one_place(mean)} on average.{unrated}"
        return AttributeFeedback(key, mean, len(given), mine, None, reading)
    difference = mine - mean
    return AttributeFeedback(key, mean, len(given), mine, difference, _reading(difference))


def _reading(difference: float) -> str:
    if abs(difference) < IN_LINE_DIFFERENCE:
        return "You rate yourself in line with colleagues."
    direction = "higher" if difference > 0 else "lower"
    return f"You rate yourself {_one_place(abs(difference))} {direction} than colleagues do."


def seed_target(
    self_ratings: Ratings, feedback: FeedbackAggregate | None = None
) -> dict[str, float]:
    """The minimums a succession target starts from, per attribute.

    Colleagues' mean where it is shown (rounded to one place, half up), else the self
    rating; an attribute with neither is left out. Colleagues' pooled view is preferred
    because self-ratings lean generous or modest with the person; the panel edits the
    result, so this is only a starting point.
    """
    shown = {
        a.attribute: a.mean
        for a in (feedback.per_attribute if feedback else ())
        if a.mean is not None
    }
    seeded: dict[str, float] = {}
    for key in dict.fromkeys((*self_ratings, *shown)):
        mine = check_rating(key, self_ratings.get(key))
        if key in shown:
            seeded[key] = float(_half_up(shown[key]))
        elif mine is not None:
            seeded[key] = float(mine)
    return seeded


def _half_up(value: float) -> Decimal:
    # Through the shortest decimal repr, so 3.25 rounds to 3.3 as a person would expect.
    return Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _one_place(value: float) -> str:
    return str(_half_up(value))


def _names(keys: Sequence[str], names: Mapping[str, str]) -> str:
    labels = [names.get(key, key) for key in keys]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"


def _number(count: int) -> str:
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    return words[count] if count < len(words) else str(count)
