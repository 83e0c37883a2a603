"""The question bank: find questions, read one in full, and (admin) add, edit and retire."""

from __future__ import annotations

from typing import cast

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from recruit.authorisation import require_roles_for_blueprint, roles_required
from recruit.bank_store import (
    BankNotLoaded,
    QuestionChangedElsewhere,
    current_bank,
    from_storable,
    latest_load,
    question_row,
    save_question,
)
from recruit.domain.interview_plan.model import opening_words
from recruit.domain.question_bank.editing import (
    form_fields_from_content,
    new_question_id,
    question_content,
)
from recruit.domain.question_bank.search import QuestionFilters
from recruit.extensions import db
from recruit.form_fields import add_error
from recruit.lean_html import indent_lines
from recruit.models import Question, Role
from recruit.questions import bp
from recruit.questions.filter_fields import filter_checkboxes
from recruit.questions.forms import QuestionForm, SearchForm, StatusChangeForm
from recruit.questions.queries import check_question_in_bank
from recruit.questions.search_cache import search_bank

require_roles_for_blueprint(bp, *Role)
# For the lean filter fields (templates/questions/_filter_fields.html, filter_fields.py).
bp.add_app_template_filter(indent_lines, "indent_lines")
bp.add_app_template_global(filter_checkboxes)

EDITORS = (Role.ADMIN,)


@bp.errorhandler(BankNotLoaded)
def bank_not_loaded(_error: BankNotLoaded) -> ResponseReturnValue:
    return render_template("questions/not_loaded.html"), 503


@bp.route("/questions")
def search() -> ResponseReturnValue:
    bank = current_bank()
    form = SearchForm(request.args)
    filters = _filters_from(form)
    result = search_bank(bank, filters)
    form.set_choices(bank, result.counts)
    return render_template(
        "questions/search.html",
        form=form,
        result=result,
        bank=bank,
        filters=filters,
        load=latest_load(),
        can_edit=current_user.role in EDITORS,
    )


@bp.route("/questions/<question_id>")
def show(question_id: str) -> ResponseReturnValue:
    row = question_row(question_id) or abort(404)
    bank = current_bank()
    return render_template(
        "questions/show.html",
        row=row,
        question=bank.question(question_id),
        bank=bank,
        can_edit=current_user.role in EDITORS,
        can_see_history=current_user.role in (Role.ADMIN, Role.HR),
    )


@bp.route("/questions/<question_id>/versions/<int:number>")
@roles_required(Role.ADMIN, Role.HR)
def show_version(question_id: str, number: int) -> ResponseReturnValue:
    row = question_row(question_id) or abort(404)
    version = next((v for v in row.versions if v.number == number), None) or abort(404)
    return render_template(
        "questions/version.html",
        row=row,
        version=version,
        content=from_storable(version.content),
        bank=current_bank(),
    )


@bp.route("/attributes")
def attributes() -> ResponseReturnValue:
    bank = current_bank()
    counts = {a.key: len(bank.questions_for(attribute=a.key)) for a in bank.attributes}
    return render_template("questions/attributes.html", bank=bank, counts=counts)


@bp.route("/questions/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
def create() -> ResponseReturnValue:
    bank = current_bank()
    form = QuestionForm()
    form.set_choices(bank)
    if request.method == "GET":
        form.format.data, form.minutes.data = "behavioural", 10
        form.innovations.data = ["any"]
    if form.validate_on_submit():
        existing_ids = db.session.scalars(select(Question.id)).all()
        # InputRequired passed, so the question holds text.
        question_text = cast(str, form.question.data)
        question_id = new_question_id(form.attribute.data, question_text, existing_ids)
        saved = _check_and_save(form, question_id, "active", expected_lock_version=None)
        if saved:
            flash(f"“{opening_words(question_text)}” added to the bank", "success")
            return redirect(url_for("questions.show", question_id=question_id))
    return render_template("questions/edit.html", form=form, row=None, bank=bank)


@bp.route("/questions/<question_id>/edit", methods=["GET", "POST"])
@roles_required(*EDITORS)
def edit(question_id: str) -> ResponseReturnValue:
    row = question_row(question_id) or abort(404)
    bank = current_bank()
    form = QuestionForm(data=None if request.method == "POST" else _form_data(row))
    form.set_choices(bank)
    if form.validate_on_submit():
        if _check_and_save(form, row.id, row.status, expected_lock_version=form.lock_version.data):
            flash(
                f"“{opening_words(row.wording)}” saved as version {row.current_version_number}",
                "success",
            )
            return redirect(url_for("questions.show", question_id=row.id))
    return render_template("questions/edit.html", form=form, row=row, bank=bank)


@bp.route("/questions/<question_id>/retire", methods=["GET", "POST"])
@roles_required(*EDITORS)
def retire(question_id: str) -> ResponseReturnValue:
    return _change_status(question_id, "retired", "retired")


@bp.route("/questions/<question_id>/reinstate", methods=["GET", "POST"])
@roles_required(*EDITORS)
def reinstate(question_id: str) -> ResponseReturnValue:
    return _change_status(question_id, "active", "reinstated")


def _change_status(question_id: str, status: str, done: str) -> ResponseReturnValue:
    row = question_row(question_id) or abort(404)
    form = StatusChangeForm()
    form.reason.label.text = f"Why is this question being {done}?"
    if row.status == status:
        return redirect(url_for("questions.show", question_id=row.id))
    if form.validate_on_submit():
        content = {**from_storable(row.current.content), "status": status}
        check = check_question_in_bank(content)
        if check.ok:
            # InputRequired passed, so the reason holds text.
            reason = cast(str, form.reason.data).strip()
            save_question(content, current_user, reason, row.lock_version)
            db.session.commit()
            flash(f"“{opening_words(row.wording)}” {done}", "success")
            return redirect(url_for("questions.show", question_id=row.id))
        # validate() left the field's errors a list (its stubs say only Sequence).
        reason_errors = cast(list[str], form.reason.errors)
        reason_errors.extend(check.general_errors + sum(check.field_errors.values(), []))
    return render_template(
        "questions/status.html",
        form=form,
        row=row,
        status=status,
        question=current_bank().question(row.id),
    )


def _check_and_save(
    form: QuestionForm, question_id: str, status: str, expected_lock_version: int | None
) -> bool:
    content = question_content({**form.data, "id": question_id, "status": status})
    check = check_question_in_bank(content)
    for field_name, messages in check.field_errors.items():
        getattr(form, field_name).errors.extend(messages)
    # validate() left each field's errors a list (their stubs say only Sequence).
    if check.general_errors:
        cast(list[str], form.question.errors).extend(check.general_errors)
    if not check.ok:
        return False
    try:
        # InputRequired passed, so the change note holds text.
        change_note = cast(str, form.change_note.data).strip()
        save_question(content, current_user, change_note, expected_lock_version)
    except QuestionChangedElsewhere as conflict:
        add_error(
            form.change_note,
            f"Someone else saved version {conflict.question.current_version_number} of this "
            "question while you were editing. Your text is below: open the question in a new "
            "tab to see their changes, then save again.",
        )
        form.lock_version.data = conflict.question.lock_version
        return False
    db.session.commit()
    return True


def _form_data(row: Question) -> dict[str, object]:
    return {
        **form_fields_from_content(from_storable(row.current.content)),
        "lock_version": row.lock_version,
    }


def _filters_from(form: SearchForm) -> QuestionFilters:
    return QuestionFilters(
        text=(form.q.data or "")[:200],
        attributes=frozenset(form.attribute.data or ()),
        behaviours=frozenset(form.behaviour.data or ()),
        innovations=frozenset(form.innovation.data or ()),
        role_levels=frozenset(form.role_level.data or ()),
        audiences=frozenset(form.audience.data or ()),
        tags=frozenset(form.tag.data or ()),
        include_retired="retired" in (form.status.data or ()),
    )
