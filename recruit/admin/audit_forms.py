"""The audit log filters: a GET form, so no CSRF token, and every filtered view has a URL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovSelect, GovTextInput
from wtforms import Field, Form, SelectField, StringField
from wtforms.utils import unset_value
from wtforms.validators import Length, Optional, ValidationError

from recruit.domain.audit.filters import AuditFilters, date_order_problem, parse_date_parts
from recruit.form_fields import SelectChoice

if TYPE_CHECKING:
    # The form data WTForms accepts: a protocol its stubs define, absent at run time.
    from wtforms.meta import _MultiDictLikeWithGetlist

ACTOR_MAX = 254


class DayMonthYearField(Field):
    """GOV.UK day, month and year boxes, parsed by ``parse_date_parts`` (never a crash).

    The GOV.UK date widget unpacks exactly three values, so the raw data is always made
    three long, whatever the query string held.
    """

    widget = GovDateInput()

    def __init__(self, label: str, *, what: str, **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.what = what

    def process(
        self,
        formdata: _MultiDictLikeWithGetlist | None,
        data: object = unset_value,
        extra_filters: Sequence[Callable[[Any], Any]] | None = None,
    ) -> None:
        super().process(formdata, data, extra_filters)
        values = [str(value).strip() for value in (self.raw_data or [])][:3]
        self.raw_data = values + [""] * (3 - len(values))

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = parse_date_parts(valuelist, self.what)

    def _value(self) -> str:
        return self.data.strftime("%d %m %Y") if self.data else ""


def _without_nul(value: object) -> object:
    """PostgreSQL refuses text holding NUL, so a crafted query string must not reach it."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def _select(label: str) -> SelectField:
    # Choices come from the log itself, set per request; an action no longer in the log
    # simply matches nothing, so an old shared link still opens.
    return SelectField(
        label, widget=GovSelect(), validate_choice=False, default="", filters=[_without_nul]
    )


class AuditFilterForm(Form):
    action = _select("Action")
    who = StringField(
        "Who",
        description="All or part of an email address, or ‘system’",
        widget=GovTextInput(),
        filters=[_without_nul],
        validators=[
            Optional(),
            Length(max=ACTOR_MAX, message=f"Who must be {ACTOR_MAX} characters or fewer"),
        ],
    )
    object_type = _select("Object type")
    from_date = DayMonthYearField(
        "From date", what="the from date", description="For example, 27 3 2026"
    )
    to_date = DayMonthYearField("To date", what="the to date", description="For example, 28 3 2026")

    def set_choices(self, actions: list[str], object_types: list[str]) -> None:
        self.action.choices = _choices("Any action", actions, self.action.data)
        self.object_type.choices = _choices("Any object type", object_types, self.object_type.data)

    def validate_from_date(self, field: DayMonthYearField) -> None:
        problem = date_order_problem(field.data, self.to_date.data)
        if problem:
            raise ValidationError(problem)

    def filters(self) -> AuditFilters:
        """The filters asked for; call only once the form has validated."""
        return AuditFilters(
            action=(self.action.data or "").strip(),
            actor=(self.who.data or "").strip(),
            object_type=(self.object_type.data or "").strip(),
            date_from=self.from_date.data,
            date_to=self.to_date.data,
        )


def _choices(any_label: str, values: list[str], current: str | None) -> list[SelectChoice]:
    options = list(values)
    if current and current not in options:
        options.append(current)  # keep the shared link's choice visible
    return [SelectChoice("", any_label)] + [SelectChoice(value, value) for value in options]
