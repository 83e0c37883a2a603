"""``flask --app recruit question-bank check | load | export``."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from recruit.bank_store import BankNotLoaded, current_bank, load_bank_into_database
from recruit.cli._files import cannot_write, write_folder_atomically
from recruit.domain.exercises import (
    Exercise,
    ExerciseBankError,
    ExerciseKeys,
    check_exercises,
    exercises_from_texts,
    floor_shortfalls,
    load_exercises,
    read_exercise_texts,
)
from recruit.domain.question_bank import QuestionBankError, bank_files, check_bank, load_bank
from recruit.domain.question_bank.floor import question_floor_shortfalls
from recruit.domain.question_bank.model import QuestionBank
from recruit.exercise_store import database_exercise_texts, store_exercise_texts
from recruit.extensions import db

question_bank_group = AppGroup("question-bank", help="Check, load and export the question bank.")


def _default_directory() -> Path:
    return Path(current_app.config["QUESTION_BANK_DIR"])


@question_bank_group.command("check")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--allow-below-floor",
    is_flag=True,
    help="Report a bank below the shipped floor (questions per practice model, education, "
    "young people's versions, exercises) as notes instead of refusing it: for a council "
    "that retired content on purpose.",
)
@with_appcontext
def check_command(path: Path | None, allow_below_floor: bool) -> None:
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
    exercise_problems = check_exercises(directory, ExerciseKeys.from_bank(bank))
    for exercise_problem in exercise_problems:
        click.echo(f"{directory}/{exercise_problem}", err=True)
    if exercise_problems:
        raise click.ClickException(
            f"{len(exercise_problems)} problem(s) found in the exercises: fix them and check again"
        )
    exercises = load_exercises(directory, ExerciseKeys.from_bank(bank))
    click.echo(
        f"The question bank is valid: {len(bank.questions)} questions "
        f"({len(bank.active_questions())} active), {len(exercises)} exercises, "
        f"version {bank.version_hash[:12]}."
    )
    _check_floor(exercises, bank, allow_below_floor)


def _check_floor(exercises: tuple[Exercise, ...], bank: QuestionBank, allow: bool) -> None:
    """The shipped bank's floor: questions per attribute and practice model, on education,
    in young people's words; 15 exercises, 2 per attribute, 3 for young people. Refused
    unless the council chose to go below it (then each shortfall is a note)."""
    attributes = [attribute.key for attribute in bank.attributes]
    shortfalls = [
        *question_floor_shortfalls(
            bank.questions, attributes, [innovation.key for innovation in bank.innovations]
        ),
        *floor_shortfalls(exercises, attributes),
    ]
    for shortfall in shortfalls:
        click.echo(f"{'Note' if allow else 'Below the floor'}: {shortfall}", err=not allow)
    if shortfalls and not allow:
        raise click.ClickException(
            f"{len(shortfalls)} shortfall(s) below the bank's floor: add content, or check "
            "with --allow-below-floor if your council retired it on purpose"
        )


@question_bank_group.command("load")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def load_command(path: Path | None) -> None:
    """Load the bank's files into the database (safe to run again: only changes are saved)."""
    directory = path or _default_directory()
    try:
        bank = load_bank(directory)
        exercise_texts = read_exercise_texts(directory)
        # Checked before anything is written: a load is all or nothing.
        exercises = exercises_from_texts(exercise_texts, ExerciseKeys.from_bank(bank))
    except (QuestionBankError, ExerciseBankError) as error:
        raise click.ClickException(str(error)) from error
    result = load_bank_into_database(bank, str(directory))
    store_exercise_texts(exercise_texts)
    db.session.commit()
    click.echo(
        f"Question bank {result.version_hash[:12]} loaded: {result.added} added, "
        f"{result.updated} updated, {result.unchanged} unchanged; {len(exercises)} exercises."
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
    texts = {**bank_files(bank), **database_exercise_texts()}
    files = {name: text.encode("utf-8") for name, text in texts.items()}
    try:
        write_folder_atomically(out, files)
    except OSError as error:
        raise click.ClickException(cannot_write(out, error)) from None
    click.echo(f"Wrote {len(bank.questions)} questions and the exercise files to {out}.")
