"""The decision's steps before an offer: confirmation, the executive's notice and objections."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from recruit.domain.decisions import (
    DecisionFacts,
    ObjectionFacts,
    objection_deadline,
    offer_blockers,
)

MONDAY = date(2027, 4, 12)
READY = DecisionFacts(
    appoints_someone=True,
    unconfirmed_members=(),
    members_appoint=True,
    executive_notified_on=MONDAY,
    objection_deadline=date(2027, 4, 19),
    objections=(),
    offer_made=False,
)


@pytest.mark.parametrize(
    ("notified", "days", "deadline"),
    [
        (MONDAY, 5, date(2027, 4, 19)),  # the next Monday
        (date(2027, 4, 16), 5, date(2027, 4, 23)),  # a Friday: the next Friday
        (date(2027, 4, 17), 1, date(2027, 4, 19)),  # a Saturday: the Monday
        (MONDAY, 0, MONDAY),
    ],
)
def test_the_deadline_counts_working_days(notified, days, deadline):
    assert objection_deadline(notified, days) == deadline


def test_once_the_period_ends_with_no_objection_the_offer_may_be_made():
    assert offer_blockers(READY, date(2027, 4, 20)) == []


def test_the_offer_waits_for_the_period_to_end():
    (blocker,) = offer_blockers(READY, date(2027, 4, 19))
    assert "objections may arrive until the end of Monday 19 April 2027" in blocker


def test_the_executive_must_be_told_first():
    facts = replace(READY, executive_notified_on=None, objection_deadline=None)
    assert offer_blockers(facts, date(2027, 5, 1)) == [
        "Tell every member of the executive of the proposed appointment"
    ]


def test_an_objection_needs_a_ruling_and_an_upheld_one_stops_the_offer():
    waiting = replace(READY, objections=(ObjectionFacts("Cllr Kaur", ruled=False, upheld=False),))
    upheld = replace(READY, objections=(ObjectionFacts("Cllr Kaur", ruled=True, upheld=True),))
    dismissed = replace(READY, objections=(ObjectionFacts("Cllr Kaur", ruled=True, upheld=False),))
    later = date(2027, 4, 30)

    assert offer_blockers(waiting, later) == ["The panel rules on the objection from Cllr Kaur"]
    assert "no offer can be made, and the panel decides again" in offer_blockers(upheld, later)[0]
    assert offer_blockers(dismissed, later) == []


def test_every_member_confirms_and_officer_appointments_skip_the_executive():
    facts = replace(
        READY,
        members_appoint=False,
        executive_notified_on=None,
        objection_deadline=None,
        unconfirmed_members=("Cllr Joan Whitaker",),
    )
    assert offer_blockers(facts, MONDAY) == [
        "Every member of the deciding panel confirms the decision: Cllr Joan Whitaker to do"
    ]
    assert offer_blockers(replace(facts, unconfirmed_members=()), MONDAY) == []


def test_no_appointment_means_no_offer_and_an_offer_is_made_once():
    assert offer_blockers(replace(READY, appoints_someone=False), MONDAY) == [
        "The panel decided to make no appointment"
    ]
    assert offer_blockers(replace(READY, offer_made=True), MONDAY) == ["The offer has been made"]


def test_a_reopened_moderation_or_a_changed_outcome_stops_the_offer():
    later = date(2027, 4, 30)
    reopened = replace(READY, moderation_closed=False)
    changed = replace(READY, candidate_appointable=False)

    assert "Moderation at the deciding stage was reopened" in offer_blockers(reopened, later)[0]
    assert "no longer appointable" in offer_blockers(changed, later)[0]
