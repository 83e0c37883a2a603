"""A panel member's own interviews: their stages, pack and conflicts of interest.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("interviews", __name__)

from recruit.interviews import routes  # noqa: E402, F401  (adds its views to bp)
