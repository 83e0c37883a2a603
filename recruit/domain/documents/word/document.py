"""Starting a Word export: one ``DocumentMeta`` value says what every builder used to set by hand.

``start_document`` opens the reference document (its styles, page set-up, header and footer,
which a council restyles in Word) with its body emptied, or python-docx's own template set to
A4; then it sets the core properties, British English as the default language, and the
header and footer text on every section. ``document_bytes`` saves the result in memory:
exports carry personal data, so they never touch the disk.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import cast

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import _Footer, _Header
from docx.shared import Mm

from recruit.domain.documents.word.direction import mark_direction
from recruit.domain.documents.word.writer import ensure_page_numbers

LANGUAGE = "en-GB"
CORE_PROPERTY_LIMIT = 255  # python-docx refuses longer core properties


@dataclass(frozen=True)
class DocumentMeta:
    """What a Word export says about itself, and where its look comes from.

    ``title``, ``subject`` and ``organisation`` (the author) are the core properties, cut to
    what python-docx accepts; ``header`` and ``footer`` fill the first text paragraph of each
    section's header and footer, so a logo in the reference survives. Every text is already
    cleaned by the caller (``one_line`` or ``running_text``).

    ``reference`` is the .docx to start from, or None for python-docx's template (A4,
    portrait unless ``landscape``: a reference's own page set-up is always kept).
    ``page_numbers`` adds "Page N of M" unless the reference's footer already numbers pages.
    ``keywords`` replaces the reference's keywords; None keeps them. ``created`` is the
    created and modified time (the current time if None).
    """

    title: str
    subject: str
    organisation: str
    header: str
    footer: str
    reference: Path | None = None
    landscape: bool = False
    page_numbers: bool = True
    keywords: str | None = None
    created: datetime.datetime | None = None


def start_document(meta: DocumentMeta) -> DocxDocument:
    """An empty document set up from ``meta``, ready for a ``PackWriter``."""
    document = _open(meta.reference)
    if meta.reference is None and meta.landscape:
        _landscape(document)
    _set_core_properties(document, meta)
    _set_default_language(document)
    for section in document.sections:
        _write_first_text_paragraph(section.header, meta.header)
        _write_first_text_paragraph(section.footer, meta.footer)
        if meta.page_numbers:
            ensure_page_numbers(section.footer)
    return document


def document_bytes(document: DocxDocument) -> bytes:
    """The document as .docx bytes, made in memory."""
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _open(reference: Path | None) -> DocxDocument:
    if reference is None:
        document = docx.Document()
        for section in document.sections:
            # python-docx's own template is US Letter; councils print on A4.
            section.page_width, section.page_height = Mm(210), Mm(297)
            section.left_margin = section.right_margin = Mm(25)
        return document
    document = docx.Document(str(reference))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _landscape(document: DocxDocument) -> None:
    for section in document.sections:
        width, height = section.page_width, section.page_height
        if width is not None and height is not None and width < height:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = height, width


def _set_core_properties(document: DocxDocument, meta: DocumentMeta) -> None:
    properties = document.core_properties
    properties.title = meta.title[:CORE_PROPERTY_LIMIT]
    properties.subject = meta.subject[:CORE_PROPERTY_LIMIT]
    properties.language = LANGUAGE
    organisation = meta.organisation[:CORE_PROPERTY_LIMIT]
    properties.author = properties.last_modified_by = organisation
    properties.comments = ""
    if meta.keywords is not None:
        properties.keywords = meta.keywords[:CORE_PROPERTY_LIMIT]
    now = meta.created or datetime.datetime.now(datetime.UTC)
    properties.created = properties.modified = now


def _set_default_language(document: DocxDocument) -> None:
    """Word spell-checks in the document's default language: British English, not US."""
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults", first=True)
    run_defaults = _child(_child(defaults, "w:rPrDefault", first=True), "w:rPr")
    _child(run_defaults, "w:lang").set(qn("w:val"), LANGUAGE)


def _child(parent: BaseOxmlElement, tag: str, *, first: bool = False) -> BaseOxmlElement:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return cast(BaseOxmlElement, found)


def _write_first_text_paragraph(part: _Header | _Footer, text: str) -> None:
    """Fill the first paragraph without a picture, so a logo in the reference survives."""
    candidates = (p for p in part.paragraphs if not p._p.xpath(".//w:drawing | .//w:pict"))
    paragraph = next(candidates, None) or part.add_paragraph()
    paragraph.text = text
    mark_direction(paragraph)
