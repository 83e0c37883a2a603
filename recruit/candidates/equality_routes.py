"""HR record candidates' equality monitoring answers, from the job board's export or one
by one from a paper form. Write only: nothing here shows an answer held, so HR never read
them (only the equality monitoring role and administrators do, in recruit/equality)."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Response, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from recruit import audit
from recruit.candidates import bp
from recruit.candidates.equality_forms import EqualityImportForm, equality_answers_form
from recruit.candidates.import_file import checked_equality_file
from recruit.domain.candidates.model import ImportProblem
from recruit.domain.equality.answers_file import match_candidates, template_csv
from recruit.domain.equality.categories import CATEGORIES
from recruit.extensions import db
from recruit.models import Candidate, EqualityAnswers, Vacancy
from recruit.models._types import utcnow

FILE_HAS_PROBLEMS = "The file has problems: nothing was recorded. Fix them and upload it again"


@bp.route("/vacancies/<int:vacancy_id>/candidates/equality/import", methods=["GET", "POST"])
def equality_import(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    form = EqualityImportForm()
    problems: list[ImportProblem] = []
    if form.validate_on_submit():
        checked = checked_equality_file()
        if checked is None:
            form.file.errors.append("Select the equality export to upload (a CSV file)")
        else:
            matched, unmatched = match_candidates(checked, _candidate_ids(vacancy))
            problems = [*checked.problems, *unmatched]
            if problems:
                form.file.errors.append(FILE_HAS_PROBLEMS)
            else:
                for candidate_id, row in matched.items():
                    _record(candidate_id, row.answers, "import")
                audit.record("equality.imported", vacancy, candidates=len(matched))
                db.session.commit()
                flash(_recorded_message(len(matched)), "success")
                return redirect(url_for("candidates.index", vacancy_id=vacancy.id))
    return render_template(
        "candidates/equality_import.html",
        vacancy=vacancy,
        form=form,
        problems=problems,
        categories=CATEGORIES,
    )


@bp.route("/vacancies/<int:vacancy_id>/candidates/equality/template.csv")
def equality_template(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    codes = [candidate.code for candidate in sorted(vacancy.candidates, key=lambda c: c.code)]
    return Response(
        template_csv(codes),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="equality-answers.csv"'},
    )


@bp.route(
    "/vacancies/<int:vacancy_id>/candidates/<int:candidate_id>/equality", methods=["GET", "POST"]
)
def equality_answers(vacancy_id: int, candidate_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    candidate = db.session.get(Candidate, candidate_id)
    if candidate is None or candidate.vacancy_id != vacancy.id:
        abort(404)
    form = equality_answers_form()
    if form.validate_on_submit():
        # "Not answered" is the empty choice: stored as None, like a blank cell in a file.
        answers = {category.key: form[category.key].data or None for category in CATEGORIES}
        _record(candidate.id, answers, "entered")
        audit.record("equality.entered", candidate, vacancy_id=vacancy.id)
        db.session.commit()
        flash(_recorded_message(1), "success")
        return redirect(url_for("candidates.index", vacancy_id=vacancy.id))
    held = db.session.scalar(
        select(EqualityAnswers.recorded_at).where(EqualityAnswers.candidate_id == candidate.id)
    )
    return render_template(
        "candidates/equality_answers.html",
        vacancy=vacancy,
        candidate=candidate,
        form=form,
        categories=CATEGORIES,
        recorded_at=held,
    )


def _candidate_ids(vacancy: Vacancy) -> dict[str, int]:
    ids: dict[str, int] = {}
    for candidate in vacancy.candidates:
        ids[candidate.code.casefold()] = candidate.id
        if candidate.email:
            ids[candidate.email.strip().casefold()] = candidate.id
    return ids


def _record(candidate_id: int, answers: Mapping[str, str | None], source: str) -> None:
    """Keep ``answers`` for the candidate, replacing any held: the newest form counts."""
    row = db.session.scalar(
        select(EqualityAnswers).where(EqualityAnswers.candidate_id == candidate_id)
    )
    if row is None:
        row = EqualityAnswers(candidate_id=candidate_id)
        db.session.add(row)
    for category in CATEGORIES:
        setattr(row, category.key, answers.get(category.key))
    row.source = source
    row.recorded_at = utcnow()
    row.recorded_by_id = current_user.id


def _recorded_message(count: int) -> str:
    who = "1 candidate" if count == 1 else f"{count} candidates"
    return (
        f"Equality monitoring answers recorded for {who}. They are kept apart from the "
        "selection: only equality monitoring and administrators can read them"
    )
