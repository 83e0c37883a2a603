"""A candidate's references, the page to add one and the page to record its steps. Every
change is audited with the reference's number, status and whether it is the employer's:
never the referee's name or the concern's words, which stay on the reference itself."""

from __future__ import annotations

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from recruit import audit
from recruit.checks.queries import candidate_of
from recruit.domain.references import (
    STATUS_TAGS,
    STATUSES,
    ReferenceState,
    record_problems,
    reference_problems,
    reference_status,
)
from recruit.extensions import db
from recruit.form_fields import add_error, edited_elsewhere_message, saved_since_loaded
from recruit.models import Candidate, CandidateReference, Vacancy
from recruit.references import bp
from recruit.references.forms import NO, YES, ReferenceForm
from recruit.references.queries import (
    needed_before_deciding,
    reference_or_404,
    references_of,
    state,
    states,
)

BASE = "/vacancies/<int:vacancy_id>/candidates/<int:candidate_id>/references"


@bp.route(BASE)
def index(vacancy_id: int, candidate_id: int) -> ResponseReturnValue:
    vacancy, candidate = candidate_of(vacancy_id, candidate_id)
    rows = references_of(candidate.id)
    return render_template(
        "references/index.html",
        vacancy=vacancy,
        candidate=candidate,
        rows=[(row, reference_status(state(row))) for row in rows],
        problems=reference_problems(states(rows)),
        before_deciding=needed_before_deciding(vacancy),
        statuses=STATUSES,
        tags=STATUS_TAGS,
    )


@bp.route(f"{BASE}/new", methods=["GET", "POST"])
def add(vacancy_id: int, candidate_id: int) -> ResponseReturnValue:
    vacancy, candidate = candidate_of(vacancy_id, candidate_id)
    return _edit_page(vacancy, candidate, None)


@bp.route(f"{BASE}/<int:reference_id>", methods=["GET", "POST"])
def record(vacancy_id: int, candidate_id: int, reference_id: int) -> ResponseReturnValue:
    vacancy, candidate = candidate_of(vacancy_id, candidate_id)
    return _edit_page(vacancy, candidate, reference_or_404(candidate, reference_id))


def _edit_page(
    vacancy: Vacancy, candidate: Candidate, row: CandidateReference | None
) -> ResponseReturnValue:
    form = ReferenceForm(obj=row if request.method == "GET" else None)
    if request.method == "GET" and row is not None:
        form.is_current_or_recent_employer.data = YES if row.is_current_or_recent_employer else NO
    if form.validate_on_submit():
        if saved_since_loaded(form.lock_version, row.lock_version if row else None):
            add_error(form.lock_version, edited_elsewhere_message("reference"))
        elif not _problems_shown(form):
            added = row is None
            saved = _save(candidate, row, form)
            db.session.flush()  # the new row's id, for the audit
            status = reference_status(state(saved))
            audit.record(
                "reference.added" if added else "reference.updated",
                candidate,
                vacancy_id=vacancy.id,
                reference_id=saved.id,
                status=status,
                current_or_recent_employer=saved.is_current_or_recent_employer,
            )
            db.session.commit()
            flash(f"Reference saved: {STATUSES[status]}", "success")
            return redirect(
                url_for("references.index", vacancy_id=vacancy.id, candidate_id=candidate.id)
            )
    return render_template(
        "references/record.html",
        vacancy=vacancy,
        candidate=candidate,
        row=row,
        form=form,
    )


def _entered(form: ReferenceForm) -> ReferenceState:
    return ReferenceState(
        is_current_or_recent_employer=form.is_current_or_recent_employer.data == YES,
        requested_on=form.requested_on.data,
        received_on=form.received_on.data,
        scrutinised_on=form.scrutinised_on.data,
        concerns=form.concerns.data,
        concern_resolution=form.concern_resolution.data,
    )


def _problems_shown(form: ReferenceForm) -> bool:
    """Add the rules' problems to the form's fields; whether there were any."""
    problems = record_problems(_entered(form), date.today())
    for name, message in problems.items():
        add_error(getattr(form, name), message)
    return bool(problems)


def _save(
    candidate: Candidate, row: CandidateReference | None, form: ReferenceForm
) -> CandidateReference:
    if row is None:
        row = CandidateReference(candidate_id=candidate.id)
        db.session.add(row)
    row.referee_name = (form.referee_name.data or "").strip()
    row.referee_role_and_organisation = (form.referee_role_and_organisation.data or "").strip()
    row.relationship = (form.relationship.data or "").strip()
    row.is_current_or_recent_employer = form.is_current_or_recent_employer.data == YES
    row.requested_on = form.requested_on.data
    row.received_on = form.received_on.data
    scrutinised_on = form.scrutinised_on.data
    # Whoever enters or changes the date of scrutiny is recorded as having scrutinised it.
    if scrutinised_on is None:
        row.scrutinised_by_id = None
    elif scrutinised_on != row.scrutinised_on or row.scrutinised_by_id is None:
        row.scrutinised_by_id = current_user.id
    row.scrutinised_on = scrutinised_on
    row.concerns = (form.concerns.data or "").strip() or None
    row.concern_resolution = (form.concern_resolution.data or "").strip() or None
    return row
