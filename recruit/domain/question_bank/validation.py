"""Checks on the whole question bank, written for the HR editor who made the change.

Every problem names the file and line and says what to do. CI runs these checks on the
real bank, so a bad edit fails before it reaches an interview panel.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from recruit.domain.question_bank.rules import BankKeys, question_problems
from recruit.domain.question_bank.schema import (
    ATTRIBUTES_FILE,
    ATTRIBUTES_SCHEMA,
    INNOVATIONS_FILE,
    INNOVATIONS_SCHEMA,
    QUESTIONS_FOLDER,
    Place,
    Problem,
    record_problems,
)
from recruit.domain.question_bank.yaml_source import (
    LinedList,
    LinedMapping,
    mappings_in,
    parse_lined_yaml,
    texts_in,
)

# The research report defines exactly five attributes; scoring and exports rely on them.
EXPECTED_ATTRIBUTE_COUNT = 5


class QuestionBankError(Exception):
    """The bank cannot be used until these problems are fixed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        listing = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"The question bank has {len(self.problems)} problem(s):\n{listing}")


@dataclass(frozen=True)
class BankSource:
    """The bank's files as read: bytes for the version hash, parsed YAML for the rest."""

    contents: dict[str, bytes]
    documents: dict[str, object]
    problems: tuple[Problem, ...] = ()

    @property
    def question_files(self) -> list[str]:
        return sorted(name for name in self.documents if name.startswith(QUESTIONS_FOLDER + "/"))


def bank_file_names(directory: Path) -> list[str]:
    """The files a bank is built from, relative to the bank folder, in a stable order."""
    questions = sorted(path.name for path in (directory / QUESTIONS_FOLDER).glob("*.yaml"))
    return [
        ATTRIBUTES_FILE,
        INNOVATIONS_FILE,
        *(f"{QUESTIONS_FOLDER}/{name}" for name in questions),
    ]


def read_bank_source(directory: Path) -> BankSource:
    contents: dict[str, bytes] = {}
    problems: list[Problem] = []
    for name in bank_file_names(directory):
        path = directory / name
        if path.is_file():
            contents[name] = path.read_bytes()
        else:
            problems.append(Problem(name, None, f"the file is missing: restore {name}"))
    return source_from_contents(contents, problems)


def source_from_contents(
    contents: dict[str, bytes], problems: list[Problem] | None = None
) -> BankSource:
    """Parse the bank's files given as bytes by name (as read from disk or the database)."""
    documents: dict[str, object] = {}
    found = list(problems or [])
    for name, content in contents.items():
        document, problem = _parse(name, content)
        if problem is None:
            documents[name] = document
        else:
            found.append(problem)
    if not any(name.startswith(QUESTIONS_FOLDER + "/") for name in contents):
        found.append(Problem(QUESTIONS_FOLDER, None, "there are no question files: add one"))
    return BankSource(contents, documents, tuple(found))


def _parse(name: str, content: bytes) -> tuple[object, Problem | None]:
    try:
        return parse_lined_yaml(content.decode("utf-8")), None
    except UnicodeDecodeError:
        return None, Problem(name, None, "the file is not UTF-8 text: save it as UTF-8")
    except yaml.YAMLError as error:
        return None, _syntax_problem(name, error)


def _syntax_problem(name: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    reason = str(getattr(error, "problem", None) or "the YAML is not valid")
    return Problem(name, line, f"the file cannot be read ({reason}): {_syntax_advice(reason)}")


def _syntax_advice(reason: str) -> str:
    if "tab" in reason:
        return "indent with spaces, not tabs"
    if "tag" in reason:
        return "remove the tag starting with '!': the bank is plain YAML"
    return (
        "check the indentation on this line and the one above, and put double quotes "
        "around text that contains ': ' or starts with a quote or *"
    )


def check_bank(directory: Path) -> list[Problem]:
    """Every problem in the bank at ``directory``; an empty list means it is ready to use."""
    return check_source(read_bank_source(directory))


def check_source(source: BankSource) -> list[Problem]:
    """Every problem in bank files already read, sorted by file and line."""
    attributes = source.documents.get(ATTRIBUTES_FILE)
    innovations = source.documents.get(INNOVATIONS_FILE)
    questions, problems = _questions_in(source)
    # Coverage cannot be judged while a question file is unreadable; saying so would only
    # bury the one problem that matters under a list of "uncovered" behaviours.
    questions_readable = not problems and not source.problems
    problems += list(source.problems)
    for name, document in source.documents.items():
        problems += _layout_problems(name, document)
    if ATTRIBUTES_FILE in source.documents:
        problems += _attributes_file_problems(attributes)
    if INNOVATIONS_FILE in source.documents:
        problems += _innovations_file_problems(innovations)
    keys = BankKeys.from_documents(attributes, innovations)
    for name, question in questions:
        problems += question_problems(name, question, keys)
    problems += _duplicate_id_problems(questions)
    if isinstance(attributes, LinedMapping) and questions_readable:
        problems += _coverage_problems(attributes, [question for _, question in questions])
    return sorted(problems, key=lambda problem: (problem.file, problem.line or 0))


# --- layout: what YAML allows but the bank's house style does not ---------------------------


def _layout_problems(name: str, document: object) -> Iterator[Problem]:
    for node in _walk(document):
        if isinstance(node, LinedList) and node.flow_style and node:
            yield Problem(name, node.line, _ONE_ITEM_PER_LINE)
        if isinstance(node, LinedMapping):
            for key, line in node.repeated_keys:
                yield Problem(name, line, _REPEATED_KEY.format(key=key))
        if isinstance(node, LinedMapping | LinedList):
            yield from (Problem(name, line, _NO_ALIASES) for line in node.alias_lines)


_ONE_ITEM_PER_LINE = "write this list one item per line, each starting with '- ', not in [brackets]"
_REPEATED_KEY = (
    "'{key}' appears twice in the same block: keep only one (YAML would silently ignore the first)"
)
_NO_ALIASES = (
    "this reuses text from elsewhere with '*' or '<<': write it out in full, since the bank "
    "is plain YAML that each editor can read one question at a time"
)


def _walk(node: object) -> Iterator[object]:
    yield node
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for child in children:
        yield from _walk(child)


# --- attributes.yaml and innovations.yaml ---------------------------------------------------


def _attributes_file_problems(document: object) -> list[Problem]:
    problems = record_problems(document, ATTRIBUTES_SCHEMA, Place(ATTRIBUTES_FILE, 1))
    if not isinstance(document, LinedMapping):
        return problems
    attributes = document.get("attributes")
    if isinstance(attributes, LinedList) and len(attributes) != EXPECTED_ATTRIBUTE_COUNT:
        problems.append(
            Problem(
                ATTRIBUTES_FILE,
                attributes.line,
                f"there must be exactly {EXPECTED_ATTRIBUTE_COUNT} attributes, one for each in "
                f"the research report (found {len(attributes)})",
            )
        )
    behaviours = [
        behaviour
        for attribute in mappings_in(attributes)
        for behaviour in mappings_in(attribute.get("behaviours"))
    ]
    return (
        problems
        + _repeated_key_problems(ATTRIBUTES_FILE, "role level", document.get("role_levels"))
        + _repeated_key_problems(ATTRIBUTES_FILE, "attribute", attributes)
        + _repeated_key_problems(ATTRIBUTES_FILE, "behaviour", behaviours)
    )


def _innovations_file_problems(document: object) -> list[Problem]:
    problems = record_problems(document, INNOVATIONS_SCHEMA, Place(INNOVATIONS_FILE, 1))
    if not isinstance(document, LinedMapping):
        return problems
    innovations = document.get("innovations")
    problems += _repeated_key_problems(INNOVATIONS_FILE, "innovation", innovations)
    for innovation in mappings_in(innovations):
        principles = innovation.get("core_principles")
        problems += _repeated_key_problems(INNOVATIONS_FILE, "core principle", principles)
    return problems


def _repeated_key_problems(file: str, noun: str, items: object) -> list[Problem]:
    seen: set[str] = set()
    problems: list[Problem] = []
    for record in mappings_in(items):
        key = record.get("key")
        if isinstance(key, str) and key in seen:
            problems.append(
                Problem(
                    file,
                    record.line_of("key"),
                    f"the {noun} key '{key}' is used twice: keys must be unique, so rename one",
                )
            )
        if isinstance(key, str):
            seen.add(key)
    return problems


# --- questions across files -----------------------------------------------------------------


def _questions_in(source: BankSource) -> tuple[list[tuple[str, LinedMapping]], list[Problem]]:
    questions: list[tuple[str, LinedMapping]] = []
    problems: list[Problem] = []
    for name in source.question_files:
        document = source.documents[name]
        if document is None:
            continue
        if not isinstance(document, LinedList):
            problems.append(
                Problem(name, 1, "the file must be a list of questions, each starting with '- id:'")
            )
            continue
        for index, item in enumerate(document):
            if isinstance(item, LinedMapping):
                questions.append((name, item))
            else:
                problems.append(
                    Problem(
                        name,
                        document.line_of(index),
                        f"item {index + 1} is not a question: each question starts with '- id:'",
                    )
                )
    return questions, problems


def _duplicate_id_problems(questions: list[tuple[str, LinedMapping]]) -> list[Problem]:
    """Every use of a repeated id, each naming the others: either may be the new question."""
    uses: dict[str, list[tuple[str, int]]] = {}
    for file, question in questions:
        question_id = question.get("id")
        if isinstance(question_id, str):
            uses.setdefault(question_id, []).append((file, question.line_of("id")))
    return [
        Problem(
            file,
            line,
            f"question {question_id}: this id is also used at "
            f"{', '.join(f'{f}:{n}' for f, n in places if (f, n) != (file, line))}: give the "
            "newer question a new id (ids are never reused, even after a question is retired)",
        )
        for question_id, places in uses.items()
        if len(places) > 1
        for file, line in places
    ]


# --- coverage: the bank as a whole must still assess every behaviour ------------------------


def _coverage_problems(attributes: LinedMapping, questions: list[LinedMapping]) -> list[Problem]:
    active = [question for question in questions if question.get("status") == "active"]
    retired = [question for question in questions if question.get("status") == "retired"]
    problems: list[Problem] = []
    for attribute in mappings_in(attributes.get("attributes")):
        key = str(attribute.get("key"))
        if not any(question.get("attribute") == key for question in active):
            problems.append(
                Problem(
                    ATTRIBUTES_FILE,
                    attribute.line_of("key"),
                    f"the attribute '{key}' has no active question: add one to "
                    f"{QUESTIONS_FOLDER}/{key}.yaml or set a retired one back to status: active",
                )
            )
        for behaviour in mappings_in(attribute.get("behaviours")):
            problems += _uncovered_behaviour(key, behaviour, active, retired)
    return problems


def _uncovered_behaviour(
    attribute: str, behaviour: LinedMapping, active: list[LinedMapping], retired: list[LinedMapping]
) -> list[Problem]:
    key = behaviour.get("key")
    if not isinstance(key, str) or any(_evidences(question, key) for question in active):
        return []
    retired_ids = [str(question.get("id")) for question in retired if _evidences(question, key)]
    hint = f" (retired questions that cover it: {', '.join(retired_ids)})" if retired_ids else ""
    return [
        Problem(
            ATTRIBUTES_FILE,
            behaviour.line_of("key"),
            f"no active question evidences the behaviour '{key}' of '{attribute}': add it to "
            f"the behaviours of an active question in {QUESTIONS_FOLDER}/{attribute}.yaml, "
            f"or write a new question for it{hint}",
        )
    ]


def _evidences(question: LinedMapping, behaviour: str) -> bool:
    return behaviour in texts_in(question.get("behaviours"))
