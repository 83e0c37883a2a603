"""``flask --app recruit sar CANDIDATE_ID --out FILE.zip``: a subject access export.

The zip holds ``subject-access.json`` and ``subject-access.docx``: everything held about
one candidate, and nothing about anyone else (see ``recruit.subject_access``). The file is
written readable by its owner only, and the export is recorded in the audit trail.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import func, select

from recruit import audit
from recruit.cli._files import write_export
from recruit.cli.params import DATABASE_ID
from recruit.extensions import db
from recruit.models import Candidate
from recruit.subject_access import DOCX_NAME, JSON_NAME, CandidateNotFound, build_subject_access

_OWNER_ONLY = 0o600


@click.command("sar")
@click.argument("candidate_id", type=DATABASE_ID)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The .zip file to write.",
)
@with_appcontext
def sar_command(candidate_id: int, out: Path) -> None:
    """Export everything held about candidate CANDIDATE_ID, for a subject access request."""
    if out.suffix.lower() != ".zip":
        raise click.ClickException("The output file must end in .zip")
    try:
        export = build_subject_access(candidate_id)
    except CandidateNotFound as error:
        raise click.ClickException(f"{error}: nothing was written") from None
    data = export.zip_bytes()
    # Only the file's owner may read it: it is all personal data.
    write_export(out, data, mode=_OWNER_ONLY)
    audit.record("sar.exported", export.candidate, actor_label="command line")
    db.session.commit()
    candidate = export.candidate
    stages = len(export.document["stages"])
    sheets = sum(len(stage["score_sheets"]) for stage in export.document["stages"])
    click.echo(
        f"Wrote {out} ({JSON_NAME} and {DOCX_NAME}) for candidate {candidate.id} "
        f"({candidate.code}): {stages} {'stage' if stages == 1 else 'stages'}, "
        f"{sheets} score {'sheet' if sheets == 1 else 'sheets'}"
    )
    others = _same_email(candidate)
    if others:
        listed = ", ".join(str(number) for number in others)
        click.echo(
            f"Candidate records {listed} have the same email address: if they are the same "
            "person, export them too."
        )


def _same_email(candidate: Candidate) -> list[int]:
    """Other candidate records (other vacancies) with this email: perhaps the same person."""
    return list(
        db.session.scalars(
            select(Candidate.id)
            .where(
                func.lower(Candidate.email) == candidate.email.lower(),
                Candidate.id != candidate.id,
            )
            .order_by(Candidate.id)
        )
    )
