"""The exercise bank in the database: each ``exercises/*.yaml`` file kept whole, as the text
it was loaded from (comments kept), in ``bank_document`` beside attributes.yaml and the
other reference files. ``flask question-bank load`` stores them after checking them against
the question bank; pages read them through ``current_exercises``, which checks them again
against the bank the database holds, so what a page shows always passed the same checks as
the files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Select, delete, func, select

from recruit.bank_store import current_bank
from recruit.domain.exercises import (
    EXERCISES_FOLDER,
    Exercise,
    ExerciseKeys,
    exercises_from_texts,
)
from recruit.extensions import db
from recruit.models import BankDocument

EXERCISE_PREFIX = f"{EXERCISES_FOLDER}/"


@dataclass
class _Cache:
    revision: tuple[object, ...] | None = None
    exercises: tuple[Exercise, ...] = ()


_cache = _Cache()


def store_exercise_texts(texts: Mapping[str, str]) -> None:
    """Make the stored exercise files exactly ``texts`` (by 'exercises/<name>.yaml'): new
    files added, changed ones replaced, files no longer in the folder removed. Issued plans
    keep their own copy of an exercise, so removing a file changes no record."""
    stored = {row.name: row for row in db.session.scalars(_exercise_documents())}
    for name, text in texts.items():
        row = stored.pop(name, None)
        if row is None:
            db.session.add(BankDocument(name=name, text=text))
        elif row.text != text:
            row.text = text
    if stored:
        db.session.execute(delete(BankDocument).where(BankDocument.name.in_(list(stored))))


def database_exercise_texts() -> dict[str, str]:
    return {row.name: row.text for row in db.session.scalars(_exercise_documents())}


def current_exercises() -> tuple[Exercise, ...]:
    """The exercises as the database holds them, read once per change of their files or of
    the question bank. Raises BankNotLoaded before the first load."""
    bank = current_bank()
    revision = (*_exercise_revision(), bank.version_hash, len(bank.questions))
    if _cache.revision != revision:
        texts = database_exercise_texts()
        # None stored (a bank loaded before exercises existed): no exercises, not an error.
        keys = ExerciseKeys.from_bank(bank)
        _cache.exercises = exercises_from_texts(texts, keys) if texts else ()
        _cache.revision = revision
    return _cache.exercises


def exercise_or_none(exercise_id: str) -> Exercise | None:
    return next((e for e in current_exercises() if e.id == exercise_id), None)


def _exercise_documents() -> Select[BankDocument]:
    return (
        select(BankDocument)
        .where(BankDocument.name.startswith(EXERCISE_PREFIX, autoescape=True))
        .order_by(BankDocument.name)
    )


def _exercise_revision() -> tuple[object, ...]:
    prefix = BankDocument.name.startswith(EXERCISE_PREFIX, autoescape=True)
    row = db.session.execute(
        select(func.count(), func.max(BankDocument.updated_at)).where(prefix)
    ).one()
    return tuple(row)
