"""Forms for a score sheet: one score and one evidence note per question of the plan.

The sheet's fields depend on the stage's plan, so the form class is built per plan. Saving a
draft accepts anything partly done; continuing to check needs every question scored (or
marked "No evidence") and a note with every score.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import cast

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea
from wtforms import HiddenField, RadioField, SubmitField, TextAreaField
from wtforms.validators import AnyOf, InputRequired, Length, Optional, ValidationError

from recruit.form_fields import SelectChoice
from recruit.models import PlanItem

NO_EVIDENCE = "none"
SCORE_VALUES = ("1", "2", "3", "4", "5", NO_EVIDENCE)
EVIDENCE_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 2000
CHOOSE_A_SCORE = "Enter a score from 1 to 5, or choose No evidence"
WRITE_THE_EVIDENCE = "Write the evidence for this score"
EVIDENCE_TOO_LONG = f"The evidence must be {EVIDENCE_MAX_LENGTH:,} characters or fewer"


class ScoreSheetForm(FlaskForm):
    lock_version = HiddenField()
    save_draft = SubmitField("Save draft", widget=GovSubmitInput())
    check = SubmitField("Continue to check your scores", widget=GovSubmitInput())

    items: Sequence[PlanItem] = ()

    def score_field(self, item: PlanItem) -> RadioField:
        return cast(RadioField, self[f"score_{item.id}"])  # added by _form_class

    def evidence_field(self, item: PlanItem) -> TextAreaField:
        return cast(TextAreaField, self[f"evidence_{item.id}"])  # added by _form_class

    def entered(self, item: PlanItem) -> tuple[int | None, bool, str]:
        """(score, no_evidence, evidence) as entered for one question."""
        value = self.score_field(item).data or ""
        evidence = (self.evidence_field(item).data or "").strip()
        if value == NO_EVIDENCE:
            return None, True, evidence
        return (int(value) if value in SCORE_VALUES else None), False, evidence

    def validate_complete(self) -> bool:
        """The check before submitting: every question scored, a note with every score."""
        complete = True
        for item in self.items:
            score, no_evidence, evidence = self.entered(item)
            if score is None and not no_evidence:
                self.score_field(item).errors = [*self.score_field(item).errors, CHOOSE_A_SCORE]
                complete = False
            elif score is not None and not evidence:
                field = self.evidence_field(item)
                field.errors = [*field.errors, WRITE_THE_EVIDENCE]
                complete = False
        return complete


def score_sheet_form(items: Sequence[PlanItem], **kwargs: object) -> ScoreSheetForm:
    """A ScoreSheetForm with a score and an evidence field for each plan item."""
    form = _form_class(tuple(item.id for item in items))(**kwargs)
    form.items = tuple(items)
    return form


# A plan's form class depends only on its item ids, and WTForms works out a new class's
# fields on its first use: keep recent classes rather than build one for every request.
@functools.lru_cache(maxsize=256)
def _form_class(item_ids: tuple[int, ...]) -> type[ScoreSheetForm]:
    class PlanScoreSheetForm(ScoreSheetForm):
        pass

    for item_id in item_ids:
        setattr(
            PlanScoreSheetForm,
            f"score_{item_id}",
            RadioField(
                choices=[SelectChoice(value, value) for value in SCORE_VALUES],
                validate_choice=False,
                validators=[Optional(), AnyOf(SCORE_VALUES, message=CHOOSE_A_SCORE)],
            ),
        )
        setattr(
            PlanScoreSheetForm,
            f"evidence_{item_id}",
            TextAreaField(validators=[Length(max=EVIDENCE_MAX_LENGTH, message=EVIDENCE_TOO_LONG)]),
        )
    return PlanScoreSheetForm


class SubmitSheetForm(FlaskForm):
    lock_version = HiddenField()
    submit = SubmitField("Submit your scores", widget=GovSubmitInput())


class AmendScoreForm(FlaskForm):
    score = RadioField(
        "New score",
        choices=[SelectChoice(value, value) for value in SCORE_VALUES],
        validate_choice=False,
        validators=[InputRequired(message=CHOOSE_A_SCORE), AnyOf(SCORE_VALUES, CHOOSE_A_SCORE)],
    )
    evidence = TextAreaField(
        "Evidence",
        widget=GovTextArea(),
        validators=[Length(max=EVIDENCE_MAX_LENGTH, message=EVIDENCE_TOO_LONG)],
    )
    reason = TextAreaField(
        "Why are you changing this score?",
        description="Your reason is kept with the change and shown at moderation.",
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Give the reason for changing this score"),
            Length(max=REASON_MAX_LENGTH, message="The reason must be 2,000 characters or fewer"),
        ],
    )
    lock_version = HiddenField()
    submit = SubmitField("Save the change", widget=GovSubmitInput())

    def validate_evidence(self, field: TextAreaField) -> None:
        if self.score.data in SCORE_VALUES[:5] and not (field.data or "").strip():
            raise ValidationError(WRITE_THE_EVIDENCE)
