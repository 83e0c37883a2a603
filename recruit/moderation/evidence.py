"""What the wash-up shows for one candidate: every counted member's score and evidence note
on each question, attribute by attribute, and the red flags the panel must discuss.

Read only from the consolidated ``StageOutcome``: its scores are the counted ones
(``counted_scores_statement``: submitted, not set aside, not from a member with a conflict),
and a stage is only consolidated once its moderation is open, so no one sees a member's
score or note here before then.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from recruit.domain.scoring import red_flags
from recruit.domain.scoring.model import QuestionScore
from recruit.results import sheets
from recruit.results.consolidation import StageOutcome

# Long enough to tell a stage's questions apart; the full wording is in the packs.
SHORT_QUESTION_LENGTH = 90
FIRST_SENTENCE = re.compile(r"(.+?[.?])(?:\s|$)")


@dataclass(frozen=True)
class EvidenceRow:
    """One member's score on one question. ``score`` None is "No evidence"."""

    member: str
    question: str
    score: int | None
    evidence: str
    red_flag: bool


@dataclass(frozen=True)
class CandidateEvidence:
    """``rows`` by attribute key (members in panel order, chair first, then questions in
    plan order); ``red_flags`` the rows that raise a red flag, in the same order."""

    rows: Mapping[str, tuple[EvidenceRow, ...]]
    red_flags: tuple[EvidenceRow, ...]

    def for_attribute(self, key: str) -> tuple[EvidenceRow, ...]:
        return self.rows.get(key, ())


def candidate_evidence(outcome: StageOutcome, code: str) -> CandidateEvidence:
    """The counted scores and notes for the candidate with ``code``, ready to show."""
    flagged = {(s.member, s.question_id) for s in red_flags(outcome.scores).get(code, ())}
    questions = _short_questions(outcome)
    seat_order = {str(seat.id): n for n, seat in enumerate(sheets.scoring_seats(outcome.stage))}
    scores = sorted(
        (score for score in outcome.scores.scores if score.candidate == code),
        key=lambda s: (
            seat_order.get(s.member, len(seat_order)),
            questions.get(s.question_id, (0, ""))[0],
        ),
    )
    rows: dict[str, list[EvidenceRow]] = {}
    for score in scores:
        row = _row(outcome, questions, score, (score.member, score.question_id) in flagged)
        rows.setdefault(score.attribute, []).append(row)
    return CandidateEvidence(
        rows={key: tuple(found) for key, found in rows.items()},
        red_flags=tuple(row for found in rows.values() for row in found if row.red_flag),
    )


def _row(
    outcome: StageOutcome,
    questions: Mapping[str, tuple[int, str]],
    score: QuestionScore,
    red_flag: bool,
) -> EvidenceRow:
    number, text = questions.get(score.question_id, (0, ""))
    return EvidenceRow(
        member=_member_name(outcome, score.member),
        question=f"Q{number}: {text}" if number else text,
        score=score.score,
        evidence=score.evidence,
        red_flag=red_flag,
    )


def _short_questions(outcome: StageOutcome) -> dict[str, tuple[int, str]]:
    """Plan item id (as the scores name it) -> its number on the sheet and short text."""
    return {
        str(item.id): (number, short_question(str((item.frozen_content or {}).get("question", ""))))
        for number, item in enumerate(outcome.stage.items, 1)
    }


def short_question(text: str, limit: int = SHORT_QUESTION_LENGTH) -> str:
    """The question's first sentence, cut at a word to ``limit`` characters."""
    words = " ".join(text.split())
    sentence = FIRST_SENTENCE.match(words)
    first = sentence.group(1) if sentence else words
    if len(first) <= limit:
        return first
    return first[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


@dataclass(frozen=True)
class RedFlagRecord:
    """A candidate's red flags at the stage and what the panel recorded about them.

    ``raised_by`` names each score that raises one ("Priya Chair scored 1 on Q1"); it is empty
    when a discussion was saved but no flag stands now (the score that raised it no longer
    counts), so the record still shows what the panel said.
    """

    code: str
    raised_by: tuple[str, ...]
    discussion: str | None


def stage_red_flags(outcome: StageOutcome) -> list[RedFlagRecord]:
    """Every candidate with a red flag or a saved red-flag discussion, in rank order."""
    flags = red_flags(outcome.scores)
    numbers = {key: number for key, (number, _text) in _short_questions(outcome).items()}
    notes = {row.candidate_id: row.red_flag_discussion for row in outcome.decision_rows}
    records = []
    for result in outcome.result.candidates:
        discussion = notes.get(outcome.candidates[result.candidate].id)
        raised = tuple(
            f"{_member_name(outcome, s.member)} scored {s.score} on Q{numbers.get(s.question_id)}"
            for s in flags.get(result.candidate, ())
        )
        if raised or discussion:
            records.append(RedFlagRecord(result.candidate, raised, discussion))
    return records


def _member_name(outcome: StageOutcome, member: str) -> str:
    seat = outcome.seats.get(member)
    return seat.user.full_name if seat is not None else "A former panel member"
