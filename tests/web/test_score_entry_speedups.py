"""The score sheet's speed-ups change nothing a member sees or submits.

A plan's form class is built once and kept (recruit/scoring/forms.py), and the sheet's
buttons are written out directly (templates/macros/lean_fields.html). The questions' radios,
character counts and probes are compared with the GOV.UK macros in test_lean_macros.py.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from flask import Flask, render_template_string
from werkzeug.datastructures import MultiDict

from recruit.scoring.forms import CHOOSE_A_SCORE, score_sheet_form


def _items(*ids: int):  # type: ignore[no-untyped-def]
    # score_sheet_form reads only each plan item's id.
    return [SimpleNamespace(id=item_id) for item_id in ids]


def test_a_plans_form_class_is_kept_and_its_forms_are_independent(app: Flask):
    with app.test_request_context():
        first = score_sheet_form(_items(7, 8), meta={"csrf": False})
        second = score_sheet_form(_items(7, 8), meta={"csrf": False}, data={"score_7": "4"})
        other_plan = score_sheet_form(_items(9), meta={"csrf": False})
        first.score_7.errors = [CHOOSE_A_SCORE]
    assert type(second) is type(first)
    assert type(other_plan) is not type(first)
    assert not second.score_7.errors and second.score_7.data == "4"
    assert first.score_7.data is None
    assert [item.id for item in second.items] == [7, 8]
    assert {"score_9", "evidence_9"} <= set(other_plan._fields)
    assert "score_7" not in other_plan._fields


def test_a_kept_form_class_validates_each_post_afresh(app: Flask):
    with app.test_request_context():
        posted = score_sheet_form(
            _items(7), formdata=MultiDict({"score_7": "9"}), meta={"csrf": False}
        )
        assert not posted.validate()
        fine = score_sheet_form(
            _items(7), formdata=MultiDict({"score_7": "3"}), meta={"csrf": False}
        )
        assert fine.validate()
    assert posted.score_7.errors == [CHOOSE_A_SCORE]
    assert not fine.score_7.errors


@pytest.mark.parametrize("posted", ([], [("check", "y")], [("check", "")], [("check", '"<x>"')]))
@pytest.mark.parametrize("params", ("{}", "{'classes': 'govuk-button--secondary'}"))
def test_sheet_buttons_match_the_govuk_widget(app: Flask, posted, params):  # type: ignore[no-untyped-def]
    with app.test_request_context():
        form = score_sheet_form(_items(7), formdata=MultiDict(posted), meta={"csrf": False})
        for field in (form.check, form.save_draft):
            expected = render_template_string("[{{ field(params=" + params + ") }}]", field=field)
            actual = render_template_string(
                '{% from "macros/lean_fields.html" import submit_button %}'
                "[{{ submit_button(field, " + params + ") }}]",
                field=field,
            )
            assert actual == expected
