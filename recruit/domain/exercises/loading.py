"""Reading the exercise files, checking every rule, and building the ``Exercise`` values.

The files are ``exercises/<attribute>.yaml`` (named by each exercise's first attribute) and
``exercises/young-people.yaml``, under the question bank's folder. Every problem names the
file, the line, the exercise and the field, and says what to do, as the question checks do.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping
from pathlib import Path, PurePosixPath

import yaml

from recruit.domain.exercises.model import Exercise, ExerciseKeys, ExerciseKind, TrafficLight
from recruit.domain.exercises.rules import exercise_problems
from recruit.domain.exercises.schema import (
    EXERCISES_FOLDER,
    YOUNG_PEOPLE_FILE_STEM,
    ExerciseProblem,
)
from recruit.domain.question_bank.model import NegativeIndicator
from recruit.domain.question_bank.yaml_source import (
    LinedList,
    LinedMapping,
    mappings_in,
    parse_lined_yaml,
    texts_in,
)


class ExerciseBankError(Exception):
    """The exercises cannot be used until these problems are fixed."""

    def __init__(self, problems: list[ExerciseProblem]) -> None:
        self.problems = list(problems)
        listing = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"The exercise bank has {len(self.problems)} problem(s):\n{listing}")


def exercise_file_names(directory: Path) -> list[str]:
    """The exercise files under the bank folder ``directory``, as 'exercises/<name>.yaml'."""
    folder = directory / EXERCISES_FOLDER
    return [f"{EXERCISES_FOLDER}/{path.name}" for path in sorted(folder.glob("*.yaml"))]


def read_exercise_texts(directory: Path) -> dict[str, str]:
    return {
        name: (directory / name).read_text(encoding="utf-8")
        for name in exercise_file_names(directory)
    }


def check_exercises(directory: Path, keys: ExerciseKeys) -> list[ExerciseProblem]:
    """Every problem in the exercise files; an empty list means they are ready to use."""
    return check_exercise_texts(read_exercise_texts(directory), keys)


def check_exercise_texts(texts: Mapping[str, str], keys: ExerciseKeys) -> list[ExerciseProblem]:
    """Every problem in exercise files given as text by relative name, sorted by file and line."""
    problems, records = _read(texts, keys)
    for file, record in records:
        problems += exercise_problems(file, record, keys)
    problems += _duplicate_id_problems(records)
    return sorted(problems, key=lambda problem: (problem.file, problem.line or 0))


def load_exercises(directory: Path, keys: ExerciseKeys) -> tuple[Exercise, ...]:
    """The exercises in the bank folder ``directory``; raises ExerciseBankError listing every
    problem if there is any."""
    return exercises_from_texts(read_exercise_texts(directory), keys)


def exercises_from_texts(texts: Mapping[str, str], keys: ExerciseKeys) -> tuple[Exercise, ...]:
    """The exercises from their files' texts (as the database will keep them), checked."""
    problems = check_exercise_texts(texts, keys)
    if problems:
        raise ExerciseBankError(problems)
    _, records = _read(texts, keys)
    return tuple(_exercise(file, record) for file, record in records)


# --- files ----------------------------------------------------------------------------------


def _read(
    texts: Mapping[str, str], keys: ExerciseKeys
) -> tuple[list[ExerciseProblem], list[tuple[str, LinedMapping]]]:
    problems: list[ExerciseProblem] = []
    records: list[tuple[str, LinedMapping]] = []
    if not texts:
        problems.append(
            _file_problem(EXERCISES_FOLDER, None, "there are no exercise files: add one")
        )
    for file in sorted(texts):
        problems += _file_name_problems(file, keys)
        try:
            document = parse_lined_yaml(texts[file])
        except yaml.YAMLError as error:
            problems.append(_syntax_problem(file, error))
            continue
        problems += list(_layout_problems(file, document))
        file_problems, file_records = _records_in(file, document)
        problems += file_problems
        records += file_records
    return problems, records


def _file_name_problems(file: str, keys: ExerciseKeys) -> list[ExerciseProblem]:
    allowed = [*keys.attributes, YOUNG_PEOPLE_FILE_STEM]
    if PurePosixPath(file).stem in allowed:
        return []
    names = ", ".join(f"{name}.yaml" for name in allowed)
    return [
        _file_problem(
            file, None, f"an exercise file is named after an attribute: use one of {names}"
        )
    ]


def _records_in(
    file: str, document: object
) -> tuple[list[ExerciseProblem], list[tuple[str, LinedMapping]]]:
    if document is None:
        return [], []
    if not isinstance(document, LinedList):
        return [
            _file_problem(
                file, 1, "the file must be a list of exercises, each starting with '- id:'"
            )
        ], []
    problems = [
        _file_problem(
            file,
            document.line_of(index),
            f"item {index + 1} is not an exercise: each exercise starts with '- id:'",
        )
        for index, item in enumerate(document)
        if not isinstance(item, LinedMapping)
    ]
    return problems, [(file, record) for record in mappings_in(document)]


def _syntax_problem(file: str, error: yaml.YAMLError) -> ExerciseProblem:
    mark = getattr(error, "problem_mark", None)
    reason = str(getattr(error, "problem", None) or "the YAML is not valid")
    return _file_problem(
        file,
        mark.line + 1 if mark is not None else None,
        f"the file cannot be read ({reason}): check the indentation on this line and the one "
        "above, and put double quotes around text that contains ': '",
    )


def _layout_problems(file: str, node: object) -> Iterator[ExerciseProblem]:
    """What YAML allows but the bank's house style does not, as for the question files."""
    if isinstance(node, LinedList) and node.flow_style and node:
        yield _file_problem(
            file,
            node.line,
            "write this list one item per line, each starting with '- ', not in [brackets]",
        )
    if isinstance(node, LinedMapping):
        for key, line in node.repeated_keys:
            yield _file_problem(
                file, line, f"'{key}' appears twice in the same block: keep only one"
            )
    if isinstance(node, LinedMapping | LinedList):
        for line in node.alias_lines:
            yield _file_problem(
                file, line, "this reuses text from elsewhere with '*' or '<<': write it out in full"
            )
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for child in children:
        yield from _layout_problems(file, child)


def _file_problem(file: str, line: int | None, message: str) -> ExerciseProblem:
    return ExerciseProblem(file, line, "", "", message)


def _duplicate_id_problems(records: list[tuple[str, LinedMapping]]) -> list[ExerciseProblem]:
    uses: dict[str, list[tuple[str, int]]] = {}
    for file, record in records:
        value = record.get("id")
        if isinstance(value, str):
            uses.setdefault(value, []).append((file, record.line_of("id")))
    return [
        ExerciseProblem(
            file,
            line,
            exercise_id,
            "id",
            f"this id is also used at "
            f"{', '.join(f'{f}:{n}' for f, n in places if (f, n) != (file, line))}: give the "
            "newer exercise a new id (ids are never reused, even after an exercise is retired)",
        )
        for exercise_id, places in uses.items()
        if len(places) > 1
        for file, line in places
    ]


# --- building the values, once every check has passed --------------------------------------


def _exercise(file: str, data: LinedMapping) -> Exercise:
    note = data.get("content_note")
    return Exercise(
        id=str(data["id"]),
        status=str(data["status"]),
        kind=ExerciseKind(data["kind"]),
        title=str(data["title"]),
        attributes=tuple(texts_in(data["attributes"])),
        behaviours=tuple(texts_in(data["behaviours"])),
        role_levels=tuple(texts_in(data["role_levels"])),
        innovations=tuple(texts_in(data["innovations"])),
        minutes=_integer(data, "minutes"),
        preparation_minutes=_integer(data, "preparation_minutes"),
        brief_in_advance=data["brief_in_advance"] is True,
        candidate_brief=str(data["candidate_brief"]),
        assessor_brief=str(data["assessor_brief"]),
        follow_up_questions=tuple(texts_in(data["follow_up_questions"])),
        what_good_looks_like=_per_attribute(data["what_good_looks_like"]),
        negative_indicators=tuple(
            NegativeIndicator(str(item["text"]), item.get("decisive") is True)
            for item in mappings_in(data["negative_indicators"])
        ),
        descriptors=_descriptors(data.get("descriptors")),
        traffic_light=_traffic_light(data.get("traffic_light")),
        materials=tuple(texts_in(data.get("materials"))),
        content_note=note if isinstance(note, str) else None,
        source_file=file,
        source_line=data.line,
    )


def _integer(data: Mapping[Hashable, object], field: str) -> int:
    value = data[field]
    assert isinstance(value, int)  # checked before building
    return value


def _per_attribute(value: object) -> dict[str, tuple[str, ...]]:
    mapping = value if isinstance(value, Mapping) else {}
    return {str(key): tuple(texts_in(items)) for key, items in mapping.items()}


def _descriptors(value: object) -> dict[str, dict[int, str]]:
    mapping = value if isinstance(value, Mapping) else {}
    return {
        str(attribute): {int(score): str(text) for score, text in scale.items()}
        for attribute, scale in mapping.items()
        if isinstance(scale, Mapping)
    }


def _traffic_light(value: object) -> TrafficLight | None:
    if not isinstance(value, Mapping):
        return None
    return TrafficLight(
        green=str(value["green"]),
        amber=str(value["amber"]),
        red=str(value["red"]),
        why_prompt=str(value["why_prompt"]),
    )
