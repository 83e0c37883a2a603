"""Our own first draft passes our own advert check, for every innovation at every level.

An adviser starts from this draft, so it must already be the right length, express all
five attributes and every core principle of the council's model, make every safer
recruitment statement the post needs, and read plainly.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from recruit.domain.adverts.check import AdvertCheck, AdvertLexicon, check_advert
from recruit.domain.adverts.check.gender import MASCULINE, SLIGHTLY_MASCULINE
from recruit.domain.adverts.check.readability import LENGTH_OK
from recruit.domain.adverts.draft import AdvertSection, StageFact, VacancyFacts, compose_advert
from recruit.domain.adverts.draft.model import GUARANTEED_INTERVIEW_GROUPS
from recruit.domain.adverts.role_levels import is_politically_restricted
from recruit.domain.person_spec import load_starters, starters_for
from recruit.domain.question_bank import QuestionBank, load_bank

BANK = Path(__file__).resolve().parents[2] / "question_bank"
INNOVATIONS = ["family_safeguarding", "no_wrong_door", "family_valued", "any"]
# Titles as councils advertise them, longer than the level's name, and the person each
# post reports to: the longest realistic draft is the one that must pass.
VACANCIES = {
    "dcs": ("Director of Children's Services", "Alex Morgan, Chief Executive"),
    "assistant_director": (
        "Assistant Director, Children's Social Care",
        "Sam Patel, Director of Children's Services",
    ),
    "head_of_service": (
        "Head of Service, Safeguarding and Family Support",
        "Ruth Okafor, Assistant Director",
    ),
    "service_manager": (
        "Service Manager, Assessment and Intervention",
        "Priya Shah, Head of Service",
    ),
    "team_manager": ("Team Manager, Children and Families", "Tom Evans, Service Manager"),
    "practice_lead": ("Practice Lead", "Grace Lee, Principal Social Worker"),
    "programme_manager": (
        "Programme Manager, Strengthening Families",
        "Ruth Okafor, Assistant Director",
    ),
}
# Chief and deputy chief officers: their adverts must say the post is politically restricted.
CHIEF = {"dcs", "assistant_director"}
COMBINATIONS = [
    pytest.param(level, innovation, id=f"{innovation}-{level}")
    for innovation in INNOVATIONS
    for level in VACANCIES
]
# Room for an adviser to add a line without going over the check's 800 words, which
# include the safer recruitment statements.
AIM_WORDS = (500, 780)


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(BANK)


@pytest.fixture(scope="module")
def checked(bank: QuestionBank) -> Callable[..., AdvertCheck]:
    lexicon = AdvertLexicon.from_document(
        yaml.safe_load((BANK / "advert_lexicon.yaml").read_text(encoding="utf-8"))
    )
    all_key_terms = [term for innovation in bank.innovations for term in innovation.key_terms]

    @functools.cache
    def check(level: str, innovation: str, every_statement: bool = False) -> AdvertCheck:
        facts = vacancy_facts(bank, level, innovation)
        if every_statement:
            facts = with_every_statement(facts)
        sections = compose_advert(facts, bank.attributes)
        return check_advert(
            advert_text(sections),
            lexicon=lexicon,
            innovation=bank.innovation(innovation),
            attributes=bank.attributes,
            all_key_terms=all_key_terms,
            politically_restricted=is_politically_restricted(level),
        )

    return check


# The stages a council typically sets up: advisory panels, then the panel that appoints (the
# members, for a chief officer).
ADVISORY = (
    StageFact("Young people's panel", decides=False, young_people=True),
    StageFact("Stakeholder panel", decides=False),
)
MEMBERS = StageFact("Elected member panel", decides=True, elected_members=True)
FINAL = StageFact("Final panel", decides=True)


def _needs(level: str, innovation: str) -> tuple[str, ...]:
    """The shipped person specification's essential criteria a panel tests, as the app
    gives the advert (recruit.adverts.queries.advert_needs)."""
    starters = load_starters(
        (BANK / "person_specifications.yaml").read_text(encoding="utf-8"),
        tuple(VACANCIES),
        ("family_safeguarding", "no_wrong_door", "family_valued", "any"),
    )
    return tuple(
        " ".join(c.text.split())
        for c in starters_for(starters, level, innovation)
        if c.essential and {"interview", "exercise"} & set(c.assessed_by)
    )


def vacancy_facts(bank: QuestionBank, level: str, innovation: str) -> VacancyFacts:
    """A vacancy as the app drafts it once its person specification and stages are set up,
    with guaranteed interviews for disabled applicants and care leavers."""
    title, hiring_manager = VACANCIES[level]
    deciding = MEMBERS if level in ("dcs", "assistant_director") else FINAL
    return VacancyFacts(
        organisation_name="Testshire County Council",
        title=title,
        role_level=next(item for item in bank.role_levels if item.key == level),
        service_area="Children and Families",
        innovation=bank.innovation(innovation),
        salary="£72,000 to £80,000 a year, plus a relocation package",
        contract="Permanent, full time (37 hours a week)",
        location="County Hall, Testford, with hybrid working across the county",
        closing_date=datetime.date(2027, 1, 12),
        interview_dates="Panels on 2 February 2027; final interviews on 4 February 2027",
        hiring_manager=hiring_manager,
        how_to_apply="https://jobs.testshire.gov.uk/vacancies/12345",
        place_noun="county",
        needs=_needs(level, innovation),
        stages=(*ADVISORY, deciding),
        guaranteed_interviews=("disability_confident", "care_leavers"),
    )


def with_every_statement(facts: VacancyFacts) -> VacancyFacts:
    """The vacancy of a council that sets every statement the advert can carry: all three
    guaranteed interview schemes, a named recruitment contact, what it offers beyond pay, a
    line on visa sponsorship and, on none of the three models, its own model's name."""
    return dataclasses.replace(
        facts,
        guaranteed_interviews=tuple(GUARANTEED_INTERVIEW_GROUPS),
        contact="Jo Bloggs, Senior Recruitment Adviser, on 01234 567890 or "
        "jo.bloggs@testshire.gov.uk",
        offer="We offer a lease car, 30 days' annual leave and the Local Government Pension "
        "Scheme.",
        right_to_work="We cannot sponsor a Skilled Worker visa for this post.",
        practice_model="Signs of Safety" if facts.innovation.key == "any" else "",
    )


def advert_text(sections: list[AdvertSection]) -> str:
    """The text the app checks, joined as recruit.adverts.queries.advert_text joins it."""
    return "\n\n".join(f"{section.heading}\n\n{section.body}" for section in sections)


@pytest.mark.parametrize(("level", "innovation"), COMBINATIONS)
def test_draft_length_is_within_the_checks_limits(
    checked: Callable[[str, str], AdvertCheck], level: str, innovation: str
) -> None:
    length = checked(level, innovation).length

    assert length.status == LENGTH_OK, (
        f"{length.word_count} words; the check wants {length.minimum} to {length.maximum}"
    )


@pytest.mark.parametrize(("level", "innovation"), COMBINATIONS)
def test_draft_leaves_room_to_edit(
    checked: Callable[[str, str], AdvertCheck], level: str, innovation: str
) -> None:
    words = checked(level, innovation).length.word_count
    low, high = AIM_WORDS

    assert low <= words <= high, f"{words} words; the draft should be {low} to {high}"


@pytest.mark.parametrize(("level", "innovation"), COMBINATIONS)
def test_draft_expresses_all_five_attributes(
    checked: Callable[[str, str], AdvertCheck], level: str, innovation: str
) -> None:
    missing = [
        item.name for item in checked(level, innovation).attribute_coverage if not item.covered
    ]

    assert not missing, f"no lexicon phrase found for: {missing}"


@pytest.mark.parametrize(("level", "innovation"), COMBINATIONS)
def test_draft_expresses_every_core_principle_of_the_model(
    bank: QuestionBank, checked: Callable[[str, str], AdvertCheck], level: str, innovation: str
) -> None:
    missing = set(checked(level, innovation).missing_principles)
    unexpressed = {
        principle.name: principle.phrases
        for principle in bank.innovation(innovation).core_principles
        if principle.key in missing
    }

    assert not unexpressed, f"principles with none of their phrases in the draft: {unexpressed}"


@pytest.mark.parametrize(("level", "innovation"), COMBINATIONS)
def test_draft_makes_every_safer_recruitment_statement(
    checked: Callable[[str, str], AdvertCheck], level: str, innovation: str
) -> None:
    result = checked(level, innovation)
    expected = {"safeguarding_commitment", "enhanced_dbs", "barred_list", "references"}
    expected |= {"right_to_work"} | ({"political_restriction"} if level in CHIEF else set())

    assert {item.key for item in result.safer_recruitment} == expected
    assert result.missing_safer_recruitment == ()
    assert not [item for item in result.suggestions if item.topic == "safer_recruitment"]


@pytest.mark.parametrize(("level", "innovation"), COMBINATIONS)
def test_draft_is_not_masculine_coded(
    checked: Callable[[str, str], AdvertCheck], level: str, innovation: str
) -> None:
    gender = checked(level, innovation).gender

    assert gender.verdict not in (MASCULINE, SLIGHTLY_MASCULINE), (
        f"{gender.verdict}: masculine-coded {[word.word for word in gender.masculine]}, "
        f"feminine-coded {[word.word for word in gender.feminine]}"
    )


@pytest.mark.parametrize(("level", "innovation"), COMBINATIONS)
def test_draft_sentences_are_short_on_average(
    checked: Callable[[str, str], AdvertCheck], level: str, innovation: str
) -> None:
    readability = checked(level, innovation).readability

    assert readability.sentence_length_ok, (
        f"average sentence {readability.average_sentence_length} words; "
        f"target {readability.sentence_length_target}"
    )


@pytest.mark.parametrize(("level", "innovation"), COMBINATIONS)
def test_draft_has_no_long_sentences(
    checked: Callable[[str, str], AdvertCheck], level: str, innovation: str
) -> None:
    readability = checked(level, innovation).readability
    long_sentences = [
        f"{item.word_count} words: {item.text}" for item in readability.long_sentences
    ]

    assert not long_sentences, f"over {readability.long_sentence_words} words:\n" + "\n".join(
        long_sentences
    )


@pytest.mark.parametrize(("level", "innovation"), COMBINATIONS)
def test_draft_explains_every_acronym_it_uses(
    checked: Callable[[str, str], AdvertCheck], level: str, innovation: str
) -> None:
    unexplained = [
        f"{item.acronym} ({item.term})" for item in checked(level, innovation).unexplained_acronyms
    ]

    assert not unexplained, f"acronyms used without their meaning: {unexplained}"


@pytest.mark.parametrize(("level", "innovation"), COMBINATIONS)
def test_draft_passes_its_own_check_with_nothing_to_improve(
    checked: Callable[[str, str], AdvertCheck], level: str, innovation: str
) -> None:
    """The page's "Nothing to improve" headline: no suggestion at all, and no masculine-coded
    word the sector's terms do not excuse."""
    result = checked(level, innovation)

    assert result.suggestions == (), [item.message for item in result.suggestions]
    assert result.gender.masculine == ()


@pytest.mark.parametrize(("level", "innovation"), COMBINATIONS)
def test_draft_with_every_organisation_statement_still_passes_its_own_check(
    checked: Callable[..., AdvertCheck], level: str, innovation: str
) -> None:
    """A council that sets every statement still gets a draft it can publish as written:
    within the length limit and with nothing to improve."""
    result = checked(level, innovation, every_statement=True)

    assert result.length.status == LENGTH_OK, f"{result.length.word_count} words"
    assert result.suggestions == (), [item.message for item in result.suggestions]
