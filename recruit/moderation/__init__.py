"""Moderation of a stage: status, opening, the record per candidate, closing.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("moderation", __name__)

# routes first, then the pages that extend it, so the URL map keeps its order.
from recruit.moderation import routes  # noqa: E402, F401  (adds its views to bp)

# isort: split
from recruit.moderation import closing_routes  # noqa: E402, F401  (adds its views to bp)

# isort: split
from recruit.moderation import report_routes  # noqa: E402, F401  (adds its views to bp)
