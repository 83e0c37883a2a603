"""One list of suggestions for the advert's editor, the change that matters most first.

Impact follows the research: values-driven leadership is the foundation of the other four
attributes, so an advert silent on values is the biggest gap. A missing safer recruitment
statement comes next: it is a safeguarding duty, not a matter of style. Then the other
attributes and the innovation's principles (what applicants self-assess against); then
wording that puts applicants off; then length and plain English.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from recruit.domain.adverts.check.gender import (
    GENERAL_SUGGESTION,
    MASCULINE,
    SLIGHTLY_MASCULINE,
)
from recruit.domain.adverts.check.lexicon import AdvertLexicon
from recruit.domain.adverts.check.model import AdvertCheck, CodedWord, Suggestion
from recruit.domain.adverts.check.readability import TOO_LONG, TOO_SHORT
from recruit.domain.adverts.check.text import MAX_ANALYSED_CHARS
from recruit.domain.question_bank.model import Attribute, Innovation
from recruit.domain.question_bank.schema import ANY_INNOVATION

VALUES_ATTRIBUTE = "values"

IMPACT_MISSING_VALUES = 100
IMPACT_TRUNCATED = 90
IMPACT_MISSING_SAFER_RECRUITMENT = 85
IMPACT_MISSING_ATTRIBUTE = 80
IMPACT_MISSING_PRINCIPLE = 60
IMPACT_MASCULINE_CODED = 50
IMPACT_SLIGHTLY_MASCULINE = 45
IMPACT_MASCULINE_WORD = 42
IMPACT_LENGTH = 40
IMPACT_READING_EASE = 30
IMPACT_SENTENCE_LENGTH = 28
IMPACT_LONG_SENTENCE = 20
IMPACT_ACRONYM = 10

# Beyond a handful, one message per long sentence buries the rest of the list.
MAX_LONG_SENTENCE_SUGGESTIONS = 5
_EXAMPLE_PHRASES = 3


def build_suggestions(
    check: AdvertCheck,
    *,
    lexicon: AdvertLexicon,
    innovation: Innovation,
    attributes: Sequence[Attribute],
) -> tuple[Suggestion, ...]:
    found = [
        *_truncation(check),
        *_safer_recruitment(check),
        *_attributes(check, lexicon, innovation, attributes),
        *_principles(check, innovation),
        *_gender(check),
        *_length(check),
        *_readability(check),
        *_acronyms(check),
    ]
    return tuple(sorted(found, key=lambda suggestion: -suggestion.impact))


def _truncation(check: AdvertCheck) -> Iterable[Suggestion]:
    if check.truncated:
        yield Suggestion(
            IMPACT_TRUNCATED,
            f"Only the first {MAX_ANALYSED_CHARS:,} characters were checked: an advert should "
            "be far shorter. Paste the advert alone, without other documents.",
            "length",
        )


def _safer_recruitment(check: AdvertCheck) -> Iterable[Suggestion]:
    for statement in check.safer_recruitment:
        if not statement.found:
            yield Suggestion(
                IMPACT_MISSING_SAFER_RECRUITMENT,
                f"Safer recruitment: {statement.fix}",
                "safer_recruitment",
            )


def _attributes(
    check: AdvertCheck,
    lexicon: AdvertLexicon,
    innovation: Innovation,
    attributes: Sequence[Attribute],
) -> Iterable[Suggestion]:
    by_key = {attribute.key: attribute for attribute in attributes}
    found = {item.key: item.phrases for item in check.attribute_coverage}
    for key in check.missing_attributes:
        examples = _quoted(_example_phrases(lexicon.attribute_phrases.get(key, ())))
        if key == VALUES_ATTRIBUTE:
            message = _values_message(innovation, examples)
        else:
            message = (
                f"Show the attribute '{by_key[key].name}': say what the postholder will do "
                f"about it, in words such as {examples}."
            )
        if found.get(key):
            message += f" One phrase ({_quoted(found[key])}) is not enough to show it."
        impact = IMPACT_MISSING_VALUES if key == VALUES_ATTRIBUTE else IMPACT_MISSING_ATTRIBUTE
        yield Suggestion(impact, message, "values" if key == VALUES_ATTRIBUTE else "attribute")


def _values_message(innovation: Innovation, examples: str) -> str:
    value = f", for example: '{_as_sentence(innovation.values[0])}'" if innovation.values else "."
    return (
        f"Say how the role lives the values{value} Values-driven leadership is the "
        "foundation of the other four attributes, yet the advert does not show it: describe "
        f"the values the postholder will lead by, in words such as {examples}."
    )


def _as_sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _principles(check: AdvertCheck, innovation: Innovation) -> Iterable[Suggestion]:
    owner = "the shared" if innovation.key == ANY_INNOVATION else f"{innovation.name}'s"
    for principle in check.innovation_principles:
        if not principle.found:
            source = next(item for item in innovation.core_principles if item.key == principle.key)
            yield Suggestion(
                IMPACT_MISSING_PRINCIPLE,
                f"Name {owner} principle '{principle.name}', for example with "
                f"{_quoted(source.phrases[:_EXAMPLE_PHRASES])}, so applicants can judge "
                "their fit with the model.",
                "innovation",
            )


def _gender(check: AdvertCheck) -> Iterable[Suggestion]:
    """The overall lean when there is one, and every masculine-coded word the sector's own
    terms do not excuse, whatever the lean: feminine-coded words elsewhere do not make
    "aggressive" or "drives performance hard" read well."""
    gender = check.gender
    if gender.verdict in (MASCULINE, SLIGHTLY_MASCULINE):
        yield Suggestion(
            IMPACT_MASCULINE_CODED if gender.verdict == MASCULINE else IMPACT_SLIGHTLY_MASCULINE,
            f"The wording reads as {gender.verdict}: {gender.masculine_count} masculine-coded "
            f"and {gender.feminine_count} feminine-coded words, "
            f"{gender.net_masculine_per_1000:g} more masculine per 1,000 words. Such wording "
            "makes a job less appealing to women (Gaucher, Friesen & Kay 2011): rework the "
            "highlighted words.",
            "gender",
        )
    for word in _first_of_each_stem(gender.masculine):
        yield Suggestion(
            IMPACT_MASCULINE_WORD,
            f"'{word.word}' is masculine-coded: {word.suggestion or GENERAL_SUGGESTION}",
            "gender",
        )


def _first_of_each_stem(words: Iterable[CodedWord]) -> Iterable[CodedWord]:
    firsts: dict[str, CodedWord] = {}
    for word in words:
        firsts.setdefault(word.stem, word)
    return firsts.values()


def _length(check: AdvertCheck) -> Iterable[Suggestion]:
    length = check.length
    if length.status == TOO_SHORT:
        yield Suggestion(
            IMPACT_LENGTH,
            f"At {length.word_count} words the advert is short of the {length.minimum} to "
            f"{length.maximum} word target: say more about the values, the model and how the "
            "postholder will work with families, staff, partners and politicians.",
            "length",
        )
    elif length.status == TOO_LONG:
        yield Suggestion(
            IMPACT_LENGTH,
            f"At {length.word_count} words the advert is over the {length.maximum}-word "
            "target: move detail to the job description and keep the values and the model.",
            "length",
        )


def _readability(check: AdvertCheck) -> Iterable[Suggestion]:
    readability = check.readability
    if not readability.flesch_ok:
        yield Suggestion(
            IMPACT_READING_EASE,
            f"Reading ease is {readability.flesch_reading_ease:g} (aim for "
            f"{readability.flesch_target:g} or more): use shorter sentences and everyday "
            "words in place of long ones.",
            "readability",
        )
    if not readability.sentence_length_ok:
        yield Suggestion(
            IMPACT_SENTENCE_LENGTH,
            f"Sentences average {readability.average_sentence_length:g} words (aim for "
            f"{readability.sentence_length_target:g} or fewer): split the longest ones.",
            "readability",
        )
    for sentence in readability.long_sentences[:MAX_LONG_SENTENCE_SUGGESTIONS]:
        opening = " ".join(sentence.text.split()[:8])
        yield Suggestion(
            IMPACT_LONG_SENTENCE,
            f"Split the {sentence.word_count}-word sentence that starts '{opening}...'.",
            "long_sentence",
        )


def _acronyms(check: AdvertCheck) -> Iterable[Suggestion]:
    for item in check.unexplained_acronyms:
        yield Suggestion(
            IMPACT_ACRONYM,
            f"Explain {item.acronym} the first time you use it: write "
            f"'{item.term} ({item.acronym})'.",
            "acronym",
        )


def _example_phrases(phrases: Sequence[str]) -> Sequence[str]:
    # Phrases of several words ("moral purpose") show the idea better than single words.
    longer = [phrase for phrase in phrases if " " in phrase]
    return (longer or list(phrases))[:_EXAMPLE_PHRASES]


def _quoted(phrases: Sequence[str]) -> str:
    quoted = [f"'{phrase}'" for phrase in phrases]
    if not quoted:
        return "your own"
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
