"""Forms for the people who sit on panels: their names, sign-in emails and training, and
HR adding someone who has no account yet."""

from __future__ import annotations

from datetime import date, datetime

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovSubmitInput, GovTextInput
from wtforms import Field, StringField, SubmitField
from wtforms.form import BaseForm
from wtforms.validators import InputRequired, Length, ValidationError

from recruit.form_fields import GovukDateField, email_validators
from recruit.presentation import UK_TIME
from recruit.stages.forms import councillor_field, executive_member_field, panel_role_field


def full_name_field() -> StringField:
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


def training_date_field() -> GovukDateField:
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


class InvitePanelMemberForm(FlaskForm):
    full_name = full_name_field()
    email = StringField(
        "Email address",
        description="They sign in with this address. The tool sends no email: you will "
        "send them a link to set their password.",
        widget=GovTextInput(),
        validators=email_validators(),
    )
    panel_role = panel_role_field()
    is_councillor = councillor_field()
    is_executive_member = executive_member_field()
    safer_recruitment_trained_on = training_date_field()
    submit = SubmitField("Add to the panel", widget=GovSubmitInput())


class NewSetPasswordLinkForm(FlaskForm):
    submit = SubmitField("Create a set-password link", widget=GovSubmitInput())


class WithdrawInvitationForm(FlaskForm):
    withdraw = SubmitField("Withdraw the invitation", widget=GovSubmitInput())
