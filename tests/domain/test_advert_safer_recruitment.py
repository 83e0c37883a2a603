"""Safer recruitment in the advert: the draft's statements, and the check that finds them.

Keeping Children Safe in Education (Part 3) and Working Together 2023: the advert states
the commitment to safeguarding, the enhanced DBS check with the children's barred list,
references and the right to work; a chief or deputy chief officer's advert also says the
post is politically restricted.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from recruit.domain.adverts.check import AdvertCheck, AdvertLexicon, LexiconError, check_advert
from recruit.domain.adverts.draft import AdvertSection, compose_advert
from recruit.domain.adverts.role_levels import is_politically_restricted
from recruit.domain.documents.advert import AdvertDocument, build_advert_docx
from recruit.domain.question_bank import QuestionBank, load_bank
from tests.domain.test_advert_draft import make_facts
from tests.support.word import reopen

BANK = Path(__file__).resolve().parents[2] / "question_bank"
ALWAYS = ("safeguarding_commitment", "enhanced_dbs", "barred_list", "references", "right_to_work")
ALL = (*ALWAYS, "political_restriction")

STATEMENTS = {
    "safeguarding_commitment": "Eastmoor Council is committed to safeguarding and promoting the "
    "welfare of children and young people, and expects all staff to share this commitment.",
    "enhanced_dbs": "The post needs an enhanced DBS check.",
    "barred_list": "The check includes the children's barred list.",
    "references": "We will take up two references.",
    "right_to_work": "You will need to show your right to work in the UK.",
    "political_restriction": "This post is politically restricted.",
}
PLAIN = "You will lead the service with compassion and care for every family we support."


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(BANK)


@pytest.fixture(scope="module")
def lexicon(bank: QuestionBank) -> AdvertLexicon:
    return AdvertLexicon.from_document(yaml.safe_load(bank.reference_files["advert_lexicon.yaml"]))


def check(
    bank: QuestionBank, lexicon: AdvertLexicon, text: str, *, politically_restricted: bool = True
) -> AdvertCheck:
    return check_advert(
        text,
        lexicon=lexicon,
        innovation=bank.innovation("any"),
        attributes=bank.attributes,
        all_key_terms=[term for item in bank.innovations for term in item.key_terms],
        politically_restricted=politically_restricted,
    )


def draft(
    bank: QuestionBank, level: str, innovation: str = "family_safeguarding"
) -> list[AdvertSection]:
    return compose_advert(make_facts(bank, level, innovation), bank.attributes)


def as_text(sections: list[AdvertSection]) -> str:
    """Joined as recruit.adverts.queries.advert_text joins it for the check."""
    return "\n\n".join(f"{section.heading}\n\n{section.body}" for section in sections)


def squashed(text: str) -> str:
    return " ".join(text.split())


# --- the draft ------------------------------------------------------------------------------


def test_a_dcs_draft_states_every_safer_recruitment_statement(bank: QuestionBank) -> None:
    sections = draft(bank, "dcs")
    section = sections[-1]
    body = squashed(section.body)

    assert (section.key, section.heading) == (
        "safer_recruitment",
        "Safeguarding and safer recruitment",
    )
    assert (
        "Testshire County Council is committed to safeguarding and promoting the welfare of "
        "children and young people, and expects all staff to share this commitment." in body
    )
    assert "an enhanced Disclosure and Barring Service (DBS) check" in body
    assert "a check of the children's barred list" in body
    assert "two references, one from your current or most recent employer" in body
    assert "taken up before interview" in body  # a senior post
    assert "proof of your right to work in the UK" in body
    assert "This post is politically restricted" in body


def test_a_team_manager_draft_has_the_four_statements_but_no_political_restriction(
    bank: QuestionBank,
) -> None:
    sections = draft(bank, "team_manager", "no_wrong_door")
    text = squashed(as_text(sections)).lower()

    for words in (
        "committed to safeguarding and promoting the welfare of children",
        "enhanced disclosure and barring service (dbs) check",
        "children's barred list",
        "two references",
        "right to work in the uk",
    ):
        assert words in text
    assert "politic" not in squashed(sections[-1].body).lower()
    assert "before interview" not in text


@pytest.mark.parametrize(
    ("level", "restricted"),
    [
        ("dcs", True),
        ("assistant_director", True),  # a deputy chief officer: reports to the DCS
        ("head_of_service", False),
        ("service_manager", False),
        ("team_manager", False),
        ("practice_lead", False),
        ("programme_manager", False),
        ("a_level_added_later", False),
    ],
)
def test_only_chief_and_deputy_chief_officers_are_politically_restricted(
    level: str, restricted: bool
) -> None:
    assert is_politically_restricted(level) is restricted


# --- the check ------------------------------------------------------------------------------


def test_an_advert_without_the_statements_reports_each_by_name_with_its_fix(
    bank: QuestionBank, lexicon: AdvertLexicon
) -> None:
    result = check(bank, lexicon, PLAIN)

    assert result.missing_safer_recruitment == ALL
    assert [item.name for item in result.safer_recruitment] == [
        "Commitment to safeguarding",
        "Enhanced DBS check",
        "Children's barred list check",
        "References",
        "Right to work in the UK",
        "Political restriction",
    ]
    messages = [item.message for item in result.suggestions if item.topic == "safer_recruitment"]
    assert len(messages) == len(ALL)
    assert (
        "Safer recruitment: Add that the post needs an enhanced DBS check with a check of the "
        "children's barred list." in messages
    )
    # A safeguarding duty comes before the four other attributes and the model's principles.
    topics = [item.topic for item in result.suggestions]
    assert topics.index("safer_recruitment") < topics.index("innovation")


def test_an_advert_with_every_statement_reports_none_missing(
    bank: QuestionBank, lexicon: AdvertLexicon
) -> None:
    result = check(bank, lexicon, PLAIN + "\n\n" + " ".join(STATEMENTS.values()))

    assert result.missing_safer_recruitment == ()
    assert all(item.found for item in result.safer_recruitment)
    assert not [item for item in result.suggestions if item.topic == "safer_recruitment"]


@pytest.mark.parametrize("key", ALL)
def test_each_missing_statement_is_reported_alone(
    bank: QuestionBank, lexicon: AdvertLexicon, key: str
) -> None:
    others = " ".join(text for name, text in STATEMENTS.items() if name != key)
    result = check(bank, lexicon, f"{PLAIN}\n\n{others}")

    assert result.missing_safer_recruitment == (key,)


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("safeguarding_commitment", "We are COMMITTED TO SAFEGUARDING children."),
        ("safeguarding_commitment", "We safeguard and promote the welfare of children."),
        ("safeguarding_commitment", "Our commitment to keeping children safe is shared by all."),
        ("enhanced_dbs", "An enhanced DBS check applies."),
        ("enhanced_dbs", "You need an Enhanced Disclosure and Barring Service certificate."),
        ("enhanced_dbs", "A DBS check at the enhanced level applies."),
        ("enhanced_dbs", "An enhanced criminal record check applies."),
        ("barred_list", "This includes a Barred List check."),
        ("barred_list", "We check the children's barring list."),
        ("references", "We take up References before interview."),
        ("references", "Name two referees."),
        ("right_to_work", "Bring proof of your Right to Work."),
        ("right_to_work", "You must be eligible to work in the UK."),
        ("right_to_work", "You must be entitled to work in the UK."),
        ("political_restriction", "This is a Politically Restricted post."),
        ("political_restriction", "The post is subject to political restriction."),
        ("political_restriction", "The post is politically-restricted."),
        ("political_restriction", "Restricted under the Local Government and Housing Act 1989."),
    ],
)
def test_alternative_phrasings_are_recognised(
    bank: QuestionBank, lexicon: AdvertLexicon, key: str, text: str
) -> None:
    result = check(bank, lexicon, f"{PLAIN} {text}")

    found = {item.key: item.found for item in result.safer_recruitment}
    assert found[key], f"{key} not recognised in {text!r}"


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("enhanced_dbs", "A DBS check applies."),  # a basic check is not enough
        ("references", "With reference to the job description."),
        ("right_to_work", "You will work in the UK."),
        ("political_restriction", "You will brief politicians."),
    ],
)
def test_near_misses_do_not_count(
    bank: QuestionBank, lexicon: AdvertLexicon, key: str, text: str
) -> None:
    result = check(bank, lexicon, f"{PLAIN} {text}")

    assert key in result.missing_safer_recruitment


def test_political_restriction_is_looked_for_only_in_restricted_posts(
    bank: QuestionBank, lexicon: AdvertLexicon
) -> None:
    result = check(bank, lexicon, PLAIN, politically_restricted=False)

    assert result.missing_safer_recruitment == ALWAYS
    assert "political_restriction" not in {item.key for item in result.safer_recruitment}
    assert not any("politically restricted" in item.message for item in result.suggestions)


@pytest.mark.parametrize("level", ["dcs", "team_manager"])
def test_a_fresh_draft_passes_and_without_its_section_reports_all(
    bank: QuestionBank, lexicon: AdvertLexicon, level: str
) -> None:
    sections = draft(bank, level)
    restricted = is_politically_restricted(level)
    without = [section for section in sections if section.key != "safer_recruitment"]

    fresh = check(bank, lexicon, as_text(sections), politically_restricted=restricted)
    cut = check(bank, lexicon, as_text(without), politically_restricted=restricted)

    assert fresh.missing_safer_recruitment == ()
    assert cut.missing_safer_recruitment == (ALL if restricted else ALWAYS)


def test_to_dict_lists_the_statements_and_the_missing(
    bank: QuestionBank, lexicon: AdvertLexicon
) -> None:
    data = check(bank, lexicon, PLAIN + " " + STATEMENTS["references"]).to_dict()

    assert data["missing_safer_recruitment"] == [key for key in ALL if key != "references"]
    assert {"key", "name", "phrases", "fix", "found"} == set(data["safer_recruitment"][0])


def test_a_lexicon_without_the_statements_or_with_a_bad_one_is_refused(
    lexicon: AdvertLexicon, bank: QuestionBank
) -> None:
    document = yaml.safe_load(bank.reference_files["advert_lexicon.yaml"])
    without = {name: value for name, value in document.items() if name != "safer_recruitment"}
    with pytest.raises(LexiconError, match="safer_recruitment"):
        AdvertLexicon.from_document(without)
    broken = dict(document["safer_recruitment"], references={"name": "References", "fix": "x"})
    with pytest.raises(LexiconError, match=re.escape("safer_recruitment.references.phrases")):
        AdvertLexicon.from_document({**document, "safer_recruitment": broken})
    unclear = dict(
        document["safer_recruitment"],
        references={
            **document["safer_recruitment"]["references"],
            "politically_restricted_only": "yes",
        },
    )
    with pytest.raises(LexiconError, match="true or false"):
        AdvertLexicon.from_document({**document, "safer_recruitment": unclear})


# --- the Word export ------------------------------------------------------------------------


def test_the_word_export_of_a_fresh_draft_contains_the_statements(bank: QuestionBank) -> None:
    sections = draft(bank, "dcs")
    advert = AdvertDocument(
        organisation_name="Testshire County Council",
        title="Director of Children's Services",
        innovation_name="Family Safeguarding",
        closing_date=datetime.date(2027, 1, 12),
        sections=sections,
    )
    document = reopen(build_advert_docx(advert, None))
    text = squashed("\n".join(paragraph.text for paragraph in document.paragraphs))

    assert "Safeguarding and safer recruitment" in text
    for words in (
        "committed to safeguarding and promoting the welfare of children and young people",
        "enhanced Disclosure and Barring Service (DBS) check",
        "children's barred list",
        "two references",
        "right to work in the UK",
        "politically restricted",
    ):
        assert words in text
