"""Scoring flags as GOV.UK tags: ``flag_tags`` writes what the Jinja macro it replaced wrote."""

from __future__ import annotations

import itertools

from flask import Flask, render_template_string

from recruit.presentation import FLAG_COLOURS, flag_tags

# The macro as it stood in templates/macros/scoring.html.
REPLACED_MACRO = """{% macro old_flag_tags(flags) -%}
{% for flag in flags %}<strong class="govuk-tag govuk-tag--{{ FLAG_COLOURS[flag] }} app-flag">{{ FLAG_LABELS[flag] }}</strong> {% endfor %}
{%- endmacro %}[{{ old_flag_tags(flags) }}]"""  # fmt: skip

FLAG_SETS = [()] + [
    combination
    for size in (1, 2, len(FLAG_COLOURS))
    for combination in itertools.permutations(FLAG_COLOURS, size)
]


def test_flag_tags_match_the_macro_they_replaced(app: Flask):
    with app.test_request_context():
        for flags in FLAG_SETS:
            expected = render_template_string(REPLACED_MACRO, flags=flags)
            actual = render_template_string("[{{ flag_tags(flags) }}]", flags=flags)
            assert actual == expected, flags


def test_flag_labels_are_escaped(monkeypatch):
    from recruit import presentation

    monkeypatch.setitem(presentation.FLAG_LABELS, "disagreement", "<b>& more</b>")
    assert str(flag_tags(["disagreement"])) == (
        '<strong class="govuk-tag govuk-tag--orange app-flag">&lt;b&gt;&amp; more&lt;/b&gt;'
        "</strong> "
    )
