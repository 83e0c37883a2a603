"""Administration: accounts and roles, and the audit log.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("admin", __name__)

# routes first, then the pages that extend it, so the URL map keeps its order.
from recruit.admin import routes  # noqa: E402, F401  (adds its views to bp)

# isort: split
from recruit.admin import audit_routes  # noqa: E402, F401  (adds its views to bp)
