"""Helpers to drive forms as a browser would, CSRF token included."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_token_from(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def submit_form(client: FlaskClient, url: str, data: dict[str, object], **kwargs: object):  # type: ignore[no-untyped-def]
    """GET ``url`` for its CSRF token, then POST ``data`` to it."""
    page = client.get(url)
    token = csrf_token_from(page.get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data}, **kwargs)


def sign_in(client: FlaskClient, email: str, password: str):  # type: ignore[no-untyped-def]
    return submit_form(client, "/sign-in", {"email": email, "password": password})
