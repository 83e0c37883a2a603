"""The form to add a reference or record its steps."""

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
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from recruit.form_fields import GovukDateField, SelectChoice, WholeNumberField
from recruit.models.references import (
    CONCERN_MAX,
    REFEREE_NAME_MAX,
    REFEREE_ROLE_MAX,
    RELATIONSHIP_MAX,
)

YES, NO = "yes", "no"


def _at_most(limit: int, what: str) -> Length:
    return Length(max=limit, message=f"{what} must be {limit:,} characters or fewer")


class ReferenceForm(FlaskForm):
    referee_name = StringField(
        "Referee's name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the referee's name"),
            _at_most(REFEREE_NAME_MAX, "The name"),
        ],
    )
    referee_role_and_organisation = StringField(
        "Referee's role and organisation",
        description="For example, Director of Children's Services, Westshire Council",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the referee's role and organisation"),
            _at_most(REFEREE_ROLE_MAX, "The role and organisation"),
        ],
    )
    relationship = StringField(
        "Relationship to the candidate",
        description="For example, Line manager",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the referee's relationship to the candidate"),
            _at_most(RELATIONSHIP_MAX, "The relationship"),
        ],
    )
    is_current_or_recent_employer = RadioField(
        "Is this reference from the candidate's current or most recent employer?",
        choices=[SelectChoice(YES, "Yes"), SelectChoice(NO, "No")],
        widget=GovRadioInput(),
        validators=[
            InputRequired(
                message="Select whether the reference is from the current or most recent employer"
            )
        ],
    )
    requested_on = GovukDateField(
        "Date requested",
        what="the date requested",
        required=False,
        description="For example, 3 2 2027",
        widget=GovDateInput(),
    )
    received_on = GovukDateField(
        "Date received",
        what="the date received",
        required=False,
        description="For example, 10 2 2027",
        widget=GovDateInput(),
    )
    scrutinised_on = GovukDateField(
        "Date scrutinised",
        what="the date scrutinised",
        required=False,
        description=(
            "When you read it against the application: gaps, discrepancies, anything that "
            "raises a concern. You are recorded as the person who scrutinised it."
        ),
        widget=GovDateInput(),
    )
    concerns = TextAreaField(
        "Concerns the reference raised",
        description=(
            "A short summary, if any, never the reference's content. A concern stays open "
            "until its resolution is recorded."
        ),
        widget=GovTextArea(),
        validators=[Optional(), _at_most(CONCERN_MAX, "The concerns")],
    )
    concern_resolution = TextAreaField(
        "How the concern was resolved",
        description="For example, discussed with the candidate and the referee; risk-assessed.",
        widget=GovTextArea(),
        validators=[Optional(), _at_most(CONCERN_MAX, "The resolution")],
    )
    lock_version = WholeNumberField(
        widget=HiddenInput(),
        invalid_message="Reload the page and try again",
        validators=[Optional()],
    )
    submit = SubmitField("Save the reference", widget=GovSubmitInput())
