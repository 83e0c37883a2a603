"""Stages of a vacancy, their interview plans and panels, and the candidates."""

from __future__ import annotations

import enum
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    Enum,
    ForeignKey,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from recruit.models.vacancies import Vacancy


class StageType(enum.StrEnum):
    SHORTLISTING = "shortlisting"
    STAKEHOLDER_PANEL = "stakeholder_panel"
    YOUNG_PEOPLES_PANEL = "young_peoples_panel"
    PRESENTATION = "presentation"
    FINAL_PANEL = "final_panel"
    ELECTED_MEMBER_PANEL = "elected_member_panel"

    @property
    def label(self) -> str:
        return STAGE_TYPE_LABELS[self]


STAGE_TYPE_LABELS = {
    StageType.SHORTLISTING: "Shortlisting",
    StageType.STAKEHOLDER_PANEL: "Stakeholder panel",
    StageType.YOUNG_PEOPLES_PANEL: "Young people's panel",
    StageType.PRESENTATION: "Presentation",
    StageType.FINAL_PANEL: "Final panel interview",
    StageType.ELECTED_MEMBER_PANEL: "Elected-member appointment panel",
}


class StageRole(enum.StrEnum):
    """Whether a stage's panel makes the appointment decision or advises the panel that does.

    Stakeholder panels, young people's panels and exercises advise: their views reach the
    deciding panel as a report per candidate and are never averaged into its figures.
    """

    DECIDING = "deciding"
    ADVISORY = "advisory"

    @property
    def label(self) -> str:
        return STAGE_ROLE_LABELS[self]


STAGE_ROLE_LABELS = {
    StageRole.DECIDING: "Deciding: this panel makes the appointment decision",
    StageRole.ADVISORY: "Advisory: this panel reports to the deciding panel",
}
# A new stage of these types decides by default; every other type advises.
DECIDING_BY_DEFAULT = frozenset({StageType.FINAL_PANEL, StageType.ELECTED_MEMBER_PANEL})


class PanelRole(enum.StrEnum):
    CHAIR = "chair"
    MEMBER = "member"
    HR_ADVISER = "hr_adviser"
    PARTNER_REPRESENTATIVE = "partner_representative"
    ELECTED_MEMBER = "elected_member"
    YOUNG_PEOPLES_PANEL = "young_peoples_panel"
    # The Chief Executive or an external adviser (a peer DCS, the LGA) on an appointing
    # panel: officers advise the members who decide, and do not score.
    ADVISER = "adviser"

    @property
    def label(self) -> str:
        return PANEL_ROLE_LABELS[self]


PANEL_ROLE_LABELS = {
    PanelRole.CHAIR: "Chair",
    PanelRole.MEMBER: "Panel member",
    PanelRole.HR_ADVISER: "HR adviser",
    PanelRole.PARTNER_REPRESENTATIVE: "Partner representative",
    PanelRole.ELECTED_MEMBER: "Elected member",
    PanelRole.YOUNG_PEOPLES_PANEL: "Young people's panel member",
    PanelRole.ADVISER: "Adviser (advises the panel, does not score)",
}


class CandidateStatus(enum.StrEnum):
    APPLIED = "applied"
    SHORTLISTED = "shortlisted"
    NOT_SHORTLISTED = "not_shortlisted"
    INTERVIEWED = "interviewed"
    APPOINTABLE = "appointable"
    NOT_APPOINTABLE = "not_appointable"
    RESERVE = "reserve"
    APPOINTED = "appointed"
    WITHDRAWN = "withdrawn"

    @property
    def takes_part(self) -> bool:
        """Whether the candidate goes on to the stages: scored, listed in packs and results.
        One who withdrew or was not shortlisted does not."""
        return self not in (CandidateStatus.WITHDRAWN, CandidateStatus.NOT_SHORTLISTED)


class Stage(Model):
    __tablename__ = "stage"

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(
        ForeignKey("vacancy.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    stage_type: Mapped[StageType] = mapped_column(Enum(StageType, native_enum=False, length=40))
    held_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    duration_minutes: Mapped[int | None] = mapped_column(nullable=True)
    position: Mapped[int] = mapped_column(default=1)
    role: Mapped[StageRole] = mapped_column(
        Enum(StageRole, native_enum=False, length=20),
        default=StageRole.ADVISORY,
        server_default=StageRole.ADVISORY.name,  # SQLAlchemy stores the name
    )
    # The day's timetable for the packs: the first interview's start, each slot's length
    # (interview and scoring gap) and the length of the break in the day. Blank: the packs
    # suggest times.
    starts_at: Mapped[time | None] = mapped_column(Time, nullable=True)
    slot_minutes: Mapped[int | None] = mapped_column(nullable=True)
    break_minutes: Mapped[int | None] = mapped_column(nullable=True)
    # How a young people's panel held in school hours was agreed with the young people and
    # their schools: recorded, it replaces the stage's school-hours warning.
    school_hours_agreement: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Attribute key -> weight, normalised to sum to 1 (see domain.interview_plan).
    weights: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    # Once issued, plan items carry the exact question text they were issued with.
    plan_issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    lock_version: Mapped[int] = mapped_column(default=1)
    # Raised in the same transaction as every write that could move the stage's results
    # (recruit.results.snapshots): a stored snapshot of the results counts only while it
    # carries the same number.
    results_version: Mapped[int] = mapped_column(default=0, server_default="0")

    vacancy: Mapped[Vacancy] = relationship(back_populates="stages")
    items: Mapped[list[PlanItem]] = relationship(
        back_populates="stage", order_by="PlanItem.position", cascade="all, delete-orphan"
    )
    seats: Mapped[list[PanelSeat]] = relationship(
        back_populates="stage", cascade="all, delete-orphan"
    )
    activities: Mapped[list[PlanActivity]] = relationship(
        back_populates="stage", order_by="PlanActivity.position", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": lock_version}


class PlanItem(Model):
    """One scored item in a stage's plan: a bank question, or one attribute of an exercise
    (an exercise that assesses two attributes is two items, each scored on its own
    descriptors). ``frozen_content`` is the item as issued, question-shaped either way, so
    sheets, moderation and packs read both alike."""

    __tablename__ = "plan_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    question_id: Mapped[str | None] = mapped_column(ForeignKey("question.id"), nullable=True)
    # Exercises live in the bank's files (kept whole in bank_document), not in rows: the id
    # is kept as text, and the issued plan's frozen copy is the record.
    exercise_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    exercise_attribute: Mapped[str | None] = mapped_column(String(40), nullable=True)
    minutes: Mapped[int]
    question_version_number: Mapped[int | None] = mapped_column(nullable=True)
    frozen_content: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    stage: Mapped[Stage] = relationship(back_populates="items")

    __table_args__ = (
        CheckConstraint(
            "(question_id IS NULL) <> (exercise_id IS NULL)",
            name="ck_plan_item_question_or_exercise",
        ),
    )

    @property
    def is_exercise(self) -> bool:
        return self.exercise_id is not None

    @property
    def bank_id(self) -> str:
        """What the item is in the bank, for people and records: a question's id, or an
        exercise's id with the attribute it scores, e.g. "media-...-01 (values)"."""
        if self.exercise_id is not None:
            return f"{self.exercise_id} ({self.exercise_attribute})"
        return str(self.question_id)


class PlanActivity(Model):
    """A young people's activity in a young people's panel's plan: timed, printed in the
    packs and briefed to candidates, but not scored. The young people choose a colour and
    say why, and the chair records it in the panel's report, so no score sheet, result or
    summary reads it. ``frozen_content`` is the activity as issued with the plan."""

    __tablename__ = "plan_activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    exercise_id: Mapped[str] = mapped_column(String(80))
    minutes: Mapped[int]
    frozen_content: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    stage: Mapped[Stage] = relationship(back_populates="activities")


class PanelSeat(Model):
    __tablename__ = "panel_seat"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    panel_role: Mapped[PanelRole] = mapped_column(Enum(PanelRole, native_enum=False, length=40))
    # A seat whose member submitted a sheet is stood down, never removed: it scores no more
    # and is expected to submit nothing further; its submitted sheets are kept.
    stood_down_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    stood_down_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    # For posts elected members appoint: the deciding panel's scoring seats are councillors,
    # at least one of them on the executive (recruit.domain.panels).
    is_councillor: Mapped[bool] = mapped_column(default=False, server_default=false())
    is_executive_member: Mapped[bool] = mapped_column(default=False, server_default=false())

    stage: Mapped[Stage] = relationship(back_populates="seats")
    user = relationship("User")

    @property
    def is_stood_down(self) -> bool:
        return self.stood_down_at is not None

    __table_args__ = (UniqueConstraint("stage_id", "user_id", name="uq_panel_seat_stage_user"),)


class Candidate(Model):
    __tablename__ = "candidate"

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(
        ForeignKey("vacancy.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(10))  # anonymised, e.g. C-01
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(30), default="")
    current_role: Mapped[str] = mapped_column(String(200), default="")
    current_employer: Mapped[str] = mapped_column(String(200), default="")
    application_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[CandidateStatus] = mapped_column(
        Enum(CandidateStatus, native_enum=False, length=30), default=CandidateStatus.APPLIED
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    # The agreed start date once appointed: like "appointed", it waits for the checks.
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Set when the retention purge anonymised them (recruit.domain.retention): never twice.
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    lock_version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": lock_version}
    __table_args__ = (
        UniqueConstraint("vacancy_id", "code", name="uq_candidate_vacancy_code"),
        UniqueConstraint("vacancy_id", "email", name="uq_candidate_vacancy_email"),
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class ConflictOfInterest(Model):
    """A panel member's declared conflict with a candidate: it stops them scoring them."""

    __tablename__ = "conflict_of_interest"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    declared_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        UniqueConstraint("user_id", "candidate_id", name="uq_conflict_user_candidate"),
    )
