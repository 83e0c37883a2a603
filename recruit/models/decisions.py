"""The appointment decision and the steps after it: each deciding member's confirmation,
the notice to the executive and the objections, and the offer.

One decision per vacancy, made by its deciding stage's panel (``recruit.domain.decisions``
holds the rules). Nothing here is deleted by the app: a decision changes only by being made
again, which the audit log records.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow
from recruit.models.accounts import User
from recruit.models.interviews import Candidate, Stage


class AppointmentDecision(Model):
    """The deciding panel's decision: ``candidate`` appointed, or None for no appointment."""

    __tablename__ = "appointment_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(
        ForeignKey("vacancy.id", ondelete="CASCADE"), unique=True
    )
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="RESTRICT"))
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidate.id", ondelete="RESTRICT"), nullable=True
    )
    reasons: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # For a post elected members appoint: the notice to every member of the executive.
    executive_notified_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    executive_notified_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    objection_days: Mapped[int | None] = mapped_column(nullable=True)
    objection_deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    offer_made_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    offer_made_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    lock_version: Mapped[int] = mapped_column(default=1)

    stage: Mapped[Stage] = relationship()
    candidate: Mapped[Candidate | None] = relationship()
    recorded_by: Mapped[User | None] = relationship(foreign_keys=[recorded_by_id])
    executive_notified_by: Mapped[User | None] = relationship(
        foreign_keys=[executive_notified_by_id]
    )
    offer_made_by: Mapped[User | None] = relationship(foreign_keys=[offer_made_by_id])
    confirmations: Mapped[list[DecisionConfirmation]] = relationship(
        back_populates="decision", cascade="all, delete-orphan"
    )
    objections: Mapped[list[ExecutiveObjection]] = relationship(
        back_populates="decision",
        cascade="all, delete-orphan",
        order_by="ExecutiveObjection.id",
    )

    __mapper_args__ = {"version_id_col": lock_version}


class DecisionConfirmation(Model):
    """A deciding panel member's confirmation that the recorded decision is the panel's."""

    __tablename__ = "decision_confirmation"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("appointment_decision.id", ondelete="CASCADE"), index=True
    )
    # RESTRICT: a confirmation is part of the decision's record; removing the account must
    # not remove it with it.
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    decision: Mapped[AppointmentDecision] = relationship(back_populates="confirmations")
    user: Mapped[User] = relationship()

    __table_args__ = (
        UniqueConstraint("decision_id", "user_id", name="uq_decision_confirmation_user"),
    )


class ExecutiveObjection(Model):
    """An executive member's objection, and the panel's ruling on it (None: not ruled yet)."""

    __tablename__ = "executive_objection"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("appointment_decision.id", ondelete="CASCADE"), index=True
    )
    objector: Mapped[str] = mapped_column(String(200))
    received_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # "Material and well founded" (True) or not (False); None until the panel rules.
    upheld: Mapped[bool | None] = mapped_column(nullable=True)
    ruling_reasons: Mapped[str | None] = mapped_column(Text, nullable=True)
    ruled_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    ruled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    decision: Mapped[AppointmentDecision] = relationship(back_populates="objections")
