"""The target profile form: a minimum per attribute, optionally seeded from a shared profile."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovSubmitInput, GovTextArea
from wtforms import HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Length

from recruit.form_fields import SelectChoice, parse_one_decimal_score
from recruit.models import LeadershipProfile


class SeedTargetForm(FlaskForm):
    profile_id = SelectField("Start from a shared leadership profile", widget=GovSelect())
    seed = SubmitField("Use this profile", widget=GovSubmitInput())

    def set_profiles(self, profiles: list[LeadershipProfile]) -> None:
        self.profile_id.choices = [SelectChoice("", "Choose a profile")] + [
            SelectChoice(str(p.id), f"{p.owner.full_name}: {p.title}") for p in profiles
        ]


class TargetForm(FlaskForm):
    """Minimums are added per attribute by ``target_form``."""

    rationale = TextAreaField(
        "Why these minimums? (optional)",
        widget=GovTextArea(),
        validators=[Length(max=4000, message="The reason must be 4,000 characters or fewer")],
    )
    seeded_from = HiddenField()
    lock_version = HiddenField()
    submit = SubmitField("Save the target profile", widget=GovSubmitInput())

    attribute_keys: tuple[str, ...] = ()

    def minimum_field(self, key: str) -> StringField:
        return cast(StringField, self[f"minimum_{key}"])  # added by target_form

    def entered_minimums(self, names: Mapping[str, str]) -> dict[str, float] | None:
        """The minimums entered (blank: no minimum), or None with errors set on the fields."""
        minimums, ok = {}, True
        for key in self.attribute_keys:
            field = self.minimum_field(key)
            text = (field.data or "").strip()
            if not text:
                continue
            value = parse_one_decimal_score(text)
            if value is None:
                field.errors = [f"Enter a minimum for {names[key]} from 1 to 5, like 3 or 3.5"]
                ok = False
            else:
                minimums[key] = value
        return minimums if ok else None


def target_form(
    attribute_keys: tuple[str, ...], names: Mapping[str, str], **kwargs: object
) -> TargetForm:
    class AttributeTargetForm(TargetForm):
        pass

    for key in attribute_keys:
        setattr(
            AttributeTargetForm,
            f"minimum_{key}",
            StringField(f"Minimum for {names[key]}", validators=[Length(max=10)]),
        )
    form = AttributeTargetForm(**kwargs)
    form.attribute_keys = attribute_keys
    return form
