"""The exercise bank's pages: every exercise, filtered by attribute or kind, and one in full.
Read-only: exercises are changed in their YAML files and loaded with ``question-bank load``."""

from __future__ import annotations

from flask import abort, render_template, request
from flask.typing import ResponseReturnValue

from recruit.bank_store import current_bank
from recruit.domain.exercises import ExerciseKind
from recruit.exercise_store import current_exercises, exercise_or_none
from recruit.questions import bp


@bp.route("/exercises")
def exercises() -> ResponseReturnValue:
    bank = current_bank()
    attribute = request.args.get("attribute", "")
    kind = request.args.get("kind", "")
    known_attributes = {a.key for a in bank.attributes}
    known_kinds = {k.value for k in ExerciseKind}
    attribute = attribute if attribute in known_attributes else ""
    kind = kind if kind in known_kinds else ""
    order = [a.key for a in bank.attributes]
    shown = sorted(
        (
            exercise
            for exercise in current_exercises()
            if (not attribute or attribute in exercise.attributes)
            and (not kind or exercise.kind.value == kind)
        ),
        # As the bank lists attributes, values first; young people's activities last.
        key=lambda e: (e.is_for_young_people, order.index(e.primary_attribute), e.title),
    )
    return render_template(
        "questions/exercises.html",
        bank=bank,
        exercises=shown,
        attribute=attribute,
        kind=kind,
        kinds=list(ExerciseKind),
    )


@bp.route("/exercises/<exercise_id>")
def exercise(exercise_id: str) -> ResponseReturnValue:
    found = exercise_or_none(exercise_id) or abort(404)
    return render_template("questions/exercise.html", bank=current_bank(), exercise=found)
