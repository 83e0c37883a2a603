"""An honest briefing (issue #21): no ranks or totals while the deciding panel has not assessed
something it weights, target levels in words with no decimal gap, the range of members'
scores and never a "spread", both sides of the evidence with red flags and advisory
concerns, and a chart large enough to read.

The comparison behind these tests is written by hand in briefing_pack_helpers.
"""

from __future__ import annotations

import dataclasses
import re

from docx.document import Document as DocxDocument

from tests.domain.briefing_pack_helpers import (
    MISSING,
    STAGES,
    briefing_fixture,  # noqa: F401 (the `briefing` fixture, found by pytest)
    build,
    comparison,
    headings,
    rows_text,
    table_captioned,
)
from tests.support.word import all_text

RANK_OR_TOTAL_ROWS = (
    "Rank (stages' weights)",
    "Rank (equal weights)",
    "Weighted total",
    "Equal-weights total",
)
INCOMPLETE = (
    "Incomplete: Securing buy-in from corporate leaders and politicians not assessed at the "
    "Final panel interview for C-03."
)


def test_incomplete_evidence_withholds_every_rank_and_total() -> None:
    document = build(comparison=comparison(missing=MISSING))
    text = all_text(document)

    assert INCOMPLETE in text
    assert "Advisory stages that assessed it: the Stakeholder panel." in text
    assert "Figures are shown without ranks or totals until then." in text
    # Said on the front, before any figure.
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs.index(next(p for p in paragraphs if p.startswith("Incomplete:"))) < (
        paragraphs.index("The deciding panel's results")
    )
    side_by_side = [
        row[0] for row in rows_text(table_captioned(document, "The shortlist side by side"))
    ]
    assert not set(RANK_OR_TOTAL_ROWS) & set(side_by_side)
    assert "Values-driven" in side_by_side
    stages = rows_text(table_captioned(document, "Results at each stage for Ayesha Khan (C-02)"))
    assert "Weighted total" not in stages[0] and "Rank at stage" not in stages[0]
    assert "Rank changes" not in headings(document, 1)
    headers = [" ".join(rows_text(table)[0]) for table in document.tables]
    assert not [header for header in headers if "Rank" in header or "total" in header]
    assert "with the stage's weights" not in text and "weighted total 4.0" not in text


def test_complete_evidence_is_ranked_and_says_so(briefing: DocxDocument) -> None:
    text = all_text(briefing)

    assert "Complete: the Final panel interview assessed every attribute it weights" in text
    assert "Incomplete:" not in text
    side_by_side = [
        row[0] for row in rows_text(table_captioned(briefing, "The shortlist side by side"))
    ]
    assert set(RANK_OR_TOTAL_ROWS) <= set(side_by_side)


def test_values_not_assessed_at_the_deciding_stage_is_not_met() -> None:
    base = comparison()
    first = base.candidates[0]
    attributes = tuple(
        dataclasses.replace(a, mean=None, agreed=None, count=0) if a.attribute == "values" else a
        for a in first.combined.attributes
    )
    unheard = dataclasses.replace(
        first, combined=dataclasses.replace(first.combined, attributes=attributes)
    )
    missing = (dataclasses.replace(MISSING[0], attribute="values", candidates=("C-02",)),)
    changed = dataclasses.replace(base, candidates=(unheard, *base.candidates[1:]), missing=missing)
    table = table_captioned(build(comparison=changed), "The shortlist side by side")
    floor = next(row for row in rows_text(table) if row[0] == "Values floor")
    assert floor[2] == "Not assessed"


def test_target_levels_are_words_with_reasons_and_context_apart(briefing: DocxDocument) -> None:
    levels = rows_text(table_captioned(briefing, "Target levels"))
    text = all_text(briefing)

    assert levels[0] == [
        "Attribute", "Target level", "Why the role needs it",
        "Margaret Hale's self-rating (context only)",
    ]  # fmt: skip
    assert levels[1] == [
        "Values-driven", "Strong", "The DCS sets the tone for every practitioner.", "5.0",
    ]  # fmt: skip
    assert levels[3][:3] == ["Practice and culture", "Sound", "No reason recorded"]
    assert "they are never the target" in text
    assert "Values-driven reads as Sound (3.5); the target is Strong." in text
    assert "Values-driven reads as Sound (2.5); the target is Strong." in text  # halves up
    # The concern notes are the evidence for a reading below the target.
    assert (
        "Cllr Tom Hale (Final panel interview, Question 4), scored 2: Partners came across as "
        "a source of referrals only."
    ) in text
    assert "Values are the foundation of the other attributes" in text
    assert "hardest to close" not in text


def test_no_decimal_gap_no_sum_and_no_shortfall_anywhere(briefing: DocxDocument) -> None:
    text = all_text(build(comparison=comparison(missing=MISSING))) + all_text(briefing)
    lowered = text.lower()

    for banned in ("short by", "in all", "shortfall", "under 0.1", "spread"):
        assert banned not in lowered, banned
    assert not re.search(r"\bgap of \d", lowered)


def test_disagreement_shows_the_range_of_members_scores(briefing: DocxDocument) -> None:
    table = rows_text(table_captioned(briefing, "The shortlist side by side"))
    flags = next(row for row in table if row[0] == "Flags")
    assert "Panel disagreement: Decisions for families (range 2 to 5)" in flags
    assert "spread" not in all_text(briefing).lower()


def test_both_sides_of_the_evidence_with_red_flags_and_advisory_concerns(
    briefing: DocxDocument,
) -> None:
    text = all_text(briefing)
    both = rows_text(table_captioned(briefing, "Evidence and concerns for Ayesha Khan (C-02)"))

    assert both[0] == ["Attribute", "Strongest evidence", "Main concerns"]
    assert both[1] == [
        "Values-driven",
        "Jo Bell (Final panel interview, Question 1), scored 5: Moved budget to keep siblings "
        "together.",
        "None written",
    ]
    assert both[4][2].startswith("Cllr Tom Hale (Final panel interview, Question 4), scored 2")
    assert (
        "Red flag on values at the Stakeholder panel: What raised it: Jo Bell scored 1 on "
        "Question 1. The panel's discussion: The panel agreed the concern goes to the heart of "
        "the role."
    ) in text
    assert "Stakeholder panel (We would support): Said little about schools." in text
    assert "Strongest evidence" not in headings(briefing, 3)


def test_advisory_reports_in_their_own_words_with_figures(briefing: DocxDocument) -> None:
    text = all_text(briefing)
    figures = rows_text(table_captioned(briefing, f"{STAGES[0]}: figures for Ayesha Khan (C-02)"))

    assert "Overall view: We would support this person" in text
    assert "Strengths: Partners knew her work." in text
    assert "Concerns: Said little about schools." in text
    assert figures[1] == [
        "Leadership and change driven by values", "4.5", "Its members' mean",
        "Named a family she had learned from.",
    ]  # fmt: skip
    assert "No advisory report is recorded for Sam Patel (C-01) and C-03." in text


def test_pre_appointment_checklist_with_boxes_and_an_honest_line(briefing: DocxDocument) -> None:
    rows = rows_text(table_captioned(briefing, "Pre-appointment checks"))
    checks = " ".join(row[1] for row in rows[1:])

    assert rows[0] == ["Done", "Check", "Date", "Checked by"]
    assert all(row[0] == "☐" and row[2] == "" for row in rows[1:])
    for check in ("Two references", "current or most recent employer", "Enhanced DBS",
                  "barred list", "Right to work", "Identity", "Social Work England",
                  "employment history", "gap", "Occupational health"):  # fmt: skip
        assert check in checks, check
    assert "No pre-employment check is recorded in Recruit for the appointed candidate yet" in (
        all_text(briefing)
    )


def test_the_radar_chart_is_at_least_half_the_text_width(briefing: DocxDocument) -> None:
    section = briefing.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    (chart,) = briefing.inline_shapes
    assert chart.width >= text_width / 2
    assert chart.height <= section.page_height - section.top_margin - section.bottom_margin
