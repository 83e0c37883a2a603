"""recruit: values-based recruitment for children's services leaders."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from recruit.config import PROJECT_ROOT, check_production_safety, load_config
from recruit.requests import CleanRequest
from recruit.templating import RecruitEnvironment

__all__ = ["create_app"]


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Application factory: configuration from the environment, then ``test_config`` on top."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
    )
    app.request_class = CleanRequest
    app.jinja_environment = RecruitEnvironment
    app.config.from_mapping(load_config(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)
    check_production_safety(app.config, app.debug)
    _trust_proxies(app)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    _configure_templates(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_cli(app)
    logging.getLogger("recruit").setLevel(logging.INFO)
    return app


def _trust_proxies(app: Flask) -> None:
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        # Flask's documented way to add WSGI middleware, which its types (wsgi_app is a
        # method) do not allow for.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )


def _configure_templates(app: Flask) -> None:
    from govuk_frontend_wtf.main import WTFormsHelpers

    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(PROJECT_ROOT / "templates")),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    WTFormsHelpers(app)

    from recruit import presentation

    presentation.init_app(app)


def _init_extensions(app: Flask) -> None:
    from recruit import models  # noqa: F401  (registers the tables)
    from recruit.database import configure_engine, read_request_body_first
    from recruit.extensions import csrf, db, login_manager, migrate

    read_request_body_first(app)  # first of all: see its docstring
    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    with app.app_context():
        configure_engine(db.engine)

    from recruit import security, sessions
    from recruit.results.snapshots import watch_writes

    sessions.init_app(app)
    security.init_app(app)
    watch_writes()  # every write that could move a stage's results raises its version


def _register_blueprints(app: Flask) -> None:
    from recruit.admin import bp as admin_bp
    from recruit.adverts import bp as adverts_bp
    from recruit.auth import bp as auth_bp
    from recruit.candidates import bp as candidates_bp
    from recruit.checks import bp as checks_bp
    from recruit.comparisons import bp as comparisons_bp
    from recruit.decisions import bp as decisions_bp
    from recruit.equality import bp as equality_bp
    from recruit.errors import register_error_handlers, register_url_converters
    from recruit.interviews import bp as interviews_bp
    from recruit.main import bp as main_bp
    from recruit.moderation import bp as moderation_bp
    from recruit.people import bp as people_bp
    from recruit.profiles import bp as profiles_bp
    from recruit.questions import bp as questions_bp
    from recruit.references import bp as references_bp
    from recruit.scoring import bp as scoring_bp
    from recruit.shortlisting import bp as shortlisting_bp
    from recruit.stages import bp as stages_bp
    from recruit.summaries import bp as summaries_bp
    from recruit.vacancies import bp as vacancies_bp

    register_url_converters(app)  # before the first route is added: see its docstring
    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(questions_bp)
    app.register_blueprint(vacancies_bp)
    app.register_blueprint(adverts_bp)
    app.register_blueprint(stages_bp)
    app.register_blueprint(people_bp)
    app.register_blueprint(candidates_bp)
    app.register_blueprint(shortlisting_bp)
    app.register_blueprint(checks_bp)
    app.register_blueprint(references_bp)
    app.register_blueprint(interviews_bp)
    app.register_blueprint(scoring_bp)
    app.register_blueprint(moderation_bp)
    app.register_blueprint(summaries_bp)
    app.register_blueprint(comparisons_bp)
    app.register_blueprint(decisions_bp)
    app.register_blueprint(profiles_bp)
    app.register_blueprint(equality_bp)
    register_error_handlers(app)


def _register_cli(app: Flask) -> None:
    from recruit.cli import register_commands

    register_commands(app)
