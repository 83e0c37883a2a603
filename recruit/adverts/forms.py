from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from recruit.form_fields import WholeNumberField

MAX_SECTION_LENGTH = 20_000


class SectionForm(FlaskForm):
    heading = StringField(
        "Heading",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter a heading for this section"),
            Length(max=200, message="Heading must be 200 characters or fewer"),
        ],
    )
    body = TextAreaField(
        "Text",
        description=(
            "Leave a blank line between paragraphs. Start a line with “- ” for a bullet point."
        ),
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Enter the text of this section"),
            Length(
                max=MAX_SECTION_LENGTH,
                message=f"The text must be {MAX_SECTION_LENGTH:,} characters or fewer",
            ),
        ],
    )
    lock_version = WholeNumberField(
        widget=HiddenInput(),
        invalid_message="Reload the page and try again",
        validators=[InputRequired(message="Reload the page and try again")],
    )
    check = SubmitField("Check the language", widget=GovSubmitInput())
    submit = SubmitField("Save section", widget=GovSubmitInput())


class SelfAssessmentForm(FlaskForm):
    include = BooleanField(
        "Include self-assessment prompts for applicants",
        description=(
            "A few questions per attribute applicants can ask themselves before they apply."
        ),
        widget=GovCheckboxInput(),
        validators=[Optional()],
    )
    lock_version = WholeNumberField(
        widget=HiddenInput(),
        invalid_message="Reload the page and try again",
        validators=[InputRequired(message="Reload the page and try again")],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())


class ButtonForm(FlaskForm):
    """Only a CSRF token and a button, for actions confirmed by their own page."""

    submit = SubmitField("Continue", widget=GovSubmitInput())
