"""The panel scoring summary claims no more than its figures bear (issue #21): alpha per
attribute only, no band below the minimum, no tendencies from two members, one word
("range") for lowest to highest, the deciding panel apart from the advisory panels, and the
moderation's real closing time. Each document is built, saved and reopened with python-docx.
"""

from __future__ import annotations

import dataclasses
import datetime

from docx.document import Document as DocxDocument

from recruit.domain.documents.scoring_summary.model import StageSummary
from recruit.domain.documents.scoring_summary.text import MODERATION_OPEN
from recruit.domain.scoring import consolidate_panel_scores
from recruit.domain.scoring.model import QuestionScore, StageScores
from tests.domain.scoring_summary_helpers import (
    ATTRIBUTES,
    build,
    headings,
    stage_summary,
    summary_fixture,  # noqa: F401 (the `summary` fixture, found by pytest)
)
from tests.domain.test_scoring_summary_content import rows_text, table_captioned
from tests.support.word import all_text

CLOSED_AT = datetime.datetime(2026, 12, 7, 13, 48, tzinfo=datetime.UTC)


def _consolidated(members: tuple[str, ...], candidates: int = 6) -> StageSummary:
    """A real stage: each member scores each candidate on one values question."""
    codes = tuple(f"C-{n:02d}" for n in range(1, candidates + 1))
    scores = tuple(
        QuestionScore(member, code, "q1", "values", 1 + (n + m) % 5, "")
        for n, code in enumerate(codes)
        for m, member in enumerate(members)
    )
    keys = tuple(ATTRIBUTES)
    stage = StageScores(
        stage="Final panel interview",
        attributes=keys,
        planned={"values": ("q1",)},
        weights={key: 1 / len(keys) for key in keys},
        members=members,
        candidates=codes,
        scores=scores,
    )
    return StageSummary(
        "Final panel interview",
        consolidate_panel_scores(stage),
        {m: m.upper() for m in members},
        closed_at=CLOSED_AT,
        closed_by="Cllr Sam Patel",
    )


def _built(stage: StageSummary) -> DocxDocument:
    labels = {c.candidate: c.candidate for c in stage.result.candidates}
    return build(stages=(stage,), overall=None, candidate_labels=labels)


def test_no_pooled_alpha_anywhere(summary: DocxDocument) -> None:
    assert "All attributes" not in all_text(summary)


def test_six_candidates_and_two_members_are_too_few_to_judge() -> None:
    document = _built(_consolidated(("ann", "bob")))
    rows = rows_text(table_captioned(document, "Panel agreement: Final panel interview"))
    values = rows[1]
    assert values[2:4] == ["6", "2"]
    assert values[4] == (
        "6 answers scored by 2 members: too few to judge agreement "
        "(it needs at least 10 answers and 3 members)."
    )
    text = all_text(document)
    for band in ("Good agreement", "Tentative agreement", "Low agreement"):
        assert band not in text


def test_tendencies_are_withheld_with_two_scoring_members() -> None:
    document = _built(_consolidated(("ann", "bob")))
    text = all_text(document)
    assert (
        "Member tendencies need at least 3 scoring members: with 2, each member's tendency "
        "only mirrors the other's." in text
    )
    assert not any(
        table for table in document.tables if "Member tendencies" in rows_text(table)[0][0]
    )
    captions = [p for p in text.split("\n") if p.startswith("Scores about")]
    assert captions == []


def test_tendencies_are_shown_with_three_scoring_members() -> None:
    document = _built(_consolidated(("ann", "bob", "cat")))
    rows = rows_text(table_captioned(document, "Member tendencies: Final panel interview"))
    assert [row[0] for row in rows[1:]] == ["ANN", "BOB", "CAT"]
    assert "scoring members: with 2," not in all_text(document)


def test_the_method_says_what_alpha_can_and_cannot_show(summary: DocxDocument) -> None:
    text = all_text(summary)
    assert "What the agreement figures can and cannot show" in headings(summary, 2)
    assert "not whether the scores are right" in text.replace("It does not show", "not")
    assert "With few candidates it is unstable" in text
    assert "not a verdict" in text
    assert "about .74 (Huffcutt, Culbertson and Weyhrauch, 2013" in text


def test_range_is_one_word_for_lowest_to_highest(summary: DocxDocument) -> None:
    text = all_text(summary)
    header = rows_text(table_captioned(summary, "Attribute results for Ayesha Khan (C-02)"))[0]
    assert "Range" in header
    assert "3.0 to 4.0" in text
    assert "(range 2 or more)" in text
    assert "spread" not in text.lower()


def test_the_deciding_panel_then_the_advisory_panels(summary: DocxDocument) -> None:
    top = headings(summary, 1)
    deciding = top.index("The deciding panel: Final panel interview")
    assert top[deciding + 1] == "Advisory panels"
    assert "Stakeholder panel" in headings(summary, 2)
    assert "never averaged into the deciding panel's totals" in all_text(summary)


def test_advisory_panels_come_after_the_deciding_panel_whatever_the_order_given() -> None:
    advisory = stage_summary("Young people's panel", deciding=False)
    document = build(stages=(advisory, stage_summary()))
    top = headings(document, 1)
    assert top.index("The deciding panel: Final panel interview") < top.index("Advisory panels")
    assert "Young people's panel" not in top


def test_no_advisory_section_without_an_advisory_stage() -> None:
    assert "Advisory panels" not in headings(build(stages=(stage_summary(),)), 1)


def test_the_closing_time_comes_from_closed_at() -> None:
    document = _built(_consolidated(("ann", "bob", "cat")))
    assert "Moderation closed on 7 December 2026, 1:48pm by Cllr Sam Patel." in all_text(document)


def test_open_moderation_says_the_figures_can_change() -> None:
    stage = dataclasses.replace(_consolidated(("ann", "bob", "cat")), closed_at=None)
    text = all_text(_built(stage))
    assert MODERATION_OPEN == "Moderation is open: these figures can still change."
    assert MODERATION_OPEN in text and "Moderation closed on" not in text
