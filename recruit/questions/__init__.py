"""The question bank: search, questions, attributes and admin edits.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("questions", __name__)

from recruit.questions import routes  # noqa: E402, F401  (adds its views to bp)
