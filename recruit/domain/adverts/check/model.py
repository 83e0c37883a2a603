"""The advert check's results as plain frozen values, with a JSON-ready ``to_dict``."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any

# One keyword ("purpose") is not evidence that an advert expresses an attribute: it needs two
# different phrases for it, or a sentence that names the attribute itself.
MIN_DISTINCT_PHRASES = 2


@dataclass(frozen=True)
class AttributeCoverage:
    key: str
    name: str
    phrases: tuple[str, ...]  # distinct lexicon phrases found, in order of first use
    named: bool = False  # the attribute's own name appears, e.g. "Creating successful partnerships"

    @property
    def covered(self) -> bool:
        return self.named or len(self.phrases) >= MIN_DISTINCT_PHRASES

    @property
    def evidence(self) -> str:
        """What showed it, for the reader: "names the attribute; found: a, b"."""
        found = f"found: {', '.join(self.phrases)}" if self.phrases else ""
        return "; ".join(
            part for part in ("names the attribute" if self.named else "", found) if part
        )


@dataclass(frozen=True)
class PrincipleCoverage:
    key: str
    name: str
    phrases: tuple[str, ...]

    @property
    def found(self) -> bool:
        return bool(self.phrases)


@dataclass(frozen=True)
class SaferRecruitmentStatement:
    """One statement safer recruitment asks for, the phrases that made it, and the fix."""

    key: str
    name: str
    phrases: tuple[str, ...]
    fix: str

    @property
    def found(self) -> bool:
        return bool(self.phrases)


@dataclass(frozen=True)
class CodedWord:
    """A gender-coded word as written, the stem it starts with, and where it is in the text."""

    word: str
    stem: str
    start: int
    end: int
    suggestion: str | None = None


@dataclass(frozen=True)
class GenderCoding:
    masculine: tuple[CodedWord, ...]
    feminine: tuple[CodedWord, ...]
    masculine_per_1000: float
    feminine_per_1000: float
    net_masculine_per_1000: float
    verdict: str

    @property
    def masculine_count(self) -> int:
        return len(self.masculine)

    @property
    def feminine_count(self) -> int:
        return len(self.feminine)


@dataclass(frozen=True)
class LongSentence:
    start: int
    end: int
    word_count: int
    text: str


@dataclass(frozen=True)
class Readability:
    flesch_reading_ease: float | None
    average_sentence_length: float | None
    flesch_target: float
    sentence_length_target: float
    long_sentence_words: int
    long_sentences: tuple[LongSentence, ...]

    @property
    def flesch_ok(self) -> bool:
        return self.flesch_reading_ease is None or self.flesch_reading_ease >= self.flesch_target

    @property
    def sentence_length_ok(self) -> bool:
        average = self.average_sentence_length
        return average is None or average <= self.sentence_length_target


@dataclass(frozen=True)
class LengthCheck:
    word_count: int
    minimum: int
    maximum: int
    status: str


@dataclass(frozen=True)
class UnexplainedAcronym:
    acronym: str
    term: str
    explanation: str
    occurrences: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Suggestion:
    impact: int
    message: str
    topic: str = "general"


@dataclass(frozen=True)
class Segment:
    """A run of the advert for a template: ``kind`` is "plain" or what the highlight marks."""

    text: str
    kind: str
    note: str | None = None


@dataclass(frozen=True)
class AdvertCheck:
    text: str
    truncated: bool
    innovation_key: str
    innovation_name: str
    attribute_coverage: tuple[AttributeCoverage, ...]
    innovation_principles: tuple[PrincipleCoverage, ...]
    gender: GenderCoding
    readability: Readability
    length: LengthCheck
    unexplained_acronyms: tuple[UnexplainedAcronym, ...]
    # Only the statements that apply to the post: political restriction for chief and
    # deputy chief officers alone.
    safer_recruitment: tuple[SaferRecruitmentStatement, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def missing_attributes(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.attribute_coverage if not item.covered)

    @property
    def missing_principles(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.innovation_principles if not item.found)

    @property
    def missing_safer_recruitment(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.safer_recruitment if not item.found)

    def to_dict(self) -> dict[str, Any]:
        """Plain lists, dicts, strings and numbers, including the derived flags and counts."""
        data: dict[str, Any] = _plain(self)
        data["missing_attributes"] = list(self.missing_attributes)
        data["missing_principles"] = list(self.missing_principles)
        data["missing_safer_recruitment"] = list(self.missing_safer_recruitment)
        return data


# Derived values a reader of the JSON needs, which dataclasses.asdict would leave out.
_DERIVED = {
    AttributeCoverage: ("covered",),
    PrincipleCoverage: ("found",),
    SaferRecruitmentStatement: ("found",),
    GenderCoding: ("masculine_count", "feminine_count"),
    Readability: ("flesch_ok", "sentence_length_ok"),
}


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        data = {item.name: _plain(getattr(value, item.name)) for item in fields(value)}
        data.update({name: getattr(value, name) for name in _DERIVED.get(type(value), ())})
        return data
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value
