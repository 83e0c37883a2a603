"""Form pieces every feature shares: fields whose own parsing errors say what to do, as
GOV.UK error messages should, the email checks, the confirmation form and the check that
nobody saved the record since the form was loaded."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, cast

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import DateField, Field, HiddenField, IntegerField, SubmitField

# types-WTForms 3.2 predates SelectChoice (WTForms 3.3), which replaces the deprecated
# tuples: imported here once, typed or not, and shared by every form module.
from wtforms.fields.choices import SelectChoice as SelectChoice  # type: ignore[attr-defined]
from wtforms.form import BaseForm
from wtforms.utils import unset_value
from wtforms.validators import Email, InputRequired, Length, StopValidation

if TYPE_CHECKING:
    # The form data WTForms reads: a name for it that exists only in its type stubs.
    from wtforms.meta import _MultiDictLikeWithGetlist


class WholeNumberField(IntegerField):
    """An integer field whose 'not a number' error is the message given, not WTForms' default."""

    def __init__(self, *args: Any, invalid_message: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invalid_message = invalid_message

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(
                [value.strip() if isinstance(value, str) else value for value in valuelist]
            )
        except ValueError as error:
            raise ValueError(self.invalid_message) from error

    def pre_validate(self, form: BaseForm) -> None:
        # Something typed that is not a number: its one message says what to do; a range
        # check on top would add a second, about a value the person never entered. A blank
        # goes on to the validators, so that Optional and InputRequired decide about it.
        typed = any(str(value).strip() for value in self.raw_data or [])
        if self.process_errors and typed:
            raise StopValidation()


class GovukDateField(DateField):
    """Day, month and year boxes, with GOV.UK error messages and no crash on odd input.

    The GOV.UK date widget unpacks exactly three values, so a POST that leaves the boxes
    out (or sends extra ones) would fail while re-showing the form; the raw data is
    always made three long here. ``what`` names the date in messages: "the closing date".
    """

    def __init__(self, label: str, *, what: str, required: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%d %m %Y")
        super().__init__(label, **kwargs)
        self.what = what
        self.required = required

    def process(
        self,
        formdata: _MultiDictLikeWithGetlist | None,
        data: object = unset_value,
        extra_filters: Sequence[Callable[[Any], Any]] | None = None,
    ) -> None:
        super().process(formdata, data, extra_filters)
        if formdata is not None:
            values = [str(value).strip() for value in (self.raw_data or [])][:3]
            self.raw_data = values + [""] * (3 - len(values))

    def process_formdata(self, valuelist: list[Any]) -> None:
        parts = [str(value).strip() for value in valuelist][:3]
        parts += [""] * (3 - len(parts))
        if not any(parts):
            self.data = None
            if self.required:
                raise ValueError(f"Enter {self.what}")
            return
        missing = [
            name for name, part in zip(("day", "month", "year"), parts, strict=True) if not part
        ]
        if missing:
            raise ValueError(f"{self.what.capitalize()} must include a {' and '.join(missing)}")
        if len(parts[2]) != 4:
            raise ValueError(f"Year must include 4 numbers, for example {date.today().year + 1}")
        try:
            self.data = datetime.strptime(" ".join(parts), "%d %m %Y").date()
        except ValueError as error:
            raise ValueError(f"{self.what.capitalize()} must be a real date") from error

    def pre_validate(self, form: BaseForm) -> None:
        # process_formdata raised the right message already; stop WTForms adding its own.
        if self.process_errors:
            raise StopValidation()


class ConfirmForm(FlaskForm):
    """A form with only a CSRF token and a button, for confirmation pages."""

    confirm = HiddenField(default="yes")
    submit = SubmitField("Confirm", widget=GovSubmitInput())


def email_validators() -> list[object]:
    return [
        InputRequired(message="Enter an email address"),
        Length(max=254, message="Email address must be 254 characters or fewer"),
        Email(message="Enter an email address in the correct format, like name@example.gov.uk"),
    ]


def add_error(field: Field, message: str) -> None:
    """Add a view's own error to a validated field (WTForms makes ``errors`` a list when it
    validates; its stubs say only Sequence)."""
    cast(list[str], field.errors).append(message)


def saved_since_loaded(version_field: Field, current_version: int | None) -> bool:
    """Whether someone saved the record after this form was loaded.

    ``version_field`` carries the record's version as the form was loaded (blank for a record
    that did not exist yet); ``current_version`` is the version now (None if there is still no
    record). When they differ, the field moves on to the current version, so that saving
    again, once the person has read what changed, goes through.
    """
    sent = "" if version_field.data is None else str(version_field.data)
    current = "" if current_version is None else str(current_version)
    if sent == current:
        return False
    version_field.data = current_version if isinstance(version_field.data, int) else current
    return True


def edited_elsewhere_message(thing: str, detail: str = "") -> str:
    """What to tell someone whose save lost a race: their text is kept, nothing was saved."""
    return (
        f"Someone else saved this {thing} while you were editing.{detail} Your changes are below "
        f"and have not been saved: open the {thing} in a new tab to compare, then save again."
    )


def parse_one_decimal_score(text: str | None) -> float | None:
    """A score from 1 to 5 with at most one decimal place, or None if it is not one."""
    try:
        value = Decimal((text or "").strip())
    except InvalidOperation:
        return None
    if not value.is_finite() or not 1 <= value <= 5 or value != round(value, 1):
        return None
    return float(value)
