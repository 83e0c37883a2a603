"""Lean HTML for the busiest pages: Jinja's ``indent`` filter done on plain strings, and the
score sheet's GOV.UK components written out in Python.

Jinja's own filter wraps every line of a Markup string in Markup and escapes it again on
each join. Over the panel summary's large tab panels that cost more than the rest of the
page, and it ran hundreds of times on each score sheet.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape


def indent_lines(value: object, width: int = 4, first: bool = False) -> Markup:
    """The same characters as ``{{ value|indent(width, first) }}`` with autoescaping on.

    Escaping first is safe: it never touches spaces or line breaks, so it commutes with
    indenting. The steps, quirks included, follow ``jinja2.filters.do_indent``.
    """
    pad = " " * width
    lines = (str(escape(value)) + "\n").splitlines()
    text = lines.pop(0)
    if lines:
        text += "\n" + "\n".join(pad + line if line else line for line in lines)
    return Markup(pad + text if first else text)


# The score sheet's radios, character count and probes, written out in Python. Each takes
# the same params as govukRadios, govukCharacterCount and govukDetails, limited to what the
# sheet passes (see each function), and gives the same characters: tests/web/
# test_lean_macros.py compares them with the GOV.UK macros. The GOV.UK macros, and even
# lean Jinja macros, cost most of the sheet's time: fifteen questions of seven options,
# each option's texts escaped, indented and joined by the template engine one at a time.


def score_radios(params: dict[str, Any]) -> Markup:
    """govukRadios with idPrefix, name, fieldset.legend (text, classes), items (value, text,
    hint.text, checked; or divider) and errorMessage.text."""
    id_prefix, error = escape(params["idPrefix"]), params.get("errorMessage")
    legend = params["fieldset"]["legend"]
    group_error = " govuk-form-group--error" if error else ""
    described_by = f' aria-describedby="{id_prefix}-error"' if error else ""
    html = [
        f'\n<div class="govuk-form-group{group_error}">\n'
        f'  <fieldset class="govuk-fieldset"{described_by}>\n'
        f'    <legend class="govuk-fieldset__legend {escape(legend.get("classes", ""))}">\n'
        f"      {indent_lines(legend['text'], 2)}\n"
        "    </legend>\n"
    ]
    if error:
        html.append(error_message(id_prefix, error["text"], 4))
    html.append('    <div class="govuk-radios" data-module="govuk-radios">\n')
    items = [item for item in params["items"] if item]
    for index, item in enumerate(items, 1):
        html.append(_radio_item(params, item, f"{id_prefix}-{index}" if index > 1 else id_prefix))
    html.append("    </div>\n  </fieldset>\n</div>\n")
    return Markup("".join(html))


def _radio_item(params: dict[str, Any], item: dict[str, Any], item_id: str) -> str:
    if item.get("divider"):
        return f'      <div class="govuk-radios__divider">{escape(item["divider"])}</div>\n'
    hint = (item.get("hint") or {}).get("text")
    checked = " checked" if item.get("checked") else ""
    described_by = f' aria-describedby="{item_id}-item-hint"' if hint else ""
    html = (
        '      <div class="govuk-radios__item">\n'
        f'        <input class="govuk-radios__input" id="{item_id}" name="{escape(params["name"])}"'
        f' type="radio" value="{escape(item["value"])}"{checked}{described_by}>\n'
        f'        <label class="govuk-label govuk-radios__label" for="{item_id}">\n'
        f"          {indent_lines(item['text'], 8)}\n"
        "        </label>\n"
    )
    if hint:
        html += (
            f'        <div id="{item_id}-item-hint" class="govuk-hint govuk-radios__hint">\n'
            f"          {indent_lines(hint, 8)}\n"
            "        </div>\n"
        )
    return html + "      </div>\n"


def evidence_count(params: dict[str, Any]) -> Markup:
    """govukCharacterCount with id, name, maxlength, threshold, rows, value, label (text,
    classes), hint.text and errorMessage.text."""
    field_id, error = escape(params["id"]), params.get("errorMessage")
    maxlength, label = escape(params["maxlength"]), params["label"]
    group_error = " govuk-form-group--error" if error else ""
    textarea_error = " govuk-textarea--error" if error else ""
    error_id = f" {field_id}-error" if error else ""
    html = [
        f'<div class="govuk-form-group{group_error} govuk-character-count"'
        f' data-module="govuk-character-count" data-maxlength="{maxlength}"'
        f' data-threshold="{escape(params["threshold"])}">\n'
        f'  <label class="govuk-label {escape(label.get("classes", ""))}" for="{field_id}">\n'
        f"    {indent_lines(label['text'], 2)}\n"
        "  </label>\n"
        f'  <div id="{field_id}-hint" class="govuk-hint">\n'
        f"    {indent_lines(params['hint']['text'], 2)}\n"
        "  </div>\n"
    ]
    if error:
        html.append(error_message(field_id, error["text"], 2))
    html.append(
        f'  <textarea class="govuk-textarea{textarea_error} govuk-js-character-count"'
        f' id="{field_id}" name="{escape(params["name"])}" rows="{escape(params["rows"])}"'
        f' aria-describedby="{field_id}-info {field_id}-hint{error_id}">'
        f"{escape(params['value'])}</textarea>\n"
        f'  <div id="{field_id}-info" class="govuk-hint govuk-character-count__message">\n'
        f"    You can enter up to {maxlength} characters\n"
        "  </div>\n"
        "</div>\n"
    )
    return Markup("".join(html))


def error_message(field_id: str, text: str, width: int) -> str:
    """The GOV.UK error message paragraph, its lines indented by ``width`` spaces."""
    pad = " " * width
    return (
        f'{pad}<p id="{field_id}-error" class="govuk-error-message">\n'
        f'{pad}  <span class="govuk-visually-hidden">Error:</span> '
        f"{indent_lines(text, width)}\n"
        f"{pad}</p>\n"
    )


def lean_details(params: dict[str, Any]) -> Markup:
    """govukDetails with summaryText and html (trusted HTML, not escaped, as in govukDetails)."""
    return Markup(
        '<details class="govuk-details">\n'
        '  <summary class="govuk-details__summary">\n'
        '    <span class="govuk-details__summary-text">\n'
        f"      {escape(params['summaryText'])}\n"
        "    </span>\n"
        "  </summary>\n"
        '  <div class="govuk-details__text">\n'
        f"    {params['html']}\n"
        "  </div>\n"
        "</details>\n"
    )
