"""A panel member's own interviews: the stages they sit on, their pack, conflicts of interest.

Everyone sees only the stages where they hold a seat; any other stage or candidate is a 404,
so the pages never confirm that a vacancy exists to someone outside its panels.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import cast

from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    send_file,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from recruit import audit
from recruit.authorisation import login_required
from recruit.bank_store import current_bank
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.extensions import db
from recruit.interviews import bp
from recruit.interviews.forms import ConflictForm
from recruit.models import (
    Candidate,
    ConflictOfInterest,
    PanelSeat,
    ScoreSheet,
    Stage,
)
from recruit.results import sheets
from recruit.stages.packs import PackNotReady, pack_docx_bytes, stage_packs


def _my_seat(stage_id: int) -> PanelSeat:
    seat = db.session.scalar(
        select(PanelSeat).where(
            PanelSeat.stage_id == stage_id, PanelSeat.user_id == current_user.id
        )
    )
    if seat is None:
        abort(404)
    return seat


@bp.route("/interviews")
@login_required
def index() -> ResponseReturnValue:
    seats = db.session.scalars(select(PanelSeat).where(PanelSeat.user_id == current_user.id)).all()
    conflicts = set(
        db.session.scalars(
            select(ConflictOfInterest.candidate_id).where(
                ConflictOfInterest.user_id == current_user.id
            )
        )
    )
    return render_template(
        "interviews/index.html",
        seats=sorted(seats, key=lambda s: (s.stage.vacancy_id, s.stage.position)),
        sheets=_my_sheets(seats),
        conflicts=conflicts,
        scores=lambda seat: seat.panel_role not in sheets.NON_SCORING_ROLES,
        names_visible=sheets.names_visible_to_panel,
        moderation_open=sheets.moderation_is_open,
        label=sheets.candidate_label,
        active=lambda c: c.status.takes_part,
    )


def _my_sheets(seats: Sequence[PanelSeat]) -> dict[tuple[int, int], ScoreSheet]:
    """The member's own sheets, by (stage id, candidate id)."""
    found = db.session.scalars(
        select(ScoreSheet).where(ScoreSheet.seat_id.in_([seat.id for seat in seats]))
    )
    return {(sheet.seat.stage_id, sheet.candidate_id): sheet for sheet in found}


@bp.route("/interviews/<int:stage_id>/pack.docx")
@login_required
def my_pack(stage_id: int) -> ResponseReturnValue:
    seat = _my_seat(stage_id)
    stage: Stage = seat.stage
    try:
        packs = stage_packs(
            stage.vacancy, stage, current_bank(), current_app.config["ORGANISATION_NAME"]
        )
    except PackNotReady as not_ready:
        flash(str(not_ready), "info")
        return redirect(url_for("interviews.index"))
    mine = next(pack for pack in packs if pack.seat_id == seat.id)
    data = pack_docx_bytes(mine.context)  # built first: a failed build is not an export
    audit.record_access("pack.exported", stage, seat_id=seat.id, by="panel member")
    ascii_name, _ = safe_download_filename(f"Interview pack - {stage.name}", "docx")
    return send_file(
        BytesIO(data),
        as_attachment=True,
        download_name=ascii_name,
        mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


@bp.route(
    "/interviews/<int:stage_id>/candidates/<int:candidate_id>/conflict", methods=["GET", "POST"]
)
@login_required
def declare_conflict(stage_id: int, candidate_id: int) -> ResponseReturnValue:
    seat = _my_seat(stage_id)
    candidate = db.session.get(Candidate, candidate_id)
    if candidate is None or candidate.vacancy_id != seat.stage.vacancy_id:
        abort(404)
    existing = db.session.scalar(
        select(ConflictOfInterest).where(
            ConflictOfInterest.user_id == current_user.id,
            ConflictOfInterest.candidate_id == candidate.id,
        )
    )
    form = ConflictForm()
    if existing is None and form.validate_on_submit():
        db.session.add(
            ConflictOfInterest(
                user_id=current_user.id,
                candidate_id=candidate.id,
                # InputRequired passed, so the field holds text.
                description=cast(str, form.description.data).strip(),
            )
        )
        audit.record("conflict.declared", candidate, stage_id=stage_id)
        set_aside = sheets.set_aside_for_conflict(current_user.id, candidate)
        for stage in {sheet.seat.stage for sheet in set_aside} | {seat.stage}:
            sheets.open_moderation_if_complete(stage)
        db.session.commit()
        # The code only: flashed messages travel in the session cookie.
        flash(_declared_message(candidate.code, len(set_aside)), "success")
        return redirect(url_for("interviews.index"))
    return render_template(
        "interviews/conflict.html",
        form=form,
        seat=seat,
        candidate=candidate,
        existing=existing,
        label=sheets.candidate_label(candidate, sheets.names_visible_to_panel(seat.stage)),
    )


def _declared_message(code: str, set_aside: int) -> str:
    message = f"Conflict of interest with {code} declared: you will not score this candidate."
    if set_aside:
        sheets_word = "sheet" if set_aside == 1 else "sheets"
        message += (
            f" Your submitted {sheets_word} for them {'was' if set_aside == 1 else 'were'} set "
            "aside: kept, but no longer counted, and the chair can see why."
        )
    return message
