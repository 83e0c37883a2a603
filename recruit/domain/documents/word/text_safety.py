"""Making user text safe to put into documents and download headers."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

# XML 1.0 allows tab, newline and carriage return, then U+0020 upwards except surrogates,
# U+FFFE and U+FFFF. lxml (and so python-docx) raises ValueError on anything else. C1
# controls and the other noncharacters are legal XML but are parse errors in HTML and
# invisible junk in Word, so they go too.
_NOT_ALLOWED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
# Word pastes a manual line break as a vertical tab and a page break as a form feed;
# NEL and the Unicode separators are line breaks from other sources.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_FILENAME_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]")
_MAX_FILENAME_STEM = 100


def clean_for_document(text: str) -> str:
    """``text`` with line endings as ``\\n`` and every character XML and HTML refuse removed."""
    return _NOT_ALLOWED.sub("", _LINE_BREAKS.sub("\n", text))


def safe_download_filename(name: str, extension: str) -> tuple[str, str]:
    """An ASCII ``filename`` and an RFC 5987 ``filename*`` value for Content-Disposition.

    Both are free of newlines, quotes and slashes, so neither can break the header or name
    a path. The second keeps non-ASCII letters (``UTF-8''Adroddiad%20...``) for browsers
    that understand it; the first is the fallback for those that do not.
    """
    suffix = "." + (re.sub(r"[^A-Za-z0-9]", "", extension) or "bin")
    stem = _readable_stem(name)
    ascii_stem = _ascii_stem(stem)
    return ascii_stem + suffix, "UTF-8''" + quote(stem + suffix, safe="")


def _readable_stem(name: str) -> str:
    text = _FILENAME_UNSAFE.sub(" ", clean_for_document(name))
    stem = " ".join(text.split()).strip(" .")[:_MAX_FILENAME_STEM].strip(" .")
    return stem or "document"


def _ascii_stem(stem: str) -> str:
    decomposed = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    ascii_text = " ".join(_ASCII_UNSAFE.sub(" ", decomposed).split()).strip(" .")
    return ascii_text or "document"
