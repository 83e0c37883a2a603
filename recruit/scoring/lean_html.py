"""Jinja's ``indent`` filter for HTML, done on plain strings: the lean page macros use it.

Jinja's own filter wraps every line of a Markup string in Markup and escapes it again on
each join. Over the panel summary's large tab panels that cost more than the rest of the
page, and it ran hundreds of times on each score sheet.
"""

from __future__ import annotations

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
