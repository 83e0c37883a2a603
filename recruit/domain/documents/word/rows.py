"""Table rows written as one string of Word XML and parsed once.

Making each row, cell, paragraph and run as its own element, through python-docx's element
classes, was about half the build time of a panel summary's tables. lxml parses the same XML
from a string in C. The rows are exactly what the element-by-element helpers in ``word.xml``
and ``word.writer`` write: tests/domain/test_docx_rows.py compares the two.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from recruit.domain.documents.word.direction import mark_direction, starts_right_to_left
from recruit.domain.documents.word.xml import RUN_SPECIAL


@dataclass(frozen=True)
class CellXml:
    """One cell's single paragraph: ``text`` already cleaned for the document."""

    text: str
    style_id: str | None
    bold: bool


@dataclass(frozen=True)
class RowXml:
    cells: Sequence[CellXml]
    # A header row repeats at the top of each page and its cells are centred vertically.
    header: bool = False
    cant_split: bool = False
    keep_with_next: bool = False


def table_rows(rows: Sequence[RowXml], cell_twips: Sequence[str]) -> list[BaseOxmlElement]:
    """The w:tr elements for ``rows``, each cell ``cell_twips`` wide, ready to append."""
    xml = "".join(_row_xml(row, cell_twips) for row in rows)
    parsed = list(parse_xml(f"<w:tbl {nsdecls('w')}>{xml}</w:tbl>"))
    for row, tr in zip(rows, parsed, strict=True):
        _mark_right_to_left(row, tr)
    return parsed


def _row_xml(row: RowXml, cell_twips: Sequence[str]) -> str:
    if len(row.cells) != len(cell_twips):
        raise ValueError(f"a row of {len(row.cells)} cells in a table of {len(cell_twips)}")
    # CT_TrPr order: w:cantSplit before w:tblHeader.
    properties = ("<w:cantSplit/>" if row.cant_split or row.header else "") + (
        "<w:tblHeader/>" if row.header else ""
    )
    cells = "".join(
        _cell_xml(cell, twips, row.header, row.keep_with_next)
        for cell, twips in zip(row.cells, cell_twips, strict=True)
    )
    return f"<w:tr>{f'<w:trPr>{properties}</w:trPr>' if properties else ''}{cells}</w:tr>"


def _cell_xml(cell: CellXml, twips: str, centred: bool, keep_with_next: bool) -> str:
    width = f'<w:tcW w:type="dxa" w:w="{twips}"/>'
    align = '<w:vAlign w:val="center"/>' if centred else ""
    paragraph_properties = (
        f"<w:pStyle w:val={quoteattr(cell.style_id)}/>" if cell.style_id else ""
    ) + ("<w:keepNext/>" if keep_with_next else "")
    if paragraph_properties:
        paragraph_properties = f"<w:pPr>{paragraph_properties}</w:pPr>"
    run = _run_xml(cell.text, cell.bold) if cell.text else ""
    return f"<w:tc><w:tcPr>{width}{align}</w:tcPr><w:p>{paragraph_properties}{run}</w:p></w:tc>"


def _run_xml(text: str, bold: bool) -> str:
    """What ``xml.append_run(p, text, bold=bold)`` writes, as text."""
    pieces = []
    for piece in RUN_SPECIAL.split(text):
        if piece == "\t":
            pieces.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            pieces.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            pieces.append(f"<w:t{space}>{escape(piece)}</w:t>")
    properties = "<w:rPr><w:b/></w:rPr>" if bold else "<w:rPr/>"
    return f"<w:r>{properties}{''.join(pieces)}</w:r>"


def _mark_right_to_left(row: RowXml, tr: BaseOxmlElement) -> None:
    """Arabic or Hebrew at the start of a cell sets it right-to-left, as in other paragraphs;
    done on the parsed paragraph so the markup is python-docx's own."""
    for cell, tc in zip(row.cells, tr.tc_lst, strict=True):
        if starts_right_to_left(RUN_SPECIAL.sub("", cell.text)):
            # python-docx types a paragraph's parent as required, but one used only to set
            # its own XML never asks the parent for anything, so there is none to give it.
            mark_direction(Paragraph(tc.p_lst[0], None))  # type: ignore[arg-type]
