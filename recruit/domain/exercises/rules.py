"""What one exercise's values must mean: its shape, known keys, the file it sits in, its kind's
own needs. Each rule returns messages that tell an HR editor what to change."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from recruit.domain.exercises.context import ExerciseContext
from recruit.domain.exercises.mappings import mapped_field_problems
from recruit.domain.exercises.model import ExerciseKeys, ExerciseKind
from recruit.domain.exercises.schema import (
    ALL_FIELDS,
    EXERCISES_FOLDER,
    MAX_ATTRIBUTES,
    MAX_BEHAVIOURS,
    MAX_TITLE_LENGTH,
    MIN_IN_TRAY_ITEMS,
    MIN_MEDIA_MATERIALS,
    MINUTES_RANGE,
    PREPARATION_MINUTES_RANGE,
    SHAPED_FIELDS,
    YOUNG_PEOPLE_FILE_STEM,
    ExerciseProblem,
)
from recruit.domain.exercises.wording import wording_problems
from recruit.domain.question_bank.schema import (
    ANY_INNOVATION,
    STATUSES,
    Place,
    did_you_mean,
    record_problems,
)
from recruit.domain.question_bank.yaml_source import LinedList, LinedMapping, mappings_in, texts_in

_ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*-[0-9]{2}$")
# Speaking for the council to the press is a senior officer's job; a team manager would
# never be put in front of a journalist, so the exercise would test nothing real.
MEDIA_ROLE_LEVELS = ("dcs", "assistant_director", "head_of_service")


def exercise_problems(file: str, record: LinedMapping, keys: ExerciseKeys) -> list[ExerciseProblem]:
    """Every problem with one exercise, each naming its field and at that field's line."""
    context = ExerciseContext(file, record, keys)
    problems = _shape_problems(context)
    for field, rule in _FIELD_RULES.items():
        problems += [
            context.problem(field, message) for message in rule(record.get(field), context)
        ]
    for field, item_rule in _ITEM_RULES.items():
        items = record.get(field)
        if isinstance(items, LinedList):
            problems += [
                context.problem(field, message, items.line_of(index))
                for index, item in enumerate(items)
                if isinstance(item, str)
                for message in item_rule(item, context)
            ]
    return problems + mapped_field_problems(context) + wording_problems(context)


def _shape_problems(context: ExerciseContext) -> list[ExerciseProblem]:
    record = context.record
    problems: list[ExerciseProblem] = []
    for field, rule in SHAPED_FIELDS.items():
        if field not in record:
            if rule.required:
                problems.append(
                    context.problem(field, f"add the required field '{field}'", record.line)
                )
            continue
        single = LinedMapping(record.line)
        single[field] = record[field]
        single.key_lines[field] = record.line_of(field)
        shape = record_problems(single, {field: rule}, Place(context.file, record.line))
        problems += [context.problem(field, item.message, item.line) for item in shape]
    for key in record:
        if key not in ALL_FIELDS:
            problems.append(
                context.problem(
                    str(key),
                    f"unknown field '{key}'{did_you_mean(str(key), list(ALL_FIELDS))}: correct "
                    "the spelling or remove it",
                    record.line_of(key),
                )
            )
    return problems


def _check_id(value: object, context: ExerciseContext) -> list[str]:
    if not isinstance(value, str):
        return []
    if not _ID_PATTERN.match(value):
        return [
            f"the id '{value}' must be lowercase letters, digits and single hyphens, ending "
            "in a two-digit number, for example presentation-first-hundred-days-01"
        ]
    kind = context.kind
    if kind is not None and not value.startswith(kind.id_prefix):
        return [f"the id '{value}' must start with '{kind.id_prefix}', as the kind is {kind.value}"]
    if value in context.keys.question_ids:
        return [f"the id '{value}' is already a question's id: give the exercise a new id"]
    return []


def _check_status(value: object, context: ExerciseContext) -> list[str]:
    if isinstance(value, str) and value not in STATUSES:
        return [f"the status '{value}' is not allowed: use {' or '.join(STATUSES)}"]
    return []


def _check_kind(value: object, context: ExerciseContext) -> list[str]:
    if not isinstance(value, str):
        return []
    kinds = [kind.value for kind in ExerciseKind]
    if context.kind is None:
        return [
            f"the kind '{value}' is not known{did_you_mean(value, kinds)}: use one of "
            f"{', '.join(kinds)}"
        ]
    young_people_file = f"{EXERCISES_FOLDER}/{YOUNG_PEOPLE_FILE_STEM}.yaml"
    if context.for_young_people and not context.in_young_people_file:
        return [f"a young people's activity belongs in {young_people_file}: move it there"]
    if context.in_young_people_file and not context.for_young_people:
        return [
            f"{young_people_file} holds only young people's activities: move this "
            f"{context.kind.label.lower()} to the file of its first attribute"
        ]
    return []


def _check_title(value: object, context: ExerciseContext) -> list[str]:
    if not isinstance(value, str):
        return []
    if "\n" in value.strip():
        return ["write the title on one line"]
    if len(value) > MAX_TITLE_LENGTH:
        return [
            f"shorten the title to {MAX_TITLE_LENGTH} characters or fewer (it has {len(value)})"
        ]
    return []


def _check_attributes(value: object, context: ExerciseContext) -> list[str]:
    keys = texts_in(value)
    problems = _repeats("attributes", keys)
    if len(keys) > MAX_ATTRIBUTES:
        problems.append(
            f"list at most {MAX_ATTRIBUTES} attributes (found {len(keys)}): keep those the "
            "exercise tests most directly"
        )
    primary = keys[0] if keys else None
    if primary in context.known and not context.in_young_people_file:
        expected = f"{EXERCISES_FOLDER}/{primary}.yaml"
        if context.file != expected:
            problems.append(
                f"the first attribute is '{primary}', so move the exercise to {expected} "
                "(or list this file's attribute first)"
            )
    return problems


def _check_attribute(key: str, context: ExerciseContext) -> list[str]:
    return _unknown("attribute", key, list(context.known))


def _check_behaviours(value: object, context: ExerciseContext) -> list[str]:
    keys = texts_in(value)
    problems = _repeats("behaviours", keys)
    if len(keys) > MAX_BEHAVIOURS:
        problems.append(
            f"list at most {MAX_BEHAVIOURS} behaviours (found {len(keys)}): keep those the "
            "exercise tests most directly"
        )
    return problems


def _check_behaviour(key: str, context: ExerciseContext) -> list[str]:
    listed = context.attributes
    owner = context.keys.attribute_of(key)
    if owner is None:
        own = [b for a in listed for b in context.keys.behaviours_by_attribute[a]]
        return [
            f"the behaviour '{key}' is not in attributes.yaml{did_you_mean(key, own)}: use a "
            f"behaviour of {', '.join(listed) or 'the exercise attributes'}"
        ]
    if owner not in listed:
        return [
            f"the behaviour '{key}' belongs to the attribute '{owner}', which this exercise "
            f"does not list: add '{owner}' to attributes, or choose a behaviour of "
            f"{', '.join(listed)}"
        ]
    return []


def _check_role_levels(value: object, context: ExerciseContext) -> list[str]:
    keys = texts_in(value)
    problems = _repeats("role_levels", keys)
    too_junior = [key for key in keys if key not in MEDIA_ROLE_LEVELS]
    if context.kind is ExerciseKind.MEDIA_SIMULATION and too_junior:
        problems.append(
            f"a media simulation suits only the role levels that speak for the council "
            f"({', '.join(MEDIA_ROLE_LEVELS)}): remove {', '.join(too_junior)}"
        )
    return problems


def _check_role_level(key: str, context: ExerciseContext) -> list[str]:
    return _unknown("role level", key, list(context.keys.role_levels))


def _check_innovations(value: object, context: ExerciseContext) -> list[str]:
    keys = texts_in(value)
    problems = _repeats("innovations", keys)
    if ANY_INNOVATION in keys and len(keys) > 1:
        problems.append(
            f"'{ANY_INNOVATION}' already covers every innovation: list either "
            f"'{ANY_INNOVATION}' alone or only the named innovations"
        )
    return problems


def _check_innovation(key: str, context: ExerciseContext) -> list[str]:
    return _unknown("innovation", key, [ANY_INNOVATION, *context.keys.innovations])


def _check_range(
    field: str, allowed: range, typical: str
) -> Callable[[object, ExerciseContext], list[str]]:
    def check(value: object, context: ExerciseContext) -> list[str]:
        if isinstance(value, int) and not isinstance(value, bool) and value not in allowed:
            return [
                f"{field} is {value}: give a whole number from {allowed.start} to "
                f"{allowed.stop - 1} ({typical})"
            ]
        return []

    return check


def _check_materials(value: object, context: ExerciseContext) -> list[str]:
    found = len(texts_in(value))
    if context.kind is ExerciseKind.IN_TRAY and found < MIN_IN_TRAY_ITEMS:
        return [
            f"an in-tray needs its items under materials, at least {MIN_IN_TRAY_ITEMS} "
            f"(found {found}), each the short text of one email, letter or message"
        ]
    if context.kind is ExerciseKind.MEDIA_SIMULATION and found < MIN_MEDIA_MATERIALS:
        return ["a media simulation needs the press enquiry under materials"]
    return []


def _check_decisive(value: object, context: ExerciseContext) -> list[str]:
    items = mappings_in(value)
    if items and not any(item.get("decisive") is True for item in items):
        return [
            "mark at least one negative indicator with 'decisive: true' (the warning sign "
            "serious enough on its own to outweigh the rest)"
        ]
    return []


def _repeats(field: str, keys: list[str]) -> list[str]:
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    return [f"'{key}' is listed twice in {field}: list it once" for key in repeated]


def _unknown(noun: str, key: str, known: list[str]) -> list[str]:
    if key in known:
        return []
    return [
        f"the {noun} '{key}' is not known{did_you_mean(key, known)}: use one of {', '.join(known)}"
    ]


_FieldRule = Callable[[object, ExerciseContext], list[str]]
_ItemRule = Callable[[str, ExerciseContext], list[str]]

# Reported at the field's line (the exercise's first line when the field is missing).
_FIELD_RULES: Mapping[str, _FieldRule] = {
    "id": _check_id,
    "status": _check_status,
    "kind": _check_kind,
    "title": _check_title,
    "attributes": _check_attributes,
    "behaviours": _check_behaviours,
    "role_levels": _check_role_levels,
    "innovations": _check_innovations,
    "minutes": _check_range("minutes", MINUTES_RANGE, "most exercises take 20 to 60"),
    "preparation_minutes": _check_range(
        "preparation_minutes", PREPARATION_MINUTES_RANGE, "0 when there is nothing to prepare"
    ),
    "materials": _check_materials,
    "negative_indicators": _check_decisive,
}

# Applied to each text item of a list field and reported at that item's line.
_ITEM_RULES: Mapping[str, _ItemRule] = {
    "attributes": _check_attribute,
    "behaviours": _check_behaviour,
    "role_levels": _check_role_level,
    "innovations": _check_innovation,
}
