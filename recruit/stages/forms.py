"""Stage and panel forms."""

from __future__ import annotations

import datetime
from typing import Any

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovDateInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields import Field
from wtforms.form import BaseForm
from wtforms.validators import (
    AnyOf,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    StopValidation,
    ValidationError,
)
from wtforms.widgets import HiddenInput

from recruit.domain.documents.interview_pack import parse_clock_time
from recruit.form_fields import GovukDateField, SelectChoice, WholeNumberField
from recruit.models import PanelRole, StageRole, StageType, User

START_TIME_MESSAGE = "Enter the start time as hours and minutes, like 09:30"


class ClockTimeField(Field):
    """An optional time of day in one text box ("09:30", "9.30", "2:15pm"). A time that
    cannot be read is re-shown as typed, with a message saying how to write it."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = str(valuelist[0]).strip() if valuelist else ""
        self.data = parse_clock_time(text) if text else None
        if text and self.data is None:
            raise ValueError(START_TIME_MESSAGE)

    def pre_validate(self, form: BaseForm) -> None:
        # process_formdata gave the message already: nothing more to add.
        if self.process_errors:
            raise StopValidation()

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        return self.data.strftime("%H:%M") if isinstance(self.data, datetime.time) else ""


class StageForm(FlaskForm):
    name = StringField(
        "Stage name",
        description="For example, Stakeholder panel with partners",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter a name for the stage"),
            Length(max=200, message="Stage name must be 200 characters or fewer"),
        ],
    )
    stage_type = RadioField(
        "Type of stage",
        widget=GovRadioInput(),
        choices=[SelectChoice(kind.value, kind.label) for kind in StageType],
        validators=[InputRequired(message="Select the type of stage")],
    )
    role = RadioField(
        "Does this panel make the appointment decision?",
        description=(
            "One stage decides: its moderated outcome is the decision and its figures the "
            "only ones totalled and ranked. Other stages advise: their reports sit beside "
            "the decision, never averaged into it. Leave this and a final panel or "
            "elected-member panel decides (unless another stage already does); other types "
            "advise."
        ),
        widget=GovRadioInput(),
        choices=[SelectChoice(role.value, role.label) for role in StageRole],
        # Optional, so checked here: a value that is not a role is refused in words.
        validate_choice=False,
        validators=[
            Optional(),
            AnyOf(
                [role.value for role in StageRole],
                message="Select whether this panel makes the decision or advises",
            ),
        ],
    )
    held_on = GovukDateField(
        "Date",
        what="the date of the stage",
        required=False,
        description="Optional. For example, 14 4 2027",
        widget=GovDateInput(),
    )
    duration_minutes = WholeNumberField(
        "Time for each candidate",
        description="In minutes. The interview plan's questions should fit in this time.",
        widget=GovTextInput(),
        invalid_message="Enter the time for each candidate in minutes, like 60",
        validators=[
            InputRequired(message="Enter the time for each candidate in minutes, like 60"),
            NumberRange(
                min=5, max=480, message="Time for each candidate must be between 5 and 480 minutes"
            ),
        ],
    )
    starts_at = ClockTimeField(
        "First interview starts at",
        description=(
            "Optional. Use the 24-hour clock, like 09:30 or 14:00. Leave it blank and the "
            "packs suggest times from 09:30."
        ),
        widget=GovTextInput(),
    )
    slot_minutes = WholeNumberField(
        "Length of each slot",
        description=(
            "Optional. In minutes: the interview and the panel's time to score on their own "
            "before the next candidate, so at least the time for each candidate. Leave it "
            "blank to allow 15 minutes after each interview."
        ),
        widget=GovTextInput(),
        invalid_message="Enter the length of each slot in minutes, like 75",
        validators=[
            Optional(),
            NumberRange(
                min=5, max=720, message="Length of each slot must be between 5 and 720 minutes"
            ),
        ],
    )
    break_minutes = WholeNumberField(
        "Break",
        description=(
            "Optional. In minutes. The break comes after the middle interview of the day: "
            "after the 2nd of 3 or 4 interviews, or the 3rd of 5 or 6."
        ),
        widget=GovTextInput(),
        invalid_message="Enter the break in minutes, like 30",
        validators=[
            Optional(),
            NumberRange(min=0, max=240, message="Break must be between 0 and 240 minutes"),
        ],
    )
    school_hours_agreement = TextAreaField(
        "If young people on the panel would miss school: how the time was agreed",
        description=(
            "Optional. For a young people's panel held on a school day between 09:00 and "
            "15:30: who agreed the time with the young people and their schools or "
            "colleges, and when. Leave it blank and the stage page and the packs warn "
            "instead."
        ),
        widget=GovTextArea(),
        validators=[
            Optional(),
            Length(max=2000, message="How the time was agreed must be 2000 characters or fewer"),
        ],
    )
    lock_version = WholeNumberField(
        widget=HiddenInput(),
        invalid_message="Reload the page and try again",
        validators=[Optional()],
    )
    submit = SubmitField("Save stage", widget=GovSubmitInput())

    def validate_slot_minutes(self, field: WholeNumberField) -> None:
        interview = self.duration_minutes.data
        if field.data is not None and interview is not None and field.data < interview:
            raise ValidationError(
                "Length of each slot must be at least the time for each candidate "
                f"({interview} minutes)"
            )


def panel_role_field() -> RadioField:
    return RadioField(
        "Role on the panel",
        widget=GovRadioInput(),
        choices=[SelectChoice(role.value, role.label) for role in PanelRole],
        validators=[InputRequired(message="Select their role on the panel")],
    )


def councillor_field() -> BooleanField:
    return BooleanField(
        "They are an elected member (a councillor)",
        description="For a post elected members appoint, only councillors decide.",
        widget=GovCheckboxInput(),
    )


def executive_member_field() -> BooleanField:
    return BooleanField(
        "They are a member of the executive (cabinet)",
        description="A panel that appoints a chief officer needs at least one.",
        widget=GovCheckboxInput(),
    )


class PanelSeatForm(FlaskForm):
    user_id = SelectField(
        "Person",
        widget=GovSelect(),
        validators=[InputRequired(message="Select who sits on the panel")],
    )
    panel_role = panel_role_field()
    is_councillor = councillor_field()
    is_executive_member = executive_member_field()
    submit = SubmitField("Add to the panel", widget=GovSubmitInput())

    def set_people(self, people: list[User]) -> None:
        self.user_id.choices = [SelectChoice("", "Choose a person")] + [
            SelectChoice(str(person.id), _person_choice(person)) for person in people
        ]


def _person_choice(person: User) -> str:
    waiting = ", invited: no password yet" if person.awaiting_password else ""
    return f"{person.full_name} ({person.email}{waiting})"


def weights_form_class(attributes: list[tuple[str, str]]) -> type[FlaskForm]:
    """A form with one whole-percentage field per attribute (key, name)."""

    class WeightsForm(FlaskForm):
        submit = SubmitField("Save weights", widget=GovSubmitInput())

    for key, name in attributes:
        field = WholeNumberField(
            name,
            widget=GovTextInput(),
            invalid_message=f"Enter the weight for {name} as a whole number, like 20",
            validators=[
                InputRequired(message=f"Enter the weight for {name}, or 0 to leave it out"),
                NumberRange(
                    min=0, max=100, message=f"The weight for {name} must be between 0 and 100"
                ),
            ],
        )
        setattr(WeightsForm, weight_field_name(key), field)
    return WeightsForm


def weight_field_name(attribute_key: str) -> str:
    return "weight_" + attribute_key.replace("-", "_")


def minutes_form_class(item_ids: list[int]) -> type[FlaskForm]:
    class MinutesForm(FlaskForm):
        submit = SubmitField("Save minutes", widget=GovSubmitInput())

    for item_id in item_ids:
        setattr(
            MinutesForm,
            f"minutes_{item_id}",
            WholeNumberField(
                "Minutes",
                widget=GovTextInput(),
                invalid_message="Enter the minutes as a whole number, like 10",
                validators=[
                    InputRequired(message="Enter the minutes for each question"),
                    NumberRange(min=1, max=120, message="Minutes must be between 1 and 120"),
                ],
            ),
        )
    return MinutesForm


class PlanExerciseForm(FlaskForm):
    """Add one exercise to the plan: a token and the exercise's id."""

    exercise_id = StringField(validators=[InputRequired(), Length(max=80)])
    submit = SubmitField("Add to the plan", widget=GovSubmitInput())


class PlanItemForm(FlaskForm):
    """Add, remove or move one question: a token and the chosen action's button."""

    question_id = StringField(validators=[Optional(), Length(max=80)])
    submit = SubmitField("Add to the plan", widget=GovSubmitInput())


KEEP_COUNTING = "keep"
SET_ASIDE = "set_aside"


class StandDownForm(FlaskForm):
    """Standing down a panel member who has scored: they score no more, and their
    submitted sheets either keep counting or are set aside, for the reason given."""

    reason = TextAreaField(
        "Why are they standing down?",
        description="For example, they were taken ill, or they declared an interest in the post.",
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Give the reason for standing them down"),
            Length(max=2000, message="The reason must be 2,000 characters or fewer"),
        ],
    )
    submitted_sheets = RadioField(
        "What happens to the sheets they submitted?",
        widget=GovRadioInput(),
        choices=[
            SelectChoice(KEEP_COUNTING, "Keep them: they still count in the results"),
            SelectChoice(
                SET_ASIDE,
                "Set them aside: kept on the record, but left out of the results",
            ),
        ],
        validators=[InputRequired(message="Choose what happens to the sheets they submitted")],
    )
    submit = SubmitField("Stand them down", widget=GovSubmitInput())


class IssuePlanForm(FlaskForm):
    """Issue a stage's plan; when a safer recruitment gate stops it, HR may issue anyway
    with a reason, which the audit log keeps with the gates overridden."""

    override_reason = TextAreaField(
        "Why issue the plan anyway?",
        description="Only if it cannot be put right before the interviews. The reason is "
        "recorded in the audit log and shown on this page.",
        widget=GovTextArea(),
        validators=[Length(max=2000, message="The reason must be 2,000 characters or fewer")],
    )
    submit = SubmitField("Issue the plan", widget=GovSubmitInput())

    def entered_reason(self) -> str:
        return (self.override_reason.data or "").strip()
