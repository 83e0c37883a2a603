"""Both sides of the evidence on a compared candidate: what the panel heard at its best
and what concerned it, so a reader never sees only the case for.

Rules, per candidate and attribute:

* Strongest evidence: notes behind scores of Sound (3) or better, highest first, then the
  longer note (it usually says more), then member and question; up to ``limit``.
* Main concerns: notes behind scores of Limited (2) or below, lowest first, then notes
  where the member asked and heard "No evidence"; up to ``limit``. A note never appears
  on both sides.
* Beside them, per candidate: each red flag raised on values and what the panel recorded
  when it discussed it, and each advisory panel's concerns in its own words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# A score at or below this is a concern; at or above the next, evidence in favour.
CONCERN_SCORE = 2
NOTES_PER_SIDE = 2


@dataclass(frozen=True)
class Note:
    """One member's written note on one answer. ``score``: 1 to 5, or None for "No
    evidence". ``stage``: the stage's name; ``question``: e.g. "Question 2"."""

    member: str
    score: int | None
    text: str
    stage: str = ""
    question: str = ""


@dataclass(frozen=True)
class AttributeEvidence:
    attribute: str
    strongest: tuple[Note, ...]
    concerns: tuple[Note, ...]


@dataclass(frozen=True)
class RedFlag:
    """A red flag on values at a stage: the scores that raised it (empty when a discussion
    was saved but the score no longer counts) and the panel's recorded discussion."""

    stage: str
    raised_by: tuple[str, ...]
    discussion: str


@dataclass(frozen=True)
class AdvisoryConcern:
    """An advisory panel's concerns about the candidate, in its own words."""

    stage: str
    concerns: str
    traffic_light: str = ""


@dataclass(frozen=True)
class CandidateEvidence:
    candidate: str
    attributes: tuple[AttributeEvidence, ...]
    red_flags: tuple[RedFlag, ...] = ()
    advisory_concerns: tuple[AdvisoryConcern, ...] = ()

    def attribute(self, key: str) -> AttributeEvidence:
        found = next((a for a in self.attributes if a.attribute == key), None)
        return found if found is not None else AttributeEvidence(key, (), ())

    @property
    def has_concerns(self) -> bool:
        return bool(
            self.red_flags or self.advisory_concerns or any(a.concerns for a in self.attributes)
        )


def both_sides(
    notes: Mapping[str, Sequence[Note]],
    attributes: Iterable[str],
    limit: int = NOTES_PER_SIDE,
) -> tuple[AttributeEvidence, ...]:
    """Per attribute (in the order given), the strongest evidence and the main concerns
    among ``notes`` (attribute key -> one candidate's notes)."""
    return tuple(
        AttributeEvidence(
            key, strongest(notes.get(key, ()), limit), concerns(notes.get(key, ()), limit)
        )
        for key in attributes
    )


def strongest(notes: Iterable[Note], limit: int = NOTES_PER_SIDE) -> tuple[Note, ...]:
    found = [n for n in notes if n.score is not None and n.score > CONCERN_SCORE and n.text.strip()]
    found.sort(key=lambda n: (-(n.score or 0), -len(n.text.strip()), n.member, n.question))
    return tuple(found[:limit])


def concerns(notes: Iterable[Note], limit: int = NOTES_PER_SIDE) -> tuple[Note, ...]:
    written = [n for n in notes if n.text.strip()]
    low = [n for n in written if n.score is not None and n.score <= CONCERN_SCORE]
    low.sort(key=lambda n: (n.score or 0, -len(n.text.strip()), n.member, n.question))
    unheard = [n for n in written if n.score is None]
    unheard.sort(key=lambda n: (-len(n.text.strip()), n.member, n.question))
    return tuple([*low, *unheard][:limit])
