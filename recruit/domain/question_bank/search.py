"""Finding questions in the bank: free text plus filters, with a count beside each option.

Within one filter the options widen the search (values OR decisions); across filters they
narrow it (values AND Family Safeguarding). Each option's count is how many questions it
would give with the other filters as they are, so a chair sees where questions exist
before ticking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from recruit.domain.question_bank.model import Question, QuestionBank
from recruit.domain.question_bank.schema import KNOWN_TAGS

YOUNG_PEOPLE_AUDIENCE = "young_people"
AUDIENCES = {
    "panel": "Interview or stakeholder panel",
    YOUNG_PEOPLE_AUDIENCE: "Young people's panel (has a plain-English version)",
}


@dataclass(frozen=True)
class QuestionFilters:
    text: str = ""
    attributes: frozenset[str] = frozenset()
    behaviours: frozenset[str] = frozenset()
    innovations: frozenset[str] = frozenset()
    role_levels: frozenset[str] = frozenset()
    audiences: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    include_retired: bool = False

    @property
    def is_empty(self) -> bool:
        return not (
            self.text.strip()
            or self.attributes
            or self.behaviours
            or self.innovations
            or self.role_levels
            or self.audiences
            or self.tags
        )


@dataclass(frozen=True)
class SearchResult:
    questions: tuple[Question, ...]
    searched: int
    # Read-only: a result may be kept and shared between requests (questions/search_cache.py).
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=lambda: MappingProxyType({}))


Facet = Callable[[Question, frozenset[str]], bool]


def _by_attribute(question: Question, chosen: frozenset[str]) -> bool:
    return question.attribute in chosen


def _by_behaviour(question: Question, chosen: frozenset[str]) -> bool:
    return bool(chosen.intersection(question.behaviours))


def _by_innovation(question: Question, chosen: frozenset[str]) -> bool:
    return any(question.suits_innovation(innovation) for innovation in chosen)


def _by_role_level(question: Question, chosen: frozenset[str]) -> bool:
    return bool(chosen.intersection(question.role_levels))


def _by_audience(question: Question, chosen: frozenset[str]) -> bool:
    return "panel" in chosen or (
        YOUNG_PEOPLE_AUDIENCE in chosen and question.young_people_variant is not None
    )


def _by_tag(question: Question, chosen: frozenset[str]) -> bool:
    return bool(chosen.intersection(question.tags))


FACETS: dict[str, Facet] = {
    "attributes": _by_attribute,
    "behaviours": _by_behaviour,
    "innovations": _by_innovation,
    "role_levels": _by_role_level,
    "audiences": _by_audience,
    "tags": _by_tag,
}


def facet_options(bank: QuestionBank) -> dict[str, list[str]]:
    """Every option of every filter, so options with no matching question still show 0."""
    return {
        "attributes": [a.key for a in bank.attributes],
        "behaviours": [b.key for a in bank.attributes for b in a.behaviours],
        "innovations": [i.key for i in bank.named_innovations()],
        "role_levels": [r.key for r in bank.role_levels],
        "audiences": list(AUDIENCES),
        "tags": list(KNOWN_TAGS),
    }


def search_questions(
    questions: Iterable[Question], filters: QuestionFilters, options: dict[str, Iterable[str]]
) -> SearchResult:
    """Questions matching ``filters``, and per facet option the count it would give.

    ``options`` lists, per facet name, the option keys to count (for example every
    attribute key), so options with no matching question still show a zero.
    """
    pool = [q for q in questions if filters.include_retired or q.is_active]
    pool = [q for q in pool if _matches_text(q, filters.text)]
    matching = tuple(q for q in pool if _matches_facets(q, filters, skip=None))
    counts = {
        name: MappingProxyType(
            {
                option: sum(
                    1
                    for q in pool
                    if _matches_facets(q, filters, skip=name)
                    and FACETS[name](q, frozenset({option}))
                )
                for option in options.get(name, ())
            }
        )
        for name in FACETS
    }
    return SearchResult(matching, len(pool), MappingProxyType(counts))


def normalised(filters: QuestionFilters) -> QuestionFilters:
    """Filters that find exactly what ``filters`` find, with the text as its search words.

    Searches that differ only in case or spacing share one normalised form, so a cache of
    results can key on it.
    """
    return replace(filters, text=" ".join(_search_words(filters.text)))


def _matches_facets(question: Question, filters: QuestionFilters, skip: str | None) -> bool:
    for name, facet in FACETS.items():
        chosen: frozenset[str] = getattr(filters, name)
        if name != skip and chosen and not facet(question, chosen):
            return False
    return True


def _search_words(text: str) -> list[str]:
    return text.lower().split()


def _matches_text(question: Question, text: str) -> bool:
    words = _search_words(text)
    if not words:
        return True
    haystack = searchable_text(question)
    return all(word in haystack for word in words)


def searchable_text(question: Question) -> str:
    parts = [
        question.id,
        question.question,
        *question.probes,
        *question.positive_indicators,
        *(indicator.text for indicator in question.negative_indicators),
        *question.warning_signs,
        *question.tags,
        question.young_people_variant or "",
    ]
    return " ".join(parts).lower()
