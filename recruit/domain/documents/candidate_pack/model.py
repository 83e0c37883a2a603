"""The plain values a candidate pack is made from, filled by the web app or the command line."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from recruit.domain.documents.advert import AdvertDocument


@dataclass(frozen=True)
class PackStage:
    """One stage of the selection as an applicant sees it: never who sits on its panel."""

    name: str
    type_label: str
    held_on: datetime.date | None = None


@dataclass(frozen=True)
class PackWording:
    """The statements the pack adds to the advert's own safer recruitment section, from
    ``question_bank/candidate_pack.yaml`` so that HR can change them without touching code."""

    self_disclosure: str
    references: str
    conditional_offer: str


@dataclass(frozen=True)
class CandidatePack:
    """What an applicant downloads with the advert.

    ``advert`` is the advert as its own export builds it (current sections and person
    specification); ``safer_recruitment`` is the safer recruitment statement the advert
    makes, which the pack prints once, in its own section, followed by ``wording``.
    """

    advert: AdvertDocument
    reference: str
    salary: str
    contract: str
    location: str
    interview_dates: str
    contact: str
    stages: Sequence[PackStage]
    safer_recruitment: str
    wording: PackWording
