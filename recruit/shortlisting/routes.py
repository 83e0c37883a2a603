"""The shortlisting pages: a vacancy's overview, a candidate's scrutiny, the pages to note a
gap or discrepancy and to record the shortlisting decision. Every change is audited; a
point's and a decision's words stay on the record itself, which subject access and
retention cover."""

from __future__ import annotations

from datetime import date
from typing import cast

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import exists, select

from recruit import audit
from recruit.checks.queries import candidate_of
from recruit.domain.candidates import CANDIDATE_STATUSES
from recruit.domain.shortlisting import (
    DecisionEntry,
    PointEntry,
    decision_problems,
    gap_length,
    point_problems,
)
from recruit.extensions import db
from recruit.form_fields import add_error, edited_elsewhere_message, saved_since_loaded
from recruit.models import (
    Candidate,
    CandidateStatus,
    CriterionAssessment,
    CriterionOutcome,
    PersonSpecCriterion,
    ScoreSheet,
    ScrutinyKind,
    ScrutinyPoint,
    ShortlistingDecision,
    Vacancy,
)
from recruit.models._types import utcnow
from recruit.shortlisting import bp
from recruit.shortlisting.forms import (
    DO_NOT_SHORTLIST,
    KIND_HINTS,
    SHORTLIST,
    DecisionForm,
    PointForm,
    decision_form,
)
from recruit.shortlisting.queries import (
    criteria_for_shortlisting,
    decision_of,
    point_or_404,
    points_of,
    vacancy_overview,
)

BASE = "/vacancies/<int:vacancy_id>/candidates/<int:candidate_id>/shortlisting"
# A decision moves the candidate's status only from these; a later status is the stages'.
_BEFORE_INTERVIEW = (
    CandidateStatus.APPLIED,
    CandidateStatus.SHORTLISTED,
    CandidateStatus.NOT_SHORTLISTED,
)


@bp.route("/vacancies/<int:vacancy_id>/shortlisting")
def overview(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    return render_template(
        "shortlisting/overview.html",
        vacancy=vacancy,
        found=vacancy_overview(vacancy),
        statuses=CANDIDATE_STATUSES,
        criteria=criteria_for_shortlisting(vacancy),
    )


@bp.route(BASE)
def candidate_page(vacancy_id: int, candidate_id: int) -> ResponseReturnValue:
    vacancy, candidate = candidate_of(vacancy_id, candidate_id)
    return render_template(
        "shortlisting/candidate.html",
        vacancy=vacancy,
        candidate=candidate,
        points=points_of(candidate.id),
        decision=decision_of(candidate.id),
        criteria=criteria_for_shortlisting(vacancy),
        statuses=CANDIDATE_STATUSES,
        gap_length=gap_length,
    )


@bp.route(f"{BASE}/points/new", methods=["GET", "POST"])
def add_point(vacancy_id: int, candidate_id: int) -> ResponseReturnValue:
    vacancy, candidate = candidate_of(vacancy_id, candidate_id)
    return _point_page(vacancy, candidate, None)


@bp.route(f"{BASE}/points/<int:point_id>", methods=["GET", "POST"])
def change_point(vacancy_id: int, candidate_id: int, point_id: int) -> ResponseReturnValue:
    vacancy, candidate = candidate_of(vacancy_id, candidate_id)
    return _point_page(vacancy, candidate, point_or_404(candidate, point_id))


def _point_page(
    vacancy: Vacancy, candidate: Candidate, row: ScrutinyPoint | None
) -> ResponseReturnValue:
    form = PointForm(obj=row if request.method == "GET" else None)
    stages = sorted(vacancy.stages, key=lambda stage: (stage.position, stage.id))
    form.set_stages([(stage.id, stage.name) for stage in stages])
    if request.method == "GET" and row is not None:
        form.kind.data = row.kind.value
        form.stage.data = str(row.stage_id) if row.stage_id else None
    if stages and form.is_submitted():
        # The date rules are checked even when a field is missing, so every error shows at once.
        fields_valid = form.validate()
        if not _point_problems_shown(form) and fields_valid:
            if saved_since_loaded(form.lock_version, row.lock_version if row else None):
                add_error(form.lock_version, edited_elsewhere_message("point"))
            else:
                return _saved_point(vacancy, candidate, row, form)
    return render_template(
        "shortlisting/point.html",
        vacancy=vacancy,
        candidate=candidate,
        row=row,
        form=form,
        has_stages=bool(stages),
        kind_hints={kind.value: hint for kind, hint in KIND_HINTS.items()},
    )


def _saved_point(
    vacancy: Vacancy, candidate: Candidate, row: ScrutinyPoint | None, form: PointForm
) -> ResponseReturnValue:
    added = row is None
    saved = _save_point(candidate, row, form)
    db.session.flush()  # a new point's id, for the audit
    audit.record(
        "shortlisting.point_added" if added else "shortlisting.point_updated",
        candidate,
        vacancy_id=vacancy.id,
        point_id=saved.id,
        kind=saved.kind.value,
        stage_id=saved.stage_id,
        explored=bool(saved.explanation),
    )
    db.session.commit()
    flash(f"{saved.kind.label} saved", "success")
    return _to_candidate(vacancy, candidate)


def _point_problems_shown(form: PointForm) -> bool:
    entry = PointEntry(
        kind=form.kind.data or "",
        from_date=form.from_date.data,
        to_date=form.to_date.data,
        noted=form.noted.data or "",
        to_explore=form.to_explore.data or "",
    )
    problems = point_problems(entry, date.today())
    for name, message in problems.items():
        field = getattr(form, name)
        if not field.errors:  # a date the field itself refused already says why
            add_error(field, message)
    return bool(problems)


def _save_point(candidate: Candidate, row: ScrutinyPoint | None, form: PointForm) -> ScrutinyPoint:
    if row is None:
        row = ScrutinyPoint(candidate_id=candidate.id, recorded_by_id=current_user.id)
        db.session.add(row)
    row.kind = ScrutinyKind(form.kind.data)
    row.stage_id = int(cast(str, form.stage.data))  # a choice of the vacancy's stages
    row.from_date, row.to_date = form.from_date.data, form.to_date.data
    row.noted = cast(str, form.noted.data).strip()  # InputRequired passed
    row.to_explore = cast(str, form.to_explore.data).strip()
    row.explanation = (form.explanation.data or "").strip() or None
    row.updated_at = utcnow()
    return row


@bp.route(f"{BASE}/decision", methods=["GET", "POST"])
def decide(vacancy_id: int, candidate_id: int) -> ResponseReturnValue:
    vacancy, candidate = candidate_of(vacancy_id, candidate_id)
    criteria = criteria_for_shortlisting(vacancy)
    current = decision_of(candidate.id)
    form = decision_form([(row.id, row.text) for row in criteria])
    if request.method == "GET" and current is not None:
        _fill(form, current)
    if criteria and form.validate_on_submit():
        if saved_since_loaded(form.lock_version, current.lock_version if current else None):
            add_error(form.lock_version, edited_elsewhere_message("shortlisting decision"))
        elif not _decision_problems_shown(form, candidate, criteria, current):
            previous = current.shortlisted if current else None
            saved = _save_decision(candidate, current, form, criteria)
            audit.record(
                "shortlisting.decided",
                candidate,
                vacancy_id=vacancy.id,
                shortlisted=saved.shortlisted,
                previously_shortlisted=previous,
                reasons=saved.reasons,
                outcomes={str(a.criterion_id): a.outcome.value for a in saved.assessments},
                status=candidate.status.value,
            )
            db.session.commit()
            verdict = "shortlisted" if saved.shortlisted else "not shortlisted"
            flash(f"Decision recorded: {candidate.code} {verdict}", "success")
            return _to_candidate(vacancy, candidate)
    return render_template(
        "shortlisting/decision.html",
        vacancy=vacancy,
        candidate=candidate,
        criteria=criteria,
        current=current,
        points=points_of(candidate.id),
        form=form,
    )


def _fill(form: DecisionForm, current: ShortlistingDecision) -> None:
    form.decision.data = SHORTLIST if current.shortlisted else DO_NOT_SHORTLIST
    form.reasons.data = current.reasons
    for assessment in current.assessments:
        if f"outcome_{assessment.criterion_id}" in form:
            form.outcome_field(assessment.criterion_id).data = assessment.outcome.value
            form.evidence_field(assessment.criterion_id).data = assessment.evidence


def _decision_problems_shown(
    form: DecisionForm,
    candidate: Candidate,
    criteria: list[PersonSpecCriterion],
    current: ShortlistingDecision | None,
) -> bool:
    chosen = form.decision.data
    entry = DecisionEntry(
        shortlisted=None if chosen not in (SHORTLIST, DO_NOT_SHORTLIST) else chosen == SHORTLIST,
        reasons=form.reasons.data or "",
        outcomes={row.id: form.outcome_field(row.id).data for row in criteria},
        criterion_texts={row.id: row.text for row in criteria},
        previously_shortlisted=current.shortlisted if current else None,
    )
    problems = decision_problems(entry)
    if not problems and entry.shortlisted is False:
        refusal = _not_shortlisting_refusal(candidate)
        if refusal:
            problems["decision"] = refusal
    for name, message in problems.items():
        add_error(form[name], message)
    return bool(problems)


def _not_shortlisting_refusal(candidate: Candidate) -> str | None:
    """Why the candidate can no longer be not shortlisted, or None: a panel has begun with
    them, and their scores must stay in the results."""
    if candidate.status not in _BEFORE_INTERVIEW:
        label = CANDIDATE_STATUSES[candidate.status.value].lower()
        return f"{candidate.code} is already {label}: they can no longer be not shortlisted"
    has_sheet = db.session.scalar(select(exists().where(ScoreSheet.candidate_id == candidate.id)))
    if has_sheet:
        return (
            f"A panel member has already started scoring {candidate.code}: they can no "
            "longer be not shortlisted. Record them as withdrawn if they leave the process"
        )
    return None


def _save_decision(
    candidate: Candidate,
    current: ShortlistingDecision | None,
    form: DecisionForm,
    criteria: list[PersonSpecCriterion],
) -> ShortlistingDecision:
    decision = current or ShortlistingDecision(candidate_id=candidate.id)
    if current is None:
        db.session.add(decision)
    decision.shortlisted = form.decision.data == SHORTLIST
    decision.reasons = (form.reasons.data or "").strip()
    decision.decided_by_id, decision.decided_at = current_user.id, utcnow()
    # Update in place: clearing and re-adding would insert before it deletes, and break the
    # one-outcome-per-criterion constraint.
    by_criterion = {a.criterion_id: a for a in decision.assessments}
    for row in criteria:
        assessment = by_criterion.pop(row.id, None)
        if assessment is None:
            assessment = CriterionAssessment(criterion_id=row.id)
            decision.assessments.append(assessment)
        assessment.outcome = CriterionOutcome(form.outcome_field(row.id).data)
        assessment.evidence = (form.evidence_field(row.id).data or "").strip()
    for stale in by_criterion.values():
        decision.assessments.remove(stale)
    _move_status(candidate, decision.shortlisted)
    return decision


def _move_status(candidate: Candidate, shortlisted: bool) -> None:
    if candidate.status not in _BEFORE_INTERVIEW:
        return
    wanted = CandidateStatus.SHORTLISTED if shortlisted else CandidateStatus.NOT_SHORTLISTED
    if candidate.status is not wanted:
        candidate.status = wanted
        candidate.updated_at = utcnow()  # the retention clock reads it


def _to_candidate(vacancy: Vacancy, candidate: Candidate) -> ResponseReturnValue:
    return redirect(
        url_for("shortlisting.candidate_page", vacancy_id=vacancy.id, candidate_id=candidate.id)
    )
