"""What the panel scoring summary shows: plain frozen values a web layer fills from the database.

The consolidated figures come as they are from the scoring rules (``StageResult`` and
``CandidateResult`` in ``recruit.domain.scoring.model``), keyed by the caller's stable
strings: attribute keys, candidate keys and member keys. Everything else here is what a
person reads: labels for those keys, the moderation record, evidence notes and the method.

Strings are shown as given (after cleaning), so pass candidate labels that the reader of the
summary may see: names, or codes such as "C-01" while the vacancy is anonymised. Times may be
naive (taken as UK local time) or timezone-aware (shown in UK local time).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from recruit.domain.scoring.model import CandidateResult, StageResult


@dataclass(frozen=True)
class ScaleLevel:
    """One point of the 1 to 5 scale as the panel was told it, e.g. (3, "Sound", "Clear...")."""

    score: int
    label: str
    description: str


@dataclass(frozen=True)
class MethodNote:
    """How the figures were worked out, for the method note at the front.

    ``scale``: the five levels, lowest first. ``no_evidence``: what "No evidence" means.
    ``floor_rule``: the values floor in words; empty to describe each stage's ``ValuesFloor``.
    ``combination``: how stage totals make the overall total; empty for the standard text.
    ``stage_weights``: stage name -> percent of the overall total, when stages are weighted.
    Each stage's attribute weights are not repeated here: they come from its ``StageResult``,
    which holds the weights the rules actually applied.
    """

    scale: tuple[ScaleLevel, ...]
    no_evidence: str = ""
    floor_rule: str = ""
    combination: str = ""
    stage_weights: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class EvidenceNote:
    """One member's note on one question, as submitted.

    ``member``: the member's label as shown (e.g. "Cllr Ruth Owen"). ``score``: 1 to 5, or
    None for "No evidence". ``question``: a short label such as "Question 2", or empty.
    """

    member: str
    score: int | None
    note: str
    question: str = ""


@dataclass(frozen=True)
class AgreedScore:
    """One attribute score the panel agreed at moderation, with who set it, when and why.

    ``attribute``: the attribute key. ``formula_value``: the panel mean before moderation
    (None if there was none). ``agreed_value``: the score agreed. ``by``: a person's label.
    """

    attribute: str
    formula_value: float | None
    agreed_value: float
    rationale: str
    by: str
    at: datetime.datetime


@dataclass(frozen=True)
class CandidateModeration:
    """The moderation record for one candidate at one stage.

    ``agreed_scores``: every agreed score, in the order they were recorded (a later change to
    the same attribute is a new entry, so the history shows). ``outcome_reasons``: why the
    panel reached its outcome. ``override_reason`` is on the ``CandidateResult``; the person
    and time of the outcome are ``decided_by`` and ``decided_at`` (empty and None if unknown).
    """

    agreed_scores: tuple[AgreedScore, ...] = ()
    outcome_reasons: str = ""
    decided_by: str = ""
    decided_at: datetime.datetime | None = None


@dataclass(frozen=True)
class StageSummary:
    """One stage: its consolidated result and what people recorded around it.

    ``name``: the stage's name, e.g. "Final panel interview". ``result``: from the scoring
    rules. ``member_labels``: member key -> label shown, for the agreement figures.
    ``moderation``: candidate key -> record; a candidate with none shows "no changes".
    ``evidence``: (candidate key, attribute key) -> every note on that attribute's questions.
    ``held_on``: the stage date. ``opened_at``/``closed_at``: when moderation opened and
    closed (None if not yet); ``closed_by``: who closed it.
    """

    name: str
    result: StageResult
    member_labels: Mapping[str, str]
    moderation: Mapping[str, CandidateModeration] = field(default_factory=dict)
    evidence: Mapping[tuple[str, str], tuple[EvidenceNote, ...]] = field(default_factory=dict)
    held_on: datetime.date | None = None
    opened_at: datetime.datetime | None = None
    closed_at: datetime.datetime | None = None
    closed_by: str = ""


@dataclass(frozen=True)
class SignOff:
    """A person who signs (the signature and date are left blank to fill by hand), or an
    adviser listed beside those who sign. ``councillor`` and ``executive_member`` say
    whether they are an elected member, and one on the executive (cabinet): for a chief
    officer the standing orders ask for members to decide, one at least on the executive.
    """

    name: str
    role: str
    councillor: bool = False
    executive_member: bool = False


@dataclass(frozen=True)
class SummaryContext:
    """Everything the panel scoring summary shows.

    ``attribute_names``: attribute key -> full name, in display order (values first); every
    table and chart follows this order, and results for attributes not listed are left out.
    ``attribute_short_names``: key -> short name for tables and chart axes (the full name
    where missing); the method note lists both. ``candidate_labels``: candidate key -> label
    shown, e.g. "Sam Patel (C-01)" or "C-01". ``overall``: results across stages in rank
    order, or None to leave the section out. ``sign_off``: the people who sign; with none,
    blank rows are printed to fill in by hand. ``advisers``: the officers who advised a
    panel (HR, the Chief Executive, an external adviser), listed apart with no signature:
    they do not decide. ``generated_on`` goes in the footer.
    """

    organisation_name: str
    vacancy_title: str
    vacancy_reference: str
    generated_on: datetime.date
    attribute_names: Mapping[str, str]
    candidate_labels: Mapping[str, str]
    method: MethodNote
    stages: tuple[StageSummary, ...]
    overall: tuple[CandidateResult, ...] | None = None
    attribute_short_names: Mapping[str, str] = field(default_factory=dict)
    sign_off: tuple[SignOff, ...] = ()
    advisers: tuple[SignOff, ...] = ()

    def short_name(self, attribute: str) -> str:
        short = self.attribute_short_names.get(attribute, "")
        return short if short.strip() else self.attribute_names.get(attribute, attribute)

    def candidate_label(self, candidate: str) -> str:
        label = self.candidate_labels.get(candidate, "")
        return label if label.strip() else candidate
