"""Gender-coded wording (Gaucher, Friesen & Kay 2011), with children's services' own terms.

The open-source Gender Decoder counts every word that starts with one of the paper's stems
and calls an advert masculine-coded if it has even one more masculine word than feminine.
In this sector that misleads: "leadership", "decisions", "lead member", "Independent
Reviewing Officer" and "children" are all on its lists. So sector terms from the lexicon
are matched first and never counted, and the verdict weighs the difference by length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from recruit.domain.adverts.check.lexicon import AdvertLexicon, stem_of
from recruit.domain.adverts.check.model import CodedWord, GenderCoding
from recruit.domain.adverts.check.text import lower_in_place

NEUTRAL = "neutral"
SLIGHTLY_MASCULINE = "slightly masculine-coded"
MASCULINE = "masculine-coded"
SLIGHTLY_FEMININE = "slightly feminine-coded"
FEMININE = "feminine-coded"

# A single coded word is not a pattern: the verdict needs a net difference of at least two.
MIN_NET_CODED_WORDS = 2
# Rates for a text shorter than this are worked out as if it were this long, so that a
# three-line draft with two coded words is not called strongly coded.
MIN_WORDS_FOR_RATE = 100
SLIGHT_NET_PER_1000 = 5.0
STRONG_NET_PER_1000 = 15.0

# For the few stems the lexicon has no alternative for yet ("opinion", "greedy"...).
GENERAL_SUGGESTION = (
    "Describe the behaviour you want in plain words, or say how the postholder will do it "
    "with others."
)


def assess_gender_coding(text: str, word_count: int, lexicon: AdvertLexicon) -> GenderCoding:
    exempt = _exception_spans(text, lexicon)
    masculine = tuple(
        CodedWord(word, stem, start, end, lexicon.suggestion_for(stem) or GENERAL_SUGGESTION)
        for word, stem, start, end in _coded_words(
            text, lexicon.masculine_pattern, lexicon.masculine_stems, exempt
        )
    )
    feminine = tuple(
        CodedWord(word, stem, start, end)
        for word, stem, start, end in _coded_words(
            text, lexicon.feminine_pattern, lexicon.feminine_stems, exempt
        )
    )
    return GenderCoding(
        masculine=masculine,
        feminine=feminine,
        masculine_per_1000=_per_1000(len(masculine), word_count),
        feminine_per_1000=_per_1000(len(feminine), word_count),
        net_masculine_per_1000=_net_rate(len(masculine) - len(feminine), word_count),
        verdict=gender_verdict(len(masculine), len(feminine), word_count),
    )


def gender_verdict(masculine: int, feminine: int, word_count: int) -> str:
    """The verdict from the counts of coded words left after sector exceptions.

    net = masculine - feminine, as the Gender Decoder scores it. Then:
      - |net| below 2 (MIN_NET_CODED_WORDS): "neutral", whatever the length;
      - rate = net per 1,000 words, counting a text under 100 words as 100 words long;
      - |rate| below 5 per 1,000: "neutral";
      - 5 up to 15 per 1,000: "slightly masculine-coded" / "slightly feminine-coded";
      - 15 per 1,000 or more: "masculine-coded" / "feminine-coded".
    So a 500-word advert needs 3 more masculine than feminine words to lean masculine and
    8 more to be masculine-coded, where the Decoder would call one extra word masculine.
    """
    net = masculine - feminine
    rate = abs(_net_rate(net, word_count))
    if abs(net) < MIN_NET_CODED_WORDS or rate < SLIGHT_NET_PER_1000:
        return NEUTRAL
    strong = rate >= STRONG_NET_PER_1000
    if net > 0:
        return MASCULINE if strong else SLIGHTLY_MASCULINE
    return FEMININE if strong else SLIGHTLY_FEMININE


def _net_rate(net: int, word_count: int) -> float:
    return round(net * 1000 / max(word_count, MIN_WORDS_FOR_RATE), 1)


def _per_1000(count: int, word_count: int) -> float:
    return round(count * 1000 / word_count, 1) if word_count else 0.0


def _exception_spans(text: str, lexicon: AdvertLexicon) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for _, start, end in lexicon.exception_matcher.matches(text):
        starts.append(start)
        ends.append(end)
    return starts, ends


def _is_exempt(position: int, exempt: tuple[list[int], list[int]]) -> bool:
    starts, ends = exempt
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < ends[index]


def _coded_words(
    text: str,
    pattern: re.Pattern[str],
    stems: tuple[str, ...],
    exempt: tuple[list[int], list[int]],
) -> Iterable[tuple[str, str, int, int]]:
    for match in pattern.finditer(lower_in_place(text)):
        if not _is_exempt(match.start(), exempt):
            yield text[match.start() : match.end()], stem_of(match.group(), stems), *match.span()
