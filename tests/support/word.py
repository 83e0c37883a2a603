"""Reading a built Word document back, as the tests of every export do."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

import docx
from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph


def reopen(document: DocxDocument) -> DocxDocument:
    """The document saved and opened again, so tests read the file, not the objects."""
    buffer = BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return docx.Document(buffer)


def paragraphs_and_cells(document: DocxDocument) -> Iterator[Paragraph]:
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def all_text(document: DocxDocument) -> str:
    return "\n".join(p.text for p in paragraphs_and_cells(document))
