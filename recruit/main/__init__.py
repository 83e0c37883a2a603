"""The home page, health check and the GOV.UK Frontend assets.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("main", __name__)

from recruit.main import routes  # noqa: E402, F401  (adds its views to bp)
