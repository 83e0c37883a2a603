"""The advert lexicon (question_bank/advert_lexicon.yaml) as a checked, ready-to-match value."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from recruit.domain.adverts.check.text import PhraseMatcher

_SECTIONS = (
    "attributes",
    "sector_exceptions",
    "safer_recruitment",
    "suggestions",
    "gender_stems",
)


class LexiconError(ValueError):
    """The lexicon document is not in the shape advert_lexicon.yaml describes."""


@dataclass(frozen=True)
class SaferRecruitmentRule:
    """A statement safer recruitment asks the advert to make, and how to recognise it."""

    key: str
    name: str
    fix: str
    phrases: tuple[str, ...]
    politically_restricted_only: bool
    matcher: PhraseMatcher = field(compare=False, repr=False)

    def applies(self, politically_restricted: bool) -> bool:
        return politically_restricted or not self.politically_restricted_only


@dataclass(frozen=True)
class AdvertLexicon:
    attribute_phrases: dict[str, tuple[str, ...]]
    sector_exceptions: tuple[str, ...]
    masculine_stems: tuple[str, ...]
    feminine_stems: tuple[str, ...]
    suggestions: dict[str, str]
    safer_recruitment: tuple[SaferRecruitmentRule, ...]
    # Compiled once here, because one lexicon serves many checks.
    attribute_matchers: dict[str, PhraseMatcher] = field(compare=False, repr=False)
    exception_matcher: PhraseMatcher = field(compare=False, repr=False)
    masculine_pattern: re.Pattern[str] = field(compare=False, repr=False)
    feminine_pattern: re.Pattern[str] = field(compare=False, repr=False)

    @classmethod
    def from_document(cls, document: object) -> AdvertLexicon:
        """The lexicon from the parsed YAML; raises LexiconError naming the first problem."""
        data = _mapping(document, "the lexicon")
        missing = [name for name in _SECTIONS if name not in data]
        if missing:
            raise LexiconError(f"the lexicon has no {', '.join(missing)} section")
        attributes = _mapping(data["attributes"], "attributes")
        phrases = {
            str(key): _strings(value, f"attributes.{key}") for key, value in attributes.items()
        }
        stems = _mapping(data["gender_stems"], "gender_stems")
        masculine = _strings(stems.get("masculine"), "gender_stems.masculine")
        feminine = _strings(stems.get("feminine"), "gender_stems.feminine")
        exceptions = _strings(data["sector_exceptions"], "sector_exceptions")
        return cls(
            attribute_phrases=phrases,
            sector_exceptions=exceptions,
            masculine_stems=masculine,
            feminine_stems=feminine,
            suggestions=_suggestions(data["suggestions"]),
            safer_recruitment=_safer_recruitment(data["safer_recruitment"]),
            attribute_matchers={key: PhraseMatcher.build(value) for key, value in phrases.items()},
            exception_matcher=PhraseMatcher.build(exceptions, whole_word=True),
            masculine_pattern=_stem_pattern(masculine),
            feminine_pattern=_stem_pattern(feminine),
        )

    def suggestion_for(self, stem: str) -> str | None:
        """The editor's alternative for a masculine stem; "selfrelian" shares "self-relian"'s."""
        if stem in self.suggestions:
            return self.suggestions[stem]
        bare = stem.replace("-", "")
        return next(
            (text for key, text in self.suggestions.items() if key.replace("-", "") == bare),
            None,
        )


def stem_of(word: str, stems: tuple[str, ...]) -> str:
    """The longest stem that the lowercase ``word`` starts with (it matched a stem pattern)."""
    return max((stem for stem in stems if word.startswith(stem)), key=len, default=word)


def _stem_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    # The Gender Decoder's rule: a word is coded if it starts with a stem. A word begins
    # after any non-letter, so each part of "non-competitive" is a word, as the Decoder
    # splits hyphenated words, while a hyphenated stem ("self-relian") matches first.
    if not stems:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True))
    # Compiled for text lowercased by lower_in_place: see PhraseMatcher.build for why.
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})[^\W\d_]*")


def _mapping(value: object, where: str) -> Mapping[object, object]:
    if not isinstance(value, Mapping):
        raise LexiconError(f"{where} should be a mapping")
    return value


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LexiconError(f"{where} should be a list of text")
    return tuple(item.strip().lower() for item in value if item.strip())


def _suggestions(value: object) -> dict[str, str]:
    data = _mapping(value, "suggestions")
    if not all(isinstance(text, str) for text in data.values()):
        raise LexiconError("suggestions should map each stem to text")
    return {str(stem).lower(): str(text) for stem, text in data.items()}


def _safer_recruitment(value: object) -> tuple[SaferRecruitmentRule, ...]:
    rules = []
    for key, entry in _mapping(value, "safer_recruitment").items():
        where = f"safer_recruitment.{key}"
        data = _mapping(entry, where)
        phrases = _strings(data.get("phrases"), f"{where}.phrases")
        if not phrases:
            raise LexiconError(f"{where}.phrases should list at least one phrase")
        only = data.get("politically_restricted_only", False)
        if not isinstance(only, bool):
            raise LexiconError(f"{where}.politically_restricted_only should be true or false")
        rules.append(
            SaferRecruitmentRule(
                key=str(key),
                name=_text(data.get("name"), f"{where}.name"),
                fix=_text(data.get("fix"), f"{where}.fix"),
                phrases=phrases,
                politically_restricted_only=only,
                matcher=PhraseMatcher.build(phrases),
            )
        )
    return tuple(rules)


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{where} should be text")
    return " ".join(value.split())
