"""Pure rules: safe redirect targets and the password policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from recruit.domain.accounts.passwords import password_problem
from recruit.domain.accounts.redirects import is_safe_next_path

DOMAIN = Path(__file__).resolve().parents[2] / "recruit" / "domain"


@pytest.mark.parametrize(
    "target",
    [
        "//x",
        "////x",
        "/\\x",
        "https:x",
        "/%09/x",
        "javascript:alert(1)",
        "http://x/",
        "\\\\x",
        "/\tx",
        "/x\n",
        "",
        None,
        "x/y",
        "/%0a/x",
        "/\x00",
    ],
)
def test_unsafe_next_targets(target):
    assert is_safe_next_path(target) is False


@pytest.mark.parametrize("target", ["/", "/admin/users", "/vacancies/3?tab=plan#scores"])
def test_safe_next_targets(target):
    assert is_safe_next_path(target) is True


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("short", "8 characters or more"),
        ("x" * 129, "128 characters or fewer"),
        ("password123", "common passwords"),
        ("Summer2024!", "common passwords"),
        ("aaaaaaaaaaaa", "harder to guess"),
        ("me@council.gov.uk", "same as your email"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(password, expected):
    problem = password_problem(password, email="me@council.gov.uk")
    assert problem is not None and expected in problem


@pytest.mark.parametrize(
    "password", ["correct horse battery staple", "x7#Kp2!qLm", "y" * 20 + "z" * 44 + "w"]
)
def test_good_passwords_pass(password):
    assert password_problem(password) is None
