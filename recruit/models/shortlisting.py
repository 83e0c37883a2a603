"""Shortlisting scrutiny: HR's reading of each application before the interviews.

Safer recruitment asks that every application be scrutinised before shortlisting: gaps in
employment history and discrepancies noted, each with what the panel is to explore with
the candidate, and the shortlisting decision made against the person specification's
essential criteria, recorded per criterion (``recruit.domain.shortlisting`` holds the rules).
A point to explore is shown to the panel of the stage chosen to explore it, and to no one
else on a panel.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, Enum, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow
from recruit.models.accounts import User
from recruit.models.interviews import Candidate, Stage
from recruit.models.vacancies import PersonSpecCriterion

NOTE_MAX = 2000


class ScrutinyKind(enum.StrEnum):
    GAP = "gap"
    DISCREPANCY = "discrepancy"

    @property
    def label(self) -> str:
        return {"gap": "Gap in employment", "discrepancy": "Discrepancy"}[self.value]


class CriterionOutcome(enum.StrEnum):
    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"

    @property
    def label(self) -> str:
        return {"met": "Met", "partly_met": "Partly met", "not_met": "Not met"}[self.value]


class ScrutinyPoint(Model):
    """A gap in employment history or a discrepancy HR noted on the application, with what
    the panel of ``stage`` is to explore; later, what the candidate's explanation was."""

    __tablename__ = "scrutiny_point"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    # The stage whose panel explores it. A stage deleted later leaves the point with no
    # panel to show it to, and the scrutiny page says so.
    stage_id: Mapped[int | None] = mapped_column(
        ForeignKey("stage.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[ScrutinyKind] = mapped_column(Enum(ScrutinyKind, native_enum=False, length=20))
    from_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    to_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    noted: Mapped[str] = mapped_column(Text)
    to_explore: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str | None] = mapped_column(Text, nullable=True)
    # RESTRICT, as a reference's scrutiniser: who noted it is part of the record.
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="RESTRICT"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lock_version: Mapped[int] = mapped_column(default=1)

    candidate: Mapped[Candidate] = relationship()
    stage: Mapped[Stage | None] = relationship()
    recorded_by: Mapped[User | None] = relationship()

    __mapper_args__ = {"version_id_col": lock_version}


class ShortlistingDecision(Model):
    """Whether the candidate is shortlisted, with the reasons and who decided; one per
    candidate, changed only by deciding again (the audit log keeps each decision)."""

    __tablename__ = "shortlisting_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), unique=True
    )
    shortlisted: Mapped[bool]
    reasons: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="RESTRICT"), nullable=True
    )
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lock_version: Mapped[int] = mapped_column(default=1)

    candidate: Mapped[Candidate] = relationship()
    decided_by: Mapped[User | None] = relationship()
    assessments: Mapped[list[CriterionAssessment]] = relationship(
        back_populates="decision",
        cascade="all, delete-orphan",
        order_by="CriterionAssessment.id",
    )

    __mapper_args__ = {"version_id_col": lock_version}


class CriterionAssessment(Model):
    """How the application measured against one essential criterion at shortlisting."""

    __tablename__ = "criterion_assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("shortlisting_decision.id", ondelete="CASCADE"), index=True
    )
    # No ON DELETE action: a criterion a candidate was shortlisted against cannot silently
    # disappear from the record (the person specification page refuses to remove it), yet
    # deleting the whole vacancy still removes both in one statement.
    criterion_id: Mapped[int] = mapped_column(ForeignKey("person_spec_criterion.id"))
    outcome: Mapped[CriterionOutcome] = mapped_column(
        Enum(CriterionOutcome, native_enum=False, length=20)
    )
    evidence: Mapped[str] = mapped_column(Text, default="")

    decision: Mapped[ShortlistingDecision] = relationship(back_populates="assessments")
    criterion: Mapped[PersonSpecCriterion] = relationship()

    __table_args__ = (
        UniqueConstraint("decision_id", "criterion_id", name="uq_criterion_assessment"),
    )
