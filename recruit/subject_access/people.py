"""Staff in a subject access export: third parties, named by a label and never by name.

Panel members and other staff are each "Panel member 2" or "Staff member 1", numbered in
order of first appearance in the export, with their panel role at each stage.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import PanelRole, PanelSeat, Stage, Vacancy
from recruit.subject_access.rows import Rows

REMOVED_ACCOUNT = "A member of staff (account since removed)"


class People:
    """Staff as "Panel member N" or "Staff member N", numbered in order of first appearance.

    A panel member is anyone with a seat at a stage of the candidate's vacancy; anyone else
    who recorded something (HR, say) is a staff member. Each kind is numbered from 1.
    """

    def __init__(self, seated: set[int]) -> None:
        self._seated = seated
        self._labels: dict[int, str] = {}
        self._counts = {"Panel member": 0, "Staff member": 0}

    @classmethod
    def for_export(cls, rows: Rows) -> People:
        """Everyone in ``rows``, numbered in the order the export shows them."""
        seats = db.session.scalars(
            select(PanelSeat)
            .join(Stage, Stage.id == PanelSeat.stage_id)
            .where(Stage.vacancy_id == rows.vacancy.id)
        )
        people = cls({seat.user_id for seat in seats})
        for stage in rows.stages:
            people._register_stage(rows, stage)
        for conflict in rows.conflicts:
            people._register(conflict.user_id)
        for event in rows.events:
            people._register(event.user_id)
        return people

    def _register_stage(self, rows: Rows, stage: Stage) -> None:
        """Assessors first, then who amended, agreed scores and recorded the outcome."""
        for sheet in rows.sheets_at(stage):
            self._register(sheet.seat.user_id)
        for sheet in rows.sheets_at(stage):
            for amendment in sheet.amendments:
                self._register(amendment.amended_by_id)
        for row in rows.agreed:
            if row.stage_id == stage.id:
                self._register(row.recorded_by_id)
        for decision in rows.decisions:
            if decision.stage_id == stage.id:
                self._register(decision.recorded_by_id)
        for report in rows.reports:
            if report.stage_id == stage.id:
                self._register(report.recorded_by_id)

    def _register(self, user_id: int | None) -> None:
        if user_id is None or user_id in self._labels:
            return
        kind = "Panel member" if user_id in self._seated else "Staff member"
        self._counts[kind] += 1
        self._labels[user_id] = f"{kind} {self._counts[kind]}"

    @property
    def labels(self) -> Mapping[int, str]:
        return self._labels

    def label(self, user_id: int | None) -> str:
        if user_id is None:
            return REMOVED_ACCOUNT
        self._register(user_id)
        return self._labels[user_id]

    def assessor(self, seat: PanelSeat) -> str:
        """Such as "Panel member 2 (Chair)"; an ordinary member is just "Panel member 2"."""
        label = self.label(seat.user_id)
        if seat.panel_role is PanelRole.MEMBER:
            return label
        return f"{label} ({seat.panel_role.label})"

    def listing(self, vacancy: Vacancy) -> list[dict[str, Any]]:
        """Each label with the person's panel roles at the vacancy's stages: no names."""
        roles = _panel_roles(vacancy)
        return [
            {
                "label": label,
                "kind": "panel_member" if user_id in self._seated else "staff_member",
                "roles": roles.get(user_id, []),
            }
            for user_id, label in self._labels.items()
        ]


def _panel_roles(vacancy: Vacancy) -> dict[int, list[dict[str, Any]]]:
    """Each seated user's seats at the vacancy's stages, by user id."""
    roles: dict[int, list[dict[str, Any]]] = {}
    for stage in vacancy.stages:
        for seat in sorted(stage.seats, key=lambda seat: seat.id):
            roles.setdefault(seat.user_id, []).append(
                {
                    "stage_id": stage.id,
                    "stage": stage.name,
                    "panel_role": seat.panel_role.value,
                    "panel_role_label": seat.panel_role.label,
                }
            )
    return roles
