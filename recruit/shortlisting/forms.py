"""The forms to note a gap or discrepancy and to record the shortlisting decision."""

from __future__ import annotations

from collections.abc import Sequence

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovDateInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
)
from wtforms import Field, RadioField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from recruit.domain.shortlisting import NOTE_LIMIT
from recruit.form_fields import GovukDateField, SelectChoice, WholeNumberField
from recruit.models import CriterionOutcome, ScrutinyKind

SHORTLIST, DO_NOT_SHORTLIST = "shortlist", "do_not_shortlist"
KIND_HINTS = {
    ScrutinyKind.GAP: "A period the application does not account for",
    ScrutinyKind.DISCREPANCY: (
        "Dates, titles or facts that do not agree, within the application or with a reference"
    ),
}


def _note(label: str, description: str, required: str | None) -> TextAreaField:
    validators: list[object] = [
        InputRequired(message=required) if required else Optional(),
        Length(max=NOTE_LIMIT, message=f"{label} must be {NOTE_LIMIT:,} characters or fewer"),
    ]
    return TextAreaField(
        label, description=description, widget=GovTextArea(), validators=validators
    )


def _lock_version() -> WholeNumberField:
    return WholeNumberField(
        widget=HiddenInput(),
        invalid_message="Reload the page and try again",
        validators=[Optional()],
    )


class PointForm(FlaskForm):
    kind = RadioField(
        "What did you notice?",
        choices=[SelectChoice(kind.value, kind.label) for kind in ScrutinyKind],
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select a gap in employment or a discrepancy")],
    )
    from_date = GovukDateField(
        "From",
        what="the start date",
        required=False,
        description="For a gap, the day after the last job ended. For example, 1 3 2019",
        widget=GovDateInput(),
    )
    to_date = GovukDateField(
        "To",
        what="the end date",
        required=False,
        description="For a gap, the day before the next job started. For example, 30 9 2019",
        widget=GovDateInput(),
    )
    noted = _note(
        "What you noticed",
        "Facts from the application only, for example: no employment listed between two posts",
        "Enter what you noticed",
    )
    to_explore = _note(
        "What the panel should explore",
        "The panel reads this on the candidate's score sheet and in its pack",
        "Enter what the panel should explore",
    )
    stage = RadioField(
        "Which panel explores it?",
        description="Only the members of that stage's panel see it.",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the stage whose panel explores it")],
    )
    explanation = _note(
        "The candidate's explanation",
        "Once explored: what the candidate said and whether it was satisfactory",
        None,
    )
    lock_version = _lock_version()
    submit = SubmitField("Save", widget=GovSubmitInput())

    def set_stages(self, stages: Sequence[tuple[int, str]]) -> None:
        self.stage.choices = [SelectChoice(str(stage_id), name) for stage_id, name in stages]


class DecisionForm(FlaskForm):
    """The decision, its reasons, and (added by ``decision_form``) an outcome and evidence
    field per essential criterion: ``outcome_<id>`` and ``evidence_<id>``."""

    decision = RadioField(
        "Is the candidate shortlisted?",
        choices=[
            SelectChoice(SHORTLIST, "Shortlist"),
            SelectChoice(DO_NOT_SHORTLIST, "Do not shortlist"),
        ],
        widget=GovRadioInput(),
        validators=[Optional()],
    )
    reasons = _note(
        "Reasons",
        "Needed when the candidate is not shortlisted, or when the decision changes",
        None,
    )
    lock_version = _lock_version()
    submit = SubmitField("Record the decision", widget=GovSubmitInput())

    def outcome_field(self, criterion_id: int) -> Field:
        field: Field = self[f"outcome_{criterion_id}"]
        return field

    def evidence_field(self, criterion_id: int) -> Field:
        field: Field = self[f"evidence_{criterion_id}"]
        return field


def decision_form(criteria: Sequence[tuple[int, str]], **kwargs: object) -> DecisionForm:
    """A DecisionForm with an outcome and an evidence field for each (id, text) criterion."""

    class _Form(DecisionForm):
        pass

    for criterion_id, text in criteria:
        setattr(
            _Form,
            f"outcome_{criterion_id}",
            RadioField(
                text,
                choices=[SelectChoice(o.value, o.label) for o in CriterionOutcome],
                widget=GovRadioInput(),
                validators=[Optional()],
            ),
        )
        setattr(
            _Form,
            f"evidence_{criterion_id}",
            _note("Evidence from the application", "Optional", None),
        )
    return _Form(**kwargs)
