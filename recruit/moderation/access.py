"""What the moderation views share: where they live, who may open them, and how a
candidate is labelled for the person looking."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import Candidate, PanelRole, PanelSeat, Role, Stage
from recruit.results import sheets

BASE = "/vacancies/<int:vacancy_id>/stages/<int:stage_id>/moderation"


def stage_for_moderation(vacancy_id: int, stage_id: int) -> Stage:
    """The stage, if the current user chairs it or works in HR or admin; else a 404."""
    stage = db.session.get(Stage, stage_id)
    if stage is None or stage.vacancy_id != vacancy_id:
        abort(404)
    if current_user.role in (Role.HR, Role.ADMIN):
        return stage
    chair = db.session.scalar(
        select(PanelSeat.id).where(
            PanelSeat.stage_id == stage.id,
            PanelSeat.user_id == current_user.id,
            PanelSeat.panel_role == PanelRole.CHAIR,
        )
    )
    if chair is None:
        abort(404)
    return stage


def label_for_viewer(stage: Stage) -> Callable[[Candidate], str]:
    show = current_user.role in (Role.HR, Role.ADMIN) or sheets.names_visible_to_panel(stage)
    return lambda candidate: sheets.candidate_label(candidate, show)
