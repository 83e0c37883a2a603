"""The Word toolkit every document builder uses.

``start_document`` sets a document up from one ``DocumentMeta`` (reference, core properties,
language, header and footer, orientation) and ``document_bytes`` saves it in memory;
``PackWriter`` appends headings, paragraphs, bullets and tables; the row and cell helpers,
right-to-left marking and safe text complete the set.
"""

from recruit.domain.documents.word.direction import (
    mark_direction,
    mark_written_direction,
    starts_right_to_left,
)
from recruit.domain.documents.word.document import (
    CORE_PROPERTY_LIMIT,
    LANGUAGE,
    DocumentMeta,
    document_bytes,
    start_document,
)
from recruit.domain.documents.word.rows import CellXml, RowXml, table_rows
from recruit.domain.documents.word.text_safety import clean_for_document, safe_download_filename
from recruit.domain.documents.word.writer import (
    FALLBACK_TABLE_STYLE,
    PACK_TABLE_STYLE,
    TABLE_HEADING_STYLE,
    TABLE_TEXT_STYLE,
    TICK_BOX,
    PackWriter,
    add_field,
    centre,
    ensure_page_numbers,
    justify,
    keep_row_on_one_page,
    keep_with_next_row,
    mark_repeating_header,
    one_line,
    row_cells,
    running_text,
    set_column_widths,
    set_minimum_height,
    set_table_caption,
)

__all__ = [
    "CORE_PROPERTY_LIMIT",
    "FALLBACK_TABLE_STYLE",
    "LANGUAGE",
    "PACK_TABLE_STYLE",
    "TABLE_HEADING_STYLE",
    "TABLE_TEXT_STYLE",
    "TICK_BOX",
    "CellXml",
    "DocumentMeta",
    "PackWriter",
    "RowXml",
    "add_field",
    "centre",
    "clean_for_document",
    "document_bytes",
    "ensure_page_numbers",
    "justify",
    "keep_row_on_one_page",
    "keep_with_next_row",
    "mark_direction",
    "mark_repeating_header",
    "mark_written_direction",
    "one_line",
    "row_cells",
    "running_text",
    "safe_download_filename",
    "set_column_widths",
    "set_minimum_height",
    "set_table_caption",
    "start_document",
    "starts_right_to_left",
    "table_rows",
]
