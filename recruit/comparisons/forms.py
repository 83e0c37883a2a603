"""The target profile form: a minimum level per attribute on the rubric's words, a reason
for each, and a shared leadership profile to show beside it as context."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
)
from wtforms import HiddenField, RadioField, SelectField, SubmitField, TextAreaField
from wtforms.validators import Length

from recruit.domain.comparison.model import TARGET_LEVELS
from recruit.form_fields import SelectChoice
from recruit.models import LeadershipProfile

NO_MINIMUM = ""
LEVEL_CHOICES = [
    SelectChoice(NO_MINIMUM, "No minimum"),
    *(SelectChoice(str(level), name) for level, name in TARGET_LEVELS.items()),
]
REASON_LIMIT = 2000


class TargetForm(FlaskForm):
    """Levels and reasons are added per attribute by ``target_form``."""

    context_profile_id = SelectField(
        "Show a leadership profile beside the target (optional)",
        widget=GovSelect(),
        choices=[SelectChoice("", "None")],
        validate_choice=False,  # checked against the shared profiles in entered_context
    )
    rationale = TextAreaField(
        "Anything else the panel should know about the target? (optional)",
        widget=GovTextArea(),
        validators=[Length(max=4000, message="The note must be 4,000 characters or fewer")],
    )
    lock_version = HiddenField()
    submit = SubmitField("Save the target levels", widget=GovSubmitInput())

    attribute_keys: tuple[str, ...] = ()

    def level_field(self, key: str) -> RadioField:
        return cast(RadioField, self[f"level_{key}"])  # added by target_form

    def reason_field(self, key: str) -> TextAreaField:
        return cast(TextAreaField, self[f"reason_{key}"])  # added by target_form

    def set_profiles(self, profiles: list[LeadershipProfile]) -> None:
        self.context_profile_id.choices = [SelectChoice("", "None")] + [
            SelectChoice(str(p.id), f"{p.owner.full_name}: {p.title}") for p in profiles
        ]

    def entered_levels(
        self, names: Mapping[str, str]
    ) -> tuple[dict[str, int], dict[str, str]] | None:
        """(levels, reasons) as entered, or None with errors set on the fields. A level
        needs a reason: the target must say what the role needs, not only a number."""
        levels: dict[str, int] = {}
        reasons: dict[str, str] = {}
        ok = True
        for key in self.attribute_keys:
            level = self.level_field(key).data or NO_MINIMUM
            reason = (self.reason_field(key).data or "").strip()
            if level == NO_MINIMUM:
                continue
            if not level.isdigit() or int(level) not in TARGET_LEVELS:
                self.level_field(key).errors = [
                    f"Choose Sound, Strong, Exceptional or no minimum for {names[key]}"
                ]
                ok = False
                continue
            if not reason:
                self.reason_field(key).errors = [
                    f"Say why the role needs {TARGET_LEVELS[int(level)]} on {names[key]}"
                ]
                ok = False
                continue
            levels[key], reasons[key] = int(level), reason
        return (levels, reasons) if ok else None


def target_form(
    attribute_keys: tuple[str, ...], names: Mapping[str, str], **kwargs: object
) -> TargetForm:
    class AttributeTargetForm(TargetForm):
        pass

    for key in attribute_keys:
        setattr(
            AttributeTargetForm,
            f"level_{key}",
            RadioField(
                names[key],
                choices=LEVEL_CHOICES,
                default=NO_MINIMUM,
                widget=GovRadioInput(),
                validate_choice=False,  # entered_levels says what to do instead
            ),
        )
        setattr(
            AttributeTargetForm,
            f"reason_{key}",
            TextAreaField(
                f"Why the role needs this level on {names[key]}",
                widget=GovTextArea(),
                validators=[
                    Length(
                        max=REASON_LIMIT,
                        message=f"The reason must be {REASON_LIMIT:,} characters or fewer",
                    )
                ],
            ),
        )
    form = AttributeTargetForm(**kwargs)
    form.attribute_keys = attribute_keys
    return form
