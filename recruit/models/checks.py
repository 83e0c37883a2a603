"""Pre-employment checks: one row per candidate and kind of check, HR's record of each.

Safer recruitment asks for the check, its date, its outcome and who verified it, never the
certificate's content, so there is no column for a certificate's text or number (see
``recruit.domain.checks`` for the rules and the wording). The audit log keeps every change.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow
from recruit.models.accounts import User
from recruit.models.interviews import Candidate


class CheckKind(enum.StrEnum):
    """The checks, in the order they are listed (``recruit.domain.checks.CHECKS`` labels them)."""

    IDENTITY = "identity"
    RIGHT_TO_WORK = "right_to_work"
    ENHANCED_DBS = "enhanced_dbs"
    BARRED_LIST = "barred_list"
    QUALIFICATIONS = "qualifications"
    PROFESSIONAL_REGISTRATION = "professional_registration"
    OVERSEAS = "overseas"
    OCCUPATIONAL_HEALTH = "occupational_health"


class CheckStatus(enum.StrEnum):
    NOT_STARTED = "not_started"
    REQUESTED = "requested"
    RECEIVED = "received"
    SATISFACTORY = "satisfactory"
    CONCERN = "concern"
    NOT_REQUIRED = "not_required"


OUTCOME_MAX = 200
REASON_MAX = 500


class PreEmploymentCheck(Model):
    """One check of one candidate as HR last recorded it."""

    __tablename__ = "pre_employment_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[CheckKind] = mapped_column(Enum(CheckKind, native_enum=False, length=30))
    # False only for a check the post may not need (overseas, professional registration),
    # with ``not_required_reason`` saying why.
    required: Mapped[bool] = mapped_column(default=True)
    status: Mapped[CheckStatus] = mapped_column(
        Enum(CheckStatus, native_enum=False, length=20), default=CheckStatus.NOT_STARTED
    )
    requested_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # A short outcome ("Clear"), never the certificate's content: the form limits its length.
    outcome: Mapped[str] = mapped_column(String(OUTCOME_MAX), default="")
    not_required_reason: Mapped[str] = mapped_column(String(REASON_MAX), default="")
    # RESTRICT, as a decision's confirmation: who verified a check is part of the record,
    # and removing the account must not remove the check with it.
    verified_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    verified_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lock_version: Mapped[int] = mapped_column(default=1)

    candidate: Mapped[Candidate] = relationship()
    verified_by: Mapped[User] = relationship()

    __mapper_args__ = {"version_id_col": lock_version}
    __table_args__ = (
        UniqueConstraint("candidate_id", "kind", name="uq_pre_employment_check_kind"),
    )
