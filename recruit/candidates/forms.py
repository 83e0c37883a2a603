"""Candidate forms: one at a time, or a CSV file."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovDateInput,
    GovFileInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Email, InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from recruit.domain.candidates import CANDIDATE_STATUSES
from recruit.form_fields import GovukDateField, SelectChoice, WholeNumberField


def _text(
    label: str, maximum: int, required_message: str | None = None, description: str = ""
) -> StringField:
    validators = [InputRequired(message=required_message)] if required_message else [Optional()]
    return StringField(
        label,
        description=description,
        widget=GovTextInput(),
        validators=[
            *validators,
            Length(max=maximum, message=f"{label} must be {maximum} characters or fewer"),
        ],
    )


class CandidateForm(FlaskForm):
    first_name = _text("First name", 100, "Enter the candidate's first name")
    last_name = _text("Last name", 100, "Enter the candidate's last name")
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the candidate's email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
            Email(message="Enter an email address in the correct format, like name@example.com"),
        ],
    )
    phone = _text("Phone number", 30, description="Optional")
    current_role = _text("Current job title", 200, description="Optional")
    current_employer = _text("Current employer", 200, description="Optional")
    application_date = GovukDateField(
        "Date of application",
        what="the date of application",
        required=False,
        description="Optional. For example, 3 2 2027",
        widget=GovDateInput(),
    )
    status = SelectField(
        "Status",
        widget=GovSelect(),
        choices=[SelectChoice(key, label) for key, label in CANDIDATE_STATUSES.items()],
        validators=[InputRequired(message="Select the candidate's status")],
    )
    starts_on = GovukDateField(
        "Start date",
        what="the start date",
        required=False,
        description="Once appointed. For example, 1 4 2027",
        widget=GovDateInput(),
    )
    notes = TextAreaField(
        "Notes",
        description="Optional. Visible to HR and admins only.",
        widget=GovTextArea(),
        validators=[
            Optional(),
            Length(max=2000, message="Notes must be 2,000 characters or fewer"),
        ],
    )
    # Safer recruitment: "appointed" waits for the pre-employment checks, unless an HR user
    # appoints before they are complete and says why (the audit log and the checklist page
    # keep the reason).
    appoint_before_checks = BooleanField(
        "Appoint (or set the start date) before the pre-employment checks are complete",
        description="Only where the council's policy allows it. The offer stays conditional.",
        widget=GovCheckboxInput(),
    )
    appoint_before_checks_reason = TextAreaField(
        "Why appoint before the checks are complete",
        widget=GovTextArea(),
        validators=[
            Optional(),
            Length(max=1000, message="The reason must be 1,000 characters or fewer"),
        ],
    )
    withdrawal_reason = TextAreaField(
        "Why they withdrew, or came back",
        description="Needed when the panel has scored them: their scores leave the results "
        "when they withdraw, and return if they come back.",
        widget=GovTextArea(),
        validators=[
            Optional(),
            Length(max=1000, message="The reason must be 1,000 characters or fewer"),
        ],
    )
    lock_version = WholeNumberField(
        widget=HiddenInput(),
        invalid_message="Reload the page and try again",
        validators=[Optional()],
    )
    submit = SubmitField("Save candidate", widget=GovSubmitInput())


class ImportUploadForm(FlaskForm):
    file = FileField("Upload a CSV file", widget=GovFileInput())
    submit = SubmitField("Check the file", widget=GovSubmitInput())


class ImportConfirmForm(FlaskForm):
    """The checked file travels back with the confirmation, so nothing is stored before it."""

    csv_text = HiddenField()
    submit = SubmitField("Import these candidates", widget=GovSubmitInput())


class AnonymiseForm(FlaskForm):
    hide_candidate_names = BooleanField(
        "Show panel members candidate codes (C-01) instead of names until every stage is in "
        "moderation",
        widget=GovCheckboxInput(),
    )
    submit = SubmitField("Save", widget=GovSubmitInput())
