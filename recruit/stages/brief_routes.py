"""The candidate brief of a stage: the exercises whose brief goes to candidates before the
day, as one .docx for HR to send (HR and admin, as the packs: the stages blueprint's guard).
Built from the plan as issued, so what candidates read is what the panel scores against."""

from __future__ import annotations

from io import BytesIO

from flask import current_app, flash, redirect, send_file, url_for
from flask.typing import ResponseReturnValue

from recruit import audit
from recruit.bank_store import current_bank
from recruit.domain.documents.candidate_brief import (
    CandidateBriefContext,
    advance_briefs,
    candidate_brief_bytes,
    candidate_brief_filename,
)
from recruit.exports import DOCX_MIMETYPE
from recruit.stages import bp
from recruit.stages.access import stage_of
from recruit.stages.pack_exercises import pack_exercises
from recruit.stages.packs import PACK_REFERENCE


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/candidate-brief.docx")
def download_candidate_brief(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    packs_page = url_for("stages.packs_page", vacancy_id=vacancy.id, stage_id=stage.id)
    if stage.plan_issued_at is None:
        flash("Issue the plan first: the brief is made from the exercises as issued.", "info")
        return redirect(packs_page)
    exercises = advance_briefs(pack_exercises(stage, current_bank()))
    if not exercises:
        flash("No exercise at this stage sends its brief to candidates in advance.", "info")
        return redirect(packs_page)
    context = CandidateBriefContext(
        organisation_name=current_app.config["ORGANISATION_NAME"],
        vacancy_title=vacancy.title,
        stage_name=stage.name,
        stage_date=stage.held_on,
        location=vacancy.location,
        exercises=exercises,
    )
    data = candidate_brief_bytes(context, PACK_REFERENCE)
    audit.record_access("candidate_brief.exported", stage, exercises=len(exercises))
    return send_file(
        BytesIO(data),
        mimetype=DOCX_MIMETYPE,
        as_attachment=True,
        download_name=candidate_brief_filename(stage.name, vacancy.title),
    )
