"""References inside a vacancy interchange document, checked before anything is written.

The document never holds database ids: people are named by email (listed once in
``people``), candidates by code, plan items by position and question id within their
stage. These checks make sure each of those names points at something in the document,
and that nothing appears twice where the database allows only one. They assume the
document already passed the shape checks in interchange_format, and has every key of the
current version (interchange_format.with_later_keys).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from recruit.domain.interchange.format import item_key

Entry = dict[str, Any]
# What names an entry: the values of its identifying fields (emails in lower case).
Key = tuple[object, ...]


def reference_problems(document: Entry) -> list[str]:
    checker = _Checker(document)
    checker.check(document)
    return checker.out


class _Checker:
    def __init__(self, document: Entry) -> None:
        self.out: list[str] = []
        self.people = self.unique(document["people"], "people", ("email",))
        self.codes = {
            key[0] for key in self.unique(document["candidates"], "candidates", ("code",))
        }
        self.unique(document["candidates"], "candidates", ("email",))
        self.used_people: set[str] = set()

    def check(self, document: Entry) -> None:
        self.person(document["vacancy"], "vacancy", "created_by_email")
        self.person(document["vacancy"], "vacancy", "updated_by_email")
        if document["advert"] is not None:
            self.advert(document["advert"])
        self.unique(document["conflicts"], "conflicts", ("member_email", "candidate_code"))
        for index, conflict in enumerate(document["conflicts"]):
            self.person(conflict, f"conflicts[{index}]", "member_email")
            self.candidate(conflict, f"conflicts[{index}]")
        for index, stage in enumerate(document["stages"]):
            self.stage(stage, f"stages[{index}]")
        if document["appointment"] is not None:
            self.appointment(document["appointment"], document["stages"])
        # Refused rather than ignored: an import creates or matches everyone listed.
        for index, person in enumerate(document["people"]):
            if person["email"].lower() not in self.used_people:
                self.out.append(f"people[{index}].email: is not referred to anywhere")

    def unique(self, entries: list[Entry], path: str, fields: Sequence[str]) -> set[Key]:
        """The entries' keys; a repeated key is a problem (emails compare without case)."""
        seen: dict[Key, int] = {}
        for index, entry in enumerate(entries):
            key = tuple(_normal(field, entry[field]) for field in fields)
            if key in seen:
                same = " and ".join(fields)
                self.out.append(f"{path}[{index}]: same {same} as {path}[{seen[key]}]")
            else:
                seen[key] = index
        return set(seen)

    def person(self, entry: Entry, path: str, key: str) -> None:
        email = entry[key]
        if email is None:
            return
        if (email.lower(),) not in self.people:
            self.out.append(f"{path}.{key}: {email!r} is not listed in people")
        self.used_people.add(email.lower())

    def candidate(self, entry: Entry, path: str) -> None:
        if entry["candidate_code"] not in self.codes:
            code = entry["candidate_code"]
            self.out.append(f"{path}.candidate_code: no candidate {code!r} in candidates")

    def advert(self, advert: Entry) -> None:
        numbers = self.unique(advert["versions"], "advert.versions", ("number",))
        if (advert["current_version_number"],) not in numbers:
            number = advert["current_version_number"]
            self.out.append(f"advert.current_version_number: no version {number} in versions")
        for index, version in enumerate(advert["versions"]):
            self.person(version, f"advert.versions[{index}]", "created_by_email")

    def stage(self, stage: Entry, path: str) -> None:
        self.unique(stage["items"], f"{path}.items", ("position",))
        items: set[Key] = {(item["position"], item_key(item)) for item in stage["items"]}
        for index, item in enumerate(stage["items"]):
            self.plan_item(item, f"{path}.items[{index}]")
        # A file from before version 6 has no activities (null): read as none.
        self.unique(stage["activities"] or [], f"{path}.activities", ("position",))
        if stage["activities"] and stage["stage_type"] != "young_peoples_panel":
            self.out.append(f"{path}.activities: only a young people's panel holds activities")
        seats = self.unique(stage["seats"], f"{path}.seats", ("member_email",))
        for index, seat in enumerate(stage["seats"]):
            self.person(seat, f"{path}.seats[{index}]", "member_email")
            self.only_with(seat, f"{path}.seats[{index}]", "stood_down_at", "stood_down_reason")
        self.unique(stage["sheets"], f"{path}.sheets", ("member_email", "candidate_code"))
        for index, sheet in enumerate(stage["sheets"]):
            self.sheet(sheet, f"{path}.sheets[{index}]", items, seats)
        if stage["moderation"] is not None:
            self.moderation(stage["moderation"], f"{path}.moderation")
        agreed = stage["agreed_scores"]
        self.unique(agreed, f"{path}.agreed_scores", ("candidate_code", "attribute"))
        self.unique(stage["decisions"], f"{path}.decisions", ("candidate_code",))
        # A file from before version 3 has no reports (null): read as none.
        self.unique(stage["reports"] or [], f"{path}.reports", ("candidate_code",))
        if stage["reports"] and stage["role"] == "deciding":
            # The deciding panel's view is its outcome and reasons; reports are advice to it.
            self.out.append(f"{path}.reports: only an advisory stage reports on candidates")
        for section in ("agreed_scores", "decisions", "reports"):
            for index, entry in enumerate(stage[section] or []):
                self.candidate(entry, f"{path}.{section}[{index}]")
                self.person(entry, f"{path}.{section}[{index}]", "recorded_by_email")

    def appointment(self, appointment: Entry, stages: list[Entry]) -> None:
        path = "appointment"
        if appointment["stage_position"] not in {stage["position"] for stage in stages}:
            position = appointment["stage_position"]
            self.out.append(f"{path}.stage_position: no stage at position {position} in stages")
        if appointment["candidate_code"] is not None:
            self.candidate(appointment, path)
        for key in ("recorded_by_email", "executive_notified_by_email", "offer_made_by_email"):
            self.person(appointment, path, key)
        confirmations = appointment["confirmations"]
        self.unique(confirmations, f"{path}.confirmations", ("member_email",))
        for index, confirmation in enumerate(confirmations):
            self.person(confirmation, f"{path}.confirmations[{index}]", "member_email")
        for index, objection in enumerate(appointment["objections"]):
            for key in ("recorded_by_email", "ruled_by_email"):
                self.person(objection, f"{path}.objections[{index}]", key)

    def moderation(self, moderation: Entry, path: str) -> None:
        self.person(moderation, path, "opened_by_email")
        self.person(moderation, path, "closed_by_email")
        self.only_with(moderation, path, "closed_at", "closed_by_email", "close_reason")

    def sheet(self, sheet: Entry, path: str, items: set[Key], seats: set[Key]) -> None:
        if (sheet["member_email"].lower(),) not in seats:
            email = sheet["member_email"]
            self.out.append(f"{path}.member_email: {email!r} has no seat on this stage")
        self.candidate(sheet, path)
        self.person(sheet, path, "set_aside_by_email")
        self.only_with(sheet, path, "set_aside_at", "set_aside_reason", "set_aside_by_email")
        if sheet["set_aside_at"] is not None and sheet["status"] != "submitted":
            # Only a submitted sheet counts, so only a submitted sheet is ever set aside.
            self.out.append(f"{path}.set_aside_at: only a submitted sheet can be set aside")
        self.unique(sheet["scores"], f"{path}.scores", ("position",))
        for index, row in enumerate(sheet["scores"]):
            self.item(row, f"{path}.scores[{index}]", items)
            self.score_pair(row, f"{path}.scores[{index}]", "")
        for index, amendment in enumerate(sheet["amendments"]):
            where = f"{path}.amendments[{index}]"
            self.item(amendment, where, items)
            self.score_pair(amendment, where, "previous_")
            self.score_pair(amendment, where, "new_")
            self.person(amendment, where, "amended_by_email")

    def only_with(self, entry: Entry, path: str, when: str, *details: str) -> None:
        """Who and why belong to something that happened: none without its time."""
        if entry[when] is None:
            for key in details:
                if entry[key] is not None:
                    self.out.append(f"{path}.{key}: must be null when {when} is null")

    def plan_item(self, item: Entry, path: str) -> None:
        """A question or one attribute of an exercise, never both, never neither."""
        has_question = item["question_id"] is not None
        if has_question == (item.get("exercise_id") is not None):
            self.out.append(f"{path}: give question_id or exercise_id, not both or neither")
        elif not has_question and item.get("exercise_attribute") is None:
            self.out.append(f"{path}.exercise_attribute: an exercise's item names the attribute")

    def item(self, entry: Entry, path: str, items: set[Key]) -> None:
        if (entry["position"], entry["question_id"]) not in items:
            question = entry["question_id"]
            self.out.append(
                f"{path}.position: no plan item {entry['position']} with question "
                f"{question!r} on this stage"
            )

    def score_pair(self, entry: Entry, path: str, prefix: str) -> None:
        # "No evidence" is an answer in its own right: it carries no number.
        if entry[f"{prefix}no_evidence"] and entry[f"{prefix}score"] is not None:
            self.out.append(f"{path}.{prefix}score: must be null when {prefix}no_evidence is true")


def _normal(field: str, value: object) -> object:
    return value.lower() if field.endswith("email") and isinstance(value, str) else value
