"""Anonymised candidate codes (``C-07``): what panels see instead of names."""

from __future__ import annotations

import re
from collections.abc import Iterable

_CODE = re.compile(r"C-([0-9]+)")


def anonymised_code(sequence_number: int) -> str:
    """The code panels see instead of a name, so a name cannot sway a score: ``C-07``."""
    if sequence_number < 1:
        raise ValueError("candidate codes start at 1")
    return f"C-{sequence_number:02d}"


def next_candidate_codes(existing_codes: Iterable[str], count: int) -> list[str]:
    """The next ``count`` codes after the highest existing one.

    Gaps left by deleted candidates are never filled: a code already written in panel
    notes or a score sheet must never come to mean someone else. Anything not shaped
    like a code is ignored.
    """
    if count < 0:
        raise ValueError("count cannot be negative")
    numbers = [int(match[1]) for code in existing_codes if (match := _CODE.fullmatch(code))]
    start = max(numbers, default=0) + 1
    return [anonymised_code(number) for number in range(start, start + count)]
