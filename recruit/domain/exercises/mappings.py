"""The fields written per attribute or per colour: what good looks like, the 1-5 descriptors
and, for a young people's activity, the traffic light that takes the descriptors' place."""

from __future__ import annotations

from recruit.domain.exercises.context import ExerciseContext
from recruit.domain.exercises.schema import (
    MIN_INDICATORS_PER_ATTRIBUTE,
    TRAFFIC_LIGHT_FIELDS,
    ExerciseProblem,
)
from recruit.domain.question_bank.schema import (
    FieldRule,
    Kind,
    Place,
    Schema,
    record_problems,
)
from recruit.domain.question_bank.yaml_source import LinedList, LinedMapping, texts_in

TRAFFIC_LIGHT_SCHEMA: Schema = {name: FieldRule(Kind.TEXT) for name in TRAFFIC_LIGHT_FIELDS}
# "No evidence" is its own choice on a score sheet; a 1 is weak or contrary evidence.
_NOT_A_SCORE_OF_ONE = ("no evidence", "no example")


def mapped_field_problems(context: ExerciseContext) -> list[ExerciseProblem]:
    return (
        _what_good_looks_like_problems(context)
        + _descriptor_problems(context)
        + _traffic_light_problems(context)
    )


def _what_good_looks_like_problems(context: ExerciseContext) -> list[ExerciseProblem]:
    field = "what_good_looks_like"
    value = context.record.get(field)
    if field not in context.record:
        return [context.problem(field, _missing(field), context.record.line)]
    if not isinstance(value, LinedMapping):
        return [context.problem(field, _per_attribute_layout(field, "its indicators"))]
    problems = _attribute_key_problems(context, field, value)
    for attribute in context.attributes:
        items = value.get(attribute)
        line = value.line_of(attribute)
        if attribute not in value:
            continue
        if not isinstance(items, LinedList):
            problems.append(context.problem(field, _list_layout(attribute), line))
            continue
        problems += [
            context.problem(field, _not_text(attribute, index), items.line_of(index))
            for index, item in enumerate(items)
            if not isinstance(item, str) or not item.strip()
        ]
        if len(texts_in(items)) < MIN_INDICATORS_PER_ATTRIBUTE:
            problems.append(
                context.problem(
                    field,
                    f"give at least {MIN_INDICATORS_PER_ATTRIBUTE} indicators under "
                    f"'{attribute}' (found {len(texts_in(items))})",
                    line,
                )
            )
    return problems


def _descriptor_problems(context: ExerciseContext) -> list[ExerciseProblem]:
    field = "descriptors"
    value = context.record.get(field)
    if context.for_young_people:
        if field not in context.record:
            return []
        return [
            context.problem(
                field,
                "a young people's activity records a colour, not a score: remove descriptors "
                "and write a traffic_light instead",
            )
        ]
    if field not in context.record:
        return [context.problem(field, _missing(field), context.record.line)]
    if not isinstance(value, LinedMapping):
        return [context.problem(field, _per_attribute_layout(field, "the lines '1:' to '5:'"))]
    problems = _attribute_key_problems(context, field, value)
    for attribute in context.attributes:
        if attribute in value:
            problems += _scale_problems(
                context, attribute, value[attribute], value.line_of(attribute)
            )
    return problems


def _scale_problems(
    context: ExerciseContext, attribute: str, scale: object, line: int
) -> list[ExerciseProblem]:
    label = f"descriptors for {attribute}"
    shape = record_problems(
        _as_record(label, scale, line),
        {label: FieldRule(Kind.SCORED_TEXTS)},
        Place(context.file, line),
    )
    problems = [context.problem("descriptors", item.message, item.line) for item in shape]
    first = scale.get(1) if isinstance(scale, LinedMapping) else None
    if isinstance(first, str) and first.strip().lower().startswith(_NOT_A_SCORE_OF_ONE):
        problems.append(
            context.problem(
                "descriptors",
                f"the score 1 descriptor for {attribute} starts with 'No evidence' or 'No "
                "example': describe very weak or contrary evidence instead ('No evidence' is a "
                "separate choice on the score sheet)",
                scale.line_of(1) if isinstance(scale, LinedMapping) else line,
            )
        )
    return problems


def _as_record(label: str, scale: object, line: int) -> LinedMapping:
    """The scale as the one field of a record, so the bank's score checks word the message."""
    record = LinedMapping(line)
    record[label] = scale
    record.key_lines[label] = line
    return record


def _traffic_light_problems(context: ExerciseContext) -> list[ExerciseProblem]:
    field = "traffic_light"
    value = context.record.get(field)
    if not context.for_young_people:
        if field not in context.record:
            return []
        return [
            context.problem(
                field,
                "only a young people's activity has a traffic_light: remove it, and score the "
                "exercise with descriptors",
            )
        ]
    if field not in context.record:
        return [
            context.problem(
                field,
                "add a traffic_light: what green, amber and red mean to the young people, and "
                "the why_prompt they answer to explain their colour",
                context.record.line,
            )
        ]
    shape = record_problems(
        value, TRAFFIC_LIGHT_SCHEMA, Place(context.file, context.record.line_of(field))
    )
    return [context.problem(field, item.message, item.line) for item in shape]


def _attribute_key_problems(
    context: ExerciseContext, field: str, value: LinedMapping
) -> list[ExerciseProblem]:
    listed = context.attributes
    problems = [
        context.problem(
            field,
            f"'{key}' is not one of this exercise's attributes ({', '.join(listed)}): correct "
            "the spelling, remove it, or add the attribute to attributes",
            value.line_of(key),
        )
        for key in value
        if key not in listed
    ]
    problems += [
        context.problem(field, f"add an entry for the attribute '{attribute}'", value.line)
        for attribute in listed
        if attribute not in value
    ]
    return problems


def _missing(field: str) -> str:
    return f"add the required field '{field}', with an entry for each of the exercise's attributes"


def _per_attribute_layout(field: str, what: str) -> str:
    return (
        f"write {field} as one line per attribute key ending with ':' (for example "
        f"'values:'), with {what} indented beneath it"
    )


def _not_text(attribute: str, index: int) -> str:
    return (
        f"indicator {index + 1} under '{attribute}' is not plain text: write it on one line "
        "after '- ', and put it in double quotes if it contains ': '"
    )


def _list_layout(attribute: str) -> str:
    return f"list the indicators under '{attribute}', one per line starting with '- '"
