"""Readability and length of an advert, against targets for a senior public-sector post."""

from __future__ import annotations

import re

import textstat

from recruit.domain.adverts.check.model import LengthCheck, LongSentence, Readability
from recruit.domain.adverts.check.text import Sentence

# Flesch reading ease of 50 or more is "fairly difficult" at worst: a plain-English
# target that still allows the sector's necessary terms.
FLESCH_TARGET = 50.0
# Plain-English guidance puts the average sentence at 15-20 words.
SENTENCE_LENGTH_TARGET = 20.0
LONG_SENTENCE_WORDS = 30
# Long enough to say what the role and the model are, short enough to be read in full.
# The ceiling was 700 before every advert carried its safer recruitment statements (about
# 100 words, and required): it allows for them without cutting the rest.
MIN_ADVERT_WORDS = 300
MAX_ADVERT_WORDS = 800

TOO_SHORT = "too_short"
LENGTH_OK = "ok"
TOO_LONG = "too_long"

_TERMINATORS = (".", "!", "?", "\u2026")
_LONGEST_WORD = 45  # pneumonoultramicroscopicsilicovolcanoconiosis
_OVERLONG_WORD = re.compile(rf"[^\W_]{{{_LONGEST_WORD + 1},}}")


def assess_readability(text: str, sentences: tuple[Sentence, ...]) -> Readability:
    words = sum(sentence.word_count for sentence in sentences)
    return Readability(
        flesch_reading_ease=_flesch(text, sentences) if words else None,
        average_sentence_length=round(words / len(sentences), 1) if sentences else None,
        flesch_target=FLESCH_TARGET,
        sentence_length_target=SENTENCE_LENGTH_TARGET,
        long_sentence_words=LONG_SENTENCE_WORDS,
        long_sentences=tuple(
            LongSentence(item.start, item.end, item.word_count, text[item.start : item.end])
            for item in sentences
            if item.word_count > LONG_SENTENCE_WORDS
        ),
    )


def assess_length(word_count: int) -> LengthCheck:
    if word_count < MIN_ADVERT_WORDS:
        status = TOO_SHORT
    elif word_count > MAX_ADVERT_WORDS:
        status = TOO_LONG
    else:
        status = LENGTH_OK
    return LengthCheck(word_count, MIN_ADVERT_WORDS, MAX_ADVERT_WORDS, status)


def _flesch(text: str, sentences: tuple[Sentence, ...]) -> float:
    # textstat ends sentences only at . ! ?, so a list of bullets without full stops would
    # count as one huge sentence. It is given our sentences, each with an ending.
    marked = " ".join(_with_ending(text[item.start : item.end]) for item in sentences)
    # Syllable counting costs about 10 microseconds a letter, so a pasted run of 50,000
    # letters with no spaces would take half a second; no English word is that long.
    marked = _OVERLONG_WORD.sub(lambda match: match.group()[:_LONGEST_WORD], marked)
    return round(float(textstat.flesch_reading_ease(marked)), 1)


def _with_ending(sentence: str) -> str:
    return sentence if sentence.rstrip("\"')]").endswith(_TERMINATORS) else sentence + "."
