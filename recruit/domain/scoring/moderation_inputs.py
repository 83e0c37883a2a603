"""What a moderation record was made on, so a later change to it cannot pass unnoticed.

A candidate's record (agreed scores and outcome) is argued from the scores that counted
for them when it was saved. If that set changes afterwards (a member declares a conflict
and their sheet is set aside, HR sets a stood-down member's sheets aside, moderation is
reopened on different figures), the record is flagged until the chair confirms it again.
The digest covers who scored which question and what they gave, not the notes: the
retention purge blanks notes and must not flag every record it touches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from recruit.domain.scoring.model import QuestionScore


def inputs_digest(scores: Iterable[QuestionScore], candidate: str) -> str:
    """A stable digest of the scores that count for ``candidate``, in any order."""
    counted = sorted(
        (score.member, score.question_id, "-" if score.score is None else str(score.score))
        for score in scores
        if score.candidate == candidate
    )
    text = "\n".join("\t".join(fields) for fields in counted)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digests_by_candidate(scores: Iterable[QuestionScore]) -> dict[str, str]:
    """``inputs_digest`` for every candidate with a counted score, in one pass."""
    grouped: dict[str, list[QuestionScore]] = {}
    for score in scores:
        grouped.setdefault(score.candidate, []).append(score)
    return {code: inputs_digest(rows, code) for code, rows in grouped.items()}


def inputs_changed(recorded: str | None, current: str) -> bool:
    """True when a record's inputs differ from today's. A record saved before digests were
    kept (``None``) cannot be judged, and is not flagged."""
    return recorded is not None and recorded != current
