"""``flask --app recruit export summary --vacancy ID [--stage ID] --out FILE``,
``flask --app recruit summary --vacancy ID --format json`` and
``flask --app recruit export comparison --vacancy ID --out FILE``.

Like the pages, these use only stages whose moderation is open: before that, no one sees
totals.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import with_appcontext

from recruit import audit
from recruit.cli._files import write_export
from recruit.cli.params import DATABASE_ID
from recruit.comparisons.briefing import briefing_docx
from recruit.comparisons.context import build_comparison
from recruit.domain.documents.scoring_summary.word import scoring_summary_docx_bytes
from recruit.domain.scoring.exports import raw_scores_csv, raw_scores_xlsx
from recruit.domain.scoring.json_document import results_document
from recruit.exports import SUMMARY_REFERENCE
from recruit.extensions import db
from recruit.models import Vacancy
from recruit.results.consolidation import (
    StageOutcome,
    moderated_stages,
    overall_results,
    values_floor,
)
from recruit.summaries.context import candidate_labels, raw_score_rows, summary_context

OUTPUTS = (".docx", ".csv", ".xlsx")


def _outcomes(vacancy_id: int, stage_id: int | None) -> tuple[Vacancy, list[StageOutcome]]:
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None:
        raise click.ClickException(f"Vacancy {vacancy_id} does not exist")
    outcomes = moderated_stages(vacancy)
    if stage_id is not None:
        if stage_id not in {stage.id for stage in vacancy.stages}:
            raise click.ClickException(f"Stage {stage_id} is not a stage of vacancy {vacancy_id}")
        outcomes = [outcome for outcome in outcomes if outcome.stage.id == stage_id]
        if not outcomes:
            raise click.ClickException(
                f"Stage {stage_id} has not reached moderation: its scores stay hidden until "
                "every member submits or the chair closes scoring"
            )
    return vacancy, outcomes


@click.command("summary")
@click.option(
    "--vacancy", "vacancy_id", type=DATABASE_ID, required=True, help="The vacancy's number."
)
@click.option(
    "--stage", "stage_id", type=DATABASE_ID, help="Only this stage (default: every stage)."
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write: .docx for the summary, .csv or .xlsx for the raw scores.",
)
@with_appcontext
def export_summary_command(vacancy_id: int, stage_id: int | None, out: Path) -> None:
    """The panel scoring summary as Word, or the raw scores as CSV or Excel."""
    suffix = out.suffix.lower()
    if suffix not in OUTPUTS:
        raise click.ClickException("The output file must end in .docx, .csv or .xlsx")
    vacancy, outcomes = _outcomes(vacancy_id, stage_id)
    if suffix == ".docx":
        context = summary_context(vacancy, outcomes)
        write_export(out, scoring_summary_docx_bytes(context, SUMMARY_REFERENCE))
    elif suffix == ".csv":
        write_export(out, raw_scores_csv(raw_score_rows(vacancy, outcomes)).encode("utf-8-sig"))
    else:
        write_export(out, raw_scores_xlsx(raw_score_rows(vacancy, outcomes)))
    action = "summary.exported" if suffix == ".docx" else "scores.exported"
    audit.record(action, vacancy, actor_label="command line", stages=[o.stage.id for o in outcomes])
    db.session.commit()
    click.echo(f"Wrote {out} ({len(outcomes)} {'stage' if len(outcomes) == 1 else 'stages'})")


@click.command("summary")
@click.option(
    "--vacancy", "vacancy_id", type=DATABASE_ID, required=True, help="The vacancy's number."
)
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@with_appcontext
def summary_command(vacancy_id: int, fmt: str) -> None:
    """Print the consolidated results of every moderated stage, and the decision's (the
    deciding stage's results, under "overall")."""
    vacancy, outcomes = _outcomes(vacancy_id, None)
    document = results_document(
        {"id": vacancy.id, "title": vacancy.title},
        [outcome.result for outcome in outcomes],
        overall_results(outcomes) if len(outcomes) > 1 else None,
        candidate_labels(outcomes),
        {
            outcome.stage.name: {key: seat.user.full_name for key, seat in outcome.seats.items()}
            for outcome in outcomes
        },
        values_floor(),
    )
    audit.record("summary.exported", vacancy, actor_label="command line", format=fmt)
    db.session.commit()
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


@click.command("comparison")
@click.option(
    "--vacancy", "vacancy_id", type=DATABASE_ID, required=True, help="The vacancy's number."
)
@click.option(
    "--candidate",
    "codes",
    multiple=True,
    help="A candidate's code to compare (repeat it); default: the shortlist.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The .docx file to write.",
)
@with_appcontext
def export_comparison_command(vacancy_id: int, codes: tuple[str, ...], out: Path) -> None:
    """The DCS briefing pack: the shortlist compared, as Word."""
    if out.suffix.lower() != ".docx":
        raise click.ClickException("The output file must end in .docx")
    vacancy, outcomes = _outcomes(vacancy_id, None)
    view = build_comparison(vacancy, outcomes, None, codes)
    data, _name = briefing_docx(view)
    write_export(out, data)
    audit.record(
        "comparison.exported", vacancy, actor_label="command line", candidates=list(view.chosen)
    )
    db.session.commit()
    click.echo(f"Wrote {out} ({len(view.comparison.candidates)} candidates compared)")
