"""References: HR's record of each reference taken up for a candidate.

Safer recruitment asks for at least two, one from the current or most recent employer, each
requested, received and scrutinised (with the date and who scrutinised it), and any concern
resolved before appointment. The reference's content is not stored: only a short summary of
any concern it raised and how the concern was resolved (``recruit.domain.references`` holds
the rules). The referee's name is the referee's personal data: retention blanks it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, orm
from sqlalchemy.orm import Mapped, mapped_column

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow
from recruit.models.accounts import User
from recruit.models.interviews import Candidate

REFEREE_NAME_MAX = 200
REFEREE_ROLE_MAX = 300
RELATIONSHIP_MAX = 100
CONCERN_MAX = 2000


class CandidateReference(Model):
    """One reference for one candidate as HR last recorded it."""

    __tablename__ = "candidate_reference"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    referee_name: Mapped[str] = mapped_column(String(REFEREE_NAME_MAX), default="")
    referee_role_and_organisation: Mapped[str] = mapped_column(String(REFEREE_ROLE_MAX), default="")
    relationship: Mapped[str] = mapped_column(String(RELATIONSHIP_MAX), default="")
    is_current_or_recent_employer: Mapped[bool] = mapped_column(default=False)
    requested_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    scrutinised_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # RESTRICT, as a check's verifier: who scrutinised a reference is part of the record.
    scrutinised_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="RESTRICT"), nullable=True
    )
    # A summary of what the reference raised, never its content; and how it was resolved.
    concerns: Mapped[str | None] = mapped_column(Text, nullable=True)
    concern_resolution: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lock_version: Mapped[int] = mapped_column(default=1)

    # ``orm.relationship``: the class's own ``relationship`` column shadows the bare name.
    candidate: Mapped[Candidate] = orm.relationship()
    scrutinised_by: Mapped[User | None] = orm.relationship()

    __mapper_args__ = {"version_id_col": lock_version}
