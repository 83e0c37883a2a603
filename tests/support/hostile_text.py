"""Hostile text for the fuzz tests: what a careless paste or a deliberate attacker sends.

The payload list makes sure the classic cases are always in the mix (markup and script,
spreadsheet formula prefixes, right-to-left overrides, emoji, control characters, a very
long string, every kind of line break); Hypothesis adds text nobody thought of.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCRIPT_PAYLOAD = "<script>alert(1)</script>"
PAYLOADS = [
    SCRIPT_PAYLOAD,
    '"><img src=x onerror=alert(1)>',
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "-2+3",
    "@import",
    "\tTAB=1+1",
    "\r=1+1",
    "\u202eevil\u202c right-to-left \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "emoji \U0001f9d2\U0001f3fd\u200d\U0001f467 \U0001f600",
    "control \x00\x01\x08\x0b\x0c\x1f\x7f\x85\ufffe characters",
    "a" * 100_000,
    "line one\r\nline two\rthree\u2028four",
]
HOSTILE = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=300),
    st.builds(str.__add__, st.sampled_from(PAYLOADS), st.text(max_size=60)),
)
FUZZ = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FEW = settings(FUZZ, max_examples=10)
# What an unescaped payload would look like in a page: the escaped forms never match.
SCRIPT = re.compile(r"<script>alert\(1\)</script>|<img src=x onerror", re.IGNORECASE)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def fitting(text: str, limit: int) -> str:
    """``text`` as a test may store it directly: cut to the column's length, never empty
    (a required field), and without NUL, which every way in drops and PostgreSQL refuses."""
    return text.replace("\x00", "")[:limit] or "x"


def assert_safe_page(status: int, page: str) -> None:
    """No server error, no payload run as markup, and errors shown the GOV.UK way."""
    assert status < 500, page[:500]
    assert not SCRIPT.search(page), "a script payload came back unescaped"
    if "govuk-error-message" in page:
        title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
        where = title.group(1).strip() if title else page[:200]
        assert "govuk-error-summary" in page, f"field errors without the error summary: {where}"


class _HiddenInputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "input" and found.get("type") == "hidden" and found.get("name"):
            self.values.setdefault(found["name"] or "", found.get("value") or "")


def hidden_inputs(page: str) -> dict[str, str]:
    """The first value of each hidden input on ``page`` (CSRF token, lock versions)."""
    parser = _HiddenInputs()
    parser.feed(page)
    return dict(parser.values)  # HTMLParser has already decoded the entities


def post_form(client, url: str, data: dict[str, object], *, form_page: str | None = None):  # type: ignore[no-untyped-def]
    """GET the form (or ``form_page``), keep its hidden fields, POST ``data`` over them.

    Returns (status, page text) after following redirects, so a saved value is checked
    on the page that shows it next.
    """
    page = client.get(form_page or url).get_data(as_text=True)
    fields: dict[str, object] = {**hidden_inputs(page), **data}
    response = client.post(url, data=fields, follow_redirects=True)
    return response.status_code, response.get_data(as_text=True)
