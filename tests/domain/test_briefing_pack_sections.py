"""The DCS briefing pack's body: the side-by-side table, rank changes, the profiles chart,
each candidate's section and panel agreement per stage (the honest-comparison sections:
completeness, target levels, evidence and concerns, in test_briefing_pack_honest).

The comparison behind these tests is written by hand in briefing_pack_helpers.
"""

from __future__ import annotations

import dataclasses

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.text.paragraph import Paragraph

from tests.domain.briefing_pack_helpers import (
    CANDIDATE_LABELS,
    ORDER,
    SHORT_NAMES,
    STAGES,
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

    assert rows[0] == ["Measure", "Target level", *(CANDIDATE_LABELS[key] for key in ORDER)]
    assert is_repeating_header(table)
    assert [row[0] for row in rows[1:]] == [
        "Rank (stages' weights)", "Rank (equal weights)", "Weighted total",
        "Equal-weights total", *SHORT_NAMES.values(),
        "Flags", "Values floor", "Outcome at the deciding stage",
    ]  # fmt: skip
    assert row_named(table, "Rank (stages' weights)")[2:] == ["1", "2", "3"]
    assert row_named(table, "Rank (equal weights)")[2:] == [
        "2\n(down 1 place)", "1\n(up 1 place)", "3\n(no change)",
    ]  # fmt: skip
    assert row_named(table, "Weighted total")[2:] == ["4.0", "3.8", "3.1"]
    assert row_named(table, "Equal-weights total")[2:] == ["3.8", "4.0", "3.3"]
    # One decimal place, halves rounded up; the target as a level word; a figure that reads
    # below the target level says so in words.
    # 3.45 shows as 3.5 but is nearest 3 (Sound): the level comes from the exact figure.
    assert row_named(table, "Values-driven") == [
        "Values-driven", "Strong", "4.3", "3.5\nbelow target level", "2.5\nbelow target level",
    ]  # fmt: skip
    assert row_named(table, "Partnerships")[1:3] == [
        "Strong", "3.3\nincludes agreed, below target level",
    ]  # fmt: skip
    assert row_named(table, "Political buy-in")[1:] == ["–", "3.8", "4.0", "Not assessed"]
    flags = row_named(table, "Flags")
    # The members' scores at the deciding stage, as a range beside the disagreement flag.
    assert (
        flags[2] == "None"
        and flags[3] == "Panel disagreement: Decisions for families (range 2 to 5)"
    )
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
    figure_rows = table.rows[1:10]
    for row in figure_rows:
        assert all(c.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for c in row.cells[1:])
        assert row.cells[0].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[-1].cells[2].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT


def test_without_a_target_there_is_no_target_column_and_the_target_section_says_so() -> None:
    document = build(comparison=comparison(target=None))

    table = table_captioned(document, "The shortlist side by side")
    assert rows_text(table)[0] == ["Measure", *(CANDIDATE_LABELS[key] for key in ORDER)]
    assert row_named(table, "Values-driven")[1:] == ["4.3", "3.5", "2.5"]
    text = all_text(document)
    assert "No target levels were set for this vacancy" in text
    assert (
        dict(rows_text(table_captioned(document, "About this briefing")))["Target levels"]
        == "Not set"
    )
    assert rows_text(table_captioned(document, "Chart figures"))[0][1] == CANDIDATE_LABELS["C-02"]
    assert "dashed" not in alt_texts(document)[0]


def test_rank_changes_show_the_comparisons_notes(briefing: DocxDocument) -> None:
    bullets = [p.text for p in briefing.paragraphs if style_name(p) == "List Bullet"]
    assert "With equal weights, Sam Patel (C-01) moves up from 2nd to 1st." in bullets
    changes = rows_text(table_captioned(briefing, "Rank changes"))
    assert changes[1] == ["Ayesha Khan (C-02)", "1", "2", "Down 1 place"]

    unchanged = [dataclasses.replace(c, equal_weights_rank=c.stage_weights_rank)
                 for c in comparison().candidates]  # fmt: skip
    steady = dataclasses.replace(comparison(), candidates=tuple(unchanged), notes=())
    text = all_text(build(comparison=steady))
    assert "The ranking is the same with the stage's weights and with equal weights" in text


def test_profiles_chart_overlays_candidates_and_target_with_alt_text(
    briefing: DocxDocument,
) -> None:
    texts = alt_texts(briefing)

    assert len(texts) == len(briefing.inline_shapes) == 1
    assert texts[0].startswith("Radar chart comparing the shortlisted candidates")
    assert "target level as a dashed line" in texts[0]
    assert "Ayesha Khan (C-02): Values-driven 4.3," in texts[0]
    # The target's levels as figures on the scale; no level is left out, never drawn as 0.
    assert "Target level: Values-driven 4.0," in texts[0]
    assert "Political buy-in no score" in texts[0]
    assert "C-03: Values-driven 2.5, Decisions for families 4.0, Practice and culture 4.5, " \
        "Partnerships 2.0, Political buy-in no score" in texts[0]  # fmt: skip
    figures_table = rows_text(table_captioned(briefing, "Chart figures"))
    assert figures_table[0] == [
        "Attribute",
        "Target level",
        *(CANDIDATE_LABELS[k] for k in ORDER),
    ]
    assert figures_table[1] == ["Values-driven", "Strong", "4.3", "3.5", "2.5"]
    assert figures_table[5] == ["Political buy-in", "–", "3.8", "4.0", "Not assessed"]
    body = list(briefing.element.body)
    picture = next(i for i, element in enumerate(body) if element.xpath(".//w:drawing"))
    assert Paragraph(body[picture + 1], briefing).text == "The figures in the chart:"


def test_each_candidate_has_stage_results_and_moderation(briefing: DocxDocument) -> None:
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

    header = ["Attribute", "Alpha", "Answers compared", "Members compared", "Reading"]
    assert first[0] == header
    assert first[1] == ["Values-driven", "0.72", "12", "4", "Tentative agreement"]
    assert first[5] == ["Political buy-in", "Not measurable", "0", "0", "Not measured"]
    assert len(first) == 6  # one row per attribute: no alpha pooled across attributes
    assert all("All attributes" not in row for row in first + second)
    assert second[1][1] == "Not measurable"
