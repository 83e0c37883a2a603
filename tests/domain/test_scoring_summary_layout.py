"""The panel scoring summary's layout: the .docx reopened with python-docx.

Covers the title, language, header, footer and landscape page; heading styles, their order
and keeping them with what follows; which parts start a page; table captions and repeated
header rows; and the charts as PNG pictures with alt text.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph
from PIL import Image

from tests.domain.scoring_summary_helpers import (
    CANDIDATE_LABELS,
    REFERENCE,
    alt_texts,
    build,
    caption,
    headings,
    is_repeating_header,
    summary_fixture,  # noqa: F401 (the `summary` fixture, found by pytest)
)

# --- structure ----------------------------------------------------------------------------


@pytest.mark.parametrize("reference", [None, REFERENCE], ids=["python-docx default", "reference"])
def test_summary_reopens_with_title_language_header_and_landscape_page(
    reference: Path | None,
) -> None:
    document = build(reference)

    title = "Panel scoring summary – Director of Children's Services"
    assert document.core_properties.title == title
    assert document.core_properties.language == "en-GB"
    assert document.core_properties.author == "Testshire County Council"
    assert headings(document, 1)[0] == title
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Testshire County Council" in header and "Confidential" in header
    footer = document.sections[0].footer
    assert "DCS-2027-01" in footer.paragraphs[0].text and "PAGE" in footer._element.xml
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210


def test_headings_use_real_styles_in_order(summary: DocxDocument) -> None:
    assert headings(summary, 1)[1:] == [
        "How the figures were worked out",
        "The deciding panel: Final panel interview",
        "Advisory panels",
        "The decision",
        "Sign-off",
    ]
    # Each stage has each candidate, in rank order, under its results and agreement; an
    # advisory stage sits a level down, under "Advisory panels".
    labels = [CANDIDATE_LABELS[k] for k in ("C-02", "C-01", "C-03")]
    stage = ["Results", "How far the panel agreed", *labels]
    assert headings(summary, 2)[-7:] == [*stage, "Stakeholder panel", "Profiles compared"]
    assert headings(summary, 3)[:2] == ["Member tendencies: a calibration aid", "Profile"]
    assert [h for h in headings(summary, 3) if h in stage] == stage
    assert headings(summary, 3).count("Member tendencies: a calibration aid") == 1
    assert headings(summary, 4).count("Member tendencies: a calibration aid") == 1
    assert {table.style.name for table in summary.tables} == {"Interview Pack Table"}


def test_headings_and_introductions_keep_with_what_follows(summary: DocxDocument) -> None:
    body = list(summary.element.body)
    paragraphs = [Paragraph(element, summary) for element in body if element.tag == qn("w:p")]
    heads = [p for p in paragraphs if p.style.name.startswith("Heading")]

    assert len(heads) > 30
    # Set on each heading, not left to the reference's styles, which a council may change.
    assert all(p.paragraph_format.keep_with_next for p in heads)
    assert all(p.paragraph_format.keep_together for p in heads)
    # A paragraph leading into a table (e.g. "The figures in the chart:") stays with it.
    for element, following in zip(body, body[1:], strict=False):
        if element.tag == qn("w:p") and following.tag == qn("w:tbl"):
            paragraph = Paragraph(element, summary)
            assert paragraph.paragraph_format.keep_with_next, paragraph.text


def test_only_stages_and_the_results_across_them_start_a_page(summary: DocxDocument) -> None:
    starts = [p.text for p in summary.paragraphs if p.paragraph_format.page_break_before]

    # Candidates, the method note and the sign-off follow on; none is forced onto a new page.
    assert starts == [
        "The deciding panel: Final panel interview",
        "Advisory panels",
        "The decision",
    ]
    assert not any(element.xpath(".//w:br[@w:type='page']") for element in summary.element.body)


def test_charts_are_png_with_alt_text_naming_the_figures(summary: DocxDocument) -> None:
    texts = alt_texts(summary)

    assert all(texts)
    assert texts[0].startswith("Radar chart of Ayesha Khan (C-02)'s scores")
    assert "Panel mean: Values-driven 4.3," in texts[0]
    assert "After moderation: Values-driven 4.3, " in texts[0] and "Partnerships 4.0" in texts[0]
    assert "Political buy-in no score" in texts[2]
    assert texts[-1].startswith("Radar chart comparing candidates at the deciding stage")
    image = summary.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    part = summary.part.related_parts[image]
    assert part.content_type == "image/png"
    assert Image.open(BytesIO(part.blob)).size == (650, 650)
    # Shown without the picture's white margin, so a chart takes less of the page, yet at
    # least half the landscape page's 257mm text width, so its labels read at their size.
    shape = summary.inline_shapes[0]
    assert shape._inline.xpath(".//a:srcRect") and shape.height < shape.width <= Mm(131)
    text_width = summary.sections[0].page_width - summary.sections[0].left_margin * 2
    assert all(chart.width >= text_width / 2 for chart in summary.inline_shapes)


def test_every_table_with_a_header_repeats_it_and_every_table_has_a_caption(
    summary: DocxDocument,
) -> None:
    headed = [t for t in summary.tables if t.rows[0].cells[0].text in ("Candidate", "Attribute")]

    assert len(headed) > 10 and all(is_repeating_header(table) for table in headed)
    assert all(caption(table) for table in summary.tables)
