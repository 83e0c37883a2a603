"""The form a panel member uses to declare a conflict of interest with a candidate."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea
from wtforms import SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length


class ConflictForm(FlaskForm):
    description = TextAreaField(
        "What is the conflict?",
        description=(
            "For example, you have managed them, worked closely with them, "
            "or you know them personally."
        ),
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Describe the conflict of interest"),
            Length(max=2000, message="The description must be 2,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Declare the conflict", widget=GovSubmitInput())
