"""A candidate's pre-employment checklist, the page to record one check, and the vacancy's
single central record. Every change is audited with the check's kind and status only: the
outcome is HR's record on the check, not something to copy into the audit log."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from typing import cast

from flask import flash, redirect, render_template, request, send_file, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from recruit import audit
from recruit.checks import bp
from recruit.checks.forms import CheckForm
from recruit.checks.queries import (
    candidate_of,
    central_record_rows,
    checks_of,
    early_appointments,
    kind_or_404,
    states,
)
from recruit.domain.checks import (
    CHECKS,
    NOT_REQUIRED,
    STATUS_TAGS,
    STATUSES,
    CheckInfo,
    outstanding_labels,
    record_problems,
)
from recruit.domain.checks.central_record import central_record_csv, central_record_xlsx
from recruit.domain.documents.word.text_safety import safe_download_filename
from recruit.extensions import db
from recruit.form_fields import add_error, edited_elsewhere_message, saved_since_loaded
from recruit.models import Candidate, CheckKind, CheckStatus, PreEmploymentCheck, Vacancy
from recruit.models._types import utcnow
from recruit.references.queries import needed_before_deciding, reference_problems_for

BASE = "/vacancies/<int:vacancy_id>/candidates/<int:candidate_id>/checks"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_INFO = {check.key: check for check in CHECKS}


@bp.route(BASE)
def checklist(vacancy_id: int, candidate_id: int) -> ResponseReturnValue:
    vacancy, candidate = candidate_of(vacancy_id, candidate_id)
    rows = checks_of(candidate.id)
    return render_template(
        "checks/checklist.html",
        vacancy=vacancy,
        candidate=candidate,
        checks=CHECKS,
        rows={kind.value: row for kind, row in rows.items()},
        outstanding=outstanding_labels(states(rows)),
        early=early_appointments(candidate.id),
        reference_problems=reference_problems_for(candidate.id),
        references_before_deciding=needed_before_deciding(vacancy),
        statuses=STATUSES,
        tags=STATUS_TAGS,
    )


@bp.route(f"{BASE}/<kind>", methods=["GET", "POST"])
def record(vacancy_id: int, candidate_id: int, kind: str) -> ResponseReturnValue:
    vacancy, candidate = candidate_of(vacancy_id, candidate_id)
    check_kind = kind_or_404(kind)
    info = _INFO[check_kind.value]
    row = checks_of(candidate.id).get(check_kind)
    form = CheckForm(obj=row if request.method == "GET" else None)
    form.set_statuses(info)
    if request.method == "GET" and row is not None:
        form.status.data = row.status.value
    if form.validate_on_submit():
        if saved_since_loaded(form.lock_version, row.lock_version if row else None):
            add_error(form.lock_version, edited_elsewhere_message("check"))
        elif not _problems_shown(form, info):
            saved = _save(candidate, check_kind, row, form)
            audit.record(
                "check.recorded",
                candidate,
                vacancy_id=vacancy.id,
                kind=check_kind.value,
                status=saved.status.value,
                required=saved.required,
            )
            db.session.commit()
            flash(f"{info.label}: {STATUSES[saved.status.value]}", "success")
            return redirect(
                url_for("checks.checklist", vacancy_id=vacancy.id, candidate_id=candidate.id)
            )
    return render_template(
        "checks/record.html",
        vacancy=vacancy,
        candidate=candidate,
        check=info,
        row=row,
        form=form,
    )


@bp.route("/vacancies/<int:vacancy_id>/checks.<any(csv, xlsx):fmt>")
def central_record(vacancy_id: int, fmt: str) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    rows = central_record_rows(vacancy)
    name, _ = safe_download_filename(f"Pre-employment checks - {vacancy.title}", fmt)
    # Built before it is recorded: a download that fails to build is not an export.
    if fmt == "csv":
        data = central_record_csv(rows).encode("utf-8-sig")  # Excel reads UTF-8 with a BOM
    else:
        data = central_record_xlsx(rows)
    audit.record_access("checks.exported", vacancy, format=fmt, rows=len(rows))
    mimetype = "text/csv" if fmt == "csv" else XLSX
    return send_file(BytesIO(data), as_attachment=True, download_name=name, mimetype=mimetype)


def _problems_shown(form: CheckForm, info: CheckInfo) -> bool:
    """Add the rules' problems to the form's fields; whether there were any."""
    problems = record_problems(
        info.key,
        str(form.status.data),
        form.requested_on.data,
        form.completed_on.data,
        form.outcome.data or "",
        form.not_required_reason.data or "",
        date.today(),
    )
    for name, message in problems.items():
        add_error(getattr(form, name), message)
    return bool(problems)


def _save(
    candidate: Candidate,
    kind: CheckKind,
    row: PreEmploymentCheck | None,
    form: CheckForm,
) -> PreEmploymentCheck:
    if row is None:
        row = PreEmploymentCheck(candidate_id=candidate.id, kind=kind)
        db.session.add(row)
    status = CheckStatus(cast(str, form.status.data))  # one of the offered choices
    not_required = status.value == NOT_REQUIRED
    row.status = status
    row.required = not not_required
    row.requested_on = form.requested_on.data
    row.completed_on = form.completed_on.data
    row.outcome = (form.outcome.data or "").strip()
    row.not_required_reason = (form.not_required_reason.data or "").strip() if not_required else ""
    row.verified_by_id = current_user.id
    row.verified_at = utcnow()
    return row
