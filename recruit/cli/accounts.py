from __future__ import annotations

import click
from flask.cli import with_appcontext

from recruit import audit
from recruit.accounts import create_user, find_user_by_email, generate_password
from recruit.domain.accounts.passwords import password_problem
from recruit.extensions import db
from recruit.models import Role


@click.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice([role.value for role in Role]), required=True)
@click.option(
    "--name", "full_name", default=None, help="Full name (defaults to the email address)."
)
@click.option(
    "--generate-password",
    "generate",
    is_flag=True,
    help="Generate a password and print it once, instead of asking for one; the person "
    "must change it at first sign-in.",
)
@with_appcontext
def create_user_command(email: str, role: str, full_name: str | None, generate: bool) -> None:
    """Create a user with ROLE; asks for a password, or generates one and prints it once."""
    if find_user_by_email(email):
        raise click.ClickException(f"A user with the email address {email} already exists.")
    password = generate_password() if generate else _ask_for_password(email)
    user = create_user(email, full_name or email, Role(role), password, generated=generate)
    audit.record("user.created", user, actor_label="command line", role=role)
    db.session.commit()
    click.echo(f"Created {user.email} with the role {user.role.value}.")
    if generate:
        click.echo(f"Password (shown once): {password}")
        click.echo("They will be asked to choose their own password when they first sign in.")


def _ask_for_password(email: str) -> str:
    while True:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        problem = password_problem(password, email)
        if problem is None:
            return str(password)
        click.echo(problem, err=True)
