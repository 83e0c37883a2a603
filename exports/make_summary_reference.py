"""Make exports/summary-reference.docx, the Word styles every panel scoring summary starts from.

The builder (recruit.domain.documents.scoring_summary.word.build_scoring_summary) keeps this
file's styles, page set-up, header and footer, and replaces its body. It starts from the
interview pack reference (make_interview_pack_reference.py, in this folder), so summaries look
like the packs the panel scored from, and has the same styles: Heading 1-3, Normal, List
Bullet, Header, Footer, the table style "Interview Pack Table" and the paragraph styles
"Table Text" and "Table Heading". The page is landscape A4: the results table has a column
for each of the five attributes beside the total, rank, outcome and flags.

Restyle it in Word or LibreOffice, keep the style names, and save it under the same name.

Run from the repository root:  .venv/bin/python exports/make_summary_reference.py
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.shared import Mm
from make_interview_pack_reference import make_pack_reference

OUTPUT = Path(__file__).with_name("summary-reference.docx")


def make_summary_reference() -> DocxDocument:
    document = make_pack_reference()
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        # The same margins as the packs, turned with the page; the bottom margin leaves
        # room for the two-line footer.
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin, section.bottom_margin = Mm(18), Mm(22)
    _set_properties(document)
    return document


def _set_properties(document: DocxDocument) -> None:
    properties = document.core_properties
    properties.title = "Panel scoring summary reference styles"
    properties.subject = "Reference document for panel scoring summary exports"
    properties.language = "en-GB"
    properties.author = properties.last_modified_by = ""
    properties.comments = "Restyle in Word; keep the style names."


if __name__ == "__main__":
    make_summary_reference().save(OUTPUT)
    print(f"Wrote {OUTPUT}")
