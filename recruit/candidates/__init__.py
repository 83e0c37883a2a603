"""Candidates of a vacancy: one by one or imported from a CSV file.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("candidates", __name__)

from recruit.candidates import routes  # noqa: E402, F401  (adds its views to bp)

# isort: split
from recruit.candidates import equality_routes  # noqa: E402, F401  (adds its views to bp)
