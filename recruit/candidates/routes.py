"""Candidates of a vacancy: add and change, import from CSV with a check page, anonymise."""

from __future__ import annotations

from typing import cast

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import func, select

from recruit import audit
from recruit.authorisation import require_roles_for_blueprint
from recruit.candidates import bp
from recruit.candidates.forms import (
    AnonymiseForm,
    CandidateForm,
    ImportConfirmForm,
    ImportUploadForm,
)
from recruit.candidates.import_file import check_file_before_first_query, checked_file
from recruit.checks.queries import APPOINTED_BEFORE_CHECKS, outstanding_for
from recruit.domain.candidates import (
    CANDIDATE_STATUSES,
    COLUMNS,
    MAX_BYTES,
    CandidateRow,
    CheckedFile,
    ImportProblem,
    ImportResult,
    check_against_held,
    next_candidate_codes,
    template_csv,
)
from recruit.domain.checks import CHECKS
from recruit.extensions import db
from recruit.form_fields import add_error, edited_elsewhere_message, saved_since_loaded
from recruit.models import Candidate, CandidateStatus, Role, ScoreSheet, SheetStatus, Vacancy
from recruit.models._types import utcnow
from recruit.references.queries import reference_problems_for

# First: the role check's query takes the write lock on a POST, and a file must be read
# and checked before that (see recruit/candidates/import_file.py).
bp.before_request(check_file_before_first_query)
require_roles_for_blueprint(bp, Role.ADMIN, Role.HR)

CHECKS_FIRST = "Complete the pre-employment checks first: "
SHORTLISTING_ON_ITS_PAGE = (
    "Record whether the candidate is shortlisted on their shortlisting scrutiny page, which "
    "keeps the decision against each essential criterion and the reasons"
)
FILE_HAS_PROBLEMS = "The file has problems: nothing has been imported. Fix them and upload it again"
CANDIDATE_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "current_role",
    "current_employer",
    "application_date",
    "starts_on",
    "notes",
)


def _candidate_of(vacancy_id: int, candidate_id: int) -> tuple[Vacancy, Candidate]:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    candidate = db.session.get(Candidate, candidate_id)
    if candidate is None or candidate.vacancy_id != vacancy.id:
        abort(404)
    return vacancy, candidate


@bp.route("/vacancies/<int:vacancy_id>/candidates")
def index(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    return render_template(
        "candidates/index.html",
        vacancy=vacancy,
        statuses=CANDIDATE_STATUSES,
        anonymise=AnonymiseForm(hide_candidate_names=vacancy.hide_candidate_names),
    )


@bp.route("/vacancies/<int:vacancy_id>/candidates/new", methods=["GET", "POST"])
def create(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    form = CandidateForm()
    if form.validate_on_submit():
        if _email_taken(vacancy, _entered_email(form)):
            # validate() left the field's errors a list (its stubs say only Sequence).
            add_error(
                form.email, "This email address is already used by a candidate for this vacancy"
            )
        elif _shortlisting_bypassed(form, CandidateStatus.APPLIED):
            add_error(form.status, SHORTLISTING_ON_ITS_PAGE)
        elif form.status.data == CandidateStatus.APPOINTED.value or form.starts_on.data:
            # A new candidate has no checks recorded: add them, record the checks, then appoint.
            field = form.status if form.starts_on.data is None else form.starts_on
            add_error(field, CHECKS_FIRST + ", ".join(check.label for check in CHECKS))
        else:
            code = next_candidate_codes([c.code for c in vacancy.candidates], 1)[0]
            candidate = Candidate(vacancy_id=vacancy.id, code=code)
            _copy_form(form, candidate)
            db.session.add(candidate)
            audit.record("candidate.added", candidate, vacancy_id=vacancy.id, code=code)
            db.session.commit()
            flash(f"Candidate {code} added", "success")
            return redirect(url_for("candidates.index", vacancy_id=vacancy.id))
    return render_template("candidates/form.html", form=form, vacancy=vacancy, candidate=None)


@bp.route("/vacancies/<int:vacancy_id>/candidates/<int:candidate_id>/edit", methods=["GET", "POST"])
def edit(vacancy_id: int, candidate_id: int) -> ResponseReturnValue:
    vacancy, candidate = _candidate_of(vacancy_id, candidate_id)
    form = CandidateForm(obj=candidate if request.method == "GET" else None)
    if request.method == "GET":
        form.status.data = candidate.status.value
    if form.validate_on_submit():
        # validate() left each field's errors a list (their stubs say only Sequence).
        if saved_since_loaded(form.lock_version, candidate.lock_version):
            add_error(form.lock_version, edited_elsewhere_message("candidate"))
        elif _email_taken(vacancy, _entered_email(form), except_id=candidate.id):
            add_error(
                form.email, "This email address is already used by a candidate for this vacancy"
            )
        elif _shortlisting_bypassed(form, candidate.status):
            add_error(form.status, SHORTLISTING_ON_ITS_PAGE)
        elif not _appointment_allowed(form, candidate):
            pass  # the form shows why, and nothing is saved
        elif (moves := _withdrawal_moves_results(form, candidate)) and not _withdrawal_reason(form):
            add_error(form.withdrawal_reason, WITHDRAWAL_REASON_NEEDED)
        else:
            early_reason = _early_reason(form, candidate)
            changed = _copy_form(form, candidate)
            candidate.updated_at = utcnow()
            audit.record("candidate.updated", candidate, fields=changed)
            if moves:
                audit.record(
                    "candidate.withdrawal_changed",
                    candidate,
                    vacancy_id=vacancy.id,
                    status=candidate.status.value,
                    reason=_withdrawal_reason(form),
                )
            if early_reason:
                audit.record(
                    APPOINTED_BEFORE_CHECKS,
                    candidate,
                    vacancy_id=vacancy.id,
                    outstanding=_outstanding(candidate),
                    reason=early_reason,
                )
            db.session.commit()
            flash(f"Candidate {candidate.code} saved", "success")
            return redirect(url_for("candidates.index", vacancy_id=vacancy.id))
    return render_template("candidates/form.html", form=form, vacancy=vacancy, candidate=candidate)


@bp.route("/vacancies/<int:vacancy_id>/candidates/anonymise", methods=["POST"])
def anonymise(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    form = AnonymiseForm()
    if form.validate_on_submit():
        vacancy.hide_candidate_names = bool(form.hide_candidate_names.data)
        audit.record(
            "vacancy.anonymised" if vacancy.hide_candidate_names else "vacancy.names_shown", vacancy
        )
        db.session.commit()
        flash(
            "Panel members will see candidate codes until every stage is in moderation"
            if vacancy.hide_candidate_names
            else "Panel members will see candidates' names",
            "success",
        )
    return redirect(url_for("candidates.index", vacancy_id=vacancy.id))


@bp.route("/vacancies/<int:vacancy_id>/candidates/template.csv")
def template(vacancy_id: int) -> ResponseReturnValue:
    db.get_or_404(Vacancy, vacancy_id)
    # utf-8-sig, so Excel shows accented names correctly when it opens the file.
    return Response(
        template_csv().encode("utf-8-sig"),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="candidates-template.csv"'},
    )


@bp.route("/vacancies/<int:vacancy_id>/candidates/import", methods=["GET", "POST"])
def import_upload(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    form = ImportUploadForm()
    problems: list[ImportProblem] = []
    if form.validate_on_submit():
        upload = checked_file()
        if upload is None:
            form.file.errors.append("Select a CSV file to import")
        else:
            result = _against_held(vacancy, upload.checked)
            if result.ok:
                return _check_page(vacancy, list(result.rows), upload.text)
            problems = list(result.problems)
            form.file.errors.append(FILE_HAS_PROBLEMS)
    return _import_page(vacancy, form, problems)


@bp.route("/vacancies/<int:vacancy_id>/candidates/import/confirm", methods=["POST"])
def import_confirm(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    upload = checked_file()
    if not ImportConfirmForm().validate_on_submit() or upload is None:
        abort(400)
    # Checked again: another import may have added some of these people meanwhile.
    result = _against_held(vacancy, upload.checked)
    if not result.ok:
        form = ImportUploadForm()
        form.file.errors = [FILE_HAS_PROBLEMS]
        return _import_page(vacancy, form, list(result.problems))
    codes = next_candidate_codes([c.code for c in vacancy.candidates], len(result.rows))
    for code, row in zip(codes, result.rows, strict=True):
        db.session.add(_candidate_from_row(vacancy, code, row))
    audit.record("candidates.imported", vacancy, count=len(result.rows), codes=codes)
    db.session.commit()
    flash(f"{len(result.rows)} candidates imported", "success")
    return redirect(url_for("candidates.index", vacancy_id=vacancy.id))


def _shortlisting_bypassed(form: CandidateForm, current: CandidateStatus) -> bool:
    """Whether the form moves the candidate into or out of "not shortlisted": only the
    shortlisting decision does that, with its reasons and the rule that a candidate a panel
    has begun scoring stays in (their scores must not leave the results unrecorded)."""
    not_shortlisted = CandidateStatus.NOT_SHORTLISTED
    entered: bool = form.status.data == not_shortlisted.value
    return entered != (current is not_shortlisted)


def _appoints(form: CandidateForm, candidate: Candidate) -> bool:
    """Whether the form makes the candidate appointed (they were not before) or records a
    new start date: both wait for the checks."""
    appointed = CandidateStatus.APPOINTED
    newly_appointed = form.status.data == appointed.value and candidate.status is not appointed
    new_start = form.starts_on.data is not None and form.starts_on.data != candidate.starts_on
    return newly_appointed or new_start


def _appointment_allowed(form: CandidateForm, candidate: Candidate) -> bool:
    """The gate: "appointed" waits for every required pre-employment check, unless an HR
    user ticks "appoint before the checks are complete" and gives a reason. When it may not
    go ahead, the form's fields say why."""
    if form.starts_on.data is not None and form.status.data != CandidateStatus.APPOINTED.value:
        add_error(form.starts_on, "Record the candidate as appointed to give a start date")
        return False
    if not _appoints(form, candidate):
        return True
    outstanding = _outstanding(candidate)
    if not outstanding:
        return True
    if current_user.role is Role.HR and form.appoint_before_checks.data:
        if (form.appoint_before_checks_reason.data or "").strip():
            return True
        add_error(
            form.appoint_before_checks_reason,
            "Say why the candidate is appointed before the checks are complete",
        )
        return False
    newly_appointed = candidate.status is not CandidateStatus.APPOINTED
    add_error(
        form.status if newly_appointed else form.starts_on, CHECKS_FIRST + ", ".join(outstanding)
    )
    return False


def _outstanding(candidate: Candidate) -> list[str]:
    """The checks still to complete, then what is outstanding about the references."""
    return [*outstanding_for(candidate.id), *reference_problems_for(candidate.id)]


WITHDRAWAL_REASON_NEEDED = (
    "Give the reason: the panel has scored this candidate, so withdrawing them (or bringing "
    "them back) changes the results and the ranking"
)


def _withdrawal_moves_results(form: CandidateForm, candidate: Candidate) -> bool:
    """Whether the save moves a scored candidate into or out of "withdrawn": their submitted
    scores then leave the results (or rejoin them), so every rank can change."""
    withdrawn = CandidateStatus.WITHDRAWN
    entering: bool = form.status.data == withdrawn.value
    if entering == (candidate.status is withdrawn):
        return False
    return (
        db.session.scalar(
            select(func.count())
            .select_from(ScoreSheet)
            .where(
                ScoreSheet.candidate_id == candidate.id,
                ScoreSheet.status == SheetStatus.SUBMITTED,
            )
        )
        or 0
    ) > 0


def _withdrawal_reason(form: CandidateForm) -> str:
    return (form.withdrawal_reason.data or "").strip()


def _early_reason(form: CandidateForm, candidate: Candidate) -> str:
    """The HR user's reason when this save appoints before the checks are complete."""
    if not _appoints(form, candidate) or not _outstanding(candidate):
        return ""
    return (form.appoint_before_checks_reason.data or "").strip()


def _against_held(vacancy: Vacancy, checked: CheckedFile) -> ImportResult:
    result = check_against_held(checked, [candidate.email for candidate in vacancy.candidates])
    if not result.ok:
        return result
    # An imported candidate has no pre-employment checks yet, so none can arrive appointed;
    # and not shortlisting needs the shortlisting decision with its reasons.
    refused = [
        ImportProblem(row.row_number, "status", _NOT_IMPORTED[row.status])
        for row in result.rows
        if row.status in _NOT_IMPORTED
    ]
    return ImportResult((), tuple(refused)) if refused else result


_NOT_IMPORTED = {
    CandidateStatus.APPOINTED.value: "A candidate cannot be imported as appointed: import "
    "them, record their pre-employment checks, then change their status",
    CandidateStatus.NOT_SHORTLISTED.value: "A candidate cannot be imported as not "
    "shortlisted: import them as applied, then record the shortlisting decision with its "
    "reasons",
}


def _import_page(
    vacancy: Vacancy, form: ImportUploadForm, problems: list[ImportProblem]
) -> ResponseReturnValue:
    return render_template(
        "candidates/import.html",
        form=form,
        vacancy=vacancy,
        problems=problems,
        columns=COLUMNS,
        max_megabytes=MAX_BYTES // 1_000_000,
    )


def _check_page(vacancy: Vacancy, rows: list[CandidateRow], csv_text: str) -> ResponseReturnValue:
    confirm = ImportConfirmForm(csv_text=csv_text)
    return render_template(
        "candidates/import_check.html",
        vacancy=vacancy,
        rows=rows,
        form=confirm,
        statuses=CANDIDATE_STATUSES,
    )


def _candidate_from_row(vacancy: Vacancy, code: str, row: CandidateRow) -> Candidate:
    return Candidate(
        vacancy_id=vacancy.id,
        code=code,
        first_name=row.first_name,
        last_name=row.last_name,
        email=row.email,
        phone=row.phone,
        current_role=row.current_role,
        current_employer=row.current_employer,
        application_date=row.application_date,
        status=CandidateStatus(row.status),
        notes=row.notes,
    )


def _copy_form(form: CandidateForm, candidate: Candidate) -> list[str]:
    changed = []
    for name in CANDIDATE_FIELDS:
        value = getattr(form, name).data
        value = value.strip() if isinstance(value, str) else value
        if name == "email":
            value = value.lower()
        if value is None and name not in ("application_date", "starts_on"):
            value = ""
        if getattr(candidate, name, None) != value:
            changed.append(name)
            setattr(candidate, name, value)
    status = CandidateStatus(form.status.data)
    if candidate.status != status:
        changed.append("status")
        candidate.status = status
    return changed


def _entered_email(form: CandidateForm) -> str:
    # InputRequired passed, so the field holds text.
    return cast(str, form.email.data)


def _email_taken(vacancy: Vacancy, email: str, except_id: int | None = None) -> bool:
    wanted = email.strip().lower()
    return any(c.email == wanted and c.id != except_id for c in vacancy.candidates)
