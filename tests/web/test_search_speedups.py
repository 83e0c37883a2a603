"""The question bank search's speed-ups change nothing a user sees.

The filter form's fields are written out directly (recruit/questions/filter_fields.py,
templates/questions/_filter_fields.html, templates/macros/lean_fields.html) and must give the
same characters as govuk-frontend-wtf's widgets. Search results are kept
per bank and query (recruit/questions/search_cache.py) and must follow every bank change.
"""

from __future__ import annotations

import itertools

import pytest
from flask import Flask, render_template_string
from werkzeug.datastructures import MultiDict

from recruit.bank_store import current_bank, question_row, save_question
from recruit.domain.question_bank.search import (
    QuestionFilters,
    facet_options,
    normalised,
    search_questions,
)
from recruit.extensions import db
from recruit.models import Role
from recruit.questions.forms import SearchForm
from recruit.questions.search_cache import SearchResults

AWKWARD_TEXTS = ("Sound", 'a <b> & "c"\n\nd\r\ne\rf\u2028g', "  leading\n  ", "ends\r")

LEAN = (
    '{%% from "questions/_filter_fields.html" import filter_text_input %%}'
    '{%% from "macros/lean_fields.html" import submit_button %%}[{{ %s }}]'
)

FILTER_PARAMS = (
    {
        "classes": "govuk-checkboxes--small",
        "fieldset": {"legend": {"text": "Innovation", "classes": "govuk-fieldset__legend--s"}},
        "hint": {"text": "Questions for any innovation are always included."},
    },
    {
        "classes": "govuk-checkboxes--small",
        "fieldset": {"legend": {"text": "Role level", "classes": "govuk-fieldset__legend--s"}},
    },
    {"fieldset": {"legend": {"text": "Audience"}}},
)


def _checkbox_pair(app: Flask, params, checked, text, error, description):  # type: ignore[no-untyped-def]
    """The widget's output and the lean macro's, for one field in one state."""
    with app.test_request_context():
        form = SearchForm(MultiDict([("behaviour", value) for value in checked]))
        field = form.behaviour
        field.description = description
        field.choices = [("one", text), ("two", f"Two {text} (3)"), ("3 & <4>", "Three (0)")]
        field.errors = [error] if error else []
        expected = render_template_string(
            "[{{ field(params=params) }}]", field=field, params=params
        )
        actual = render_template_string(
            "[{{ filter_checkboxes(field, params) }}]",
            field=field,
            params=params,
        )
    return expected, actual


CHECKBOX_CASES = list(
    itertools.product(
        FILTER_PARAMS,
        ((), ("two",), ("one", "3 & <4>")),
        AWKWARD_TEXTS,
        (None, 'Choose "one"\nor two'),
        ("", "A description"),
    )
)


def test_filter_checkboxes_match_the_govuk_widget(app):  # type: ignore[no-untyped-def]
    # One test over every case: the app fixture's set-up costs more than a case does.
    for params, checked, text, error, description in CHECKBOX_CASES:
        expected, actual = _checkbox_pair(app, params, checked, text, error, description)
        assert actual == expected, (params, checked, text, error, description)


def test_filter_checkboxes_legend_and_hint_texts_match(app):  # type: ignore[no-untyped-def]
    for text in AWKWARD_TEXTS:
        params = {
            "fieldset": {"legend": {"text": text, "classes": "govuk-fieldset__legend--s"}},
            "hint": {"text": text},
        }
        expected, actual = _checkbox_pair(app, params, (), "Label", None, "")
        assert actual == expected


def _rendered_both_ways(app: Flask, arguments, set_up, widget_call: str, lean_call: str):  # type: ignore[no-untyped-def]
    with app.test_request_context():
        form = SearchForm(MultiDict(arguments))
        set_up(form)
        expected = render_template_string("[{{ " + widget_call + " }}]", form=form)
        actual = render_template_string(LEAN % lean_call, form=form)
    return expected, actual


@pytest.mark.parametrize("text", ("", *AWKWARD_TEXTS))
@pytest.mark.parametrize("error", (None, "Search for 200 characters or fewer\nplease"))
@pytest.mark.parametrize(
    "params", ("{'label': {'classes': 'govuk-label--s'}, 'type': 'search'}", "{'label': {}}")
)
def test_filter_text_input_matches_the_govuk_widget(app, text, error, params):  # type: ignore[no-untyped-def]
    def set_up(form):  # type: ignore[no-untyped-def]
        form.q.label.text = text or "Search questions"
        form.q.errors = [error] if error else []

    expected, actual = _rendered_both_ways(
        app,
        [("q", text)],
        set_up,
        f"form.q(params={params})",
        f"filter_text_input(form.q, {params})",
    )
    assert actual == expected


@pytest.mark.parametrize("posted", ([], [("submit", "y")], [("submit", "")], [("submit", "<x>")]))
@pytest.mark.parametrize(
    ("widget_call", "lean_call"),
    [
        ("form.submit", "submit_button(form.submit)"),
        (
            "form.submit(params={'classes': 'govuk-button--secondary'})",
            "submit_button(form.submit, {'classes': 'govuk-button--secondary'})",
        ),
    ],
)
def test_submit_button_matches_the_govuk_widget(app, posted, widget_call, lean_call):  # type: ignore[no-untyped-def]
    expected, actual = _rendered_both_ways(app, posted, lambda form: None, widget_call, lean_call)
    assert actual == expected


SEARCH_TEXTS = ("Family", "  FAMILY   safeguarding ", "family\tSafeguarding", "", "   ", "zzz")


@pytest.mark.parametrize("text", SEARCH_TEXTS)
def test_normalised_filters_find_the_same_questions(bank, text):  # type: ignore[no-untyped-def]
    filters = QuestionFilters(text=text, attributes=frozenset({"values", "decisions"}))
    options = facet_options(bank)
    assert search_questions(bank.questions, normalised(filters), options) == search_questions(
        bank.questions, filters, options
    )


def test_a_repeated_search_is_kept_and_gives_what_a_fresh_search_gives(app, bank):  # type: ignore[no-untyped-def]
    results = SearchResults()
    with app.test_request_context("/questions"):
        loaded = current_bank()
        first = results.search(loaded, QuestionFilters(text="Family Safeguarding"))
        again = results.search(loaded, QuestionFilters(text="  family   SAFEGUARDING"))
        fresh = search_questions(
            loaded.questions, QuestionFilters(text="family safeguarding"), facet_options(loaded)
        )
    assert again is first
    assert first == fresh
    # Kept results are shared between requests, so their counts cannot be changed.
    with pytest.raises(TypeError):
        first.counts["attributes"]["values"] = 99  # type: ignore[index]
    with pytest.raises(TypeError):
        first.counts["attributes"] = {}  # type: ignore[index]


def test_only_the_most_recent_searches_are_kept(app, bank):  # type: ignore[no-untyped-def]
    results = SearchResults(max_kept=2)
    with app.test_request_context("/questions"):
        loaded = current_bank()
        first = results.search(loaded, QuestionFilters(text="family"))
        results.search(loaded, QuestionFilters(text="values"))
        results.search(loaded, QuestionFilters(text="culture"))
        assert results.search(loaded, QuestionFilters(text="family")) is not first


def test_search_results_follow_a_bank_edit(bank, signed_in, make_user):  # type: ignore[no-untyped-def]
    client, _user = signed_in(Role.PANEL)
    page = client.get("/questions", query_string={"q": "zebracrossing"}).get_data(as_text=True)
    assert "No questions match" in page
    edited = bank.question("values-personal-values-01").to_dict() | {
        "question": "Tell us about a zebracrossing moment in your leadership."
    }
    row = question_row("values-personal-values-01")
    save_question(edited, make_user(Role.ADMIN), "Reworded", row.lock_version)
    db.session.commit()
    page = client.get("/questions", query_string={"q": "zebracrossing"}).get_data(as_text=True)
    assert "/questions/values-personal-values-01" in page
    assert "No questions match" not in page
