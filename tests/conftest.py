"""Shared fixtures: a real database (SQLite file or PostgreSQL), the app, clients per role.

RECRUIT_TEST_DATABASE=postgres runs the whole suite on PostgreSQL. When
RECRUIT_REQUIRE_REAL_COMPONENTS=1 (CI), a missing real component fails the run instead of
skipping the tests that need it.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import gc
import inspect
import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import CodeType
from typing import Any

import hypothesis
import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import delete

from recruit import create_app
from recruit.accounts import create_user
from recruit.bank_store import load_bank_into_database
from recruit.domain.exercises import read_exercise_texts
from recruit.domain.question_bank import QuestionBank, load_bank
from recruit.exercise_store import store_exercise_texts
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


class SharedApp:
    """One app per worker session, handed to each test as if it were new.

    Building the app (and compiling its templates again) for every test cost a tenth of a
    second or more each. The shared app is handed out with the configuration it was built
    with (a test may change ``app.config``; the next test gets a fresh copy) and as not yet
    having served a request, so a test may still add a route; a test that changes the app's
    structure (routes, hooks, extensions) has it replaced before the next test.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._app: Flask | None = None
        self._config: dict[str, Any] = {}
        self._structure: tuple[object, ...] = ()

    def checkout(self) -> Flask:
        if self._app is None:
            self._app = create_app(_test_config(self.url))
            self._config = copy.deepcopy(dict(self._app.config))
            self._structure = _app_structure(self._app)
        app = self._app
        if dict(app.config) != self._config:
            app.config.clear()
            app.config.update(copy.deepcopy(self._config))
        app.test_client_class = IsolatedClient
        app._got_first_request = False  # as a new app: setup methods are still allowed
        return app

    def checkin(self, app: Flask) -> None:
        if _app_structure(app) != self._structure:
            self.close()

    def close(self) -> None:
        if self._app is not None:
            with self._app.app_context():
                db.engine.dispose()
            self._app = None


def _app_structure(app: Flask) -> tuple[object, ...]:
    """What a test could add to the app besides configuration: routes, hooks, handlers."""
    hooks = (
        app.before_request_funcs,
        app.after_request_funcs,
        app.teardown_request_funcs,
        app.url_value_preprocessors,
        app.url_default_functions,
        app.template_context_processors,
    )
    return (
        tuple(sorted((rule.rule, rule.endpoint) for rule in app.url_map.iter_rules())),
        tuple(sorted(app.view_functions.items())),
        tuple(tuple(sorted((str(k), tuple(v)) for k, v in hook.items())) for hook in hooks),
        tuple(app.teardown_appcontext_funcs),
        tuple(app.shell_context_processors),
        repr(app.error_handler_spec),
        tuple(sorted(app.blueprints)),
        tuple(sorted(app.extensions)),
        app.wsgi_app,
        app.session_interface,
        app.request_class,
        app.jinja_env,
        tuple(sorted(app.jinja_env.globals)),
        tuple(sorted(app.jinja_env.filters)),
    )


@pytest.fixture(scope="session")
def shared_app(database_url: str) -> Iterator[SharedApp]:
    shared = SharedApp(database_url)
    yield shared
    shared.close()


@pytest.fixture
def app(shared_app: SharedApp) -> Iterator[Flask]:
    """The app, on the worker's database, which is emptied after each test."""
    app = shared_app.checkout()
    try:
        with app.app_context():
            try:
                yield app
            finally:
                db.session.remove()
                _empty_all_tables()
    finally:
        shared_app.checkin(app)


@pytest.fixture
def spooled_upload() -> Iterator[None]:
    """For a test that posts a body big enough for werkzeug's test client to spool to a
    temporary file, which the client never closes: collect that file after the test, with
    its ResourceWarning silenced, instead of in whichever test next runs the collector."""
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


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
    # Parsing the YAML takes about 0.2 s: parse once per worker, and hand each test a copy.
    return load_bank(Path(directory))


def _load_real_bank(app: Flask) -> QuestionBank:
    parsed = _parsed_bank(app.config["QUESTION_BANK_DIR"])
    # The bank is frozen but for two dicts of file texts: each test gets its own.
    loaded = dataclasses.replace(
        parsed,
        reference_files=dict(parsed.reference_files),
        question_file_headers=dict(parsed.question_file_headers),
    )
    load_bank_into_database(loaded, "tests")
    store_exercise_texts(_exercise_texts(app.config["QUESTION_BANK_DIR"]))
    db.session.commit()
    return loaded


@functools.cache
def _exercise_texts(directory: str) -> dict[str, str]:
    return read_exercise_texts(Path(directory))


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


# --- the quick loop: -m "not slow" ------------------------------------------------------


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark ``slow`` the tests that run Hypothesis or LibreOffice.

    ``make test ARGS='-m "not slow"'`` leaves them out; ``make test`` and CI run them all.
    """
    for item in items:
        function = getattr(item, "obj", None)
        if _is_slow(function):
            item.add_marker(pytest.mark.slow)


def _is_slow(function: object) -> bool:
    """Hypothesis (the test, or a helper of the tests it calls, applies ``given``), or
    LibreOffice (the test or such a helper looks up ``soffice`` itself: there is no fixture)."""
    if getattr(function, "is_hypothesis_test", False) is True:
        return True
    seen: set[int] = set()
    pending = [function]
    while pending:
        current = inspect.unwrap(pending.pop())  # type: ignore[arg-type]
        code = getattr(current, "__code__", None)
        if code is None or id(code) in seen:
            continue
        seen.add(id(code))
        names, constants = _names_and_constants(code)
        if "soffice" in constants:
            return True
        namespace = getattr(current, "__globals__", {})
        for name in names:
            value = namespace.get(name)
            if value is hypothesis.given or getattr(value, "is_hypothesis_test", False) is True:
                return True
            if inspect.isfunction(value) and value.__module__.startswith("tests."):
                pending.append(value)
    return False


def _names_and_constants(code: CodeType) -> tuple[set[str], set[object]]:
    """The global names and the constants of a function, its nested functions included."""
    names, constants = set(code.co_names), set()
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            inner_names, inner_constants = _names_and_constants(constant)
            names |= inner_names
            constants |= inner_constants
        elif isinstance(constant, str):
            constants.add(constant)
    return names, constants
