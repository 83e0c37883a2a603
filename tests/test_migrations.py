"""Migrations build the schema from empty, on SQLite and on PostgreSQL, and match the models."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from recruit import create_app
from recruit.extensions import db
from tests.support.databases import create_postgres_database, drop_postgres_database


def _assert_migrations_build_the_models(url: str) -> None:
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    with app.app_context():
        upgrade()
        tables = set(inspect(db.engine).get_table_names())
        assert {"user_account", "user_session", "audit_event", "login_attempt"} <= tables
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert differences == [], f"models and migrations differ: {differences}"
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def test_migrations_from_empty_on_sqlite(tmp_path):
    _assert_migrations_build_the_models(f"sqlite:///{tmp_path / 'empty.sqlite'}")


@pytest.mark.postgres
def test_migrations_from_empty_on_postgres(postgres_server_url):
    url = create_postgres_database(postgres_server_url)
    try:
        _assert_migrations_build_the_models(url)
    finally:
        drop_postgres_database(postgres_server_url, url)


def test_sqlite_runs_in_wal_with_foreign_keys_and_busy_timeout(tmp_path):
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite'}", "TESTING": True}
    )
    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def _upgrade_with_a_vacancy_before_stages(url: str) -> None:
    from datetime import date

    from sqlalchemy import text

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    with app.app_context():
        upgrade(revision="0003")
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO vacancy (title, role_level, service_area, innovation, salary_range,"
                    " contract, location, closing_date, interview_dates, hiring_manager, status,"
                    " created_at, updated_at, lock_version) VALUES ('DCS', 'dcs', 'Children',"
                    " 'family_valued', '£1', 'permanent', 'Leeds', :closing, '', 'CEO', 'OPEN',"
                    " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
                ),
                {"closing": date(2027, 1, 12)},
            )
        upgrade()
        with db.engine.connect() as connection:
            hidden = connection.execute(text("SELECT hide_candidate_names FROM vacancy")).scalar()
        assert hidden in (False, 0)
        db.engine.dispose()


def test_upgrade_keeps_existing_vacancies_on_sqlite(tmp_path):
    _upgrade_with_a_vacancy_before_stages(f"sqlite:///{tmp_path / 'data.sqlite'}")


@pytest.mark.postgres
def test_upgrade_keeps_existing_vacancies_on_postgres(postgres_server_url):
    url = create_postgres_database(postgres_server_url)
    try:
        _upgrade_with_a_vacancy_before_stages(url)
    finally:
        drop_postgres_database(postgres_server_url, url)
