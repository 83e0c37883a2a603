"""The question bank in the database: loading from files, reading back, editing.

The database is the working copy. ``question-bank load`` brings file edits in, the admin
pages edit questions in place (each change a new version), and ``question-bank export``
writes the working copy back as files that ``question-bank check`` accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import yaml
from flask import has_request_context, request
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from recruit import audit
from recruit.domain.question_bank import Question as BankQuestion
from recruit.domain.question_bank import QuestionBank, bank_from_texts
from recruit.extensions import db
from recruit.models import BankDocument, BankLoad, Question, QuestionVersion, User
from recruit.models._types import utcnow

REFERENCE_FILES = ("attributes.yaml", "innovations.yaml", "advert_lexicon.yaml")


class BankNotLoaded(LookupError):
    """The database holds no question bank yet: run ``flask --app recruit question-bank load``."""


@dataclass(frozen=True)
class LoadResult:
    added: int
    updated: int
    unchanged: int
    not_in_files: list[str]
    version_hash: str


def load_bank_into_database(bank: QuestionBank, source: str) -> LoadResult:
    """Upsert the bank: new questions added, changed ones get a new version, others kept.

    Questions in the database but missing from the files are kept as they are (ids are
    never reused, and issued packs refer to them); they are reported so an editor can
    retire them on purpose.
    """
    _store_reference_files(bank.reference_files)
    existing = {question.id: question for question in _all_question_rows()}
    added = updated = unchanged = 0
    for bank_question in bank.questions:
        row = existing.pop(bank_question.id, None)
        content = storable(bank_question.to_dict())
        if row is None:
            _add_question(content)
            added += 1
        elif row.current.content != content:
            _add_version(
                row, content, None, "question bank file", "Loaded from the question bank files"
            )
            updated += 1
        else:
            unchanged += 1
    db.session.add(
        BankLoad(
            version_hash=bank.version_hash,
            source=source[:500],
            added=added,
            updated=updated,
            unchanged=unchanged,
        )
    )
    audit.record(
        "question_bank.loaded",
        actor_label="command line",
        version_hash=bank.version_hash,
        added=added,
        updated=updated,
        unchanged=unchanged,
    )
    return LoadResult(added, updated, unchanged, sorted(existing), bank.version_hash)


def _store_reference_files(files: dict[str, str]) -> None:
    _forget_request_bank()
    for name in REFERENCE_FILES:
        if name not in files:
            continue
        document = db.session.get(BankDocument, name)
        if document is None:
            db.session.add(BankDocument(name=name, text=files[name]))
        elif document.text != files[name]:
            document.text = files[name]


def storable(content: dict[str, Any]) -> dict[str, Any]:
    """The question as JSON keeps it: JSON object keys are strings, so scores become "1".."5"."""
    return {
        **content,
        "descriptors": {str(score): text for score, text in content["descriptors"].items()},
    }


def from_storable(content: dict[str, Any]) -> dict[str, Any]:
    return {
        **content,
        "descriptors": {int(score): text for score, text in content["descriptors"].items()},
    }


def _all_question_rows() -> list[Question]:
    return list(db.session.scalars(select(Question).options(selectinload(Question.versions))))


def _add_question(content: dict[str, Any]) -> Question:
    _forget_request_bank()
    question = Question(id=content["id"], attribute=content["attribute"], status=content["status"])
    question.versions.append(QuestionVersion(number=1, content=content, change_note="Added"))
    db.session.add(question)
    return question


def _add_version(
    question: Question, content: dict[str, Any], user: User | None, label: str, note: str
) -> QuestionVersion:
    _forget_request_bank()
    number = question.current_version_number + 1
    version = QuestionVersion(
        number=number,
        content=content,
        created_by_id=user.id if user else None,
        created_by_label=label,
        change_note=note,
    )
    question.versions.append(version)
    question.current_version_number = number
    question.status = content["status"]
    question.attribute = content["attribute"]
    question.updated_at = utcnow()
    return version


# --- reading ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadStamp:
    """The last ``question-bank load``: when, and which content (the search page shows it)."""

    loaded_at: datetime
    version_hash: str


_cache: dict[str, Any] = {"revision": None, "bank": None}
# A page may ask for the bank several times (names, scale, questions): check the revision
# once per request. Kept on the request, not in g, because a test's app context can span
# many requests.
_REQUEST_KEY = "recruit.current_bank"
_REQUEST_LOAD_KEY = "recruit.bank_load"


def current_bank() -> QuestionBank:
    """The bank as the database holds it now, built once per change of content."""
    if has_request_context() and _REQUEST_KEY in request.environ:
        bank: QuestionBank = request.environ[_REQUEST_KEY]
        return bank
    revision, load = _bank_revision()
    if _cache["revision"] != revision:
        _cache["bank"] = bank_from_texts(database_bank_files())
        _cache["revision"] = revision
    bank = _cache["bank"]
    if has_request_context():
        request.environ[_REQUEST_KEY] = bank
        request.environ[_REQUEST_LOAD_KEY] = load
    return bank


def latest_load() -> LoadStamp | None:
    """The last ``question-bank load``, read with the bank's revision (once per request)."""
    if not has_request_context():
        return _bank_revision()[1]
    current_bank()
    stamp: LoadStamp | None = request.environ[_REQUEST_LOAD_KEY]
    return stamp


def _forget_request_bank() -> None:
    """After a change to the bank, the request's next ``current_bank`` reads it again."""
    if has_request_context():
        request.environ.pop(_REQUEST_KEY, None)
        request.environ.pop(_REQUEST_LOAD_KEY, None)


def _bank_revision() -> tuple[tuple[object, ...], LoadStamp | None]:
    """What identifies the bank's content now, and the last load; raises if there is none."""
    # One round trip: the questions' aggregates, the reference documents' and the last load.
    document_count = select(func.count()).select_from(BankDocument).scalar_subquery()
    documents_changed = select(func.max(BankDocument.updated_at)).scalar_subquery()
    last_load = (
        select(BankLoad.loaded_at, BankLoad.version_hash)
        .order_by(BankLoad.id.desc())
        .limit(1)
        .subquery()
    )
    row = db.session.execute(
        select(
            func.count(Question.id),
            func.max(Question.updated_at),
            func.sum(Question.current_version_number),
            document_count,
            documents_changed,
            select(last_load.c.loaded_at).scalar_subquery(),
            select(last_load.c.version_hash).scalar_subquery(),
        )
    ).one()
    if not row[0] or not row[3]:
        raise BankNotLoaded(BankNotLoaded.__doc__)
    loaded_at, version_hash = row[5], row[6]
    load = LoadStamp(loaded_at, version_hash) if loaded_at is not None else None
    return tuple(row[:5]), load


def database_bank_files(replacing: BankQuestion | dict[str, Any] | None = None) -> dict[str, str]:
    """The bank as file texts, optionally with one question replaced or added (for checks)."""
    # The exercise files are kept beside the reference files but are not the question bank's
    # (recruit/exercise_store.py reads them).
    files = {
        document.name: document.text
        for document in db.session.scalars(select(BankDocument))
        if not document.name.startswith("exercises/")
    }
    contents = [from_storable(row.current.content) for row in _all_question_rows()]
    if replacing is not None:
        replacement = replacing if isinstance(replacing, dict) else replacing.to_dict()
        contents = [c for c in contents if c["id"] != replacement["id"]] + [replacement]
    by_attribute: dict[str, list[dict[str, Any]]] = {}
    for content in sorted(contents, key=lambda c: c["id"]):
        by_attribute.setdefault(content["attribute"], []).append(content)
    for attribute, items in by_attribute.items():
        files[f"questions/{attribute}.yaml"] = _fast_yaml(items)
    return files


def _fast_yaml(contents: list[dict[str, Any]]) -> str:
    # libyaml's emitter is some fifty times faster than the pure-Python one that writes the
    # editor-friendly export; these texts are only read back by the checks.
    return yaml.dump(
        contents,
        Dumper=yaml.CSafeDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1000,
    )


def question_row(question_id: str) -> Question | None:
    # The id comes from the URL path, which (unlike form and query values) may carry a NUL:
    # no id holds one, and PostgreSQL would refuse the query with an error page.
    if "\x00" in question_id:
        return None
    return db.session.get(Question, question_id)


# --- editing ----------------------------------------------------------------------------


def save_question(
    content: dict[str, Any], user: User, note: str, expected_lock_version: int | None
) -> Question:
    """Add a new question or a new version of one. The caller has checked ``content``."""
    content = storable(content)
    row = db.session.get(Question, content["id"])
    if row is None:
        row = _add_question(content)
        row.versions[0].created_by_id = user.id
        row.versions[0].created_by_label = user.email
        row.versions[0].change_note = note
        audit.record("question.added", row, note=note)
        return row
    if expected_lock_version is not None and row.lock_version != expected_lock_version:
        raise QuestionChangedElsewhere(row)
    _add_version(row, content, user, user.email, note)
    audit.record("question.edited", row, version=row.current_version_number, note=note)
    return row


class QuestionChangedElsewhere(Exception):
    def __init__(self, question: Question) -> None:
        super().__init__(question.id)
        self.question = question
