"""Checking and saving an edited question against the whole bank."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from recruit.bank_store import database_bank_files
from recruit.domain.question_bank import QuestionBankError, bank_from_texts

# Which form field shows a problem the bank check found, by the field it names first.
_FIELD_FOR_PROBLEM = {
    "behaviours": "behaviours",
    "tags": "tags",
    "the tag ": "tags",
    "warning_signs": "warning_signs",
    "warning signs": "warning_signs",
    "question": "question",
    "probes": "probes",
    "positive_indicators": "positive_indicators",
    "negative_indicators": "decisive_negative_indicators",
    "descriptors": "descriptor_1",
    "role_levels": "role_levels",
    "innovations": "innovations",
    "minutes": "minutes",
    "young_people_variant": "young_people_variant",
    "attribute": "attribute",
    "format": "format",
}


@dataclass
class BankCheck:
    field_errors: dict[str, list[str]] = field(default_factory=dict)
    general_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.field_errors and not self.general_errors


def check_question_in_bank(content: dict[str, Any]) -> BankCheck:
    """Run the bank's own checks with this question in place; sort the findings by field."""
    result = BankCheck()
    try:
        bank_from_texts(database_bank_files(replacing=content))
    except QuestionBankError as error:
        for problem in error.problems:
            _file_problem(result, content["id"], problem.message)
    return result


def _file_problem(result: BankCheck, question_id: str, message: str) -> None:
    prefix = f"question {question_id}: "
    if not message.startswith(prefix):
        result.general_errors.append(_sentence(message))
        return
    detail = message[len(prefix) :]
    field_name = next(
        (form_field for name, form_field in _FIELD_FOR_PROBLEM.items() if detail.startswith(name)),
        "question",
    )
    result.field_errors.setdefault(field_name, []).append(_sentence(detail))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
