"""Fresh databases for tests: a real SQLite file or a real PostgreSQL database."""

from __future__ import annotations

import secrets
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError


def create_postgres_database(server_url: str) -> str:
    """Create an empty database on the server and return its URL."""
    name = f"recruit_test_{secrets.token_hex(4)}"
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


# FORCE ends the test's own leftover connections, but not an autovacuum worker that has
# just started on the new tables (it belongs to the server's superuser): the drop is then
# refused, and succeeds once the worker is done, within a second or so.
DROP_ATTEMPTS = 20
DROP_RETRY_SECONDS = 0.25


def drop_postgres_database(server_url: str, database_url: str) -> None:
    name = make_url(database_url).database
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        for attempt in range(1, DROP_ATTEMPTS + 1):
            try:
                with engine.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                return
            except (OperationalError, ProgrammingError) as error:
                if attempt == DROP_ATTEMPTS or not _held_by_another_process(error):
                    raise
                time.sleep(DROP_RETRY_SECONDS)
    finally:
        engine.dispose()  # also when the drop fails: a pooled connection left open warns


def _held_by_another_process(error: DBAPIError) -> bool:
    # 42501: not allowed to end another role's process; 55006: the database is in use.
    return getattr(error.orig, "sqlstate", None) in {"42501", "55006"}
