"""``flask --app recruit equality report --from DATE --to DATE --out FILE``: the
fair-selection report for the vacancies closing in a period, as Word (.docx) or CSV (.csv),
for the council's annual equality report. The same figures as the page, small counts
hidden the same way; the audit log records who ran it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from recruit import audit
from recruit.cli._files import write_export
from recruit.domain.documents.equality_report import equality_report_bytes
from recruit.domain.equality.report_csv import report_csv
from recruit.equality.report import ReportFilters, build_report, document_context, scope_text
from recruit.extensions import db
from recruit.stages.packs import PACK_REFERENCE

equality_group = AppGroup("equality", help="Fair-selection monitoring.")


@equality_group.command("report")
@click.option(
    "--from",
    "closes_from",
    type=click.DateTime(["%Y-%m-%d"]),
    required=True,
    help="The first closing date counted, as 2026-04-01.",
)
@click.option(
    "--to",
    "closes_to",
    type=click.DateTime(["%Y-%m-%d"]),
    required=True,
    help="The last closing date counted, as 2027-03-31.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write: .docx for Word, .csv for the figures.",
)
@with_appcontext
def equality_report_command(closes_from: datetime, closes_to: datetime, out: Path) -> None:
    """Write the fair-selection report for vacancies closing between two dates."""
    # click.DateTime gives datetimes; the report counts closing dates.
    first, last = closes_from.date(), closes_to.date()
    if first > last:
        raise click.ClickException("--from must be on or before --to")
    suffix = out.suffix.lower()
    if suffix not in (".docx", ".csv"):
        raise click.ClickException("The output file must end in .docx or .csv")
    filters = ReportFilters(closes_from=first, closes_to=last)
    threshold = int(current_app.config["EQUALITY_SUPPRESSION_THRESHOLD"])
    if suffix == ".docx":
        context = document_context(
            filters,
            threshold,
            current_app.config["ORGANISATION_NAME"],
            scope_text(filters, None, None),
        )
        data = equality_report_bytes(context, PACK_REFERENCE)
        counted = context.candidates
    else:
        result = build_report(filters, threshold)
        text = report_csv(result.published, result.wres, result.likelihoods, result.impacts)
        data, counted = text.encode("utf-8"), result.candidates
    write_export(out, data)
    audit.record(
        "equality.report_exported",
        None,
        actor_label="command line",
        format=suffix.lstrip("."),
        filters=filters.described(),
    )
    db.session.commit()
    click.echo(f"Wrote the fair-selection report ({counted} candidates) to {out}")
