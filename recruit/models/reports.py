"""An advisory stage's written report on a candidate, for the deciding panel.

Advisory panels (young people's, stakeholder, exercises) do not score towards the decision:
their view reaches the deciding members as a structured report (strengths, concerns and,
from the stage's own moderated results, the evidence per attribute), factored in and never
averaged. The per-attribute view is not stored here: it is read from the stage's moderation
so the report can never disagree with it.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow
from recruit.models.interviews import Candidate, Stage


class TrafficLight(enum.StrEnum):
    """The panel's overall steer, in words a young people's panel could use."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    @property
    def label(self) -> str:
        return TRAFFIC_LIGHT_LABELS[self]


TRAFFIC_LIGHT_LABELS: dict[TrafficLight, str] = {
    TrafficLight.GREEN: "We would support this person",
    TrafficLight.AMBER: "We would support this person, with some worries",
    TrafficLight.RED: "We would not support this person",
}


class AdvisoryReport(Model):
    __tablename__ = "advisory_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    strengths: Mapped[str] = mapped_column(Text, default="")
    concerns: Mapped[str] = mapped_column(Text, default="")
    traffic_light: Mapped[TrafficLight | None] = mapped_column(
        Enum(TrafficLight, native_enum=False, length=10), nullable=True
    )
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lock_version: Mapped[int] = mapped_column(default=1)

    stage: Mapped[Stage] = relationship()
    candidate: Mapped[Candidate] = relationship()
    recorded_by = relationship("User")
    # The panel's members who agreed the report as it now reads; saved again, it is agreed
    # afresh (the one who saves it agrees by doing so).
    agreements: Mapped[list[AdvisoryReportAgreement]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="AdvisoryReportAgreement.id"
    )

    __mapper_args__ = {"version_id_col": lock_version}
    __table_args__ = (
        UniqueConstraint("stage_id", "candidate_id", name="uq_advisory_report_stage_candidate"),
    )


class AdvisoryReportAgreement(Model):
    """One member of the advisory panel's agreement that the report is the panel's."""

    __tablename__ = "advisory_report_agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("advisory_report.id", ondelete="CASCADE"), index=True
    )
    # RESTRICT, as a decision's confirmation: who agreed is part of the report's record.
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    agreed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    report: Mapped[AdvisoryReport] = relationship(back_populates="agreements")
    user = relationship("User")

    __table_args__ = (
        UniqueConstraint("report_id", "user_id", name="uq_advisory_report_agreement_user"),
    )
