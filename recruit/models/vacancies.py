"""Vacancies and their adverts. An advert keeps every version of its sections."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Date, Enum, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from recruit.models.interviews import Candidate, Stage

CONTRACTS = [
    ("permanent", "Permanent"),
    ("fixed_term", "Fixed term"),
    ("interim", "Interim"),
    ("secondment", "Secondment"),
]
CONTRACT_LABELS = dict(CONTRACTS)


class VacancyStatus(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    APPOINTED = "appointed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Vacancy(Model):
    __tablename__ = "vacancy"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    role_level: Mapped[str] = mapped_column(String(40))
    service_area: Mapped[str] = mapped_column(String(200))
    innovation: Mapped[str] = mapped_column(String(40))
    salary_range: Mapped[str] = mapped_column(String(200))
    contract: Mapped[str] = mapped_column(String(40))
    location: Mapped[str] = mapped_column(String(200))
    closing_date: Mapped[date] = mapped_column(Date)
    interview_dates: Mapped[str] = mapped_column(String(200), default="")
    hiring_manager: Mapped[str] = mapped_column(String(200))
    # The council's own reference for the post, e.g. "NCC-CS-0142"; optional.
    job_reference: Mapped[str] = mapped_column(String(40), default="", server_default="")
    status: Mapped[VacancyStatus] = mapped_column(
        Enum(VacancyStatus, native_enum=False, length=20), default=VacancyStatus.DRAFT, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    # Panel members see candidate codes (C-01) instead of names until every stage of the
    # vacancy is in moderation (recruit.results.sheets.names_visible_on_vacancy).
    hide_candidate_names: Mapped[bool] = mapped_column(default=False, server_default=false())
    lock_version: Mapped[int] = mapped_column(default=1)

    created_by = relationship("User", foreign_keys=[created_by_id])
    updated_by = relationship("User", foreign_keys=[updated_by_id])
    advert: Mapped[Advert | None] = relationship(
        back_populates="vacancy", cascade="all, delete-orphan"
    )
    stages: Mapped[list[Stage]] = relationship(
        back_populates="vacancy", order_by="Stage.position", cascade="all, delete-orphan"
    )
    candidates: Mapped[list[Candidate]] = relationship(
        order_by="Candidate.code", cascade="all, delete-orphan"
    )
    criteria: Mapped[list[PersonSpecCriterion]] = relationship(
        back_populates="vacancy",
        cascade="all, delete-orphan",
        order_by="PersonSpecCriterion.position",
    )

    __mapper_args__ = {"version_id_col": lock_version}

    @property
    def reference(self) -> str:
        """The reference documents print: the council's job reference, or the app's own."""
        return self.job_reference.strip() or f"recruit vacancy {self.id}"


class Advert(Model):
    __tablename__ = "advert"

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(
        ForeignKey("vacancy.id", ondelete="CASCADE"), unique=True
    )
    current_version_number: Mapped[int] = mapped_column(default=1)
    # HR marks the advert ready to publish after reading the language check.
    is_finished: Mapped[bool] = mapped_column(default=False)
    lock_version: Mapped[int] = mapped_column(default=1)

    vacancy: Mapped[Vacancy] = relationship(back_populates="advert")
    versions: Mapped[list[AdvertVersion]] = relationship(
        back_populates="advert", order_by="AdvertVersion.number", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": lock_version}

    @property
    def current(self) -> AdvertVersion:
        return next(v for v in self.versions if v.number == self.current_version_number)


class AdvertVersion(Model):
    """The whole advert at one moment: every section, and whether prompts are included."""

    __tablename__ = "advert_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    advert_id: Mapped[int] = mapped_column(ForeignKey("advert.id", ondelete="CASCADE"))
    number: Mapped[int]
    sections: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    include_self_assessment: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    created_by_label: Mapped[str] = mapped_column(String(254), default="")
    change_note: Mapped[str] = mapped_column(Text, default="")

    advert: Mapped[Advert] = relationship(back_populates="versions")

    __table_args__ = (UniqueConstraint("advert_id", "number", name="uq_advert_version_number"),)


class PersonSpecCriterion(Model):
    """One criterion of a vacancy's person specification: essential or desirable, with how
    it is assessed (keys of ``recruit.domain.person_spec.ASSESSMENTS``)."""

    __tablename__ = "person_spec_criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(
        ForeignKey("vacancy.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=1)
    text: Mapped[str] = mapped_column(Text)
    essential: Mapped[bool] = mapped_column(default=True)
    assessed_by: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    vacancy: Mapped[Vacancy] = relationship(back_populates="criteria")
