"""Where a vacancy stands in the campaign, read from its records rather than set by hand.

HR's own status (draft, open, closed, appointed) says whether the post is open to
applications; the progress says what the work is now: draft, advertised, shortlisting,
interviewing, deciding, offer, filled or closed. It moves as the records do, so the list
and the task list never show "Draft" for a campaign that has reached its offer.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass


class Progress(enum.Enum):
    DRAFT = "draft"
    ADVERTISED = "advertised"
    SHORTLISTING = "shortlisting"
    INTERVIEWING = "interviewing"
    DECIDING = "deciding"
    OFFER = "offer"
    FILLED = "filled"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def next_step(self) -> str:
        """What HR does next at this point, for the home page and the task list."""
        return _NEXT_STEPS[self]


_NEXT_STEPS = {
    Progress.DRAFT: "Finish the advert and the person specification",
    Progress.ADVERTISED: "Add candidates as applications arrive",
    Progress.SHORTLISTING: "Record the shortlisting decisions and issue the interview plans",
    Progress.INTERVIEWING: "Follow the panels' score sheets and open moderation",
    Progress.DECIDING: "Record the appointment decision and its steps",
    Progress.OFFER: "Complete the pre-employment checks and record the appointment",
    Progress.FILLED: "Nothing more: keep the record until its retention date",
    Progress.CLOSED: "Nothing more: the campaign ended without an appointment",
}


@dataclass(frozen=True)
class ProgressFacts:
    """What the records show, gathered by ``recruit.vacancies.progress``."""

    status: str  # HR's own: draft, open, closed or appointed
    advert_finished: bool
    closing_date: datetime.date
    today: datetime.date
    candidates_taking_part: int
    shortlisting_decisions: int
    plans_issued: int
    sheets_submitted: int
    deciding_moderation_open: bool
    decision_recorded: bool
    offer_made: bool
    appointed: bool


def vacancy_progress(facts: ProgressFacts) -> Progress:
    """The furthest point the records reach, latest first. HR's own status counts only
    for "filled" (they recorded the appointment) and "closed" (closed with nobody left)."""
    if facts.appointed or facts.status == "appointed":
        return Progress.FILLED
    if facts.offer_made:
        return Progress.OFFER
    if facts.decision_recorded or facts.deciding_moderation_open:
        return Progress.DECIDING
    if facts.sheets_submitted:
        return Progress.INTERVIEWING
    if facts.status == "closed" and not facts.candidates_taking_part:
        return Progress.CLOSED
    if facts.shortlisting_decisions or facts.plans_issued or facts.today > facts.closing_date:
        return Progress.SHORTLISTING
    if facts.advert_finished:
        return Progress.ADVERTISED
    return Progress.DRAFT
