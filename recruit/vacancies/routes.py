"""Vacancies: list and filter, create, see the overview, change the details (HR and admin).

A reviewer (the DCS or an appointing member) reads the list and overview of the vacancies
they are named on; ``access.check_access`` guards every view of the blueprint.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from recruit import audit
from recruit.bank_store import current_bank
from recruit.domain.question_bank import QuestionBank
from recruit.domain.vacancies import Progress
from recruit.extensions import db
from recruit.form_fields import add_error, edited_elsewhere_message, saved_since_loaded
from recruit.models import Vacancy, VacancyStatus
from recruit.models._types import utcnow
from recruit.results.visibility import names_shown_to
from recruit.vacancies import bp
from recruit.vacancies.access import guard_blueprint, may_edit, named_vacancies
from recruit.vacancies.decision import decision_status
from recruit.vacancies.forms import VacancyFilterForm, VacancyForm
from recruit.vacancies.progress import progress_of
from recruit.vacancies.queries import ended_campaign_tasks, reviewer_tasks, vacancy_tasks

guard_blueprint(bp)

EDITABLE_FIELDS = (
    "title",
    "role_level",
    "service_area",
    "innovation",
    "salary_range",
    "contract",
    "location",
    "closing_date",
    "interview_dates",
    "hiring_manager",
    "job_reference",
)


@bp.route("/vacancies")
def index() -> ResponseReturnValue:
    bank = current_bank()
    form = VacancyFilterForm(request.args)
    form.set_choices(bank)
    query = select(Vacancy).order_by(Vacancy.closing_date.desc(), Vacancy.id.desc())
    if form.status.data:
        statuses = [status for status in VacancyStatus if status.value in form.status.data]
        query = query.where(Vacancy.status.in_(statuses))
    if form.innovation.data:
        query = query.where(Vacancy.innovation.in_(form.innovation.data))
    if form.role_level.data:
        query = query.where(Vacancy.role_level.in_(form.role_level.data))
    vacancies = db.session.scalars(query.options(selectinload(Vacancy.advert))).all()
    if not may_edit(current_user):
        return _reviewer_index(vacancies, bank)
    return render_template(
        "vacancies/index.html",
        form=form,
        vacancies=vacancies,
        bank=bank,
        editable=True,
        progress={vacancy.id: progress_of(vacancy) for vacancy in vacancies},
    )


def _reviewer_index(vacancies: Sequence[Vacancy], bank: QuestionBank) -> ResponseReturnValue:
    """A reviewer's list: only the vacancies they are named on, and no filters or create
    button (they have a handful of vacancies and change none of them)."""
    named = named_vacancies(current_user, vacancies)
    return render_template(
        "vacancies/index.html",
        form=None,
        vacancies=named,
        bank=bank,
        editable=False,
        progress={vacancy.id: progress_of(vacancy) for vacancy in named},
    )


@bp.route("/vacancies/new", methods=["GET", "POST"])
def create() -> ResponseReturnValue:
    bank = current_bank()
    form = VacancyForm()
    form.set_choices(bank)
    if request.method == "GET":
        form.status.data, form.contract.data = VacancyStatus.DRAFT.value, "permanent"
    if form.validate_on_submit():
        vacancy = Vacancy(created_by_id=current_user.id, updated_by_id=current_user.id)
        _copy_form(form, vacancy)
        db.session.add(vacancy)
        audit.record("vacancy.created", vacancy, title=vacancy.title)
        db.session.commit()
        flash(f"Vacancy ‘{vacancy.title}’ created", "success")
        return redirect(url_for("vacancies.show", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=None)


@bp.route("/vacancies/<int:vacancy_id>")
def show(vacancy_id: int) -> ResponseReturnValue:
    # The guard has already refused a reviewer who is not named on the vacancy.
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    editable = may_edit(current_user)
    tasks = vacancy_tasks(vacancy) if editable else reviewer_tasks(vacancy, current_user)
    progress = progress_of(vacancy)
    if progress in (Progress.FILLED, Progress.CLOSED):
        tasks = ended_campaign_tasks(tasks)
    return render_template(
        "vacancies/show.html",
        vacancy=vacancy,
        bank=current_bank(),
        tasks=tasks,
        editable=editable,
        progress=progress,
        decision=decision_status(vacancy, names_shown_to(current_user, vacancy)),
    )


@bp.route("/vacancies/<int:vacancy_id>/edit", methods=["GET", "POST"])
def edit(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    form = VacancyForm(obj=vacancy if request.method == "GET" else None)
    form.set_choices(current_bank())
    if request.method == "GET":
        form.status.data = vacancy.status.value
    if form.validate_on_submit():
        if saved_since_loaded(form.lock_version, vacancy.lock_version):
            # validate() left the field's errors a list (its stubs say only Sequence).
            add_error(form.lock_version, _conflict_message(vacancy, form))
        else:
            changes = _copy_form(form, vacancy)
            vacancy.updated_by_id, vacancy.updated_at = current_user.id, utcnow()
            audit.record("vacancy.updated", vacancy, changes=changes)
            db.session.commit()
            flash("Vacancy details saved", "success")
            return redirect(url_for("vacancies.show", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=vacancy)


def _copy_form(form: VacancyForm, vacancy: Vacancy) -> dict[str, list[str]]:
    changes: dict[str, list[str]] = {}
    for name in EDITABLE_FIELDS:
        new = getattr(form, name).data
        new = new.strip() if isinstance(new, str) else new
        old = getattr(vacancy, name, None)
        if old != new:
            changes[name] = [str(old) if old is not None else "", str(new)]
            setattr(vacancy, name, new)
    status = VacancyStatus(form.status.data)
    if vacancy.status != status:
        changes["status"] = [vacancy.status.value if vacancy.status else "", status.value]
        vacancy.status = status
    return changes


def _conflict_message(vacancy: Vacancy, form: VacancyForm) -> str:
    who = vacancy.updated_by.full_name if vacancy.updated_by else "Someone else"
    differing = [
        getattr(form, name).label.text.lower()
        for name in EDITABLE_FIELDS
        if getattr(form, name).data != getattr(vacancy, name)
    ]
    detail = f" Your entries differ from the saved {', '.join(differing)}." if differing else ""
    return edited_elsewhere_message("vacancy", detail).replace("Someone else", who, 1)
