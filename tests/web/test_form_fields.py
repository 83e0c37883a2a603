"""The shared form pieces: the check that nobody saved a record since its form was loaded."""

from __future__ import annotations

import pytest
from wtforms import Form, HiddenField
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
