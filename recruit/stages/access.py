"""What the stage views share: a stage of a vacancy, or a 404."""

from __future__ import annotations

from flask import abort

from recruit.extensions import db
from recruit.models import Stage, Vacancy


def stage_of(vacancy_id: int, stage_id: int) -> tuple[Vacancy, Stage]:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    stage = db.session.get(Stage, stage_id)
    if stage is None or stage.vacancy_id != vacancy.id:
        abort(404)
    return vacancy, stage
