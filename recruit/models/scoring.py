"""Panel members' score sheets, their amendments, and the chair's moderation of a stage.

One sheet per panel seat and candidate; one score per sheet and plan item (the shape of a
panel score: indico's review ratings). Submitted sheets are locked: a change after that is
an ``ScoreAmendment`` with a reason, and the score row keeps the latest value.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow
from recruit.models.interviews import Candidate, PanelSeat, PlanItem, Stage


class SheetStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class Outcome(enum.StrEnum):
    APPOINTABLE = "appointable"
    NOT_APPOINTABLE = "not_appointable"
    RESERVE = "reserve"


class ScoreSheet(Model):
    __tablename__ = "score_sheet"

    id: Mapped[int] = mapped_column(primary_key=True)
    # RESTRICT: a seat with sheets is stood down, never deleted with its scores.
    seat_id: Mapped[int] = mapped_column(
        ForeignKey("panel_seat.id", ondelete="RESTRICT"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[SheetStatus] = mapped_column(
        Enum(SheetStatus, native_enum=False, length=20), default=SheetStatus.DRAFT
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # A submitted sheet set aside is kept, with why, but no longer counts in any result: a
    # conflict declared after submission, or HR standing the member down with a reason.
    set_aside_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    set_aside_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    set_aside_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    lock_version: Mapped[int] = mapped_column(default=1)

    seat: Mapped[PanelSeat] = relationship()
    set_aside_by = relationship("User", foreign_keys=[set_aside_by_id])
    candidate: Mapped[Candidate] = relationship()
    scores: Mapped[list[Score]] = relationship(back_populates="sheet", cascade="all, delete-orphan")
    amendments: Mapped[list[ScoreAmendment]] = relationship(
        back_populates="sheet", cascade="all, delete-orphan", order_by="ScoreAmendment.id"
    )

    __mapper_args__ = {"version_id_col": lock_version}
    __table_args__ = (
        UniqueConstraint("seat_id", "candidate_id", name="uq_score_sheet_seat_candidate"),
    )

    @property
    def is_submitted(self) -> bool:
        return self.status is SheetStatus.SUBMITTED

    @property
    def is_set_aside(self) -> bool:
        return self.set_aside_at is not None

    def score_for(self, plan_item_id: int) -> Score | None:
        return next((s for s in self.scores if s.plan_item_id == plan_item_id), None)


class Score(Model):
    """A member's score on one question: 1-5, or ``no_evidence`` (then ``score`` is None)."""

    __tablename__ = "score"

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(
        ForeignKey("score_sheet.id", ondelete="CASCADE"), index=True
    )
    # RESTRICT: a question that was scored stays in its plan.
    plan_item_id: Mapped[int] = mapped_column(
        ForeignKey("plan_item.id", ondelete="RESTRICT"), index=True
    )
    score: Mapped[int | None] = mapped_column(nullable=True)
    no_evidence: Mapped[bool] = mapped_column(default=False)
    evidence: Mapped[str] = mapped_column(Text, default="")

    sheet: Mapped[ScoreSheet] = relationship(back_populates="scores")
    plan_item: Mapped[PlanItem] = relationship()

    __table_args__ = (UniqueConstraint("sheet_id", "plan_item_id", name="uq_score_sheet_item"),)

    @property
    def is_answered(self) -> bool:
        return self.no_evidence or self.score is not None


class ScoreAmendment(Model):
    """A change to a submitted score: what it was, what it became, who, when and why."""

    __tablename__ = "score_amendment"

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(
        ForeignKey("score_sheet.id", ondelete="CASCADE"), index=True
    )
    plan_item_id: Mapped[int] = mapped_column(ForeignKey("plan_item.id", ondelete="RESTRICT"))
    previous_score: Mapped[int | None] = mapped_column(nullable=True)
    previous_no_evidence: Mapped[bool] = mapped_column(default=False)
    previous_evidence: Mapped[str] = mapped_column(Text, default="")
    new_score: Mapped[int | None] = mapped_column(nullable=True)
    new_no_evidence: Mapped[bool] = mapped_column(default=False)
    new_evidence: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text)
    amended_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    amended_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    sheet: Mapped[ScoreSheet] = relationship(back_populates="amendments")
    plan_item: Mapped[PlanItem] = relationship()
    amended_by = relationship("User")


class StageModeration(Model):
    """Moderation of a stage: open once every sheet is in, or when the chair closes scoring
    early with a reason (then unsubmitted drafts stay out of the results).

    Closing moderation (``closed_at``) locks the agreed scores and outcomes; reopening it
    clears ``closed_at`` and needs a reason, kept in the audit log.
    """

    __tablename__ = "stage_moderation"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), unique=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    opened_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    closed_early_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    close_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    lock_version: Mapped[int] = mapped_column(default=1)

    stage: Mapped[Stage] = relationship()
    opened_by = relationship("User", foreign_keys=[opened_by_id])
    closed_by = relationship("User", foreign_keys=[closed_by_id])

    __mapper_args__ = {"version_id_col": lock_version}

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class AgreedScore(Model):
    """The panel's agreed score for a candidate on an attribute, with the rationale."""

    __tablename__ = "agreed_score"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    attribute: Mapped[str] = mapped_column(String(40))
    formula_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    agreed: Mapped[float] = mapped_column(Float)
    rationale: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    recorded_by = relationship("User")

    __table_args__ = (
        UniqueConstraint(
            "stage_id", "candidate_id", "attribute", name="uq_agreed_score_stage_candidate"
        ),
    )


class CandidateDecision(Model):
    """The moderated outcome for a candidate at a stage, with reasons."""

    __tablename__ = "candidate_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    outcome: Mapped[Outcome] = mapped_column(Enum(Outcome, native_enum=False, length=20))
    reasons: Mapped[str] = mapped_column(Text)
    floor_override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    # What the panel said about a red flag (a member's lowest score on a values question):
    # the outcome cannot be saved without it while the flag stands.
    red_flag_discussion: Mapped[str | None] = mapped_column(Text, nullable=True)
    # What the record was made on: a digest of the scores that counted for the candidate
    # (recruit.domain.scoring.moderation_inputs). When it no longer matches, the record says its
    # inputs changed until the chair confirms it again.
    inputs_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lock_version: Mapped[int] = mapped_column(default=1)

    recorded_by = relationship("User")

    __mapper_args__ = {"version_id_col": lock_version}
    __table_args__ = (
        UniqueConstraint("stage_id", "candidate_id", name="uq_candidate_decision_stage"),
    )


class ResultsSnapshot(Model):
    """A stage's consolidated results as they stood at one ``Stage.results_version``.

    Only a cache: it is read only while its version and basis match (one query, see
    ``recruit.results.snapshots``) and can be deleted at any time; the scores and
    moderation it was worked out from stay the record.
    """

    __tablename__ = "results_snapshot"

    stage_id: Mapped[int] = mapped_column(
        ForeignKey("stage.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column()
    # A digest of what else the figures depend on: the values floor settings, the bank's
    # attributes and the scoring rules' own code.
    basis: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)  # recruit.domain.scoring.snapshot, as JSON
    made_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
