"""What the DCS briefing pack shows: plain frozen values a web layer fills from the database.

The briefing pack is the shortlist comparison written up for the Director of Children's
Services, or for the appointing members when the post itself is being filled. The figures come
as they are from the comparison (``Comparison`` in ``recruit.domain.comparison.model``) and the
scoring rules (``Agreement`` in ``recruit.domain.scoring.model``), keyed by the caller's stable
strings: attribute keys, candidate keys and stage names. Everything else here is what a person
reads: labels for those keys, the moderation record, evidence notes and the method, reusing the
values the panel scoring summary takes (``scoring_summary_model``).

Strings are shown as given (after cleaning), so pass candidate labels that the reader of the
pack may see: names, or codes such as "C-01" while the vacancy is anonymised.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from recruit.domain.comparison.evidence import CandidateEvidence
from recruit.domain.comparison.model import Comparison
from recruit.domain.documents.scoring_summary.model import (
    CandidateModeration,
    MethodNote,
    SignOff,
)
from recruit.domain.scoring.advisory import AdvisoryReportView
from recruit.domain.scoring.model import Agreement, ValuesFloor

__all__ = [
    "AdvisoryReportView",
    "BriefingContext",
    "CandidateEvidence",
    "CandidateModeration",
    "DecisionSteps",
    "MethodNote",
    "ObjectionStep",
    "PreEmploymentChecks",
    "RecordedCheck",
    "SignOff",
    "StageAgreement",
]

# One stage's agreement figures: (stage name, as in ``Comparison.stages``; its agreement).
StageAgreement = tuple[str, Agreement]
# A deciding member and the day they confirmed the decision (None: not yet).
Confirmation = tuple[str, datetime.date | None]


@dataclass(frozen=True)
class ObjectionStep:
    """An executive member's objection and the panel's ruling on it: ``upheld`` is True for
    "material and well founded", False for not, None while the panel has not ruled."""

    objector: str
    received_on: datetime.date
    summary: str
    upheld: bool | None = None
    ruled_on: datetime.date | None = None
    ruling_reasons: str = ""


@dataclass(frozen=True)
class DecisionSteps:
    """The steps of the appointment decision as recorded, each with its day (None: not yet).

    ``members_appoint``: whether elected members appoint to the post (a chief or deputy chief
    officer); when not, the executive's notice and objections are not needed. ``recorded_on``,
    ``recorded_by``: the deciding panel's decision; ``appointed``: the candidate's label, empty
    for no appointment. ``confirmations``: each deciding member, in the sign-off's order,
    with the day they confirmed. ``executive_notified_on`` and ``objection_deadline``: the
    notice to every member of the executive and the last day to object.
    """

    members_appoint: bool
    recorded_on: datetime.date | None = None
    recorded_by: str = ""
    appointed: str = ""
    confirmations: tuple[Confirmation, ...] = ()
    executive_notified_on: datetime.date | None = None
    executive_notified_by: str = ""
    objection_deadline: datetime.date | None = None
    objections: tuple[ObjectionStep, ...] = ()
    offer_made_on: datetime.date | None = None
    offer_made_by: str = ""


@dataclass(frozen=True)
class RecordedCheck:
    """One pre-employment check as recorded in Recruit: labels as shown (``status`` e.g.
    "Satisfactory"), ``complete`` whether it counts as done, the day and who verified it."""

    check: str
    status: str
    complete: bool
    completed_on: datetime.date | None = None
    verified_by: str = ""


@dataclass(frozen=True)
class PreEmploymentChecks:
    """The appointed (or preferred) candidate's checks: ``candidate`` is their label."""

    candidate: str
    checks: tuple[RecordedCheck, ...] = ()


@dataclass(frozen=True)
class BriefingContext:
    """Everything the DCS briefing pack shows.

    ``organisation_name``: the council, shown in the header, the author property and the
    front table. ``vacancy_title`` and ``vacancy_reference``: the post being filled (the
    reference may be empty). ``generated_on``: the date printed on the front and in the footer.

    ``attribute_names``: attribute key -> full name, in display order (values first); every
    table and the chart follow this order, and attributes not listed are left out.
    ``attribute_short_names``: key -> short name for table columns and chart axes (the full
    name where missing). ``candidate_labels``: candidate key -> label shown, e.g.
    "Sam Patel (C-01)" or "C-01" (the key where missing).

    ``comparison``: the shortlist side by side; its candidates' order is the column order
    everywhere, and its ``stages`` order is the order stages are listed in.
    ``stage_agreements``: (stage name, ``Agreement``) for each stage whose agreement figures
    are shown, in the order shown. ``moderation``: candidate key -> stage name -> moderation
    record (a stage with none shows that the panel changed nothing). ``candidate_evidence``:
    candidate key -> both sides of the deciding panel's evidence (strongest and main
    concerns per attribute), red flags with the panel's recorded discussion, and advisory
    panels' concerns. ``advisory_reports``: candidate key -> the advisory panels' reports the
    reader may see, in stage order. ``method``: the scale and the wording of the method note
    (the panel summary's note).

    ``target_source``: who set the target levels and when, e.g. "Set by Cllr Sam Patel
    (Appointment panel) on 7 December 2026"; empty to use ``comparison.target.source``.
    ``values_floor``: the floor the stages applied, described in the method unless
    ``method.floor_rule`` gives its own wording; its ``attribute`` is the values attribute
    called out first against the target. ``sign_off``: the people who make the decision and sign
    for it (the appointing panel's members who score, or the DCS); with none, blank rows are
    printed to fill in by hand. ``advised_by``: the officers who advised them (HR, the Chief
    Executive, an external adviser), listed with no signature. ``steps``: the decision's
    recorded steps; None leaves the table out. ``checks``: the appointed or preferred
    candidate's pre-employment checks as recorded; None prints blank boxes to fill by hand.
    """

    organisation_name: str
    vacancy_title: str
    vacancy_reference: str
    generated_on: datetime.date
    attribute_names: Mapping[str, str]
    candidate_labels: Mapping[str, str]
    comparison: Comparison
    method: MethodNote
    attribute_short_names: Mapping[str, str] = field(default_factory=dict)
    stage_agreements: tuple[StageAgreement, ...] = ()
    moderation: Mapping[str, Mapping[str, CandidateModeration]] = field(default_factory=dict)
    candidate_evidence: Mapping[str, CandidateEvidence] = field(default_factory=dict)
    advisory_reports: Mapping[str, tuple[AdvisoryReportView, ...]] = field(default_factory=dict)
    target_source: str = ""
    values_floor: ValuesFloor = field(default_factory=ValuesFloor)
    sign_off: tuple[SignOff, ...] = ()
    advised_by: tuple[SignOff, ...] = ()
    steps: DecisionSteps | None = None
    checks: PreEmploymentChecks | None = None

    def short_name(self, attribute: str) -> str:
        short = self.attribute_short_names.get(attribute, "")
        return short if short.strip() else self.attribute_names.get(attribute, attribute)

    def candidate_label(self, candidate: str) -> str:
        label = self.candidate_labels.get(candidate, "")
        return label if label.strip() else candidate

    @property
    def values_attribute(self) -> str:
        return self.values_floor.attribute

    @property
    def target_description(self) -> str:
        """Where the target came from, or empty when no target is set or no source given."""
        target = self.comparison.target
        if target is None:
            return ""
        return self.target_source.strip() or target.source.strip()
