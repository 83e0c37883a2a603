"""People who sit on panels: HR adds someone who has no account, and hands them a one-time
link to set their own password (no email server needed).

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("people", __name__)

from recruit.people import routes  # noqa: E402, F401  (adds its views to bp)
