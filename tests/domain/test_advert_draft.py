"""The advert's first draft: eight finished sections drawn from the vacancy and the bank."""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

import pytest

from recruit.domain.adverts.draft import (
    SECTION_HEADINGS,
    SECTION_KEYS,
    AdvertSection,
    StageFact,
    VacancyFacts,
    applicant_statement,
    compose_advert,
    format_govuk_date,
    self_assessment_prompts,
)
from recruit.domain.question_bank import Behaviour, QuestionBank, RoleLevel, load_bank

BANK = Path(__file__).resolve().parents[2] / "question_bank"
INNOVATIONS = ["family_safeguarding", "no_wrong_door", "family_valued", "any"]
ROLE_LEVELS = [
    "dcs",
    "assistant_director",
    "head_of_service",
    "service_manager",
    "team_manager",
    "practice_lead",
    "programme_manager",
]
PLACEHOLDER = re.compile(r"\[|\{|\}|todo|lorem|insert|tbc|xxx", re.IGNORECASE)
CLOSING = datetime.date(2027, 1, 12)


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(BANK)


def make_facts(bank: QuestionBank, level: str, innovation: str, **changes: object) -> VacancyFacts:
    role_level = next(item for item in bank.role_levels if item.key == level)
    facts = VacancyFacts(
        organisation_name="Testshire County Council",
        title=role_level.name,
        role_level=role_level,
        service_area="Children's social care",
        innovation=bank.innovation(innovation),
        salary="£95,000 to £105,000 a year",
        contract="Permanent, full time",
        location="County Hall, Testford, with hybrid working",
        closing_date=CLOSING,
        interview_dates="3 and 4 February 2027",
        hiring_manager="Sam Patel, Director of Children's Services",
        how_to_apply="https://jobs.testshire.gov.uk/12345",
    )
    return dataclasses.replace(facts, **changes)  # type: ignore[arg-type]


def sections_by_key(sections: list[AdvertSection]) -> dict[str, AdvertSection]:
    return {section.key: section for section in sections}


def full_text(sections: list[AdvertSection]) -> str:
    return "\n".join(f"{section.heading}\n{section.body}" for section in sections)


# --- every innovation at every level ------------------------------------------------------


@pytest.mark.parametrize("innovation", INNOVATIONS)
@pytest.mark.parametrize("level", ROLE_LEVELS)
def test_draft_has_eight_finished_sections_in_order(
    bank: QuestionBank, level: str, innovation: str
) -> None:
    sections = compose_advert(make_facts(bank, level, innovation), bank.attributes)

    assert [section.key for section in sections] == list(SECTION_KEYS)
    for section in sections:
        assert section.heading.strip() and section.body.strip(), section.key
        assert not PLACEHOLDER.search(section.heading + section.body), section.key
        for line in section.body.split("\n"):
            if line and not line.startswith("- "):
                assert line.rstrip()[-1] in ".:?", f"unfinished line in {section.key}: {line!r}"


@pytest.mark.parametrize("innovation", INNOVATIONS)
@pytest.mark.parametrize("level", ROLE_LEVELS)
def test_draft_names_the_model_every_attribute_and_the_closing_date(
    bank: QuestionBank, level: str, innovation: str
) -> None:
    sections = compose_advert(make_facts(bank, level, innovation), bank.attributes)
    by_key = sections_by_key(sections)
    text = full_text(sections)

    model = "our practice model" if innovation == "any" else bank.innovation(innovation).name
    assert model.removeprefix("our ") in by_key["council_and_innovation"].heading
    # The generic draft calls it "our practice model" or, at a sentence's start, "Practice models".
    assert model.removeprefix("our ").lower() in by_key["the_role"].body.lower()
    for attribute in bank.attributes:
        assert attribute.name in by_key["what_we_value"].body
    assert "The closing date is 12 January 2027." in by_key["how_to_apply"].body
    assert "Interview dates: 3 and 4 February 2027" in by_key["practical_details"].body
    assert "Any innovation" not in text and "`any`" not in text


def test_values_come_first_and_are_named_the_foundation(bank: QuestionBank) -> None:
    shuffled = list(reversed(bank.attributes))
    body = sections_by_key(compose_advert(make_facts(bank, "dcs", "family_valued"), shuffled))[
        "what_we_value"
    ].body
    bullets = [line for line in body.split("\n") if line.startswith("- ")]

    assert bullets[0].startswith("- Leadership and change driven by values (the foundation")
    assert len(bullets) == 5


def test_the_innovation_text_comes_from_the_bank(bank: QuestionBank) -> None:
    innovation = bank.innovation("no_wrong_door")
    by_key = sections_by_key(
        compose_advert(make_facts(bank, "team_manager", "no_wrong_door"), bank.attributes)
    )

    about = by_key["council_and_innovation"].body
    assert f"{innovation.name} model, which began in {innovation.originating_council}." in about
    for value in innovation.values:
        assert f"- {value}" in about
    for item in innovation.leaders_must_champion[:3]:  # the role keeps the first few strong
        assert f"- {item}" in by_key["the_role"].body


def test_a_model_without_an_advert_outline_is_introduced_by_its_bank_summary(
    bank: QuestionBank,
) -> None:
    innovation = dataclasses.replace(
        bank.innovation("family_valued"),
        key="family_hubs",
        name="Family Hubs",
        originating_council=None,
        summary="Family Hubs bring early help together.\n  Families get help in one place.",
        advert_outline=None,
    )
    facts = dataclasses.replace(make_facts(bank, "dcs", "any"), innovation=innovation)
    about = sections_by_key(compose_advert(facts, bank.attributes))["council_and_innovation"].body

    assert about.startswith(
        "At Testshire County Council, children's services follow the Family Hubs model. "
        "Family Hubs bring early help together. Families get help in one place.\n"
    )


def test_the_advert_outline_comes_from_the_bank(bank: QuestionBank) -> None:
    about = sections_by_key(
        compose_advert(make_facts(bank, "dcs", "family_safeguarding"), bank.attributes)
    )["council_and_innovation"].body
    outline = bank.innovation("family_safeguarding").advert_outline
    assert outline and outline in about


def test_the_generic_model_is_described_by_its_principles(bank: QuestionBank) -> None:
    about = sections_by_key(compose_advert(make_facts(bank, "dcs", "any"), bank.attributes))[
        "council_and_innovation"
    ].body

    assert "clear practice model" in about
    for principle in bank.innovation("any").practice_principles:
        assert f"- {principle}" in about


# --- role levels --------------------------------------------------------------------------


def test_dcs_wording_differs_from_team_manager_wording(bank: QuestionBank) -> None:
    dcs = sections_by_key(
        compose_advert(make_facts(bank, "dcs", "family_safeguarding"), bank.attributes)
    )
    manager = sections_by_key(
        compose_advert(make_facts(bank, "team_manager", "family_safeguarding"), bank.attributes)
    )

    for key in ("the_role", "what_we_value", "how_we_assess"):
        assert dcs[key].body != manager[key].body, key
    assert "section 18 of the Children Act 2004" in dcs["the_role"].body
    assert "team's daily practice" in manager["the_role"].body
    assert "section 18" not in manager["the_role"].body


@pytest.mark.parametrize("level", ROLE_LEVELS)
def test_every_level_has_its_own_role_and_value_wording(bank: QuestionBank, level: str) -> None:
    others = [other for other in ROLE_LEVELS if other != level]
    mine = sections_by_key(
        compose_advert(make_facts(bank, level, "family_valued"), bank.attributes)
    )
    for other in others:
        theirs = sections_by_key(
            compose_advert(make_facts(bank, other, "family_valued"), bank.attributes)
        )
        assert mine["the_role"].body != theirs["the_role"].body, other
        assert mine["what_we_value"].body != theirs["what_we_value"].body, other


@pytest.mark.parametrize(
    ("level", "member_panel"),
    [("dcs", True), ("assistant_director", True), ("team_manager", False)],
)
def test_assessment_is_values_based_with_member_panel_for_chief_officers(
    bank: QuestionBank, level: str, member_panel: bool
) -> None:
    body = sections_by_key(
        compose_advert(make_facts(bank, level, "family_safeguarding"), bank.attributes)
    )["how_we_assess"].body

    assert "values-based" in body
    assert "behavioural questions on each of the five attributes" in body
    assert "score you separately, against published descriptors" in body
    assert ("appointment panel of elected members" in body) is member_panel


def test_the_advert_names_only_the_stages_the_vacancy_holds(bank: QuestionBank) -> None:
    """It once promised a young people's panel and a stakeholder panel whatever was set up."""
    stages = (
        StageFact("Young people's panel", decides=False, young_people=True),
        StageFact("Final panel", decides=True),
    )
    body = sections_by_key(
        compose_advert(make_facts(bank, "team_manager", "any", stages=stages), bank.attributes)
    )["how_we_assess"].body
    assert "You will also meet a young people's panel, who advise the panel that appoints." in (
        body
    )
    assert "The decision is made at the final panel." in body
    assert "stakeholder" not in body and "elected members" not in body


@pytest.mark.parametrize("level", ROLE_LEVELS)
def test_before_any_stage_is_set_up_no_panel_is_promised(bank: QuestionBank, level: str) -> None:
    body = sections_by_key(
        compose_advert(make_facts(bank, level, "no_wrong_door"), bank.attributes)
    )["how_we_assess"].body
    assert "We will tell shortlisted candidates about each stage" in body
    assert "young people's panel" not in body and "stakeholder panel" not in body
    # A chief officer is appointed by members whatever the stages: that is always said.
    assert ("appointment panel of elected members" in body) is (
        level in ("dcs", "assistant_director")
    )


def test_an_unknown_role_level_falls_back_to_the_banks_description(bank: QuestionBank) -> None:
    level = RoleLevel("family_help_lead", "Family Help Lead", "Leads a locality family help team.")
    sections = compose_advert(make_facts(bank, "dcs", "any", role_level=level), bank.attributes)
    by_key = sections_by_key(sections)

    assert "Leads a locality family help team." in by_key["the_role"].body
    for attribute in bank.attributes:
        assert attribute.name in by_key["what_we_value"].body
    assert not PLACEHOLDER.search(full_text(sections))


@pytest.mark.parametrize(
    ("level", "title", "expected"),
    [
        (
            "dcs",
            "Director of Children's Services",
            "We are appointing a Director of Children's Services.",
        ),
        (
            "assistant_director",
            "Assistant Director, Children's Social Care",
            "We are appointing an Assistant Director, Children's Social Care, for Children and "
            "Families.",
        ),
        (
            "practice_lead",
            "Principal Social Worker",
            "We are appointing a Principal Social Worker for Children and Families. This is a "
            "Practice Lead post.",
        ),
    ],
)
def test_the_role_opens_with_the_title_as_advertised(
    bank: QuestionBank, level: str, title: str, expected: str
) -> None:
    facts = make_facts(
        bank, level, "family_valued", title=title, service_area="Children and Families"
    )
    body = sections_by_key(compose_advert(facts, bank.attributes))["the_role"].body

    assert body.split("\n\n")[0] == expected


# --- applying and practical details -------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ("https://jobs.testshire.gov.uk/1", "Apply online at https://jobs.testshire.gov.uk/1."),
        ("recruitment@testshire.gov.uk", "email recruitment@testshire.gov.uk."),
        ("Jo Bloggs on 01234 567890", "To apply, contact Jo Bloggs on 01234 567890."),
        ("Apply through our jobs website.", "2027. Apply through our jobs website.\n"),
        ("", "Apply through the Testshire County Council jobs website."),
    ],
)
def test_how_to_apply_says_how(bank: QuestionBank, route: str, expected: str) -> None:
    facts = make_facts(bank, "head_of_service", "family_valued", how_to_apply=route)
    assert expected in sections_by_key(compose_advert(facts, bank.attributes))["how_to_apply"].body


def test_empty_practical_details_are_left_out(bank: QuestionBank) -> None:
    facts = make_facts(bank, "service_manager", "any", hiring_manager="", interview_dates=" ")
    by_key = sections_by_key(compose_advert(facts, bank.attributes))

    details = by_key["practical_details"].body
    assert "- Salary: £95,000 to £105,000 a year" in details
    assert "Hiring manager" not in details and "Interview dates" not in details
    assert "informal conversation" not in by_key["how_to_apply"].body


def test_default_headings_cover_every_section() -> None:
    assert list(SECTION_HEADINGS) == list(SECTION_KEYS)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (datetime.date(2027, 1, 12), "12 January 2027"),
        (datetime.date(2026, 11, 3), "3 November 2026"),
        (datetime.date(2028, 2, 29), "29 February 2028"),
    ],
)
def test_govuk_date(date: datetime.date, expected: str) -> None:
    assert format_govuk_date(date) == expected


# --- said to the applicant ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Leaders mobilise their partners as champions",
            "You mobilise your partners as champions.",
        ),
        ("Leaders' values create purpose", "Your values create purpose."),
        (
            "Values are at the heart of leadership",
            "You believe that values are at the heart of leadership.",
        ),
    ],
)
def test_behaviours_are_said_to_the_applicant(name: str, expected: str) -> None:
    assert applicant_statement(Behaviour("new-behaviour", name, "")) == expected


def test_what_you_need_lists_the_person_specifications_first_essentials(
    bank: QuestionBank,
) -> None:
    """The first criteria up to about 45 words, always the first, and where the rest are."""
    twenty = " ".join(["word"] * 19)
    needs = (f"One {twenty}.", f"Two {twenty}.", f"Three {twenty}.")
    body = sections_by_key(
        compose_advert(make_facts(bank, "team_manager", "any", needs=needs), bank.attributes)
    )["what_you_will_bring"].body
    assert body.split("\n") == [
        "You will need:",
        f"- One {twenty}.",
        f"- Two {twenty}.",
        "The person specification in the candidate pack lists the rest.",
    ]
    long_first = (" ".join(["word"] * 60) + ".",)
    body = sections_by_key(
        compose_advert(make_facts(bank, "dcs", "any", needs=long_first), bank.attributes)
    )["what_you_will_bring"].body
    assert body == f"You will need:\n- {long_first[0]}"
    without = sections_by_key(
        compose_advert(make_facts(bank, "team_manager", "any"), bank.attributes)
    )["what_you_will_bring"].body
    assert without.startswith("You will need experience of heading services")
    assert "champion" not in without  # what the post needs, not what the holder will do


@pytest.mark.parametrize("level", ROLE_LEVELS)
def test_self_assessment_prompts_cover_all_five_attributes(bank: QuestionBank, level: str) -> None:
    role_level = next(item for item in bank.role_levels if item.key == level)
    prompts = self_assessment_prompts(bank.attributes, role_level)

    assert [name for name, _ in prompts][0] == "Leadership and change driven by values"
    assert sorted(name for name, _ in prompts) == sorted(a.name for a in bank.attributes)
    for name, questions in prompts:
        assert 2 <= len(questions) <= 3, name
        assert questions[0].startswith("Can you point to a time when you ")
        assert all(question.endswith("?") for question in questions), questions
        assert all(re.search(r"\byou(r)?\b", question) for question in questions), questions
        assert not any(PLACEHOLDER.search(question) for question in questions)


@pytest.mark.parametrize("place", ["county", "city", "borough", "area"])
def test_family_valued_speaks_of_the_councils_own_place(bank: QuestionBank, place: str) -> None:
    text = full_text(
        compose_advert(make_facts(bank, "dcs", "family_valued", place_noun=place), bank.attributes)
    )
    assert f"restorative practice across the whole {place}." in text
    assert "{place}" not in text
    others = {"county", "city", "borough"} - {place}
    assert not any(f"whole {other}" in text for other in others)


def test_no_innovation_text_assumes_a_city(bank: QuestionBank) -> None:
    for innovation in bank.innovations:
        texts = [
            innovation.advert_outline or "",
            *innovation.values,
            *innovation.practice_principles,
            *innovation.leaders_must_champion,
        ]
        assert not [text for text in texts if "city" in text.lower().split()], innovation.key


@pytest.mark.parametrize("level", ["service_manager", "team_manager", "practice_lead"])
def test_reflection_questions_suit_the_role_level(bank: QuestionBank, level: str) -> None:
    """A team manager was once asked "How do you brief politicians across parties?"."""
    role_level = next(item for item in bank.role_levels if item.key == level)
    prompts = dict(self_assessment_prompts(bank.attributes, role_level))
    senior = {q for attribute in bank.attributes for q in attribute.reflection_questions}
    for name, questions in prompts.items():
        assert len(questions) == 3, name
        assert not senior & set(questions[1:]), name
    buy_in = " ".join(prompts["Securing buy-in from corporate leaders and politicians"])
    assert "across parties" not in buy_in


def test_senior_levels_keep_the_banks_reflection_questions(bank: QuestionBank) -> None:
    dcs = next(item for item in bank.role_levels if item.key == "dcs")
    prompts = dict(self_assessment_prompts(bank.attributes, dcs))
    for attribute in bank.attributes:
        assert prompts[attribute.name][1:] == list(attribute.reflection_questions[:2])


def test_a_council_on_its_own_model_names_it(bank: QuestionBank) -> None:
    sections = compose_advert(
        make_facts(bank, "head_of_service", "any", practice_model="Signs of Safety"),
        bank.attributes,
    )
    by_key = sections_by_key(sections)
    assert by_key["council_and_innovation"].heading == "Our values and Signs of Safety"
    assert "children's services follow Signs of Safety, a clear practice model" in (
        by_key["council_and_innovation"].body
    )
    assert "Signs of Safety is most at risk when its leaders move on." in by_key["the_role"].body
    assert "our practice model" not in full_text(sections)


def test_the_dcs_is_not_appointed_for_one_service_area(bank: QuestionBank) -> None:
    role = sections_by_key(
        compose_advert(
            make_facts(bank, "dcs", "any", title="Director of Children's Services"),
            bank.attributes,
        )
    )["the_role"].body
    assert role.startswith("We are appointing a Director of Children's Services.")


@pytest.mark.parametrize(
    ("schemes", "expected"),
    [
        (
            ("armed_forces",),
            "We guarantee an interview to armed forces veterans who meet the essential criteria.",
        ),
        (
            ("care_leavers", "armed_forces", "disability_confident"),
            "We guarantee an interview to care leavers (we are their corporate parents), armed "
            "forces veterans and disabled applicants (we are a Disability Confident employer) "
            "who meet the essential criteria.",
        ),
    ],
)
def test_guaranteed_interviews_are_one_sentence_in_the_councils_order(
    bank: QuestionBank, schemes: tuple[str, ...], expected: str
) -> None:
    facts = make_facts(bank, "team_manager", "family_valued", guaranteed_interviews=schemes)
    apply = sections_by_key(compose_advert(facts, bank.attributes))["how_to_apply"].body

    assert expected in apply
    assert apply.count("guarantee") == 1


def test_without_guaranteed_interviews_the_advert_promises_none(bank: QuestionBank) -> None:
    apply = sections_by_key(
        compose_advert(make_facts(bank, "dcs", "no_wrong_door"), bank.attributes)
    )["how_to_apply"].body

    assert "guarantee" not in apply
