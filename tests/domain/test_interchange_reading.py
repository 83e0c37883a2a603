"""Reading a vacancy file's bytes: the caps on size, nesting and numbers, and the JSON that
Python's json module accepts but a vacancy file must not hold."""

from __future__ import annotations

import json

import pytest

from recruit.domain.interchange.reading import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NUMBER_CHARACTERS,
    Unreadable,
    parse_document,
)


def _reason(data: bytes) -> str:
    with pytest.raises(Unreadable) as caught:
        parse_document(data)
    return caught.value.reason


def _nested(depth: int) -> bytes:
    return b'{"a": ' + b"[" * (depth - 1) + b"]" * (depth - 1) + b"}"


def test_a_plain_document_reads_back():
    document = {"format": "recruit-vacancy", "weights": {"values": 0.4}, "name": "Zoë 🙂"}
    assert parse_document(json.dumps(document).encode()) == document
    assert parse_document(json.dumps(document, ensure_ascii=False).encode()) == document


def test_the_caps_leave_room_for_a_real_vacancy():
    """The demo's export is about 80 KB, 8 deep, with numbers of at most 18 characters."""
    assert MAX_FILE_BYTES >= 100 * 80_000
    assert MAX_DEPTH >= 3 * 8
    assert MAX_NUMBER_CHARACTERS >= 24  # repr of any float: -2.2250738585072014e-308


def test_a_file_over_the_size_cap_is_refused_before_it_is_parsed():
    reason = _reason(b" " * (MAX_FILE_BYTES + 1))
    assert reason.startswith(f"is more than {MAX_FILE_BYTES:,} bytes")


def test_nesting_is_capped():
    assert parse_document(_nested(MAX_DEPTH)) == json.loads(_nested(MAX_DEPTH))
    assert _reason(_nested(MAX_DEPTH + 1)) == f"nests lists and objects more than {MAX_DEPTH} deep"


def test_nesting_10000_deep_is_one_refusal_not_a_recursion_error():
    assert "more than" in _reason(b"[" * 10_000 + b"]" * 10_000)
    assert "more than" in _reason(b"[" * 10_000)  # not even closed


def test_brackets_inside_strings_are_not_nesting():
    text = json.dumps({"notes": "[" * 10_000 + '{\\"', "quote": '"]]]'})
    assert parse_document(text.encode())["notes"].startswith("[[[")


@pytest.mark.parametrize(
    ("literal", "reason"),
    [
        (b"1" * 100_000, "has a number 100,000 characters long"),
        (b"-" + b"9" * 5_000, "has a number 5,001 characters long"),
        (b"0." + b"3" * 100_000, "has a number 100,002 characters long"),
        (b"1e999", "has a number too large to hold: 1e999"),
        (b"-1E400", "has a number too large to hold: -1E400"),
        (b"NaN", "has NaN, which JSON does not allow"),
        (b"Infinity", "has Infinity, which JSON does not allow"),
        (b"-Infinity", "has -Infinity, which JSON does not allow"),
    ],
)
def test_numbers_json_cannot_hold_or_python_cannot_read_are_refused(literal, reason):
    assert _reason(b'{"weights": {"values": ' + literal + b"}}").startswith(reason)


def test_long_but_ordinary_numbers_read():
    data = b'{"a": 0.30000000000000004, "b": -2.2250738585072014e-308, "c": 2147483647}'
    assert parse_document(data)["c"] == 2147483647


def test_a_key_twice_in_one_object_is_refused():
    data = b'{"vacancy": {"status": "open", "title": "DCS", "status": "closed"}}'
    assert _reason(data) == "has the key 'status' twice in one object"


def test_the_same_key_in_different_objects_is_fine():
    assert parse_document(b'[{"status": 1}, {"status": 2}]') == [{"status": 1}, {"status": 2}]


def test_invalid_utf8_is_refused_with_where():
    assert _reason(b'{"name": "Zo\xeb"}') == "is not UTF-8 text (byte 0xeb at position 12)"


def test_a_byte_order_mark_is_refused():
    reason = _reason(b"\xef\xbb\xbf{}")
    assert reason == "starts with a byte order mark (BOM): save it as UTF-8 without one"


def test_half_a_character_pair_is_refused():
    assert _reason(b'{"notes": "\\ud800 alone"}').startswith("has a \\u escape for half a")
    assert parse_document(b'{"notes": "\\ud83d\\ude42"}') == {"notes": "🙂"}


def test_bad_json_says_where():
    reason = _reason(b'{\n  "format": "recruit-vacancy",\n  oops\n}')
    assert reason.startswith("is not valid JSON at line 3 column 3: ")
