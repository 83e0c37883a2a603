"""Shared helpers for the DCS briefing pack tests: a comparison written by hand, the context
around it, and ways to read the built .docx back.

The comparison is written out by hand below rather than computed, so the tests depend on
neither the scoring rules nor the comparison rules. Columns run C-02, C-01, C-03: C-02 is first
with the stages' weights and second with equal weights, C-01 the other way round; C-03 is
third both ways and stopped by the values floor. The target sets no level on buy-in. The
comparison is ranked (nothing missing) unless a test passes ``missing``.
"""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table
from docx.text.paragraph import Paragraph

from recruit.domain.comparison.evidence import (
    AdvisoryConcern,
    AttributeEvidence,
    CandidateEvidence,
    Note,
    RedFlag,
)
from recruit.domain.comparison.model import (
    AttributeGap,
    ComparedCandidate,
    Comparison,
    ContextProfile,
    MissingEvidence,
    TargetProfile,
)
from recruit.domain.documents.briefing_pack import build_briefing_pack
from recruit.domain.documents.briefing_pack.model import (
    BriefingContext,
    DecisionSteps,
    ObjectionStep,
)
from recruit.domain.documents.scoring_summary.model import (
    AgreedScore,
    CandidateModeration,
    MethodNote,
    ScaleLevel,
    SignOff,
)
from recruit.domain.scoring.advisory import AdvisoryReportView, AttributeView
from recruit.domain.scoring.model import (
    Agreement,
    AlphaReading,
    AttributeResult,
    CandidateResult,
    Flag,
    Outcome,
)
from tests.support.word import reopen

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "exports" / "briefing-reference.docx"
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
KEYS = tuple(ATTRIBUTES)
CANDIDATE_LABELS = {"C-01": "Sam Patel (C-01)", "C-02": "Ayesha Khan (C-02)", "C-03": "C-03"}
ORDER = ("C-02", "C-01", "C-03")
STAGES = ("Stakeholder panel", "Final panel interview")
TARGET = TargetProfile(
    levels={"values": 4, "decisions": 4, "practice-culture": 3, "partnerships": 4},
    reasons={
        "values": "The DCS sets the tone for every practitioner.",
        "partnerships": "Health and police fund a third of the model.",
    },
    source="Set by Cllr Ruth Owen (Final panel interview) on 3 January 2027",
    context=(ContextProfile("Margaret Hale's self-rating", {"values": 5.0, "buy-in": 3.0}),),
)
MODERATED_AT = datetime.datetime(2027, 1, 12, 14, 30, tzinfo=datetime.UTC)
SCALE = tuple(
    ScaleLevel(score, label, f"What a {score} sounds like.")
    for score, label in enumerate(
        ("Evidence against", "Limited", "Sound", "Strong", "Exceptional"), start=1
    )
)


# --- the comparison, by hand ----------------------------------------------------------------


def result(
    candidate: str,
    figures: dict[str, float | None],
    total: float | None,
    *,
    agreed: dict[str, float] | None = None,
    flags: dict[str, tuple[Flag, ...]] | None = None,
    floor: bool = False,
    overridden: str | None = None,
    outcome: Outcome | None = None,
    rank: int = 1,
    ranges: dict[str, tuple[float, float]] | None = None,
) -> CandidateResult:
    agreed, flags, ranges = agreed or {}, flags or {}, ranges or {}
    attributes = tuple(
        AttributeResult(
            key, 4 if value is not None else 0, 0, value, value,
            *ranges.get(key, (value, value)),
            0.0 if value is not None else None, agreed.get(key), flags.get(key, ()),
        )
        for key, value in figures.items()
    )  # fmt: skip
    return CandidateResult(
        candidate, attributes, total, None, floor,
        ("Stakeholder panel: Panel mean of 2.5 on Values-driven is below 3",) if floor else (),
        overridden is not None, overridden, outcome, rank,
    )  # fmt: skip


def figures(*values: float | None) -> dict[str, float | None]:
    return dict(zip(KEYS, values, strict=True))


def level(value: float | None) -> int | None:
    return None if value is None else int(value + 0.5)


def gaps(values: dict[str, float | None]) -> tuple[AttributeGap, ...]:
    found = []
    for key, value in values.items():
        wanted = TARGET.levels.get(key)
        read = level(value)
        below = read is not None and wanted is not None and read < wanted
        found.append(AttributeGap(key, value, read, wanted, below))
    return tuple(found)


def compared(
    candidate: str,
    values: dict[str, float | None],
    total: float,
    equal_total: float,
    ranks: tuple[int, int],
    stages: dict[str, CandidateResult],
    **options: object,
) -> ComparedCandidate:
    combined = result(candidate, values, total, rank=ranks[0], **options)  # type: ignore[arg-type]
    found = gaps(values)
    below = sorted(
        (gap.attribute for gap in found if gap.below_target),
        key=lambda key: (key != "values", KEYS.index(key)),
    )
    return ComparedCandidate(
        candidate, combined, stages, equal_total, ranks[1], ranks[0], found,
        deciding_results=(combined,), below_target=tuple(below),
    )  # fmt: skip


def comparison(
    target: TargetProfile | None = TARGET, missing: tuple[MissingEvidence, ...] = ()
) -> Comparison:
    first = compared(
        "C-02", figures(4.25, 3.75, 3.75, 3.25, 3.75), 3.99, 3.75, (1, 2),
        {
            STAGES[0]: result("C-02", figures(4.5, 3.5, 3.5, 3.0, 3.5), 3.8, outcome="appointable"),
            STAGES[1]: result("C-02", figures(4.0, 4.0, 4.0, 3.5, 4.0), 4.0,
                              agreed={"partnerships": 3.5}, outcome="appointable"),
        },
        outcome="appointable",
    )  # fmt: skip
    second = compared(
        "C-01", figures(3.45, 4.5, 4.0, 4.0, 4.0), 3.8, 3.99, (2, 1),
        {
            STAGES[0]: result("C-01", figures(3.4, 4.5, 4.0, 4.0, 4.0), 3.8, rank=2,
                              flags={"decisions": ("disagreement",)}, outcome="reserve"),
        },
        flags={"decisions": ("disagreement",)}, outcome="reserve",
        ranges={"decisions": (2.0, 5.0)},
    )  # fmt: skip
    third = compared(
        "C-03", figures(2.5, 4.0, 4.5, 2.0, None), 3.05, 3.25, (3, 3),
        {
            STAGES[0]: result("C-03", figures(2.5, 4.0, 4.5, 2.0, None), 3.05, rank=3,
                              floor=True, outcome="not_appointable",
                              flags={"values": ("values_floor",),
                                     "buy-in": ("not_assessed",)}),
        },
        floor=True, outcome="not_appointable",
        flags={"values": ("values_floor",), "buy-in": ("not_assessed",),
               "partnerships": ("mostly_no_evidence",)},
    )  # fmt: skip
    columns = tuple(c if target else dataclasses.replace(c, gaps=(), below_target=())
                    for c in (first, second, third))  # fmt: skip
    notes = (
        "With equal weights, Sam Patel (C-01) moves up from 2nd to 1st.",
        "With equal weights, Ayesha Khan (C-02) moves down from 1st to 2nd.",
    )
    return Comparison(
        KEYS, STAGES, columns, target=target, notes=notes, deciding=STAGES[1:], missing=missing
    )


# Buy-in weighted at the final panel but not assessed there for C-03; the stakeholder panel
# heard evidence on it.
MISSING = (MissingEvidence("buy-in", STAGES[1], ("C-03",), False, (STAGES[0],)),)


def agreement(values: float | None = 0.72) -> Agreement:
    per_attribute = {
        "values": AlphaReading(values, 12, 4, "Tentative agreement"),
        "decisions": AlphaReading(0.41, 12, 4, "Poor agreement: discuss before relying on it"),
        "practice-culture": AlphaReading(0.8, 11, 4, "Good agreement"),
        "partnerships": AlphaReading(None, 1, 2, "Too few paired scores to measure"),
    }
    return Agreement(per_attribute, (), members=4)


def candidate_evidence() -> dict[str, CandidateEvidence]:
    strong = Note("Jo Bell", 5, "Moved budget to keep siblings together.", STAGES[1], "Question 1")
    weak = Note("Cllr Tom Hale", 2, "Partners came across as a source of referrals only.",
                STAGES[1], "Question 4")  # fmt: skip
    return {
        "C-02": CandidateEvidence(
            "C-02",
            (
                AttributeEvidence("values", (strong,), ()),
                AttributeEvidence("partnerships", (), (weak,)),
            ),
            advisory_concerns=(
                AdvisoryConcern(STAGES[0], "Said little about schools.", "We would support"),
            ),
        ),  # fmt: skip
        "C-03": CandidateEvidence(
            "C-03",
            (
                AttributeEvidence(
                    "values",
                    (),
                    (Note("Jo Bell", 1, "Talked only about targets.", STAGES[0], "Question 1"),),
                ),
            ),
            red_flags=(
                RedFlag(
                    STAGES[0],
                    ("Jo Bell scored 1 on Question 1",),
                    "The panel agreed the concern goes to the heart of the role.",
                ),
            ),
        ),  # fmt: skip
    }


def advisory_reports() -> dict[str, tuple[AdvisoryReportView, ...]]:
    view = AdvisoryReportView(
        STAGES[0], "We would support this person", "Partners knew her work.",
        "Said little about schools.",
        (AttributeView("Leadership and change driven by values", 4.5, False,
                       ("Named a family she had learned from.",)),),
    )  # fmt: skip
    return {"C-02": (view,)}


def moderation() -> dict[str, dict[str, CandidateModeration]]:
    change = AgreedScore(
        "partnerships", 3.25, 3.5, "Police partner confirmed the joint hub she set up.",
        "Sam Patel (chair)", MODERATED_AT,
    )  # fmt: skip
    return {
        "C-02": {
            STAGES[1]: CandidateModeration(
                agreed_scores=(change,),
                outcome_reasons="Strongest values evidence; clear record of partnership work.",
                decided_by="Sam Patel (chair)",
                decided_at=MODERATED_AT,
            )
        },
        "C-03": {STAGES[0]: CandidateModeration(outcome_reasons="The values floor applies.")},
    }


# The appointing panel: two councillors who score, one on the executive; two officers advise.
MEMBERS = (
    SignOff("Cllr Ruth Owen", "Chair", councillor=True, executive_member=True),
    SignOff("Cllr Tom Hale", "Elected member", councillor=True),
)
ADVISERS = (SignOff("Jo Bell", "HR adviser"), SignOff("Jane Morris, Chief Executive", "Adviser"))


def steps(**changes: object) -> DecisionSteps:
    """Decided, confirmed by one member of two, notified, one objection ruled; no offer yet."""
    recorded = DecisionSteps(
        members_appoint=True,
        recorded_on=datetime.date(2027, 1, 15),
        recorded_by="Cllr Ruth Owen",
        appointed="Ayesha Khan (C-02)",
        confirmations=(("Cllr Ruth Owen", datetime.date(2027, 1, 15)), ("Cllr Tom Hale", None)),
        executive_notified_on=datetime.date(2027, 1, 18),
        executive_notified_by="Jo Bell",
        objection_deadline=datetime.date(2027, 1, 25),
        objections=(
            ObjectionStep(
                "Cllr Lee Grant", datetime.date(2027, 1, 20), "Asks for a second interview.",
                upheld=False, ruled_on=datetime.date(2027, 1, 22),
                ruling_reasons="The panel heard enough evidence.",
            ),
        ),
    )  # fmt: skip
    return dataclasses.replace(recorded, **changes)  # type: ignore[arg-type]


def make_context(**changes: object) -> BriefingContext:
    context = BriefingContext(
        organisation_name="Testshire County Council",
        vacancy_title="Director of Children's Services",
        vacancy_reference="DCS-2027-01",
        generated_on=datetime.date(2027, 1, 14),
        attribute_names=ATTRIBUTES,
        candidate_labels=CANDIDATE_LABELS,
        comparison=comparison(),
        method=MethodNote(scale=SCALE, stage_weights={STAGES[0]: 1, STAGES[1]: 2}),
        attribute_short_names=SHORT_NAMES,
        stage_agreements=((STAGES[0], agreement()), (STAGES[1], agreement(None))),
        moderation=moderation(),
        candidate_evidence=candidate_evidence(),
        advisory_reports=advisory_reports(),
        sign_off=MEMBERS,
        advised_by=ADVISERS,
        steps=steps(),
    )
    return dataclasses.replace(context, **changes)  # type: ignore[arg-type]


# --- reading the document back --------------------------------------------------------------


def build(reference: Path | None = REFERENCE, **changes: object) -> DocxDocument:
    return reopen(build_briefing_pack(make_context(**changes), reference))


# Named apart from the fixture so that a test module can import it without its parameter
# `briefing` shadowing the import.
@pytest.fixture(scope="module", name="briefing")
def briefing_fixture() -> DocxDocument:
    return build()


def style_name(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def headings(document: DocxDocument, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if style_name(p) == f"Heading {level}"]


def millimetres(length: Length | None) -> int:
    assert length is not None
    return round(float(length.mm))


def caption(table: Table) -> str:
    element = table._tbl.tblPr.find(qn("w:tblCaption"))
    return "" if element is None else str(element.get(qn("w:val")))


def table_captioned(document: DocxDocument, text: str) -> Table:
    return next(table for table in document.tables if caption(table) == text)


def rows_text(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def row_named(table: Table, label: str) -> list[str]:
    return next(row for row in rows_text(table) if row[0] == label)


def is_repeating_header(table: Table) -> bool:
    properties = table.rows[0]._tr.trPr
    return properties is not None and properties.find(qn("w:tblHeader")) is not None


def alt_texts(document: DocxDocument) -> list[str]:
    return [shape._inline.docPr.get("descr") or "" for shape in document.inline_shapes]
