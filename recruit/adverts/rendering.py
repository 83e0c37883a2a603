"""The advert as a file: Word, job-board HTML or plain text."""

from __future__ import annotations

from recruit.domain.documents.advert import (
    AdvertDocument,
    advert_html,
    advert_plain_text,
    build_advert_docx,
)
from recruit.domain.documents.word import document_bytes
from recruit.exports import REFERENCE_DOCX

# Flask adds "; charset=utf-8" to text types itself: naming it here sent it twice.
DOWNLOADS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "txt": "text/plain",
}


def render_advert(document: AdvertDocument, fmt: str) -> bytes:
    """The advert as bytes in ``fmt`` (docx, html or txt)."""
    if fmt == "docx":
        reference = REFERENCE_DOCX if REFERENCE_DOCX.exists() else None
        return document_bytes(build_advert_docx(document, reference))
    if fmt == "html":
        return advert_html(document).encode("utf-8")
    return advert_plain_text(document).encode("utf-8")
