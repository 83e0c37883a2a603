"""The form to record one pre-employment check."""

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

from recruit.domain.checks import NOT_REQUIRED, STATUSES, CheckInfo
from recruit.form_fields import GovukDateField, SelectChoice, WholeNumberField
from recruit.models.checks import OUTCOME_MAX, REASON_MAX

OUTCOME_HINT = (
    "A short outcome, like Clear, or Information disclosed: discussed and risk-assessed. "
    "Never copy in the certificate's content or its number."
)


class CheckForm(FlaskForm):
    status = RadioField(
        "Status",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the status of the check")],
    )
    requested_on = GovukDateField(
        "Date requested",
        what="the date requested",
        required=False,
        description="Optional. For example, 3 2 2027",
        widget=GovDateInput(),
    )
    completed_on = GovukDateField(
        "Date completed",
        what="the date completed",
        required=False,
        description="When the check was verified. For example, 17 2 2027",
        widget=GovDateInput(),
    )
    outcome = StringField(
        "Outcome",
        description=OUTCOME_HINT,
        widget=GovTextInput(),
        validators=[
            Optional(),
            Length(
                max=OUTCOME_MAX, message=f"The outcome must be {OUTCOME_MAX} characters or fewer"
            ),
        ],
    )
    not_required_reason = TextAreaField(
        "Why the check is not required",
        description="Only when the status is Not required.",
        widget=GovTextArea(),
        validators=[
            Optional(),
            Length(max=REASON_MAX, message=f"The reason must be {REASON_MAX} characters or fewer"),
        ],
    )
    lock_version = WholeNumberField(
        widget=HiddenInput(),
        invalid_message="Reload the page and try again",
        validators=[Optional()],
    )
    submit = SubmitField("Save the check", widget=GovSubmitInput())

    def set_statuses(self, check: CheckInfo) -> None:
        """ "Not required" is offered only for a check a post may not need."""
        self.status.choices = [
            SelectChoice(key, label)
            for key, label in STATUSES.items()
            if key != NOT_REQUIRED or check.optional
        ]
