"""``flask --app recruit retention purge [--dry-run] [--as-of YYYY-MM-DD]``.

Anonymises unsuccessful candidates once ``RETENTION_MONTHS`` have passed since the decision
(the rules: ``recruit.domain.retention``). Meant to run daily from cron or a scheduler;
``--dry-run`` lists exactly who would be anonymised and changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from recruit.domain.retention import Assessment, check_months, uk_day
from recruit.models._types import utcnow
from recruit.retention import PurgeResult, purge

retention_group = AppGroup("retention", help="Keep candidates' data no longer than needed.")

HEADERS = ("Code", "Vacancy", "Why", "Decided", "Due", "Removes")
# Long vacancy titles would push the table off a terminal; the number identifies it anyway.
TITLE_WIDTH = 40


@retention_group.command("purge")
@click.option(
    "--dry-run", is_flag=True, help="List the candidates that would be anonymised; change nothing."
)
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Apply the rules as on this day (YYYY-MM-DD), to preview a later date with "
    "--dry-run. A real run may not be dated after today. Default: today.",
)
@with_appcontext
def purge_command(dry_run: bool, as_of: datetime | None) -> None:
    """Anonymise unsuccessful candidates whose retention period (RETENTION_MONTHS) has run."""
    months = int(current_app.config["RETENTION_MONTHS"])
    try:
        check_months(months)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    today = uk_day(utcnow())
    day = as_of.date() if as_of is not None else today
    if not dry_run and day > today:
        # Looking ahead is for previews: a real run dated later would remove data early.
        raise click.ClickException(
            f"--as-of {day.isoformat()} is after today: use it with --dry-run to preview. "
            "Nothing was changed."
        )
    result = purge(day, months, dry_run=dry_run)
    click.echo(_heading(result))
    if result.due:
        click.echo(_table(result.due))
    if dry_run:
        click.echo("Dry run: nothing was changed")
        return
    for item in result.skipped:
        click.echo(f"Left {_who(item)} as they were: they are no longer due")
    click.echo(f"Anonymised {_count(len(result.anonymised))}")
    if result.failed:
        for item, problem in result.failed:
            click.echo(f"Could not anonymise {_who(item)} ({problem}): nothing of theirs changed")
        raise click.ClickException(f"{_count(len(result.failed))} could not be anonymised")


def _heading(result: PurgeResult) -> str:
    as_of = _day(result.as_of)
    if not result.due:
        return (
            f"No candidates are due for anonymisation as of {as_of} "
            f"(retention {result.months} months after the decision)."
        )
    return (
        f"{_count(len(result.due))} due for anonymisation as of {as_of} "
        f"(retention {result.months} months after the decision):"
    )


def _table(items: list[Assessment]) -> str:
    rows = [HEADERS] + [
        (
            item.record.code,
            _vacancy(item),
            item.reason,
            _day(item.decision_date),
            _day(item.due_date),
            item.record.stored_text.describe(),
        )
        for item in items
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADERS) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]))
    return "\n".join(lines)


def _vacancy(item: Assessment) -> str:
    title = " ".join(item.record.vacancy_title.split())  # one line, whatever was typed
    if len(title) > TITLE_WIDTH:
        title = title[: TITLE_WIDTH - 1] + "…"
    return f"{item.record.vacancy_id} {title}"


def _who(item: Assessment) -> str:
    return f"{item.record.code} of vacancy {item.record.vacancy_id}"


def _day(day: date) -> str:
    return day.isoformat()


def _count(number: int) -> str:
    return "1 candidate" if number == 1 else f"{number} candidates"
