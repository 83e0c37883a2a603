"""The question bank as plain frozen values: attributes, innovations and interview questions.

Built by ``load_bank`` in recruit.domain.question_bank once every check has passed, so code
that receives these objects can trust them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from recruit.domain.question_bank.schema import ANY_INNOVATION, SAFEGUARDING_TAG


@dataclass(frozen=True)
class RatingLevel:
    score: int
    label: str
    description: str


@dataclass(frozen=True)
class Behaviour:
    key: str
    name: str
    description: str


@dataclass(frozen=True)
class Attribute:
    key: str
    name: str
    short_name: str
    summary: str
    self_rating_question: str
    rating_5_example: str
    reflection_questions: tuple[str, ...]
    behaviours: tuple[Behaviour, ...]
    scale: dict[int, str]

    @property
    def behaviour_keys(self) -> tuple[str, ...]:
        return tuple(behaviour.key for behaviour in self.behaviours)


@dataclass(frozen=True)
class RoleLevel:
    key: str
    name: str
    description: str


@dataclass(frozen=True)
class KeyTerm:
    term: str
    explanation: str
    acronym: str | None = None


@dataclass(frozen=True)
class CorePrinciple:
    """A principle an advert should express; any of its lowercase phrases counts as a mention."""

    key: str
    name: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Innovation:
    key: str
    name: str
    originating_council: str | None
    summary: str
    values: tuple[str, ...]
    practice_principles: tuple[str, ...]
    leaders_must_champion: tuple[str, ...]
    key_terms: tuple[KeyTerm, ...]
    core_principles: tuple[CorePrinciple, ...]
    # Two or three short sentences for adverts; the summary is written for panels.
    advert_outline: str | None = None


@dataclass(frozen=True)
class NegativeIndicator:
    """A warning sign in an answer; a decisive one is enough on its own to hold the score at 1."""

    text: str
    decisive: bool = False


@dataclass(frozen=True)
class Question:
    id: str
    status: str
    attribute: str
    format: str
    behaviours: tuple[str, ...]
    question: str
    probes: tuple[str, ...]
    positive_indicators: tuple[str, ...]
    negative_indicators: tuple[NegativeIndicator, ...]
    descriptors: dict[int, str]
    role_levels: tuple[str, ...]
    innovations: tuple[str, ...]
    minutes: int
    young_people_variant: str | None = None
    # Optional: lowercase words from schema.KNOWN_TAGS, e.g. safeguarding.
    tags: tuple[str, ...] = ()
    # What the panel listens for beyond the indicators; required on a safeguarding question.
    warning_signs: tuple[str, ...] = ()
    # Where the question was read from: for messages only, so a rewritten file compares equal.
    source_file: str = field(default="", compare=False)
    source_line: int | None = field(default=None, compare=False)

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @property
    def is_safeguarding(self) -> bool:
        return SAFEGUARDING_TAG in self.tags

    def suits_innovation(self, innovation: str) -> bool:
        return ANY_INNOVATION in self.innovations or innovation in self.innovations

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the schema's field order, as written to questions/<attribute>.yaml."""
        negatives = [
            {"text": item.text, "decisive": True} if item.decisive else {"text": item.text}
            for item in self.negative_indicators
        ]
        data: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "attribute": self.attribute,
            "format": self.format,
            "behaviours": list(self.behaviours),
            "tags": list(self.tags) or None,
            "question": self.question,
            "probes": list(self.probes),
            "positive_indicators": list(self.positive_indicators),
            "negative_indicators": negatives,
            "warning_signs": list(self.warning_signs) or None,
            "descriptors": {score: self.descriptors[score] for score in sorted(self.descriptors)},
            "role_levels": list(self.role_levels),
            "innovations": list(self.innovations),
            "minutes": self.minutes,
            "young_people_variant": self.young_people_variant,
        }
        # Optional fields are left out when empty (required ones are never None), so a
        # question without them keeps the stored content and version it had before they existed.
        return {key: value for key, value in data.items() if value is not None}


@dataclass(frozen=True)
class QuestionBank:
    attributes: tuple[Attribute, ...]
    innovations: tuple[Innovation, ...]
    role_levels: tuple[RoleLevel, ...]
    rating_scale: tuple[RatingLevel, ...]
    questions: tuple[Question, ...]
    version_hash: str
    # Kept only so write_bank can copy the files as they were, comments included.
    reference_files: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    question_file_headers: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def attribute(self, key: str) -> Attribute:
        return _find(self.attributes, key, "attribute")

    def innovation(self, key: str) -> Innovation:
        return _find(self.innovations, key, "innovation")

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"no question with the id {question_id!r}")

    def named_innovations(self) -> tuple[Innovation, ...]:
        return tuple(item for item in self.innovations if item.key != ANY_INNOVATION)

    def active_questions(self) -> tuple[Question, ...]:
        return tuple(question for question in self.questions if question.is_active)

    def questions_for(
        self,
        *,
        attribute: str | None = None,
        behaviour: str | None = None,
        role_level: str | None = None,
        innovation: str | None = None,
        include_retired: bool = False,
    ) -> tuple[Question, ...]:
        """Questions matching every filter given; a question for `any` suits every innovation."""
        return tuple(
            question
            for question in (self.questions if include_retired else self.active_questions())
            if (attribute is None or question.attribute == attribute)
            and (behaviour is None or behaviour in question.behaviours)
            and (role_level is None or role_level in question.role_levels)
            and (innovation is None or question.suits_innovation(innovation))
        )


class _Keyed(Protocol):
    @property
    def key(self) -> str: ...


_KeyedItem = TypeVar("_KeyedItem", bound=_Keyed)


def _find(items: Iterable[_KeyedItem], key: str, noun: str) -> _KeyedItem:
    for item in items:
        if item.key == key:
            return item
    raise KeyError(f"no {noun} with the key {key!r}")
