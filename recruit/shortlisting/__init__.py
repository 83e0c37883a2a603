"""Shortlisting scrutiny: for each candidate, the gaps and discrepancies HR noted on the
application with what a stage's panel explores, and the shortlisting decision against the
person specification's essential criteria.

HR's record, beside ``checks`` and ``references``: the guard lets only HR and admin in (403
for anyone else). Panel members read a candidate's points only on their own stage's score
sheet and pack (``queries.points_for_stage``).
"""

from flask import Blueprint

from recruit.authorisation import require_roles_for_blueprint
from recruit.models import Role

bp = Blueprint("shortlisting", __name__)
require_roles_for_blueprint(bp, Role.ADMIN, Role.HR)

from recruit.shortlisting import routes  # noqa: E402, F401  (adds its views to bp)
