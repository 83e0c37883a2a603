"""Leadership profiles, worked by hand: the self-rating summary, the 360 anonymity threshold,
self against colleagues, and the target a succession plan starts from. The block rule that
stops differencing: test_profiles_differencing.py."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recruit.domain.profiles import (
    MIN_FEEDBACK_RESPONSES,
    AttributeFeedback,
    FeedbackAggregate,
    aggregate_feedback,
    summarise_profile,
    target_context,
)

NAMES = {
    "values": "Values-driven leadership",
    "decisions": "Decisions for families",
    "practice-culture": "Practice and culture",
    "partnerships": "Partnerships",
    "buy-in": "Buy-in",
}
KEYS = tuple(NAMES)
FEEDBACK_KEYS = ("values", "decisions", "partnerships")
CLOSING = "A self-rating is a starting point: colleagues' feedback shows how others see you."
WAITING = (
    "The figures show once 3 colleagues have responded, so no one's answers can be picked out."
)


def ratings(*values: int | None) -> dict[str, int | None]:
    return dict(zip(KEYS, values, strict=True))


# The self-rating summary


def test_strongest_and_to_develop_list_every_tie():
    summary = summarise_profile(ratings(5, 3, 5, 2, 2), NAMES)
    assert summary.complete
    assert summary.rated == KEYS
    assert summary.strongest == ("values", "practice-culture")
    assert summary.to_develop == ("partnerships", "buy-in")
    assert summary.sentences == (
        "You rated yourself highest on Values-driven leadership and Practice and culture (5).",
        "You rated yourself lowest on Partnerships and Buy-in (2): the areas to develop first.",
        CLOSING,
    )


def test_values_among_the_lowest_is_called_the_foundation():
    summary = summarise_profile(ratings(2, 4, 4, 3, 2), NAMES)
    assert summary.strongest == ("decisions", "practice-culture")
    assert summary.to_develop == ("values", "buy-in")
    assert summary.sentences == (
        "You rated yourself highest on Decisions for families and Practice and culture (4).",
        "You rated yourself lowest on Values-driven leadership and Buy-in (2): the areas to "
        "develop first.",
        "Values-driven leadership is the foundation of the other four: the others rest on the "
        "values you lead by, so develop it first.",
        CLOSING,
    )


def test_an_incomplete_profile_lists_what_is_rated_and_asks_for_the_rest():
    summary = summarise_profile({"values": 4, "decisions": None, "partnerships": 3}, NAMES)
    assert not summary.complete
    assert summary.rated == ("values", "partnerships")
    assert summary.ratings == {**dict.fromkeys(KEYS), "values": 4, "partnerships": 3}
    assert (summary.strongest, summary.to_develop) == (("values",), ("partnerships",))
    assert summary.sentences == (
        "You rated yourself highest on Values-driven leadership (4).",
        "You rated yourself lowest on Partnerships (3): the area to develop first.",
        "You have rated 2 of the 5 attributes: rate the rest to complete your profile.",
    )


def test_all_fives_leave_nothing_to_develop():
    summary = summarise_profile(ratings(5, 5, 5, 5, 5), NAMES)
    assert summary.strongest == KEYS
    assert summary.to_develop == ()
    assert summary.sentences == ("You rated yourself 5 on every attribute you rated.", CLOSING)


def test_even_ratings_below_five_are_all_to_develop_and_said_once():
    summary = summarise_profile(ratings(3, 3, 3, 3, 3), NAMES)
    assert summary.strongest == summary.to_develop == KEYS
    assert summary.sentences[0] == "You rated yourself 3 on every attribute you rated."
    assert summary.sentences[1].startswith("Values-driven leadership is the foundation")
    assert len(summary.sentences) == 3


def test_a_single_rating():
    summary = summarise_profile({"decisions": 4}, NAMES)
    assert (summary.strongest, summary.to_develop) == (("decisions",), ("decisions",))
    assert summary.sentences[0] == "So far you have rated yourself 4 on Decisions for families."


def test_nothing_rated():
    summary = summarise_profile({}, NAMES)
    assert (summary.rated, summary.strongest, summary.to_develop) == ((), (), ())
    assert not summary.complete
    assert summary.sentences == (
        "You have not rated yourself on any attribute yet.",
        "Rate yourself from 1 to 5 on each to see your profile.",
    )


def test_a_rating_without_a_name_follows_named_by_its_key():
    summary = summarise_profile({"values": 3, "courage": 5}, {"values": "Values"})
    assert summary.attributes == ("values", "courage")
    assert summary.sentences[0] == "You rated yourself highest on courage (5)."


@pytest.mark.parametrize("rating", [0, 6, -1, True, 3.5, 4.0, "4"])
def test_a_rating_outside_one_to_five_raises(rating):
    with pytest.raises(ValueError, match="Rating for decisions"):
        summarise_profile({"values": 4, "decisions": rating}, NAMES)


rating = st.one_of(st.none(), st.integers(1, 5))


@settings(max_examples=100, deadline=None)
@given(st.tuples(*(rating for _ in KEYS)))
def test_any_profile_has_two_to_four_sentences_and_consistent_lists(values):
    summary = summarise_profile(ratings(*values), NAMES)
    assert 2 <= len(summary.sentences) <= 4
    given_ratings = {key: r for key, r in summary.ratings.items() if r is not None}
    assert set(summary.strongest) <= set(summary.rated)
    assert set(summary.to_develop) <= set(summary.rated)
    for key in summary.strongest:
        assert given_ratings[key] == max(given_ratings.values())
    for key in summary.to_develop:
        assert given_ratings[key] == min(given_ratings.values()) < 5
    assert summary.complete == (None not in values)


# 360 feedback: the anonymity threshold


def test_the_threshold_is_three():
    assert MIN_FEEDBACK_RESPONSES == 3


@pytest.mark.parametrize(
    ("count", "responded", "more"),
    [
        (0, "No colleagues have responded yet.", "3 more colleagues have"),
        (1, "1 colleague has responded.", "2 more colleagues have"),
        (2, "2 colleagues have responded.", "1 more colleague has"),
    ],
)
def test_fewer_than_three_responses_show_nothing(count, responded, more):
    responses = [{"values": 5, "decisions": 1}] * count
    aggregate = aggregate_feedback(responses, FEEDBACK_KEYS, self_ratings={"values": 3})
    sentences = (responded, WAITING, f"They will show when {more} responded.")
    assert aggregate == FeedbackAggregate(count, None, 3, 0, 3 - count, (), sentences)
    assert not aggregate.shown


def test_three_responses_show_the_means_and_self_minus_colleagues():
    responses = [
        {"values": 3, "decisions": 4, "partnerships": 4},
        {"values": 3, "decisions": 4, "partnerships": None},
        {"values": 4, "decisions": 5, "partnerships": 5},
    ]
    self_ratings = {"values": 4, "decisions": 3, "partnerships": 5}
    aggregate = aggregate_feedback(responses, FEEDBACK_KEYS, self_ratings=self_ratings)
    assert (aggregate.responses, aggregate.published, aggregate.shown) == (3, 3, True)
    assert aggregate.sentences == (
        "3 colleagues have responded.",
        "The figures are based on the first 3 responses. They change only in steps of 3 "
        "responses, so no one's answers can be worked out from a change.",
        "The figures will next update when 3 more colleagues have responded.",
    )
    values, decisions, partnerships = aggregate.per_attribute
    # values: 4 - 10/3 = +0.67, rated higher by oneself than by colleagues.
    assert (values.mean, values.count, values.difference) == pytest.approx((10 / 3, 3, 2 / 3))
    assert values.reading == "You rate yourself 0.7 higher than colleagues do."
    # decisions: 3 - 13/3 = -1.33.
    assert decisions.difference == pytest.approx(-4 / 3)
    assert decisions.reading == "You rate yourself 1.3 lower than colleagues do."
    # One colleague skipped partnerships: only 2 ratings, so its mean is hidden too.
    assert partnerships == AttributeFeedback(
        "partnerships",
        None,
        0,
        5,
        None,
        "Not shown: fewer than 3 of the colleagues counted rated this.",
    )


@pytest.mark.parametrize(
    ("mine", "reading"),
    [
        (4, "You rate yourself 0.5 higher than colleagues do."),
        (3, "You rate yourself 0.5 lower than colleagues do."),
    ],
)
def test_half_a_point_is_not_in_line(mine, reading):
    responses = [{"values": v} for v in (3, 4, 4, 3, 3, 4)]
    aggregate = aggregate_feedback(responses, ["values"], self_ratings={"values": mine})
    assert aggregate.per_attribute[0].reading == reading


def test_under_half_a_point_is_in_line():
    responses = [{"values": v} for v in (3, 3, 4)]
    aggregate = aggregate_feedback(responses, ["values"], self_ratings={"values": 3})
    assert aggregate.per_attribute[0].difference == pytest.approx(-1 / 3)
    assert aggregate.per_attribute[0].reading == "You rate yourself in line with colleagues."


def test_without_a_self_rating_there_is_no_difference():
    responses = [{"values": v, "decisions": 4} for v in (3, 3, 4)]
    no_self = aggregate_feedback(responses, ["values"])
    assert no_self.per_attribute[0].difference is None
    assert no_self.per_attribute[0].reading == "Colleagues rate this 3.3 on average."
    unrated = aggregate_feedback(responses, FEEDBACK_KEYS[:2], self_ratings={"decisions": 4})
    assert unrated.attribute("values") == AttributeFeedback(
        "values",
        pytest.approx(10 / 3),
        3,
        None,
        None,
        "Colleagues rate this 3.3 on average. You have not rated yourself on it.",
    )
    assert unrated.attribute("buy-in") is None


def test_a_higher_threshold_hides_more_and_a_lower_one_is_refused():
    responses = [{"values": 4}] * 4
    assert not aggregate_feedback(responses, ["values"], threshold=5).shown
    with pytest.raises(ValueError, match="at least 3"):
        aggregate_feedback(responses, ["values"], threshold=2)


def test_an_invalid_colleague_rating_raises():
    with pytest.raises(ValueError, match="Rating for values"):
        aggregate_feedback([{"values": 7}] * 3, ["values"])


def test_the_aggregate_holds_no_individual_response():
    names = {field.name for field in dataclasses.fields(FeedbackAggregate)}
    assert names == {
        "responses",
        "asked",
        "threshold",
        "published",
        "to_next_update",
        "per_attribute",
        "sentences",
    }
    per_attribute = {field.name for field in dataclasses.fields(AttributeFeedback)}
    assert per_attribute == {"attribute", "mean", "count", "self_rating", "difference", "reading"}
    aggregate = aggregate_feedback([{"values": 2}, {"values": 5}, {"values": 5}], ["values"])
    assert isinstance(aggregate.responses, int)


responses_strategy = st.lists(st.fixed_dictionaries({k: rating for k in FEEDBACK_KEYS}))


@settings(max_examples=100, deadline=None)
@given(responses_strategy)
def test_no_mean_is_ever_shown_from_fewer_than_three_ratings(responses):
    aggregate = aggregate_feedback(responses, FEEDBACK_KEYS)
    assert aggregate.shown == (len(responses) >= 3)
    if not aggregate.shown:
        assert aggregate.per_attribute == ()
    for feedback in aggregate.per_attribute:
        assert (feedback.mean is not None) == (feedback.count >= 3)


# Seeding the succession target


def feedback(*responses: dict[str, int | None]) -> FeedbackAggregate:
    return aggregate_feedback(responses, FEEDBACK_KEYS)


def test_context_beside_a_target_labels_the_self_rating_and_the_360_mean_apart():
    shown = feedback(
        {"values": 3, "decisions": 2, "partnerships": 4},
        {"values": 3, "decisions": 2, "partnerships": 4},
        {"values": 4, "decisions": 3},
    )
    self_ratings = {"values": 5, "decisions": 5, "partnerships": 4, "buy-in": None}
    mine, colleagues = target_context("Margaret Hale", self_ratings, shown)
    assert mine.label == "Margaret Hale's self-rating"
    assert mine.figures == {"values": 5.0, "decisions": 5.0, "partnerships": 4.0}
    assert colleagues.label == "Margaret Hale's 360 mean (3 colleagues)"
    # Colleagues' exact means, never rounded into a target: partnerships has 2 ratings only.
    assert colleagues.figures["values"] == pytest.approx(10 / 3)
    assert "partnerships" not in colleagues.figures


def test_context_is_only_the_self_rating_while_feedback_is_hidden():
    hidden = feedback({"values": 1}, {"values": 1})
    (mine,) = target_context("Margaret Hale", {"values": 4, "decisions": None}, hidden)
    assert (mine.label, mine.figures) == ("Margaret Hale's self-rating", {"values": 4.0})
    assert target_context("Margaret Hale", {}) == ()


def test_context_refuses_an_invalid_self_rating():
    with pytest.raises(ValueError, match="Rating for values"):
        target_context("Margaret Hale", {"values": 9})
