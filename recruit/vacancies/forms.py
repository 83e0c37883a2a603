"""Vacancy forms. Role levels and innovations come from the question bank."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovDateInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import Form, RadioField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from recruit.domain.question_bank import QuestionBank
from recruit.form_fields import GovukDateField, SelectChoice, WholeNumberField
from recruit.models import VacancyStatus
from recruit.models.vacancies import CONTRACTS


def _choices(pairs: list[tuple[str, str]]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def _text(label: str, message: str, maximum: int = 200, description: str = "") -> StringField:
    return StringField(
        label,
        description=description,
        widget=GovTextInput(),
        validators=[
            InputRequired(message=message),
            Length(max=maximum, message=f"{label} must be {maximum} characters or fewer"),
        ],
    )


class VacancyForm(FlaskForm):
    title = _text(
        "Job title",
        "Enter the job title",
        description="For example, Director of Children's Services",
    )
    role_level = SelectField(
        "Role level",
        widget=GovSelect(),
        validators=[InputRequired(message="Select the role level")],
    )
    service_area = _text(
        "Service area", "Enter the service area", description="For example, Children and Families"
    )
    innovation = RadioField(
        "The council's innovation",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the innovation the council runs")],
    )
    salary_range = _text(
        "Salary range", "Enter the salary range", description="For example, £140,000 to £155,000"
    )
    contract = RadioField(
        "Contract",
        widget=GovRadioInput(),
        choices=_choices(CONTRACTS),
        validators=[InputRequired(message="Select the type of contract")],
    )
    location = _text("Location", "Enter where the job is based")
    closing_date = GovukDateField(
        "Closing date",
        what="the closing date",
        description="For example, 27 3 2027",
        widget=GovDateInput(),
    )
    interview_dates = StringField(
        "Interview dates",
        description="Optional. For example, 14 and 15 April 2027",
        widget=GovTextInput(),
        validators=[
            Optional(),
            Length(max=200, message="Interview dates must be 200 characters or fewer"),
        ],
    )
    hiring_manager = _text(
        "Hiring manager",
        "Enter the hiring manager's name and job title",
        description="Name and job title, for example Jane Morris, Chief Executive",
    )
    job_reference = StringField(
        "Job reference",
        description="Optional. The council's reference for the post, for example NCC-CS-0142. "
        "Documents print it instead of the app's own number",
        default="",  # a form posted without it (an older page) leaves it blank, not null
        widget=GovTextInput(),
        validators=[
            Optional(),
            Length(max=40, message="The job reference must be 40 characters or fewer"),
        ],
    )
    status = RadioField(
        "Status",
        widget=GovRadioInput(),
        choices=_choices([(status.value, status.label) for status in VacancyStatus]),
        validators=[InputRequired(message="Select the vacancy's status")],
    )
    lock_version = WholeNumberField(
        widget=HiddenInput(),
        invalid_message="Reload the page and try again",
        validators=[Optional()],
    )
    submit = SubmitField("Save vacancy", widget=GovSubmitInput())

    def set_choices(self, bank: QuestionBank) -> None:
        self.role_level.choices = _choices(
            [("", "Choose a role level")] + [(r.key, r.name) for r in bank.role_levels]
        )
        self.innovation.choices = _choices(
            [
                (i.key, i.name if i.key != "any" else "Another practice model")
                for i in bank.innovations
            ]
        )


class VacancyFilterForm(Form):
    status = SelectMultipleField(
        "Status",
        widget=GovCheckboxesInput(),
        choices=_choices([(status.value, status.label) for status in VacancyStatus]),
        validate_choice=False,
    )
    innovation = SelectMultipleField(
        "Innovation", widget=GovCheckboxesInput(), validate_choice=False
    )
    role_level = SelectMultipleField(
        "Role level", widget=GovCheckboxesInput(), validate_choice=False
    )
    submit = SubmitField("Apply filters", widget=GovSubmitInput())

    def set_choices(self, bank: QuestionBank) -> None:
        self.innovation.choices = _choices([(i.key, i.name) for i in bank.innovations])
        self.role_level.choices = _choices([(r.key, r.name) for r in bank.role_levels])
