"""The advert draft's plain values: the vacancy facts in, the sections out, and their order.

Also the GOV.UK date format, which the advert and the Word exports share.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from recruit.domain.question_bank.model import Innovation, RoleLevel

SECTION_KEYS: tuple[str, ...] = (
    "council_and_innovation",
    "the_role",
    "what_we_value",
    "what_you_will_bring",
    "how_we_assess",
    "how_to_apply",
    "practical_details",
    "safer_recruitment",
)
SECTION_HEADINGS: dict[str, str] = {
    "council_and_innovation": "About us",
    "the_role": "The role",
    "what_we_value": "What we value",
    "what_you_will_bring": "What you will bring",
    "how_we_assess": "How we will assess you",
    "how_to_apply": "How to apply",
    "practical_details": "Practical details",
    "safer_recruitment": "Safeguarding and safer recruitment",
}
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


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


@dataclass(frozen=True)
class AdvertSection:
    """One section; ``body`` is plain text, blank-line paragraphs, ``- `` bullet lines."""

    key: str
    heading: str
    body: str


def format_govuk_date(date: datetime.date) -> str:
    """The date as GOV.UK writes it, "12 January 2027", whatever the machine's locale."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"
