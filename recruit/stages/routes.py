"""Stages of a vacancy and the panel for each (HR and admin)."""

from __future__ import annotations

from typing import cast

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import func, or_, select

from recruit import audit
from recruit.authorisation import require_roles_for_blueprint
from recruit.bank_store import current_bank
from recruit.domain.interview_plan import default_weights
from recruit.extensions import db
from recruit.form_fields import ConfirmForm, add_error, edited_elsewhere_message, saved_since_loaded
from recruit.models import PanelRole, PanelSeat, Role, Stage, StageRole, StageType, User, Vacancy
from recruit.results import sheets
from recruit.stages import bp, packs, panel
from recruit.stages.access import stage_of
from recruit.stages.forms import (
    SET_ASIDE,
    PanelSeatForm,
    StageForm,
    StandDownForm,
)
from recruit.stages.roles import chosen_role, role_problem

require_roles_for_blueprint(bp, Role.ADMIN, Role.HR)


@bp.route("/vacancies/<int:vacancy_id>/stages/new", methods=["GET", "POST"])
def create(vacancy_id: int) -> ResponseReturnValue:
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    form = StageForm()
    if form.validate_on_submit() and (role := _role_or_error(form, vacancy, None)):
        stage = Stage(
            vacancy_id=vacancy.id,
            position=_next_position(vacancy),
            weights=default_weights([a.key for a in current_bank().attributes]),
        )
        _copy_form(form, stage, role)
        db.session.add(stage)
        audit.record(
            "stage.created", stage, vacancy_id=vacancy.id, name=stage.name, role=role.value
        )
        db.session.commit()
        flash(f"Stage ‘{stage.name}’ added", "success")
        return redirect(url_for("stages.show", vacancy_id=vacancy.id, stage_id=stage.id))
    return render_template("stages/form.html", form=form, vacancy=vacancy, stage=None)


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>")
def show(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    form = PanelSeatForm()
    form.set_people(_people_not_on(stage))
    return render_template(
        "stages/show.html",
        vacancy=vacancy,
        stage=stage,
        form=form,
        panel_problems=panel.appointing_panel_problems_at(stage),
        training=panel.training_at(stage),
        school_hours_warning=packs.school_hours_warning_for(stage),
        school_hours_agreed=packs.school_hours_agreed_for(stage),
    )


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/edit", methods=["GET", "POST"])
def edit(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    form = StageForm(obj=stage if request.method == "GET" else None)
    if request.method == "GET":
        form.stage_type.data = stage.stage_type.value
        form.role.data = stage.role.value
    if form.validate_on_submit():
        if saved_since_loaded(form.lock_version, stage.lock_version):
            # validate() left the field's errors a list (its stubs say only Sequence).
            add_error(form.lock_version, edited_elsewhere_message("stage"))
        elif role := _role_or_error(form, vacancy, stage):
            before = _stage_state(stage)
            _copy_form(form, stage, role)
            audit.record(
                "stage.updated",
                stage,
                vacancy_id=vacancy.id,
                before=before,
                after=_stage_state(stage),
                scoring_started=sheets.scoring_started(stage),
            )
            db.session.commit()
            flash("Stage saved", "success")
            return redirect(url_for("stages.show", vacancy_id=vacancy.id, stage_id=stage.id))
    return render_template("stages/form.html", form=form, vacancy=vacancy, stage=stage)


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/panel", methods=["POST"])
def add_seat(vacancy_id: int, stage_id: int) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    form = PanelSeatForm()
    people = _people_not_on(stage)
    form.set_people(people)
    if form.validate_on_submit():
        person = next(p for p in people if str(p.id) == form.user_id.data)
        panel.add_seat(
            stage,
            person,
            PanelRole(form.panel_role.data),
            councillor=bool(form.is_councillor.data),
            executive=bool(form.is_executive_member.data),
        )
        db.session.commit()
        flash(f"{person.full_name} added to the panel", "success")
        return redirect(url_for("stages.show", vacancy_id=vacancy.id, stage_id=stage.id))
    return render_template(
        "stages/show.html",
        vacancy=vacancy,
        stage=stage,
        form=form,
        panel_problems=panel.appointing_panel_problems_at(stage),
        training=panel.training_at(stage),
    ), 200


@bp.route(
    "/vacancies/<int:vacancy_id>/stages/<int:stage_id>/panel/<int:seat_id>/remove",
    methods=["GET", "POST"],
)
def remove_seat(vacancy_id: int, stage_id: int, seat_id: int) -> ResponseReturnValue:
    vacancy, stage, seat = _seat_of(vacancy_id, stage_id, seat_id)
    if panel.seat_sheets(seat).any:
        # Their scores stay on the record: standing down is the only way off the panel.
        return redirect(
            url_for(
                "stages.stand_down_seat", vacancy_id=vacancy.id, stage_id=stage.id, seat_id=seat.id
            )
        )
    form = ConfirmForm()
    if form.validate_on_submit():
        name = seat.user.full_name
        panel.remove_seat(seat)
        db.session.commit()
        flash(f"{name} removed from the panel", "success")
        return redirect(url_for("stages.show", vacancy_id=vacancy.id, stage_id=stage.id))
    return render_template(
        "stages/remove_seat.html", vacancy=vacancy, stage=stage, seat=seat, form=form
    )


@bp.route(
    "/vacancies/<int:vacancy_id>/stages/<int:stage_id>/panel/<int:seat_id>/stand-down",
    methods=["GET", "POST"],
)
def stand_down_seat(vacancy_id: int, stage_id: int, seat_id: int) -> ResponseReturnValue:
    vacancy, stage, seat = _seat_of(vacancy_id, stage_id, seat_id)
    form = StandDownForm()
    counts = panel.seat_sheets(seat)
    if not seat.is_stood_down and form.validate_on_submit():
        # InputRequired passed, so the reason holds text.
        reason = cast(str, form.reason.data).strip()
        set_aside = panel.stand_down(seat, reason, form.submitted_sheets.data == SET_ASIDE)
        db.session.commit()
        flash(_stood_down_message(seat.user.full_name, set_aside), "success")
        return redirect(url_for("stages.show", vacancy_id=vacancy.id, stage_id=stage.id))
    return render_template(
        "stages/stand_down.html", vacancy=vacancy, stage=stage, seat=seat, form=form, counts=counts
    )


def _stood_down_message(name: str, set_aside: int) -> str:
    if not set_aside:
        return f"{name} stood down: the sheets they submitted still count"
    return f"{name} stood down: {set_aside} submitted sheets set aside"


def _seat_of(vacancy_id: int, stage_id: int, seat_id: int) -> tuple[Vacancy, Stage, PanelSeat]:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    seat = next((s for s in stage.seats if s.id == seat_id), None)
    if seat is None:
        abort(404)
    return vacancy, stage, seat


def _role_or_error(form: StageForm, vacancy: Vacancy, stage: Stage | None) -> StageRole | None:
    """The role the stage takes, or None with the reason on the form's role field."""
    role = chosen_role(form.role.data, StageType(form.stage_type.data), vacancy, stage)
    problem = role_problem(role, vacancy, stage)
    if problem is None:
        return role
    add_error(form.role, problem)
    return None


def _copy_form(form: StageForm, stage: Stage, role: StageRole) -> None:
    stage.name = cast(str, form.name.data).strip()  # InputRequired passed: it holds text
    stage.stage_type = StageType(form.stage_type.data)
    stage.role = role
    stage.held_on = form.held_on.data
    stage.duration_minutes = form.duration_minutes.data
    stage.starts_at = form.starts_at.data
    stage.slot_minutes = form.slot_minutes.data
    stage.break_minutes = form.break_minutes.data or None  # a break of 0 is no break
    stage.school_hours_agreement = (form.school_hours_agreement.data or "").strip() or None


def _stage_state(stage: Stage) -> dict[str, object]:
    return {
        "name": stage.name,
        "stage_type": stage.stage_type.value,
        "role": stage.role.value,
        "held_on": stage.held_on.isoformat() if stage.held_on else None,
        "duration_minutes": stage.duration_minutes,
        "starts_at": stage.starts_at.strftime("%H:%M") if stage.starts_at else None,
        "slot_minutes": stage.slot_minutes,
        "break_minutes": stage.break_minutes,
        "school_hours_agreement": stage.school_hours_agreement,
    }


def _next_position(vacancy: Vacancy) -> int:
    highest = db.session.scalar(
        select(func.max(Stage.position)).where(Stage.vacancy_id == vacancy.id)
    )
    return (highest or 0) + 1


def _people_not_on(stage: Stage) -> list[User]:
    seated = {seat.user_id for seat in stage.seats}
    people = db.session.scalars(
        # Someone HR invited can sit on more panels before they have set their password.
        select(User)
        .where(or_(User.is_enabled.is_(True), User.awaiting_password.is_(True)))
        .order_by(User.full_name)
    )
    return [person for person in people if person.id not in seated]


@bp.route("/vacancies/<int:vacancy_id>/stages/<int:stage_id>/move/<direction>", methods=["POST"])
def move(vacancy_id: int, stage_id: int, direction: str) -> ResponseReturnValue:
    vacancy, stage = stage_of(vacancy_id, stage_id)
    if direction not in ("up", "down") or not ConfirmForm().validate_on_submit():
        abort(400)
    stages = list(vacancy.stages)
    index = stages.index(stage)
    target = min(max(index + (-1 if direction == "up" else 1), 0), len(stages) - 1)
    stages.insert(target, stages.pop(index))
    for position, each in enumerate(stages, start=1):
        each.position = position
    audit.record("stage.moved", stage, direction=direction)
    db.session.commit()
    return redirect(url_for("vacancies.show", vacancy_id=vacancy.id))
