"""The decision page's forms."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovDateInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange

from recruit.domain.decisions import DEFAULT_OBJECTION_DAYS
from recruit.form_fields import GovukDateField, SelectChoice, WholeNumberField

NO_APPOINTMENT = "none"


class RecordDecisionForm(FlaskForm):
    candidate = RadioField(
        "Who does the panel appoint?",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the candidate the panel appoints, or no one")],
    )
    reasons = TextAreaField(
        "The panel's reasons",
        description="What the decision rests on, in the deciding panel's moderated evidence.",
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Give the panel's reasons for the decision"),
            Length(max=5000, message="The reasons must be 5,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Record the decision", widget=GovSubmitInput())

    def set_candidates(self, appointable: list[tuple[str, str]]) -> None:
        """``appointable``: (candidate id, label) for those the panel found appointable."""
        self.candidate.choices = [SelectChoice(key, label) for key, label in appointable] + [
            SelectChoice(NO_APPOINTMENT, "No appointment")
        ]


class ConfirmDecisionForm(FlaskForm):
    submit = SubmitField("I confirm this is the panel's decision", widget=GovSubmitInput())


class NoticeForm(FlaskForm):
    notified_on = GovukDateField(
        "When was every member of the executive told?",
        what="the date the executive was told",
        description="For example, 12 4 2027",
        widget=GovDateInput(),
    )
    objection_days = WholeNumberField(
        "Working days to object",
        description="Your constitution sets this; commonly five working days.",
        default=DEFAULT_OBJECTION_DAYS,
        widget=GovTextInput(),
        invalid_message="Enter the working days to object as a whole number, like 5",
        validators=[
            InputRequired(message="Enter the working days to object, like 5"),
            NumberRange(min=1, max=30, message="The period must be 1 to 30 working days"),
        ],
    )
    submit = SubmitField("Record the notice", widget=GovSubmitInput())


class ObjectionForm(FlaskForm):
    objector = StringField(
        "Who objected?",
        description="The executive member, for example Cllr Kaur, Cabinet Member for Housing",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter who objected"),
            Length(max=200, message="Who objected must be 200 characters or fewer"),
        ],
    )
    received_on = GovukDateField(
        "When did the objection arrive?",
        what="the date the objection arrived",
        widget=GovDateInput(),
    )
    summary = TextAreaField(
        "The objection",
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Summarise the objection"),
            Length(max=5000, message="The objection must be 5,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Record the objection", widget=GovSubmitInput())


UPHELD, NOT_UPHELD = "upheld", "not_upheld"


class RulingForm(FlaskForm):
    ruling = RadioField(
        "The panel's ruling",
        widget=GovRadioInput(),
        choices=[
            SelectChoice(UPHELD, "Material and well founded: no offer, the panel decides again"),
            SelectChoice(NOT_UPHELD, "Not material and well founded: the decision stands"),
        ],
        validators=[InputRequired(message="Select the panel's ruling on the objection")],
    )
    reasons = TextAreaField(
        "The panel's reasons",
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Give the panel's reasons for its ruling"),
            Length(max=5000, message="The reasons must be 5,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Record the ruling", widget=GovSubmitInput())


class OfferForm(FlaskForm):
    submit = SubmitField("Record that the offer was made", widget=GovSubmitInput())
