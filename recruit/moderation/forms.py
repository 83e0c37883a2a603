"""Forms for moderation: closing scoring early, and the record for one candidate."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput, GovTextArea
from wtforms import HiddenField, RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from recruit.domain.scoring.model import OUTCOME_LABELS, figure_text
from recruit.form_fields import SelectChoice
from recruit.form_fields import parse_one_decimal_score as parse_agreed

REASON_LIMIT = 4000
RED_FLAG_FIELD = "red_flag_discussion"
RED_FLAG_MESSAGE = (
    "Record what the panel discussed about the red flag: the concern the low score on "
    "values raised, and how the panel weighed it in the outcome"
)


class CloseScoringForm(FlaskForm):
    reason = TextAreaField(
        "Why are you closing scoring before everyone has submitted?",
        description="For example, a member was taken ill and cannot finish. Drafts that are "
        "not submitted will not count.",
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Give the reason for closing scoring early"),
            Length(max=REASON_LIMIT, message="The reason must be 4,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Close scoring and open moderation", widget=GovSubmitInput())


class OpenModerationForm(FlaskForm):
    submit = SubmitField("Open moderation", widget=GovSubmitInput())


class CandidateModerationForm(FlaskForm):
    """Agreed scores per attribute are added per bank attribute by ``moderation_form``."""

    outcome = RadioField(
        "Outcome",
        choices=[SelectChoice(key, label) for key, label in OUTCOME_LABELS.items()],
        widget=GovRadioInput(),
        validators=[InputRequired(message="Choose an outcome")],
    )
    reasons = TextAreaField(
        "Reasons for the outcome",
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Give the reasons for this outcome"),
            Length(max=REASON_LIMIT, message="The reasons must be 4,000 characters or fewer"),
        ],
    )
    floor_override_reason = TextAreaField(
        "Reason for overriding the values floor",
        description="Only if the panel decided the candidate is appointable or a reserve "
        "despite the values floor.",
        widget=GovTextArea(),
        validators=[
            Length(max=REASON_LIMIT, message="The reason must be 4,000 characters or fewer")
        ],
    )
    lock_version = HiddenField()
    submit = SubmitField("Save the moderation record", widget=GovSubmitInput())

    attribute_keys: tuple[str, ...] = ()
    red_flagged = False  # the candidate has a red flag: moderation_form adds its field

    def red_flag_field(self) -> TextAreaField | None:
        """The red-flag discussion, on the form only while the candidate has a red flag."""
        return cast(TextAreaField, self[RED_FLAG_FIELD]) if self.red_flagged else None

    def entered_red_flag_discussion(self) -> str:
        field = self.red_flag_field()
        return (field.data or "").strip() if field is not None else ""

    def check_red_flag(self) -> bool:
        """A red flag needs the panel's discussion recorded before the outcome is saved.
        Checked with the agreed scores and the floor, as those are, so its message comes
        with theirs."""
        field = self.red_flag_field()
        if field is None or self.entered_red_flag_discussion():
            return True
        field.errors = [RED_FLAG_MESSAGE]
        return False

    def agreed_field(self, key: str) -> StringField:
        return cast(StringField, self[f"agreed_{key}"])  # added by moderation_form

    def rationale_field(self, key: str) -> TextAreaField:
        return cast(TextAreaField, self[f"rationale_{key}"])  # added by moderation_form

    def entered_agreed_scores(self) -> dict[str, float]:
        """The agreed scores entered, by attribute key (blank ones left out)."""
        values = {}
        for key in self.attribute_keys:
            value = parse_agreed(self.agreed_field(key).data)
            if value is not None:
                values[key] = value
        return values

    def check_agreed(self, formula: Mapping[str, float | None], names: Mapping[str, str]) -> bool:
        """Each agreed score is 1-5 to one decimal place, with a rationale where it differs
        from the formula's figure."""
        ok = True
        for key in self.attribute_keys:
            field, rationale = self.agreed_field(key), self.rationale_field(key)
            text = (field.data or "").strip()
            if not text:
                continue
            value = parse_agreed(text)
            if value is None:
                field.errors = [
                    f"Enter an agreed score for {names[key]} from 1 to 5, like 3 or 3.5"
                ]
                ok = False
            elif _differs(value, formula.get(key)) and not (rationale.data or "").strip():
                rationale.errors = [_rationale_message(names[key], formula.get(key))]
                ok = False
        return ok


def _differs(agreed: float, formula: float | None) -> bool:
    # Against the figure the page shows (exact, halves up), not the float's own rounding.
    return formula is None or figure_text(formula) != figure_text(agreed)


def _rationale_message(name: str, formula: float | None) -> str:
    if formula is None:
        return f"Explain the agreed score for {name}: the panel gave no score for it"
    mean = figure_text(formula)
    return f"Explain why the agreed score for {name} differs from the panel mean of {mean}"


def red_flag_discussion_field() -> TextAreaField:
    """Required whenever it is on the form: see ``check_red_flag``."""
    return TextAreaField(
        "What the panel discussed about the red flag",
        description="The decision stays with the panel. Say what the concern was, what the "
        "rest of the panel heard on the same question, and how the panel weighed it.",
        widget=GovTextArea(),
        validators=[
            Length(max=REASON_LIMIT, message="The discussion must be 4,000 characters or fewer")
        ],
    )


def moderation_form(
    attribute_keys: tuple[str, ...],
    names: Mapping[str, str],
    *,
    red_flagged: bool = False,
    **kwargs: object,
) -> CandidateModerationForm:
    """The record for one candidate: an agreed score and rationale per attribute, and the
    red-flag discussion only when the candidate has a red flag (so a page without one
    neither shows the field nor needs it)."""

    class StageModerationForm(CandidateModerationForm):
        pass

    if red_flagged:
        setattr(StageModerationForm, RED_FLAG_FIELD, red_flag_discussion_field())

    for key in attribute_keys:
        setattr(
            StageModerationForm,
            f"agreed_{key}",
            StringField(f"Agreed score for {names[key]}", validators=[Length(max=10)]),
        )
        setattr(
            StageModerationForm,
            f"rationale_{key}",
            TextAreaField(
                f"Rationale for {names[key]}",
                validators=[
                    Length(
                        max=REASON_LIMIT, message="The rationale must be 4,000 characters or fewer"
                    )
                ],
            ),
        )
    form = StageModerationForm(**kwargs)
    form.attribute_keys = attribute_keys
    form.red_flagged = red_flagged
    return form


class CloseModerationForm(FlaskForm):
    """Closing moderation: the chair may add a note; HR or admin closing it for the panel
    must say why (``reason_required``)."""

    reason = TextAreaField(
        "Note for the record",
        widget=GovTextArea(),
        validators=[Length(max=REASON_LIMIT, message="The note must be 4,000 characters or fewer")],
    )
    lock_version = HiddenField()
    submit = SubmitField("Close moderation", widget=GovSubmitInput())

    reason_required = False

    def validate_reason(self, field: TextAreaField) -> None:
        if self.reason_required and not (field.data or "").strip():
            raise ValidationError("Give the reason you are closing moderation for the panel")


class ReopenModerationForm(FlaskForm):
    reason = TextAreaField(
        "Why are you reopening moderation?",
        description="For example, a panel member declared a conflict after the records were "
        "made, and the panel must look at the figures again.",
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Give the reason for reopening moderation"),
            Length(max=REASON_LIMIT, message="The reason must be 4,000 characters or fewer"),
        ],
    )
    lock_version = HiddenField()
    submit = SubmitField("Reopen moderation", widget=GovSubmitInput())
