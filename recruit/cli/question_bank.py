"""``flask --app recruit question-bank check | load | export``."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from recruit.bank_store import BankNotLoaded, current_bank, load_bank_into_database
from recruit.cli._files import cannot_write, write_folder_atomically
from recruit.domain.question_bank import QuestionBankError, bank_files, check_bank, load_bank
from recruit.extensions import db

question_bank_group = AppGroup("question-bank", help="Check, load and export the question bank.")


def _default_directory() -> Path:
    return Path(current_app.config["QUESTION_BANK_DIR"])


@question_bank_group.command("check")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def check_command(path: Path | None) -> None:
    """Check the bank's YAML files (default: the configured bank folder)."""
    directory = path or _default_directory()
    if not directory.is_dir():
        raise click.ClickException(f"{directory} is not a folder")
    problems = check_bank(directory)
    for problem in problems:
        click.echo(
            f"{directory / problem.file}:{problem.line or 1}: {problem.message}"
            if problem.line
            else f"{directory / problem.file}: {problem.message}",
            err=True,
        )
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) found: fix them and check again")
    bank = load_bank(directory)
    click.echo(
        f"The question bank is valid: {len(bank.questions)} questions "
        f"({len(bank.active_questions())} active), version {bank.version_hash[:12]}."
    )


@question_bank_group.command("load")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def load_command(path: Path | None) -> None:
    """Load the bank's files into the database (safe to run again: only changes are saved)."""
    directory = path or _default_directory()
    try:
        bank = load_bank(directory)
    except QuestionBankError as error:
        raise click.ClickException(str(error)) from error
    result = load_bank_into_database(bank, str(directory))
    db.session.commit()
    click.echo(
        f"Question bank {result.version_hash[:12]} loaded: {result.added} added, "
        f"{result.updated} updated, {result.unchanged} unchanged."
    )
    if result.not_in_files:
        click.echo(
            "Kept, though not in the files (retire them in the app if they should go): "
            + ", ".join(result.not_in_files)
        )


@question_bank_group.command("export")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def export_command(out: Path) -> None:
    """Write the bank as the database holds it (with in-app edits) as YAML files."""
    try:
        bank = current_bank()
    except BankNotLoaded as error:
        raise click.ClickException(str(error)) from error
    files = {name: text.encode("utf-8") for name, text in bank_files(bank).items()}
    try:
        write_folder_atomically(out, files)
    except OSError as error:
        raise click.ClickException(cannot_write(out, error)) from None
    click.echo(f"Wrote {len(bank.questions)} questions to {out}.")
