"""What gunicorn serves during the bench: the real app plus one bare route for the baseline.

``/bench/one-select`` does one primary-key SELECT and returns a few bytes, behind the same
sign-in and session loading as every key page, so the ratio of a key page's throughput to
this route's says what the page itself costs. The route exists only here, never in the app.
"""

from __future__ import annotations

from flask import Blueprint, Flask, abort
from flask_login import current_user, login_required

from recruit import create_app
from recruit.extensions import db
from recruit.models import Vacancy

baseline = Blueprint("bench_baseline", __name__)


@baseline.route("/bench/one-select/<int:vacancy_id>")
@login_required
def one_select(vacancy_id: int):  # type: ignore[no-untyped-def]
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None or not current_user.is_authenticated:
        abort(404)
    return {"id": vacancy.id}


def bench_wsgi_app() -> Flask:
    app = create_app()
    app.register_blueprint(baseline)
    return app


app = bench_wsgi_app()
