"""The appointment decision: recorded and confirmed by the deciding panel, the notice to the
executive and its objections for a post elected members appoint, and the offer.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("decisions", __name__)

from recruit.decisions import routes  # noqa: E402, F401  (adds its views to bp)
