"""A test client whose every request runs in its own app context, as in production.

The tests keep an app context open for their own database work. Flask would reuse that
context for requests, sharing ``g`` (and Flask-Login's cached user) and the database
session between requests. This client hides the outer context during each request and
ends the test's own transaction before and after it, so the request never waits on the
test's lock and the test then reads what the request wrote.
"""

from __future__ import annotations

from typing import Any

from flask.globals import _cv_app
from flask.testing import FlaskClient

from recruit.extensions import db


class IsolatedClient(FlaskClient):
    def open(self, *args: Any, **kwargs: Any) -> Any:
        outer = _cv_app.get(None)
        if outer is not None:
            # On SQLite the test's own transaction may hold the write lock: end it first.
            db.session.rollback()
        token = _cv_app.set(None)  # type: ignore[arg-type]
        try:
            response = super().open(*args, **kwargs)
        finally:
            _cv_app.reset(token)
        if outer is not None:
            db.session.rollback()
        return response
