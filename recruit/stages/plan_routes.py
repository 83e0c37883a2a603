"""The interview plan of a stage: choose questions, order them, set minutes and weights, issue."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from recruit.bank_store import current_bank
from recruit.domain.interview_plan import (
    WeightError,
    attribute_minutes,
    normalise_weights,
    planned_minutes,
    weights_as_percentages,
)
from recruit.domain.question_bank.search import QuestionFilters
from recruit.exercise_store import current_exercises, exercise_or_none
from recruit.extensions import db
from recruit.form_fields import ConfirmForm
from recruit.models import Stage, StageType, Vacancy
from recruit.questions.forms import SearchForm
from recruit.questions.search_cache import search_bank
from recruit.results import sheets
from recruit.stages import bp, plan
from recruit.stages.access import stage_of
from recruit.stages.forms import (
    IssuePlanForm,
    PlanExerciseForm,
    PlanItemForm,
    minutes_form_class,
    weight_field_name,
    weights_form_class,
)
from recruit.stages.issue_gates import issue_blockers


def _plan_url(vacancy_id: int, stage_id: int) -> str:
    return url_for("stages.plan_page", vacancy_id=vacancy_id, stage_id=stage_id)


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/plan")
def plan_page(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    return _render_plan(vacancy, stage)


def _render_plan(
    vacancy: Vacancy,
    stage: Stage,
    weights_form: FlaskForm | None = None,
    minutes_form: FlaskForm | None = None,
    status: int = 200,
    issue_form: IssuePlanForm | None = None,
) -> ResponseReturnValue:
    bank = current_bank()
    stage_plan = plan.stage_plan(stage, bank)
    attributes = [(a.key, a.name) for a in bank.attributes]
    if weights_form is None:
        percentages = dict(weights_as_percentages(stage.weights or {}))
        weights_form = weights_form_class(attributes)(
            data={weight_field_name(key): percentages.get(key, 0) for key, _ in attributes}
        )
    if minutes_form is None:
        minutes_form = minutes_form_class([item.id for item in stage.items])(
            data={f"minutes_{item.id}": item.minutes for item in stage.items}
        )
    every_finding = plan.vacancy_findings(vacancy, bank)
    # An empty plan gets one plain hint, not a warning for everything it does not yet hold.
    findings = (
        [f for f in every_finding if f.stage in (None, stage.name)]
        if stage.items or stage.activities
        else []
    )
    return render_template(
        "stages/plan.html",
        vacancy=vacancy,
        stage=stage,
        bank=bank,
        findings=findings,
        total=planned_minutes(stage_plan),
        by_attribute=attribute_minutes(stage_plan),
        weights_form=weights_form,
        minutes_form=minutes_form,
        item_form=PlanItemForm(),
        weight_fields=[(key, name, weight_field_name(key)) for key, name in attributes],
        confirm=ConfirmForm(),
        issue_form=issue_form or IssuePlanForm(formdata=None),
        blockers=[]
        if stage.plan_issued_at
        else issue_blockers(vacancy, stage, bank, every_finding),
        override=plan.issue_override(stage) if stage.plan_issued_at else None,
        scoring_started=sheets.scoring_started(stage),
        exercise_titles={exercise.id: exercise.title for exercise in current_exercises()},
        # base.html shows the GOV.UK error summary for the page's ``form``: the one in error.
        form=next((f for f in (weights_form, minutes_form, issue_form) if f and f.errors), None),
    ), status


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/plan/questions")
def find_questions(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    bank = current_bank()
    arguments = request.args if request.args else _default_filters(vacancy, stage)
    form = SearchForm(arguments)
    filters = QuestionFilters(
        text=(form.q.data or "")[:200],
        attributes=frozenset(form.attribute.data or ()),
        innovations=frozenset(form.innovation.data or ()),
        role_levels=frozenset(form.role_level.data or ()),
        audiences=frozenset(form.audience.data or ()),
        behaviours=frozenset(form.behaviour.data or ()),
    )
    result = search_bank(bank, filters)
    form.set_choices(bank, result.counts)
    planned = {item.question_id for s in vacancy.stages for item in s.items}
    so_far = plan.stage_plan(stage, bank)
    return render_template(
        "stages/find_questions.html",
        vacancy=vacancy,
        stage=stage,
        bank=bank,
        form=form,
        result=result,
        planned=planned,
        planned_minutes=planned_minutes(so_far),
        by_attribute=attribute_minutes(so_far),
        item_form=PlanItemForm(),
    )


def _default_filters(vacancy: Vacancy, stage: Stage) -> MultiDict[str, str]:
    defaults = [("innovation", vacancy.innovation), ("role_level", vacancy.role_level)]
    if stage.stage_type is StageType.YOUNG_PEOPLES_PANEL:
        defaults.append(("audience", "young_people"))
    return MultiDict([(key, value) for key, value in defaults if value != "any"])


# More than any search lists: a hand-made request adding thousands is refused.
MAX_QUESTIONS_AT_ONCE = 50


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/plan/add", methods=["POST"])
def add_to_plan(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    """Add the ticked questions, in the order listed; none ticked returns to the list."""
    vacancy, stage = stage_of(vacancy_id, stage_id)
    form = PlanItemForm()
    chosen = list(dict.fromkeys(request.form.getlist("question_id")))
    active = {q.id: q for q in current_bank().active_questions()}
    if (
        not form.validate_on_submit()
        or len(chosen) > MAX_QUESTIONS_AT_ONCE
        or any(question_id not in active for question_id in chosen)
    ):
        abort(400)
    if not chosen:
        flash("Tick the questions you want to add, then add them.", "info")
        return redirect(url_for("stages.find_questions", vacancy_id=vacancy.id, stage_id=stage.id))
    with _unless_locked():
        for question_id in chosen:
            plan.add_question(stage, question_id)
        db.session.commit()
        flash(_added_message([active[question_id].question for question_id in chosen]), "success")
    return redirect(_plan_url(vacancy.id, stage.id))


def _added_message(questions: list[str]) -> str:
    """ "Added to the plan: Tell us about a time..." for one; "3 questions added" for more."""
    if len(questions) == 1:
        text = " ".join(questions[0].split())
        return f"Added to the plan: {text[:120]}{'...' if len(text) > 120 else ''}"
    return f"{len(questions)} questions added to the plan"


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/plan/exercises")
def find_exercises(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    """The exercises that suit the post, to add to the plan; young people's activities are
    listed apart, since their panel records a traffic light rather than scores, and only a
    young people's panel adds them."""
    vacancy, stage = stage_of(vacancy_id, stage_id)
    suited = [
        exercise
        for exercise in current_exercises()
        if exercise.is_active
        and vacancy.role_level in exercise.role_levels
        and exercise.suits_innovation(vacancy.innovation)
    ]
    planned = {item.exercise_id for s in vacancy.stages for item in s.items}
    planned |= {activity.exercise_id for s in vacancy.stages for activity in s.activities}
    return render_template(
        "stages/find_exercises.html",
        vacancy=vacancy,
        stage=stage,
        bank=current_bank(),
        scored=[e for e in suited if not e.is_for_young_people],
        young_people=[e for e in suited if e.is_for_young_people],
        planned=planned,
        young_peoples_panel=stage.stage_type is StageType.YOUNG_PEOPLES_PANEL,
        form=PlanExerciseForm(),
    )


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/plan/exercises/add", methods=["POST"])
def add_exercise(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    form = PlanExerciseForm()
    chosen = exercise_or_none(form.exercise_id.data or "") if form.validate_on_submit() else None
    if chosen is None or not chosen.is_active:
        abort(400)
    with _unless_locked():
        if chosen.is_for_young_people:
            plan.add_activity(stage, chosen)
            db.session.commit()
            flash(f"{chosen.title} added to the plan: not scored", "success")
        else:
            items = plan.add_exercise(stage, chosen)
            db.session.commit()
            flash(
                f"{chosen.title} added to the plan: scored on {len(items)} "
                f"{'attribute' if len(items) == 1 else 'attributes'}",
                "success",
            )
    return redirect(_plan_url(vacancy.id, stage.id))


@bp.route(
    "/vacancies/<int:vacancy_id>/stages/<int:stage_id>/plan/activities/<int:activity_id>/remove",
    methods=["POST"],
)
def remove_activity(vacancy_id: int, stage_id: int, activity_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    activity = next((a for a in stage.activities if a.id == activity_id), None) or abort(404)
    if not PlanItemForm().validate_on_submit():
        abort(400)
    with _unless_locked():
        plan.remove_activity(stage, activity)
        db.session.commit()
        flash("Activity removed from the plan", "success")
    return redirect(_plan_url(vacancy.id, stage.id))


@bp.route(
    "/vacancies/<int:vacancy_id>/stages/<int:stage_id>/plan/items/<int:item_id>/<action>",
    methods=["POST"],
)
def change_item(vacancy_id: int, stage_id: int, item_id: int, action: str) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    item = next((i for i in stage.items if i.id == item_id), None) or abort(404)
    if action not in ("up", "down", "remove") or not PlanItemForm().validate_on_submit():
        abort(400)
    with _unless_locked():
        if action == "remove":
            plan.remove_item(stage, item)
        else:
            plan.move_item(stage, item, -1 if action == "up" else 1)
        db.session.commit()
    return redirect(_plan_url(vacancy.id, stage.id))


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/plan/minutes", methods=["POST"])
def save_minutes(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    form = minutes_form_class([item.id for item in stage.items])()
    if not form.validate_on_submit():
        return _render_plan(vacancy, stage, minutes_form=form)
    with _unless_locked():
        plan.set_minutes(stage, {item.id: form[f"minutes_{item.id}"].data for item in stage.items})
        db.session.commit()
        flash("Minutes saved", "success")
    return redirect(_plan_url(vacancy.id, stage.id))


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/plan/weights", methods=["POST"])
def save_weights(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    attributes = [(a.key, a.name) for a in current_bank().attributes]
    form = weights_form_class(attributes)()
    if form.validate_on_submit():
        try:
            weights = normalise_weights(
                {key: form[weight_field_name(key)].data for key, _ in attributes}
            )
            plan.set_weights(stage, weights)
        except WeightError as error:
            form[weight_field_name(error.attribute or attributes[0][0])].errors.append(str(error))
        except plan.ScoredPlanLocked as locked:
            db.session.rollback()
            flash(str(locked), "info")
            return redirect(_plan_url(vacancy.id, stage.id))
        else:
            db.session.commit()
            flash("Weights saved", "success")
            return redirect(_plan_url(vacancy.id, stage.id))
    return _render_plan(vacancy, stage, weights_form=form)


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/plan/issue", methods=["POST"])
def issue(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    form = IssuePlanForm()
    if not form.validate_on_submit():
        if form.csrf_token.errors or not form.errors:
            abort(400)
        return _render_plan(vacancy, stage, issue_form=form)
    if not stage.items:
        flash("Add at least one question before issuing the plan", "info")
        return redirect(_plan_url(vacancy.id, stage.id))
    blockers = issue_blockers(vacancy, stage, current_bank())
    reason = form.entered_reason()
    if blockers and not reason:
        form.override_reason.errors = [
            "Put right what stops the plan being issued, or say why it should be issued anyway"
        ]
        return _render_plan(vacancy, stage, issue_form=form)
    with _unless_locked():
        plan.issue_plan(stage, overridden=tuple(blockers), override_reason=reason)
        db.session.commit()
        flash("Plan issued: its questions are now fixed as they stand today", "success")
    return redirect(_plan_url(vacancy.id, stage.id))


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/plan/withdraw", methods=["POST"])
def withdraw(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    with _unless_locked():
        plan.withdraw_plan(stage, "Withdrawn to change the questions")
        db.session.commit()
        flash("Plan withdrawn: you can change its questions again", "success")
    return redirect(_plan_url(vacancy.id, stage.id))


@contextmanager
def _unless_locked() -> Iterator[None]:
    """Turn a change to an issued plan into a clear message instead of an error."""
    try:
        yield
    except plan.PlanLocked:
        db.session.rollback()
        flash("This plan has been issued. Withdraw it to change its questions.", "info")
    except (plan.ScoredPlanLocked, plan.ExerciseGone, plan.ExerciseNotScored) as refused:
        db.session.rollback()
        flash(str(refused), "info")
