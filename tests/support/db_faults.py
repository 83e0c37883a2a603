"""A database that fails part way through a request, for fault tests: one statement is
refused as a dropped connection would refuse it, through SQLAlchemy's own event hook."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from recruit.extensions import db


class DatabaseFails:
    """Make the database refuse one statement (the n-th matching), as a dropped connection
    would, and keep every statement seen, so a test can show what ran before the fault."""

    def __init__(self, prefix: str, occurrence: int = 1) -> None:
        self.prefix, self.occurrence = prefix, occurrence
        self.statements: list[str] = []

    def __call__(self, connection, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        self.statements.append(statement)
        matching = sum(s.startswith(self.prefix) for s in self.statements)
        if statement.startswith(self.prefix) and matching == self.occurrence:
            raise OperationalError(statement, parameters, ConnectionError("server closed"))

    def __enter__(self) -> DatabaseFails:
        event.listen(db.engine, "before_cursor_execute", self)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(db.engine, "before_cursor_execute", self)

    def ran_before_fault(self, prefix: str) -> bool:
        return any(s.startswith(prefix) for s in self.statements[:-1])
