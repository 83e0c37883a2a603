"""Forms HR use to record equality monitoring answers: write only, never read back."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import GovFileInput, GovRadioInput, GovSubmitInput
from wtforms import RadioField, SubmitField

from recruit.domain.equality.categories import CATEGORIES
from recruit.form_fields import SelectChoice

NOT_ANSWERED = ""


class EqualityImportForm(FlaskForm):
    file = FileField("Upload the equality export (CSV)", widget=GovFileInput())
    submit = SubmitField("Record the answers", widget=GovSubmitInput())


class EqualityAnswersFormBase(FlaskForm):
    submit = SubmitField("Save the answers", widget=GovSubmitInput())


def equality_answers_form() -> EqualityAnswersFormBase:
    """A radio question per monitoring question, each starting at "Not answered": the form
    never shows the answers already held, so HR can record them without reading them."""

    class EqualityAnswersForm(EqualityAnswersFormBase):
        pass

    for category in CATEGORIES:
        choices = [SelectChoice(option.key, option.label) for option in category.answers]
        field = RadioField(
            category.label,
            description=f"As the form asks: {category.question}",
            choices=[*choices, SelectChoice(NOT_ANSWERED, "Not answered")],
            default=NOT_ANSWERED,
            widget=GovRadioInput(),
        )
        setattr(EqualityAnswersForm, category.key, field)
    return EqualityAnswersForm()
