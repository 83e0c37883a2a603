"""``flask --app recruit export pack --vacancy ID --stage ID --out FILE [--all-members]``."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from recruit import audit
from recruit.bank_store import current_bank
from recruit.cli._files import write_export
from recruit.cli.params import DATABASE_ID
from recruit.extensions import db
from recruit.models import Stage, Vacancy
from recruit.stages.packs import (
    PackNotReady,
    chair_pack,
    pack_docx_bytes,
    packs_zip_bytes,
    stage_packs,
)


@click.command("pack")
@click.option(
    "--vacancy", "vacancy_id", type=DATABASE_ID, required=True, help="The vacancy's number."
)
@click.option("--stage", "stage_id", type=DATABASE_ID, required=True, help="The stage's number.")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write: .docx for the chair's pack, .zip with --all-members.",
)
@click.option(
    "--all-members",
    is_flag=True,
    help="Write every panel member's pack and the chair's as one .zip.",
)
@with_appcontext
def pack_command(vacancy_id: int, stage_id: int, out: Path, all_members: bool) -> None:
    """The chair's interview pack for a stage, or with --all-members every member's pack."""
    expected = ".zip" if all_members else ".docx"
    if out.suffix.lower() != expected:
        raise click.ClickException(
            f"The output file must end in {expected}"
            + (" when you use --all-members" if all_members else " (or use --all-members and .zip)")
        )
    vacancy, stage = _vacancy_and_stage(vacancy_id, stage_id)
    try:
        packs = stage_packs(vacancy, stage, current_bank(), current_app.config["ORGANISATION_NAME"])
    except PackNotReady as problem:
        raise click.ClickException(f"Stage {stage_id}: {problem.message}") from None
    if all_members:
        write_export(out, packs_zip_bytes([pack.context for pack in packs]))
    else:
        write_export(out, pack_docx_bytes(chair_pack(packs).context))
    audit.record(
        "pack.exported",
        stage,
        actor_label="command line",
        vacancy_id=vacancy.id,
        pack="all" if all_members else "chair",
        packs=len(packs) if all_members else 1,
    )
    db.session.commit()
    click.echo(f"Wrote {out}")


def _vacancy_and_stage(vacancy_id: int, stage_id: int) -> tuple[Vacancy, Stage]:
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None:
        raise click.ClickException(f"Vacancy {vacancy_id} does not exist")
    stage = db.session.get(Stage, stage_id)
    if stage is None:
        raise click.ClickException(f"Stage {stage_id} does not exist")
    if stage.vacancy_id != vacancy.id:
        raise click.ClickException(f"Stage {stage_id} belongs to another vacancy, not {vacancy_id}")
    return vacancy, stage


def register(export_group: AppGroup) -> None:
    """Add ``pack`` to the ``export`` command group."""
    export_group.add_command(pack_command)
