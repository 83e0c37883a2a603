"""The question bank's filter checkboxes, written out in Python.

``filter_checkboxes(field, params)`` gives the same characters as ``field(params=params)``
through govuk-frontend-wtf's GovCheckboxesInput (tests/web/test_search_speedups.py compares
them). That widget renders a template per field, which calls govukCheckboxes and its nested
label, hint, fieldset and error macros, each trimmed and indented again; six fields of forty
options were most of the search page's time, and even a lean Jinja macro cost more than the
rest of the filter form.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape
from wtforms import SelectMultipleField

from recruit.lean_html import error_message, indent_lines


def filter_checkboxes(field: SelectMultipleField, params: dict[str, Any]) -> Markup:
    """Limited to what the filter form passes: params.classes, params.fieldset.legend (text,
    classes) and params.hint.text; choices with non-empty labels and no item hints. The
    widget always shows a hint, empty when the field has no description."""
    name, legend, hint = escape(field.name), params["fieldset"]["legend"], params.get("hint")
    hint_text = hint["text"] if hint and "text" in hint else field.description
    error = field.errors[0] if field.errors else None
    legend_classes = f" {escape(legend['classes'])}" if legend.get("classes") else ""
    html = [
        f'\n<div class="govuk-form-group{" govuk-form-group--error" if error else ""}">\n'
        f'  <fieldset class="govuk-fieldset" aria-describedby="{name}-hint'
        f'{f" {name}-error" if error else ""}">\n'
        f'    <legend class="govuk-fieldset__legend{legend_classes}">\n'
        f"      {indent_lines(legend['text'], 2)}\n"
        "    </legend>\n"
        f'    <div id="{name}-hint" class="govuk-hint">\n'
        f"      {indent_lines(hint_text, 4)}\n"
        "    </div>\n"
    ]
    if error:
        html.append(error_message(name, error, 4))
    classes = f" {escape(params['classes'])}" if params.get("classes") else ""
    html.append(f'    <div class="govuk-checkboxes{classes}" data-module="govuk-checkboxes">\n')
    for index, choice in enumerate(field.iter_choices(), 1):
        html.append(_checkbox(name, f"{name}-{index}" if index > 1 else name, choice))
    html.append("    </div>\n  </fieldset>\n</div>\n")
    return Markup("".join(html))


def _checkbox(name: str, item_id: str, choice: Any) -> str:
    checked = " checked" if choice.selected else ""
    return (
        '      <div class="govuk-checkboxes__item">\n'
        f'        <input class="govuk-checkboxes__input" id="{item_id}" name="{name}"'
        f' type="checkbox" value="{escape(choice.value)}"{checked}>\n'
        f'        <label class="govuk-label govuk-checkboxes__label" for="{item_id}">\n'
        f"          {indent_lines(choice.label or choice.value, 8)}\n"
        "        </label>\n"
        "      </div>\n"
    )
