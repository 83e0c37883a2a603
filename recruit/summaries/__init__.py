"""The panel scoring summary page and its downloads.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("summaries", __name__)

from recruit.summaries import routes, stage_routes  # noqa: E402, F401  (add their views to bp)
