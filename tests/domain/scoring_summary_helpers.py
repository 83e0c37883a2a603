"""Shared fixtures for the panel scoring summary tests: results written out by hand, and
helpers that read the .docx back.

The stage results are written out by hand below rather than computed, so the tests do not
depend on the scoring rules: C-02 is first and moderated, C-01 second with a disagreement,
C-03 third and stopped by the values floor, with buy-in not assessed (for C-03 only, so the
attribute keeps its column and C-03 its flag).
"""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table

from recruit.domain.documents.scoring_summary.model import (
    AgreedScore,
    CandidateModeration,
    EvidenceNote,
    MethodNote,
    ScaleLevel,
    SignOff,
    StageSummary,
    SummaryContext,
)
from recruit.domain.documents.scoring_summary.word import build_scoring_summary
from recruit.domain.scoring.model import (
    Agreement,
    AlphaReading,
    AttributeResult,
    CandidateResult,
    Flag,
    MemberTendency,
    StageResult,
    ValuesFloor,
)
from tests.support.word import reopen

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "exports" / "summary-reference.docx"
ATTRIBUTES = {
    "values": "Leadership and change driven by values",
    "decisions": "Changing how decisions are made in the interests of children, young people "
    "and families",
    "practice-culture": "Changing practice and culture",
    "partnerships": "Creating successful partnerships",
    "buy-in": "Securing buy-in from corporate leaders and politicians",
}
SHORT_NAMES = {
    "values": "Values-driven", "decisions": "Decisions for families",
    "practice-culture": "Practice and culture", "partnerships": "Partnerships",
    "buy-in": "Political buy-in",
}  # fmt: skip
CANDIDATE_LABELS = {"C-01": "Sam Patel (C-01)", "C-02": "Ayesha Khan (C-02)", "C-03": "C-03"}
MEMBERS = {"m1": "Cllr Ruth Owen", "m2": "Dr Amir Khan", "m3": "Jo Bell", "m4": "Priya Shah"}
WEIGHTS = {"values": 0.4, "decisions": 0.15, "practice-culture": 0.15, "partnerships": 0.15,
           "buy-in": 0.15}  # fmt: skip
MODERATED_AT = datetime.datetime(2027, 1, 12, 14, 30, tzinfo=datetime.UTC)
SCALE = tuple(
    ScaleLevel(score, label, f"What a {score} sounds like.")
    for score, label in enumerate(
        ("Evidence against", "Limited", "Sound", "Strong", "Exceptional"), start=1
    )
)


# --- the results, by hand -----------------------------------------------------------------


def attribute(
    key: str, scores: tuple[float, ...], *, agreed: float | None = None, no_evidence: int = 0,
    flags: tuple[Flag, ...] = (),
) -> AttributeResult:  # fmt: skip
    if not scores:
        return AttributeResult(key, 0, no_evidence, None, None, None, None, None, agreed, flags)
    low, high = min(scores), max(scores)
    ordered, middle = sorted(scores), len(scores) // 2
    median = ordered[middle] if len(scores) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    mean = sum(scores) / len(scores)
    return AttributeResult(key, len(scores), no_evidence, mean, median, low, high, high - low,
                           agreed, flags)  # fmt: skip


def candidate_results() -> tuple[CandidateResult, ...]:
    first = CandidateResult(
        candidate="C-02",
        attributes=(
            attribute("values", (4, 4, 5, 4)),
            attribute("decisions", (4, 4, 3, 4)),
            attribute("practice-culture", (4, 3, 4, 4)),
            attribute("partnerships", (3, 3, 4, 3), agreed=4.0),
            attribute("buy-in", (4, 4, 4, 3)),
        ),
        formula_total=3.875, moderated_total=3.9875, floor_breached=False, floor_reasons=(),
        floor_overridden=False, override_reason=None, outcome="appointable", rank=1,
    )  # fmt: skip
    second = CandidateResult(
        candidate="C-01",
        attributes=(
            attribute("values", (4, 3, 4, 3)),
            attribute("decisions", (2, 4, 4, 3), flags=("disagreement",)),
            attribute("practice-culture", (3, 3, 3), no_evidence=1),
            attribute("partnerships", (3, 4, 3, 3)),
            attribute("buy-in", (3, 3, 3, 3)),
        ),
        formula_total=3.275, moderated_total=None, floor_breached=False, floor_reasons=(),
        floor_overridden=False, override_reason=None, outcome="reserve", rank=2,
    )  # fmt: skip
    third = CandidateResult(
        candidate="C-03",
        attributes=(
            attribute("values", (3, 2, 3, 2), flags=("values_floor",)),
            attribute("decisions", (4, 4, 4, 4)),
            attribute("practice-culture", (5, 4, 4, 5)),
            attribute("partnerships", (2,), no_evidence=3, flags=("mostly_no_evidence",)),
            attribute("buy-in", (), flags=("not_assessed",)),
        ),
        formula_total=3.05, moderated_total=None, floor_breached=True,
        floor_reasons=("Panel mean of 2.5 on Values-driven is below 3",), floor_overridden=False,
        override_reason=None, outcome="not_appointable", rank=3,
    )  # fmt: skip
    return first, second, third


def agreement() -> Agreement:
    per_attribute = {
        "values": AlphaReading(0.72, 12, 4, "Tentative agreement"),
        "decisions": AlphaReading(0.41, 12, 4, "Poor agreement: discuss before relying on it"),
        "practice-culture": AlphaReading(0.8, 11, 4, "Good agreement"),
        "partnerships": AlphaReading(None, 1, 2, "Too few paired scores to measure"),
    }
    tendencies = (
        MemberTendency("m1", 0.4, 18, "Scores about 0.4 higher than the other members"),
        MemberTendency("m2", -0.25, 18, "Scores about 0.3 lower than the other members"),
        MemberTendency("m3", 0.0, 17, "Scores in line with the other members"),
        MemberTendency("m4", None, 0, "Too few shared questions to compare"),
    )
    return Agreement(per_attribute, tendencies, members=3)


def evidence() -> dict[tuple[str, str], tuple[EvidenceNote, ...]]:
    return {
        ("C-02", "values"): (
            EvidenceNote("Cllr Ruth Owen", 4, "Spoke about fairness for care leavers."),
            EvidenceNote("Jo Bell", 5, "Moved budget to keep siblings together.", "Question 1"),
            EvidenceNote("Dr Amir Khan", 3, "Named a family she had learned from."),
            EvidenceNote("Priya Shah", None, "Ran out of time on the second question."),
        ),
        ("C-03", "values"): (EvidenceNote("Jo Bell", 2, "Talked only about targets."),),
    }


def moderation() -> dict[str, CandidateModeration]:
    change = AgreedScore(
        "partnerships", 3.25, 4.0, "Police partner confirmed the joint hub she set up.",
        "Sam Patel (chair)", MODERATED_AT,
    )  # fmt: skip
    return {
        "C-02": CandidateModeration(
            agreed_scores=(change,),
            outcome_reasons="Strongest values evidence; clear record of partnership work.",
            decided_by="Sam Patel (chair)",
            decided_at=MODERATED_AT,
        ),
        "C-03": CandidateModeration(outcome_reasons="The values floor applies."),
    }


def stage_summary(name: str = "Final panel interview", *, deciding: bool = True) -> StageSummary:
    return StageSummary(
        name=name,
        result=StageResult(
            name, candidate_results(), agreement, WEIGHTS, ValuesFloor(), deciding=deciding
        ),
        member_labels=MEMBERS,
        moderation=moderation(),
        evidence=evidence(),
        held_on=datetime.date(2027, 1, 12),
        opened_at=datetime.datetime(2027, 1, 12, 13, 0, tzinfo=datetime.UTC),
        closed_at=MODERATED_AT,
        closed_by="Sam Patel",
    )


def make_context(**changes: object) -> SummaryContext:
    context = SummaryContext(
        organisation_name="Testshire County Council",
        vacancy_title="Director of Children's Services",
        vacancy_reference="DCS-2027-01",
        generated_on=datetime.date(2027, 1, 14),
        attribute_names=ATTRIBUTES,
        candidate_labels=CANDIDATE_LABELS,
        method=MethodNote(scale=SCALE),
        stages=(stage_summary(), stage_summary("Stakeholder panel", deciding=False)),
        overall=candidate_results(),
        attribute_short_names=SHORT_NAMES,
        sign_off=(SignOff("Sam Patel", "Chair"), SignOff("Cllr Ruth Owen", "Lead Member")),
    )
    return dataclasses.replace(context, **changes)  # type: ignore[arg-type]


# --- reading the document back ------------------------------------------------------------


def build(reference: Path | None = REFERENCE, **changes: object) -> DocxDocument:
    return reopen(build_scoring_summary(make_context(**changes), reference))


@pytest.fixture(scope="module", name="summary")
def summary_fixture() -> DocxDocument:
    return build()


def headings(document: DocxDocument, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def caption(table: Table) -> str:
    element = table._tbl.tblPr.find(qn("w:tblCaption"))
    return "" if element is None else str(element.get(qn("w:val")))


def is_repeating_header(table: Table) -> bool:
    properties = table.rows[0]._tr.trPr
    return properties is not None and properties.find(qn("w:tblHeader")) is not None


def alt_texts(document: DocxDocument) -> list[str]:
    return [shape._inline.docPr.get("descr") or "" for shape in document.inline_shapes]
