"""Read, check and import a vacancy interchange document as a new vacancy.

Everything is checked before anything is written: the file, the format, every field,
the references inside the document, then the people and questions it needs from this
database. Only a document with no problems at all is written, in one transaction.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from recruit import audit
from recruit.accounts import create_user
from recruit.domain.interchange.checks import validate_document
from recruit.domain.interchange.format import Vocabularies, with_later_keys
from recruit.domain.interchange.reading import MAX_FILE_BYTES, Unreadable, parse_document
from recruit.exercise_store import current_exercises
from recruit.extensions import db
from recruit.interchange.build import build_vacancy
from recruit.models import (
    CandidateStatus,
    Outcome,
    PanelRole,
    Question,
    Role,
    SheetStatus,
    StageRole,
    StageType,
    TrafficLight,
    User,
    Vacancy,
    VacancyStatus,
)
from recruit.models.vacancies import CONTRACT_LABELS
from recruit.results.sheets import NON_SCORING_ROLES

Document = dict[str, Any]


class ImportRefused(Exception):
    """The document cannot be imported; ``problems`` says why, each naming its JSON path."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class FileRefused(ImportRefused):
    """The file is not a JSON document this app will read: ``reason`` follows its name."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__([f"{path}: {reason}"])
        self.reason = reason


@dataclass
class ImportResult:
    vacancy: Vacancy
    created_users: list[User] = field(default_factory=list)


def vocabularies() -> Vocabularies:
    """The allowed values of each choice field, straight from the models' enums."""
    enums: dict[str, type[StrEnum]] = {
        "vacancy_status": VacancyStatus,
        "candidate_status": CandidateStatus,
        "stage_type": StageType,
        "stage_role": StageRole,
        "panel_role": PanelRole,
        "sheet_status": SheetStatus,
        "outcome": Outcome,
        "traffic_light": TrafficLight,
    }
    choices = {name: frozenset(member.value for member in enum) for name, enum in enums.items()}
    return {**choices, "contract": frozenset(CONTRACT_LABELS)}


def non_scoring_roles() -> dict[str, str]:
    """The panel roles that do not score, each with the label the panel pages use."""
    return {role.value: role.label for role in NON_SCORING_ROLES}


def read_document(path: Path) -> object:
    """The file's JSON value, or FileRefused: too big, not UTF-8, not JSON, or JSON that a
    vacancy file never holds (recruit.domain.interchange.reading)."""
    try:
        with path.open("rb") as file:
            # One byte past the cap is enough to refuse it, whatever the file is: a device
            # or a pipe has no size to check first.
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise FileRefused(path, "does not exist") from None
    except OSError as error:
        raise FileRefused(path, f"cannot be read ({error.strerror or error})") from None
    try:
        return parse_document(data)
    except Unreadable as unreadable:
        raise FileRefused(path, unreadable.reason) from None


def import_vacancy(
    document: object, *, create_missing_users: bool = False, source: str = ""
) -> ImportResult:
    """Create a new vacancy from the document, or raise ImportRefused and write nothing.

    The caller commits; on any exception the session is rolled back here.
    """
    problems = validate_document(document, vocabularies(), non_scoring_roles=non_scoring_roles())
    if problems:
        raise ImportRefused(problems)
    assert isinstance(document, dict)
    version = document["version"]
    document = with_later_keys(document)
    users, missing = _match_people(document["people"])
    problems = _question_problems(document["stages"]) + _appointed_problems(document)
    if missing and not create_missing_users:
        problems = [_missing_user_problem(index, email) for index, email in missing] + problems
    if problems:
        raise ImportRefused(problems)
    try:
        created = [_create_panel_user(document["people"][index]) for index, _ in missing]
        users.update({user.email.lower(): user for user in created})
        db.session.flush()  # new users need ids before rows can point at them
        vacancy = build_vacancy(document, {email: user.id for email, user in users.items()})
        audit.record(
            "vacancy.imported",
            vacancy,
            actor_label="command line",
            source=source,
            source_vacancy_id=document["source_vacancy_id"],
            format_version=version,
            created_users=[user.email for user in created],
        )
    except Exception:
        db.session.rollback()
        raise
    return ImportResult(vacancy=vacancy, created_users=created)


def _match_people(people: list[Document]) -> tuple[dict[str, User], list[tuple[int, str]]]:
    """Users found by email (without case), and the (index, email) of those not found."""
    emails = [person["email"].lower() for person in people]
    found = db.session.scalars(select(User).where(func.lower(User.email).in_(emails))).all()
    users = {user.email.lower(): user for user in found}
    missing = [(index, email) for index, email in enumerate(emails) if email not in users]
    return users, missing


def _missing_user_problem(index: int, email: str) -> str:
    return (
        f"people[{index}].email: no user has the email {email} "
        "(create them first, or import with --create-missing-users)"
    )


def _question_problems(stages: list[Document]) -> list[str]:
    wanted = {item["question_id"] for stage in stages for item in stage["items"]} - {None}
    known = set(db.session.scalars(select(Question.id).where(Question.id.in_(wanted))))
    return [
        f"stages[{s}].items[{i}].question_id: no question {item['question_id']!r} "
        "in this question bank (load the bank first: flask --app recruit question-bank load)"
        for s, stage in enumerate(stages)
        for i, item in enumerate(stage["items"])
        if item["question_id"] is not None and item["question_id"] not in known
    ] + _exercise_problems(stages)


def _exercise_problems(stages: list[Document]) -> list[str]:
    """An issued item or activity carries its exercise as issued; one not yet issued needs
    the exercise in this installation's bank, which will be copied into it at issue."""
    unissued = [
        (f"stages[{s}].{section}[{i}]", entry)
        for s, stage in enumerate(stages)
        for section, entries in (("items", stage["items"]), ("activities", stage["activities"]))
        for i, entry in enumerate(entries or ())  # activities: null before version 6
        if entry["exercise_id"] is not None and entry["frozen_content"] is None
    ]
    if not unissued:
        return []
    known = {exercise.id for exercise in current_exercises()}
    return [
        f"{path}.exercise_id: no exercise {entry['exercise_id']!r} in this "
        "question bank (load the bank first: flask --app recruit question-bank load)"
        for path, entry in unissued
        if entry["exercise_id"] not in known
    ]


def _appointed_problems(document: Document) -> list[str]:
    """The file carries no pre-employment checks or references, so a candidate recorded as
    appointed would arrive past the safer recruitment gate: refused, as the CSV import does."""
    return [
        f"candidates[{index}].status: a candidate cannot be imported as appointed (the file "
        "holds no pre-employment checks or references); import them as appointable, record "
        "their checks and references in the app, then appoint them"
        for index, candidate in enumerate(document["candidates"])
        if candidate["status"] == CandidateStatus.APPOINTED.value
    ]


def _create_panel_user(person: Document) -> User:
    # A long random password nobody sees: the account cannot be signed in to until an
    # administrator resets its password, so an import never hands out working logins.
    user = create_user(person["email"], person["full_name"], Role.PANEL, secrets.token_urlsafe(48))
    audit.record(
        "user.created", user, actor_label="command line", role="panel", via="vacancy import"
    )
    return user
