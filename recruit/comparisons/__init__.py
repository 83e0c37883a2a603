"""The shortlist comparison, its radar chart and briefing pack, and the target profile.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("comparisons", __name__)

from recruit.comparisons import routes  # noqa: E402, F401  (adds its views to bp)
