"""Which ``next=`` targets a login may send the user to."""

from __future__ import annotations

from urllib.parse import urlsplit

_FORBIDDEN_CHARACTERS = {"\\", "\t", "\n", "\r"}


def is_safe_next_path(target: str | None) -> bool:
    """True only for a same-site relative path such as ``/vacancies/3?tab=plan``.

    Browsers treat ``//host``, ``/\\host`` and ``https:host`` as other sites, and strip
    tabs and newlines before parsing, so all of those are refused outright.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    if any(character in target for character in _FORBIDDEN_CHARACTERS):
        return False
    if any(ord(character) < 0x20 or ord(character) == 0x7F for character in target):
        return False
    if "%09" in target.lower() or "%0a" in target.lower() or "%0d" in target.lower():
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc
