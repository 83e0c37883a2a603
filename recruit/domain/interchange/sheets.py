"""Which score sheets a vacancy file may hold: the app's rules on who scores whom.

The app never takes a sheet from a seat that does not score (the HR adviser advises on
process and does not judge), nor from a member for a candidate they declared a conflict
with. A file can hold anything, so an import asks the same before it writes: a sheet the
app would have refused is refused, naming the person, the candidate and the stage. One
exception: a submitted sheet set aside after a conflict was declared is kept, as the app
keeps it, because a set-aside sheet no longer counts.

Runs on a document that passed the shape and reference checks, in the current version's
shape (interchange_format.with_later_keys).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Entry = dict[str, Any]


def sheet_problems(document: Entry, non_scoring_roles: Mapping[str, str]) -> list[str]:
    """``non_scoring_roles``: each panel role that does not score, with its label."""
    names = {person["email"].lower(): person["full_name"] for person in document["people"]}
    conflicts = {
        (conflict["member_email"].lower(), conflict["candidate_code"])
        for conflict in document["conflicts"]
    }
    problems = []
    for stage_index, stage in enumerate(document["stages"]):
        roles = {seat["member_email"].lower(): seat["panel_role"] for seat in stage["seats"]}
        for index, sheet in enumerate(stage["sheets"]):
            email = sheet["member_email"].lower()
            problem = _role_problem(sheet, roles[email], non_scoring_roles) or _conflict_problem(
                sheet, (email, sheet["candidate_code"]) in conflicts
            )
            if problem:
                where = f"stages[{stage_index}].sheets[{index}]"
                problems.append(f"{where}: Stage ‘{stage['name']}’: {names[email]} {problem}")
    return problems


def _role_problem(sheet: Entry, role: str, non_scoring_roles: Mapping[str, str]) -> str | None:
    if role not in non_scoring_roles:
        return None
    return (
        f"sits as {non_scoring_roles[role]}, who does not score, but the file has their "
        f"sheet for {sheet['candidate_code']}"
    )


def _conflict_problem(sheet: Entry, declared: bool) -> str | None:
    # A draft never counts, and the app keeps one begun before the declaration (the
    # member's notes are not thrown away); a submitted sheet must have been set aside.
    if not declared or sheet["status"] == "draft" or sheet["set_aside_at"] is not None:
        return None
    code = sheet["candidate_code"]
    return (
        f"declared a conflict of interest with {code}, but the file has their "
        f"submitted sheet for {code}, and it is not set aside"
    )
