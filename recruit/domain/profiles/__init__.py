"""Leadership profiles: a leader's self-ratings, colleagues' 360 feedback, and the target a
succession plan starts from (from the research report's profile and 360 workbooks).

A rating is a whole number from 1 to 5 on one attribute, or None when not rated.

Anonymity: colleagues' feedback is published in whole blocks of ``MIN_FEEDBACK_RESPONSES``
responses, and each attribute's mean in whole blocks of that many ratings
(``publish_in_blocks``), so neither one response nor the change it makes can be picked out.
The aggregate holds counts, means and readings, never the responses themselves.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

from recruit.domain.comparison.model import ContextProfile
from recruit.domain.scoring.model import HIGHEST_SCORE, LOWEST_SCORE, VALUES_ATTRIBUTE

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
    """Colleagues' view of one attribute. ``mean`` is None until a block of ratings is
    published; ``count`` is how many ratings the mean is based on (0 while hidden);
    ``difference`` is self minus colleagues, None when either is missing."""

    attribute: str
    mean: float | None
    count: int
    self_rating: int | None
    difference: float | None
    reading: str


@dataclass(frozen=True)
class FeedbackAggregate:
    """The 360 feedback as shown. ``responses`` have been sent, of ``asked`` (None when not
    known); the figures are based on the first ``published`` of them and change next when
    ``to_next_update`` more arrive. ``per_attribute`` is empty unless ``shown``."""

    responses: int
    asked: int | None
    threshold: int
    published: int
    to_next_update: int
    per_attribute: tuple[AttributeFeedback, ...]
    sentences: tuple[str, ...]

    @property
    def shown(self) -> bool:
        return self.published > 0

    def attribute(self, key: str) -> AttributeFeedback | None:
        return next((a for a in self.per_attribute if a.attribute == key), None)


@dataclass(frozen=True)
class SentFeedback:
    """One colleague's sent ratings, with what orders them: when it was sent, then the
    request's id."""

    sent_at: datetime | None
    request_id: int
    ratings: Ratings


@dataclass(frozen=True)
class PublishedRatings:
    """What may be shown: how many of the earliest responses count, and per attribute the
    ratings its mean is taken over (earliest first)."""

    responses: int
    ratings: Mapping[str, tuple[int, ...]]


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


def in_sending_order(sent: Iterable[SentFeedback]) -> list[Ratings]:
    """The ratings, earliest sent first. The request id breaks a tie, so the order is the
    same on every page view; one without a time (loaded from outside the app) is earliest."""
    earliest = datetime.min.replace(tzinfo=UTC)
    ordered = sorted(
        sent, key=lambda s: (s.sent_at is not None, s.sent_at or earliest, s.request_id)
    )
    return [s.ratings for s in ordered]


def publish_in_blocks(
    responses: Sequence[Mapping[str, int | None]],
    attributes: Sequence[str],
    block: int = MIN_FEEDBACK_RESPONSES,
) -> PublishedRatings:
    """The responses and ratings that may be shown, so no one colleague's answers can be
    worked out, not even by comparing the figures before and after they respond.

    ``responses`` are in the order they were sent. Two steps, both in whole blocks:

    1. Only the earliest ``block × (n // block)`` of the n responses count: 3, 6, 9 … with
       blocks of 3, so the figures change only when a block fills, never on one response.
    2. Within those, an attribute's mean takes only its earliest ``block × (m // block)``
       ratings, m being the counted responses that rated it (not "I cannot say"), so each
       attribute's figure also grows only by whole blocks of its own ratings.

    Why: a new response is sent after every counted one (its time is the server's when it
    is sent), so what counts only ever grows at the end. For every attribute, any two
    figures ever shown are means over nested earliest-first lists whose lengths differ by a
    multiple of ``block``, and a colleague gives an attribute at most one rating; so any
    difference between two figures (4 × new − 3 × old, say) is a total over at least
    ``block`` colleagues, never one person's answer. Step 1 alone is not enough: the second
    block could add a single rating on an attribute the other two could not say, and that
    rating would show exactly. Step 2 alone would move an attribute on the very response
    that completed its block, telling the owner that response rated it.

    This holds only while a sent response is never changed or removed, either of which
    would change what counts by one person: the routes lock a response once sent, accounts
    are disabled rather than deleted, and a disabled colleague's response still counts.
    """
    counted = responses[: _whole_blocks(len(responses), block)]
    ratings: dict[str, tuple[int, ...]] = {}
    for key in attributes:
        given = [rating for r in counted if (rating := r.get(key)) is not None]
        ratings[key] = tuple(given[: _whole_blocks(len(given), block)])
    return PublishedRatings(len(counted), ratings)


def _whole_blocks(count: int, block: int) -> int:
    return block * (count // block)


def aggregate_feedback(
    responses: Sequence[Ratings],
    attributes: Sequence[str],
    *,
    self_ratings: Ratings | None = None,
    threshold: int = MIN_FEEDBACK_RESPONSES,
    asked: int | None = None,
) -> FeedbackAggregate:
    """Colleagues' ratings pooled per attribute, published in blocks of ``threshold``
    (``publish_in_blocks``: read it for the rule and why).

    ``responses`` must be in the order they were sent, earliest first
    (``in_sending_order``). ``asked`` is how many colleagues were asked, for the sentences.
    Raises ValueError for a rating outside 1 to 5, or a threshold below
    ``MIN_FEEDBACK_RESPONSES`` (a lower one would let a single response be picked out).
    """
    if threshold < MIN_FEEDBACK_RESPONSES:
        raise ValueError(f"The threshold must be at least {MIN_FEEDBACK_RESPONSES}")
    checked = [{key: check_rating(key, r.get(key)) for key in attributes} for r in responses]
    mine = {key: check_rating(key, (self_ratings or {}).get(key)) for key in attributes}
    published = publish_in_blocks(checked, attributes, threshold)
    to_next = threshold - len(checked) % threshold
    sentences = _status(len(checked), asked, published.responses, to_next, threshold)
    per_attribute = tuple(
        _attribute_feedback(key, published, mine[key], threshold, asked=self_ratings is not None)
        for key in (attributes if published.responses else ())
    )
    return FeedbackAggregate(
        len(checked), asked, threshold, published.responses, to_next, per_attribute, sentences
    )


def _status(
    responded: int, asked: int | None, published: int, to_next: int, threshold: int
) -> tuple[str, ...]:
    more = f"{_colleagues(to_next, more=True)} {_have(to_next)} responded"
    if published:
        status = (
            f"The figures are based on the first {published} responses. They change only in "
            f"steps of {threshold} responses, so no one's answers can be worked out from a "
            "change.",
            f"The figures will next update when {more}.",
        )
    else:
        status = (
            f"The figures show once {threshold} colleagues have responded, so no one's "
            "answers can be picked out.",
            f"They will show when {more}.",
        )
    return (_responded(responded, asked), *status, *_shortfall(responded, asked, to_next))


def _responded(responded: int, asked: int | None) -> str:
    if asked == 0:
        return "No colleagues have been asked yet."
    if asked is None:
        if not responded:
            return "No colleagues have responded yet."
        return f"{_colleagues(responded)} {_have(responded)} responded."
    answered = f"{responded} {_have(responded)}" if responded else "none has"
    return f"{_colleagues(asked)} {_have(asked)} been asked and {answered} responded."


def _shortfall(responded: int, asked: int | None, to_next: int) -> tuple[str, ...]:
    # Everyone asked has answered and the block is not full: only asking more can help.
    if asked is None or asked - responded >= to_next:
        return ()
    short = to_next - (asked - responded)
    return (f"{_colleagues(short, more=True)} {'needs' if short == 1 else 'need'} to be asked.",)


def _colleagues(count: int, more: bool = False) -> str:
    noun = "colleague" if count == 1 else "colleagues"
    return f"{count} more {noun}" if more else f"{count} {noun}"


def _have(count: int) -> str:
    return "has" if count == 1 else "have"


def _attribute_feedback(
    key: str, published: PublishedRatings, mine: int | None, threshold: int, *, asked: bool
) -> AttributeFeedback:
    given = published.ratings[key]
    if not given:
        reading = f"Not shown: fewer than {threshold} of the colleagues counted rated this."
        return AttributeFeedback(key, None, 0, mine, None, reading)
    mean = statistics.fmean(given)
    # Fewer ratings than counted responses: say so, as the mean rests on fewer people.
    basis = (
        f" Based on {len(given)} ratings: not every colleague could rate this."
        if len(given) < published.responses
        else ""
    )
    if mine is None:
        unrated = " You have not rated yourself on it." if asked else ""
        reading = f"Colleagues rate this {_one_place(mean)} on average.{unrated}{basis}"
        return AttributeFeedback(key, mean, len(given), mine, None, reading)
    difference = mine - mean
    reading = _reading(difference) + basis
    return AttributeFeedback(key, mean, len(given), mine, difference, reading)


def _reading(difference: float) -> str:
    if abs(difference) < IN_LINE_DIFFERENCE:
        return "You rate yourself in line with colleagues."
    direction = "higher" if difference > 0 else "lower"
    return f"You rate yourself {_one_place(abs(difference))} {direction} than colleagues do."


def target_context(
    owner: str, self_ratings: Ratings, feedback: FeedbackAggregate | None = None
) -> tuple[ContextProfile, ...]:
    """A shared leadership profile as context beside a vacancy's target: the owner's
    self-rating, and colleagues' 360 mean where it is shown, each labelled as what it is.

    Never a target itself: a self-rating leans generous or modest with the person, and a
    target copied from the outgoing leader recruits in their image. The panel sets the
    target levels from what the role needs; this only sits beside them.
    """
    mine = {
        key: float(rating)
        for key, value in self_ratings.items()
        if (rating := check_rating(key, value)) is not None
    }
    shown = {
        a.attribute: a.mean
        for a in (feedback.per_attribute if feedback else ())
        if a.mean is not None
    }
    found = []
    if mine:
        found.append(ContextProfile(f"{owner}'s self-rating", mine))
    if shown and feedback is not None:
        colleagues = "colleague" if feedback.published == 1 else "colleagues"
        label = f"{owner}'s 360 mean ({feedback.published} {colleagues})"
        found.append(ContextProfile(label, shown))
    return tuple(found)


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
