"""The exercise bank as plain frozen values: presentations, simulations, in-trays, focus groups
and young people's activities, each with what assessors look for.

Built by ``load_exercises`` once every check has passed, so code that receives these objects
can trust them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from recruit.domain.question_bank.model import NegativeIndicator, QuestionBank
from recruit.domain.question_bank.schema import ANY_INNOVATION


class ExerciseKind(Enum):
    """What sort of exercise it is; the value is the key written in the YAML."""

    PRESENTATION = "presentation"
    MEDIA_SIMULATION = "media_simulation"
    SCRUTINY_SIMULATION = "scrutiny_simulation"
    IN_TRAY = "in_tray"
    FOCUS_GROUP = "focus_group"
    YOUNG_PEOPLE_ACTIVITY = "young_people_activity"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def id_prefix(self) -> str:
        """How an id of this kind starts, for example 'media-' for a media simulation."""
        return _ID_PREFIXES[self] + "-"


_LABELS = {
    ExerciseKind.PRESENTATION: "Presentation",
    ExerciseKind.MEDIA_SIMULATION: "Media simulation",
    ExerciseKind.SCRUTINY_SIMULATION: "Scrutiny committee simulation",
    ExerciseKind.IN_TRAY: "In-tray exercise",
    ExerciseKind.FOCUS_GROUP: "Focus group",
    ExerciseKind.YOUNG_PEOPLE_ACTIVITY: "Young people's activity",
}

_ID_PREFIXES = {
    ExerciseKind.PRESENTATION: "presentation",
    ExerciseKind.MEDIA_SIMULATION: "media",
    ExerciseKind.SCRUTINY_SIMULATION: "scrutiny",
    ExerciseKind.IN_TRAY: "in-tray",
    ExerciseKind.FOCUS_GROUP: "focus-group",
    ExerciseKind.YOUNG_PEOPLE_ACTIVITY: "young-people",
}


@dataclass(frozen=True)
class TrafficLight:
    """How a young people's panel records its view: a colour, then why, in plain words."""

    green: str
    amber: str
    red: str
    why_prompt: str


@dataclass(frozen=True)
class Exercise:
    id: str
    status: str
    kind: ExerciseKind
    title: str
    # The first is the primary attribute, which names the file the exercise is kept in.
    attributes: tuple[str, ...]
    behaviours: tuple[str, ...]
    role_levels: tuple[str, ...]
    innovations: tuple[str, ...]
    minutes: int
    preparation_minutes: int
    brief_in_advance: bool
    candidate_brief: str
    assessor_brief: str
    follow_up_questions: tuple[str, ...]
    what_good_looks_like: dict[str, tuple[str, ...]]
    negative_indicators: tuple[NegativeIndicator, ...]
    # Attribute key to the 1-5 descriptors; empty for a young people's activity.
    descriptors: dict[str, dict[int, str]] = field(default_factory=dict)
    # Only for a young people's activity, which records a colour rather than a score.
    traffic_light: TrafficLight | None = None
    materials: tuple[str, ...] = ()
    content_note: str | None = None
    # Where the exercise was read from: for messages only.
    source_file: str = field(default="", compare=False)
    source_line: int | None = field(default=None, compare=False)

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @property
    def primary_attribute(self) -> str:
        return self.attributes[0]

    @property
    def is_for_young_people(self) -> bool:
        return self.kind is ExerciseKind.YOUNG_PEOPLE_ACTIVITY

    def suits_innovation(self, innovation: str) -> bool:
        return ANY_INNOVATION in self.innovations or innovation in self.innovations


@dataclass(frozen=True)
class ExerciseKeys:
    """What exercises may refer to, taken from the question bank: attribute and behaviour
    keys, role levels, innovations, and the question ids an exercise id must not repeat."""

    behaviours_by_attribute: Mapping[str, tuple[str, ...]]
    role_levels: tuple[str, ...]
    innovations: tuple[str, ...]
    question_ids: frozenset[str] = frozenset()

    @classmethod
    def from_bank(cls, bank: QuestionBank) -> ExerciseKeys:
        return cls(
            behaviours_by_attribute={
                attribute.key: attribute.behaviour_keys for attribute in bank.attributes
            },
            role_levels=tuple(level.key for level in bank.role_levels),
            innovations=tuple(item.key for item in bank.innovations if item.key != ANY_INNOVATION),
            question_ids=frozenset(question.id for question in bank.questions),
        )

    @property
    def attributes(self) -> tuple[str, ...]:
        return tuple(self.behaviours_by_attribute)

    def attribute_of(self, behaviour: str) -> str | None:
        for attribute, behaviours in self.behaviours_by_attribute.items():
            if behaviour in behaviours:
                return attribute
        return None


def active_exercises(exercises: Iterable[Exercise]) -> tuple[Exercise, ...]:
    return tuple(exercise for exercise in exercises if exercise.is_active)
