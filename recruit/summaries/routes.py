"""The panel scoring summary: a page per vacancy (a tab per stage, the deciding panel's first,
and one for the decision), the Word document, raw scores as CSV and XLSX, and each
candidate's radar chart.

Stages appear once their moderation is open. HR, admin and reviewers see every such stage;
a panel member sees the stages they sit on; anyone else gets a 404.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO

from flask import abort, flash, redirect, render_template, send_file, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from recruit import audit
from recruit.authorisation import login_required
from recruit.bank_store import current_bank
from recruit.domain.documents.scoring_summary.model import CandidateModeration
from recruit.domain.documents.scoring_summary.text import moderation_closed_text
from recruit.domain.documents.scoring_summary.word import (
    scoring_summary_docx_bytes,
    summary_filename,
)
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.domain.scoring import strongest_evidence
from recruit.domain.scoring.agreement import MIN_AGREEMENT_MEMBERS, MIN_AGREEMENT_UNITS
from recruit.domain.scoring.charts import radar_png
from recruit.domain.scoring.exports import raw_scores_csv, raw_scores_xlsx
from recruit.domain.scoring.model import QuestionScore
from recruit.exports import SUMMARY_REFERENCE
from recruit.lean_html import indent_lines
from recruit.models import Role, Vacancy
from recruit.results import sheets
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
from recruit.summaries.context import (
    candidate_labels,
    moderation_records,
    raw_score_rows,
    summary_context,
)
from recruit.summaries.queries import (
    results_vacancy,
    visible_outcome,
    visible_outcomes,
)

# For the lean tabs macro (templates/macros/tabs.html).
bp.add_app_template_filter(indent_lines, "indent_lines")
# For the agreement section (templates/macros/scoring.html), on this page and at moderation.
bp.record_once(
    lambda state: state.app.jinja_env.globals.update(
        MIN_AGREEMENT_UNITS=MIN_AGREEMENT_UNITS, MIN_AGREEMENT_MEMBERS=MIN_AGREEMENT_MEMBERS
    )
)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class StageShown:
    """One stage's tab on the summary page, with the lookups its loops need worked out once."""

    outcome: StageOutcome
    not_assessed: tuple[str, ...]
    moderation: dict[str, CandidateModeration]
    member_names: dict[str, str]
    moderation_closed: str  # when moderation closed, and by whom, or that it is open


def _stage_shown(outcome: StageOutcome) -> StageShown:
    moderation = sheets.moderation_for(outcome.stage)
    closed_at = moderation.closed_at if moderation else None
    closed_by = moderation.closed_by.full_name if moderation and moderation.closed_by else ""
    return StageShown(
        outcome=outcome,
        not_assessed=tuple(unplanned(outcome)),
        moderation=moderation_records(outcome),
        member_names={key: seat.user.full_name for key, seat in outcome.seats.items()},
        moderation_closed=moderation_closed_text(closed_at, closed_by),
    )


@bp.route("/vacancies/<int:vacancy_id>/summary")
@login_required
def summary(vacancy_id: int) -> ResponseReturnValue:
    vacancy = results_vacancy(vacancy_id)
    outcomes = visible_outcomes(vacancy)
    labels = candidate_labels(outcomes, names_shown_to(current_user, vacancy))
    # The deciding panel first, then the advisory panels, as in the Word summary.
    ordered = sorted(outcomes, key=lambda outcome: not outcome.result.deciding)
    stages_shown = [_stage_shown(outcome) for outcome in ordered]
    # The page shows less than the Word summary (no sign-off, no evidence per question),
    # so it builds only what it shows.
    return render_template(
        "summaries/summary.html",
        vacancy=vacancy,
        outcomes=outcomes,
        stages_shown=stages_shown,
        overall=overall_results(outcomes) if len(outcomes) > 1 else None,
        deciding=deciding_outcome(outcomes),
        not_assessed_anywhere=_not_assessed_anywhere(stages_shown),
        names=attribute_names(),
        short_names=short_names(),
        label_for=lambda code: labels.get(code, code),
        evidence=_evidence_finder(outcomes),
        may_moderate=current_user.role in (Role.HR, Role.ADMIN),
    )


def _not_assessed_anywhere(stages_shown: list[StageShown]) -> tuple[str, ...]:
    """The attributes no stage's plan asks about, in display order: the overall table leaves
    them out, as each stage's table leaves out its own."""
    if not stages_shown:
        return ()
    everywhere = set.intersection(*(set(shown.not_assessed) for shown in stages_shown))
    return tuple(key for key in stages_shown[0].not_assessed if key in everywhere)


def _evidence_finder(
    outcomes: list[StageOutcome],
) -> Callable[[StageOutcome, str, str], tuple[QuestionScore, ...]]:
    """``strongest_evidence`` for the page, each stage's scores grouped by candidate and
    attribute once: filtering every score for each candidate and attribute was quadratic.
    Grouping keeps the scores' order, so the notes chosen are the same."""
    groups: dict[int, dict[tuple[str, str], list[QuestionScore]]] = {}
    for outcome in outcomes:
        grouped = groups.setdefault(outcome.stage.id, {})
        for score in outcome.scores.scores:
            grouped.setdefault((score.candidate, score.attribute), []).append(score)

    def find(outcome: StageOutcome, code: str, key: str) -> tuple[QuestionScore, ...]:
        return strongest_evidence(groups[outcome.stage.id].get((code, key), ()), code, key)

    return find


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
        return _not_ready(vacancy)
    return _summary_download(vacancy, [outcome])


def _not_ready(vacancy: Vacancy) -> ResponseReturnValue:
    flash("That stage has no summary yet: it appears once moderation opens.", "info")
    return redirect(url_for(".summary", vacancy_id=vacancy.id))


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
        return _not_ready(vacancy)
    code = next((c for c, found in outcome.candidates.items() if found.id == candidate_id), None)
    standing = next((c for c in outcome.result.candidates if c.candidate == code), None)
    if standing is None:
        abort(404)
    axes = [attribute.short_name or attribute.name for attribute in current_bank().attributes]
    series = [("Panel", [standing.attribute(key).result for key in attribute_names()])]
    png = radar_png(axes, series)
    return send_file(BytesIO(png), mimetype="image/png", download_name="radar.png")
