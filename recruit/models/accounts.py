"""People who use the tool, their revocable sessions and failed logins."""

from __future__ import annotations

import enum
from datetime import date, datetime

from flask_login import UserMixin
from sqlalchemy import Date, Enum, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from recruit.extensions import Model
from recruit.models._types import UTCDateTime, utcnow


class Role(enum.StrEnum):
    ADMIN = "admin"
    HR = "hr"
    PANEL = "panel"
    REVIEWER = "reviewer"
    # Reads equality monitoring answers and the fair-selection report; nobody else but an
    # administrator does (recruit/equality).
    EQUALITY = "equality"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: "Administrator",
    Role.HR: "HR and recruitment",
    Role.PANEL: "Panel member",
    Role.REVIEWER: "Reviewer (DCS or appointing member)",
    Role.EQUALITY: "Equality monitoring",
}


class User(UserMixin, Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False, length=20))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_enabled: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # When the person last completed safer recruitment training; None: not trained.
    safer_recruitment_trained_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Added by HR as a panel member with no password yet: the account stays disabled until
    # the person sets their own password through a one-time link (SetPasswordLink).
    awaiting_password: Mapped[bool] = mapped_column(default=False)
    # The password was generated and handed over: the person must choose their own before
    # doing anything else (recruit.auth.forced_change).
    must_change_password: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)

    sessions: Mapped[list[UserSession]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.is_enabled

    def has_role(self, *roles: Role) -> bool:
        return self.role in roles


class UserSession(Model):
    """One row per logged-in browser. Deleting the row ends that session everywhere.

    Flask's signed-cookie session alone would let a cookie copied before logout keep
    working; the cookie here only carries this row's random id.
    """

    __tablename__ = "user_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    user: Mapped[User] = relationship(back_populates="sessions")


class LoginAttempt(Model):
    """Failed logins, kept in the database so the limit holds across gunicorn workers."""

    __tablename__ = "login_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    ip_address: Mapped[str] = mapped_column(String(64))
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        Index("ix_login_attempt_email_time", "email", "attempted_at"),
        Index("ix_login_attempt_ip_time", "ip_address", "attempted_at"),
    )


class SetPasswordLink(Model):
    """A one-time link for a person to set their own password, shown once on screen to the
    admin or HR user who made it. Only the token's SHA-256 digest is kept, so the table
    alone cannot be used to sign anyone in. A link works once, until it expires, and only
    while it is the person's newest."""

    __tablename__ = "set_password_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Set when a newer link for the same person replaced this one before it was used.
    replaced_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
