"""Amending a submitted score: a new value with a reason, kept beside the old one.

Added to the scoring blueprint (see recruit/__init__.py), like the sheet pages in
routes.py, whose seat and candidate checks it shares.
"""

from __future__ import annotations

from typing import cast

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from recruit import audit
from recruit.extensions import db
from recruit.models import PlanItem, Score, ScoreAmendment, ScoreSheet
from recruit.models._types import utcnow
from recruit.scoring import bp
from recruit.scoring.access import csrf_exempt, panel_label, posted_sheet_problem, refuse
from recruit.scoring.forms import NO_EVIDENCE, AmendScoreForm
from recruit.scoring.sheet_access import amend_refusal, load_visit
from recruit.scoring.sheet_view import rating_labels, sheet_questions


@bp.route(
    "/interviews/<int:stage_id>/candidates/<int:candidate_id>/amend/<int:item_id>",
    methods=["GET", "POST"],
)
@csrf_exempt
def amend_score(stage_id: int, candidate_id: int, item_id: int) -> ResponseReturnValue:
    visit = load_visit(stage_id, candidate_id)
    seat, candidate, sheet = visit.seat, visit.candidate, visit.sheet
    item = db.session.get(PlanItem, item_id)
    if sheet is None or not sheet.is_submitted or item is None or item.stage_id != stage_id:
        abort(404)
    heading = f"You cannot change your scores for {panel_label(seat.stage, candidate)}"
    refuse(visit, amend_refusal(visit), heading)
    row = sheet.score_for(item.id)
    question = next(q for q in sheet_questions(seat.stage, seat) if q.item.id == item.id)
    if request.method == "GET":
        form = AmendScoreForm(
            data={
                "score": (
                    NO_EVIDENCE if row and row.no_evidence else str(row.score if row else "")
                ),
                "evidence": row.evidence if row else "",
                "lock_version": str(sheet.lock_version),
            }
        )
    else:
        form = AmendScoreForm()
        problem = posted_sheet_problem(form, sheet)
        if problem is None and form.validate():
            _record_amendment(sheet, item, row, form)
            try:
                db.session.commit()
            except StaleDataError:
                db.session.rollback()
                problem = "This sheet changed in another tab or window. Check, then save again."
            else:
                flash(f"Your score for question {question.number} was changed.", "success")
                return redirect(
                    url_for(".score_sheet", stage_id=stage_id, candidate_id=candidate_id)
                )
        if problem:
            flash(problem, "info")
    return render_template(
        "scoring/amend.html",
        stage=seat.stage,
        candidate=candidate,
        label=panel_label(seat.stage, candidate),
        question=question,
        row=row,
        ratings=rating_labels(),
        form=form,
        no_evidence=NO_EVIDENCE,
    )


def _record_amendment(
    sheet: ScoreSheet, item: PlanItem, row: Score | None, form: AmendScoreForm
) -> None:
    if row is None:
        row = Score(plan_item_id=item.id, evidence="")
        sheet.scores.append(row)
    new_value = form.score.data
    new_score = None if new_value == NO_EVIDENCE else int(new_value)
    new_evidence = (form.evidence.data or "").strip()
    sheet.amendments.append(
        ScoreAmendment(
            plan_item_id=item.id,
            previous_score=row.score,
            previous_no_evidence=row.no_evidence,
            previous_evidence=row.evidence,
            new_score=new_score,
            new_no_evidence=new_value == NO_EVIDENCE,
            new_evidence=new_evidence,
            reason=cast(str, form.reason.data).strip(),  # InputRequired: validated, it is text
            amended_by_id=current_user.id,
        )
    )
    row.score, row.no_evidence, row.evidence = new_score, new_value == NO_EVIDENCE, new_evidence
    sheet.updated_at = utcnow()
    audit.record("scores.amended", sheet, plan_item_id=item.id, stage_id=sheet.seat.stage_id)
