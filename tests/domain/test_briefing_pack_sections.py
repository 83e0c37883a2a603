"""The DCS briefing pack's body: the side-by-side table, gaps to the target, rank changes,
the profiles chart, each candidate's section and panel agreement per stage.

The comparison behind these tests is written by hand in briefing_pack_helpers.
"""

from __future__ import annotations

import dataclasses

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.text.paragraph import Paragraph

from recruit.domain.comparison.model import AttributeGap, TargetProfile
from tests.domain.briefing_pack_helpers import (
    CANDIDATE_LABELS,
    ORDER,
    SHORT_NAMES,
    STAGES,
    TARGET,
    alt_texts,
    briefing_fixture,  # noqa: F401 (the `briefing` fixture, found by pytest)
    build,
    comparison,
    is_repeating_header,
    row_named,
    rows_text,
    style_name,
    table_captioned,
)
from tests.support.word import all_text


def test_side_by_side_has_a_column_per_candidate_in_order_after_label_and_target(
    briefing: DocxDocument,
) -> None:
    table = table_captioned(briefing, "The shortlist side by side")
    rows = rows_text(table)

    assert rows[0] == ["Measure", "Target minimum", *(CANDIDATE_LABELS[key] for key in ORDER)]
    assert is_repeating_header(table)
    assert [row[0] for row in rows[1:]] == [
        "Rank (stages' weights)", "Rank (equal weights)", "Weighted total",
        "Equal-weights total", *SHORT_NAMES.values(),
        "Spread (highest minus lowest attribute)", "Flags", "Values floor", "Outcome at the deciding stage",
    ]  # fmt: skip
    assert row_named(table, "Rank (stages' weights)")[2:] == ["1", "2", "3"]
    assert row_named(table, "Rank (equal weights)")[2:] == [
        "2\n(down 1 place)", "1\n(up 1 place)", "3\n(no change)",
    ]  # fmt: skip
    assert row_named(table, "Weighted total")[2:] == ["4.0", "3.8", "3.1"]
    assert row_named(table, "Equal-weights total")[2:] == ["3.8", "4.0", "3.3"]
    # One decimal place, halves rounded up; agreed and below-target figures say so in words.
    assert row_named(table, "Values-driven") == [
        "Values-driven", "3.5", "4.3", "3.5\njust below target", "2.5\nbelow target",
    ]  # fmt: skip
    assert row_named(table, "Partnerships")[1:3] == ["3.5", "3.3\nincludes agreed, below target"]
    assert row_named(table, "Political buy-in")[1:] == ["–", "3.8", "4.0", "Not assessed"]
    # The middle column's spread is exactly 4.5 - 3.45 = 1.05: halves round up.
    assert row_named(table, "Spread (highest minus lowest attribute)")[2:] == ["1.0", "1.1", "2.5"]
    flags = row_named(table, "Flags")
    assert flags[2] == "None" and flags[3] == "Panel disagreement: Decisions for families"
    assert flags[4].split("\n") == [
        "Values floor: Values-driven", "Not assessed: Political buy-in",
        "Mostly no evidence: Partnerships",
    ]  # fmt: skip
    assert row_named(table, "Values floor")[2:] == [
        "Met",
        "Met",
        "Breached: not appointable by rule",
    ]
    assert row_named(table, "Outcome at the deciding stage")[2:] == [
        # Only the deciding stage's outcome is the candidate's: the fixture's second and
        # third candidates have theirs from the combined result, with no stage named.
        "Appointable\n(Final panel interview)", "Reserve", "Not appointable",
    ]  # fmt: skip
    figure_rows = table.rows[1:11]
    for row in figure_rows:
        assert all(c.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for c in row.cells[1:])
        assert row.cells[0].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[-1].cells[2].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT


def test_without_a_target_there_is_no_target_column_and_the_gaps_say_so() -> None:
    document = build(comparison=comparison(target=None))

    table = table_captioned(document, "The shortlist side by side")
    assert rows_text(table)[0] == ["Measure", *(CANDIDATE_LABELS[key] for key in ORDER)]
    assert row_named(table, "Values-driven")[1:] == ["4.3", "3.5", "2.5"]
    text = all_text(document)
    assert "No target profile was set for this vacancy" in text
    assert (
        dict(rows_text(table_captioned(document, "About this briefing")))["Target profile"]
        == "Not set"
    )
    assert rows_text(table_captioned(document, "Chart figures"))[0][1] == CANDIDATE_LABELS["C-02"]
    assert "dashed" not in alt_texts(document)[0]


def test_gaps_list_values_first_and_call_it_out(briefing: DocxDocument) -> None:
    third = rows_text(table_captioned(briefing, "Gaps to target for C-03"))
    first = rows_text(table_captioned(briefing, "Gaps to target for Ayesha Khan (C-02)"))
    text = all_text(briefing)

    assert third[0] == ["Attribute", "Figure", "Target minimum", "Short by"]
    assert third[1:] == [
        ["Values-driven", "2.5", "3.5", "1.0"],
        ["Partnerships", "2.0", "3.5", "1.5"],
    ]
    assert (
        table_captioned(briefing, "Gaps to target for C-03")
        .rows[1]
        .cells[0]
        .paragraphs[0]
        .runs[0]
        .bold
    )
    assert first[1:] == [["Partnerships", "3.3", "3.5", "0.3"]]
    # 3.45 against 3.5: a real shortfall, though both show as 3.5.
    second = rows_text(table_captioned(briefing, "Gaps to target for Sam Patel (C-01)"))
    assert second[1:] == [["Values-driven", "3.5", "3.5", "under 0.1"]]
    assert "Short by under 0.1 in all, across 1 attribute." in text
    assert (
        "Below the target on Leadership and change driven by values. Values-driven is 2.5 "
        "against a target minimum of 3.5, short by 1.0. Values are the foundation"
    ) in text
    assert "Short by 2.5 in all, across 2 attributes." in text
    assert "No figure to compare with the target on" not in text
    # C-03 was not assessed on buy-in: with a minimum on it, there is nothing to compare.
    buy_in = TargetProfile({**TARGET.minimums, "buy-in": 3.0})
    columns = [
        dataclasses.replace(
            c,
            gaps=(
                *c.gaps[:4],
                AttributeGap("buy-in", v, 3.0, None if v is None else v - 3.0, False),
            ),
        )
        for c, v in zip(comparison().candidates, (3.75, 4.0, None), strict=True)
    ]
    target_on_all = dataclasses.replace(comparison(), target=buy_in, candidates=tuple(columns))
    assert "No figure to compare with the target on: Political buy-in." in all_text(
        build(comparison=target_on_all)
    )


def test_rank_changes_show_the_comparisons_notes(briefing: DocxDocument) -> None:
    bullets = [p.text for p in briefing.paragraphs if style_name(p) == "List Bullet"]
    assert "With equal weights, Sam Patel (C-01) moves up from 2nd to 1st." in bullets
    changes = rows_text(table_captioned(briefing, "Rank changes"))
    assert changes[1] == ["Ayesha Khan (C-02)", "1", "2", "Down 1 place"]

    unchanged = [dataclasses.replace(c, equal_weights_rank=c.stage_weights_rank)
                 for c in comparison().candidates]  # fmt: skip
    steady = dataclasses.replace(comparison(), candidates=tuple(unchanged), notes=())
    text = all_text(build(comparison=steady))
    assert "The ranking is the same with the stages' weights and with equal weights" in text


def test_profiles_chart_overlays_candidates_and_target_with_alt_text(
    briefing: DocxDocument,
) -> None:
    texts = alt_texts(briefing)

    assert len(texts) == len(briefing.inline_shapes) == 1
    assert texts[0].startswith("Radar chart comparing the shortlisted candidates")
    assert "target minimum as a dashed line" in texts[0]
    assert "Ayesha Khan (C-02): Values-driven 4.3," in texts[0]
    assert (
        "Target minimum: Values-driven 3.5," in texts[0] and "Political buy-in no score" in texts[0]
    )
    figures_table = rows_text(table_captioned(briefing, "Chart figures"))
    assert figures_table[0] == [
        "Attribute",
        "Target minimum",
        *(CANDIDATE_LABELS[k] for k in ORDER),
    ]
    assert figures_table[1] == ["Values-driven", "3.5", "4.3", "3.5", "2.5"]
    assert figures_table[5] == ["Political buy-in", "–", "3.8", "4.0", "No score"]
    body = list(briefing.element.body)
    picture = next(i for i, element in enumerate(body) if element.xpath(".//w:drawing"))
    assert Paragraph(body[picture + 1], briefing).text == "The figures in the chart:"


def test_each_candidate_has_stage_results_evidence_and_moderation(briefing: DocxDocument) -> None:
    stages = rows_text(table_captioned(briefing, "Results at each stage for Ayesha Khan (C-02)"))
    assert stages[0] == [
        "Stage",
        *SHORT_NAMES.values(),
        "Weighted total",
        "Rank at stage",
        "Outcome",
    ]
    assert [row[0] for row in stages[1:]] == list(STAGES)
    assert stages[2][4] == "3.5\nagreed"
    evidence_rows = rows_text(
        table_captioned(briefing, "Strongest evidence for Ayesha Khan (C-02)")
    )
    assert evidence_rows[1:] == [
        ["Values-driven", "Jo Bell (Question 1)", "5", "Moved budget to keep siblings together."],
        ["Values-driven", "Cllr Ruth Owen", "4", "Spoke about fairness for care leavers."],
    ]  # fmt: skip
    agreed = rows_text(table_captioned(briefing, "Agreed scores for Ayesha Khan (C-02)"))
    assert agreed[1] == [
        "Final panel interview", "Partnerships", "3.3", "3.5",
        "Police partner confirmed the joint hub she set up.", "Sam Patel (chair)",
        "12 January 2027, 2:30pm",
    ]  # fmt: skip
    text = all_text(briefing)
    assert (
        "At the deciding stage: rank 1 with the stage's weights and 2 with equal weights; "
        "weighted total 4.0; values floor met; outcome appointable at Final panel interview."
    ) in text
    assert "values floor breached (not appointable by rule); outcome not appointable." in text
    assert (
        "Final panel interview: Appointable. Reasons: Strongest values evidence; clear record of "
        "partnership work. Recorded by Sam Patel (chair), 12 January 2027, 2:30pm."
    ) in text
    assert "Stakeholder panel: Appointable. No reasons recorded." in text
    assert "No results at: Final panel interview." in text
    assert "Stakeholder panel: Panel mean of 2.5 on Values-driven is below 3" in text
    assert "Ran out of time" not in text, "a note with no evidence is not a strong note"


def test_floor_override_reason_is_shown() -> None:
    base = comparison()
    third = base.candidates[2]
    overridden = dataclasses.replace(
        third,
        combined=dataclasses.replace(
            third.combined, floor_overridden=True, override_reason="Exceptional evidence later."
        ),
    )
    document = build(
        comparison=dataclasses.replace(base, candidates=(*base.candidates[:2], overridden))
    )

    table = table_captioned(document, "The shortlist side by side")
    assert (
        row_named(table, "Values floor")[4]
        == "Overridden by the panel: Exceptional evidence later."
    )
    assert "The panel overrode the floor. Reason: Exceptional evidence later." in all_text(document)


def test_agreement_per_stage_with_alpha_and_readings(briefing: DocxDocument) -> None:
    first = rows_text(table_captioned(briefing, "Panel agreement: Stakeholder panel"))
    second = rows_text(table_captioned(briefing, "Panel agreement: Final panel interview"))

    assert first[0] == ["Attribute", "Alpha", "Units compared", "Reading"]
    assert first[1] == ["Values-driven", "0.72", "12", "Tentative agreement"]
    assert first[5] == ["Political buy-in", "Not measurable", "0", "Not measured"]
    assert first[-1] == ["All attributes", "0.66", "46", "Tentative agreement"]
    assert second[-1][1] == "Not measurable"
