"""``flask --app recruit export advert|candidate-pack|timetable --vacancy ID --out FILE`` (and,
as they arrive, more)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from recruit import audit
from recruit.adverts import queries
from recruit.adverts.candidate_pack import candidate_pack_bytes, pack_wording
from recruit.adverts.rendering import DOWNLOADS, render_advert
from recruit.bank_store import current_bank
from recruit.cli._files import write_export
from recruit.cli.params import DATABASE_ID
from recruit.domain.documents.candidate_timetable import (
    CandidateTimetableContext,
    candidate_timetable_bytes,
)
from recruit.extensions import db
from recruit.models import Vacancy
from recruit.stages.packs import PACK_REFERENCE, vacancy_timetable

export_group = AppGroup("export", help="Write documents to files.")

F = TypeVar("F", bound=Callable[..., None])


def _vacancy_and_word_file(command: F) -> F:
    """The --vacancy and --out options of a command that writes one Word file."""
    command = with_appcontext(command)
    command = click.option(
        "--out",
        "out",
        type=click.Path(dir_okay=False, path_type=Path),
        required=True,
        help="The file to write: .docx",
    )(command)
    return click.option(
        "--vacancy", "vacancy_id", type=DATABASE_ID, required=True, help="The vacancy's number."
    )(command)


def _word_file(out: Path) -> None:
    if out.suffix.lower() != ".docx":
        raise click.ClickException("The output file must end in .docx")


@export_group.command("advert")
@click.option(
    "--vacancy", "vacancy_id", type=DATABASE_ID, required=True, help="The vacancy's number."
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write: .docx, .html or .txt",
)
@with_appcontext
def export_advert(vacancy_id: int, out: Path) -> None:
    """The vacancy's current advert as Word, job-board HTML or plain text (by the file's ending)."""
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in DOWNLOADS:
        raise click.ClickException("The output file must end in .docx, .html or .txt")
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None or vacancy.advert is None:
        raise click.ClickException(f"Vacancy {vacancy_id} does not exist or has no advert yet")
    document = queries.advert_document(
        vacancy, vacancy.advert.current, current_bank(), current_app.config["ORGANISATION_NAME"]
    )
    write_export(out, render_advert(document, fmt))
    audit.record("advert.exported", vacancy, actor_label="command line", format=fmt)
    db.session.commit()
    click.echo(f"Wrote {out}")


@export_group.command("candidate-pack")
@_vacancy_and_word_file
def export_candidate_pack(vacancy_id: int, out: Path) -> None:
    """The applicants' information pack made from the vacancy's current advert, as Word."""
    _word_file(out)
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None or vacancy.advert is None:
        raise click.ClickException(f"Vacancy {vacancy_id} does not exist or has no advert yet")
    data = candidate_pack_bytes(
        vacancy, current_bank(), current_app.config["ORGANISATION_NAME"], pack_wording()
    )
    write_export(out, data)
    audit.record(
        "candidate_pack.exported",
        vacancy,
        actor_label="command line",
        version=vacancy.advert.current_version_number,
    )
    db.session.commit()
    click.echo(f"Wrote {out}")


@export_group.command("timetable")
@_vacancy_and_word_file
def export_timetable(vacancy_id: int, out: Path) -> None:
    """Each candidate's interview timetable, a page each, as Word."""
    _word_file(out)
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None:
        raise click.ClickException(f"Vacancy {vacancy_id} does not exist")
    context = CandidateTimetableContext(
        organisation_name=current_app.config["ORGANISATION_NAME"],
        vacancy_title=vacancy.title,
        location=vacancy.location,
        timetable=vacancy_timetable(vacancy),
    )
    write_export(out, candidate_timetable_bytes(context, PACK_REFERENCE))
    audit.record(
        "timetable.exported",
        vacancy,
        actor_label="command line",
        candidates=len(context.timetable.candidates),
    )
    db.session.commit()
    click.echo(f"Wrote {out}")
