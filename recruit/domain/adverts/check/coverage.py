"""What an advert says: the five attributes, the innovation's principles, and its acronyms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from recruit.domain.adverts.check.lexicon import AdvertLexicon
from recruit.domain.adverts.check.model import (
    AttributeCoverage,
    PrincipleCoverage,
    UnexplainedAcronym,
)
from recruit.domain.adverts.check.text import PhraseMatcher, lower_in_place, phrase_pattern
from recruit.domain.question_bank.model import Attribute, Innovation, KeyTerm


def attribute_coverage(
    text: str, attributes: Sequence[Attribute], lexicon: AdvertLexicon
) -> tuple[AttributeCoverage, ...]:
    """Each attribute in the order given, with the lexicon phrases that express it and
    whether the advert names it."""
    empty = PhraseMatcher.build(())
    lowered = lower_in_place(text)
    return tuple(
        AttributeCoverage(
            attribute.key,
            attribute.name,
            lexicon.attribute_matchers.get(attribute.key, empty).phrases_found(text),
            named=re.search(rf"(?<!\w){phrase_pattern(attribute.name, whole_word=True)}", lowered)
            is not None,
        )
        for attribute in attributes
    )


def principle_coverage(text: str, innovation: Innovation) -> tuple[PrincipleCoverage, ...]:
    return tuple(
        PrincipleCoverage(
            principle.key,
            principle.name,
            PhraseMatcher.build(principle.phrases).phrases_found(text),
        )
        for principle in innovation.core_principles
    )


def unexplained_acronyms(text: str, key_terms: Sequence[KeyTerm]) -> tuple[UnexplainedAcronym, ...]:
    """Key-term acronyms used in capitals with no explanation anywhere in the text.

    Writing the term out anywhere ("Director of Children's Services") explains it, and so
    does the acronym in brackets, "(DCS)", which only ever follows its expansion.
    """
    found = []
    for term in _with_acronyms(key_terms):
        acronym = term.acronym or ""
        uses = tuple(
            (match.start(), match.end())
            for match in re.finditer(rf"(?<!\w){re.escape(acronym)}s?(?!\w)", text)
        )
        if uses and not _explained(text, term.term, acronym):
            found.append(UnexplainedAcronym(acronym, term.term, term.explanation, uses))
    return tuple(sorted(found, key=lambda item: item.occurrences[0]))


def _with_acronyms(key_terms: Iterable[KeyTerm]) -> Iterable[KeyTerm]:
    seen: set[str] = set()
    for term in key_terms:
        if term.acronym and term.acronym not in seen:
            seen.add(term.acronym)
            yield term


def _explained(text: str, term: str, acronym: str) -> bool:
    if re.search(rf"\(\s*{re.escape(acronym)}s?\s*\)", text):
        return True
    expansion = rf"(?<!\w){phrase_pattern(term, whole_word=False)}"
    return re.search(expansion, lower_in_place(text)) is not None
