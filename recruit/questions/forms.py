"""Forms for finding and editing questions; choices come from the bank, set per request."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    Form,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.form import BaseForm
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import HiddenInput

from recruit.domain.question_bank import QuestionBank
from recruit.domain.question_bank.editing import lines, tag_lines
from recruit.domain.question_bank.schema import (
    KNOWN_TAGS,
    MIN_SAFEGUARDING_WARNING_SIGNS,
    SAFEGUARDING_TAG,
)
from recruit.domain.question_bank.search import AUDIENCES
from recruit.form_fields import SelectChoice, WholeNumberField

MAX_TEXT = 4000

# A check of a text area, as WTForms calls it: it raises ValidationError to refuse the text.
TextValidator = Callable[[BaseForm, TextAreaField], object]


def _choices(pairs: list[tuple[str, str]]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


class SearchForm(Form):
    """The filters on the question bank page: a GET form, so no CSRF token and bookmarkable."""

    q = StringField(
        "Search questions", widget=GovTextInput(), validators=[Optional(), Length(max=200)]
    )
    attribute = SelectMultipleField(
        "Leadership attribute", widget=GovCheckboxesInput(), validate_choice=False
    )
    innovation = SelectMultipleField(
        "Innovation", widget=GovCheckboxesInput(), validate_choice=False
    )
    role_level = SelectMultipleField(
        "Role level", widget=GovCheckboxesInput(), validate_choice=False
    )
    audience = SelectMultipleField("Audience", widget=GovCheckboxesInput(), validate_choice=False)
    tag = SelectMultipleField("Topic", widget=GovCheckboxesInput(), validate_choice=False)
    behaviour = SelectMultipleField("Behaviour", widget=GovCheckboxesInput(), validate_choice=False)
    status = SelectMultipleField("Status", widget=GovCheckboxesInput(), validate_choice=False)
    submit = SubmitField("Apply filters", widget=GovSubmitInput())

    def set_choices(self, bank: QuestionBank, counts: Mapping[str, Mapping[str, int]]) -> None:
        def counted(facet: str, pairs: list[tuple[str, str]]) -> list[SelectChoice]:
            return _choices(
                [(key, f"{label} ({counts.get(facet, {}).get(key, 0)})") for key, label in pairs]
            )

        self.attribute.choices = counted("attributes", [(a.key, a.name) for a in bank.attributes])
        self.innovation.choices = counted(
            "innovations", [(i.key, i.name) for i in bank.named_innovations()]
        )
        self.role_level.choices = counted(
            "role_levels", [(r.key, r.name) for r in bank.role_levels]
        )
        self.audience.choices = counted("audiences", list(AUDIENCES.items()))
        self.tag.choices = counted("tags", [(tag, tag.capitalize()) for tag in KNOWN_TAGS])
        self.behaviour.choices = counted(
            "behaviours", [(b.key, b.name) for a in bank.attributes for b in a.behaviours]
        )
        self.status.choices = _choices([("retired", "Include retired questions")])


def _line_count(minimum: int, what: str) -> TextValidator:
    def check(_form: BaseForm, field: TextAreaField) -> None:
        if len(lines(field.data)) < minimum:
            raise ValidationError(f"Enter at least {minimum} {what}, one per line")

    return check


def _textarea(label: str, description: str = "", *validators: TextValidator) -> TextAreaField:
    return TextAreaField(
        label,
        description=description,
        widget=GovTextArea(),
        validators=[
            *validators,
            Length(max=MAX_TEXT, message=f"{label} must be {MAX_TEXT} characters or fewer"),
        ],
    )


class QuestionForm(FlaskForm):
    attribute = SelectField(
        "Leadership attribute",
        widget=GovSelect(),
        validators=[InputRequired(message="Select the attribute this question evidences")],
    )
    format = RadioField(
        "Kind of question",
        widget=GovRadioInput(),
        choices=_choices(
            [
                ("behavioural", "Behavioural: tell us about a time…"),
                ("scenario", "Scenario: what would you do…"),
            ]
        ),
        validators=[InputRequired(message="Select the kind of question")],
    )
    behaviours = SelectMultipleField(
        "Behaviours it evidences",
        description="Choose 1 to 3 behaviours of the attribute selected above.",
        widget=GovCheckboxesInput(),
        validators=[InputRequired(message="Select at least one behaviour it evidences")],
    )
    tags = _textarea(
        "Tags",
        "Optional. One per line, in lowercase. Use ‘safeguarding’ for questions on motivation "
        "to work with children, attitudes to safeguarding, professional boundaries or "
        "whistleblowing.",
    )
    question = _textarea("Question", "", InputRequired(message="Enter the question"))
    probes = _textarea(
        "Follow-up probes", "One per line. At least 2.", _line_count(2, "follow-up probes")
    )
    positive_indicators = _textarea(
        "Positive indicators",
        "What a strong answer shows. One per line. At least 3.",
        _line_count(3, "positive indicators"),
    )
    decisive_negative_indicators = _textarea(
        "Decisive negative indicators",
        "A concern serious enough on its own to outweigh the positives. One per line. At least 1.",
        _line_count(1, "decisive negative indicator"),
    )
    other_negative_indicators = _textarea("Other negative indicators", "One per line.")
    warning_signs = _textarea(
        "Warning signs",
        "Safeguarding warning signs the panel listens for. One per line. At least "
        f"{MIN_SAFEGUARDING_WARNING_SIGNS} on a question tagged safeguarding; optional otherwise.",
    )
    descriptor_1 = _textarea(
        "Score 1",
        "Very weak, or evidence against: what the candidate did that runs against the "
        "attribute. Not the absence of an answer, which panels record as No evidence.",
        InputRequired(message="Describe an answer that scores 1"),
    )
    descriptor_2 = _textarea(
        "Score 2", "", InputRequired(message="Describe an answer that scores 2")
    )
    descriptor_3 = _textarea(
        "Score 3", "", InputRequired(message="Describe an answer that scores 3")
    )
    descriptor_4 = _textarea(
        "Score 4", "", InputRequired(message="Describe an answer that scores 4")
    )
    descriptor_5 = _textarea(
        "Score 5", "", InputRequired(message="Describe an answer that scores 5")
    )
    role_levels = SelectMultipleField(
        "Role levels it suits",
        widget=GovCheckboxesInput(),
        validators=[InputRequired(message="Select at least one role level")],
    )
    innovations = SelectMultipleField(
        "Innovations it suits",
        description="Choose ‘Any innovation’, or one or more named innovations.",
        widget=GovCheckboxesInput(),
        validators=[InputRequired(message="Select the innovations it suits")],
    )
    minutes = WholeNumberField(
        "Suggested minutes",
        widget=GovTextInput(),
        invalid_message="Enter the suggested minutes as a number, like 10",
        validators=[
            InputRequired(message="Enter the suggested minutes as a number, like 10"),
            NumberRange(min=1, max=60, message="Suggested minutes must be between 1 and 60"),
        ],
    )
    young_people_variant = _textarea(
        "Plain-English version for a young people's panel", "Optional."
    )
    change_note = _textarea(
        "What changed and why",
        "Kept in the question's history.",
        InputRequired(message="Say what changed and why"),
    )
    lock_version = IntegerField(widget=HiddenInput(), validators=[Optional()])
    submit = SubmitField("Save question", widget=GovSubmitInput())

    def set_choices(self, bank: QuestionBank) -> None:
        self.attribute.choices = _choices(
            [("", "Choose an attribute")] + [(a.key, a.name) for a in bank.attributes]
        )
        self.behaviours.choices = _choices(
            [(b.key, f"{a.short_name}: {b.name}") for a in bank.attributes for b in a.behaviours]
        )
        self.role_levels.choices = _choices([(r.key, r.name) for r in bank.role_levels])
        self.innovations.choices = _choices(
            [("any", "Any innovation")] + [(i.key, i.name) for i in bank.named_innovations()]
        )

    def validate_innovations(self, field: SelectMultipleField) -> None:
        chosen = field.data or []
        if "any" in chosen and len(chosen) > 1:
            raise ValidationError("Choose either ‘Any innovation’ or named innovations, not both")

    def validate_behaviours(self, field: SelectMultipleField) -> None:
        if len(field.data or []) > 3:
            raise ValidationError("Select no more than 3 behaviours")

    # The same rules as the bank's files (question_bank/rules.py), said for the form.
    def validate_tags(self, field: TextAreaField) -> None:
        unknown = [tag for tag in tag_lines(field.data) if tag not in KNOWN_TAGS]
        if unknown:
            raise ValidationError(
                f"‘{unknown[0]}’ is not a known tag: use {', '.join(KNOWN_TAGS)}, "
                "one per line, or leave this empty"
            )
        if len(set(tag_lines(field.data))) < len(tag_lines(field.data)):
            raise ValidationError("List each tag once")

    def validate_warning_signs(self, field: TextAreaField) -> None:
        found = len(lines(field.data))
        if SAFEGUARDING_TAG in tag_lines(self.tags.data) and found < MIN_SAFEGUARDING_WARNING_SIGNS:
            raise ValidationError(
                f"Enter at least {MIN_SAFEGUARDING_WARNING_SIGNS} warning signs, one per line, "
                f"for a question tagged {SAFEGUARDING_TAG}"
            )


class StatusChangeForm(FlaskForm):
    """Retire or reinstate: the reason is kept in the question's history."""

    reason = _textarea(
        "Why?",
        "Kept in the question's history.",
        InputRequired(message="Say why you are making this change"),
    )
    submit = SubmitField("Confirm", widget=GovSubmitInput())
