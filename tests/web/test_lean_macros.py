"""The lean macros give the same characters as the GOV.UK macros they stand in for.

The score sheet's radios, character count and probes (recruit/lean_html.py) are written
out directly for speed; any difference from
govuk-frontend-jinja's output, down to whitespace, is a change the user or a screen reader
might meet.
"""

from __future__ import annotations

import itertools

import pytest
from flask import Flask, render_template_string
from jinja2.filters import do_indent
from markupsafe import Markup

from recruit.lean_html import evidence_count, indent_lines, lean_details, score_radios

AWKWARD_TEXTS = ("Sound", 'a <b> & "c"\n\nd\r\ne\rf\u2028g', "  leading\n  ", "ends\r")

GOVUK = """{%% from "govuk_frontend_jinja/components/%s/macro.html" import %s %%}
[{{ %s(params) }}]"""


def _both(app: Flask, component: str, govuk: str, lean, params):  # type: ignore[no-untyped-def]
    """The GOV.UK macro's output and the lean function's, as a template shows each."""
    with app.test_request_context():
        expected = render_template_string(GOVUK % (component, govuk, govuk), params=params)
        actual = render_template_string("[{{ lean(params) }}]", lean=lean, params=params)
    return expected, actual


def _radios(error: str | None, checked: str, text: str) -> dict[str, object]:
    items: list[dict[str, object]] = [
        {
            "value": str(level),
            "text": f"{level} – {text}",
            "hint": {"text": "" if level == 3 else text},  # a level without a descriptor
            "checked": checked == str(level),
        }
        for level in range(1, 6)
    ]
    items += [
        {"divider": "or"},
        {"value": "none", "text": "No evidence", "hint": {"text": text}, "checked": False},
    ]
    return {
        "idPrefix": "score_7",
        "name": "score_7",
        "fieldset": {"legend": {"text": text, "classes": "govuk-fieldset__legend--s"}},
        "items": items,
        "errorMessage": {"text": error} if error else None,
    }


def _count(error: str | None, text: str) -> dict[str, object]:
    return {
        "id": "evidence_7",
        "name": "evidence_7",
        "maxlength": 5000,
        "threshold": 75,
        "rows": 5,
        "value": text,
        "label": {"text": text, "classes": "govuk-label--s"},
        "hint": {"text": text},
        "errorMessage": {"text": error} if error else None,
    }


ERRORS = (None, "Enter a score from 1 to 5, or choose No evidence", "two\nlines")


@pytest.mark.parametrize(
    ("error", "checked", "text"), list(itertools.product(ERRORS, ("", "2", "none"), AWKWARD_TEXTS))
)
def test_score_radios_match_govuk_radios(app: Flask, error, checked, text):  # type: ignore[no-untyped-def]
    expected, actual = _both(
        app, "radios", "govukRadios", score_radios, _radios(error, checked, text)
    )
    assert actual == expected


@pytest.mark.parametrize(("error", "text"), list(itertools.product(ERRORS, AWKWARD_TEXTS)))
def test_evidence_count_matches_govuk_character_count(app: Flask, error, text):  # type: ignore[no-untyped-def]
    expected, actual = _both(
        app, "character-count", "govukCharacterCount", evidence_count, _count(error, text)
    )
    assert actual == expected


@pytest.mark.parametrize(
    "html", ["", *AWKWARD_TEXTS, Markup('<ul class="x"><li>a &amp; b</li>\n<li>c</li></ul>')]
)
@pytest.mark.parametrize("summary", AWKWARD_TEXTS)
def test_lean_details_match_govuk_details(app: Flask, summary, html):  # type: ignore[no-untyped-def]
    params = {"summaryText": summary, "html": html}
    expected, actual = _both(app, "details", "govukDetails", lean_details, params)
    assert actual == expected


@pytest.mark.parametrize("value", [*AWKWARD_TEXTS, "", "\n", Markup("<b>x</b>\n<i>y</i>")])
@pytest.mark.parametrize(("width", "first"), [(2, False), (4, True)])
def test_indent_lines_matches_jinja_indent_after_escaping(value, width, first):  # type: ignore[no-untyped-def]
    expected = do_indent(Markup.escape(value), width, first)
    assert indent_lines(value, width, first) == expected
    assert isinstance(indent_lines(value, width, first), Markup)
