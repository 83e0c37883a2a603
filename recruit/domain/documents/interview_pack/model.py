"""What an interview pack shows: plain frozen values, copied from the vacancy when a pack is issued.

The question text is copied in (with its bank id and version) rather than looked up, so a
later edit to the bank never rewrites a pack a panel has already used.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recruit.domain.scoring.advisory import AdvisoryReportView
from recruit.domain.timetable import DayGrid

if TYPE_CHECKING:
    # Only a type here: young_people reads the timetable, which reads this module.
    from recruit.domain.documents.interview_pack.young_people import YoungPeopleGuide


@dataclass(frozen=True)
class PackQuestion:
    number: int
    question_id: str
    version: int  # 0 for an exercise's line: an exercise is copied whole, unversioned
    attribute_name: str
    text: str
    probes: tuple[str, ...]
    positive_indicators: tuple[str, ...]
    # (text, decisive): a decisive indicator on its own is enough to hold the score at 1.
    negative_indicators: tuple[tuple[str, bool], ...]
    descriptors: Mapping[int, str]
    minutes: int
    young_people_variant: str | None = None
    # Safer recruitment: what the panel listens for on a safeguarding question; often empty.
    warning_signs: tuple[str, ...] = ()


@dataclass(frozen=True)
class PackPoint:
    """A gap or discrepancy from shortlisting scrutiny for this stage's panel to explore;
    ``when`` is its dates in words, or "" when none were recorded."""

    kind_label: str
    when: str
    noted: str
    to_explore: str


@dataclass(frozen=True)
class PackActivity:
    """What a young people's activity adds to its pack section, in the young people's own
    words: it is not scored, so it has no descriptors."""

    follow_up_questions: tuple[str, ...]
    what_good_looks_like: tuple[str, ...]
    worries: tuple[str, ...]
    traffic_light: tuple[tuple[str, str], ...]  # ("Green", meaning), then amber, red
    why_prompt: str


@dataclass(frozen=True)
class PackExercise:
    """An exercise in the stage's plan, printed once before the questions; its scored
    attributes appear among the questions. Copied from the plan as issued."""

    title: str
    kind_label: str
    minutes: int
    preparation_minutes: int
    brief_in_advance: bool
    candidate_brief: str
    assessor_brief: str
    materials: tuple[str, ...]
    content_note: str | None
    attribute_names: tuple[str, ...]
    # A young people's activity (not scored): what the young people read and the colours
    # they choose from, each colour's meaning with the "why" question last.
    activity: PackActivity | None = None


@dataclass(frozen=True)
class PanelSeat:
    name: str
    panel_role_label: str
    # The role's key ("chair", "hr_adviser"), so the pack can name a young people's panel's
    # support person without relying on the wording of a label.
    panel_role: str = ""
    stood_down: bool = False


@dataclass(frozen=True)
class ScheduleSlot:
    """One line of the day's timetable: an interview, or (``is_break``) the panel's break."""

    time_label: str
    candidate_label: str
    is_break: bool = False


@dataclass(frozen=True)
class PackContext:
    """One recipient's pack for one stage. ``candidates`` are names or codes such as "C-01".

    ``candidates`` are those the recipient scores (a declared conflict takes one out);
    ``stage_candidates`` are everyone interviewed at the stage, listed on the conflict of
    interest declaration, and ``declared_conflicts`` those already declared in the app.
    A recipient who does not score (an adviser) gets no scoring sheets.
    """

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
    stage_candidates: tuple[str, ...] = ()
    declared_conflicts: tuple[str, ...] = ()
    recipient_scores: bool = True
    # True when the stage has no start time, so the schedule's times are only a suggestion.
    schedule_is_suggested: bool = False
    # At the deciding stage, per candidate label the advisory stages' reports recorded so far
    # (advice, written apart from the scoring sheets); None at an advisory stage.
    advisory_reports: tuple[tuple[str, tuple[AdvisoryReportView, ...]], ...] | None = None
    # Per candidate label, the points shortlisting scrutiny gave this stage to explore; only
    # candidates with any are listed.
    points_to_explore: tuple[tuple[str, tuple[PackPoint, ...]], ...] = ()
    # Young people sit on this stage's panel (a young people's panel, or a seat for a young
    # person): every pack gets the facilitator's guide, and the chair's marks distressing
    # questions with a content note.
    young_people_on_panel: bool = False
    # The plain wording from question_bank/young_people_panel.yaml; None leaves it out.
    young_people_guide: YoungPeopleGuide | None = None
    # The school-hours warning for the top of the schedule, "" when the day is clear.
    school_hours_warning: str = ""
    # Instead of the warning, once the time was agreed with the young people and schools.
    school_hours_agreed: str = ""
    # In the chair's pack, every panel held on the stage's date side by side (a carousel);
    # None when the stage has the date to itself or has no date.
    day_timetable: DayGrid | None = None
    # The exercises in the plan, in the order first planned; none for a plan of questions.
    exercises: tuple[PackExercise, ...] = ()
