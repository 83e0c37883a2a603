"""Where the export assets live: Word reference documents an organisation can restyle."""

from __future__ import annotations

from recruit.config import PROJECT_ROOT

EXPORTS_DIR = PROJECT_ROOT / "exports"
REFERENCE_DOCX = EXPORTS_DIR / "advert-reference.docx"
SUMMARY_REFERENCE = EXPORTS_DIR / "summary-reference.docx"
DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
