"""The advert builder: drafting, editing, the language check and downloads.

The blueprint is made here and every route module of the package adds its views to it
when imported below; ``create_app`` only registers ``bp``.
"""

from flask import Blueprint

bp = Blueprint("adverts", __name__)

from recruit.adverts import routes  # noqa: E402, F401  (adds its views to bp)

# isort: split
from recruit.adverts import candidate_pack  # noqa: E402, F401  (adds its view to bp)
