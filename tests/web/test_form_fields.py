"""The shared form pieces: the check that nobody saved a record since its form was loaded."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import Form, HiddenField
from wtforms.validators import InputRequired, NumberRange, Optional
from wtforms.widgets import HiddenInput

from recruit.form_fields import WholeNumberField, saved_since_loaded


class TextVersion(Form):
    lock_version = HiddenField()


class NumberVersion(Form):
    lock_version = WholeNumberField(widget=HiddenInput(), invalid_message="Reload the page")


@pytest.mark.parametrize(
    ("loaded", "current"),
    [("3", 3), ("", None), (None, None)],
)
def test_an_unchanged_record_is_not_flagged_and_the_form_keeps_its_version(loaded, current):
    form = TextVersion(data={"lock_version": loaded})

    assert saved_since_loaded(form.lock_version, current) is False
    assert form.lock_version.data == loaded


@pytest.mark.parametrize(
    ("loaded", "current", "moved_on_to"),
    [("3", 4, "4"), ("", 1, "1"), ("2", None, "")],
)
def test_a_record_saved_meanwhile_is_flagged_and_the_form_moves_on(loaded, current, moved_on_to):
    form = TextVersion(data={"lock_version": loaded})

    assert saved_since_loaded(form.lock_version, current) is True
    assert form.lock_version.data == moved_on_to
    # Saving again after reading the message goes through.
    assert saved_since_loaded(form.lock_version, current) is False


def test_a_whole_number_version_stays_a_number() -> None:
    form = NumberVersion(data={"lock_version": 3})

    assert saved_since_loaded(form.lock_version, 5) is True
    assert form.lock_version.data == 5


class Minutes(Form):
    minutes = WholeNumberField(
        invalid_message="Enter the time in minutes, like 60",
        validators=[NumberRange(min=5, max=480, message="The time must be 5 to 480 minutes")],
    )


def test_a_whole_number_field_says_only_what_to_do_when_it_is_not_a_number() -> None:
    form = Minutes(formdata=MultiDict({"minutes": "an hour"}))

    assert not form.validate()
    assert form.minutes.errors == ["Enter the time in minutes, like 60"]


def test_a_whole_number_out_of_range_still_gets_the_range_message() -> None:
    form = Minutes(formdata=MultiDict({"minutes": "2"}))

    assert not form.validate()
    assert form.minutes.errors == ["The time must be 5 to 480 minutes"]


def test_a_blank_whole_number_is_left_to_optional_and_input_required() -> None:
    class Both(Form):
        optional = WholeNumberField(invalid_message="Enter a number", validators=[Optional()])
        required = WholeNumberField(
            invalid_message="Enter a number", validators=[InputRequired(message="Enter one")]
        )

    form = Both(formdata=MultiDict({"optional": "", "required": ""}))

    assert not form.validate()
    assert form.optional.errors == [] and form.required.errors == ["Enter one"]
