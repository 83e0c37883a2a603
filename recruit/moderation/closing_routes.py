"""Closing moderation, which locks every record of the stage, and reopening it with a reason.

Added to the moderation blueprint (see recruit/__init__.py). The chair closes moderation once
every candidate has an outcome and no record waits to be confirmed; HR or admin may close it
for the panel, giving the reason. Reopening always needs a reason, kept in the audit log.
"""

from __future__ import annotations

from typing import cast

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from recruit import audit
from recruit.authorisation import login_required
from recruit.extensions import db
from recruit.form_fields import saved_since_loaded
from recruit.models import PanelRole, Stage, StageModeration
from recruit.models._types import utcnow
from recruit.moderation import bp
from recruit.moderation.access import BASE, label_for_viewer, stage_for_moderation
from recruit.moderation.forms import CloseModerationForm, ReopenModerationForm
from recruit.moderation.state import changed_records, undecided
from recruit.results import sheets
from recruit.results.consolidation import consolidate_stage


@bp.route(f"{BASE}/finish", methods=["GET", "POST"])
@login_required
def close_moderation(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    stage = stage_for_moderation(vacancy_id, stage_id)
    moderation = sheets.moderation_for(stage)
    if moderation is None or moderation.is_closed:
        return _back_to_moderation(stage)
    outcome = consolidate_stage(stage)
    waiting, changed = undecided(outcome), sorted(changed_records(outcome))
    form = CloseModerationForm(data={"lock_version": str(moderation.lock_version)})
    form.reason_required = not _chairs(stage)
    if not waiting and not changed and form.validate_on_submit():
        if not saved_since_loaded(form.lock_version, moderation.lock_version):
            return _close(stage, moderation, (form.reason.data or "").strip())
        flash("Someone changed moderation at this stage while you were on this page.", "info")
    label = label_for_viewer(stage)
    return render_template(
        "moderation/finish.html",
        stage=stage,
        form=form,
        waiting=[label(outcome.candidates[code]) for code in waiting],
        changed=[label(outcome.candidates[code]) for code in changed],
    )


def _close(stage: Stage, moderation: StageModeration, reason: str) -> ResponseReturnValue:
    moderation.closed_at = utcnow()
    moderation.closed_by_id = current_user.id
    moderation.close_reason = reason or None
    audit.record("moderation.closed", stage, reason=reason, by_chair=_chairs(stage))
    return _commit_or_explain(stage, "Moderation is closed: its records are locked.")


@bp.route(f"{BASE}/reopen", methods=["GET", "POST"])
@login_required
def reopen_moderation(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    stage = stage_for_moderation(vacancy_id, stage_id)
    moderation = sheets.moderation_for(stage)
    if moderation is None:
        return _back_to_moderation(stage)
    form = ReopenModerationForm(data={"lock_version": str(moderation.lock_version)})
    if not moderation.is_closed:
        if form.is_submitted():
            return _back_to_moderation(stage)
    elif form.validate_on_submit() and not saved_since_loaded(
        form.lock_version, moderation.lock_version
    ):
        closed_at = moderation.closed_at
        moderation.closed_at = None
        moderation.closed_by_id = None
        moderation.close_reason = None
        audit.record(
            "moderation.reopened",
            stage,
            reason=cast(str, form.reason.data).strip(),  # InputRequired: validated, it is text
            closed_at=closed_at.isoformat() if closed_at else None,
        )
        return _commit_or_explain(stage, "Moderation is open again: records can be changed.")
    return render_template("moderation/reopen.html", stage=stage, form=form, moderation=moderation)


def _chairs(stage: Stage) -> bool:
    return any(
        seat.user_id == current_user.id and seat.panel_role is PanelRole.CHAIR
        for seat in stage.seats
    )


def _commit_or_explain(stage: Stage, done: str) -> ResponseReturnValue:
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash("Someone else closed or reopened moderation at the same moment.", "info")
    else:
        flash(done, "success")
    return _back_to_moderation(stage)


def _back_to_moderation(stage: Stage) -> ResponseReturnValue:
    return redirect(url_for(".index", vacancy_id=stage.vacancy_id, stage_id=stage.id))
