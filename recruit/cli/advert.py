"""``flask --app recruit advert check FILE``: the advert language check as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click
import yaml
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from recruit.domain.adverts.check import AdvertLexicon, LexiconError, check_advert
from recruit.domain.adverts.role_levels import is_politically_restricted
from recruit.domain.question_bank import (
    ANY_INNOVATION,
    QuestionBank,
    QuestionBankError,
    load_bank,
)

LEXICON_FILE = "advert_lexicon.yaml"

advert_group = AppGroup("advert", help="Check job advert wording.")


@advert_group.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--innovation",
    default=ANY_INNOVATION,
    show_default=True,
    help="Key of the innovation the post runs (family_safeguarding, no_wrong_door, ...).",
)
@click.option(
    "--role-level",
    default=None,
    help="Key of the post's role level (dcs, assistant_director, ...): a chief officer's "
    "advert must then say the post is politically restricted.",
)
@with_appcontext
def check_command(file: Path, innovation: str, role_level: str | None) -> None:
    """Check a plain-text advert (UTF-8) and print the analysis as JSON."""
    text = _read_advert(file)
    bank = _load_bank()
    known_levels = [item.key for item in bank.role_levels]
    if role_level is not None and role_level not in known_levels:
        raise click.ClickException(
            f"Unknown role level {role_level!r}: use one of {', '.join(known_levels)}"
        )
    try:
        chosen = bank.innovation(innovation)
    except KeyError:
        known = ", ".join(item.key for item in bank.innovations)
        raise click.ClickException(
            f"Unknown innovation {innovation!r}: use one of {known}"
        ) from None
    result = check_advert(
        text,
        lexicon=_lexicon(bank),
        innovation=chosen,
        attributes=bank.attributes,
        all_key_terms=[term for item in bank.innovations for term in item.key_terms],
        politically_restricted=role_level is not None and is_politically_restricted(role_level),
    )
    click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))


def _read_advert(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise click.ClickException(f"No such file: {file}") from None
    except IsADirectoryError:
        raise click.ClickException(f"{file} is a folder: give a plain-text advert file") from None
    except UnicodeDecodeError:
        raise click.ClickException(
            f"{file} is not UTF-8 text: save the advert as plain text (UTF-8) and try again"
        ) from None
    except OSError as error:
        raise click.ClickException(f"Cannot read {file}: {error.strerror}") from None


def _load_bank() -> QuestionBank:
    directory = Path(current_app.config["QUESTION_BANK_DIR"])
    try:
        return load_bank(directory)
    except (QuestionBankError, OSError) as error:
        raise click.ClickException(f"Cannot load the question bank: {error}") from error


def _lexicon(bank: QuestionBank) -> AdvertLexicon:
    text = bank.reference_files.get(LEXICON_FILE)
    if text is None:
        raise click.ClickException(f"The question bank has no {LEXICON_FILE}")
    try:
        return AdvertLexicon.from_document(yaml.safe_load(text))
    except (yaml.YAMLError, LexiconError) as error:
        raise click.ClickException(f"{LEXICON_FILE} is not valid: {error}") from error
