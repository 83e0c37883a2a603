"""A bare Flask + Flask-SQLAlchemy app on the bench database: the floor under the app.

No sign-in, no CSRF, no templates, no middleware: ``Flask(__name__)``, ``SQLAlchemy()``
and one route doing the same primary-key SELECT of a vacancy as the app's one-SELECT route
(``bench.wsgi``). The app's route as a share of this one is the app's fixed cost per
request. gunicorn serves ``bench.bare_app:app`` on DATABASE_URL, as the bench sets it for
``bench.wsgi``. Nothing here imports the app, so none of its code is loaded.
"""

from __future__ import annotations

import os

from flask import Flask, abort
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Table
from sqlalchemy.orm import registry

db = SQLAlchemy()


class Vacancy:
    """The app's vacancy table, reflected: the same columns the app's model selects."""

    id: int


def create_bare_app(database_url: str) -> Flask:
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url
    db.init_app(app)
    with app.app_context():
        vacancy_table = Table("vacancy", db.metadata, autoload_with=db.engine)
    registry().map_imperatively(Vacancy, vacancy_table)

    @app.route("/one-select/<int:vacancy_id>")
    def one_select(vacancy_id: int) -> dict[str, int]:
        vacancy = db.session.get(Vacancy, vacancy_id)
        if vacancy is None:
            abort(404)
        return {"id": vacancy.id}

    return app


app = create_bare_app(os.environ["DATABASE_URL"])
