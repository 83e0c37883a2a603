"""Warning signs in the interview pack: printed after the indicators, only when a question has any."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from recruit.bank_store import storable
from recruit.domain.documents.interview_pack import build_interview_pack
from recruit.domain.documents.interview_pack.model import PackContext, PackQuestion, PanelSeat
from recruit.domain.documents.interview_pack.questions import (
    WARNING_SIGNS_GUIDANCE,
    WARNING_SIGNS_HEADING,
)
from recruit.domain.question_bank import QuestionBank, load_bank
from recruit.models import PlanItem
from recruit.stages.packs import pack_question
from tests.support.word import all_text, reopen

ROOT = Path(__file__).resolve().parents[2]
SAFEGUARDING_ID = "values-safeguarding-attitudes-allegation-staff-01"
PLAIN_ID = "decisions-own-risk-01"


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(ROOT / "question_bank")


def issued(bank: QuestionBank, number: int, question_id: str) -> PackQuestion:
    """The pack's copy of a question, mapped as an issued plan item is mapped."""
    question = bank.question(question_id)
    item = PlanItem(
        question_id=question_id,
        minutes=question.minutes,
        question_version_number=1,
        frozen_content=storable(question.to_dict()),
    )
    return pack_question(number, item, bank)


def context(bank: QuestionBank, *questions: PackQuestion) -> PackContext:
    innovation = bank.innovation("family_safeguarding")
    return PackContext(
        organisation_name="Testshire County Council",
        vacancy_title="Head of Service, Children in Care",
        role_level_name="Head of service",
        innovation_name=innovation.name,
        innovation_values=innovation.values,
        attributes=tuple((a.name, a.summary) for a in bank.attributes),
        rating_scale=tuple((r.score, r.label, r.description) for r in bank.rating_scale),
        stage_name="Panel interview",
        stage_type_label="Panel interview",
        stage_date=datetime.date(2027, 2, 3),
        stage_duration_minutes=60,
        panel=(PanelSeat("Sam Patel", "Chair"), PanelSeat("Cllr Ruth Owen", "Lead Member")),
        schedule=(),
        questions=questions,
        weights=tuple((a.name, 20) for a in bank.attributes),
        candidates=("C-01",),
        stage_candidates=("C-01",),
        recipient="Cllr Ruth Owen",
        is_chair=False,
        use_young_people_wording=False,
    )


def test_pack_question_copies_the_warning_signs_from_the_issued_content(
    bank: QuestionBank,
) -> None:
    assert issued(bank, 1, SAFEGUARDING_ID).warning_signs == (
        bank.question(SAFEGUARDING_ID).warning_signs
    )
    assert issued(bank, 1, PLAIN_ID).warning_signs == ()


def test_a_safeguarding_question_prints_its_warning_signs_after_the_indicators(
    bank: QuestionBank,
) -> None:
    document = reopen(build_interview_pack(context(bank, issued(bank, 1, SAFEGUARDING_ID)), None))
    texts = [p.text for p in document.paragraphs]
    heading = texts.index(WARNING_SIGNS_HEADING)
    assert document.paragraphs[heading].style.name == "Heading 3"
    assert (
        texts.index("What to listen for")
        < heading
        < texts.index("Question 1: what each score sounds like")
    )
    assert texts[heading + 1] == WARNING_SIGNS_GUIDANCE
    signs = bank.question(SAFEGUARDING_ID).warning_signs
    assert tuple(texts[heading + 2 : heading + 2 + len(signs)]) == signs
    assert all(
        document.paragraphs[heading + 2 + i].style.name == "List Bullet" for i in range(len(signs))
    )


def test_a_question_without_warning_signs_prints_no_such_block(bank: QuestionBank) -> None:
    document = reopen(build_interview_pack(context(bank, issued(bank, 1, PLAIN_ID)), None))
    assert WARNING_SIGNS_HEADING not in all_text(document)


def test_only_the_safeguarding_question_of_two_gets_the_block(bank: QuestionBank) -> None:
    questions = (issued(bank, 1, PLAIN_ID), issued(bank, 2, SAFEGUARDING_ID))
    document = reopen(build_interview_pack(context(bank, *questions), None))
    texts = [p.text for p in document.paragraphs]
    assert texts.count(WARNING_SIGNS_HEADING) == 1
    assert texts.index("Question 2: Leadership and change driven by values") < texts.index(
        WARNING_SIGNS_HEADING
    )
