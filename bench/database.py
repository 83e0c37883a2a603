"""The bench's own database: a SQLite file in a temporary folder, or PostgreSQL when
DATABASE_URL says so. Either way it is migrated with the app's own migrations first."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from sqlalchemy import func, inspect, select, text

from recruit import create_app
from recruit.config import normalise_database_url


class DatabaseNotEmpty(RuntimeError):
    """The bench fills its database from nothing, so it refuses one that holds data."""


def database_url(work_dir: Path) -> str:
    """DATABASE_URL if set (PostgreSQL), otherwise a fresh SQLite file in ``work_dir``."""
    configured = os.environ.get("DATABASE_URL", "")
    if configured:
        return normalise_database_url(configured)
    return f"sqlite:///{work_dir / 'bench.sqlite'}"


def backend_name(url: str) -> str:
    return "postgresql" if url.startswith("postgresql") else "sqlite"


def bench_app(url: str) -> Flask:
    """The real app on the bench database, configured as gunicorn will run it."""
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": False})


def prepare_database(app: Flask, *, reset: bool) -> None:
    """Migrate the database to the latest revision; with ``reset``, empty it first."""
    from flask_migrate import upgrade

    from recruit.extensions import db
    from recruit.models import Vacancy

    with app.app_context():
        if reset:
            _drop_everything(db)
        upgrade()
        if db.session.scalar(select(func.count()).select_from(Vacancy)):
            raise DatabaseNotEmpty(
                "The bench database already holds vacancies: point DATABASE_URL at an empty "
                "database, or pass --reset to empty it (every table is dropped)."
            )


def settle_database(app: Flask) -> None:
    """Bring statistics up to date and clear dead rows after the bulk seed, as autovacuum
    would have on a database in use. Otherwise PostgreSQL's autovacuum starts on the new
    tables while the measurements run and takes a CPU from them (the consolidation at
    100x measured up to half again slower in such runs)."""
    from recruit.extensions import db

    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            autocommit = db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            with autocommit as connection:
                connection.execute(text("VACUUM ANALYZE"))  # not allowed in a transaction
        else:
            with db.engine.begin() as connection:
                connection.execute(text("ANALYZE"))


def _drop_everything(db) -> None:  # type: ignore[no-untyped-def]
    db.drop_all()
    with db.engine.begin() as connection:
        if inspect(connection).has_table("alembic_version"):
            connection.execute(text("DROP TABLE alembic_version"))
