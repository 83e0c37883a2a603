from datetime import date, datetime

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovDateInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import BooleanField, Field, IntegerField, RadioField, StringField, SubmitField
from wtforms.form import BaseForm
from wtforms.validators import InputRequired, Length, ValidationError
from wtforms.widgets import HiddenInput

from recruit.form_fields import GovukDateField, SelectChoice, email_validators
from recruit.models import Role
from recruit.presentation import UK_TIME

ROLE_CHOICES = [SelectChoice(role.value, role.label) for role in Role]


def _role_field() -> RadioField:
    return RadioField(
        "Role",
        choices=ROLE_CHOICES,
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the user's role")],
    )


def _name_field() -> StringField:
    return StringField(
        "Full name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the user's full name"),
            Length(max=200, message="Full name must be 200 characters or fewer"),
        ],
    )


def _not_in_the_future(_form: BaseForm, field: Field) -> None:
    # Today in the council's time zone: just after midnight in summer, UTC is still yesterday.
    if isinstance(field.data, date) and field.data > datetime.now(UK_TIME).date():
        raise ValidationError("The training date must be today or in the past")


def _training_field() -> GovukDateField:
    # Optional: a blank date means the person has not been trained (or it is not known), and
    # clears a date recorded before. required=False rather than Optional(), which looks only
    # at the day box and would wave through "month and year, no day" as blank.
    return GovukDateField(
        "Date of safer recruitment training",
        what="the training date",
        required=False,
        description="Optional. The day they last completed safer recruitment training, "
        "for example 3 3 2024",
        widget=GovDateInput(),
        validators=[_not_in_the_future],
    )


class CreateUserForm(FlaskForm):
    email = StringField("Email address", widget=GovTextInput(), validators=email_validators())
    full_name = _name_field()
    role = _role_field()
    safer_recruitment_trained_on = _training_field()
    submit = SubmitField("Add user", widget=GovSubmitInput())


class EditUserForm(FlaskForm):
    full_name = _name_field()
    role = _role_field()
    is_enabled = BooleanField(
        "Account enabled",
        description="Untick to stop this person signing in. "
        "They lose access on their next request.",
        widget=GovCheckboxInput(),
    )
    safer_recruitment_trained_on = _training_field()
    version = IntegerField(widget=HiddenInput(), validators=[InputRequired()])
    submit = SubmitField("Save changes", widget=GovSubmitInput())
