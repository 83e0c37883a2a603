"""Pre-employment checks: a checklist page per candidate, a page to record each check, and
the vacancy's checks as a single central record (CSV or XLSX).

HR's record: the blueprint's guard lets only HR and admin in (403 for anyone else), as the
candidates pages. The blueprint is made here and every route module of the package adds its
views to it when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

from recruit.authorisation import require_roles_for_blueprint
from recruit.models import Role

bp = Blueprint("checks", __name__)
require_roles_for_blueprint(bp, Role.ADMIN, Role.HR)

from recruit.checks import routes  # noqa: E402, F401  (adds its views to bp)
