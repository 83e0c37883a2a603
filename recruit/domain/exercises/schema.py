"""The exercise files' fixed names, the fields an exercise has, and the problem it reports.

Fields whose value is a plain text, number or list are checked for shape by the question
bank's ``record_problems``; the three written as a mapping per attribute or per colour
(``what_good_looks_like``, ``descriptors``, ``traffic_light``) by ``mappings.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from recruit.domain.question_bank.schema import (
    NEGATIVE_INDICATOR_SCHEMA,
    FieldRule,
    Kind,
    Schema,
)

EXERCISES_FOLDER = "exercises"
# Activities written for young people's panels sit together in one file whatever they assess.
YOUNG_PEOPLE_FILE_STEM = "young-people"

MINUTES_RANGE = range(5, 121)
PREPARATION_MINUTES_RANGE = range(0, 241)
MAX_TITLE_LENGTH = 80
MAX_ATTRIBUTES = 3
MAX_BEHAVIOURS = 4
MIN_INDICATORS_PER_ATTRIBUTE = 3
# An in-tray of fewer items does not test prioritising; a media simulation needs its enquiry.
MIN_IN_TRAY_ITEMS = 5
MIN_MEDIA_MATERIALS = 1
TRAFFIC_LIGHT_FIELDS = ("green", "amber", "red", "why_prompt")

_TEXT = FieldRule(Kind.TEXT)

# Field order here is the order of the schema table in question_bank/README.md.
SHAPED_FIELDS: Schema = {
    "id": _TEXT,
    "status": _TEXT,
    "kind": _TEXT,
    "title": _TEXT,
    "attributes": FieldRule(Kind.TEXTS, minimum=1),
    "behaviours": FieldRule(Kind.TEXTS, minimum=1),
    "role_levels": FieldRule(Kind.TEXTS, minimum=1),
    "innovations": FieldRule(Kind.TEXTS, minimum=1),
    "minutes": FieldRule(Kind.INTEGER),
    "preparation_minutes": FieldRule(Kind.INTEGER),
    "brief_in_advance": FieldRule(Kind.BOOLEAN),
    "content_note": FieldRule(Kind.TEXT, required=False),
    "candidate_brief": _TEXT,
    "assessor_brief": _TEXT,
    "materials": FieldRule(Kind.TEXTS, required=False, minimum=1),
    "follow_up_questions": FieldRule(Kind.TEXTS, minimum=2),
    "negative_indicators": FieldRule(
        Kind.RECORDS, minimum=3, record=NEGATIVE_INDICATOR_SCHEMA, item_name="negative indicator"
    ),
}
# Checked in mappings.py; descriptors and traffic_light are required by kind.
MAPPED_FIELDS = ("what_good_looks_like", "descriptors", "traffic_light")
ALL_FIELDS = (*SHAPED_FIELDS, *MAPPED_FIELDS)


@dataclass(frozen=True)
class ExerciseProblem:
    """One thing to fix: the file and line, the exercise and the field, and what to do."""

    file: str
    line: int | None
    exercise: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        who = [f"exercise {self.exercise}"] if self.exercise else []
        what = [f"field {self.field}"] if self.field else []
        prefix = ", ".join(who + what)
        return f"{where}: {prefix}: {self.message}" if prefix else f"{where}: {self.message}"
