"""The application factory and configuration from the environment."""

from __future__ import annotations

import pytest

from recruit import create_app
from recruit.config import (
    DEVELOPMENT_SECRET_KEY,
    ConfigurationError,
    normalise_database_url,
    secret_key_problem,
)

# As the README says to make one: secrets.token_hex(32).
REAL_SECRET = "9f1c6e0b52d84a7f3be61c09d4a8e7f2c5b03d9a61e84f7c2d0b95a3e6f18c47"


def test_factory_applies_test_config_over_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ORGANISATION_NAME", "From The Environment Council")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/a.sqlite", "TESTING": True})
    assert app.config["ORGANISATION_NAME"] == "From The Environment Council"
    assert app.testing


def test_defaults_for_development(monkeypatch, tmp_path):
    for name in (
        "SECRET_KEY",
        "DATABASE_URL",
        "ORGANISATION_NAME",
        "RETENTION_MONTHS",
        "RECRUIT_ENV",
    ):
        monkeypatch.delenv(name, raising=False)
    app = create_app()
    assert app.config["SECRET_KEY"] == DEVELOPMENT_SECRET_KEY
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("instance/recruit.sqlite")
    assert app.config["RETENTION_MONTHS"] == 6
    assert app.config["SESSION_COOKIE_SECURE"] is False


def test_environment_variables_are_read(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://app:pw@db.internal:5432/recruit")
    monkeypatch.setenv("RETENTION_MONTHS", "9")
    monkeypatch.setenv("ORGANISATION_NAME", "Leeds City Council")
    app = create_app()
    assert (
        app.config["SQLALCHEMY_DATABASE_URI"]
        == "postgresql+psycopg://app:pw@db.internal:5432/recruit"
    )
    assert app.config["RETENTION_MONTHS"] == 9
    assert app.config["ORGANISATION_NAME"] == "Leeds City Council"


@pytest.mark.parametrize("secret", [None, "", DEVELOPMENT_SECRET_KEY, "short"])
def test_production_refuses_missing_or_weak_secret_key(monkeypatch, secret):
    monkeypatch.setenv("RECRUIT_ENV", "production")
    if secret is None:
        monkeypatch.delenv("SECRET_KEY", raising=False)
    else:
        monkeypatch.setenv("SECRET_KEY", secret)
    with pytest.raises(ConfigurationError, match="SECRET_KEY"):
        create_app()


@pytest.mark.parametrize(
    "secret",
    [
        "x" * 64,
        "ab" * 32,
        "abcdefgh" * 8,
        "0123456789abcdef" * 4,
        "changeme-changeme-changeme-changeme",
        "secretkeysecretkeysecretkey-12345",
        "a" * 40 + "1234567",
    ],
)
def test_production_refuses_a_secret_key_with_too_little_variety(monkeypatch, secret):
    monkeypatch.setenv("RECRUIT_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", secret)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    with pytest.raises(ConfigurationError) as refused:
        create_app()
    message = str(refused.value)
    assert "SECRET_KEY" in message and "repeats" in message
    assert "secrets.token_hex(32)" in message
    assert secret not in message, "the refused key itself is never printed"


@pytest.mark.parametrize(
    "secret",
    [
        REAL_SECRET,
        "Zq7vN2pXr4Lk9sWd1fHj6bTy3mGc8aEu0oIe5",  # random letters and digits
        "q2b-Tz9WcR_8kLmN4vXp0sYd7hJf3gA1eUoI6rBt5nC",  # secrets.token_urlsafe(32)
    ],
)
def test_random_secret_keys_are_accepted(secret):
    assert secret_key_problem(secret) is None


def test_generated_secret_keys_are_never_refused():
    import secrets

    for _ in range(2000):
        assert secret_key_problem(secrets.token_hex(16)) is None  # the shortest allowed
        assert secret_key_problem(secrets.token_urlsafe(24)) is None


def test_production_refuses_debug(monkeypatch):
    monkeypatch.setenv("RECRUIT_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", REAL_SECRET)
    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ConfigurationError, match="Debug"):
        create_app()


def test_production_refuses_a_weak_password_hash(monkeypatch, tmp_path):
    monkeypatch.setenv("RECRUIT_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", REAL_SECRET)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    with pytest.raises(ConfigurationError, match="scrypt"):
        create_app({"PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"})


def test_production_with_real_secret_starts_with_secure_cookies(monkeypatch, tmp_path):
    monkeypatch.setenv("RECRUIT_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", REAL_SECRET)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/p.sqlite"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    response = app.test_client().get("/healthz")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@h/d", "postgresql+psycopg://u:p@h/d"),
        ("postgresql://u:p@h/d", "postgresql+psycopg://u:p@h/d"),
        ("postgresql+psycopg://u:p@h/d", "postgresql+psycopg://u:p@h/d"),
        ("sqlite:////tmp/x.sqlite", "sqlite:////tmp/x.sqlite"),
    ],
)
def test_database_url_forms(given, expected):
    assert normalise_database_url(given) == expected


def test_safer_recruitment_refresh_years_defaults_to_five(monkeypatch):
    monkeypatch.delenv("SAFER_RECRUITMENT_REFRESH_YEARS", raising=False)
    assert create_app().config["SAFER_RECRUITMENT_REFRESH_YEARS"] == 5


def test_safer_recruitment_refresh_years_is_read(monkeypatch):
    monkeypatch.setenv("SAFER_RECRUITMENT_REFRESH_YEARS", " 3 ")
    assert create_app().config["SAFER_RECRUITMENT_REFRESH_YEARS"] == 3


@pytest.mark.parametrize("value", ["five", "0", "-1", "2.5", "21", "²", "9" * 5000])
def test_a_bad_safer_recruitment_refresh_years_stops_the_app_starting(monkeypatch, value):
    monkeypatch.setenv("SAFER_RECRUITMENT_REFRESH_YEARS", value)
    with pytest.raises(ConfigurationError) as refused:
        create_app()
    message = str(refused.value)
    assert message.startswith("SAFER_RECRUITMENT_REFRESH_YEARS must be a whole number from 1 to 20")
    assert len(message) < 200, "a long value is cut short in the message"


def test_references_before_the_deciding_stage_is_on_by_default_and_can_be_turned_off(
    monkeypatch,
):
    monkeypatch.delenv("REFERENCES_BEFORE_DECIDING_STAGE", raising=False)
    assert create_app().config["REFERENCES_BEFORE_DECIDING_STAGE"] is True
    monkeypatch.setenv("REFERENCES_BEFORE_DECIDING_STAGE", " Off ")
    assert create_app().config["REFERENCES_BEFORE_DECIDING_STAGE"] is False


@pytest.mark.parametrize("value", ["maybe", "2", "x" * 5000])  # blank: the default
def test_a_bad_references_setting_stops_the_app_starting(monkeypatch, value):
    monkeypatch.setenv("REFERENCES_BEFORE_DECIDING_STAGE", value)
    with pytest.raises(ConfigurationError) as refused:
        create_app()
    message = str(refused.value)
    assert message.startswith("REFERENCES_BEFORE_DECIDING_STAGE must be true or false")
    assert len(message) < 200


@pytest.mark.parametrize(
    ("setting", "organisation", "expected"),
    [
        ("", "Northshire County Council", "county"),
        ("", "Eastmoor City Council", "city"),
        ("", "Westhampton Borough Council", "borough"),
        ("", "Northshire Council", "area"),
        ("  Metropolitan  Borough ", "Eastmoor City Council", "metropolitan borough"),
    ],
)
def test_the_place_noun_is_the_setting_or_read_from_the_councils_name(
    setting, organisation, expected
):
    from recruit.config import place_noun

    assert place_noun(setting, organisation) == expected
