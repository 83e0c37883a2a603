"""Configuration from environment variables.

Every setting a council may change is read here, once, when the app is created.
The README lists each with its default.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import overload

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT_SECRET_KEY = "development-only-secret-key-do-not-use-in-production"  # noqa: S105


class ConfigurationError(RuntimeError):
    """The app refuses to start because a setting is unsafe or missing."""


# With a default the setting always has a value; without one it may be missing.
@overload
def _env(name: str, default: str) -> str: ...
@overload
def _env(name: str, default: None = None) -> str | None: ...
def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _whole_number(name: str, *, default: int, lowest: int, highest: int) -> int:
    """A whole-number setting, refused at start-up in words if it is not one or out of range."""
    text = _env(name, str(default)).strip()
    # isascii too: "²" and other Unicode digits pass isdigit() but int() refuses them; and
    # a short one, since int() refuses thousands of digits.
    digits = text.isascii() and text.isdigit() and len(text) <= 6
    if not digits or not lowest <= int(text) <= highest:
        raise ConfigurationError(
            f"{name} must be a whole number from {lowest} to {highest} (the default is "
            f"{default}), not {_quoted(text)}."
        )
    return int(text)


_ON = ("true", "1", "yes", "on")
_OFF = ("false", "0", "no", "off")


def _switch(name: str, *, default: bool) -> bool:
    """An on/off setting, refused at start-up in words if it is neither."""
    text = _env(name, "true" if default else "false").strip()
    if text.lower() not in _ON + _OFF:
        raise ConfigurationError(
            f"{name} must be true or false (the default is {str(default).lower()}), "
            f"not {_quoted(text)}."
        )
    return text.lower() in _ON


def _quoted(text: str) -> str:
    """A refused setting's value, quoted and cut short, for a start-up message."""
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


# The guaranteed interview schemes an advert can name (recruit.domain.adverts.draft).
GUARANTEED_INTERVIEW_SCHEMES = ("disability_confident", "care_leavers", "armed_forces")
_MAX_STATEMENT = 600


def _schemes(name: str) -> tuple[str, ...]:
    """A comma-separated list of scheme keys, refused at start-up if one is unknown."""
    keys = tuple(key.strip().lower() for key in _env(name, "").split(",") if key.strip())
    unknown = [key for key in keys if key not in GUARANTEED_INTERVIEW_SCHEMES]
    if unknown:
        raise ConfigurationError(
            f"{name} lists schemes separated by commas, from "
            f"{', '.join(GUARANTEED_INTERVIEW_SCHEMES)}; {_quoted(unknown[0])} is not one."
        )
    return tuple(dict.fromkeys(keys))


def _statement(name: str, default: str = "") -> str:
    """A sentence or two for the advert, refused at start-up if it is too long to read."""
    text = " ".join((_env(name, default) or "").split())
    if len(text) > _MAX_STATEMENT:
        raise ConfigurationError(f"{name} must be {_MAX_STATEMENT} characters or fewer.")
    return text


_PLACE_WORDS = ("county", "city", "borough", "district")


def place_noun(setting: str | None, organisation: str) -> str:
    """The setting in lowercase if given; else the first of county, city, borough or
    district in the council's name ("Northshire County Council": "county"); else "area"."""
    if setting and setting.strip():
        return " ".join(setting.split()).lower()
    words = organisation.lower().split()
    return next((word for word in _PLACE_WORDS if word in words), "area")


def load_config(instance_path: str) -> dict[str, object]:
    """Build the Flask config from the environment."""
    environment = _env("RECRUIT_ENV", "development")
    sqlite_path = Path(instance_path) / "recruit.sqlite"
    organisation = _env("ORGANISATION_NAME", "Northshire County Council") or ""
    return {
        "RECRUIT_ENV": environment,
        "SECRET_KEY": _env(
            "SECRET_KEY", DEVELOPMENT_SECRET_KEY if environment != "production" else None
        ),
        "SQLALCHEMY_DATABASE_URI": normalise_database_url(
            _env("DATABASE_URL", f"sqlite:///{sqlite_path}")
        ),
        "ORGANISATION_NAME": organisation,
        # What adverts call the council's place ("across the whole county"): PLACE_NOUN, or
        # read from the council's name, else "area".
        "PLACE_NOUN": place_noun(_env("PLACE_NOUN", ""), organisation),
        # The organisation's own statements in every advert draft: its equality statement,
        # the guaranteed interview schemes it offers, who answers questions about applying,
        # what it offers beyond pay, and what it says on the right to work (visa sponsorship).
        # Empty: the draft's default equality statement, no scheme, no contact beyond the
        # hiring manager, no offer or right-to-work line (the check itself is always stated).
        "EQUALITY_STATEMENT": _statement("EQUALITY_STATEMENT"),
        "GUARANTEED_INTERVIEWS": _schemes("GUARANTEED_INTERVIEWS"),
        "RECRUITMENT_CONTACT": _statement("RECRUITMENT_CONTACT"),
        "ADVERT_OFFER": _statement("ADVERT_OFFER"),
        "RIGHT_TO_WORK_STATEMENT": _statement("RIGHT_TO_WORK_STATEMENT"),
        # The council's own practice model, named in adverts for a vacancy on none of the
        # three innovations ("Signs of Safety"); empty: "our practice model".
        "PRACTICE_MODEL": _statement("PRACTICE_MODEL"),
        "BRAND_COLOUR": _env("BRAND_COLOUR", "#0b4f6c"),
        "RETENTION_MONTHS": int(_env("RETENTION_MONTHS", "6") or 6),
        # The values floor (see recruit.domain.scoring.model.ValuesFloor): a panel mean below
        # VALUES_FLOOR_MEAN on values-driven leadership makes a candidate not appointable.
        # Any member's score at or below VALUES_FLOOR_LOWEST_SCORE on it is a red flag the
        # panel must discuss and record; VALUES_SINGLE_SCORE_VETO (off unless "true", "1",
        # "yes" or "on") makes that score breach the floor instead, the older rule.
        "VALUES_FLOOR_MEAN": float(_env("VALUES_FLOOR_MEAN", "3") or 3),
        "VALUES_FLOOR_LOWEST_SCORE": int(_env("VALUES_FLOOR_LOWEST_SCORE", "1") or 1),
        "VALUES_SINGLE_SCORE_VETO": _env("VALUES_SINGLE_SCORE_VETO", "false").strip().lower()
        in ("true", "1", "yes", "on"),
        # Safer recruitment training counts for this many years (see
        # recruit.domain.panels.training): a plan is issued only when someone on the panel
        # who scores was trained within it.
        "SAFER_RECRUITMENT_REFRESH_YEARS": _whole_number(
            "SAFER_RECRUITMENT_REFRESH_YEARS", default=5, lowest=1, highest=20
        ),
        # For a senior post (recruit.domain.references.SENIOR_ROLE_LEVELS), the references
        # are to be complete before the deciding stage: the decision page and the checklist
        # warn of each candidate whose are not. On unless "false", "0", "no" or "off".
        "REFERENCES_BEFORE_DECIDING_STAGE": _switch(
            "REFERENCES_BEFORE_DECIDING_STAGE", default=True
        ),
        "GOVUK_FRONTEND_DIR": _env(
            "GOVUK_FRONTEND_DIR",
            str(PROJECT_ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
        ),
        "QUESTION_BANK_DIR": _env("QUESTION_BANK_DIR", str(PROJECT_ROOT / "question_bank")),
        # Sessions: revocable rows in the database (see recruit.sessions), with these limits.
        "SESSION_IDLE_MINUTES": int(_env("SESSION_IDLE_MINUTES", "60") or 60),
        "SESSION_ABSOLUTE_HOURS": int(_env("SESSION_ABSOLUTE_HOURS", "12") or 12),
        "PERMANENT_SESSION_LIFETIME": timedelta(
            hours=int(_env("SESSION_ABSOLUTE_HOURS", "12") or 12)
        ),
        # The cookie's expiry is the absolute limit from sign-in, and the idle limit is kept
        # in the session's row: re-signing the cookie on every response extends nothing
        # that counts, and cost a quarter of a millisecond on every page.
        "SESSION_REFRESH_EACH_REQUEST": False,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": environment == "production",
        "SESSION_COOKIE_NAME": "recruit_session",
        # A panel member may write notes for hours: tie the CSRF token to the session, not a clock.
        "WTF_CSRF_TIME_LIMIT": None,
        "LOGIN_ATTEMPT_LIMIT": int(_env("LOGIN_ATTEMPT_LIMIT", "5") or 5),
        # Fair-selection monitoring (recruit/equality): a count below this is hidden, with
        # others beside it so it cannot be worked out from the totals. 5 is the usual floor;
        # many publishers use 10.
        "EQUALITY_SUPPRESSION_THRESHOLD": _whole_number(
            "EQUALITY_SUPPRESSION_THRESHOLD", default=5, lowest=1, highest=50
        ),
        # How long a one-time set-password link works (recruit.accounts): three days gives
        # a panel member added on a Friday time to act on it after the weekend.
        "SET_PASSWORD_LINK_HOURS": _whole_number(
            "SET_PASSWORD_LINK_HOURS", default=72, lowest=1, highest=14 * 24
        ),
        "LOGIN_ATTEMPT_WINDOW_MINUTES": int(_env("LOGIN_ATTEMPT_WINDOW_MINUTES", "15") or 15),
        "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
        # How many reverse proxies stand in front of gunicorn. Behind one, every request
        # comes from the proxy's address, so the per-IP sign-in limit would lock everyone
        # out together unless the client's address is taken from X-Forwarded-For.
        "TRUSTED_PROXIES": int(_env("TRUSTED_PROXIES", "0") or 0),
        # Not read from the environment: only the test suite lowers it (a cheap hash makes
        # hundreds of test sign-ins fast); production refuses anything but scrypt.
        "PASSWORD_HASH_METHOD": "scrypt",
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    }


def normalise_database_url(url: str) -> str:
    """Accept the postgres:// and postgresql:// forms hosting platforms hand out."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


MIN_SECRET_KEY_LENGTH = 32
# A random key almost never repeats a run of three characters: a 32-character hex key has
# 30 runs among 4,096 possible ones. A placeholder ("x" * 64, "abab...", a word typed over
# and over, a long run of one letter before a few digits) repeats most of its runs. Needing
# three quarters of the runs to differ refuses all of those and, unlike a count of distinct
# characters, never a generated key: 64 hex characters lack one of the 16 digits a quarter
# of the time, so "16 distinct characters" would refuse the README's own command.
MIN_SHARE_OF_DISTINCT_RUNS = 0.75


def secret_key_problem(secret: object) -> str | None:
    """What is wrong with ``secret`` as a production key, or None. Never repeats the key."""
    if not secret or secret == DEVELOPMENT_SECRET_KEY:
        return "must be set to a random value of at least 32 characters in production"
    text = str(secret)
    if len(text) < MIN_SECRET_KEY_LENGTH:
        return f"is {len(text)} characters long: use a random value of at least 32 characters"
    runs = [text[start : start + 3] for start in range(len(text) - 2)]
    if len(set(runs)) < MIN_SHARE_OF_DISTINCT_RUNS * len(runs):
        return (
            "repeats itself too much to be random (one character, or a short pattern, over "
            "and over): use a generated value of at least 32 characters"
        )
    return None


def check_production_safety(config: dict[str, object], debug: bool) -> None:
    """Refuse to run production with a weak secret key, debug on or a weak password hash."""
    if config.get("RECRUIT_ENV") != "production":
        return
    problem = secret_key_problem(config.get("SECRET_KEY"))
    if problem:
        raise ConfigurationError(
            f"SECRET_KEY {problem}. "
            'Generate one with: python -c "import secrets; print(secrets.token_hex(32))"'
        )
    if debug:
        raise ConfigurationError("Debug mode must be off in production (unset FLASK_DEBUG).")
    if not str(config.get("PASSWORD_HASH_METHOD", "scrypt")).startswith("scrypt"):
        raise ConfigurationError("Passwords must be hashed with scrypt in production.")
