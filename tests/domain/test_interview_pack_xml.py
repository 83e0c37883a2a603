"""The pack writer's direct XML matches what python-docx's own API writes, element for element.

The writer skips python-docx's slow get_or_add_* searches (see ``word.xml``); these
tests build the same paragraph or cell both ways and compare the serialised XML.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import docx
import pytest
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import _Cell, _Row

from recruit.domain.documents.word.direction import mark_direction, mark_written_direction
from recruit.domain.documents.word.writer import (
    centre,
    keep_with_next_row,
    row_cells,
    set_column_widths,
)
from recruit.domain.documents.word.xml import append_run, centre_vertically, set_paragraph_style

TEXTS = ["plain", " padded ", "tab\there", "lines\r\nand\nbreaks\r", "", "\u00a0", "\t", "مدير x"]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("bold", [None, False, True])
@pytest.mark.parametrize("size", [None, Pt(14)])
def test_append_run_matches_add_run(text: str, bold: bool | None, size: Pt | None) -> None:
    document = docx.Document()
    expected = document.add_paragraph()
    run = expected.add_run(text)
    if bold is not None:
        run.bold = bold or None
    if size is not None:
        run.font.size = size
    actual = document.add_paragraph()
    append_run(actual._p, text, bold=bold, size=size)
    mark_written_direction(actual)

    mark_direction(expected)

    assert actual._p.xml == expected._p.xml
    assert actual.text == expected.text


def test_direction_is_marked_from_the_written_text() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    append_run(paragraph._p, "\tمدير خدمات", bold=True)
    mark_written_direction(paragraph)

    assert "<w:bidi/>" in paragraph._p.xml and "<w:rtl/>" in paragraph._p.xml


def _style(cell: _Cell, fast: bool) -> None:
    paragraph = cell.paragraphs[0]
    if fast:
        set_paragraph_style(paragraph._p, "Heading1")
    else:
        paragraph._p.style = "Heading1"


def _centre(cell: _Cell, fast: bool) -> None:
    if fast:
        centre(cell)
    else:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _keep(cell: _Cell, fast: bool) -> None:
    if fast:
        keep_with_next_row(_Row(cell._tc.getparent(), cell._parent))
    else:
        cell.paragraphs[0].paragraph_format.keep_with_next = True


STEPS: dict[str, Callable[[_Cell, bool], None]] = {
    "style": _style,
    "centre": _centre,
    "keep": _keep,
}


@pytest.mark.parametrize("order", list(itertools.permutations(STEPS)), ids="-".join)
def test_paragraph_and_cell_properties_keep_schema_order(order: tuple[str, ...]) -> None:
    """In any order, the direct writes leave w:pPr and w:tcPr as python-docx would."""
    results = []
    for fast in (False, True):
        table = docx.Document().add_table(rows=1, cols=1)
        set_column_widths(table, [int(Mm(50))])
        cell = row_cells(table.rows[0])[0]
        for step in order:
            STEPS[step](cell, fast)
        results.append(cell._tc.xml)

    assert results[0] == results[1]


def test_vertical_centring_matches_vertical_alignment() -> None:
    expected, actual = (docx.Document().add_table(rows=1, cols=1).rows[0].cells[0] for _ in "ab")
    expected.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    centre_vertically(actual)

    assert actual._tc.xml == expected._tc.xml


def test_column_widths_match_cell_width() -> None:
    widths = [int(Mm(30)), int(Mm(70.3))]
    expected, actual = (docx.Document().add_table(rows=2, cols=2) for _ in range(2))
    set_column_widths(actual, widths)
    expected.autofit = False
    for row in expected.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width

    assert [tc.xml for tr in actual._tbl.tr_lst for tc in tr.tc_lst] == [
        tc.xml for tr in expected._tbl.tr_lst for tc in tr.tc_lst
    ]
