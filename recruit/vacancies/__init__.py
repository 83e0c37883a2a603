"""Vacancies: the list, creating and editing, and the task list.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("vacancies", __name__)

from recruit.vacancies import person_spec, routes  # noqa: E402, F401  (add views to bp)
