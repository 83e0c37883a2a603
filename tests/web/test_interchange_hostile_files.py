"""vacancy import on hostile files: each is refused in one line, never a traceback, and
nothing is imported. Each file is a real export with one hostile thing in it, so that
thing alone is why it is refused."""

from __future__ import annotations

import json

import pytest

from recruit.domain.interchange.reading import MAX_DEPTH, MAX_FILE_BYTES
from tests.web.test_vacancy_interchange import (
    export_document,
    full_vacancy,
    row_counts,
    run_import,
)

MARK = "__hostile__"


@pytest.fixture
def exported(app, bank, make_user, tmp_path):  # type: ignore[no-untyped-def]
    vacancy = full_vacancy(app, make_user)
    return export_document(app.test_cli_runner(), vacancy.id, tmp_path / "vacancy.json")


def _with(path: list, raw: bytes):  # type: ignore[no-untyped-def]
    """The export with ``raw`` written, byte for byte, as the value at ``path``."""

    def build(document: dict) -> bytes:
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = MARK
        return json.dumps(document, indent=2).encode().replace(f'"{MARK}"'.encode(), raw)

    return build


def _plain(document: dict) -> bytes:
    return json.dumps(document, indent=2).encode()


def _padded_to_50_mb(document: dict) -> bytes:
    return _plain(document) + b" " * (50 * 1024 * 1024)


def _key_twice(document: dict) -> bytes:
    return _plain(document).replace(b'"title": ', b'"status": "closed",\n    "title": ', 1)


def _with_bom(document: dict) -> bytes:
    return b"\xef\xbb\xbf" + _plain(document)


DEEP = b'{"x": ' + b"[" * 9_999 + b"]" * 9_999 + b"}"
HOSTILE = {
    "50 MB": (_padded_to_50_mb, f"is more than {MAX_FILE_BYTES:,} bytes"),
    "nested 10,000 deep": (
        _with(["stages", 0, "items", 0, "frozen_content"], DEEP),
        f"nests lists and objects more than {MAX_DEPTH} deep",
    ),
    "a number with 100,000 digits": (
        _with(["stages", 0, "duration_minutes"], b"7" * 100_000),
        "has a number 100,000 characters long",
    ),
    "1e999": (
        _with(["stages", 0, "weights", "values"], b"1e999"),
        "has a number too large to hold: 1e999",
    ),
    "NaN": (
        _with(["stages", 0, "agreed_scores", 0, "agreed"], b"NaN"),
        "has NaN, which JSON does not allow",
    ),
    "Infinity": (
        _with(["stages", 0, "weights", "values"], b"-Infinity"),
        "has -Infinity, which JSON does not allow",
    ),
    "a key twice": (_key_twice, "has the key 'status' twice in one object"),
    "invalid UTF-8": (
        _with(["candidates", 0, "first_name"], b'"Amar\xe1"'),
        "is not UTF-8 text (byte 0xe1 at position",
    ),
    "a byte order mark": (_with_bom, "starts with a byte order mark (BOM)"),
    "half a character pair": (
        _with(["candidates", 0, "notes"], b'"\\udc00"'),
        "has a \\u escape for half a character pair",
    ),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_file_is_refused_in_one_line(app, exported, tmp_path, name):
    build, reason = HOSTILE[name]
    path = tmp_path / "hostile.json"
    path.write_bytes(build(exported))
    before = row_counts()
    result = run_import(app.test_cli_runner(), path)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception  # not an uncaught error
    assert "Traceback" not in result.output
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"Error: Nothing was imported: {path} "), result.stderr
    assert reason in result.stderr
    assert row_counts() == before


def test_a_file_of_a_million_mistakes_lists_the_first_and_says_there_are_more(
    app, exported, tmp_path
):
    exported["candidates"] = [{}] * 1_000_000
    path = tmp_path / "empty-candidates.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    before = row_counts()
    result = run_import(app.test_cli_runner(), path)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert lines[0] == f"Error: Nothing was imported: {path} has 100 or more problems:"
    assert lines[1] == "  candidates[0].code: is missing"
    assert lines[-1] == "  ... and more" and len(lines) == 22
    assert row_counts() == before


def test_the_same_files_without_the_hostile_value_import(app, exported, tmp_path):
    path = tmp_path / "benign.json"
    path.write_bytes(_with(["stages", 0, "duration_minutes"], b"90")(exported))
    result = run_import(app.test_cli_runner(), path)
    assert result.exit_code == 0, result.output


def test_a_missing_file_is_one_line(app, bank, tmp_path):
    path = tmp_path / "absent.json"
    result = run_import(app.test_cli_runner(), path)
    assert result.exit_code == 1
    assert result.stderr == f"Error: Nothing was imported: {path} does not exist\n"
