"""Checks a parsed vacancy interchange document against the format, before any write.

Pure: a parsed JSON value in, a list of "json.path: what is wrong" strings out, so an
import can list every problem in a file and refuse it before it touches the database.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

from recruit.domain.interchange_format import (
    DOCUMENT,
    FORMAT_NAME,
    FORMAT_VERSION,
    ROOT,
    Field,
    Vocabularies,
    parse_datetime,
)
from recruit.domain.interchange_references import reference_problems


def validate_document(document: object, vocabularies: Vocabularies) -> list[str]:
    """Every problem with the document, each as "json.path: what is wrong"; [] if none."""
    problems = _format_problems(document)
    if problems:
        return problems  # another format's keys would only bury the real problem
    _check_object(document, DOCUMENT, "", vocabularies, problems)
    if problems:
        return problems  # references can only be followed through well-formed sections
    assert isinstance(document, dict)
    return reference_problems(document)


def _format_problems(document: object) -> list[str]:
    if not isinstance(document, dict):
        return [f"{ROOT}: must be a JSON object"]
    if document.get("format") != FORMAT_NAME:
        return [f"format: must be {FORMAT_NAME!r}, found {document.get('format')!r}"]
    version = document.get("version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        return [f"version: this app reads version {FORMAT_VERSION}, the file has {version!r}"]
    return []


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _check_object(
    value: object, spec: Mapping[str, Field], path: str, vocab: Vocabularies, out: list[str]
) -> None:
    if not isinstance(value, dict):
        out.append(f"{path or ROOT}: must be an object")
        return
    for key in sorted(set(value) - set(spec)):
        out.append(f"{_join(path, key)}: is not a key this format knows")
    for key, field in spec.items():
        if key not in value:
            out.append(f"{_join(path, key)}: is missing")
        else:
            _check_field(value[key], field, _join(path, key), vocab, out)


def _check_field(
    value: object, field: Field, path: str, vocab: Vocabularies, out: list[str]
) -> None:
    if value is None:
        if not field.nullable:
            out.append(f"{path}: must not be null")
        return
    if field.kind == "object" and field.spec is not None:
        _check_object(value, field.spec, path, vocab, out)
    elif field.kind == "list" and field.spec is not None:
        if not isinstance(value, list):
            out.append(f"{path}: must be a list")
            return
        for index, entry in enumerate(value):
            _check_object(entry, field.spec, f"{path}[{index}]", vocab, out)
    else:
        problem = _scalar_problem(value, field, vocab)
        if problem:
            out.append(f"{path}: {problem}")


def _scalar_problem(value: object, field: Field, vocab: Vocabularies) -> str | None:
    kind = field.kind
    if kind == "text":
        if not isinstance(value, str):
            return "must be a string"
        if "\x00" in value:  # PostgreSQL text cannot hold it; refuse it here, not mid-write
            return "must not contain NUL characters"
        if field.max_length is not None and len(value) > field.max_length:
            return f"must be at most {field.max_length} characters"
    elif kind == "choice":
        allowed = vocab[field.vocabulary or ""]
        if value not in allowed:
            return f"must be one of {', '.join(sorted(allowed))}"
    elif kind == "bool" and not isinstance(value, bool):
        return "must be true or false"
    elif kind == "count" and not _is_int(value, minimum=0):
        return "must be a whole number, 0 or more"
    elif kind == "number" and not _is_number(value):
        return "must be a number"
    elif kind == "score" and not _is_int(value, minimum=1, maximum=5):
        return "must be 1 to 5 or null"
    elif kind == "date":
        return _date_problem(value)
    elif kind == "datetime":
        return _datetime_problem(value)
    elif kind == "weights":
        if not isinstance(value, dict) or not all(map(_is_number, value.values())):
            return "must be an object of attribute keys and numbers"
    elif kind == "json_object" and not isinstance(value, dict):
        return "must be an object"
    elif kind == "json_objects":
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            return "must be a list of objects"
    return None


def _is_int(value: object, *, minimum: int, maximum: int | None = None) -> bool:
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return value >= minimum and (maximum is None or value <= maximum)


def _is_number(value: object) -> bool:
    # Python's json reads NaN and Infinity, which JSON itself (and JSON columns) do not allow.
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _date_problem(value: object) -> str | None:
    if isinstance(value, str) and len(value) == 10:  # YYYY-MM-DD, not the compact forms
        try:
            date.fromisoformat(value)
            return None
        except ValueError:
            pass
    return "must be a date like 2026-03-27"


def _datetime_problem(value: object) -> str | None:
    if isinstance(value, str):
        try:
            parse_datetime(value)
            return None
        except ValueError:
            pass
    return "must be a date and time with its time zone, like 2026-03-27T14:30:00+00:00"
