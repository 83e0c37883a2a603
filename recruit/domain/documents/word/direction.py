"""Right-to-left paragraphs: a paragraph that starts in Arabic or Hebrew reads right to left."""

from __future__ import annotations

import unicodedata

from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph

from recruit.domain.documents.word.xml import W_T

# Word rejects a file whose paragraph properties are out of schema order (ECMA-376 CT_PPr),
# so w:bidi goes before any of these that the style or python-docx has already written.
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip


def mark_direction(paragraph: Paragraph) -> None:
    """Set right-to-left on a paragraph that starts in Arabic or Hebrew, as Word would."""
    if not starts_right_to_left(paragraph.text):
        return
    properties = paragraph._p.get_or_add_pPr()
    properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
    for run in paragraph.runs:
        run._r.get_or_add_rPr().get_or_add_rtl()


def mark_written_direction(paragraph: Paragraph) -> None:
    """``mark_direction`` without rebuilding paragraph.text: the w:t text decides it, as tabs
    and line breaks never set a direction."""
    if starts_right_to_left("".join(paragraph._p.itertext(W_T, with_tail=False))):
        mark_direction(paragraph)


def starts_right_to_left(text: str) -> bool:
    """True when the first character with a strong direction is right-to-left."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False
