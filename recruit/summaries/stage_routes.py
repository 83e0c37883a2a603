"""One stage's page of the panel scoring summary, and one candidate's details at a stage.

The stage page reads the stage's result alone (ranks, figures, flags, agreement); only a
candidate's details read scores and moderation rows, and only that candidate's. A stage
this user may not see, or not yet in moderation, is sent back to the summary as the
downloads are; a candidate not scored at the stage is a 404.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from recruit.authorisation import login_required
from recruit.domain.documents.scoring_summary.text import moderation_closed_text, rank_texts
from recruit.domain.scoring import strongest_evidence
from recruit.models import Role, Stage, Vacancy
from recruit.results import sheets
from recruit.results.consolidation import (
    StageOutcome,
    attribute_names,
    candidate_counted_scores,
    consolidate_stage,
    short_names,
    unplanned,
)
from recruit.results.visibility import names_shown_to
from recruit.summaries import bp
from recruit.summaries.access import not_ready, require_records, summary_pages
from recruit.summaries.context import candidate_labels, moderation_from_rows
from recruit.summaries.queries import (
    candidate_moderation_rows,
    results_vacancy,
    visible_stages,
)


@bp.route("/vacancies/<int:vacancy_id>/summary/stages/<int:stage_id>")
@login_required
def stage_summary(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy = results_vacancy(vacancy_id)
    require_records(vacancy, stage_id)
    stages = visible_stages(vacancy)
    stage = next((stage for stage in stages if stage.id == stage_id), None)
    if stage is None:
        return not_ready(vacancy)
    outcome = consolidate_stage(stage)
    labels = candidate_labels([outcome], names_shown_to(current_user, vacancy))
    return render_template(
        "summaries/stage.html",
        vacancy=vacancy,
        outcome=outcome,
        pages=summary_pages(vacancy, stages),
        not_assessed=tuple(unplanned(outcome)),
        moderation_closed=_moderation_closed(stage),
        names=attribute_names(),
        short_names=short_names(),
        label_for=lambda code: labels.get(code, code),
        details_url=_details_url(vacancy, outcome),
        may_moderate=current_user.role in (Role.HR, Role.ADMIN),
    )


def _moderation_closed(stage: Stage) -> str:
    moderation = sheets.moderation_for(stage)
    closed_at = moderation.closed_at if moderation else None
    closed_by = moderation.closed_by.full_name if moderation and moderation.closed_by else ""
    return moderation_closed_text(closed_at, closed_by)


def _details_url(vacancy: Vacancy, outcome: StageOutcome) -> Callable[[str], str]:
    ids = {code: candidate.id for code, candidate in outcome.candidates.items()}
    return lambda code: url_for(
        "summaries.candidate_summary",
        vacancy_id=vacancy.id,
        stage_id=outcome.stage.id,
        candidate_id=ids[code],
    )


@bp.route("/vacancies/<int:vacancy_id>/summary/stages/<int:stage_id>/candidates/<int:candidate_id>")
@login_required
def candidate_summary(vacancy_id: int, stage_id: int, candidate_id: int) -> ResponseReturnValue:
    vacancy = results_vacancy(vacancy_id)
    require_records(vacancy, stage_id, candidate_id)
    stage = next((stage for stage in visible_stages(vacancy) if stage.id == stage_id), None)
    if stage is None:
        return not_ready(vacancy)
    outcome = consolidate_stage(stage)
    code, place = _place(outcome, candidate_id)
    labels = candidate_labels([outcome], names_shown_to(current_user, vacancy))
    scores = candidate_counted_scores(stage, outcome.candidates[code])
    names = attribute_names()
    agreed, decisions = candidate_moderation_rows(stage, outcome.candidates[code])
    return render_template(
        "summaries/candidate.html",
        vacancy=vacancy,
        outcome=outcome,
        candidate=outcome.candidates[code],
        label=labels.get(code, code),
        standing=outcome.result.candidates[place],
        rank=rank_texts(outcome.result.candidates)[place],
        not_assessed=tuple(unplanned(outcome)),
        evidence={key: strongest_evidence(scores, code, key) for key in names},
        record=moderation_from_rows(outcome.candidates, agreed, decisions).get(code),
        member_names={key: seat.user.full_name for key, seat in outcome.seats.items()},
        names=names,
        short_names=short_names(),
    )


def _place(outcome: StageOutcome, candidate_id: int) -> tuple[str, int]:
    """The candidate's code and place in the stage's results, or a 404 if not scored there."""
    code = next((c for c, found in outcome.candidates.items() if found.id == candidate_id), None)
    codes = [result.candidate for result in outcome.result.candidates]
    if code is None or code not in codes:
        abort(404)
    return code, codes.index(code)
