"""Moderation of a stage: who has submitted, opening moderation, the record per candidate.

Open to the stage's chair, and to HR and admin (who often record the moderation in the room
on the chair's behalf; the audit log shows who did). Anyone else gets a 404. Until
moderation opens these pages show only who has submitted, never a score.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from recruit import audit
from recruit.authorisation import login_required
from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    Candidate,
    CandidateDecision,
    Outcome,
    Stage,
    StageModeration,
)
from recruit.models._types import utcnow
from recruit.moderation import bp
from recruit.moderation.access import BASE, label_for_viewer, saved_meanwhile, stage_for_moderation
from recruit.moderation.candidate_page import (
    CLOSED_PROBLEM,
    CandidatePage,
    candidate_page,
    decision_for,
    refused_page,
    saved_record,
)
from recruit.moderation.evidence import candidate_evidence, stage_red_flags
from recruit.moderation.forms import (
    CandidateModerationForm,
    CloseScoringForm,
    OpenModerationForm,
    moderation_form,
)
from recruit.moderation.state import (
    changed_records,
    conflict_refusal,
    current_digest,
    undecided,
)
from recruit.results import sheets
from recruit.results.consolidation import (
    agreed_scores,
    attribute_names,
    consolidate_stage,
    short_names,
    unplanned,
    values_floor,
)

# The formula's mean per attribute key (None where the panel gave no score for it).
Formula = Mapping[str, float | None]


@bp.route(BASE)
@login_required
def index(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    stage = stage_for_moderation(vacancy_id, stage_id)
    moderation = sheets.moderation_for(stage)
    if moderation is None:
        return render_template(
            "moderation/scoring_status.html",
            stage=stage,
            states=sheets.expected_sheets(stage),
            candidates=sheets.scored_candidates(stage),
            seats=sheets.scoring_seats(stage),
            conflicts=sheets.conflicts_for(stage),
            label=label_for_viewer(stage),
            all_submitted=sheets.all_submitted(stage),
            open_form=OpenModerationForm(),
        )
    outcome = consolidate_stage(stage)
    label = label_for_viewer(stage)
    return render_template(
        "moderation/results.html",
        stage=stage,
        moderation=moderation,
        outcome=outcome,
        names=attribute_names(),
        short_names=short_names(),
        unplanned=unplanned(outcome),
        set_aside=sheets.set_aside_sheets(stage),
        changed=changed_records(outcome),
        undecided=undecided(outcome),
        red_flags=stage_red_flags(outcome),
        sheet_label=label,
        label_for=lambda code: label(outcome.candidates[code]),
        member_label=lambda seat_id: outcome.seats[seat_id].user.full_name,
        moderate_url=lambda code: url_for(
            ".candidate",
            vacancy_id=vacancy_id,
            stage_id=stage_id,
            candidate_id=outcome.candidates[code].id,
        ),
    )


@bp.route(f"{BASE}/open", methods=["POST"])
@login_required
def open_moderation(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    stage = stage_for_moderation(vacancy_id, stage_id)
    form = OpenModerationForm()
    if form.validate_on_submit() and not sheets.moderation_is_open(stage):
        if not sheets.all_submitted(stage):
            flash("Not every sheet is submitted yet: close scoring early with a reason.", "info")
            return redirect(url_for(".close_scoring", vacancy_id=vacancy_id, stage_id=stage_id))
        db.session.add(StageModeration(stage_id=stage.id, opened_by_id=current_user.id))
        audit.record("moderation.opened", stage, reason="every panel member submitted")
        db.session.commit()
        flash("Moderation is open.", "success")
    return redirect(url_for(".index", vacancy_id=vacancy_id, stage_id=stage_id))


@bp.route(f"{BASE}/close", methods=["GET", "POST"])
@login_required
def close_scoring(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    stage = stage_for_moderation(vacancy_id, stage_id)
    if sheets.moderation_is_open(stage):
        return redirect(url_for(".index", vacancy_id=vacancy_id, stage_id=stage_id))
    form = CloseScoringForm()
    if form.validate_on_submit():
        reason = cast(str, form.reason.data).strip()  # InputRequired: validated, it is text
        db.session.add(
            StageModeration(
                stage_id=stage.id, opened_by_id=current_user.id, closed_early_reason=reason
            )
        )
        audit.record("moderation.opened", stage, reason="scoring closed early")
        db.session.commit()
        flash("Scoring is closed and moderation is open.", "success")
        return redirect(url_for(".index", vacancy_id=vacancy_id, stage_id=stage_id))
    waiting = [state for state in sheets.expected_sheets(stage) if state.status != "Submitted"]
    return render_template(
        "moderation/close.html",
        stage=stage,
        form=form,
        waiting=waiting,
        label=label_for_viewer(stage),
    )


@bp.route(f"{BASE}/candidates/<int:candidate_id>", methods=["GET", "POST"])
@login_required
def candidate(vacancy_id: int, stage_id: int, candidate_id: int) -> ResponseReturnValue:
    stage = stage_for_moderation(vacancy_id, stage_id)
    found = db.session.get(Candidate, candidate_id)
    if found is None or found not in sheets.scored_candidates(stage):
        abort(404)
    moderation = sheets.moderation_for(stage)
    if moderation is None:
        return redirect(url_for(".index", vacancy_id=vacancy_id, stage_id=stage_id))
    refusal = conflict_refusal(stage, found, current_user)
    if refusal:
        return refused_page(stage, found, refusal)
    # Only now, with moderation open (checked above), may anyone see members' scores and
    # notes: the evidence comes from the consolidation, so only counted sheets appear.
    outcome = consolidate_stage(stage)
    standing = next(c for c in outcome.result.candidates if c.candidate == found.code)
    evidence = candidate_evidence(outcome, found.code)
    names = attribute_names()
    decision = decision_for(stage, found)
    form = moderation_form(
        tuple(names),
        names,
        red_flagged=bool(evidence.red_flags),
        data=saved_record(stage, found, decision),
    )
    problem = None
    if form.validate_on_submit():
        formula = {a.attribute: a.mean for a in standing.attributes}
        if moderation.is_closed:
            problem = CLOSED_PROBLEM
        elif _check(form, formula, names, standing.floor_breached):
            problem = saved_meanwhile(form.lock_version, decision, "moderation record")
            if problem is None:
                return _save(
                    stage, found, decision, form, formula, current_digest(outcome, found.code)
                )
    return candidate_page(CandidatePage(stage, found, moderation, outcome, form, problem))


def _check(
    form: CandidateModerationForm,
    formula: Formula,
    names: Mapping[str, str],
    floor_breached: bool,
) -> bool:
    ok = form.check_agreed(formula, names)
    ok = form.check_red_flag() and ok
    floor = values_floor()
    agreed = form.entered_agreed_scores().get(floor.attribute)
    breached = floor_breached or (agreed is not None and agreed < floor.minimum_mean)
    override = (form.floor_override_reason.data or "").strip()
    if breached and form.outcome.data != Outcome.NOT_APPOINTABLE.value and not override:
        form.floor_override_reason.errors = [
            "The values floor applies: give the panel's reason for overriding it, or choose "
            "Not appointable"
        ]
        ok = False
    return ok


def _save(
    stage: Stage,
    candidate: Candidate,
    decision: CandidateDecision | None,
    form: CandidateModerationForm,
    formula: Formula,
    digest: str,
) -> ResponseReturnValue:
    _save_agreed_scores(stage, candidate, form, formula)
    if decision is None:
        decision = CandidateDecision(stage_id=stage.id, candidate_id=candidate.id)
        db.session.add(decision)
    decision.outcome = Outcome(form.outcome.data)
    decision.reasons = cast(str, form.reasons.data).strip()  # InputRequired: validated, text
    override = (form.floor_override_reason.data or "").strip()
    decision.floor_override_reason = override or None
    if form.red_flagged:
        # Kept as it was when no flag stands now: what the panel said stays on the record.
        decision.red_flag_discussion = form.entered_red_flag_discussion()
    decision.recorded_by_id = current_user.id
    decision.recorded_at = utcnow()
    decision.inputs_digest = digest
    audit.record(
        "moderation.recorded",
        decision,
        stage_id=stage.id,
        candidate=candidate.code,
        outcome=decision.outcome.value,
        agreed=form.entered_agreed_scores(),
        floor_overridden=bool(override),
        red_flag_discussed=form.red_flagged,
    )
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash("Someone else saved this record at the same moment. Check it and save again.")
        return redirect(
            url_for(
                ".candidate",
                vacancy_id=stage.vacancy_id,
                stage_id=stage.id,
                candidate_id=candidate.id,
            )
        )
    flash(f"Moderation record saved for {candidate.code}.", "success")
    return redirect(url_for(".index", vacancy_id=stage.vacancy_id, stage_id=stage.id))


def _save_agreed_scores(
    stage: Stage, candidate: Candidate, form: CandidateModerationForm, formula: Formula
) -> None:
    existing = {
        row.attribute: row for row in agreed_scores(stage) if row.candidate_id == candidate.id
    }
    entered = form.entered_agreed_scores()
    for key in form.attribute_keys:
        row = existing.get(key)
        if key not in entered:
            if row is not None:
                db.session.delete(row)
            continue
        if row is None:
            row = AgreedScore(stage_id=stage.id, candidate_id=candidate.id, attribute=key)
            db.session.add(row)
        row.agreed = entered[key]
        row.formula_score = formula.get(key)
        row.rationale = (form.rationale_field(key).data or "").strip()
        row.recorded_by_id = current_user.id
        row.recorded_at = utcnow()
