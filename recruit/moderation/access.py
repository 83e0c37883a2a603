"""What the moderation views share: where they live, who may open them, and how a
candidate is labelled for the person looking."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort
from flask_login import current_user
from sqlalchemy import select
from wtforms import Field

from recruit.extensions import db
from recruit.form_fields import saved_since_loaded
from recruit.models import (
    AdvisoryReport,
    Candidate,
    CandidateDecision,
    PanelRole,
    PanelSeat,
    Role,
    Stage,
)
from recruit.presentation import govuk_time
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


def saved_meanwhile(
    version_field: Field, record: CandidateDecision | AdvisoryReport | None, what: str
) -> str | None:
    """The message for a save that lost a race on ``record`` (a candidate's moderation record
    or report), naming who saved it and when; None if nobody saved it since the form loaded."""
    if not saved_since_loaded(version_field, record.lock_version if record else None):
        return None
    who = record.recorded_by.full_name if record and record.recorded_by else "Someone"
    when = govuk_time(record.recorded_at) if record else ""
    return (
        f"{who} saved this candidate's {what} at {when} while you were editing. "
        "Your entries are below and have not been saved: check them, then save again."
    )
