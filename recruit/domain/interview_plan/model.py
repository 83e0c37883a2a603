"""The values an interview plan is made of: the stage types, a question as placed in a plan,
one stage's plan, and the findings the coverage check reports, with the minutes each plan
adds up to.

Frozen values only; ``recruit.domain.interview_plan`` re-exports every public name here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from recruit.domain.question_bank.model import Question
from recruit.domain.question_bank.schema import ANY_INNOVATION
from recruit.domain.question_bank.schema import SAFEGUARDING_TAG as SAFEGUARDING_TAG

STAGE_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "shortlisting": "Shortlisting",
        "stakeholder_panel": "Stakeholder panel",
        "young_peoples_panel": "Young people's panel",
        "presentation": "Presentation",
        "final_panel": "Final panel",
        "elected_member_panel": "Elected-member appointment panel",
    }
)

YOUNG_PEOPLES_PANEL = "young_peoples_panel"
VALUES = "values"
# SAFEGUARDING_TAG (from the question bank's schema) marks questions on motivation to work
# with children, attitudes to safeguarding, professional boundaries and whistleblowing:
# safer recruitment asks that the interview covers them, so some stage of every vacancy must
# ask one.

Severity = Literal["warning", "problem"]

# Coverage findings come out in this order: gaps across the whole plan first, then time,
# then individual questions, then the weights of each stage.
FINDING_KINDS: tuple[str, ...] = (
    "attribute_not_covered",
    "no_safeguarding_question",
    "over_time",
    "repeated_question",
    "wrong_role_level",
    "wrong_innovation",
    "no_young_people_variant",
    "retired_question",
    "weighted_not_asked",
    "asked_not_weighted",
)


@dataclass(frozen=True)
class PlannedQuestion:
    """A bank question as placed in a plan, with the facts the coverage check needs."""

    question_id: str
    attribute: str
    minutes: int
    role_levels: tuple[str, ...]
    innovations: tuple[str, ...]
    has_young_people_variant: bool
    is_active: bool = True
    tags: tuple[str, ...] = ()
    # How people know it: the question's opening words, or an exercise's title. Empty: the
    # findings fall back to the id.
    title: str = ""

    def suits_innovation(self, innovation: str) -> bool:
        return ANY_INNOVATION in self.innovations or innovation in self.innovations

    @property
    def label(self) -> str:
        """How a finding names it: "“Tell us about a time you…”", else its id."""
        return f"\u201c{self.title}\u201d" if self.title else self.question_id


TITLE_WORDS = 8


def opening_words(text: str, count: int = TITLE_WORDS) -> str:
    """The first ``count`` words, with an ellipsis if there were more."""
    words = text.split()
    return " ".join(words[:count]) + ("\u2026" if len(words) > count else "")


def planned_question_from(question: Question, minutes: int | None = None) -> PlannedQuestion:
    """The bank question for a plan; ``minutes`` overrides the bank's suggested time."""
    return PlannedQuestion(
        question_id=question.id,
        attribute=question.attribute,
        minutes=question.minutes if minutes is None else minutes,
        role_levels=question.role_levels,
        innovations=question.innovations,
        has_young_people_variant=question.young_people_variant is not None,
        is_active=question.is_active,
        tags=question.tags,
        title=opening_words(question.question),
    )


@dataclass(frozen=True)
class StagePlan:
    """One stage's questions in the order asked, its slot length and its attribute weights.

    ``duration_minutes`` is None when the stage has no fixed slot (shortlisting, say).
    """

    name: str
    stage_type: str
    duration_minutes: int | None
    questions: tuple[PlannedQuestion, ...]
    weights: Mapping[str, float]
    # A young people's panel's activities: timed in the slot, never scored.
    activity_minutes: int = 0


@dataclass(frozen=True)
class Finding:
    """One thing the chair should look at. A "problem" leaves an attribute without a score
    (so candidates cannot be compared on it, and the values floor cannot apply) or leaves
    safeguarding out of the interview; everything else is a "warning" that the plan may be
    unfair or will not fit."""

    kind: str
    severity: Severity
    message: str
    stage: str | None = None
    question_id: str | None = None
    attribute: str | None = None


# --- time ------------------------------------------------------------------------------------


def planned_minutes(plan: StagePlan) -> int:
    """The slot's planned time: its questions and exercises, and any activities."""
    return sum(question.minutes for question in plan.questions) + plan.activity_minutes


def attribute_minutes(plan: StagePlan) -> dict[str, int]:
    """Minutes of questions per attribute: every weighted attribute (0 if unasked), then
    any other attribute the stage asks about, in the order first asked."""
    totals = {attribute: 0 for attribute in plan.weights}
    for question in plan.questions:
        totals[question.attribute] = totals.get(question.attribute, 0) + question.minutes
    return totals
