"""Redaction in a subject access export: other people's names and emails out of free text.

Any staff user's or other candidate's full name or email address found in free text (a
note, a reason) is replaced by a label in square brackets: the person's label in the export
("[Panel member 2]") or "[a member of staff]" / "[another candidate]". Matching is by exact
full name and email address only: a first name alone is not caught, so whoever answers the
request should still read the notes before sending them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import Candidate, User
from recruit.subject_access.people import People

_MINIMUM_REDACTED_LENGTH = 3  # a one- or two-letter "name" would blank out ordinary words
ANOTHER_CANDIDATE = "[another candidate]"
A_MEMBER_OF_STAFF = "[a member of staff]"


class Redactor:
    """Replaces other people's full names and email addresses in free text with labels."""

    def __init__(self, replacements: Mapping[str, str]) -> None:
        self._replacements = {key.casefold(): value for key, value in replacements.items()}
        texts = sorted(self._replacements, key=len, reverse=True)
        self._pattern = (
            re.compile(
                "|".join(rf"(?<!\w){re.escape(text)}(?!\w)" for text in texts), re.IGNORECASE
            )
            if texts
            else None
        )

    @classmethod
    def for_export(cls, candidate: Candidate, people: People) -> Redactor:
        """Every staff user and every other candidate; never the candidate's own name."""
        own = {candidate.full_name.strip().casefold(), candidate.email.strip().casefold()}
        replacements: dict[str, str] = {}

        def add(text: str, replacement: str) -> None:
            text = " ".join(text.split())
            if len(text) >= _MINIMUM_REDACTED_LENGTH and text.casefold() not in own:
                replacements.setdefault(text, replacement)

        for user_id, full_name, email in db.session.execute(
            select(User.id, User.full_name, User.email)
        ):
            label = people.labels.get(user_id)
            replacement = f"[{label}]" if label else A_MEMBER_OF_STAFF
            add(full_name, replacement)
            add(email, replacement)
        for first_name, last_name, email in db.session.execute(
            select(Candidate.first_name, Candidate.last_name, Candidate.email).where(
                Candidate.id != candidate.id
            )
        ):
            add(f"{first_name} {last_name}", ANOTHER_CANDIDATE)
            add(email, ANOTHER_CANDIDATE)
        return cls(replacements)

    def __call__(self, text: str | None) -> str | None:
        if text is None or self._pattern is None:
            return text
        return self._pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        return self._replacements.get(match.group(0).casefold(), A_MEMBER_OF_STAFF)

    def value(self, value: Any) -> Any:
        """A JSON value with every string in it redacted."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        return value
