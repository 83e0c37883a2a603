"""Leadership profiles (the report's workbooks), 360 feedback on them, and the target profile
a vacancy's candidates are compared with.

A profile belongs to one person and is private to them until they share it; a shared
profile can be shown beside a vacancy's target levels as context, never copied into them.
Feedback responses are never shown one by one: only their aggregate, and only once enough
colleagues have answered (domain.profiles).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow


class LeadershipProfile(Model):
    __tablename__ = "leadership_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    role_title: Mapped[str] = mapped_column(String(200), default="")
    # Attribute key -> self-rating 1-5; attribute key -> answers to its reflection questions.
    ratings: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    reflections: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
    shared_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lock_version: Mapped[int] = mapped_column(default=1)

    owner = relationship("User")
    feedback_requests: Mapped[list[FeedbackRequest]] = relationship(
        back_populates="profile", cascade="all, delete-orphan", order_by="FeedbackRequest.id"
    )

    __mapper_args__ = {"version_id_col": lock_version}

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None


class FeedbackRequest(Model):
    """A colleague asked to rate the profile's owner on the same five questions (360)."""

    __tablename__ = "feedback_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("leadership_profile.id", ondelete="CASCADE"), index=True
    )
    colleague_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ratings: Mapped[dict[str, int] | None] = mapped_column(JSON, nullable=True)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    lock_version: Mapped[int] = mapped_column(default=1)

    profile: Mapped[LeadershipProfile] = relationship(back_populates="feedback_requests")
    colleague = relationship("User")

    __mapper_args__ = {"version_id_col": lock_version}
    __table_args__ = (
        UniqueConstraint("profile_id", "colleague_id", name="uq_feedback_profile_colleague"),
    )


class TargetProfile(Model):
    """The minimum level the role needs on each attribute, set by the deciding panel (or
    HR for them): ``levels`` maps an attribute key to 3 (Sound), 4 (Strong) or 5
    (Exceptional), ``reasons`` says why per attribute. ``context_profile`` is a shared
    leadership profile shown beside the target for context; it is never copied into it."""

    __tablename__ = "target_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(
        ForeignKey("vacancy.id", ondelete="CASCADE"), unique=True
    )
    levels: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    reasons: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    rationale: Mapped[str] = mapped_column(Text, default="")
    context_profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("leadership_profile.id", ondelete="SET NULL"), nullable=True
    )
    set_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    set_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lock_version: Mapped[int] = mapped_column(default=1)

    context_profile: Mapped[LeadershipProfile | None] = relationship()
    set_by = relationship("User")
    vacancy = relationship("Vacancy")

    __mapper_args__ = {"version_id_col": lock_version}
