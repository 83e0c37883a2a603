"""Equality monitoring answers: special category data, kept apart from everything else.

One row per candidate, in its own table, read only by the equality monitoring role and
administrators (recruit/equality). No pack, summary, comparison, briefing or vacancy file
reads this table; tests/web/test_equality_kept_apart.py checks that it stays so. Each answer
is a key of ``recruit.domain.equality.categories`` or None (not answered); "prefer not to
say" is an answer.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow

ANSWER_LENGTH = 40


class EqualityAnswers(Model):
    __tablename__ = "equality_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), unique=True
    )
    ethnicity: Mapped[str | None] = mapped_column(String(ANSWER_LENGTH), nullable=True)
    sex: Mapped[str | None] = mapped_column(String(ANSWER_LENGTH), nullable=True)
    gender_identity: Mapped[str | None] = mapped_column(String(ANSWER_LENGTH), nullable=True)
    disability: Mapped[str | None] = mapped_column(String(ANSWER_LENGTH), nullable=True)
    age_band: Mapped[str | None] = mapped_column(String(ANSWER_LENGTH), nullable=True)
    religion: Mapped[str | None] = mapped_column(String(ANSWER_LENGTH), nullable=True)
    sexual_orientation: Mapped[str | None] = mapped_column(String(ANSWER_LENGTH), nullable=True)
    care_experience: Mapped[str | None] = mapped_column(String(ANSWER_LENGTH), nullable=True)
    # "import" (the job board's equality export) or "entered" (typed in from a paper form).
    source: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )

    def answer(self, category: str) -> str | None:
        value: str | None = getattr(self, category)
        return value


class EqualityTally(Model):
    """What the retention purge keeps of anonymised candidates' answers: counts only.

    Anonymising a candidate deletes their answers and adds one to the count here for each
    question: this vacancy, this answer (``not_known`` for none), this furthest step. The
    pooled report goes on counting them, while nothing links an answer to a person or one
    answer to another (the combination of answers is what could pick someone out).
    ``category`` ``answers_recorded`` counts whether they had answers at all (yes or no).
    """

    __tablename__ = "equality_tally"
    __table_args__ = (
        UniqueConstraint(
            "vacancy_id", "category", "answer", "furthest_step", name="uq_equality_tally_cell"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(
        ForeignKey("vacancy.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str] = mapped_column(String(ANSWER_LENGTH))
    answer: Mapped[str] = mapped_column(String(ANSWER_LENGTH))
    furthest_step: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(default=0)
