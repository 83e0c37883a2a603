"""The panel scoring summary: the all-stages page (each stage at a glance, and the
decision), the Word document, raw scores as CSV and XLSX, and each candidate's radar chart.
Each stage's page and each candidate's details are in ``stage_routes``.

Stages appear once their moderation is open. HR, admin and reviewers see every such stage;
a panel member sees the stages they sit on; anyone else gets a 404.
"""

from __future__ import annotations

from io import BytesIO

from flask import abort, render_template, send_file
from flask.typing import ResponseReturnValue
from flask_login import current_user

from recruit import audit
from recruit.authorisation import login_required
from recruit.bank_store import current_bank
from recruit.domain.documents.scoring_summary.word import (
    scoring_summary_docx_bytes,
    summary_filename,
)
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.domain.scoring.agreement import MIN_AGREEMENT_MEMBERS, MIN_AGREEMENT_UNITS
from recruit.domain.scoring.charts import radar_png
from recruit.domain.scoring.exports import raw_scores_csv, raw_scores_xlsx
from recruit.exports import SUMMARY_REFERENCE
from recruit.models import Role, Vacancy
from recruit.results.consolidation import (
    StageOutcome,
    attribute_names,
    deciding_outcome,
    overall_results,
    short_names,
    unplanned,
)
from recruit.results.visibility import names_shown_to
from recruit.summaries import bp
from recruit.summaries.access import not_ready, summary_pages
from recruit.summaries.context import candidate_labels, raw_score_rows, summary_context
from recruit.summaries.glance import glance_rows
from recruit.summaries.queries import (
    results_vacancy,
    visible_outcome,
    visible_outcomes,
)

# For the agreement section (templates/macros/scoring.html), on this page and at moderation.
bp.record_once(
    lambda state: state.app.jinja_env.globals.update(
        MIN_AGREEMENT_UNITS=MIN_AGREEMENT_UNITS, MIN_AGREEMENT_MEMBERS=MIN_AGREEMENT_MEMBERS
    )
)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.route("/vacancies/<int:vacancy_id>/summary")
@login_required
def summary(vacancy_id: int) -> ResponseReturnValue:
    """Every visible stage at a glance, and the decision; each stage's page has its detail."""
    vacancy = results_vacancy(vacancy_id)
    outcomes = visible_outcomes(vacancy)
    labels = candidate_labels(outcomes, names_shown_to(current_user, vacancy))
    ordered = sorted(outcomes, key=lambda outcome: not outcome.result.deciding)
    not_assessed = {outcome.stage.id: tuple(unplanned(outcome)) for outcome in ordered}
    return render_template(
        "summaries/summary.html",
        vacancy=vacancy,
        outcomes=ordered,
        pages=summary_pages(vacancy, [outcome.stage for outcome in outcomes]),
        glances={
            outcome.stage.id: glance_rows(
                outcome.result.candidates,
                {code: c.id for code, c in outcome.candidates.items()},
                not_assessed[outcome.stage.id],
            )
            for outcome in ordered
        },
        overall=overall_results(outcomes) if len(outcomes) > 1 else None,
        deciding=deciding_outcome(outcomes),
        not_assessed_anywhere=_not_assessed_anywhere(ordered, not_assessed),
        names=attribute_names(),
        short_names=short_names(),
        label_for=lambda code: labels.get(code, code),
        may_moderate=current_user.role in (Role.HR, Role.ADMIN),
    )


def _not_assessed_anywhere(
    ordered: list[StageOutcome], not_assessed: dict[int, tuple[str, ...]]
) -> tuple[str, ...]:
    """The attributes no stage's plan asks about, in display order: the overall table leaves
    them out, as each stage's table leaves out its own."""
    if not ordered:
        return ()
    everywhere = set.intersection(*(set(keys) for keys in not_assessed.values()))
    return tuple(key for key in not_assessed[ordered[0].stage.id] if key in everywhere)


@bp.route("/vacancies/<int:vacancy_id>/summary.docx")
@login_required
def download_summary(vacancy_id: int) -> ResponseReturnValue:
    vacancy = results_vacancy(vacancy_id)
    return _summary_download(vacancy, visible_outcomes(vacancy))


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/summary.docx")
@login_required
def download_stage_summary(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy = results_vacancy(vacancy_id)
    outcome = visible_outcome(vacancy, stage_id)
    if outcome is None:
        return not_ready(vacancy)
    return _summary_download(vacancy, [outcome])


def _summary_download(vacancy: Vacancy, outcomes: list[StageOutcome]) -> ResponseReturnValue:
    context = summary_context(vacancy, outcomes, names_shown_to(current_user, vacancy))
    data = scoring_summary_docx_bytes(context, SUMMARY_REFERENCE)
    audit.record_access(
        "summary.exported", vacancy, stages=[outcome.stage.id for outcome in outcomes]
    )
    return send_file(
        BytesIO(data), as_attachment=True, download_name=summary_filename(context), mimetype=DOCX
    )


@bp.route("/vacancies/<int:vacancy_id>/scores.<any(csv, xlsx):fmt>")
@login_required
def download_scores(vacancy_id: int, fmt: str) -> ResponseReturnValue:
    vacancy = results_vacancy(vacancy_id)
    rows = raw_score_rows(vacancy, visible_outcomes(vacancy), names_shown_to(current_user, vacancy))
    name, _ = safe_download_filename(f"Raw scores - {vacancy.title}", fmt)
    # Built before it is recorded: a download that fails to build is not an export.
    if fmt == "csv":
        data = raw_scores_csv(rows).encode("utf-8-sig")  # Excel reads UTF-8 with a BOM
    else:
        data = raw_scores_xlsx(rows)
    audit.record_access("scores.exported", vacancy, format=fmt, rows=len(rows))
    mimetype = "text/csv" if fmt == "csv" else XLSX
    return send_file(BytesIO(data), as_attachment=True, download_name=name, mimetype=mimetype)


@bp.route(
    "/vacancies/<int:vacancy_id>/stages/<int:stage_id>/candidates/<int:candidate_id>/radar.png"
)
@login_required
def radar(vacancy_id: int, stage_id: int, candidate_id: int) -> ResponseReturnValue:
    vacancy = results_vacancy(vacancy_id)
    outcome = visible_outcome(vacancy, stage_id)
    if outcome is None:
        return not_ready(vacancy)
    code = next((c for c, found in outcome.candidates.items() if found.id == candidate_id), None)
    standing = next((c for c in outcome.result.candidates if c.candidate == code), None)
    if standing is None:
        abort(404)
    axes = [attribute.short_name or attribute.name for attribute in current_bank().attributes]
    series = [("Panel", [standing.attribute(key).result for key in attribute_names()])]
    png = radar_png(axes, series)
    return send_file(BytesIO(png), mimetype="image/png", download_name="radar.png")
