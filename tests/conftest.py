"""Shared fixtures: a real database (SQLite file or PostgreSQL), the app, clients per role.

RECRUIT_TEST_DATABASE=postgres runs the whole suite on PostgreSQL. When
RECRUIT_REQUIRE_REAL_COMPONENTS=1 (CI), a missing real component fails the run instead of
skipping the tests that need it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import delete

from recruit import create_app
from recruit.accounts import create_user
from recruit.bank_store import load_bank_into_database
from recruit.domain.question_bank import QuestionBank, load_bank
from recruit.extensions import db
from recruit.models import Role, User
from tests.support.client import IsolatedClient
from tests.support.databases import create_postgres_database, drop_postgres_database
from tests.support.forms import sign_in
from tests.support.postgres import start_private_postgres

TEST_PASSWORD = "correct horse battery staple"
BACKEND = os.environ.get("RECRUIT_TEST_DATABASE", "sqlite")
REQUIRE_REAL = os.environ.get("RECRUIT_REQUIRE_REAL_COMPONENTS") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip, saying why, on a developer's machine; fail in CI where every part must be real."""
    if REQUIRE_REAL:
        pytest.fail(f"Required real component missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    configured = os.environ.get("RECRUIT_TEST_POSTGRES_URL")
    if configured:
        yield configured
        return
    try:
        server = start_private_postgres()
    except (FileNotFoundError, OSError) as error:
        skip_or_fail(f"no PostgreSQL server: {error}")
    try:
        yield server.admin_url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """One migrated database for the session; tests empty it after use."""
    if BACKEND == "postgres":
        server_url = request.getfixturevalue("postgres_server_url")
        url = create_postgres_database(server_url)
        _migrate(url)
        yield url
        drop_postgres_database(server_url, url)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'recruit-test.sqlite'}"
        _migrate(url)
        yield url


def _migrate(url: str) -> None:
    app = create_app(_test_config(url))
    with app.app_context():
        upgrade()
        db.engine.dispose()


def _test_config(url: str, **overrides: object) -> dict[str, object]:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-for-tests",
        "SQLALCHEMY_DATABASE_URI": url,
        "ORGANISATION_NAME": "Testshire Council",
        "SQLITE_DEFERRED_OUTSIDE_REQUESTS": True,
        # Real hashing, at a cost that lets hundreds of tests sign in quickly.
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        **overrides,
    }


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    app = create_app(_test_config(database_url))
    app.test_client_class = IsolatedClient
    with app.app_context():
        yield app
        db.session.remove()
        _empty_all_tables()
        db.engine.dispose()


def _empty_all_tables() -> None:
    with db.engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(delete(table))


@pytest.fixture
def bank(app: Flask) -> QuestionBank:
    """The real question bank from question_bank/, loaded into the test database."""
    return _load_real_bank(app)


@functools.cache
def _parsed_bank(directory: str) -> QuestionBank:
    # Parsing the YAML takes about 0.2 s; the value is immutable, so parse once per run.
    return load_bank(Path(directory))


def _load_real_bank(app: Flask) -> QuestionBank:
    loaded = _parsed_bank(app.config["QUESTION_BANK_DIR"])
    load_bank_into_database(loaded, "tests")
    db.session.commit()
    return loaded


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def make_user(app: Flask):  # type: ignore[no-untyped-def]
    def make(role: Role = Role.PANEL, email: str | None = None, name: str = "Test User") -> User:
        address = email or f"{role.value}-{os.urandom(3).hex()}@test.example"
        user = create_user(address, name, role, TEST_PASSWORD)
        db.session.commit()
        return user

    return make


@pytest.fixture
def signed_in(app: Flask, make_user):  # type: ignore[no-untyped-def]
    """Return a client signed in with a new user of the given role."""

    def sign_in_as(role: Role) -> tuple[FlaskClient, User]:
        user = make_user(role)
        client = app.test_client()
        response = sign_in(client, user.email, TEST_PASSWORD)
        assert response.status_code == 302, response.get_data(as_text=True)
        return client, user

    return sign_in_as
