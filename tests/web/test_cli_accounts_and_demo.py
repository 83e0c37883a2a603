"""create-user and demo commands."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from werkzeug.security import check_password_hash

from recruit.cli.demo import DEMO_PASSWORD, DEMO_USERS
from recruit.extensions import db
from recruit.models import AuditEvent, Role, User


def test_create_user_with_generated_password_prints_it_once(app):
    result = app.test_cli_runner().invoke(
        args=["create-user", "dcs@council.example", "--role", "reviewer", "--generate-password"]
    )
    assert result.exit_code == 0, result.output
    password = re.search(r"Password \(shown once\): (\S+)", result.output).group(1)
    user = db.session.scalar(select(User).where(User.email == "dcs@council.example"))
    assert user.role is Role.REVIEWER
    assert check_password_hash(user.password_hash, password)
    assert user.must_change_password, "a printed password is changed at first sign-in"
    assert "choose their own password" in result.output
    assert (
        db.session.scalar(select(AuditEvent.actor).where(AuditEvent.action == "user.created"))
        == "command line"
    )


def test_create_user_asks_for_a_password_and_refuses_a_weak_one(app):
    result = app.test_cli_runner().invoke(
        args=["create-user", "hr@council.example", "--role", "hr"],
        input="password123\npassword123\nfour random words here\nfour random words here\n",
    )
    assert result.exit_code == 0, result.output
    assert "common passwords" in result.output
    user = db.session.scalar(select(User).where(User.email == "hr@council.example"))
    assert check_password_hash(user.password_hash, "four random words here")
    assert not user.must_change_password, "they typed it themselves"
    assert "four random words here" not in result.output


def test_create_user_refuses_a_duplicate_and_an_unknown_role(app, make_user):
    make_user(Role.HR, email="taken@council.example")
    duplicate = app.test_cli_runner().invoke(
        args=["create-user", "taken@council.example", "--role", "hr", "--generate-password"]
    )
    assert duplicate.exit_code != 0 and "already exists" in duplicate.output
    unknown = app.test_cli_runner().invoke(
        args=["create-user", "x@council.example", "--role", "boss"]
    )
    assert unknown.exit_code != 0 and "boss" in unknown.output


def test_demo_is_safe_to_run_twice_and_prints_every_login(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo"])
    second = runner.invoke(args=["demo"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert db.session.scalar(select(func.count()).select_from(User)) == len(DEMO_USERS)
    for demo_user in DEMO_USERS:
        assert demo_user.email in second.output
    assert {user.role for user in db.session.scalars(select(User))} == set(Role)
    assert DEMO_PASSWORD in second.output


def test_demo_refuses_to_run_in_production(app):
    app.config["RECRUIT_ENV"] = "production"
    result = app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code != 0 and "not loaded in production" in result.output
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_the_readme_lists_every_demo_user_with_name_and_role():
    from pathlib import Path

    from recruit.cli.demo import DEMO_USERS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for user in DEMO_USERS:
        assert f"| {user.email} | {user.full_name} | {user.role.value} |" in readme, user.email
    assert "PORT=8080 HOST=0.0.0.0 make run" in readme
    assert 'create-user EMAIL --role ROLE --name "Full Name"' in readme
