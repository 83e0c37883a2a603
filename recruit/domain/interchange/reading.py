"""A vacancy file's bytes to a JSON value, refusing what a vacancy file never holds.

Python's json module reads more than JSON and fails in ways a command should not show:
nesting past the recursion limit raises RecursionError, an integer past 4,300 digits
raises ValueError, 1e999 becomes infinity, NaN and Infinity are read, a repeated key
silently keeps the last value, and a lone surrogate escape (\\ud800) reads as a string
no database can store. Each is refused here, before the format checks, as one reason.

The caps sit far above what a real vacancy needs. The demo's campaign (six candidates,
three stages, 24 score sheets) exports at about 80 KB, 8 deep, its longest number 18
characters (a weight such as 0.15000000000000002).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, NoReturn

# 16 MiB: 200 times the demo. Forty candidates through four stages of eight panel members
# (1,280 sheets), with a thousand characters of notes on each of eight answers, is 12 MB.
# A hostile file costs json far more memory than its size (30 MB of empty objects took
# 800 MB), so the cap is no higher than a real vacancy needs.
MAX_FILE_BYTES = 16 * 1024 * 1024
# The format itself is 8 deep at its deepest (a question's content inside a plan item).
MAX_DEPTH = 32
# The longest float Python writes is 24 characters (-2.2250738585072014e-308).
MAX_NUMBER_CHARACTERS = 40

BYTE_ORDER_MARK = b"\xef\xbb\xbf"
# A JSON string, escapes included, so that brackets inside one are not counted as nesting.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(sorted(set(range(256)) - set(b"[]{}")))


class Unreadable(ValueError):
    """The bytes are not a vacancy file; ``reason`` says why, to follow the file's name."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_document(data: bytes) -> object:
    """The JSON value in ``data``, or Unreadable with one reason."""
    if len(data) > MAX_FILE_BYTES:
        limit = f"{MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES // 2**20} MiB)"
        raise Unreadable(f"is more than {limit}, the most a vacancy file may be")
    text = _text(data)
    _check_depth(data)
    try:
        value = json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_integer,
            parse_float=_float,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise Unreadable(f"is not valid JSON at {where}: {error.msg}") from None
    except RecursionError:  # _check_depth makes this unreachable; never a traceback if not
        raise Unreadable(f"nests lists and objects more than {MAX_DEPTH} deep") from None
    _check_characters(value)
    return value


def _text(data: bytes) -> str:
    if data.startswith(BYTE_ORDER_MARK):
        # Exports never write one; RFC 8259 forbids adding one. Refused rather than
        # skipped, like any other byte the export would not have written.
        raise Unreadable("starts with a byte order mark (BOM): save it as UTF-8 without one")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise Unreadable(
            f"is not UTF-8 text (byte 0x{byte:02x} at position {error.start})"
        ) from None


def _check_depth(data: bytes) -> None:
    """Refuse nesting past MAX_DEPTH before json recurses into it.

    Strings are dropped first (a bracket inside one is not nesting), then everything but
    brackets. Each pass removes every innermost pair, so a well-nested text empties in as
    many passes as it is deep; brackets left unclosed count as well. Up to the first place
    json itself would refuse, strings are read the same way here as there, so json never
    goes deeper than this counts. It reads the UTF-8 bytes (no byte of a multi-byte
    character is a quote, a backslash or a bracket) and runs in C throughout: a Python loop
    over every bracket took 20 seconds on 30 MB of brackets.
    """
    without_strings = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    brackets = without_strings.replace(b"{", b"[").replace(b"}", b"]")
    depth = 0
    while b"[]" in brackets:
        brackets = brackets.replace(b"[]", b"")
        depth += 1
        if depth > MAX_DEPTH:
            break
    if depth + brackets.count(b"[") > MAX_DEPTH:
        raise Unreadable(f"nests lists and objects more than {MAX_DEPTH} deep")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = dict(pairs)
    if len(value) < len(pairs):
        raise Unreadable(f"has the key {_repeated(pairs)!r} twice in one object")
    return value


def _repeated(pairs: list[tuple[str, Any]]) -> str:
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen:
            return key
        seen.add(key)
    raise AssertionError("no key is repeated")


def _too_long(literal: str) -> NoReturn:
    raise Unreadable(
        f"has a number {len(literal):,} characters long; a number may have at most "
        f"{MAX_NUMBER_CHARACTERS}"
    )


def _integer(literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARACTERS:
        _too_long(literal)
    return int(literal)


def _float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_CHARACTERS:
        _too_long(literal)
    value = float(literal)
    if not math.isfinite(value):
        raise Unreadable(f"has a number too large to hold: {literal}")
    return value


def _constant(name: str) -> NoReturn:
    raise Unreadable(f"has {name}, which JSON does not allow")


def _check_characters(value: object) -> None:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise Unreadable(
            "has a \\u escape for half a character pair (a lone surrogate), which is not text"
        ) from None
