"""360 anonymity against differencing: the published figures move only in whole blocks.

The attack from the security probe: with 3 responses shown and a 4th added, 4 × new mean −
3 × old mean gave the 4th colleague's exact answer. These tests replay the owner's view
after every response (every prefix of the sent order) and check that any two figures ever
shown for an attribute differ by the ratings of at least 3 colleagues, or not at all.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recruit.domain.profiles import (
    FeedbackAggregate,
    SentFeedback,
    aggregate_feedback,
    in_sending_order,
    publish_in_blocks,
)

KEYS = ("values", "decisions", "partnerships")
Figure = tuple[int, int]  # (ratings counted, their total) for one attribute


def shown_figures(aggregate: FeedbackAggregate) -> dict[str, Figure]:
    """What the owner can read off the page, as (count, total) per attribute."""
    figures = {}
    for key in KEYS:
        found = aggregate.attribute(key)
        if found is None or found.mean is None:
            figures[key] = (0, 0)
        else:
            figures[key] = (found.count, round(found.mean * found.count))
    return figures


def owner_views(responses, threshold=3):  # type: ignore[no-untyped-def]
    """The page after each response arrives: prefixes 0, 1, ... n of the sent order."""
    return [
        aggregate_feedback(responses[:n], KEYS, threshold=threshold)
        for n in range(len(responses) + 1)
    ]


def contributors(responses, aggregate: FeedbackAggregate, key: str) -> list[int]:  # type: ignore[no-untyped-def]
    """Which responses the shown figure for ``key`` must be made of: the earliest ``count``
    that rated it among the published ones. Worked out here independently of the rule."""
    found = aggregate.attribute(key)
    count = found.count if found is not None else 0
    rated = [i for i, r in enumerate(responses[: aggregate.published]) if r.get(key) is not None]
    return rated[:count]


def test_the_attack_from_the_probe_recovers_nothing():
    first_three = [{"values": 2}, {"values": 2}, {"values": 5}]
    fourth = {"values": 5}
    old = aggregate_feedback(first_three, ["values"]).attribute("values")
    new = aggregate_feedback([*first_three, fourth], ["values"]).attribute("values")
    assert old is not None and new is not None and old.mean is not None
    assert new.mean == old.mean == 3.0 and new.count == old.count == 3
    # The attacker's arithmetic gives back the old mean, not the 4th colleague's 5.
    assert 4 * new.mean - 3 * old.mean == 3.0 != fourth["values"]


def test_the_fourth_and_fifth_change_nothing_and_the_sixth_moves_in_a_block_of_three():
    responses = [{"values": v} for v in (2, 2, 5, 5, 4, 3)]
    views = owner_views(responses)
    figures = [shown_figures(view)["values"] for view in views]
    assert figures == [(0, 0), (0, 0), (0, 0), (3, 9), (3, 9), (3, 9), (6, 21)]
    assert [view.to_next_update for view in views] == [3, 2, 1, 3, 2, 1, 3]
    assert views[4].sentences[-1] == (
        "The figures will next update when 2 more colleagues have responded."
    )
    # The sixth moved the total by 12 = 5 + 4 + 3: three colleagues, not one.
    assert figures[6][1] - figures[5][1] == 12


def test_one_new_rating_on_an_attribute_does_not_show_even_when_a_block_fills():
    # The second block: only the 4th colleague could rate decisions. Publishing the first 6
    # responses' decisions ratings would show (3 + 3 + 3 + 5) / 4 and give away the 5.
    responses = [
        {"values": 3, "decisions": 3},
        {"values": 3, "decisions": 3},
        {"values": 3, "decisions": 3},
        {"values": 4, "decisions": 5},
        {"values": 4, "decisions": None},
        {"values": 4, "decisions": None},
    ]
    after_three = shown_figures(aggregate_feedback(responses[:3], KEYS))
    after_six = aggregate_feedback(responses, KEYS)
    assert shown_figures(after_six)["values"] == (6, 21)
    assert shown_figures(after_six)["decisions"] == after_three["decisions"] == (3, 9)
    decisions = after_six.attribute("decisions")
    assert decisions is not None
    assert decisions.reading == (
        "Colleagues rate this 3.0 on average. Based on 3 ratings: not every colleague could "
        "rate this."
    )


def test_an_attribute_waits_for_three_ratings_across_blocks():
    # Each block has two "I cannot say" on partnerships: its 3rd rating comes in the 3rd
    # block, and only then does partnerships show, over those three colleagues.
    block = [{"partnerships": 4}, {"partnerships": None}, {"partnerships": None}]
    views = owner_views([*block, *block, *block])
    counts = [shown_figures(view)["partnerships"][0] for view in views]
    assert counts == [0] * 9 + [3]


def test_a_response_is_never_published_on_its_own_time_but_in_sent_order():
    base = datetime(2026, 3, 1, 9, tzinfo=UTC)
    sent = [
        SentFeedback(base + timedelta(minutes=5), 1, {"values": 1}),
        SentFeedback(base, 7, {"values": 2}),
        SentFeedback(base, 3, {"values": 3}),  # the same instant: the lower request id first
        SentFeedback(None, 9, {"values": 4}),  # no time (loaded from elsewhere): earliest
    ]
    assert in_sending_order(sent) == [{"values": 4}, {"values": 3}, {"values": 2}, {"values": 1}]


def test_blocks_follow_the_threshold():
    responses = [{"values": 4}] * 9
    published = publish_in_blocks(responses, ["values"], block=4)
    assert (published.responses, published.ratings["values"]) == (8, (4,) * 8)
    assert aggregate_feedback(responses, ["values"], threshold=4).to_next_update == 3


WAITING = (
    "The figures show once 3 colleagues have responded, so no one's answers can be picked out."
)
SHOWN = (
    "The figures are based on the first 3 responses. They change only in steps of 3 "
    "responses, so no one's answers can be worked out from a change."
)


@pytest.mark.parametrize(
    ("asked", "responded", "sentences"),
    [
        (0, 0, ("No colleagues have been asked yet.", WAITING,
                "They will show when 3 more colleagues have responded.",
                "3 more colleagues need to be asked.")),
        (5, 0, ("5 colleagues have been asked and none has responded.", WAITING,
                "They will show when 3 more colleagues have responded.")),
        (1, 1, ("1 colleague has been asked and 1 has responded.", WAITING,
                "They will show when 2 more colleagues have responded.",
                "2 more colleagues need to be asked.")),
        (5, 4, ("5 colleagues have been asked and 4 have responded.", SHOWN,
                "The figures will next update when 2 more colleagues have responded.",
                "1 more colleague needs to be asked.")),
        (7, 5, ("7 colleagues have been asked and 5 have responded.", SHOWN,
                "The figures will next update when 1 more colleague has responded.")),
    ],
)  # fmt: skip
def test_the_sentences_count_who_was_asked_and_say_when_the_figures_next_update(
    asked, responded, sentences
):
    aggregate = aggregate_feedback([{"values": 3}] * responded, ["values"], asked=asked)
    assert aggregate.sentences == sentences


rating = st.one_of(st.none(), st.integers(1, 5))
response = st.fixed_dictionaries({key: rating for key in KEYS})


@settings(max_examples=300, deadline=None)
@given(st.lists(response, max_size=20), st.sampled_from([3, 4]))
def test_no_two_figures_ever_shown_differ_by_fewer_than_a_block_of_colleagues(responses, threshold):
    views = owner_views(responses, threshold)
    for key in KEYS:
        shown = [shown_figures(view)[key] for view in views]
        who = [set(contributors(responses, view, key)) for view in views]
        for view, figure, people in zip(views, shown, who, strict=True):
            # The figure is exactly the ratings of those colleagues, so the sets below are
            # what any arithmetic on two figures can reach.
            assert figure[1] == sum(responses[i][key] for i in people)
            assert figure[0] == len(people) and figure[0] % threshold == 0
            assert view.published % threshold == 0
        for earlier, later in combinations(range(len(views)), 2):
            assert who[earlier] <= who[later], "a colleague left a published figure"
            added = who[later] - who[earlier]
            assert not added or len(added) >= threshold, (key, earlier, later, added)
            if not added:
                assert shown[earlier] == shown[later]


@settings(max_examples=200, deadline=None)
@given(st.lists(response, min_size=1, max_size=15))
def test_no_single_response_can_be_recovered_from_successive_figures(responses):
    # The probe's attack, generalised: for every response j and attribute, no difference
    # of two successive shown (count, total) pairs is exactly that response's rating alone.
    views = owner_views(responses)
    for key in KEYS:
        shown = [shown_figures(view)[key] for view in views]
        for before, after in zip(shown, shown[1:], strict=False):
            change = (after[0] - before[0], after[1] - before[1])
            assert change == (0, 0) or change[0] >= 3
