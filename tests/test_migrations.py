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


SCORED_STAGE_ROWS = (
    "INSERT INTO user_account (id, email, full_name, role, password_hash, is_enabled,"
    " created_at, password_changed_at, version) VALUES (1, 'm@x.test', 'M', 'PANEL', 'x', TRUE,"
    " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
    "INSERT INTO vacancy (id, title, role_level, service_area, innovation, salary_range,"
    " contract, location, closing_date, interview_dates, hiring_manager, status, created_at,"
    " updated_at, lock_version, hide_candidate_names) VALUES (1, 'DCS', 'dcs', 'Children',"
    " 'family_valued', '£1', 'permanent', 'Leeds', '2027-01-12', '', 'CEO', 'OPEN',"
    " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, FALSE)",
    "INSERT INTO stage (id, vacancy_id, name, stage_type, position, weights, lock_version)"
    " VALUES (1, 1, 'Final', 'FINAL_PANEL', 1, '{}', 1)",
    "INSERT INTO question (id, attribute, status, current_version_number, created_at,"
    " updated_at, lock_version) VALUES ('q-1', 'values', 'ACTIVE', 1, CURRENT_TIMESTAMP,"
    " CURRENT_TIMESTAMP, 1)",
    "INSERT INTO plan_item (id, stage_id, position, question_id, minutes)"
    " VALUES (1, 1, 1, 'q-1', 10)",
    "INSERT INTO panel_seat (id, stage_id, user_id, panel_role) VALUES (1, 1, 1, 'MEMBER')",
    "INSERT INTO candidate (id, vacancy_id, code, first_name, last_name, email, phone,"
    ' "current_role", current_employer, status, notes, created_at, updated_at, lock_version)'
    " VALUES (1, 1, 'C-01', 'A', 'B', 'a@x.test', '', '', '', 'SHORTLISTED', '',"
    " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
    "INSERT INTO score_sheet (id, seat_id, candidate_id, status, created_at, updated_at,"
    " lock_version) VALUES (1, 1, 1, 'SUBMITTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
    "INSERT INTO score (id, sheet_id, plan_item_id, score, no_evidence, evidence)"
    " VALUES (1, 1, 1, 4, FALSE, 'Named the risk')",
    "INSERT INTO score_amendment (id, sheet_id, plan_item_id, previous_score,"
    " previous_no_evidence, previous_evidence, new_score, new_no_evidence, new_evidence,"
    " reason, amended_at) VALUES (1, 1, 1, 3, FALSE, '', 4, FALSE, 'Named the risk', 'typo',"
    " CURRENT_TIMESTAMP)",
)
SCORING_TABLES = ("score_sheet", "score", "score_amendment", "panel_seat", "plan_item")


def _upgrade_keeps_scores_and_stops_cascades(url: str) -> None:
    """0008 copies the scoring tables on SQLite to change their foreign keys: the copy must
    not cascade away a single score, and afterwards a scored seat or question cannot be
    deleted underneath its scores."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    with app.app_context():
        upgrade(revision="0007")
        with db.engine.begin() as connection:
            for statement in SCORED_STAGE_ROWS:
                connection.execute(text(statement))
        upgrade()
        with db.engine.connect() as connection:
            counts = {
                table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                for table in SCORING_TABLES
            }
        assert counts == dict.fromkeys(SCORING_TABLES, 1)
        for parent in ("panel_seat", "plan_item"):
            with pytest.raises(IntegrityError), db.engine.begin() as connection:
                connection.execute(text(f"DELETE FROM {parent} WHERE id = 1"))
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT score FROM score")).scalar() == 4
            if connection.dialect.name == "sqlite":
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        db.engine.dispose()


def test_upgrade_keeps_scores_and_stops_cascades_on_sqlite(tmp_path):
    _upgrade_keeps_scores_and_stops_cascades(f"sqlite:///{tmp_path / 'scored.sqlite'}")


@pytest.mark.postgres
def test_upgrade_keeps_scores_and_stops_cascades_on_postgres(postgres_server_url):
    url = create_postgres_database(postgres_server_url)
    try:
        _upgrade_keeps_scores_and_stops_cascades(url)
    finally:
        drop_postgres_database(postgres_server_url, url)


def _upgrade_makes_each_vacancys_last_stage_deciding(url: str) -> None:
    """0009: existing vacancies keep their decision where it was made, at the last stage."""
    from sqlalchemy import text

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    with app.app_context():
        upgrade(revision="0008")
        with db.engine.begin() as connection:
            connection.execute(text(SCORED_STAGE_ROWS[1]))  # the vacancy
            for stage_id, position in ((1, 1), (2, 3), (3, 2)):
                connection.execute(
                    text(
                        "INSERT INTO stage (id, vacancy_id, name, stage_type, position, weights,"
                        " lock_version) VALUES (:id, 1, :name, 'STAKEHOLDER_PANEL', :position,"
                        " '{}', 1)"
                    ),
                    {"id": stage_id, "name": f"Stage {stage_id}", "position": position},
                )
        upgrade()
        with db.engine.connect() as connection:
            roles = dict(connection.execute(text("SELECT id, role FROM stage")).all())
            assert connection.execute(text("SELECT starts_at FROM stage")).scalar() is None
        assert roles == {1: "ADVISORY", 2: "DECIDING", 3: "ADVISORY"}
        downgrade(revision="0008")
        db.engine.dispose()


def test_upgrade_makes_the_last_stage_deciding_on_sqlite(tmp_path):
    _upgrade_makes_each_vacancys_last_stage_deciding(f"sqlite:///{tmp_path / 'roles.sqlite'}")


@pytest.mark.postgres
def test_upgrade_makes_the_last_stage_deciding_on_postgres(postgres_server_url):
    url = create_postgres_database(postgres_server_url)
    try:
        _upgrade_makes_each_vacancys_last_stage_deciding(url)
    finally:
        drop_postgres_database(postgres_server_url, url)
