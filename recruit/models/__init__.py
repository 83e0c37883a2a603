"""SQLAlchemy 2.0 typed models, one module per area. Import them all here so Alembic sees them."""

from recruit.models.accounts import LoginAttempt, Role, User, UserSession
from recruit.models.audit import AuditEvent

__all__ = ["AuditEvent", "LoginAttempt", "Role", "User", "UserSession"]
