"""``flask --app recruit demo``: demo users (and, as areas arrive, a realistic campaign).

Safe to run twice: everything is found by a natural key before it is created.
"""

from __future__ import annotations

from dataclasses import dataclass

import click
from flask import current_app
from flask.cli import with_appcontext

from recruit.accounts import create_user, find_user_by_email, set_password
from recruit.extensions import db
from recruit.models import Role

DEMO_PASSWORD = "demo-password-for-trying-out"


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    role: Role


DEMO_USERS = [
    DemoUser("admin@demo.recruit.local", "Alex Admin", Role.ADMIN),
    DemoUser("hr@demo.recruit.local", "Harriet Okafor", Role.HR),
    DemoUser("chair@demo.recruit.local", "Cllr Sam Patel", Role.PANEL),
    DemoUser("panel@demo.recruit.local", "Priya Shah", Role.PANEL),
    DemoUser("partner@demo.recruit.local", "DI Mark Evans", Role.PANEL),
    DemoUser("member@demo.recruit.local", "Cllr Joan Whitaker", Role.PANEL),
    DemoUser("youngpeople@demo.recruit.local", "Jordan Lee", Role.PANEL),
    DemoUser("dcs@demo.recruit.local", "Dr Ruth Adeyemi", Role.REVIEWER),
]


@click.command("demo")
@with_appcontext
def demo_command() -> None:
    """Create the demo users (safe to run twice) and print their logins."""
    if current_app.config["RECRUIT_ENV"] == "production":
        raise click.ClickException("The demo is not loaded in production.")
    ensure_demo_users()
    db.session.commit()
    print_demo_logins()


def ensure_demo_users() -> None:
    for demo_user in DEMO_USERS:
        user = find_user_by_email(demo_user.email)
        if user is None:
            create_user(demo_user.email, demo_user.full_name, demo_user.role, DEMO_PASSWORD)
        else:
            set_password(user, DEMO_PASSWORD)
            user.is_enabled = True


def print_demo_logins() -> None:
    click.echo("")
    click.echo(f"Demo logins (password for all: {DEMO_PASSWORD})")
    for demo_user in DEMO_USERS:
        role, email = demo_user.role.value, demo_user.email
        click.echo(f"  {role:<9} {email:<34} {demo_user.full_name}")
    click.echo("")
