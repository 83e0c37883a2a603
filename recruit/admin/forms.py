from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import BooleanField, IntegerField, RadioField, StringField, SubmitField
from wtforms.validators import InputRequired
from wtforms.widgets import HiddenInput

from recruit.form_fields import SelectChoice, email_validators
from recruit.models import Role
from recruit.people.forms import full_name_field, training_date_field

ROLE_CHOICES = [SelectChoice(role.value, role.label) for role in Role]


def _role_field() -> RadioField:
    return RadioField(
        "Role",
        choices=ROLE_CHOICES,
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the user's role")],
    )


class CreateUserForm(FlaskForm):
    email = StringField("Email address", widget=GovTextInput(), validators=email_validators())
    full_name = full_name_field()
    role = _role_field()
    safer_recruitment_trained_on = training_date_field()
    submit = SubmitField("Add user", widget=GovSubmitInput())


class EditUserForm(FlaskForm):
    full_name = full_name_field()
    role = _role_field()
    is_enabled = BooleanField(
        "Account enabled",
        description="Untick to stop this person signing in. "
        "They lose access on their next request.",
        widget=GovCheckboxInput(),
    )
    safer_recruitment_trained_on = training_date_field()
    version = IntegerField(widget=HiddenInput(), validators=[InputRequired()])
    submit = SubmitField("Save changes", widget=GovSubmitInput())
