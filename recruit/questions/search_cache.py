"""Question bank search results, kept per bank so a repeated search costs no work.

A search result depends only on the bank and the filters (recruit/domain/question_bank/search.py
is pure), and ``current_bank`` builds a new QuestionBank object whenever the bank's revision
changes. So results are kept against the bank object they came from and all are dropped the
first time another bank is searched: a result from an older bank is never served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import cast

from recruit.domain.question_bank import QuestionBank
from recruit.domain.question_bank.search import (
    QuestionFilters,
    SearchResult,
    facet_options,
    normalised,
    search_questions,
)

# Enough for the searches people repeat between bank changes; each holds only references
# to the bank's questions and a few dozen counts.
MAX_KEPT_SEARCHES = 256


class SearchResults:
    """The most recently used searches of one bank, safe to share between threads."""

    def __init__(self, max_kept: int = MAX_KEPT_SEARCHES) -> None:
        self._max_kept = max_kept
        self._lock = threading.Lock()
        self._bank: QuestionBank | None = None
        self._kept: OrderedDict[QuestionFilters, SearchResult] = OrderedDict()

    def search(self, bank: QuestionBank, filters: QuestionFilters) -> SearchResult:
        """What ``search_questions`` gives for ``filters`` over the whole ``bank``."""
        key = normalised(filters)
        with self._lock:
            if self._bank is not bank:
                self._bank = bank
                self._kept.clear()
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
                return kept
        # Searched outside the lock: a slow search must not hold up the others.
        # search_questions only reads the options, so lists serve where it asks for iterables.
        options = cast(dict[str, Iterable[str]], facet_options(bank))
        result = search_questions(bank.questions, key, options)
        with self._lock:
            if self._bank is bank:
                self._kept[key] = result
                if len(self._kept) > self._max_kept:
                    self._kept.popitem(last=False)
        return result


_results = SearchResults()


def search_bank(bank: QuestionBank, filters: QuestionFilters) -> SearchResult:
    return _results.search(bank, filters)
