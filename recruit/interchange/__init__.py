"""Whole vacancies in and out as JSON (the format is in docs/interchange.md).

``export.export_vacancy`` turns a vacancy into a document; ``import_.import_vacancy``
checks a document completely, then creates a new vacancy from it. The format's rules
live in recruit/domain/interchange/format.py so they are testable without a database.
"""

from recruit.interchange.export import export_vacancy
from recruit.interchange.import_ import FileRefused, ImportRefused, import_vacancy, read_document

__all__ = ["FileRefused", "ImportRefused", "export_vacancy", "import_vacancy", "read_document"]
