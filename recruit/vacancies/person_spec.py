"""A vacancy's person specification: HR lists what the post needs, essential or desirable,
and how each is assessed, starting from the standard criteria for the post's role level
and innovation. Every change is audited; the advert prints the result."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from recruit import audit
from recruit.bank_store import current_bank
from recruit.domain.person_spec import (
    Criterion,
    PersonSpecError,
    Starter,
    load_starters,
    starters_for,
)
from recruit.extensions import db
from recruit.models import PersonSpecCriterion, Vacancy
from recruit.shortlisting.queries import assessed_against
from recruit.vacancies import bp
from recruit.vacancies.person_spec_forms import (
    CriterionForm,
    RemoveCriterionForm,
    StartFromStandardForm,
)

STARTERS_FILE = "person_specifications.yaml"


def standard_criteria(vacancy: Vacancy) -> tuple[Criterion, ...]:
    """The starter criteria that suit the vacancy's role level and innovation."""
    return starters_for(_starters(), vacancy.role_level, vacancy.innovation)


def _starters() -> tuple[Starter, ...]:
    bank = current_bank()
    folder = Path(current_app.config["QUESTION_BANK_DIR"])
    return _read_starters(
        folder / STARTERS_FILE,
        tuple(level.key for level in bank.role_levels),
        tuple(innovation.key for innovation in bank.innovations),
    )


@lru_cache(maxsize=4)
def _read_starters(
    path: Path, role_levels: tuple[str, ...], innovations: tuple[str, ...]
) -> tuple[Starter, ...]:
    # Read once per process: the file changes only when an editor deploys a new one.
    return load_starters(path.read_text(encoding="utf-8"), role_levels, innovations)


def _vacancy(vacancy_id: int) -> Vacancy:
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None:
        abort(404)
    return vacancy


def _page_url(vacancy: Vacancy) -> str:
    return url_for("vacancies.person_spec", vacancy_id=vacancy.id)


@bp.route("/vacancies/<int:vacancy_id>/person-specification", methods=["GET", "POST"])
def person_spec(vacancy_id: int) -> ResponseReturnValue:
    vacancy = _vacancy(vacancy_id)
    form = CriterionForm()
    if form.validate_on_submit():
        entered = form.entered()
        if entered is not None:
            _add(vacancy, *entered)
            db.session.commit()
            flash("Criterion added", "success")
            return redirect(_page_url(vacancy))
    return _render(vacancy, form)


@bp.route("/vacancies/<int:vacancy_id>/person-specification/standard", methods=["POST"])
def person_spec_standard(vacancy_id: int) -> ResponseReturnValue:
    vacancy = _vacancy(vacancy_id)
    if not StartFromStandardForm().validate_on_submit():
        abort(400)
    try:
        criteria = standard_criteria(vacancy)
    except PersonSpecError as error:
        flash(f"The standard criteria could not be read: {error}", "info")
        return redirect(_page_url(vacancy))
    existing = {criterion.text for criterion in vacancy.criteria}
    added = [c for c in criteria if c.text not in existing]
    for criterion in added:
        _add(vacancy, criterion.text, criterion.essential, criterion.assessed_by)
    db.session.commit()
    flash(
        f"{len(added)} standard {'criterion' if len(added) == 1 else 'criteria'} added", "success"
    )
    return redirect(_page_url(vacancy))


@bp.route(
    "/vacancies/<int:vacancy_id>/person-specification/<int:criterion_id>/remove",
    methods=["POST"],
)
def person_spec_remove(vacancy_id: int, criterion_id: int) -> ResponseReturnValue:
    vacancy = _vacancy(vacancy_id)
    criterion = db.session.get(PersonSpecCriterion, criterion_id)
    if criterion is None or criterion.vacancy_id != vacancy.id:
        abort(404)
    if not RemoveCriterionForm().validate_on_submit():
        abort(400)
    assessed = assessed_against(criterion.id)
    if assessed:
        # The shortlisting decisions made against it would lose their record.
        flash(
            f"This criterion stays: {assessed} shortlisting "
            f"{'decision was' if assessed == 1 else 'decisions were'} made against it",
            "info",
        )
        return redirect(_page_url(vacancy))
    audit.record("person_spec.criterion_removed", vacancy, text=criterion.text)
    vacancy.criteria.remove(criterion)
    for position, remaining in enumerate(vacancy.criteria, start=1):
        remaining.position = position
    db.session.commit()
    flash("Criterion removed", "success")
    return redirect(_page_url(vacancy))


def _add(vacancy: Vacancy, text: str, essential: bool, assessed_by: tuple[str, ...]) -> None:
    vacancy.criteria.append(
        PersonSpecCriterion(
            position=len(vacancy.criteria) + 1,
            text=text,
            essential=essential,
            assessed_by=list(assessed_by),
        )
    )
    audit.record(
        "person_spec.criterion_added",
        vacancy,
        text=text,
        essential=essential,
        assessed_by=list(assessed_by),
    )


def _render(vacancy: Vacancy, form: CriterionForm) -> ResponseReturnValue:
    try:
        standard = standard_criteria(vacancy)
    except PersonSpecError:
        standard = ()
    listed = {criterion.text for criterion in vacancy.criteria}
    return render_template(
        "vacancies/person_spec.html",
        vacancy=vacancy,
        form=form,
        criteria=[criterion_value(c) for c in vacancy.criteria],
        rows=vacancy.criteria,
        # Only those not listed yet: once every one is, the button has nothing to add.
        standard_count=sum(1 for criterion in standard if criterion.text not in listed),
        standard_form=StartFromStandardForm(formdata=None),
        remove_form=RemoveCriterionForm(formdata=None),
    )


def criterion_value(row: PersonSpecCriterion) -> Criterion:
    return Criterion(row.text, row.essential, tuple(row.assessed_by or ()))
