"""The home dashboard and the locally served GOV.UK Frontend assets."""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, render_template, send_from_directory
from flask.typing import ResponseReturnValue
from flask_login import current_user

from recruit.authorisation import login_required
from recruit.dashboard import dashboard_for
from recruit.main import bp

# The compiled CSS and JS sit beside the assets folder in the npm package.
_TOP_LEVEL_FILES = {"govuk-frontend.min.css", "govuk-frontend.min.js", "govuk-frontend.min.js.map"}


@bp.route("/")
@login_required
def home() -> ResponseReturnValue:
    return render_template("main/home.html", dashboard=dashboard_for(current_user))


@bp.route("/assets/<path:filename>")
def govuk_asset(filename: str) -> ResponseReturnValue:
    root = Path(current_app.config["GOVUK_FRONTEND_DIR"])
    folder = root if filename in _TOP_LEVEL_FILES else root / "assets"
    if not folder.is_dir():
        abort(404)
    return send_from_directory(folder, filename, max_age=3600)


@bp.route("/healthz")
def health() -> ResponseReturnValue:
    return {"status": "ok"}
