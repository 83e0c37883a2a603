"""What a question's values must mean: known keys, its own attribute's behaviours, a decisive
warning sign. Each rule returns messages that tell an HR editor what to change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from recruit.domain.question_bank.schema import (
    ANY_INNOVATION,
    FORMATS,
    KNOWN_TAGS,
    MIN_SAFEGUARDING_WARNING_SIGNS,
    QUESTION_SCHEMA,
    QUESTIONS_FOLDER,
    SAFEGUARDING_TAG,
    STATUSES,
    Place,
    Problem,
    did_you_mean,
    record_problems,
)
from recruit.domain.question_bank.yaml_source import LinedList, LinedMapping, mappings_in, texts_in

# More than three and a question stops testing anything in depth.
MAX_BEHAVIOURS_PER_QUESTION = 3
# Wide on purpose: the schema's 5 to 20 minutes is guidance; only nonsense values are errors.
MINUTES_RANGE = range(1, 61)
_ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class BankKeys:
    """The keys questions may use. None where a file gives none that can be read, so one
    broken file gives a few problems rather than one for every question."""

    behaviours_by_attribute: dict[str, list[str]] | None
    role_levels: list[str] | None
    innovations: list[str] | None

    @classmethod
    def from_documents(cls, attributes: object, innovations: object) -> BankKeys:
        attribute_records = mappings_in(_get(attributes, "attributes"))
        behaviours = {
            str(record.get("key")): _keys_of(record.get("behaviours"))
            for record in attribute_records
        }
        return cls(
            behaviours or None,
            _keys_of(_get(attributes, "role_levels")) or None,
            _keys_of(_get(innovations, "innovations")) or None,
        )

    def attribute_of(self, behaviour: str) -> str | None:
        for attribute, behaviours in (self.behaviours_by_attribute or {}).items():
            if behaviour in behaviours:
                return attribute
        return None


def _get(document: object, list_name: str) -> object:
    return document.get(list_name) if isinstance(document, LinedMapping) else None


def _keys_of(items: object) -> list[str]:
    return [str(record.get("key")) for record in mappings_in(items)]


def question_label(question: LinedMapping) -> str:
    question_id = question.get("id")
    return f"question {question_id}" if isinstance(question_id, str) else "question (no id)"


def question_problems(file: str, question: LinedMapping, keys: BankKeys) -> list[Problem]:
    """Every problem with one question, each at the line of the field concerned."""
    place = Place(file, question.line, question_label(question))
    problems = record_problems(question, QUESTION_SCHEMA, place)
    context = _Context(file, question, keys)
    for field_name, rule in _FIELD_RULES.items():
        line = question.line_of(field_name)
        messages = rule(question.get(field_name), context)
        problems += [place.problem(message, line) for message in messages]
    for field_name, item_rule in _ITEM_RULES.items():
        problems += _item_problems(question.get(field_name), item_rule, context, place)
    return problems


def _item_problems(
    value: object, rule: _ItemRule, context: _Context, place: Place
) -> list[Problem]:
    if not isinstance(value, LinedList):
        return []
    return [
        place.problem(message, value.line_of(index))
        for index, item in enumerate(value)
        if isinstance(item, str)
        for message in rule(item, context)
    ]


@dataclass(frozen=True)
class _Context:
    file: str
    question: LinedMapping
    keys: BankKeys

    @property
    def attribute(self) -> str | None:
        """The question's attribute, if it is a known one."""
        attribute = self.question.get("attribute")
        known = self.keys.behaviours_by_attribute or {}
        return attribute if isinstance(attribute, str) and attribute in known else None


def _check_id(value: object, context: _Context) -> list[str]:
    if not isinstance(value, str):
        return []
    if not _ID_PATTERN.match(value):
        return [
            f"the id '{value}' may use only lowercase letters, digits and single hyphens, "
            "for example values-purpose-01"
        ]
    if context.attribute and not value.startswith(context.attribute + "-"):
        return [f"the id '{value}' must start with its attribute key, '{context.attribute}-'"]
    return []


def _check_choice(
    field_name: str, allowed: tuple[str, ...]
) -> Callable[[object, _Context], list[str]]:
    def check(value: object, context: _Context) -> list[str]:
        if isinstance(value, str) and value not in allowed:
            return [f"the {field_name} '{value}' is not allowed: use {' or '.join(allowed)}"]
        return []

    return check


def _check_attribute(value: object, context: _Context) -> list[str]:
    known = context.keys.behaviours_by_attribute
    if not isinstance(value, str) or known is None:
        return []
    if value not in known:
        hint = did_you_mean(value, list(known))
        return [f"the attribute '{value}' is not known{hint}: use one of {', '.join(known)}"]
    expected_file = f"{QUESTIONS_FOLDER}/{value}.yaml"
    if context.file != expected_file:
        return [f"the attribute is '{value}', so move the question to {expected_file}"]
    return []


def _check_behaviour_count(value: object, context: _Context) -> list[str]:
    keys = texts_in(value)
    problems = _repeats("behaviours", keys)
    if len(keys) > MAX_BEHAVIOURS_PER_QUESTION:
        problems.append(
            f"list at most {MAX_BEHAVIOURS_PER_QUESTION} behaviours (found {len(keys)}): "
            "split the question, or keep the behaviours it tests most directly"
        )
    return problems


def _check_behaviour(key: str, context: _Context) -> list[str]:
    if context.attribute is None:
        return []
    own = (context.keys.behaviours_by_attribute or {})[context.attribute]
    if key in own:
        return []
    owner = context.keys.attribute_of(key)
    if owner is not None:
        return [
            f"the behaviour '{key}' belongs to the attribute '{owner}', not '{context.attribute}': "
            f"use a behaviour of {context.attribute} ({', '.join(own)}), "
            f"or move the question to {QUESTIONS_FOLDER}/{owner}.yaml"
        ]
    return [
        f"the behaviour '{key}' is not a behaviour of {context.attribute} in attributes.yaml"
        f"{did_you_mean(key, own)}: use one of {', '.join(own)}"
    ]


def _check_decisive(value: object, context: _Context) -> list[str]:
    items = mappings_in(value)
    if items and not any(item.get("decisive") is True for item in items):
        return [
            "mark at least one negative indicator with 'decisive: true' (the warning sign "
            "serious enough on its own to hold the score at 1)"
        ]
    return []


def _check_tags(value: object, context: _Context) -> list[str]:
    problems = _repeats("tags", texts_in(value))
    if SAFEGUARDING_TAG in texts_in(value):
        problems += _safeguarding_warning_signs(context.question.get("warning_signs"))
    return problems


def _safeguarding_warning_signs(value: object) -> list[str]:
    # A warning_signs that is not a list is already reported by the shape check.
    if value is not None and not isinstance(value, list):
        return []
    found = len(texts_in(value))
    if found >= MIN_SAFEGUARDING_WARNING_SIGNS:
        return []
    return [
        f"warning_signs: a question tagged '{SAFEGUARDING_TAG}' needs at least "
        f"{MIN_SAFEGUARDING_WARNING_SIGNS} warning signs the panel listens for (found {found}): "
        "add a 'warning_signs:' list, one per line starting with '- '"
    ]


def _check_tag(key: str, context: _Context) -> list[str]:
    if key in KNOWN_TAGS:
        return []
    return [
        f"the tag '{key}' is not known{did_you_mean(key.lower(), list(KNOWN_TAGS))}: "
        f"tags are lowercase words from this list: {', '.join(KNOWN_TAGS)}"
    ]


def _check_role_level_repeats(value: object, context: _Context) -> list[str]:
    return _repeats("role_levels", texts_in(value))


def _check_role_level(key: str, context: _Context) -> list[str]:
    return _unknown("role level", key, context.keys.role_levels)


def _check_innovation_mix(value: object, context: _Context) -> list[str]:
    keys = texts_in(value)
    problems = _repeats("innovations", keys)
    if ANY_INNOVATION in keys and len(keys) > 1:
        problems.append(
            f"'{ANY_INNOVATION}' already covers every innovation: list either "
            f"'{ANY_INNOVATION}' alone or only the named innovations"
        )
    return problems


def _check_innovation(key: str, context: _Context) -> list[str]:
    known = context.keys.innovations
    allowed = None if known is None else list(dict.fromkeys([ANY_INNOVATION, *known]))
    return _unknown("innovation", key, allowed)


def _check_minutes(value: object, context: _Context) -> list[str]:
    if isinstance(value, int) and not isinstance(value, bool) and value not in MINUTES_RANGE:
        return [
            f"minutes is {value}: give a whole number of minutes from {MINUTES_RANGE.start} "
            f"to {MINUTES_RANGE.stop - 1} (5 to 20 is typical)"
        ]
    return []


def _repeats(field_name: str, keys: list[str]) -> list[str]:
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    return [f"'{key}' is listed twice in {field_name}: list it once" for key in repeated]


def _unknown(noun: str, key: str, known: list[str] | None) -> list[str]:
    if known is None or key in known:
        return []
    return [
        f"the {noun} '{key}' is not known{did_you_mean(key, known)}: use one of {', '.join(known)}"
    ]


_FieldRule = Callable[[object, _Context], list[str]]
_ItemRule = Callable[[str, _Context], list[str]]

# Reported at the field's line.
_FIELD_RULES: Mapping[str, _FieldRule] = {
    "id": _check_id,
    "status": _check_choice("status", STATUSES),
    "attribute": _check_attribute,
    "format": _check_choice("format", FORMATS),
    "behaviours": _check_behaviour_count,
    "tags": _check_tags,
    "negative_indicators": _check_decisive,
    "role_levels": _check_role_level_repeats,
    "innovations": _check_innovation_mix,
    "minutes": _check_minutes,
}

# Applied to each text item of a list field and reported at that item's line.
_ITEM_RULES: Mapping[str, _ItemRule] = {
    "behaviours": _check_behaviour,
    "tags": _check_tag,
    "role_levels": _check_role_level,
    "innovations": _check_innovation,
}
