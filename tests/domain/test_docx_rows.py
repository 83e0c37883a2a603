"""``PackWriter.table`` writes its rows as one parsed string (``docx_rows``); the XML must be
exactly what writing each cell with the element helpers gives, for every kind of text and
option. The helpers themselves are checked against python-docx in test_interview_pack_xml.
"""

from __future__ import annotations

from collections.abc import Sequence

import docx
import pytest
from docx.table import Table

from recruit.domain.documents.word.writer import (
    _SHORT_TABLE_CHARACTERS,
    PackWriter,
    keep_row_on_one_page,
    keep_with_next_row,
    mark_repeating_header,
    one_line,
    row_cells,
    set_column_widths,
    set_table_caption,
)
from recruit.domain.documents.word.xml import centre_vertically
from recruit.exports import EXPORTS_DIR

TEXTS = [
    "plain",
    " padded ",
    "tab\there",
    "lines\r\nand\nbreaks\r",
    "",
    "\u00a0",
    "\t",
    "مدير x",
    "x مدير",
    "Fish & chips <b>not bold</b> > 3",
    "bad\x00control\x1fcharacters\ufffe",
    "\"quoted\" 'text'",
]
WIDTHS = (0.25, 0.35, 0.4)


def cell_by_cell(
    writer: PackWriter,
    header: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    caption: str,
    keep_together: bool,
    bold_first_column: bool,
) -> Table:
    """The table as it was written before ``docx_rows``: each cell through ``fill_cell``."""
    table = writer.document.add_table(rows=len(rows) + (header is not None), cols=len(widths))
    writer._apply_table_style(table, has_header=header is not None)
    set_column_widths(table, [int(writer.text_width * share) for share in widths])
    set_table_caption(table, one_line(caption))
    body_rows = list(table.rows)
    if header is not None:
        header_row, *body_rows = body_rows
        mark_repeating_header(header_row)
        for cell, text in zip(row_cells(header_row), header, strict=True):
            writer.fill_cell(cell, text, heading=True)
            centre_vertically(cell)
        keep_with_next_row(header_row)
    short = sum(len(text) for values in rows for text in values) <= _SHORT_TABLE_CHARACTERS
    for index, (row, values) in enumerate(zip(body_rows, rows, strict=True)):
        if sum(len(text) for text in values) <= _SHORT_TABLE_CHARACTERS:
            keep_row_on_one_page(row)
        for column, (cell, text) in enumerate(zip(row_cells(row), values, strict=True)):
            writer.fill_cell(cell, text, bold=bold_first_column and column == 0)
        if keep_together and short and index < len(body_rows) - 1:
            keep_with_next_row(row)
    return table


def _writer(with_table_styles: bool) -> PackWriter:
    # The summary's reference has "Table Text" and "Table Heading"; python-docx's default
    # template has neither, so headings fall back to bold.
    if with_table_styles:
        return PackWriter(docx.Document(str(EXPORTS_DIR / "summary-reference.docx")))
    return PackWriter(docx.Document())


def _rows(texts: Sequence[str]) -> list[list[str]]:
    return [
        [texts[i], texts[(i + 1) % len(texts)], texts[(i + 2) % len(texts)]]
        for i in range(len(texts))
    ]


@pytest.mark.parametrize("with_table_styles", [True, False])
@pytest.mark.parametrize("header", [None, ("Attribute", "مدير", " Notes\t")])
@pytest.mark.parametrize("keep_together", [False, True])
@pytest.mark.parametrize("bold_first_column", [False, True])
def test_rows_match_the_cell_by_cell_table(
    with_table_styles: bool,
    header: tuple[str, ...] | None,
    keep_together: bool,
    bold_first_column: bool,
) -> None:
    options = {"keep_together": keep_together, "bold_first_column": bold_first_column}
    writer = _writer(with_table_styles)

    expected = cell_by_cell(writer, header, _rows(TEXTS), WIDTHS, caption="Cap", **options)
    actual = writer.table(header, _rows(TEXTS), WIDTHS, caption="Cap", **options)

    assert actual._tbl.xml == expected._tbl.xml
    assert [c.text for c in actual._cells] == [c.text for c in expected._cells]


@pytest.mark.parametrize("long_row", [0, 2])
def test_long_rows_may_split_and_long_tables_may_break_as_before(long_row: int) -> None:
    rows = [["short", "row", "text"] for _ in range(4)]
    rows[long_row] = ["x" * (_SHORT_TABLE_CHARACTERS + 1), "long", "row"]
    writer = _writer(True)

    expected = cell_by_cell(
        writer, ("A", "B", "C"), rows, WIDTHS, caption="Cap", keep_together=True,
        bold_first_column=False,
    )  # fmt: skip
    actual = writer.table(("A", "B", "C"), rows, WIDTHS, caption="Cap", keep_together=True)

    assert actual._tbl.xml == expected._tbl.xml
    assert actual._tbl.xml.count("<w:cantSplit/>") == 4  # the header and three short rows
    assert "<w:keepNext/>" not in actual.rows[1]._tr.xml  # the table is too long to keep


def test_text_reads_back_as_written_after_cleaning() -> None:
    writer = _writer(True)

    table = writer.table(
        None, [["Fish & chips <b>", "a\tb\nc", "bad\x00char"]], WIDTHS, caption="C"
    )

    assert [cell.text for cell in table.rows[0].cells] == ["Fish & chips <b>", "a\tb\nc", "badchar"]


def test_a_row_of_the_wrong_width_is_refused() -> None:
    writer = _writer(True)

    with pytest.raises(ValueError, match="a row of 2 cells in a table of 3"):
        writer.table(None, [["one", "two"]], WIDTHS, caption="C")
