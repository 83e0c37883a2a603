"""The advert draft's plain values: the vacancy facts in, the sections out, and their order.

Also the GOV.UK date format, which the advert and the Word exports share.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from recruit.domain.question_bank.model import Innovation, RoleLevel

# In the order candidates read: the role, the values and practice model, what the post
# needs, how they will be assessed, what is offered, how to apply; the safer recruitment
# statements last, as councils place them. (The keys are kept from the first drafts, so a
# stored advert's sections keep their meaning.)
SECTION_KEYS: tuple[str, ...] = (
    "the_role",
    "council_and_innovation",
    "what_we_value",
    "what_you_will_bring",
    "how_we_assess",
    "practical_details",
    "how_to_apply",
    "safer_recruitment",
)
SECTION_HEADINGS: dict[str, str] = {
    "the_role": "The role",
    "council_and_innovation": "Our values and practice model",
    "what_we_value": "What we look for",
    "what_you_will_bring": "What you need",
    "how_we_assess": "How we will assess you",
    "practical_details": "What we offer",
    "how_to_apply": "How to apply",
    "safer_recruitment": "Safeguarding and safer recruitment",
}
# Guaranteed interview schemes a council may offer (its GUARANTEED_INTERVIEWS setting): who
# each guarantees an interview to. The advert names them all in one sentence, so a council
# offering every scheme does not spend forty words of its advert on them.
GUARANTEED_INTERVIEW_GROUPS: dict[str, str] = {
    "disability_confident": "disabled applicants (we are a Disability Confident employer)",
    "care_leavers": "care leavers (we are their corporate parents)",
    "armed_forces": "armed forces veterans",
}
DEFAULT_EQUALITY_STATEMENT = (
    "We welcome applications from everyone and will make reasonable adjustments at any "
    "stage: tell us what you need."
)
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class StageFact:
    """One stage of the vacancy's selection, as the advert names it."""

    label: str  # the stage type's label, e.g. "Young people's panel"
    decides: bool
    young_people: bool = False
    elected_members: bool = False


@dataclass(frozen=True)
class VacancyFacts:
    organisation_name: str
    title: str
    role_level: RoleLevel
    service_area: str
    innovation: Innovation
    salary: str
    contract: str
    location: str
    closing_date: datetime.date
    interview_dates: str
    hiring_manager: str
    # A web address, an email address, a contact, or a finished sentence; may be empty.
    how_to_apply: str = ""
    # What the council calls its place ("county", "city", "borough"): the bank's advert
    # outlines say "{place}" where they would otherwise assume one.
    place_noun: str = "area"
    # The essential criteria of the person specification (or the standard ones for the
    # level and model): "What you need". Empty: the model's essentials stand in.
    needs: tuple[str, ...] = ()
    # The vacancy's real stages, in order; None while none is set up, when the advert
    # promises no panel it may not hold.
    stages: tuple[StageFact, ...] | None = None
    # The organisation's statements (its settings).
    equality_statement: str = DEFAULT_EQUALITY_STATEMENT
    guaranteed_interviews: tuple[str, ...] = ()  # keys of GUARANTEED_INTERVIEW_LINES
    contact: str = ""  # who answers questions about applying, e.g. "the recruitment team ..."
    offer: str = ""  # what the council offers beyond pay, one or two sentences
    # What the council says about the right to work beyond checking it, e.g. whether it can
    # sponsor a Skilled Worker visa for the post.
    right_to_work: str = ""
    # A council on none of the three models may name its own ("Signs of Safety").
    practice_model: str = ""


@dataclass(frozen=True)
class AdvertSection:
    """One section; ``body`` is plain text, blank-line paragraphs, ``- `` bullet lines."""

    key: str
    heading: str
    body: str


def format_govuk_date(date: datetime.date) -> str:
    """The date as GOV.UK writes it, "12 January 2027", whatever the machine's locale."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"
