"""Score entry: a panel member scores one candidate at one stage, checks and submits (amending
a submitted score is amend_routes.py).

Independence: until the member has submitted their sheet for a candidate, nothing here shows
anyone else's scores or notes for that candidate. Every page is scoped to the member's own
seat: another stage or candidate is a 404.

No note is ever lost: these views check the CSRF token themselves (they are exempt from the
global check) so that a stale token, an edit in another tab, or a session that timed out
gives the member their text back with a message, not an error page.
"""

from __future__ import annotations

import logging
from typing import cast

from flask import (
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from recruit import audit
from recruit.extensions import db, login_manager
from recruit.form_fields import saved_since_loaded
from recruit.lean_html import evidence_count, indent_lines, lean_details, score_radios
from recruit.models import (
    Candidate,
    PanelSeat,
    ScoreSheet,
    SheetStatus,
)
from recruit.models._types import utcnow
from recruit.presentation import govuk_time
from recruit.results import sheets
from recruit.results.visibility import others_scores
from recruit.scoring import bp
from recruit.scoring.access import (
    csrf_exempt,
    panel_label,
    posted_sheet_problem,
    render_refusal,
    visit_or_refusal,
)
from recruit.scoring.forms import (
    ScoreSheetForm,
    SubmitSheetForm,
    score_sheet_form,
)
from recruit.scoring.sheet_access import amend_refusal, load_visit
from recruit.scoring.sheet_fields import sheet_fields
from recruit.scoring.sheet_view import (
    SheetQuestion,
    form_data_from,
    is_complete,
    rating_labels,
    save_draft,
    sheet_questions,
)
from recruit.shortlisting.queries import points_for_stage

# For the lean macros (templates/macros/) and the score sheet's lean components.
bp.add_app_template_filter(indent_lines, "indent_lines")
bp.add_app_template_global(score_radios)
bp.add_app_template_global(evidence_count)
bp.add_app_template_global(lean_details)

SIGNED_OUT_STATUS = 401
SAVE_AGAIN = "This sheet changed while you were saving. Your text is below: save it again."
SAVE_FAILED = (
    "Your scores could not be saved because of a problem with the service. Your text is "
    "below and nothing was lost: choose Save draft again in a few minutes."
)

logger = logging.getLogger(__name__)


def _signed_out_page() -> tuple[str, int]:
    """A POST from a member whose session ended: show their text back so they can copy it."""
    notes = [
        value
        for key, value in request.form.items()
        if key.startswith(("evidence", "reason")) and value.strip()
    ]
    return render_template("scoring/signed_out.html", notes=notes), SIGNED_OUT_STATUS


def _require_member() -> ResponseReturnValue | None:
    if current_user.is_authenticated:
        return None
    if request.method == "POST":
        return _signed_out_page()
    # Flask-Login has no types: with no handler of ours, this is its redirect to sign in.
    return cast(ResponseReturnValue, login_manager.unauthorized())


@bp.before_request
def check_signed_in() -> ResponseReturnValue | None:
    return _require_member()


@bp.route("/interviews/<int:stage_id>/candidates/<int:candidate_id>/score", methods=["GET", "POST"])
@csrf_exempt
def score_sheet(stage_id: int, candidate_id: int) -> ResponseReturnValue:
    visit = visit_or_refusal(stage_id, candidate_id)
    seat, candidate, sheet = visit.seat, visit.candidate, visit.sheet
    stage = seat.stage
    if sheet is not None and sheet.is_submitted:
        return _render_submitted_sheet(seat, candidate, sheet, amend_refusal(visit))
    if visit.moderation_open:
        return render_refusal(
            stage, candidate, "Scoring for this stage has closed and moderation has started."
        )
    questions = sheet_questions(stage, seat)
    if request.method == "GET":
        items = [question.item for question in questions]
        form = score_sheet_form(items, formdata=None, data=form_data_from(sheet))
        return _render_sheet(seat, candidate, form, questions)
    return _save_posted_sheet(seat, candidate, sheet, questions)


def _save_posted_sheet(
    seat: PanelSeat,
    candidate: Candidate,
    sheet: ScoreSheet | None,
    questions: list[SheetQuestion],
) -> ResponseReturnValue:
    """Save the posted sheet as a draft, then go on to the check page if asked and complete.
    Whatever stops the save, the member's text comes back on the page."""
    form = score_sheet_form([question.item for question in questions])
    problem = posted_sheet_problem(form, sheet)
    if problem:
        return _render_sheet(seat, candidate, form, questions, problem), 400
    if not form.validate():
        return _render_sheet(seat, candidate, form, questions)
    try:
        sheet = save_draft(sheet, seat, candidate.id, form)
        db.session.commit()
    except (StaleDataError, IntegrityError):
        # Another tab saved between our check and our write: keep this page's text.
        db.session.rollback()
        problem = posted_sheet_problem(form, sheets.sheet_for(seat, candidate))
        return _render_sheet(seat, candidate, form, questions, problem or SAVE_AGAIN), 409
    except DBAPIError:
        # The database failed mid-save (it rolled back): an hour of notes must not go with
        # it. If the database is still down, rendering fails too and the plain error page
        # shows, as for any other page.
        logger.exception("Saving a score sheet failed; the member's text was shown back")
        db.session.rollback()
        return _render_sheet(seat, candidate, form, questions, SAVE_FAILED), 503
    if form.check.data:
        if form.validate_complete():
            return redirect(
                url_for(".check_scores", stage_id=seat.stage_id, candidate_id=candidate.id)
            )
        form.lock_version.data = str(sheet.lock_version)
        return _render_sheet(seat, candidate, form, questions)
    flash(f"Draft saved at {_clock_now()}. Your scores are not submitted yet.", "success")
    return redirect(url_for(".score_sheet", stage_id=seat.stage_id, candidate_id=candidate.id))


def _render_sheet(
    seat: PanelSeat,
    candidate: Candidate,
    form: ScoreSheetForm,
    questions: list[SheetQuestion],
    problem: str | None = None,
) -> str:
    return render_template(
        "scoring/sheet.html",
        stage=seat.stage,
        candidate=candidate,
        label=panel_label(seat.stage, candidate),
        sheet_form=form,
        questions=questions,
        question_fields=sheet_fields(form, questions, rating_labels()),
        problem=problem,
        # Only this stage's points: a panel sees what it was asked to explore, no more.
        points=points_for_stage(seat.stage_id, [candidate.id]).get(candidate.id, []),
    )


def _render_submitted_sheet(
    seat: PanelSeat, candidate: Candidate, sheet: ScoreSheet, amend_refused: str | None
) -> str:
    stage = seat.stage
    return render_template(
        "scoring/submitted_sheet.html",
        stage=stage,
        candidate=candidate,
        label=panel_label(stage, candidate),
        sheet=sheet,
        questions=sheet_questions(stage, seat),
        ratings=rating_labels(),
        others=others_scores(stage, candidate, seat),
        can_amend=amend_refused is None,
        amend_refused=amend_refused,
    )


@bp.route("/interviews/<int:stage_id>/candidates/<int:candidate_id>/check", methods=["GET", "POST"])
@csrf_exempt
def check_scores(stage_id: int, candidate_id: int) -> ResponseReturnValue:
    visit = visit_or_refusal(stage_id, candidate_id)
    seat, candidate, sheet = visit.seat, visit.candidate, visit.sheet
    stage = seat.stage
    back_to_sheet = redirect(url_for(".score_sheet", stage_id=stage.id, candidate_id=candidate.id))
    if sheet is None:
        return back_to_sheet
    if sheet.is_submitted:
        return redirect(url_for(".submitted", stage_id=stage.id, candidate_id=candidate.id))
    questions = sheet_questions(stage, seat)
    if not is_complete(sheet, [q.item for q in questions]) or visit.moderation_open:
        return back_to_sheet
    form = SubmitSheetForm(data={"lock_version": str(sheet.lock_version)})
    if request.method == "POST":
        if not form.validate() or saved_since_loaded(form.lock_version, sheet.lock_version):
            flash(
                "Your sheet changed since you opened this page (perhaps in another tab). "
                "Check your scores below, then submit.",
                "info",
            )
            return redirect(url_for(".check_scores", stage_id=stage.id, candidate_id=candidate.id))
        return _submit(seat, candidate, sheet)
    return render_template(
        "scoring/check.html",
        stage=stage,
        candidate=candidate,
        label=panel_label(stage, candidate),
        sheet=sheet,
        questions=questions,
        ratings=rating_labels(),
        form=form,
    )


def _submit(seat: PanelSeat, candidate: Candidate, sheet: ScoreSheet) -> ResponseReturnValue:
    sheet.status = SheetStatus.SUBMITTED
    sheet.submitted_at = utcnow()
    audit.record("scores.submitted", sheet, stage_id=seat.stage_id, candidate=candidate.code)
    try:
        db.session.flush()
    except StaleDataError:
        # A second submit raced this one: the first one counts, and there is only one.
        db.session.rollback()
        return redirect(url_for(".submitted", stage_id=seat.stage_id, candidate_id=candidate.id))
    sheets.open_moderation_if_complete(seat.stage)
    db.session.commit()
    return redirect(url_for(".submitted", stage_id=seat.stage_id, candidate_id=candidate.id))


@bp.route("/interviews/<int:stage_id>/candidates/<int:candidate_id>/submitted")
def submitted(stage_id: int, candidate_id: int) -> ResponseReturnValue:
    visit = load_visit(stage_id, candidate_id)
    seat, candidate, sheet = visit.seat, visit.candidate, visit.sheet
    if sheet is None or not sheet.is_submitted:
        return redirect(url_for(".score_sheet", stage_id=stage_id, candidate_id=candidate_id))
    return render_template(
        "scoring/submitted.html",
        stage=seat.stage,
        candidate=candidate,
        label=panel_label(seat.stage, candidate),
        sheet=sheet,
    )


def _clock_now() -> str:
    return govuk_time(utcnow())
