"""The Word toolkit's set-up: one ``DocumentMeta`` starts every export the same way."""

from __future__ import annotations

import dataclasses
import datetime
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from recruit.domain.documents.word import (
    CORE_PROPERTY_LIMIT,
    LANGUAGE,
    DocumentMeta,
    PackWriter,
    document_bytes,
    start_document,
)
from recruit.exports import EXPORTS_DIR
from tests.support.word import reopen

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime.datetime(2027, 4, 15, 9, 30, tzinfo=datetime.UTC)
META = DocumentMeta(
    title="Panel scoring summary \u2013 Director of Children's Services",
    subject="Panel scoring summary",
    organisation="Testshire County Council",
    header="Testshire County Council \u00b7 Confidential",
    footer="DCS-2027-01 \u00b7 generated 14 January 2027",
    created=NOW,
)
REFERENCES = sorted(EXPORTS_DIR.glob("*-reference.docx"))


def build(**changes: object) -> DocxDocument:
    return reopen(start_document(dataclasses.replace(META, **changes)))  # type: ignore[arg-type]


def footer_has_page_field(document: DocxDocument) -> bool:
    footer = document.sections[0].footer._element
    return any("PAGE" in (text or "") for text in footer.xpath(".//w:instrText/text()"))


def test_core_properties_language_and_running_text_come_from_the_meta() -> None:
    document = build()
    properties = document.core_properties

    assert (properties.title, properties.subject) == (META.title, META.subject)
    assert properties.author == properties.last_modified_by == META.organisation
    assert properties.language == LANGUAGE and properties.comments == ""
    assert properties.created == properties.modified == NOW
    language = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert language.get(qn("w:val")) == "en-GB"
    assert document.sections[0].header.paragraphs[0].text == META.header
    assert document.sections[0].footer.paragraphs[0].text == META.footer
    assert footer_has_page_field(document)


def test_over_long_core_properties_are_cut_to_what_word_accepts() -> None:
    document = build(title="t" * 400, subject="s" * 400, organisation="o" * 400, keywords="k" * 400)
    properties = document.core_properties

    for value in (properties.title, properties.subject, properties.author, properties.keywords):
        assert len(value) == CORE_PROPERTY_LIMIT


def test_keywords_are_kept_unless_the_meta_replaces_them() -> None:
    reference = EXPORTS_DIR / "interview-pack-reference.docx"
    kept = docx.Document(str(reference)).core_properties.keywords

    assert build(reference=reference).core_properties.keywords == kept
    assert build(reference=reference, keywords="").core_properties.keywords == ""


def test_page_numbers_can_be_left_out() -> None:
    assert not footer_has_page_field(build(page_numbers=False))


def test_without_a_reference_the_page_is_a4_portrait_or_landscape() -> None:
    portrait, landscape = build().sections[0], build(landscape=True).sections[0]

    assert (portrait.page_width.mm, portrait.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert (landscape.page_width.mm, landscape.page_height.mm) == pytest.approx((297, 210), abs=0.1)


@pytest.mark.parametrize("reference", REFERENCES, ids=[path.stem for path in REFERENCES])
def test_a_reference_keeps_its_page_set_up_and_loses_its_body(reference: Path) -> None:
    original = docx.Document(str(reference)).sections[0]
    document = build(reference=reference, landscape=True)
    section = document.sections[0]

    assert (section.page_width, section.page_height) == (original.page_width, original.page_height)
    assert document.paragraphs == [] and document.tables == []


def test_right_to_left_header_is_marked() -> None:
    document = build(header="\u05de\u05e0\u05d4\u05dc \u00b7 Confidential")

    assert "<w:bidi/>" in document.sections[0].header.paragraphs[0]._p.xml


def test_document_bytes_reopen_as_the_same_document() -> None:
    document = start_document(META)
    PackWriter(document).heading("Results", 1)

    reopened = docx.Document(BytesIO(document_bytes(document)))

    assert [p.text for p in reopened.paragraphs] == ["Results"]
    assert reopened.core_properties.title == META.title
