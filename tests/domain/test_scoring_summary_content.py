"""What the panel scoring summary says: the .docx reopened with python-docx.

Covers the method note (scale, weights, attribute names, flags), each stage's results and
agreement tables, each candidate's figures, evidence and moderation record, the results
the decision (the deciding stage), the sign-off, and how scores, times and ranks are written as text.
``unassessed_stage`` is a stage that asked nobody about buy-in, which the summary says once
and leaves out of its tables.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
from decimal import ROUND_HALF_UP, Decimal

import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table
from docx.text.paragraph import Paragraph

from recruit.domain.documents.scoring_summary.model import SignOff, StageSummary
from recruit.domain.documents.scoring_summary.text import datetime_text, rank_texts, score_text
from recruit.domain.scoring.model import (
    Agreement,
    AlphaReading,
    CandidateResult,
    StageResult,
    ValuesFloor,
)
from tests.domain.scoring_summary_helpers import (
    ATTRIBUTES,
    SHORT_NAMES,
    alt_texts,
    attribute,
    build,
    candidate_results,
    caption,
    headings,
    is_repeating_header,
    stage_summary,
    summary_fixture,  # noqa: F401 (the `summary` fixture, found by pytest)
)
from tests.support.word import all_text

RESULTS_HEADER = ["Candidate", *SHORT_NAMES.values(), "Weighted total", "Rank", "Outcome", "Flags"]


def without_buy_in(candidate: CandidateResult) -> CandidateResult:
    """The candidate as a stage that asked nothing about buy-in would leave them."""
    attributes = tuple(
        attribute("buy-in", (), flags=("not_assessed",)) if result.attribute == "buy-in" else result
        for result in candidate.attributes
    )
    return dataclasses.replace(candidate, attributes=attributes)


def unassessed_stage(name: str = "Young people's panel") -> StageSummary:
    """Every candidate has the "not assessed" flag on buy-in: the stage never asked about it."""
    stage = stage_summary(name)
    candidates = tuple(without_buy_in(candidate) for candidate in candidate_results())
    return dataclasses.replace(
        stage, result=dataclasses.replace(stage.result, candidates=candidates)
    )


def table_captioned(document: DocxDocument, text: str) -> Table:
    return next(table for table in document.tables if caption(table) == text)


def rows_text(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


# --- the method note, results, agreement and each candidate -------------------------------


def test_method_note_explains_scale_weights_floor_and_no_evidence(summary: DocxDocument) -> None:
    text = all_text(summary)

    assert rows_text(table_captioned(summary, "The scale"))[3] == [
        "3",
        "Sound",
        "What a 3 sounds like.",
    ]
    weights = rows_text(table_captioned(summary, "Weights"))
    assert weights[0] == ["Attribute", "Final panel interview", "Stakeholder panel"]
    assert weights[1] == ["Values-driven", "40%", "40%"] and weights[2][1] == "15%"
    names = rows_text(table_captioned(summary, "Attribute names"))
    assert names[0] == ["Short name", "Attribute"] and names[2] == [
        "Decisions for families",
        ATTRIBUTES["decisions"],
    ]
    assert "It is not a low score" in text
    assert "A panel mean below 3 on Leadership and change driven by values" in text
    assert "only its results are totalled and ranked for the decision" in text
    flags = [row[0] for row in rows_text(table_captioned(summary, "Flags"))[1:]]
    assert flags == ["Values floor", "Panel disagreement", "Not assessed", "Mostly no evidence"]


def test_results_table_has_means_to_one_decimal_right_aligned_and_flags_as_text(
    summary: DocxDocument,
) -> None:
    table = table_captioned(summary, "Results: Final panel interview")
    rows = rows_text(table)

    assert rows[0] == RESULTS_HEADER and is_repeating_header(table)
    assert [row[0] for row in rows[1:]] == ["Ayesha Khan (C-02)", "Sam Patel (C-01)", "C-03"]
    first, second, third = rows[1:]
    # 3.25 rounds half up, as by hand; the agreed score shows under the mean it replaces.
    assert first[1:6] == ["4.3", "3.8", "3.8", "3.3\nagreed 4.0", "3.8"]
    assert first[6:9] == ["4.0\nformula 3.9", "1", "Appointable"] and first[9] == "None"
    assert second[2] == "3.3" and second[8] == "Reserve"
    assert second[9] == "Panel disagreement: Decisions for families"
    assert third[5] == "Not assessed" and third[8] == "Not appointable"
    assert third[9].split("\n") == [
        "Values floor: Values-driven", "Not assessed: Political buy-in",
        "Mostly no evidence: Partnerships",
    ]  # fmt: skip
    for row in table.rows:
        assert row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert row.cells[0].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT


def test_an_attribute_a_stage_did_not_assess_is_named_once_and_left_out_of_its_tables() -> None:
    document = build(stages=(unassessed_stage(), stage_summary("Stakeholder panel")))
    text = all_text(document)
    buy_in = SHORT_NAMES["buy-in"]

    sentence = "Not assessed at this stage: Political buy-in. No candidate has a score on this "
    assert text.count(sentence) == 1
    results = rows_text(table_captioned(document, "Results: Young people's panel"))
    assert results[0] == [item for item in RESULTS_HEADER if item != buy_in]
    # C-03's flags no longer repeat it; the other flags stay.
    assert results[3][-1].split("\n") == [
        "Values floor: Values-driven", "Mostly no evidence: Partnerships",
    ]  # fmt: skip
    assert not any("Not assessed" in cell for row in results for cell in row)
    for caption_text in (
        "Attribute results for Ayesha Khan (C-02)", "Chart figures for Ayesha Khan (C-02)",
        "Attribute results for C-03", "Panel agreement: Young people's panel",
    ):  # fmt: skip
        first_column = [row[0] for row in rows_text(table_captioned(document, caption_text))]
        assert buy_in not in first_column, caption_text
        assert "Values-driven" in first_column, caption_text
    # The chart keeps all five axes, the unscored one marked in its alt text.
    assert "Political buy-in no score" in alt_texts(document)[0]


def test_a_stage_that_assessed_an_attribute_for_some_candidates_keeps_it(
    summary: DocxDocument,
) -> None:
    assert "Not assessed at this stage" not in all_text(summary)
    third = rows_text(table_captioned(summary, "Attribute results for C-03"))
    assert third[5][0] == "Political buy-in" and third[5][-1] == "Not assessed"


def test_weights_show_what_each_stage_actually_weighted() -> None:
    document = build(stages=(unassessed_stage(), stage_summary("Stakeholder panel")))

    weights = rows_text(table_captioned(document, "Weights"))
    # Buy-in's 15% went nowhere at the young people's panel: the rest share its place.
    assert weights[1] == ["Values-driven", "47.1%", "40%"]
    assert weights[5] == ["Political buy-in", "Not assessed", "15%"]
    assert "the other attributes' shares are larger there" in all_text(document)


def test_results_across_stages_keep_every_attribute() -> None:
    stage = unassessed_stage()
    overall = tuple(without_buy_in(candidate) for candidate in candidate_results())
    document = build(stages=(stage,), overall=overall)

    results = rows_text(table_captioned(document, "Results at the deciding stage"))
    assert results[0] == RESULTS_HEADER
    assert [row[5] for row in results[1:]] == ["Not assessed"] * 3
    assert not any("Not assessed" in row[-1] for row in results[1:]), "said once, above"
    assert "Not assessed at any stage: Political buy-in." in all_text(document)
    figures = rows_text(table_captioned(document, "Chart figures at the deciding stage"))
    assert figures[0][-1] == "Political buy-in"


def test_agreement_shows_alpha_with_readings_and_member_tendencies(summary: DocxDocument) -> None:
    alpha = rows_text(table_captioned(summary, "Panel agreement: Final panel interview"))
    tendencies = rows_text(table_captioned(summary, "Member tendencies: Final panel interview"))

    assert alpha[0] == ["Attribute", "Alpha", "Answers compared", "Members compared", "Reading"]
    assert alpha[1] == ["Values-driven", "0.72", "12", "4", "Tentative agreement"]
    assert alpha[4][1] == "Not measurable" and alpha[5][1:4] == ["Not measurable", "0", "0"]
    assert len(alpha) == 6  # one row per attribute, and no alpha pooled across them
    assert [row[:2] for row in tendencies[1:]] == [
        ["Cllr Ruth Owen", "+0.4"], ["Dr Amir Khan", "-0.3"], ["Jo Bell", "0.0"],
        ["Priya Shah", "Not measurable"],
    ]  # fmt: skip
    assert "calibration aid for the chair" in all_text(summary)


def test_each_candidate_has_results_then_chart_then_the_same_figures(summary: DocxDocument) -> None:
    results = rows_text(table_captioned(summary, "Attribute results for Ayesha Khan (C-02)"))
    assert results[0] == ["Attribute", "Scored by", "No evidence", "Mean", "Median",
                          "Range", "Agreed", "Flags"]  # fmt: skip
    assert results[4] == ["Partnerships", "4", "0", "3.3", "3.0", "3.0 to 4.0", "4.0", "None"]
    figures = rows_text(table_captioned(summary, "Chart figures for Ayesha Khan (C-02)"))
    assert figures[0] == ["Attribute", "Panel mean", "After moderation"]
    assert figures[1] == ["Values-driven", "4.3", "4.3"]
    assert figures[4] == ["Partnerships", "3.3", "4.0"]
    unmoderated = rows_text(table_captioned(summary, "Chart figures for Sam Patel (C-01)"))
    assert unmoderated[0] == ["Attribute", "Panel mean"]
    third = rows_text(table_captioned(summary, "Attribute results for C-03"))
    assert third[5][1:4] == ["0", "0", "–"] and third[5][-1] == "Not assessed"

    body = list(summary.element.body)
    pictures = [i for i, element in enumerate(body) if element.xpath(".//w:drawing")]
    # Three candidates at two stages, and one chart across the stages.
    assert len(pictures) == len(summary.inline_shapes) == 7
    first = pictures[0]
    assert Paragraph(body[first + 1], summary).text == "The figures in the chart:"
    assert caption(Table(body[first + 2], summary)) == "Chart figures for Ayesha Khan (C-02)"


# --- evidence, moderation, sign-off and an empty stage ------------------------------------


def test_evidence_shows_the_strongest_scored_notes(summary: DocxDocument) -> None:
    rows = rows_text(table_captioned(summary, "Strongest evidence for Ayesha Khan (C-02)"))

    assert rows[0] == ["Attribute", "Panel member", "Score", "Evidence note"]
    assert rows[1:] == [
        ["Values-driven", "Jo Bell (Question 1)", "5", "Moved budget to keep siblings together."],
        ["Values-driven", "Cllr Ruth Owen", "4", "Spoke about fairness for care leavers."],
    ]  # fmt: skip
    assert "Ran out of time" not in all_text(summary), "No evidence is not a strong note"
    # Explained once in the method note, not above each candidate's notes.
    assert all_text(summary).count("The raw scores export has every member's score") == 1


def test_moderation_record_and_outcome(summary: DocxDocument) -> None:
    record = rows_text(table_captioned(summary, "Moderation record for Ayesha Khan (C-02)"))
    text = all_text(summary)

    assert record[1] == [
        "Partnerships", "3.3", "4.0",
        "Police partner confirmed the joint hub she set up.", "Sam Patel (chair)",
        "12 January 2027, 2:30pm",
    ]  # fmt: skip
    assert "Outcome: Appointable (recorded by Sam Patel (chair), 12 January 2027, 2:30pm)" in text
    assert "Reasons: Strongest values evidence; clear record of partnership work." in text
    assert "Panel mean of 2.5 on Values-driven is below 3" in text
    assert "not appointable, whatever their total" in text
    assert "Moderation: The panel did not agree any change to the formula results." in text
    assert "Moderation and outcome" in headings(summary, 3)


def test_floor_override_reason_is_shown() -> None:
    result = candidate_results()[2]
    overridden = dataclasses.replace(
        result, floor_overridden=True, override_reason="Exceptional evidence at the first stage."
    )
    stage = stage_summary()
    stage = dataclasses.replace(
        stage, result=dataclasses.replace(stage.result, candidates=(overridden,))
    )
    document = build(stages=(stage,), overall=None)

    text = all_text(document)
    assert "The panel overrode the floor. Reason: Exceptional evidence at the first stage." in text
    assert "Values floor (overridden): Values-driven" in text
    assert "The decision" not in headings(document, 1)


def test_sign_off_lists_the_signatories_or_leaves_blank_rows(summary: DocxDocument) -> None:
    table = table_captioned(summary, "Sign-off")
    assert rows_text(table) == [
        ["Name", "Role", "Signature", "Date"], ["Sam Patel", "Chair", "", ""],
        ["Cllr Ruth Owen", "Lead Member", "", ""],
    ]  # fmt: skip
    assert table.rows[1].height is not None and round(table.rows[1].height.mm) >= 15
    blank = rows_text(table_captioned(build(sign_off=()), "Sign-off"))
    assert blank[1:] == [["", "", "", ""]] * 3


def test_a_person_with_two_roles_signs_once() -> None:
    people = (
        SignOff("Sam Patel", "Chair, Final panel interview"), SignOff("Jo Bell", "HR adviser"),
        SignOff("Sam Patel", "Chair, Stakeholder panel"),
    )  # fmt: skip
    table = table_captioned(build(sign_off=people), "Sign-off")

    assert rows_text(table)[1:] == [
        ["Sam Patel", "Chair, Final panel interview; Chair, Stakeholder panel", "", ""],
        ["Jo Bell", "HR adviser", "", ""],
    ]


def test_a_stage_with_no_candidates_and_no_tendencies_still_builds() -> None:
    none_yet = Agreement({"values": AlphaReading(None, 0, 0, "No scores yet")}, ())
    empty = StageResult("x", (), lambda: none_yet, {}, ValuesFloor())
    stage = StageSummary("Shortlisting", empty, {})
    document = build(stages=(stage,), overall=(), sign_off=(), candidate_labels={})

    text = all_text(document)
    assert "No candidate has results at this stage yet." in text
    assert "No weights were set" in text and "The deciding stage has no results yet" in text


# --- figures as text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [(3.25, "3.3"), (2.35, "2.4"), (3.0, "3.0"), (4.96, "5.0"), (0.05, "0.1"), (None, "No score")],
)
def test_scores_show_to_one_decimal_place_rounding_halves_up(
    value: float | None, text: str
) -> None:
    assert score_text(value) == text


def test_a_kept_figure_is_the_same_as_one_worked_out_afresh() -> None:
    values = [1.45, 29 / 20, 3.25, -0.0, 0.0, -0.05, 4, 2.0000000000000004, 1e-20]
    fresh = [
        str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
        for value in values
    ]
    assert [score_text(value) for value in values] == fresh
    assert [score_text(value) for value in values] == fresh  # the second time from the cache
    assert (score_text(-0.0), score_text(0.0)) == ("-0.0", "0.0")
    assert score_text(math.nan) == score_text(math.inf) == "No score"


def test_times_are_shown_in_uk_time_in_govuk_style() -> None:
    summer = datetime.datetime(2027, 7, 1, 11, 0, tzinfo=datetime.UTC)

    assert datetime_text(summer) == "1 July 2027, 12pm"
    assert datetime_text(datetime.datetime(2027, 1, 2, 9, 5)) == "2 January 2027, 9:05am"
    assert datetime_text(None) == "Not recorded"


def test_tied_candidates_share_a_rank() -> None:
    first, second, third = candidate_results()
    tied = dataclasses.replace(third, rank=2, tied_with_previous=True)

    assert rank_texts([first, second, tied]) == ["1", "2=", "2="]
