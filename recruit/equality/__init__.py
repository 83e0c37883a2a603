"""Fair-selection monitoring: the equality report for the equality monitoring role and
administrators, and nobody else (equality answers are special category data).

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("equality", __name__)

from recruit.equality import routes  # noqa: E402, F401  (adds its views to bp)
