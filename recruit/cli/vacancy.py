"""``flask --app recruit vacancy export ID --out FILE`` and ``vacancy import FILE``."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import AppGroup, with_appcontext
from sqlalchemy.exc import SQLAlchemyError

from recruit import audit
from recruit.cli._files import write_export
from recruit.cli.params import DATABASE_ID
from recruit.domain.interchange.checks import PROBLEM_LIMIT
from recruit.extensions import db
from recruit.interchange import (
    FileRefused,
    ImportRefused,
    export_vacancy,
    import_vacancy,
    read_document,
)
from recruit.models import Vacancy
from recruit.models._types import utcnow

# Enough to fix a file in a few passes without scrolling a screenful of follow-on errors.
SHOWN_PROBLEMS = 20

vacancy_group = AppGroup("vacancy", help="Move whole vacancies between installations as JSON.")


@vacancy_group.command("export")
@click.argument("vacancy_id", type=DATABASE_ID)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The JSON file to write.",
)
@with_appcontext
def export_command(vacancy_id: int, out: Path) -> None:
    """Write vacancy VACANCY_ID and everything recorded under it to a JSON file."""
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None:
        raise click.ClickException(f"There is no vacancy {vacancy_id}")
    document = export_vacancy(vacancy, utcnow())
    write_export(out, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode())
    # The file holds candidates' personal details: record who took a copy.
    audit.record("vacancy.exported", vacancy, actor_label="command line", file=str(out))
    db.session.commit()
    click.echo(f"Wrote vacancy {vacancy_id} to {out}")


@vacancy_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--create-missing-users",
    is_flag=True,
    help="Create people the file names but this installation lacks, as panel users "
    "with no usable password (an administrator resets it before they can sign in).",
)
@with_appcontext
def import_command(file: Path, create_missing_users: bool) -> None:
    """Create a new vacancy from a JSON file written by 'vacancy export'."""
    try:
        result = import_vacancy(
            read_document(file), create_missing_users=create_missing_users, source=file.name
        )
        db.session.commit()
    except FileRefused as refusal:
        # A file that is not a document at all is one line: there is nothing to list.
        db.session.rollback()
        raise click.ClickException(f"Nothing was imported: {file} {refusal.reason}") from None
    except ImportRefused as refusal:
        db.session.rollback()
        raise click.ClickException(_refusal_message(file, refusal.problems)) from None
    except SQLAlchemyError as error:
        # The checks should leave nothing for the database to refuse; if it still does,
        # say so plainly: the transaction is rolled back, so nothing was half imported.
        db.session.rollback()
        reason = getattr(error, "orig", None) or error
        raise click.ClickException(
            f"Nothing was imported: the database refused it: {reason}"
        ) from error
    for user in result.created_users:
        click.echo(f"Created panel user {user.email} (reset their password before they sign in)")
    vacancy = result.vacancy
    click.echo(f"Imported {file} as vacancy {vacancy.id}: {vacancy.title}")


def _refusal_message(file: Path, problems: list[str]) -> str:
    # The checks stop at PROBLEM_LIMIT, so that many means there may be more.
    stopped = len(problems) >= PROBLEM_LIMIT
    lines = [f"Nothing was imported: {file} has {_count(problems, stopped)}:"]
    lines += [f"  {problem}" for problem in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        more = "more" if stopped else f"{len(problems) - SHOWN_PROBLEMS} more"
        lines.append(f"  ... and {more}")
    return "\n".join(lines)


def _count(problems: list[str], stopped: bool) -> str:
    if stopped:
        return f"{len(problems)} or more problems"
    return "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
