"""The bank's fixed names and the shape of each record in its YAML, with the shape checks.

Shape first (required fields, types, list lengths, unknown fields as typo protection);
what the values mean (known keys, coverage) is checked in question_bank_rules and
question_bank_validation.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, auto

from recruit.domain.question_bank.yaml_source import LinedList, LinedMapping

ATTRIBUTES_FILE = "attributes.yaml"
INNOVATIONS_FILE = "innovations.yaml"
QUESTIONS_FOLDER = "questions"
ANY_INNOVATION = "any"
STATUSES = ("active", "retired")
FORMATS = ("behavioural", "scenario")
SCORES = (1, 2, 3, 4, 5)
# The tags a question may carry: the one place to add a new one. A tag marks questions that
# a check elsewhere relies on (a plan must ask at least one safeguarding question).
SAFEGUARDING_TAG = "safeguarding"
# A question on education, schools and special educational needs and disabilities (SEND):
# the DCS answers for education as well as children's social care.
EDUCATION_TAG = "education"
KNOWN_TAGS = (SAFEGUARDING_TAG, EDUCATION_TAG)
# A safeguarding question must tell the panel what to listen for beyond the indicators.
MIN_SAFEGUARDING_WARNING_SIGNS = 2


@dataclass(frozen=True)
class Problem:
    """One thing to fix, where it is and what to do about it."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Place:
    """Where a record sits, and how to name it in a message ('' for a whole file)."""

    file: str
    line: int | None
    label: str = ""

    def problem(self, message: str, line: int | None = None) -> Problem:
        prefix = f"{self.label}: " if self.label else ""
        return Problem(self.file, self.line if line is None else line, prefix + message)


class Kind(Enum):
    TEXT = auto()
    NULLABLE_TEXT = auto()
    TEXTS = auto()
    RECORDS = auto()
    SCORED_TEXTS = auto()
    SCORED_RECORDS = auto()
    INTEGER = auto()
    BOOLEAN = auto()


@dataclass(frozen=True)
class FieldRule:
    kind: Kind
    required: bool = True
    minimum: int = 0
    record: Mapping[str, FieldRule] | None = None
    item_name: str = "item"


Schema = Mapping[str, FieldRule]

_TEXT = FieldRule(Kind.TEXT)

NEGATIVE_INDICATOR_SCHEMA: Schema = {
    "text": _TEXT,
    "decisive": FieldRule(Kind.BOOLEAN, required=False),
}

# Field order here is the order the writer uses, and the order in the schema document.
QUESTION_SCHEMA: Schema = {
    "id": _TEXT,
    "status": _TEXT,
    "attribute": _TEXT,
    "format": _TEXT,
    "behaviours": FieldRule(Kind.TEXTS, minimum=1),
    "tags": FieldRule(Kind.TEXTS, required=False, minimum=1),
    "question": _TEXT,
    "probes": FieldRule(Kind.TEXTS, minimum=2),
    "positive_indicators": FieldRule(Kind.TEXTS, minimum=3),
    "negative_indicators": FieldRule(
        Kind.RECORDS, minimum=3, record=NEGATIVE_INDICATOR_SCHEMA, item_name="negative indicator"
    ),
    "warning_signs": FieldRule(Kind.TEXTS, required=False, minimum=1),
    "descriptors": FieldRule(Kind.SCORED_TEXTS),
    "role_levels": FieldRule(Kind.TEXTS, minimum=1),
    "innovations": FieldRule(Kind.TEXTS, minimum=1),
    "minutes": FieldRule(Kind.INTEGER),
    "young_people_variant": FieldRule(Kind.TEXT, required=False),
}

_KEYED_TEXT: Schema = {"key": _TEXT, "name": _TEXT, "description": _TEXT}

ATTRIBUTE_SCHEMA: Schema = {
    "key": _TEXT,
    "name": _TEXT,
    "short_name": _TEXT,
    "summary": _TEXT,
    "self_rating_question": _TEXT,
    "rating_5_example": _TEXT,
    "reflection_questions": FieldRule(Kind.TEXTS, minimum=1),
    "behaviours": FieldRule(Kind.RECORDS, minimum=1, record=_KEYED_TEXT, item_name="behaviour"),
    "scale": FieldRule(Kind.SCORED_TEXTS),
}

ATTRIBUTES_SCHEMA: Schema = {
    "version": FieldRule(Kind.INTEGER, required=False),
    "role_levels": FieldRule(Kind.RECORDS, minimum=1, record=_KEYED_TEXT, item_name="role level"),
    "rating_scale": FieldRule(
        Kind.SCORED_RECORDS, record={"label": _TEXT, "description": _TEXT}, item_name="score"
    ),
    "attributes": FieldRule(
        Kind.RECORDS, minimum=1, record=ATTRIBUTE_SCHEMA, item_name="attribute"
    ),
}

INNOVATION_SCHEMA: Schema = {
    "key": _TEXT,
    "name": _TEXT,
    "originating_council": FieldRule(Kind.NULLABLE_TEXT),
    "summary": _TEXT,
    "advert_outline": FieldRule(Kind.TEXT, required=False),
    "values": FieldRule(Kind.TEXTS),
    "practice_principles": FieldRule(Kind.TEXTS),
    "leaders_must_champion": FieldRule(Kind.TEXTS),
    "key_terms": FieldRule(
        Kind.RECORDS,
        record={
            "term": _TEXT,
            "acronym": FieldRule(Kind.TEXT, required=False),
            "explanation": _TEXT,
        },
        item_name="key term",
    ),
    "core_principles": FieldRule(
        Kind.RECORDS,
        record={"key": _TEXT, "name": _TEXT, "phrases": FieldRule(Kind.TEXTS, minimum=1)},
        item_name="core principle",
    ),
}

INNOVATIONS_SCHEMA: Schema = {
    "innovations": FieldRule(
        Kind.RECORDS, minimum=1, record=INNOVATION_SCHEMA, item_name="innovation"
    ),
}


def record_problems(value: object, schema: Schema, place: Place) -> list[Problem]:
    """Missing, unknown and wrongly typed fields of one record, each at its own line."""
    if not isinstance(value, LinedMapping):
        first_field = next((name for name, rule in schema.items() if rule.required), "name")
        return [
            place.problem(f"write this as fields, one per line, starting with '{first_field}:'")
        ]
    problems = [
        place.problem(f"add the required field '{name}'", value.line)
        for name, rule in schema.items()
        if rule.required and name not in value
    ]
    for key in value:
        if key not in schema:
            suggestion = did_you_mean(str(key), list(schema))
            problems.append(
                place.problem(
                    f"unknown field '{key}'{suggestion}: correct the spelling or remove it",
                    value.line_of(key),
                )
            )
    for name, rule in schema.items():
        if name in value:
            field_place = Place(place.file, value.line_of(name), place.label)
            problems += _field_problems(value[name], name, rule, field_place)
    return problems


def did_you_mean(value: str, choices: list[str]) -> str:
    """A hint for a likely typo, or '' when nothing is close."""
    matches = difflib.get_close_matches(value, choices, n=1)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def _field_problems(value: object, name: str, rule: FieldRule, place: Place) -> list[Problem]:
    if rule.kind in (Kind.TEXTS, Kind.RECORDS):
        return _list_problems(value, name, rule, place)
    if rule.kind in (Kind.SCORED_TEXTS, Kind.SCORED_RECORDS):
        return _scored_problems(value, name, rule, place)
    message = _scalar_message(value, name, rule.kind)
    return [place.problem(message)] if message else []


def _scalar_message(value: object, name: str, kind: Kind) -> str | None:
    if kind is Kind.INTEGER and (isinstance(value, bool) or not isinstance(value, int)):
        return f"{name} must be a whole number, for example 10"
    if kind is Kind.BOOLEAN and not isinstance(value, bool):
        return f"{name} must be true or false"
    if kind is Kind.NULLABLE_TEXT and value is None:
        return None
    if kind in (Kind.TEXT, Kind.NULLABLE_TEXT):
        return _text_message(value, name)
    return None


def _text_message(value: object, what: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return f"{what} is empty: write the text, or remove the line if the field is optional"
    if not isinstance(value, str):
        return f"{what} must be text: put it in double quotes so YAML does not read it as {value!r}"
    return None


def _list_problems(value: object, name: str, rule: FieldRule, place: Place) -> list[Problem]:
    if not isinstance(value, LinedList):
        return [place.problem(f"write {name} as a list, one item per line starting with '- '")]
    problems: list[Problem] = []
    for index, item in enumerate(value):
        if rule.kind is Kind.TEXTS:
            message = _text_message(item, f"item {index + 1} of {name}")
            problems += [place.problem(message, value.line_of(index))] if message else []
        else:
            problems += record_problems(
                item, rule.record or {}, _item_place(item, index, value, rule, place)
            )
    if len(value) < rule.minimum:
        problems.append(place.problem(_too_few_message(name, rule.minimum, len(value))))
    return problems


def _too_few_message(name: str, minimum: int, found: int) -> str:
    readable = name.replace("_", " ")
    if minimum == 1:
        return f"{readable} is empty: list at least one, one per line starting with '- '"
    return f"give at least {minimum} {readable} (found {found})"


def _item_place(item: object, index: int, items: LinedList, rule: FieldRule, place: Place) -> Place:
    key = item.get("key") if isinstance(item, LinedMapping) else None
    name = f"{rule.item_name} {key}" if isinstance(key, str) else f"{rule.item_name} {index + 1}"
    label = f"{place.label}, {name}" if place.label else name
    return Place(place.file, items.line_of(index), label)


def _scored_problems(value: object, name: str, rule: FieldRule, place: Place) -> list[Problem]:
    if not isinstance(value, LinedMapping):
        return [place.problem(f"write {name} as five lines '1: ...' to '5: ...', one per score")]
    problems = [
        place.problem(_score_key_message(name, key), value.line_of(key))
        for key in value
        if key not in SCORES
    ]
    missing = [str(score) for score in SCORES if score not in value]
    if missing:
        problems.append(
            place.problem(
                f"{name} must give a text for every score 1 to 5 (missing {', '.join(missing)})"
            )
        )
    for score in SCORES:
        if score in value:
            score_place = Place(place.file, value.line_of(score), place.label)
            problems += _score_value_problems(value[score], f"{name} {score}", rule, score_place)
    return problems


def _score_key_message(name: str, key: object) -> str:
    if isinstance(key, str) and key.strip() in {str(score) for score in SCORES}:
        return f"{name} has the score '{key}' in quotes: write it as a plain number, {key.strip()}:"
    return f"{name} has a score '{key}': use only the scores 1 to 5"


def _score_value_problems(value: object, name: str, rule: FieldRule, place: Place) -> list[Problem]:
    if rule.kind is Kind.SCORED_RECORDS:
        label = f"{place.label}, {name}" if place.label else name
        return record_problems(value, rule.record or {}, Place(place.file, place.line, label))
    message = _text_message(value, name)
    return [place.problem(message)] if message else []
