"""The DCS briefing pack's shape: document properties, page and headings, the front matter
and method, the decision and sign-off block, table captions, and an empty comparison.

The comparison behind these tests is written by hand in briefing_pack_helpers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT

from recruit.domain.comparison.model import Comparison
from tests.domain.briefing_pack_helpers import (
    CANDIDATE_LABELS,
    KEYS,
    ORDER,
    REFERENCE,
    STAGES,
    briefing_fixture,  # noqa: F401 (the `briefing` fixture, found by pytest)
    build,
    caption,
    headings,
    is_repeating_header,
    millimetres,
    rows_text,
    table_captioned,
)
from tests.support.word import all_text


@pytest.mark.parametrize("reference", [None, REFERENCE], ids=["python-docx default", "reference"])
def test_briefing_reopens_with_title_language_header_and_landscape_page(
    reference: Path | None,
) -> None:
    document = build(reference)

    title = "DCS briefing pack – Director of Children's Services"
    assert document.core_properties.title == title
    assert document.core_properties.language == "en-GB"
    assert document.core_properties.author == "Testshire County Council"
    assert headings(document, 1)[0] == title
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Testshire County Council" in header and "Confidential" in header
    footer = document.sections[0].footer
    assert "Testshire County Council" in footer.paragraphs[0].text
    assert "DCS-2027-01" in footer.paragraphs[0].text and "PAGE" in footer._element.xml
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert millimetres(section.page_width) == 297 and millimetres(section.page_height) == 210


def test_headings_use_real_styles_in_order(briefing: DocxDocument) -> None:
    assert headings(briefing, 1)[1:] == [
        "How the figures were worked out",
        "The shortlist side by side",
        "Profiles compared",
        "Gaps to the target profile",
        "Rank changes",
        "Each candidate",
        "How far each panel agreed",
        "Decision and sign-off",
    ]
    level_two = headings(briefing, 2)
    labels = [CANDIDATE_LABELS[key] for key in ORDER]
    # Gaps per candidate, then each candidate's own section, then agreement per stage, then
    # the sign-off's advisers and the decision's steps.
    assert level_two[-10:] == [*labels, *labels, *STAGES, "Advised by", "Steps recorded"]
    assert headings(briefing, 3)[:3] == [
        "Results at each stage",
        "Strongest evidence",
        "Moderation and outcome",
    ]
    assert {table.style.name for table in briefing.tables if table.style} == {
        "Interview Pack Table"
    }
    assert all(table.style is not None for table in briefing.tables)


def test_front_names_who_is_compared_and_the_method(briefing: DocxDocument) -> None:
    about = dict(rows_text(table_captioned(briefing, "About this briefing")))
    text = all_text(briefing)

    assert about["Candidates compared"] == "Ayesha Khan (C-02), Sam Patel (C-01) and C-03"
    assert about["Date"] == "14 January 2027"
    assert about["Vacancy"] == "Director of Children's Services"
    assert about["Target profile"] == "Set by the panel on 3 January 2027"
    assert "How to read this briefing" in headings(briefing, 2)
    assert rows_text(table_captioned(briefing, "The scale"))[3] == [
        "3",
        "Sound",
        "What a 3 sounds like.",
    ]
    assert (
        "Advisory stages (a stakeholder or young people's panel, an exercise) are reported beside it and never averaged in."
        in text
    )
    assert "A panel mean below 3 on Leadership and change driven by values" in text
    assert "The equal-weights total counts every attribute the same" in text
    assert "Stakeholder panel 33.3%; Final panel interview 66.7%" in text


def test_decision_block_has_a_row_per_candidate_and_signatures(briefing: DocxDocument) -> None:
    decision = rows_text(table_captioned(briefing, "Decision on each candidate"))
    assert [row[0] for row in decision] == ["Candidate", *(CANDIDATE_LABELS[k] for k in ORDER)]
    assert decision[1][1] == "☐ Appoint\n☐ Reserve\n☐ Do not appoint"
    sign_off = rows_text(table_captioned(briefing, "Sign-off"))
    assert sign_off == [["Name", "Role", "Councillor", "Signature", "Date"],
                        ["Cllr Ruth Owen", "Chair", "Councillor, executive member", "", ""],
                        ["Cllr Tom Hale", "Elected member", "Councillor", "", ""]]  # fmt: skip
    blank = rows_text(table_captioned(build(sign_off=()), "Sign-off"))
    assert blank[1:] == [["", "", "", "", ""]] * 3


def test_every_table_has_a_caption_and_headers_repeat(briefing: DocxDocument) -> None:
    assert all(caption(table) for table in briefing.tables)
    headed = [t for t in briefing.tables if caption(t) != "About this briefing"]
    assert len(headed) > 15 and all(is_repeating_header(table) for table in headed)


def test_an_empty_comparison_still_builds() -> None:
    empty = Comparison(KEYS, (), ())
    document = build(comparison=empty, stage_agreements=(), moderation={}, evidence={}, sign_off=())

    text = all_text(document)
    assert "No candidates are in the comparison." in text
    assert "No agreement figures were supplied" in text
    assert "Each candidate" not in headings(document, 1)
    assert len(document.inline_shapes) == 0
