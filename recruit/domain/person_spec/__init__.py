"""A vacancy's person specification: what the post needs, each criterion essential or
desirable and marked with how it is assessed.

Starter criteria live in ``question_bank/person_specifications.yaml`` so HR editors can change
them; ``load_starters`` reads and checks that file, and ``starters_for`` picks those that suit
a vacancy's role level and innovation. Shortlisting is against the essential criteria.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

ANY = "any"
# How a criterion is assessed, in the order they are shown.
ASSESSMENTS: Mapping[str, str] = {
    "application": "Application",
    "interview": "Interview",
    "exercise": "Exercise",
    "check": "Pre-employment check",
}
TEXT_LIMIT = 500


class PersonSpecError(ValueError):
    """The starter file is not as its header describes; the message says where and what."""


@dataclass(frozen=True)
class Criterion:
    text: str
    essential: bool
    assessed_by: tuple[str, ...]

    @property
    def kind(self) -> str:
        return "Essential" if self.essential else "Desirable"

    @property
    def assessed_text(self) -> str:
        return ", ".join(ASSESSMENTS[key] for key in self.assessed_by).capitalize()


@dataclass(frozen=True)
class Starter:
    criterion: Criterion
    role_levels: tuple[str, ...]
    innovations: tuple[str, ...]

    def suits(self, role_level: str, innovation: str) -> bool:
        return (ANY in self.role_levels or role_level in self.role_levels) and (
            ANY in self.innovations or innovation in self.innovations
        )


def criterion_problems(text: str, assessed_by: Iterable[str]) -> list[str]:
    """What is wrong with a criterion as entered, in words for HR; empty when nothing."""
    problems = []
    if not text.strip():
        problems.append("Enter the criterion")
    elif len(text.strip()) > TEXT_LIMIT:
        problems.append(f"The criterion must be {TEXT_LIMIT} characters or fewer")
    chosen = list(assessed_by)
    if not chosen:
        problems.append("Choose how the criterion is assessed")
    elif any(key not in ASSESSMENTS for key in chosen):
        problems.append(f"Choose how it is assessed from: {', '.join(ASSESSMENTS.values())}")
    return problems


def ordered_assessments(keys: Iterable[str]) -> tuple[str, ...]:
    chosen = set(keys)
    return tuple(key for key in ASSESSMENTS if key in chosen)


def load_starters(
    text: str, role_levels: Sequence[str], innovations: Sequence[str]
) -> tuple[Starter, ...]:
    """The starter criteria in ``text`` (the YAML file), checked against the bank's role level
    and innovation keys. Raises PersonSpecError naming the criterion and field."""
    document = yaml.safe_load(text) or {}
    entries = document.get("criteria") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise PersonSpecError("person_specifications.yaml: expected a list under 'criteria'")
    return tuple(
        _starter(number, entry, role_levels, innovations) for number, entry in enumerate(entries, 1)
    )


def starters_for(
    starters: Iterable[Starter], role_level: str, innovation: str
) -> tuple[Criterion, ...]:
    """The starter criteria that suit the vacancy: essential ones first, in file order."""
    suited = [s.criterion for s in starters if s.suits(role_level, innovation)]
    return tuple(sorted(suited, key=lambda c: not c.essential))


def _starter(
    number: int, entry: Any, role_levels: Sequence[str], innovations: Sequence[str]
) -> Starter:
    where = f"person_specifications.yaml, criterion {number}"
    if not isinstance(entry, dict):
        raise PersonSpecError(f"{where}: expected text, essential, assessed_by, role_levels")
    text = " ".join(str(entry.get("text", "")).split())
    assessed = _keys(entry.get("assessed_by"), f"{where}, assessed_by")
    problems = criterion_problems(text, assessed)
    if not isinstance(entry.get("essential"), bool):
        problems.append("essential must be true or false")
    levels = _keys(entry.get("role_levels"), f"{where}, role_levels")
    models = _keys(entry.get("innovations"), f"{where}, innovations")
    problems += [f"unknown role level '{k}'" for k in levels if k not in (*role_levels, ANY)]
    problems += [f"unknown innovation '{k}'" for k in models if k not in (*innovations, ANY)]
    if problems:
        raise PersonSpecError(f"{where}: {'; '.join(problems)}")
    criterion = Criterion(text, bool(entry["essential"]), ordered_assessments(assessed))
    return Starter(criterion, levels, models)


def _keys(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise PersonSpecError(f"{where}: expected a list of keys, like [interview, check]")
    return tuple(value)
