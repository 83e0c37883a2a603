"""Forms for leadership profiles: starting one, the workbook page per attribute, asking a
colleague for feedback, and a colleague's answers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import cast

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import HiddenField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from recruit.domain.question_bank.model import Attribute
from recruit.form_fields import SelectChoice
from recruit.models import User

RATING_CHOICES = [SelectChoice(str(score), str(score)) for score in range(1, 6)]
NOT_ABLE_TO_SAY = "none"
REFLECTION_LIMIT = 4000


class ProfileForm(FlaskForm):
    title = StringField(
        "Name this profile",
        description="For example, “My leadership, November 2026”. Only you see it unless "
        "you share the profile.",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter a name for the profile"),
            Length(max=200, message="The name must be 200 characters or fewer"),
        ],
    )
    role_title = StringField(
        "Your role (optional)",
        widget=GovTextInput(),
        validators=[Length(max=200, message="The role must be 200 characters or fewer")],
    )
    submit = SubmitField("Start the profile", widget=GovSubmitInput())


class WorkbookForm(FlaskForm):
    """One attribute of the workbook: the self-rating and the reflection answers."""

    rating = RadioField(
        "Your rating",
        choices=RATING_CHOICES,
        widget=GovRadioInput(),
        validators=[InputRequired(message="Choose a rating from 1 to 5")],
    )
    lock_version = HiddenField()
    submit = SubmitField("Save and continue", widget=GovSubmitInput())

    reflection_count = 0

    def reflection(self, index: int) -> TextAreaField:
        return cast(TextAreaField, self[f"reflection_{index}"])  # added by workbook_form

    def answers(self) -> list[str]:
        return [(self.reflection(i).data or "").strip() for i in range(self.reflection_count)]


def workbook_form(attribute: Attribute, **kwargs: object) -> WorkbookForm:
    class AttributeWorkbookForm(WorkbookForm):
        pass

    for index, question in enumerate(attribute.reflection_questions):
        setattr(
            AttributeWorkbookForm,
            f"reflection_{index}",
            TextAreaField(
                question,
                widget=GovTextArea(),
                validators=[
                    Optional(),
                    Length(
                        max=REFLECTION_LIMIT,
                        message="Your answer must be 4,000 characters or fewer",
                    ),
                ],
            ),
        )
    form = AttributeWorkbookForm(**kwargs)
    form.reflection_count = len(attribute.reflection_questions)
    return form


class RequestFeedbackForm(FlaskForm):
    """Choose one colleague from ``colleagues`` (set by ``set_colleagues``): a posted id
    outside that list gets a field error, never a request."""

    colleague_id = SelectField(
        "Colleague",
        description="Only colleagues with a panel account are listed. HR, administrators "
        "and reviewers are not, because they can read a profile once it is shared.",
        widget=GovSelect(),
        # Checked against the allowed colleagues below, to say so in plain words.
        validate_choice=False,
        validators=[InputRequired(message="Choose a colleague to ask")],
    )
    submit = SubmitField("Ask for feedback", widget=GovSubmitInput())

    colleagues: tuple[User, ...] = ()

    def set_colleagues(self, people: Sequence[User]) -> None:
        self.colleagues = tuple(people)
        self.colleague_id.choices = [SelectChoice("", "Choose a colleague")] + [
            SelectChoice(str(person.id), label)
            for person, label in zip(people, _colleague_labels(people), strict=True)
        ]

    def chosen(self) -> User | None:
        return next((p for p in self.colleagues if str(p.id) == self.colleague_id.data), None)

    def validate_colleague_id(self, field: SelectField) -> None:
        if self.chosen() is None:
            raise ValidationError("Choose a colleague from the list")


def _colleague_labels(people: Sequence[User]) -> list[str]:
    # Names alone, so the picker does not hand out the organisation's email addresses; the
    # address only tells apart two colleagues with the same name.
    names = Counter(person.full_name for person in people)
    return [
        person.full_name if names[person.full_name] == 1 else f"{person.full_name} ({person.email})"
        for person in people
    ]


class ShareForm(FlaskForm):
    submit = SubmitField("Share", widget=GovSubmitInput())


class DeleteProfileForm(FlaskForm):
    submit = SubmitField("Delete the profile", widget=GovSubmitInput())


class FeedbackForm(FlaskForm):
    """A colleague's ratings: one radio group per attribute, added by ``feedback_form``.
    No version field: a sent response is locked, so there is no later edit to collide with."""

    submit = SubmitField("Send your feedback", widget=GovSubmitInput())

    attribute_keys: tuple[str, ...] = ()

    def rating_field(self, key: str) -> RadioField:
        return cast(RadioField, self[f"rating_{key}"])  # added by feedback_form

    def ratings(self) -> dict[str, int]:
        found = {}
        for key in self.attribute_keys:
            value = self.rating_field(key).data
            if value and value != NOT_ABLE_TO_SAY:
                found[key] = int(value)
        return found


def feedback_form(attributes: list[Attribute], **kwargs: object) -> FeedbackForm:
    class AttributeFeedbackForm(FeedbackForm):
        pass

    for attribute in attributes:
        setattr(
            AttributeFeedbackForm,
            f"rating_{attribute.key}",
            RadioField(
                attribute.name,
                choices=[*RATING_CHOICES, SelectChoice(NOT_ABLE_TO_SAY, "I cannot say")],
                widget=GovRadioInput(),
                validators=[
                    InputRequired(
                        message=f"Choose a rating for {attribute.short_name or attribute.name}, "
                        "or I cannot say"
                    )
                ],
            ),
        )
    form = AttributeFeedbackForm(**kwargs)
    form.attribute_keys = tuple(attribute.key for attribute in attributes)
    return form
