"""The first draft of a job advert, composed from the vacancy, its innovation and the attributes.

The research report's first recommendation is to state the innovation's values in the
advert itself, so that applicants can judge their own fit before they apply. Each section
is finished text an adviser can publish as it stands or edit; none holds a placeholder.

This module is the entry point. The plain values are in ``advert_draft_model``, the
wording addressed to the applicant in ``advert_draft_applicant``, and each section's
heading and text in ``advert_draft_sections``; every public name is re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence

from recruit.domain.adverts.draft.applicant import (
    VALUES_ATTRIBUTE,
    applicant_statement,
    self_assessment_prompts,
    values_first,
)
from recruit.domain.adverts.draft.model import (
    SECTION_HEADINGS,
    SECTION_KEYS,
    AdvertSection,
    StageFact,
    VacancyFacts,
    format_govuk_date,
)
from recruit.domain.adverts.draft.sections import section_bodies, section_heading
from recruit.domain.adverts.role_levels import LEVEL_VOICES, LevelVoice
from recruit.domain.question_bank.model import Attribute

__all__ = [
    "LEVEL_VOICES",
    "SECTION_HEADINGS",
    "SECTION_KEYS",
    "VALUES_ATTRIBUTE",
    "AdvertSection",
    "StageFact",
    "LevelVoice",
    "VacancyFacts",
    "applicant_statement",
    "compose_advert",
    "format_govuk_date",
    "section_heading",
    "self_assessment_prompts",
    "values_first",
]


def compose_advert(facts: VacancyFacts, attributes: Sequence[Attribute]) -> list[AdvertSection]:
    """The eight sections of a first draft, in ``SECTION_KEYS`` order: the order candidates
    read, the safer recruitment statements last."""
    bodies = section_bodies(facts, values_first(attributes))
    return [AdvertSection(key, section_heading(key, facts), bodies[key]) for key in SECTION_KEYS]
