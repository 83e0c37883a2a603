"""Error pages in the service's own style: a plain message, never a traceback.

Also the URL converter that keeps an id too large for the database from becoming an error.
"""

from __future__ import annotations

import logging

from flask import Flask, current_app, render_template
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.routing import IntegerConverter, ValidationError

from recruit.extensions import db

logger = logging.getLogger("recruit.errors")

MESSAGES: dict[int, tuple[str, str]] = {
    400: (
        "Sorry, there is a problem with your request",
        "The page could not use what was sent. Go back, refresh the page and try again.",
    ),
    403: (
        "You do not have permission to see this page",
        "If you think you should have access, ask your recruitment adviser or administrator.",
    ),
    404: (
        "Page not found",
        "If you typed the web address, check it is correct. If you pasted it, check you "
        "copied the entire address.",
    ),
    405: ("Sorry, there is a problem with your request", "This page cannot be used that way."),
    409: (
        "Someone else changed this at the same time",
        "Your changes were not saved because the record changed since you opened it. "
        "Go back, reload the page and make your changes again.",
    ),
    413: (
        "The file is too large",
        "Choose a smaller file. For a candidate list, the largest file you can import is 1 MB.",
    ),
    429: (
        "Too many attempts",
        # The wait is the sign-in window, filled in from the configuration when shown.
        "You have tried too many times. Wait {minutes} minutes, then try again.",
    ),
    500: (
        "Sorry, there is a problem with the service",
        "Nothing you were doing has been half-saved. Try again later.",
    ),
}


# Every id, and every version number in a URL, is an INTEGER column, which PostgreSQL
# holds in 32 signed bits (SQLite in 64). The smaller range is the one both can look up.
LARGEST_DATABASE_ID = 2**31 - 1


class DatabaseIdConverter(IntegerConverter):
    """``<int:...>`` on every route: only numbers an id column can hold.

    Werkzeug's converter takes any number of digits. Past 2^31 - 1, PostgreSQL refused the
    query ("integer out of range"); past 2^63 - 1, SQLite's driver raised OverflowError:
    either way a 500 for a mistyped or hostile address. Refused here, the number matches no
    route and is a 404 like any other missing page, on every route at once.
    """

    def to_python(self, value: str) -> int:
        number: int = super().to_python(value)
        if abs(number) > LARGEST_DATABASE_ID:
            raise ValidationError()
        return number


def register_url_converters(app: Flask) -> None:
    """Call before any blueprint is registered: a rule binds its converter when added."""
    app.url_map.converters["int"] = DatabaseIdConverter


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected_error)


def render_error(
    status: int, heading: str | None = None, message: str | None = None
) -> tuple[str, int]:
    default_heading, default_message = MESSAGES.get(status, MESSAGES[500])
    return (
        render_template(
            "errors/error.html",
            status=status,
            heading=heading or default_heading,
            message=message or default_message,
        ),
        status,
    )


def handle_csrf_error(error: CSRFError) -> ResponseReturnValue:
    db.session.rollback()
    return render_error(
        400,
        "Your form could not be sent",
        "The page was open too long or was sent from somewhere else. Go back, refresh the "
        "page and try again.",
    )


def handle_http_error(error: HTTPException) -> ResponseReturnValue:
    if (error.code or 500) >= 400:
        db.session.rollback()
    if error.code == 429:
        minutes = current_app.config.get("LOGIN_ATTEMPT_WINDOW_MINUTES", 15)
        return render_error(429, message=MESSAGES[429][1].format(minutes=minutes))
    if error.code in MESSAGES:
        return render_error(error.code)
    return error


def handle_unexpected_error(error: Exception) -> ResponseReturnValue:
    db.session.rollback()
    logger.exception("Unhandled error", exc_info=error)
    return render_error(InternalServerError.code)
