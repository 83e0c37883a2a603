"""Folding an anonymised candidate's equality answers into the vacancy's tally.

Called by the retention purge inside the candidate's own transaction: the answers row is
deleted, and each answer becomes one more in ``equality_tally`` (see its docstring).
"""

from __future__ import annotations

from sqlalchemy import select

from recruit.domain.equality.categories import CATEGORIES, NOT_KNOWN
from recruit.equality.journeys import furthest_step_of
from recruit.extensions import db
from recruit.models import Candidate, EqualityAnswers, EqualityTally

ANSWERS_RECORDED = "answers_recorded"


def fold_into_tally(candidate: Candidate) -> bool:
    """Count the candidate's answers (or their absence) and delete them; True if they had
    answers to delete."""
    answers = db.session.scalar(
        select(EqualityAnswers).where(EqualityAnswers.candidate_id == candidate.id)
    )
    step = furthest_step_of(candidate)
    cells = [(ANSWERS_RECORDED, "yes" if answers else "no")]
    cells += [
        (category.key, (answers.answer(category.key) if answers else None) or NOT_KNOWN)
        for category in CATEGORIES
    ]
    for category, answer in cells:
        _count_one(candidate.vacancy_id, category, answer, step)
    if answers is not None:
        db.session.delete(answers)
    return answers is not None


def _count_one(vacancy_id: int, category: str, answer: str, step: str) -> None:
    row = db.session.scalar(
        select(EqualityTally).where(
            EqualityTally.vacancy_id == vacancy_id,
            EqualityTally.category == category,
            EqualityTally.answer == answer,
            EqualityTally.furthest_step == step,
        )
    )
    if row is None:
        row = EqualityTally(
            vacancy_id=vacancy_id, category=category, answer=answer, furthest_step=step, count=0
        )
        db.session.add(row)
    row.count += 1
