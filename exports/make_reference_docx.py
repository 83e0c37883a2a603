"""Make exports/advert-reference.docx, the Word styles every advert export starts from.

The builder (recruit.domain.documents.advert.build_advert_docx) keeps this file's
styles, page set-up, header and footer, and replaces its body. A council can open it in Word,
restyle Title, Heading 1-3, List Bullet, Normal, Header and Footer, add a logo to the header,
and save it under the same name: the style names are what the builder relies on.

Run from the repository root:  .venv/bin/python exports/make_reference_docx.py
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

OUTPUT = Path(__file__).with_name("advert-reference.docx")
FONT = "Arial"
TEXT_COLOUR = RGBColor(0x0B, 0x0C, 0x0C)
# Dark enough for 4.5:1 contrast on white even at body size (WCAG 2.2 AA).
HEADING_COLOUR = RGBColor(0x1D, 0x3A, 0x6E)
_THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# name: (size in points, bold, colour, space before, space after)
PARAGRAPH_STYLES = {
    "Normal": (11, False, TEXT_COLOUR, 0, 6),
    "Title": (26, True, HEADING_COLOUR, 0, 12),
    "Heading 1": (22, True, HEADING_COLOUR, 0, 12),
    "Heading 2": (15, True, HEADING_COLOUR, 18, 6),
    "Heading 3": (12, True, TEXT_COLOUR, 12, 4),
    "List Bullet": (11, False, TEXT_COLOUR, 0, 4),
    "Header": (9, False, TEXT_COLOUR, 0, 0),
    "Footer": (9, False, TEXT_COLOUR, 0, 0),
}


def make_reference() -> DocxDocument:
    document = docx.Document()
    _set_default_language(document, "en-GB")
    for name, (size, bold, colour, before, after) in PARAGRAPH_STYLES.items():
        style = document.styles[name]
        assert style.type == WD_STYLE_TYPE.PARAGRAPH
        style.font.name, style.font.size = FONT, Pt(size)
        style.font.bold, style.font.color.rgb = bold, colour
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
    document.styles["Normal"].paragraph_format.line_spacing = 1.15
    _use_arial_everywhere(document)
    _plain_title_border(document)
    _a4_page(document)
    _set_properties(document)
    return document


def _use_arial_everywhere(document: DocxDocument) -> None:
    """Replace theme fonts, which override a named font in Word, with Arial for every script."""
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for attribute in _THEME_FONT_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)


def _set_default_language(document: DocxDocument, language: str) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    language_element = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    language_element.set(qn("w:val"), language)


def _plain_title_border(document: DocxDocument) -> None:
    for border in document.styles["Title"].element.iter(qn("w:bottom")):
        border.set(qn("w:color"), str(HEADING_COLOUR))
        border.attrib.pop(qn("w:themeColor"), None)


def _a4_page(document: DocxDocument) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
        section.header.paragraphs[0].style = document.styles["Header"]
        section.footer.paragraphs[0].style = document.styles["Footer"]
        _page_number_field(section.footer.add_paragraph(style="Footer"))


def _page_number_field(paragraph: Paragraph) -> None:
    """'Page N' in the footer, as a live field so Word and LibreOffice number each page."""
    paragraph.add_run("Page ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", " PAGE "), ("end", None)):
        if text is None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _set_properties(document: DocxDocument) -> None:
    properties = document.core_properties
    properties.title = "Job advert reference styles"
    properties.subject = "Reference document for advert exports"
    properties.language = "en-GB"
    properties.author = properties.last_modified_by = ""
    properties.comments = "Restyle in Word; keep the style names."


if __name__ == "__main__":
    make_reference().save(OUTPUT)
    print(f"Wrote {OUTPUT}")
