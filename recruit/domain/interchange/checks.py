"""Checks a parsed vacancy interchange document against the format, before any write.

Pure: a parsed JSON value in, a list of "json.path: what is wrong" strings out, so an
import can list every problem in a file and refuse it before it touches the database.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from recruit.domain.interchange.format import (
    DOCUMENT,
    FORMAT_NAME,
    MAX_COUNT,
    READABLE_VERSIONS,
    ROOT,
    Field,
    Vocabularies,
    keys_in,
    parse_datetime,
    with_later_keys,
)
from recruit.domain.interchange.references import reference_problems
from recruit.domain.interchange.sheets import sheet_problems

# A check of one value: what is wrong with it, or None.
ScalarCheck = Callable[[object, Field, Vocabularies], str | None]

# Checking stops here: a file this wrong is fixed from its first problems, and a hostile
# one (a million empty objects, each missing every key) must not become a billion lines.
PROBLEM_LIMIT = 100


def validate_document(
    document: object, vocabularies: Vocabularies, *, non_scoring_roles: Mapping[str, str]
) -> list[str]:
    """Every problem with the document, each as "json.path: what is wrong"; [] if none.
    At most PROBLEM_LIMIT: with that many, there may be more.

    ``non_scoring_roles``: the panel roles that do not score, each with its label.
    """
    problems = _format_problems(document)
    if problems:
        return problems  # another format's keys would only bury the real problem
    assert isinstance(document, dict)
    checker = _Shape(vocabularies, document["version"])
    try:
        checker.check_object(document, DOCUMENT, "")
    except _Enough:
        pass
    if checker.out:
        return checker.out  # references can only be followed through well-formed sections
    current = with_later_keys(document)
    # Who may hold a sheet is only asked once every person and candidate is known.
    problems = (
        reference_problems(current)
        or sheet_problems(current, non_scoring_roles)
        or _stage_role_problems(current)
    )
    return problems[:PROBLEM_LIMIT]


def _stage_role_problems(document: Mapping[str, Any]) -> list[str]:
    """A vacancy has one deciding stage at most: its figures are the decision's."""
    deciding = [
        f"stages[{index}]"
        for index, stage in enumerate(document["stages"])
        if stage["role"] == "deciding"
    ]
    if len(deciding) <= 1:
        return []
    return [f"stages: {', '.join(deciding)} are all deciding; only one stage may decide"]


def _format_problems(document: object) -> list[str]:
    if not isinstance(document, dict):
        return [f"{ROOT}: must be a JSON object"]
    if document.get("format") != FORMAT_NAME:
        return [f"format: must be {FORMAT_NAME!r}, found {document.get('format')!r}"]
    version = document.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        *earlier, last = map(str, READABLE_VERSIONS)
        readable = f"{', '.join(earlier)} and {last}" if earlier else last
        return [f"version: this app reads versions {readable}, the file has {version!r}"]
    return []


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class _Enough(Exception):
    """PROBLEM_LIMIT problems found: the checks stop."""


class _Shape:
    """Checks every object against its spec as the file's version has it."""

    def __init__(self, vocabularies: Vocabularies, version: int) -> None:
        self.vocab, self.version = vocabularies, version
        self.out: list[str] = []
        self.fields: dict[int, dict[str, Field]] = {}  # each spec's keys in this version

    def add(self, problem: str) -> None:
        self.out.append(problem)
        if len(self.out) >= PROBLEM_LIMIT:
            raise _Enough

    def check_object(self, value: object, spec: Mapping[str, Field], path: str) -> None:
        if not isinstance(value, dict):
            self.add(f"{path or ROOT}: must be an object")
            return
        fields = self.fields.get(id(spec))
        if fields is None:
            fields = self.fields[id(spec)] = keys_in(spec, self.version)
        for key in sorted(set(value) - set(fields)):
            self.add(f"{_join(path, key)}: {self._unknown(spec.get(key))}")
        for key, field in fields.items():
            if key not in value:
                self.add(f"{_join(path, key)}: is missing")
            else:
                self.check_field(value[key], field, _join(path, key))

    def _unknown(self, field: Field | None) -> str:
        if field is None:
            return "is not a key this format knows"
        return f"is not in version {self.version} of this format (it came in version {field.since})"

    def check_field(self, value: object, field: Field, path: str) -> None:
        if value is None:
            if not field.nullable:
                self.add(f"{path}: must not be null")
            return
        if field.kind == "object" and field.spec is not None:
            self.check_object(value, field.spec, path)
        elif field.kind == "list" and field.spec is not None:
            if not isinstance(value, list):
                self.add(f"{path}: must be a list")
                return
            for index, entry in enumerate(value):
                self.check_object(entry, field.spec, f"{path}[{index}]")
        else:
            problem = _scalar_problem(value, field, self.vocab)
            if problem:
                self.add(f"{path}: {problem}")


def _scalar_problem(value: object, field: Field, vocab: Vocabularies) -> str | None:
    check = _SCALAR_CHECKS.get(field.kind)
    return None if check is None else check(value, field, vocab)


def _text_problem(value: object, field: Field, _vocab: Vocabularies) -> str | None:
    if not isinstance(value, str):
        return "must be a string"
    if "\x00" in value:  # PostgreSQL text cannot hold it; refuse it here, not mid-write
        return "must not contain NUL characters"
    if field.max_length is not None and len(value) > field.max_length:
        return f"must be at most {field.max_length} characters"
    return None


def _choice_problem(value: object, field: Field, vocab: Vocabularies) -> str | None:
    allowed = vocab[field.vocabulary or ""]
    return None if value in allowed else f"must be one of {', '.join(sorted(allowed))}"


def _weights_problem(value: object, _field: Field, _vocab: Vocabularies) -> str | None:
    if isinstance(value, dict) and all(map(_is_number, value.values())):
        return None
    return "must be an object of attribute keys and numbers"


def _objects_problem(value: object, _field: Field, _vocab: Vocabularies) -> str | None:
    if isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return None
    return "must be a list of objects"


def _unless(ok: Callable[[object], bool], problem: str) -> ScalarCheck:
    return lambda value, _field, _vocab: None if ok(value) else problem


def _on_value(check: Callable[[object], str | None]) -> ScalarCheck:
    return lambda value, _field, _vocab: check(value)


def _is_int(value: object, *, minimum: int, maximum: int | None = None) -> bool:
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return value >= minimum and (maximum is None or value <= maximum)


def _count_problem(value: object) -> str | None:
    if not _is_int(value, minimum=0):
        return "must be a whole number, 0 or more"
    if _is_int(value, minimum=MAX_COUNT + 1):
        return f"must be at most {MAX_COUNT}"
    return None


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


def _time_problem(value: object) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        return None
    return "must be a time on the 24-hour clock, like 09:30"


def _datetime_problem(value: object) -> str | None:
    if isinstance(value, str):
        try:
            parse_datetime(value)
            return None
        except ValueError:
            pass
    return "must be a date and time with its time zone, like 2026-03-27T14:30:00+00:00"


# What each kind of field must hold; a kind not listed here takes any value.
_SCALAR_CHECKS: dict[str, ScalarCheck] = {
    "text": _text_problem,
    "choice": _choice_problem,
    "bool": _unless(lambda value: isinstance(value, bool), "must be true or false"),
    "count": _on_value(_count_problem),
    "number": _unless(_is_number, "must be a number"),
    "score": _unless(lambda value: _is_int(value, minimum=1, maximum=5), "must be 1 to 5 or null"),
    "date": _on_value(_date_problem),
    "time": _on_value(_time_problem),
    "datetime": _on_value(_datetime_problem),
    "weights": _weights_problem,
    "json_object": _unless(lambda value: isinstance(value, dict), "must be an object"),
    "json_objects": _objects_problem,
}
