"""Adverts in the database: start from a composed draft, save sections as new versions."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml
from flask import current_app

from recruit import audit
from recruit.domain.adverts.check import AdvertCheck, AdvertLexicon, check_advert
from recruit.domain.adverts.draft import (
    AdvertSection,
    VacancyFacts,
    compose_advert,
    self_assessment_prompts,
)
from recruit.domain.adverts.draft.model import DEFAULT_EQUALITY_STATEMENT, StageFact
from recruit.domain.adverts.role_levels import is_politically_restricted
from recruit.domain.documents.advert import AdvertDocument
from recruit.domain.person_spec import Criterion
from recruit.domain.question_bank import QuestionBank
from recruit.extensions import db
from recruit.models import Advert, AdvertVersion, StageRole, StageType, User, Vacancy
from recruit.models.vacancies import CONTRACT_LABELS
from recruit.vacancies.person_spec import standard_criteria

ADVERT_LEXICON_FILE = "advert_lexicon.yaml"


class AdvertChangedElsewhere(Exception):
    def __init__(self, advert: Advert) -> None:
        super().__init__(advert.id)
        self.advert = advert


def vacancy_facts(vacancy: Vacancy, bank: QuestionBank, organisation_name: str) -> VacancyFacts:
    role_level = next(level for level in bank.role_levels if level.key == vacancy.role_level)
    return VacancyFacts(
        organisation_name=organisation_name,
        title=vacancy.title,
        role_level=role_level,
        service_area=vacancy.service_area,
        innovation=bank.innovation(vacancy.innovation),
        salary=vacancy.salary_range,
        contract=CONTRACT_LABELS.get(vacancy.contract, vacancy.contract),
        location=vacancy.location,
        closing_date=vacancy.closing_date,
        interview_dates=vacancy.interview_dates,
        hiring_manager=vacancy.hiring_manager,
        how_to_apply=f"Apply through {organisation_name}'s jobs website.",
        place_noun=current_app.config["PLACE_NOUN"],
        needs=advert_needs(vacancy),
        stages=advert_stages(vacancy),
        equality_statement=current_app.config["EQUALITY_STATEMENT"] or DEFAULT_EQUALITY_STATEMENT,
        guaranteed_interviews=current_app.config["GUARANTEED_INTERVIEWS"],
        contact=current_app.config["RECRUITMENT_CONTACT"],
        offer=current_app.config["ADVERT_OFFER"],
        right_to_work=current_app.config["RIGHT_TO_WORK_STATEMENT"],
        practice_model=current_app.config["PRACTICE_MODEL"],
    )


# What a panel tests; the checks (DBS, right to work, references) are in the advert's safer
# recruitment statements already.
_TESTED_BY_A_PANEL = frozenset({"interview", "exercise"})


def advert_needs(vacancy: Vacancy) -> tuple[str, ...]:
    """The essential criteria a panel tests, from the vacancy's person specification, or
    the standard ones for its level and model before HR has one."""
    criteria = [
        (row.text, row.essential, tuple(row.assessed_by or ())) for row in vacancy.criteria
    ] or [(c.text, c.essential, c.assessed_by) for c in standard_criteria(vacancy)]
    return tuple(
        " ".join(text.split())
        for text, essential, assessed_by in criteria
        if essential and _TESTED_BY_A_PANEL & set(assessed_by)
    )


def advert_stages(vacancy: Vacancy) -> tuple[StageFact, ...] | None:
    """The stages candidates attend, in order; None before any is set up."""
    stages = [stage for stage in vacancy.stages if stage.stage_type is not StageType.SHORTLISTING]
    if not stages:
        return None
    return tuple(
        StageFact(
            label=stage.stage_type.label,
            decides=stage.role is StageRole.DECIDING,
            young_people=stage.stage_type is StageType.YOUNG_PEOPLES_PANEL,
            elected_members=stage.stage_type is StageType.ELECTED_MEMBER_PANEL,
        )
        for stage in sorted(stages, key=lambda stage: stage.position)
    )


def start_advert(
    vacancy: Vacancy, bank: QuestionBank, organisation_name: str, user: User
) -> Advert:
    sections = compose_advert(vacancy_facts(vacancy, bank, organisation_name), bank.attributes)
    first = AdvertVersion(
        number=1,
        sections=[_section_dict(s) for s in sections],
        include_self_assessment=True,
        created_by_id=user.id,
        created_by_label=user.email,
        change_note="Draft composed from the vacancy, the innovation and the five attributes",
    )
    advert = Advert(versions=[first])
    db.session.add(advert)
    vacancy.advert = advert
    audit.record("advert.started", vacancy)
    return advert


def save_section(
    advert: Advert, key: str, heading: str, body: str, user: User, expected_lock_version: int
) -> None:
    _check_not_stale(advert, expected_lock_version)
    sections = [dict(section) for section in advert.current.sections]
    for section in sections:
        if section["key"] == key:
            section["heading"], section["body"] = heading, body
    _add_version(
        advert, sections, advert.current.include_self_assessment, user, f"Changed ‘{heading}’"
    )
    audit.record(
        "advert.section_changed", advert.vacancy, section=key, version=advert.current_version_number
    )


def set_self_assessment(
    advert: Advert, include: bool, user: User, expected_lock_version: int
) -> None:
    _check_not_stale(advert, expected_lock_version)
    note = "Self-assessment prompts included" if include else "Self-assessment prompts left out"
    _add_version(advert, advert.current.sections, include, user, note)
    audit.record("advert.self_assessment", advert.vacancy, include=include)


def set_finished(advert: Advert, finished: bool) -> None:
    advert.is_finished = finished
    audit.record("advert.marked_ready" if finished else "advert.reopened", advert.vacancy)


def _check_not_stale(advert: Advert, expected_lock_version: int) -> None:
    if advert.lock_version != expected_lock_version:
        raise AdvertChangedElsewhere(advert)


def _add_version(
    advert: Advert, sections: list[dict[str, Any]], include: bool, user: User, note: str
) -> None:
    number = advert.current_version_number + 1
    advert.versions.append(
        AdvertVersion(
            number=number,
            sections=[dict(s) for s in sections],
            include_self_assessment=include,
            created_by_id=user.id,
            created_by_label=user.email,
            change_note=note,
        )
    )
    advert.current_version_number = number
    advert.is_finished = False  # a changed advert needs reading again before it goes out


def _section_dict(section: AdvertSection) -> dict[str, str]:
    return {"key": section.key, "heading": section.heading, "body": section.body}


def sections_of(version: AdvertVersion) -> list[AdvertSection]:
    return [AdvertSection(s["key"], s["heading"], s["body"]) for s in version.sections]


def advert_document(
    vacancy: Vacancy, version: AdvertVersion, bank: QuestionBank, organisation_name: str
) -> AdvertDocument:
    role_level = next(level for level in bank.role_levels if level.key == vacancy.role_level)
    prompts = (
        self_assessment_prompts(bank.attributes, role_level)
        if version.include_self_assessment
        else []
    )
    return AdvertDocument(
        organisation_name=organisation_name,
        title=vacancy.title,
        innovation_name=bank.innovation(vacancy.innovation).name,
        closing_date=vacancy.closing_date,
        sections=sections_of(version),
        self_assessment=prompts,
        person_spec=tuple(
            Criterion(row.text, row.essential, tuple(row.assessed_by or ()))
            for row in vacancy.criteria
        ),
    )


def advert_text(sections: list[AdvertSection]) -> str:
    """The advert as one text for the language check: headings and bodies in order."""
    return "\n\n".join(f"{section.heading}\n\n{section.body}" for section in sections)


def lexicon(bank: QuestionBank) -> AdvertLexicon:
    return _lexicon_from_text(bank.reference_files[ADVERT_LEXICON_FILE])


@lru_cache(maxsize=4)
def _lexicon_from_text(text: str) -> AdvertLexicon:
    # Parsed once per process and bank version, not on every check.
    return AdvertLexicon.from_document(yaml.load(text, Loader=yaml.CSafeLoader))


def run_check(sections: list[AdvertSection], vacancy: Vacancy, bank: QuestionBank) -> AdvertCheck:
    return check_advert(
        advert_text(sections),
        lexicon=lexicon(bank),
        innovation=bank.innovation(vacancy.innovation),
        attributes=bank.attributes,
        all_key_terms=[term for innovation in bank.innovations for term in innovation.key_terms],
        politically_restricted=is_politically_restricted(vacancy.role_level),
    )
