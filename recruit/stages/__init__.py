"""Stages of a vacancy, their panels, interview plans and packs.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("stages", __name__)

# routes first, then the pages that extend it, so the URL map keeps its order.
from recruit.stages import routes  # noqa: E402, F401  (adds its views to bp)

# isort: split
from recruit.stages import (  # noqa: E402, F401  (each adds its views to bp)
    brief_routes,
    pack_routes,
    plan_routes,
    timetable_routes,
)
