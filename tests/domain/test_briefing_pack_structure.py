"""The DCS briefing pack's shape: document properties, page and headings, the front matter
and method, the decision and sign-off block, table captions, and an empty comparison.

The comparison behind these tests is written by hand in briefing_pack_helpers.
"""

from __future__ import annotations

import dataclasses
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
    make_context,
    millimetres,
    rows_text,
    steps,
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
        "The deciding panel's results",
        "Profiles compared",
        "Rank changes",
        "Each candidate",
        "What the advisory panels said",
        "Evidence and concerns",
        "Target levels",
        "How far each panel agreed",
        "Decision and sign-off",
        "Before the offer is unconditional",
    ]
    level_two = headings(briefing, 2)
    # The front: what is decided, then completeness before any figure, then how to read it.
    assert level_two[:3] == [
        "What is being decided",
        "Is the evidence complete?",
        "How to read this briefing",
    ]
    labels = [CANDIDATE_LABELS[key] for key in ORDER]
    # Each candidate's section, advisory reports (only C-02 has one), evidence and target
    # levels per candidate, agreement per stage, then the decision's steps and advisers.
    assert level_two[-14:] == [
        *labels, labels[0], *labels, *labels, *STAGES, "Steps recorded", "Advised by",
    ]  # fmt: skip
    assert headings(briefing, 3)[:2] == ["Results at each stage", "Moderation and outcome"]
    assert "Strongest evidence" not in headings(briefing, 3)
    assert {table.style.name for table in briefing.tables if table.style} == {
        "Interview Pack Table"
    }
    assert all(table.style is not None for table in briefing.tables)


def test_front_names_who_decides_who_set_the_target_and_the_method(
    briefing: DocxDocument,
) -> None:
    about = dict(rows_text(table_captioned(briefing, "About this briefing")))
    text = all_text(briefing)

    assert about["Candidates compared"] == "Ayesha Khan (C-02), Sam Patel (C-01) and C-03"
    assert about["Date"] == "14 January 2027"
    assert about["Vacancy"] == "Director of Children's Services"
    assert about["Reference"] == "DCS-2027-01"
    assert about["Decided by"] == (
        "Final panel interview: Cllr Ruth Owen (Chair) and Cllr Tom Hale (Elected member)"
    )
    assert about["Stages"] == "Stakeholder panel (advises); Final panel interview (decides)"
    assert about["Target levels"] == (
        "Set by Cllr Ruth Owen (Final panel interview) on 3 January 2027"
    )
    assert "Elected members appoint to this post." in text
    assert "every member of the executive is told of the proposed appointment and may object" in (
        text
    )
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


def test_no_evidence_reads_as_its_meaning() -> None:
    method = dataclasses.replace(
        make_context().method,
        no_evidence="The member asked the question but heard nothing they could score.",
    )
    document = build(method=method)
    paragraphs = [p.text for p in document.paragraphs]
    meaning = next(i for i, t in enumerate(paragraphs) if "heard nothing they could" in t)
    assert paragraphs[meaning] == (
        "\u201cNo evidence\u201d means: The member asked the question but heard nothing they "
        "could score."
    )
    assert paragraphs[meaning - 1] == "\u201cNo evidence\u201d is not a low score"


def test_a_post_members_do_not_appoint_says_the_executive_is_not_notified() -> None:
    text = all_text(build(steps=steps(members_appoint=False)))
    assert "Elected members do not appoint to this post" in text
    assert "Elected members appoint to this post." not in text


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
    document = build(
        comparison=empty, stage_agreements=(), moderation={}, candidate_evidence={},
        advisory_reports={}, sign_off=(),
    )  # fmt: skip

    text = all_text(document)
    assert "No candidates are in the comparison." in text
    assert "Incomplete: no deciding stage has moderated results yet" in text
    assert "No agreement figures were supplied" in text
    assert "Each candidate" not in headings(document, 1)
    assert len(document.inline_shapes) == 0
