"""An advisory stage's report on a candidate, as the deciding panel reads it.

Advisory views are factored in, not averaged: the report carries the advisory panel's own
words (strengths, concerns, an optional traffic light) with, per attribute, the figure it
agreed at its own moderation (or its mean) and the evidence notes behind its highest
scores. None of it is ever added to the deciding stage's figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from recruit.domain.scoring import strongest_evidence
from recruit.domain.scoring.model import CandidateResult, QuestionScore

# Enough to show what the panel heard without reproducing the whole wash-up.
EVIDENCE_PER_ATTRIBUTE = 2


@dataclass(frozen=True)
class AttributeView:
    """The advisory panel's view on one attribute: ``agreed`` says whether ``figure`` is the
    score it agreed at moderation (True) or its members' mean (False); None: no score."""

    name: str
    figure: float | None
    agreed: bool
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class AdvisoryReportView:
    stage_name: str
    traffic_light: str | None  # the panel's words, e.g. "We would support this person"
    strengths: str
    concerns: str
    attributes: tuple[AttributeView, ...]
    # How many of the panel's members (those who score, not stood down, with no conflict
    # with the candidate) agreed the report as it reads now.
    agreed: int = 0
    members: int = 0

    @property
    def agreement_text(self) -> str:
        """'Agreed by all 3 of its members', or 'Agreed by 2 of its 3 members so far'."""
        if not self.members:
            return "No member of the panel could agree it (each declared a conflict)"
        if self.agreed >= self.members:
            if self.members == 1:
                return "Agreed by its one member"
            return f"Agreed by all {self.members} of its members"
        noun = "member" if self.members == 1 else "members"
        return f"Agreed by {self.agreed} of its {self.members} {noun} so far"


def attribute_views(
    result: CandidateResult,
    scores: Iterable[QuestionScore],
    names: Mapping[str, str],
    limit: int = EVIDENCE_PER_ATTRIBUTE,
) -> tuple[AttributeView, ...]:
    """Per attribute the stage assessed (in ``names`` order), its figure and best evidence."""
    counted = tuple(scores)
    by_key = {attribute.attribute: attribute for attribute in result.attributes}
    return tuple(
        AttributeView(
            name=name,
            figure=by_key[key].result,
            agreed=by_key[key].agreed is not None,
            evidence=tuple(
                score.evidence.strip()
                for score in strongest_evidence(counted, result.candidate, key, limit)
            ),
        )
        for key, name in names.items()
        if key in by_key and (by_key[key].count or by_key[key].agreed is not None)
    )
