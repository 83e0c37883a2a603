"""The vacancy's timetable: every panel's day by date, any clash, and the candidates'
timetables as one .docx (HR and admin, as for the packs: the stages blueprint's guard).

The timetables carry candidates' names: built in memory for each download, never stored,
and every download is recorded in the audit log.
"""

from __future__ import annotations

from io import BytesIO

from flask import current_app, render_template, send_file
from flask.typing import ResponseReturnValue

from recruit import audit
from recruit.domain.documents.candidate_timetable import (
    CandidateTimetableContext,
    candidate_timetable_bytes,
    candidate_timetable_filename,
)
from recruit.domain.timetable import day_grid
from recruit.exports import DOCX_MIMETYPE
from recruit.extensions import db
from recruit.models import Vacancy
from recruit.stages import bp
from recruit.stages.packs import PACK_REFERENCE, vacancy_timetable


@bp.route("/vacancies/<int:vacancy_id>/timetable")
def timetable_page(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    timetable = vacancy_timetable(vacancy)
    return render_template(
        "stages/timetable.html",
        vacancy=vacancy,
        timetable=timetable,
        grids=[day_grid(timetable, held_on) for held_on in timetable.dates],
        undated=[schedule for schedule in timetable.stages if schedule.stage.held_on is None],
    )


@bp.route("/vacancies/<int:vacancy_id>/timetable.docx")
def download_timetable(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    context = CandidateTimetableContext(
        organisation_name=current_app.config["ORGANISATION_NAME"],
        vacancy_title=vacancy.title,
        location=vacancy.location,
        timetable=vacancy_timetable(vacancy),
    )
    data = candidate_timetable_bytes(context, PACK_REFERENCE)
    audit.record_access("timetable.exported", vacancy, candidates=len(context.timetable.candidates))
    return send_file(
        BytesIO(data),
        mimetype=DOCX_MIMETYPE,
        as_attachment=True,
        download_name=candidate_timetable_filename(vacancy.title),
    )
