"""The deciding stage's packs carry the advisory panels' reports, as advice apart from the
sheets; an advisory stage's packs have no such section."""

from __future__ import annotations

import pytest

from recruit.domain.documents.interview_pack import (
    ADVISORY_HEADING,
    advisory_text,
    build_interview_pack,
)
from recruit.domain.question_bank import QuestionBank, load_bank
from recruit.domain.scoring.advisory import AdvisoryReportView, AttributeView
from tests.domain.test_interview_pack import REFERENCE, ROOT, make_context
from tests.support.word import all_text, reopen


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(ROOT / "question_bank")


YOUNG_PEOPLE = AdvisoryReportView(
    stage_name="Young people's panel",
    traffic_light="We would support this person, with some worries",
    strengths="She listened to us and did not talk down to us.",
    concerns="She did not say how she would keep in touch with us.",
    attributes=(
        AttributeView("Values", 4.25, agreed=True, evidence=("Told us about a care leaver.",)),
        AttributeView("Decisions", 3.0, agreed=False, evidence=()),
    ),
)


def test_a_deciding_pack_has_each_candidates_reports_as_advice(bank: QuestionBank) -> None:
    context = make_context(bank, advisory_reports=(("C-01", (YOUNG_PEOPLE,)), ("C-02", ())))
    document = reopen(build_interview_pack(context, REFERENCE))
    section = advisory_text(document)
    assert section.startswith(ADVISORY_HEADING)
    assert "not part of this panel's scores" in section
    assert "Advice from the Young people's panel" in section
    assert "She listened to us" in section and "keep in touch" in section
    assert "with some worries" in section
    assert "No advisory panel has recorded a report on this candidate yet." in section
    text = all_text(document)
    assert "4.3 (agreed)" in text and "3.0 (panel mean)" in text
    assert "Told us about a care leaver." in text


def test_an_advisory_stages_pack_has_no_reports_section(bank: QuestionBank) -> None:
    document = reopen(build_interview_pack(make_context(bank), REFERENCE))
    assert ADVISORY_HEADING not in all_text(document)
