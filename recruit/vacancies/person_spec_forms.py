"""The person specification's forms: add a criterion, start from the standard set."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
)
from wtforms import RadioField, SelectMultipleField, SubmitField, TextAreaField

from recruit.domain.person_spec import ASSESSMENTS, criterion_problems, ordered_assessments
from recruit.form_fields import SelectChoice


class CriterionForm(FlaskForm):
    text = TextAreaField(
        "Criterion",
        description="What the post needs, as something a panel can judge from evidence",
        widget=GovTextArea(),
    )
    kind = RadioField(
        "Essential or desirable",
        choices=[SelectChoice("essential", "Essential"), SelectChoice("desirable", "Desirable")],
        default="essential",
        widget=GovRadioInput(),
        validate_choice=False,  # entered() says what to do instead
    )
    assessed_by = SelectMultipleField(
        "How it is assessed",
        choices=[SelectChoice(key, label) for key, label in ASSESSMENTS.items()],
        widget=GovCheckboxesInput(),
        validate_choice=False,  # entered() says what to do instead
    )
    submit = SubmitField("Add the criterion", widget=GovSubmitInput())

    def entered(self) -> tuple[str, bool, tuple[str, ...]] | None:
        """(text, essential, how assessed), or None with errors set on the fields."""
        text = " ".join((self.text.data or "").split())
        chosen = [str(key) for key in self.assessed_by.data or []]
        problems = criterion_problems(text, chosen)
        for problem in problems:
            # criterion_problems asks to "Choose" how it is assessed; the rest is the text.
            field = self.assessed_by if problem.startswith("Choose") else self.text
            field.errors = [*field.errors, problem]
        if self.kind.data not in ("essential", "desirable"):
            self.kind.errors = ["Choose essential or desirable"]
        if problems or self.kind.errors:
            return None
        return text, self.kind.data == "essential", ordered_assessments(chosen)


class StartFromStandardForm(FlaskForm):
    submit = SubmitField("Add the standard criteria for this post", widget=GovSubmitInput())


class RemoveCriterionForm(FlaskForm):
    submit = SubmitField("Remove", widget=GovSubmitInput())
