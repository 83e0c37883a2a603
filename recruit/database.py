"""Database engine tuning that the ORM cannot express.

SQLite is the embedded default and may sit behind several gunicorn workers. A transaction
that reads and later writes fails at once with "database is locked" under WAL, whatever
the busy timeout, because SQLite cannot upgrade a read lock while another writer holds
the lock. Starting every write transaction with BEGIN IMMEDIATE takes the write lock
first, so a second writer waits (up to the busy timeout) instead of failing.
"""

from __future__ import annotations

import sqlite3

from flask import Flask, current_app, has_app_context, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import ConnectionPoolEntry

SQLITE_BUSY_TIMEOUT_MS = 15_000
READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def configure_engine(engine: Engine) -> None:
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)


def read_request_body_first(app: Flask) -> None:
    """Read a posted body in full before the request can touch the database.

    A view reads its form lazily, often after its first query has begun the transaction;
    on SQLite that is the only write lock, so a slow or stalled upload would hold every
    other worker's writes until they failed with "database is locked". The body's size is
    capped by MAX_CONTENT_LENGTH, and the parsed form is served from the cached copy.
    """

    @app.before_request
    def read_body() -> None:
        if request.method not in READ_ONLY_METHODS:
            request.get_data(cache=True)


def request_may_write() -> bool:
    """True when this request's transactions start as writes (BEGIN IMMEDIATE on SQLite)."""
    return has_request_context() and request.method not in READ_ONLY_METHODS


def _transaction_may_write() -> bool:
    if has_request_context():
        return request.method not in READ_ONLY_METHODS
    # Outside a request (command line, scripts) we cannot know, so take the safe path,
    # unless told otherwise: test code reads between requests and must not hold the lock.
    return not (has_app_context() and current_app.config.get("SQLITE_DEFERRED_OUTSIDE_REQUESTS"))


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def set_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (the pysqlite driver would
        # otherwise start deferred transactions behind our back).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(connection: Connection) -> None:
        mode = "IMMEDIATE" if _transaction_may_write() else "DEFERRED"
        connection.exec_driver_sql(f"BEGIN {mode}")
