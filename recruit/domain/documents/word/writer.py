"""Word building blocks for interview packs: headings, bullets and tables a screen reader follows.

Every string passes through ``clean_for_document`` here, on its way into the document. Styles
come from the reference document by name, so a council restyles packs in Word, not in code.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import _Footer
from docx.shared import Length, Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from recruit.domain.documents.word.direction import mark_written_direction
from recruit.domain.documents.word.rows import CellXml, RowXml, table_rows
from recruit.domain.documents.word.text_safety import clean_for_document
from recruit.domain.documents.word.xml import (
    CENTRE,
    W_PPR,
    W_TCPR,
    W_VAL,
    append_run,
    centre_vertically,
    child,
    properties,
    set_paragraph_style,
)

PACK_TABLE_STYLE = "Interview Pack Table"
TABLE_TEXT_STYLE = "Table Text"
TABLE_HEADING_STYLE = "Table Heading"
FALLBACK_TABLE_STYLE = "Table Grid"
TICK_BOX = "\u2610"
Indicator = tuple[str, bool]  # (text, decisive)
# A header or footer repeats on every page: a pasted essay there would leave no room for text.
_RUNNING_TEXT_LIMIT = 120
# Schema order of w:trPr children (ECMA-376 CT_TrPr); Word rejects a row written out of order.
_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
_AFTER_TABLE_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden")
_AFTER_CAPTION = ("w:tblDescription", "w:tblPrChange")
_NO_BANDING = 0x0600  # tblLook bits: no horizontal and no vertical banding
_SPACE_AFTER_TABLE = Pt(9)
# Far more than any real row or descriptor table, far less than a page of 10pt text.
_SHORT_TABLE_CHARACTERS = 2_000


def one_line(text: str) -> str:
    """Cleaned text with every run of whitespace, line breaks included, as one space."""
    return " ".join(clean_for_document(text).split())


def running_text(text: str) -> str:
    line = one_line(text)
    return line if len(line) <= _RUNNING_TEXT_LIMIT else line[: _RUNNING_TEXT_LIMIT - 1] + "\u2026"


class PackWriter:
    """Appends styled blocks to a document, looking each style up by name only once.

    Table text uses the paragraph styles "Table Text" and "Table Heading" when the reference
    has them: Word and LibreOffice both let Normal's font override a table style's, so a
    table style alone cannot set the size or weight of the text in a table.
    """

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self._style_ids: dict[str, str] = {}
        self._available = {
            name: name in document.styles
            for name in (PACK_TABLE_STYLE, TABLE_TEXT_STYLE, TABLE_HEADING_STYLE)
        }
        self._after_table = False
        section = document.sections[0]
        page_width = section.page_width or Mm(210)
        margins = (section.left_margin or Mm(25)) + (section.right_margin or Mm(25))
        self.text_width = Length(page_width - margins)

    def style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.document.styles[name].style_id
        return self._style_ids[name]

    def heading(self, text: str, level: int, *, new_page: bool = False) -> Paragraph:
        paragraph = self._add(one_line(text), f"Heading {level}")
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def paragraph(self, text: str, *, label: str = "", keep_with_next: bool = False) -> Paragraph:
        """A Normal paragraph; a ``label`` such as "Ask:" goes before it in bold."""
        paragraph = self._add(clean_for_document(text), "Normal", label=label)
        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def bullets(self, items: Sequence[str]) -> None:
        for item in items:
            self._add(clean_for_document(item).strip(), "List Bullet")

    def bullet_columns(
        self, header: Sequence[str], columns: Sequence[Sequence[Indicator]], *, caption: str
    ) -> Table:
        """Lists side by side under a repeating header, one real List Bullet paragraph per item.

        The row may run over a page, so a long list is never pushed whole onto the next one.
        An item marked decisive ends in a bold "(decisive)".
        """
        table: Table = self.document.add_table(rows=2, cols=len(header))
        self._apply_table_style(table, has_header=True)
        set_column_widths(table, [int(self.text_width / len(header))] * len(header))
        set_table_caption(table, one_line(caption))
        header_row, body_row = table.rows
        mark_repeating_header(header_row)
        for cell, text in zip(row_cells(header_row), header, strict=True):
            self.fill_cell(cell, text, heading=True)
        keep_with_next_row(header_row)
        for cell, items in zip(row_cells(body_row), columns, strict=True):
            for index, (text, decisive) in enumerate(items):
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                self._write(paragraph, clean_for_document(text).strip(), "List Bullet")
                if decisive:
                    append_run(paragraph._p, " (decisive)", bold=True)
        self._after_table = True
        return table

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        caption: str,
        keep_together: bool = False,
        bold_first_column: bool = False,
    ) -> Table:
        """A fixed-width table; ``widths`` are shares of the text width, ``header`` repeats.

        Rows of ordinary length never split across pages, and ``keep_together`` keeps a short
        table on one page; text too long for a page (pasted in error) is left free to flow.
        """
        table: Table = self.document.add_table(rows=0, cols=len(widths))
        self._apply_table_style(table, has_header=header is not None)
        column_widths = [int(self.text_width * share) for share in widths]
        set_column_widths(table, column_widths)
        set_table_caption(table, one_line(caption))
        row_specs = [] if header is None else [self._header_row(header)]
        short = sum(len(text) for values in rows for text in values) <= _SHORT_TABLE_CHARACTERS
        row_specs += [
            self._body_row(
                values,
                bold_first_column=bold_first_column,
                keep_with_next=keep_together and short and index < len(rows) - 1,
            )
            for index, values in enumerate(rows)
        ]
        twips = [str(Length(width).twips) for width in column_widths]
        for tr in table_rows(row_specs, twips):
            table._tbl.append(tr)
        self._after_table = True
        return table

    def _header_row(self, header: Sequence[str]) -> RowXml:
        cells = [self._cell(text, heading=True, bold=False) for text in header]
        return RowXml(cells, header=True, keep_with_next=True)

    def _body_row(
        self, values: Sequence[str], *, bold_first_column: bool, keep_with_next: bool
    ) -> RowXml:
        cells = [
            self._cell(text, heading=False, bold=bold_first_column and column == 0)
            for column, text in enumerate(values)
        ]
        ordinary = sum(len(text) for text in values) <= _SHORT_TABLE_CHARACTERS
        return RowXml(cells, cant_split=ordinary, keep_with_next=keep_with_next)

    def _cell(self, text: str, *, heading: bool, bold: bool) -> CellXml:
        """A table cell as ``fill_cell`` writes it, for ``table_rows``."""
        style = TABLE_HEADING_STYLE if heading else TABLE_TEXT_STYLE
        style_id = self.style_id(style) if self._available[style] else None
        return CellXml(clean_for_document(text), style_id, bold or (heading and not style_id))

    def fill_cell(
        self,
        cell: _Cell,
        text: str,
        *,
        heading: bool = False,
        bold: bool = False,
        label: str = "",
        size: Length | None = None,
    ) -> Paragraph:
        """Write ``text`` into the cell's first paragraph, after a bold ``label`` line if given;
        ``size`` sets the font size of ``text`` alone."""
        paragraph: Paragraph = cell.paragraphs[0]
        style = TABLE_HEADING_STYLE if heading else TABLE_TEXT_STYLE
        if self._available[style]:
            set_paragraph_style(paragraph._p, self.style_id(style))
        elif heading:
            bold = True
        if label:
            append_run(paragraph._p, one_line(label) + ("\n" if text else ""), bold=True)
        if text:
            append_run(paragraph._p, clean_for_document(text), bold=bold, size=size)
        mark_written_direction(paragraph)
        return paragraph

    def _apply_table_style(self, table: Table, *, has_header: bool) -> None:
        name = PACK_TABLE_STYLE if self._available[PACK_TABLE_STYLE] else FALLBACK_TABLE_STYLE
        table_properties = table._tbl.tblPr
        table_properties.style = self.style_id(name)
        look = table_properties.find(qn("w:tblLook"))
        if look is not None:
            # The style's shaded first row applies only to tables that have a header row.
            # LibreOffice reads the older hex bitmask, Word the named flags: set both.
            first_row = 0x0020 if has_header else 0
            look.set(qn("w:val"), f"{first_row | _NO_BANDING:04X}")
            for flag, on in (("firstRow", has_header), ("firstColumn", False)):
                look.set(qn(f"w:{flag}"), "1" if on else "0")
            look.set(qn("w:noHBand"), "1")
            look.set(qn("w:noVBand"), "1")

    def _add(self, text: str, style: str, *, label: str = "") -> Paragraph:
        paragraph = self.document.add_paragraph()
        if self._after_table and not style.startswith("Heading"):
            paragraph.paragraph_format.space_before = _SPACE_AFTER_TABLE
        self._after_table = False
        return self._write(paragraph, text, style, label=label)

    def _write(self, paragraph: Paragraph, text: str, style: str, *, label: str = "") -> Paragraph:
        # Set by id: python-docx's lookup by name rescans every style for each paragraph.
        set_paragraph_style(paragraph._p, self.style_id(style))
        if label:
            append_run(paragraph._p, one_line(label) + " ", bold=True)
        append_run(paragraph._p, text, bold=None)
        mark_written_direction(paragraph)
        return paragraph


def row_cells(row: _Row) -> list[_Cell]:
    """``row.cells`` for a table without merged cells, skipping its search for spans."""
    return [_Cell(tc, row.table) for tc in row._tr.tc_lst]


def centre(cell: _Cell) -> None:
    centre_vertically(cell)
    justify(cell, CENTRE)


def justify(cell: _Cell, alignment: str) -> None:
    """Set every paragraph of the cell to ``alignment`` ("left", "center", "right"), as
    ``paragraph.alignment`` would, without its search for where w:jc goes."""
    for p in cell._tc.p_lst:
        child(properties(p, W_PPR), "w:jc").set(W_VAL, alignment)


def set_column_widths(table: Table, widths: Sequence[int]) -> None:
    """Fixed widths in EMU: LibreOffice reads the grid, Word reads each cell's own width."""
    table.autofit = False
    for grid_column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_column.w = Length(width)
    twips = [str(Length(width).twips) for width in widths]
    for tr in table._tbl.tr_lst:
        for tc, value in zip(tr.tc_lst, twips, strict=True):
            cell_width = child(properties(tc, W_TCPR), "w:tcW")
            cell_width.set(qn("w:type"), "dxa")
            cell_width.set(qn("w:w"), value)
    table_width = table._tbl.tblPr.find(qn("w:tblW"))
    if table_width is not None:
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(Length(sum(widths)).twips))


def set_table_caption(table: Table, caption: str) -> None:
    """The table's title, which Word shows as alt text and screen readers announce."""
    element = OxmlElement("w:tblCaption", {qn("w:val"): caption})
    table._tbl.tblPr.insert_element_before(element, *_AFTER_CAPTION)


def mark_repeating_header(row: _Row) -> None:
    """w:tblHeader: Word and LibreOffice repeat the row at the top of each page of the table."""
    row_properties = row._tr.get_or_add_trPr()
    row_properties.insert_element_before(OxmlElement("w:tblHeader"), *_AFTER_TABLE_HEADER)
    keep_row_on_one_page(row)


def keep_with_next_row(row: _Row) -> None:
    """Word and LibreOffice keep a row on the same page as the next when its text says so."""
    for tc in row._tr.tc_lst:
        for p in tc.p_lst:
            keep = child(properties(p, W_PPR), "w:keepNext")
            keep.attrib.pop(W_VAL, None)  # on by default: python-docx writes it bare


def keep_row_on_one_page(row: _Row) -> None:
    row_properties = row._tr.get_or_add_trPr()
    if row_properties.find(qn("w:cantSplit")) is None:
        row_properties.insert_element_before(OxmlElement("w:cantSplit"), *_AFTER_CANT_SPLIT)


def set_minimum_height(row: _Row, height: Length) -> None:
    row.height = height
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def ensure_page_numbers(footer: _Footer) -> None:
    """Add "Page N of M" unless the footer (from the reference) already numbers its pages."""
    instructions = footer._element.xpath(".//w:instrText | .//w:fldSimple/@w:instr")
    if any("PAGE" in str(getattr(item, "text", item)) for item in instructions):
        return
    paragraph = footer.add_paragraph()
    paragraph.add_run("Page ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES")


def add_field(paragraph: Paragraph, instruction: str) -> None:
    """A live field (PAGE, NUMPAGES) that Word and LibreOffice fill in as they lay out pages."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"})
    code = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    code.text = f" {instruction} "
    end = OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"})
    for element in (begin, code, end):
        run._r.append(element)
