"""The advert language check: run on demand and shown beside the advert's text.

``check_advert`` reports which of the five attributes and which of the innovation's core
principles the advert expresses, which safer recruitment statements it lacks, gender-coded
wording with children's services' own terms
set aside, readability, length and unexplained acronyms, and one list of suggestions with
the most important first. The words it looks for are data, in question_bank/.

Pasted text is cleaned first (Word's smart quotes, bullets and control characters), and all
offsets refer to the cleaned text, returned as ``AdvertCheck.text``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from recruit.domain.adverts.check.coverage import (
    attribute_coverage,
    principle_coverage,
    unexplained_acronyms,
)
from recruit.domain.adverts.check.gender import assess_gender_coding, gender_verdict
from recruit.domain.adverts.check.lexicon import AdvertLexicon, LexiconError
from recruit.domain.adverts.check.model import (
    AdvertCheck,
    AttributeCoverage,
    CodedWord,
    GenderCoding,
    LengthCheck,
    LongSentence,
    PrincipleCoverage,
    Readability,
    SaferRecruitmentStatement,
    Segment,
    Suggestion,
    UnexplainedAcronym,
)
from recruit.domain.adverts.check.readability import assess_length, assess_readability
from recruit.domain.adverts.check.safer_recruitment import safer_recruitment_statements
from recruit.domain.adverts.check.suggestions import build_suggestions
from recruit.domain.adverts.check.text import (
    MAX_ANALYSED_CHARS,
    count_words,
    prepare_advert_text,
    split_sentences,
)
from recruit.domain.question_bank.model import Attribute, Innovation, KeyTerm

__all__ = [
    "MAX_ANALYSED_CHARS",
    "AdvertCheck",
    "AdvertLexicon",
    "AttributeCoverage",
    "CodedWord",
    "GenderCoding",
    "LengthCheck",
    "LexiconError",
    "LongSentence",
    "PrincipleCoverage",
    "Readability",
    "SaferRecruitmentStatement",
    "Segment",
    "Suggestion",
    "UnexplainedAcronym",
    "check_advert",
    "gender_verdict",
    "highlight_segments",
]

PLAIN = "plain"
MASCULINE_WORD = "masculine"
FEMININE_WORD = "feminine"
ACRONYM = "acronym"


def check_advert(
    text: str,
    *,
    lexicon: AdvertLexicon,
    innovation: Innovation,
    attributes: Sequence[Attribute],
    all_key_terms: Sequence[KeyTerm],
    politically_restricted: bool = False,
) -> AdvertCheck:
    """The full check of ``text`` for a vacancy running ``innovation`` (or the `any` entry).

    ``attributes`` are the bank's five attributes in order; ``all_key_terms`` are the key
    terms of every innovation, because an advert may use any of their acronyms.
    ``politically_restricted`` says the post is a chief or deputy chief officer's, whose
    advert must also say so (``role_levels.is_politically_restricted``).
    """
    cleaned, truncated = prepare_advert_text(text)
    word_count = count_words(cleaned)
    check = AdvertCheck(
        text=cleaned,
        truncated=truncated,
        innovation_key=innovation.key,
        innovation_name=innovation.name,
        attribute_coverage=attribute_coverage(cleaned, attributes, lexicon),
        innovation_principles=principle_coverage(cleaned, innovation),
        gender=assess_gender_coding(cleaned, word_count, lexicon),
        readability=assess_readability(cleaned, split_sentences(cleaned)),
        length=assess_length(word_count),
        unexplained_acronyms=unexplained_acronyms(cleaned, all_key_terms),
        safer_recruitment=safer_recruitment_statements(
            cleaned, lexicon, politically_restricted=politically_restricted
        ),
    )
    suggestions = build_suggestions(
        check, lexicon=lexicon, innovation=innovation, attributes=attributes
    )
    return dataclasses.replace(check, suggestions=suggestions)


def highlight_segments(check: AdvertCheck) -> list[Segment]:
    """``check.text`` split into plain and highlighted runs that join back to it exactly.

    Takes the check rather than a text so the offsets cannot be laid over the wrong text.
    Where two highlights overlap, the one that starts first wins.
    """
    segments: list[Segment] = []
    position = 0
    for start, end, kind, note in _highlights(check):
        if start < position:
            continue
        if start > position:
            segments.append(Segment(check.text[position:start], PLAIN))
        segments.append(Segment(check.text[start:end], kind, note))
        position = end
    if position < len(check.text):
        segments.append(Segment(check.text[position:], PLAIN))
    return segments


def _highlights(check: AdvertCheck) -> list[tuple[int, int, str, str]]:
    found = [
        *(_coded(word, MASCULINE_WORD) for word in check.gender.masculine),
        *(_coded(word, FEMININE_WORD) for word in check.gender.feminine),
        *_acronym_highlights(check.unexplained_acronyms),
    ]
    return sorted(found, key=lambda item: (item[0], -item[1]))


def _coded(word: CodedWord, kind: str) -> tuple[int, int, str, str]:
    note = f"{kind.capitalize()}-coded word (starts with '{word.stem}')."
    if word.suggestion:
        note = f"{note} {word.suggestion}"
    return word.start, word.end, kind, note


def _acronym_highlights(
    acronyms: Iterable[UnexplainedAcronym],
) -> Iterable[tuple[int, int, str, str]]:
    for item in acronyms:
        note = f"{item.acronym} is not explained: write '{item.term} ({item.acronym})'."
        for start, end in item.occurrences:
            yield start, end, ACRONYM, note
