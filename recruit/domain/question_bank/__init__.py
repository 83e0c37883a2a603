"""The question bank: five leadership attributes, the innovations and the interview questions.

The bank is YAML in ``question_bank/`` that an HR editor maintains. ``load_bank`` refuses a
bank with any problem (see ``check_bank``), so the rest of the app can trust what it gets.
This module is the public face: import the model and the checks from here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path

from recruit.domain.question_bank.model import (
    Attribute,
    Behaviour,
    CorePrinciple,
    Innovation,
    KeyTerm,
    NegativeIndicator,
    Question,
    QuestionBank,
    RatingLevel,
    RoleLevel,
)
from recruit.domain.question_bank.schema import (
    ANY_INNOVATION,
    ATTRIBUTES_FILE,
    INNOVATIONS_FILE,
    QUESTIONS_FOLDER,
    SCORES,
    Problem,
)
from recruit.domain.question_bank.validation import (
    BankSource,
    QuestionBankError,
    bank_file_names,
    check_bank,
    check_source,
    read_bank_source,
    source_from_contents,
)
from recruit.domain.question_bank.yaml_source import LinedMapping, dump_yaml_list, leading_comment

__all__ = [
    "ANY_INNOVATION",
    "Attribute",
    "Behaviour",
    "CorePrinciple",
    "Innovation",
    "KeyTerm",
    "NegativeIndicator",
    "Problem",
    "Question",
    "QuestionBank",
    "QuestionBankError",
    "RatingLevel",
    "RoleLevel",
    "bank_files",
    "bank_from_texts",
    "bank_version_hash",
    "check_bank",
    "dump_questions_yaml",
    "load_bank",
    "write_bank",
]

ADVERT_LEXICON_FILE = "advert_lexicon.yaml"


# --- loading -------------------------------------------------------------------------------


def load_bank(directory: Path) -> QuestionBank:
    """The bank in ``directory``; raises QuestionBankError listing every problem if it has any."""
    source = read_bank_source(directory)
    problems = check_source(source)
    if problems:
        raise QuestionBankError(problems)
    lexicon = directory / ADVERT_LEXICON_FILE
    return _build_bank(source, lexicon.read_text(encoding="utf-8") if lexicon.is_file() else None)


def bank_from_texts(files: Mapping[str, str]) -> QuestionBank:
    """The bank from its files' texts by relative name (attributes.yaml, questions/x.yaml...).

    The database keeps the bank this way, so it passes the same checks as the files.
    Raises QuestionBankError listing every problem if it has any.
    """
    contents = {
        name: text.encode("utf-8") for name, text in files.items() if name != ADVERT_LEXICON_FILE
    }
    source = source_from_contents(contents)
    problems = check_source(source)
    if problems:
        raise QuestionBankError(problems)
    return _build_bank(source, files.get(ADVERT_LEXICON_FILE))


def _build_bank(source: BankSource, lexicon_text: str | None) -> QuestionBank:
    attributes_data = _mapping(source.documents[ATTRIBUTES_FILE])
    innovations_data = _mapping(source.documents[INNOVATIONS_FILE])
    attributes = tuple(_attribute(item) for item in _records(attributes_data, "attributes"))
    order = [attribute.key for attribute in attributes]
    questions = sorted(_questions(source), key=lambda question: order.index(question.attribute))
    return QuestionBank(
        attributes=attributes,
        innovations=tuple(_innovation(item) for item in _records(innovations_data, "innovations")),
        role_levels=tuple(_role_level(item) for item in _records(attributes_data, "role_levels")),
        rating_scale=_rating_scale(_mapping(attributes_data["rating_scale"])),
        questions=tuple(questions),
        version_hash=_hash_contents(source.contents),
        reference_files=_reference_files(source, lexicon_text),
        question_file_headers={
            name: leading_comment(source.contents[name].decode("utf-8"))
            for name in source.question_files
        },
    )


def _reference_files(source: BankSource, lexicon_text: str | None) -> dict[str, str]:
    files = {
        name: source.contents[name].decode("utf-8") for name in (ATTRIBUTES_FILE, INNOVATIONS_FILE)
    }
    if lexicon_text is not None:
        files[ADVERT_LEXICON_FILE] = lexicon_text
    return files


def _questions(source: BankSource) -> Iterable[Question]:
    for name in source.question_files:
        for item in _list(source.documents[name]):
            yield _question(_mapping(item), name)


def _question(data: Mapping[Hashable, object], file: str) -> Question:
    variant = data.get("young_people_variant")
    return Question(
        id=_text(data, "id"),
        status=_text(data, "status"),
        attribute=_text(data, "attribute"),
        format=_text(data, "format"),
        behaviours=_texts(data, "behaviours"),
        question=_text(data, "question"),
        probes=_texts(data, "probes"),
        positive_indicators=_texts(data, "positive_indicators"),
        negative_indicators=tuple(
            NegativeIndicator(_text(item, "text"), item.get("decisive") is True)
            for item in _records(data, "negative_indicators")
        ),
        descriptors=_scale(_mapping(data["descriptors"])),
        role_levels=_texts(data, "role_levels"),
        innovations=_texts(data, "innovations"),
        minutes=_integer(data, "minutes"),
        young_people_variant=variant if isinstance(variant, str) else None,
        tags=_optional_texts(data, "tags"),
        warning_signs=_optional_texts(data, "warning_signs"),
        source_file=file,
        source_line=data.line if isinstance(data, LinedMapping) else None,
    )


def _attribute(data: Mapping[Hashable, object]) -> Attribute:
    return Attribute(
        key=_text(data, "key"),
        name=_text(data, "name"),
        short_name=_text(data, "short_name"),
        summary=_text(data, "summary"),
        self_rating_question=_text(data, "self_rating_question"),
        rating_5_example=_text(data, "rating_5_example"),
        reflection_questions=_texts(data, "reflection_questions"),
        behaviours=tuple(
            Behaviour(_text(item, "key"), _text(item, "name"), _text(item, "description"))
            for item in _records(data, "behaviours")
        ),
        scale=_scale(_mapping(data["scale"])),
    )


def _role_level(data: Mapping[Hashable, object]) -> RoleLevel:
    return RoleLevel(_text(data, "key"), _text(data, "name"), _text(data, "description"))


def _rating_scale(data: Mapping[Hashable, object]) -> tuple[RatingLevel, ...]:
    levels = {score: _mapping(data[score]) for score in SCORES}
    return tuple(
        RatingLevel(score, _text(level, "label"), _text(level, "description"))
        for score, level in levels.items()
    )


def _innovation(data: Mapping[Hashable, object]) -> Innovation:
    council = data.get("originating_council")
    outline = data.get("advert_outline")
    return Innovation(
        key=_text(data, "key"),
        name=_text(data, "name"),
        originating_council=council if isinstance(council, str) else None,
        summary=_text(data, "summary"),
        values=_texts(data, "values"),
        practice_principles=_texts(data, "practice_principles"),
        leaders_must_champion=_texts(data, "leaders_must_champion"),
        key_terms=tuple(_key_term(item) for item in _records(data, "key_terms")),
        core_principles=tuple(
            CorePrinciple(_text(item, "key"), _text(item, "name"), _texts(item, "phrases"))
            for item in _records(data, "core_principles")
        ),
        advert_outline=" ".join(outline.split()) if isinstance(outline, str) else None,
    )


def _key_term(data: Mapping[Hashable, object]) -> KeyTerm:
    acronym = data.get("acronym")
    return KeyTerm(
        _text(data, "term"),
        _text(data, "explanation"),
        acronym if isinstance(acronym, str) else None,
    )


# The bank has passed check_source before these run, so a wrong type here is a bug in the
# checks, not an editor's mistake: fail loudly rather than build a half-right bank.


def _mapping(value: object) -> Mapping[Hashable, object]:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a mapping, got {value!r}")
    return value


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {value!r}")
    return value


def _as_text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {value!r}")
    return value


def _text(data: Mapping[Hashable, object], key: str) -> str:
    return _as_text(data.get(key))


def _texts(data: Mapping[Hashable, object], key: str) -> tuple[str, ...]:
    return tuple(_as_text(item) for item in _list(data.get(key)))


def _optional_texts(data: Mapping[Hashable, object], key: str) -> tuple[str, ...]:
    return _texts(data, key) if key in data else ()


def _integer(data: Mapping[Hashable, object], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected a whole number for {key!r}, got {value!r}")
    return value


def _records(data: Mapping[Hashable, object], key: str) -> list[Mapping[Hashable, object]]:
    return [_mapping(item) for item in _list(data.get(key))]


def _scale(data: Mapping[Hashable, object]) -> dict[int, str]:
    return {score: _as_text(data.get(score)) for score in SCORES}


# --- version hash --------------------------------------------------------------------------


def bank_version_hash(directory: Path) -> str:
    """A sha256 of the files the bank is built from, to stamp on packs and score sheets."""
    contents = {
        name: (directory / name).read_bytes()
        for name in bank_file_names(directory)
        if (directory / name).is_file()
    }
    return _hash_contents(contents)


def _hash_contents(contents: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(contents):
        # Line endings are normalised so a Windows checkout gives the same version.
        data = contents[name].replace(b"\r\n", b"\n")
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


# --- writing -------------------------------------------------------------------------------


def dump_questions_yaml(questions: Iterable[Question]) -> str:
    """Questions as a YAML list in block style, one item per line, in the schema's field order."""
    return dump_yaml_list(question.to_dict() for question in questions)


def write_bank(bank: QuestionBank, directory: Path) -> None:
    """Write the bank so that ``load_bank(directory)`` gives the same questions back."""
    for name, text in bank_files(bank).items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_text(text, encoding="utf-8")


def bank_files(bank: QuestionBank) -> dict[str, str]:
    """The bank's files by relative path, as ``write_bank`` writes them.

    Reference files are copied as they were loaded; each attribute's questions go to
    questions/<attribute>.yaml under that file's original header comment.
    """
    files = dict(bank.reference_files)
    attribute_keys = [attribute.key for attribute in bank.attributes]
    for key in dict.fromkeys(attribute_keys + [question.attribute for question in bank.questions]):
        questions = [question for question in bank.questions if question.attribute == key]
        if questions:
            name = f"{QUESTIONS_FOLDER}/{key}.yaml"
            header = bank.question_file_headers.get(name, "")
            body = dump_questions_yaml(questions)
            files[name] = f"{header}\n{body}" if header else body
    return files
