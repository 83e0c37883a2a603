"""Make exports/briefing-reference.docx, the Word styles every DCS briefing pack starts from.

The builder (recruit.domain.documents.briefing_pack.build_briefing_pack) keeps this file's
styles, page set-up, header and footer, and replaces its body. It starts from the panel scoring
summary reference (make_summary_reference.py, in this folder), so the briefing looks like the
summary it is drawn from, and has the same styles: Heading 1-3, Normal, List Bullet, Header,
Footer, the table style "Interview Pack Table" and the paragraph styles "Table Text" and
"Table Heading". The page is landscape A4: the side-by-side table has a column for each
shortlisted candidate beside the row labels and the target minimum.

Restyle it in Word or LibreOffice, keep the style names, and save it under the same name.

Run from the repository root:  .venv/bin/python exports/make_briefing_reference.py
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from make_summary_reference import make_summary_reference

OUTPUT = Path(__file__).with_name("briefing-reference.docx")


def make_briefing_reference() -> DocxDocument:
    document = make_summary_reference()
    _set_properties(document)
    return document


def _set_properties(document: DocxDocument) -> None:
    properties = document.core_properties
    properties.title = "DCS briefing pack reference styles"
    properties.subject = "Reference document for DCS briefing pack exports"
    properties.language = "en-GB"
    properties.author = properties.last_modified_by = ""
    properties.comments = "Restyle in Word; keep the style names."


if __name__ == "__main__":
    make_briefing_reference().save(str(OUTPUT))
    print(f"Wrote {OUTPUT}")
