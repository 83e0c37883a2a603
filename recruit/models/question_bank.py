"""The question bank in the database: reference documents, questions and their versions.

Attributes, innovations and the advert lexicon are stored whole, as the YAML text they
were loaded from, so the domain code checks and reads them the same way from a file or
from the database. Questions are
rows because people edit, retire and choose them; every change is a new version, and
documents issued later (interview packs, score sheets) copy the version they used.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow


class BankDocument(Model):
    """attributes.yaml, innovations.yaml or advert_lexicon.yaml, as text (comments kept)."""

    __tablename__ = "bank_document"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class Question(Model):
    __tablename__ = "question"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)  # stable, never reused
    attribute: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(20), default="active")
    current_version_number: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lock_version: Mapped[int] = mapped_column(default=1)

    versions: Mapped[list[QuestionVersion]] = relationship(
        back_populates="question", order_by="QuestionVersion.number", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": lock_version}

    @property
    def current(self) -> QuestionVersion:
        return next(v for v in self.versions if v.number == self.current_version_number)

    @property
    def wording(self) -> str:
        """The question as the panel asks it (its current version), for headings."""
        return str(self.current.content.get("question") or self.id)


class QuestionVersion(Model):
    """One immutable state of a question: the whole question as the YAML schema has it."""

    __tablename__ = "question_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    number: Mapped[int]
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    created_by_label: Mapped[str] = mapped_column(String(254), default="question bank file")
    change_note: Mapped[str] = mapped_column(Text, default="")

    question: Mapped[Question] = relationship(back_populates="versions")

    __table_args__ = (UniqueConstraint("question_id", "number", name="uq_question_version_number"),)


class BankLoad(Model):
    """Each ``question-bank load``: which content (by hash) and what it changed."""

    __tablename__ = "bank_load"

    id: Mapped[int] = mapped_column(primary_key=True)
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(500))
    added: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
