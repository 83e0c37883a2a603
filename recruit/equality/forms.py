"""The report's filters: a GET form, so no CSRF token and the address can be bookmarked."""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovSelect, GovSubmitInput
from wtforms import Form, SelectField, SubmitField

from recruit.form_fields import GovukDateField, SelectChoice


class ReportFiltersForm(Form):
    grouping = SelectField("Group candidates by", widget=GovSelect(), validate_choice=False)
    closes_from = GovukDateField(
        "Vacancies closing from",
        what="the first closing date",
        required=False,
        description="For example 1 4 2026",
        widget=GovDateInput(),
    )
    closes_to = GovukDateField(
        "Vacancies closing up to",
        what="the last closing date",
        required=False,
        description="For example 31 3 2027",
        widget=GovDateInput(),
    )
    role_level = SelectField("Role level", widget=GovSelect(), validate_choice=False)
    innovation = SelectField("Innovation", widget=GovSelect(), validate_choice=False)
    vacancy = SelectField("One vacancy only", widget=GovSelect(), validate_choice=False)
    submit = SubmitField("Show the report", widget=GovSubmitInput())

    def set_choices(
        self,
        groupings: list[tuple[str, str]],
        role_levels: list[tuple[str, str]],
        innovations: list[tuple[str, str]],
        vacancies: list[tuple[str, str]],
    ) -> None:
        self.grouping.choices = [SelectChoice(key, label) for key, label in groupings]
        every = [SelectChoice("", "All")]
        self.role_level.choices = every + [SelectChoice(k, v) for k, v in role_levels]
        self.innovation.choices = every + [SelectChoice(k, v) for k, v in innovations]
        self.vacancy.choices = [SelectChoice("", "All vacancies in the period")] + [
            SelectChoice(k, v) for k, v in vacancies
        ]
