"""What an interview pack shows: plain frozen values, copied from the vacancy when a pack is issued.

The question text is copied in (with its bank id and version) rather than looked up, so a
later edit to the bank never rewrites a pack a panel has already used.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class PackQuestion:
    number: int
    question_id: str
    version: int
    attribute_name: str
    text: str
    probes: tuple[str, ...]
    positive_indicators: tuple[str, ...]
    # (text, decisive): a decisive indicator on its own is enough to hold the score at 1.
    negative_indicators: tuple[tuple[str, bool], ...]
    descriptors: Mapping[int, str]
    minutes: int
    young_people_variant: str | None = None


@dataclass(frozen=True)
class PanelSeat:
    name: str
    panel_role_label: str


@dataclass(frozen=True)
class ScheduleSlot:
    time_label: str
    candidate_label: str


@dataclass(frozen=True)
class PackContext:
    """One recipient's pack for one stage. ``candidates`` are names or codes such as "C-01"."""

    organisation_name: str
    vacancy_title: str
    role_level_name: str
    innovation_name: str
    innovation_values: tuple[str, ...]
    attributes: tuple[tuple[str, str], ...]  # (name, summary)
    rating_scale: tuple[tuple[int, str, str], ...]  # (score, label, description)
    stage_name: str
    stage_type_label: str
    stage_date: datetime.date | None
    stage_duration_minutes: int | None
    panel: tuple[PanelSeat, ...]
    schedule: tuple[ScheduleSlot, ...]
    questions: tuple[PackQuestion, ...]
    weights: tuple[tuple[str, int], ...]  # (attribute name, percent)
    candidates: tuple[str, ...]
    recipient: str
    is_chair: bool
    use_young_people_wording: bool = False
