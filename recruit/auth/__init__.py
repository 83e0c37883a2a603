"""Signing in and out, and changing your own password.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from recruit.auth import routes  # noqa: E402, F401  (adds its views to bp)

# isort: split
from recruit.auth import set_password_routes  # noqa: E402, F401  (adds its views to bp)
