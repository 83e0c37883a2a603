"""Make exports/interview-pack-reference.docx, the Word styles every interview pack starts from.

The builder (recruit.domain.documents.interview_pack.build_interview_pack) keeps this file's
styles, page set-up, header and footer, and replaces its body. It starts from the advert
reference's styles (make_reference_docx.py, in this folder), so adverts and packs look alike,
and adds the table style "Interview Pack Table" (borders and a shaded header row) and the
paragraph styles "Table Text" and "Table Heading" for the text in tables. A council can open
the file in Word, restyle Heading 1-3, Normal, List Bullet, Header, Footer and those three, add
a logo to the header, and save it under the same name: the style names are what the builder
relies on.

Run from the repository root:  .venv/bin/python exports/make_interview_pack_reference.py
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt
from make_reference_docx import HEADING_COLOUR, TEXT_COLOUR, make_reference

OUTPUT = Path(__file__).with_name("interview-pack-reference.docx")
TABLE_STYLE = "Interview Pack Table"
BORDER_COLOUR = "505A5F"
# Light enough to print cheaply and to keep dark text above 4.5:1 contrast (WCAG 2.2 AA).
HEADER_FILL = "DCE4F2"
_CELL_PADDING_TWIPS = {"top": 40, "left": 85, "bottom": 40, "right": 85}
# Text inside tables. Word and LibreOffice let Normal's font override a table style's, so
# the size and weight of table text live in paragraph styles. 10pt leaves room in the
# narrow tick-box columns. name: (size in points, bold, colour)
CELL_STYLES = {
    "Table Text": (10, False, TEXT_COLOUR),
    "Table Heading": (10, True, HEADING_COLOUR),
}


def make_pack_reference() -> DocxDocument:
    document = make_reference()
    for section in document.sections:
        # Narrower side margins than the advert's give scoring sheets a wider notes column;
        # the bottom margin leaves room for the two-line footer.
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin, section.bottom_margin = Mm(20), Mm(25)
        section.header_distance = section.footer_distance = Mm(10)
    _add_cell_styles(document)
    _add_table_style(document)
    _set_properties(document)
    return document


def _add_cell_styles(document: DocxDocument) -> None:
    for name, (size, bold, colour) in CELL_STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        assert style.type == WD_STYLE_TYPE.PARAGRAPH
        style.base_style = document.styles["Normal"]
        style.quick_style = True
        style.font.size, style.font.bold, style.font.color.rgb = Pt(size), bold, colour
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(0), Pt(2)
        style.paragraph_format.line_spacing = 1.0


def _add_table_style(document: DocxDocument) -> None:
    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Normal Table"]
    # Schema order (ECMA-376 CT_Style): tblPr, then the conditional parts.
    for part in _TABLE_STYLE_PARTS:
        style.element.append(parse_xml(part))


_BORDERS = "".join(
    f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOUR}"/>'
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_PADDING = "".join(
    f'<w:{edge} w:w="{twips}" w:type="dxa"/>' for edge, twips in _CELL_PADDING_TWIPS.items()
)
_TABLE_STYLE_PARTS = (
    f"<w:tblPr {nsdecls('w')}><w:tblBorders>{_BORDERS}</w:tblBorders>"
    f"<w:tblCellMar>{_PADDING}</w:tblCellMar></w:tblPr>",
    f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:trPr><w:tblHeader/></w:trPr>'
    f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>'
    "</w:tblStylePr>",
)


def _set_properties(document: DocxDocument) -> None:
    properties = document.core_properties
    properties.title = "Interview pack reference styles"
    properties.subject = "Reference document for interview pack exports"
    properties.language = "en-GB"
    properties.author = properties.last_modified_by = ""
    properties.comments = "Restyle in Word; keep the style names."


if __name__ == "__main__":
    make_pack_reference().save(OUTPUT)
    print(f"Wrote {OUTPUT}")
