"""References: a page per candidate listing their references and what is outstanding, and
pages to add a reference and record its steps.

HR's record, as the pre-employment checks (a blueprint of its own beside ``checks``, so
each stays small): the guard lets only HR and admin in (403 for anyone else).
"""

from flask import Blueprint

from recruit.authorisation import require_roles_for_blueprint
from recruit.models import Role

bp = Blueprint("references", __name__)
require_roles_for_blueprint(bp, Role.ADMIN, Role.HR)

from recruit.references import routes  # noqa: E402, F401  (adds its views to bp)
