"""Plain-text handling for the advert check: cleaning pasted text, words, sentences, phrases.

Every offset the check reports is an index into the text that ``prepare_advert_text``
returns, so highlights drawn on that text line up exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# About nine times the longest advert we aim for (800 words is roughly 5,500 characters):
# anything longer is not an advert, and capping keeps a pasted book from tying up a worker.
MAX_ANALYSED_CHARS = 50_000

_BULLET = "-"
_TRANSLATION: dict[int, str | None] = {
    **{code: None for code in (*range(0x00, 0x09), *range(0x0E, 0x20), 0xFFFE, 0xFFFF)},
    # Word writes a manual line break as \x0b and a page break as \x0c: keep them as breaks,
    # or the words either side would run together.
    0x0B: "\n",
    0x0C: "\n",
    ord("\r"): "\n",
    # Lone surrogates cannot be written as UTF-8, so JSON output would fail on them.
    **{code: None for code in range(0xD800, 0xE000)},
    # Invisible characters that split a word in two for matching: soft hyphen, zero-width.
    **{code: None for code in (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)},
    **{code: " " for code in (0x00A0, 0x2007, 0x202F)},
    **{ord(quote): "'" for quote in "\u2018\u2019\u201a\u201b\u2032"},
    **{ord(quote): '"' for quote in "\u201c\u201d\u201e\u201f\u2033"},
    # Word's bullets (the last two are Symbol and Wingdings glyphs pasted as private-use
    # characters) and its dashes all become a plain hyphen, one character for one.
    **{
        ord(mark): _BULLET
        for mark in "\u2022\u00b7\u25aa\u25e6\u2023\u2043\u25cf\u25a0\uf0b7\uf0a7"
    },
    **{ord(dash): "-" for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
}

WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
# A sentence ends at . ! ? or an ellipsis followed by a space (so "s.18" and "2.5" do not
# end one), and at every line break: adverts are pasted from Word, where a paragraph is one
# line, and a heading or bullet without a full stop is not part of the next sentence.
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"')\]]*(?=\s)|\n")
_LEADING_MARKS = " \t-*"
# Words of a phrase may be separated by spaces, hyphens or commas, never by the end of a
# sentence: "shared. Risk" is not "shared risk".
_PHRASE_SEPARATOR = r"[^\w.!?;:\u2026]+"
_PLURAL = "(?:e?s)?"
_WORDY = re.compile(r"\w")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    word_count: int


def prepare_advert_text(raw: str) -> tuple[str, bool]:
    """The text as the check reads it, and whether it was cut to ``MAX_ANALYSED_CHARS``.

    Cleaning never lengthens the text, so cutting the raw text first bounds the work.
    """
    text = raw[: MAX_ANALYSED_CHARS * 2].replace("\r\n", "\n").translate(_TRANSLATION)
    if len(text) <= MAX_ANALYSED_CHARS:
        return text, False
    cut = text.rfind(" ", MAX_ANALYSED_CHARS // 2, MAX_ANALYSED_CHARS)
    return text[: cut if cut > 0 else MAX_ANALYSED_CHARS], True


def count_words(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences that contain at least one word, trimmed of spaces and bullet marks."""
    sentences = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        sentences.append(_sentence(text, start, boundary.end()))
        start = boundary.end()
    sentences.append(_sentence(text, start, len(text)))
    return tuple(sentence for sentence in sentences if sentence.word_count)


def _sentence(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start] in _LEADING_MARKS:
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, count_words(text[start:end]))


def lower_in_place(text: str) -> str:
    """``text`` in lowercase with every character where it was, so offsets still apply.

    Only "İ" (capital I with a dot) lowercases to two characters.
    """
    return text.replace("\u0130", "i").lower()


def phrase_pattern(phrase: str, *, whole_word: bool) -> str:
    """A regular expression for a lexicon phrase, to search text made by ``lower_in_place``.

    The phrase starts at a word boundary (the caller adds it). A prefix phrase
    ("collaborat") matches any word that starts with it; a whole-word phrase also matches
    its plural ("lead members"). Earlier words may take an -s ("sticks with" for "stick
    with"), and an apostrophe may be left out ("childrens services").
    """
    words = [re.escape(word).replace("'", "'?") for word in re.findall(r"[\w']+", phrase.lower())]
    if not words:
        return "(?!)"
    body = _PHRASE_SEPARATOR.join(f"{word}{_PLURAL}" for word in words[:-1])
    last = words[-1] + (rf"{_PLURAL}(?!\w)" if whole_word else "")
    return f"{body}{_PHRASE_SEPARATOR}{last}" if body else last


@dataclass(frozen=True)
class PhraseMatcher:
    """Finds which of a list of phrases a text uses, in one pass over the text."""

    phrases: tuple[str, ...]
    # Both search text made by lower_in_place. ``finder`` has no groups, which makes it ten
    # times faster over a long text; ``namer`` then names the phrase at each match found.
    finder: re.Pattern[str] | None
    namer: re.Pattern[str] | None

    @classmethod
    def build(cls, phrases: Iterable[str], *, whole_word: bool = False) -> PhraseMatcher:
        unique = tuple(dict.fromkeys(phrase.lower() for phrase in phrases if _WORDY.search(phrase)))
        if not unique:
            return cls((), None, None)
        # Longest first, so "shared risk" is reported rather than the "risk" inside it.
        order = sorted(range(len(unique)), key=lambda index: -len(unique[index]))
        patterns = {index: phrase_pattern(unique[index], whole_word=whole_word) for index in order}
        # The boundary is checked once, before the branches, and the lookahead skips
        # punctuation at once instead of trying every branch there.
        finder = "|".join(patterns.values())
        namer = "|".join(f"(?P<p{index}>{pattern})" for index, pattern in patterns.items())
        return cls(
            unique, re.compile(rf"(?<!\w)(?=\w)(?:{finder})"), re.compile(rf"(?<!\w)(?:{namer})")
        )

    def matches(self, text: str) -> Iterable[tuple[str, int, int]]:
        """(phrase, start, end) for each non-overlapping use, in order."""
        if self.finder is None or self.namer is None:
            return
        lowered = lower_in_place(text)
        for match in self.finder.finditer(lowered):
            named = self.namer.match(lowered, match.start())
            group = named.lastgroup if named else None
            if group:
                yield self.phrases[int(group[1:])], match.start(), match.end()

    def phrases_found(self, text: str) -> tuple[str, ...]:
        """The distinct phrases used, in order of first use."""
        return tuple(dict.fromkeys(phrase for phrase, _, _ in self.matches(text)))
