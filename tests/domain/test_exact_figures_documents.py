"""The probe's halfway total (exactly 3.65) as every output shows it: 3.7, halves up.

The figures come from the scoring rules here, not from hand-written results, so these tests
follow a figure from ``consolidate_panel_scores`` to the Word summary, the briefing pack,
the JSON document and the raw-score exports; the weights show as shares adding up to 100.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import openpyxl  # type: ignore[import-untyped]
import pytest
from docx.table import Table

from recruit.domain.comparison import compare_candidates
from recruit.domain.documents.scoring_summary.word import build_scoring_summary
from recruit.domain.scoring import combine_stages, consolidate_panel_scores
from recruit.domain.scoring.exports import RawScoreRow, raw_scores_csv, raw_scores_xlsx
from recruit.domain.scoring.json_document import results_document
from recruit.domain.scoring.model import StageResult, ValuesFloor
from tests.domain import briefing_pack_helpers as briefing
from tests.domain import scoring_summary_helpers as summary
from tests.domain.test_exact_figures import ATTRIBUTES, PROBE_SCORES, probe_stage
from tests.support.word import all_text, reopen


def table_captioned(document, text: str) -> Table:  # type: ignore[no-untyped-def]
    return next(table for table in document.tables if summary.caption(table) == text)


def rows_text(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def probe_result(name: str = "Final panel interview") -> StageResult:
    return consolidate_panel_scores(probe_stage(name=name), summary.SHORT_NAMES)


def summary_document(result: StageResult):  # type: ignore[no-untyped-def]
    stage = dataclasses.replace(
        summary.stage_summary(result.stage),
        result=result,
        member_labels={"m1": "Jo Bell", "m2": "Priya Shah"},
        moderation={},
        evidence={},
    )
    context = summary.make_context(stages=(stage,), overall=combine_stages([result], ATTRIBUTES))
    return reopen(build_scoring_summary(context, summary.REFERENCE))


@pytest.fixture(scope="module", name="word")
def word_fixture():  # type: ignore[no-untyped-def]
    return summary_document(probe_result())


def test_the_word_summary_shows_the_halfway_total_rounded_up(word) -> None:  # type: ignore[no-untyped-def]
    results = rows_text(table_captioned(word, "Results: Final panel interview"))
    header, row = results[0], results[1]
    assert row[0] == "Sam Patel (C-01)"
    assert row[1:6] == ["4.0", "3.0", "3.0", "4.0", "4.0"]
    assert row[header.index("Weighted total")] == "3.7"
    overall = rows_text(table_captioned(word, "Results at the deciding stage"))
    assert overall[1][header.index("Weighted total")] == "3.7"
    assert "weighted total 3.7" in all_text(word)


def test_the_word_summary_shows_the_weights_as_shares_adding_up_to_100(word) -> None:  # type: ignore[no-untyped-def]
    weights = rows_text(table_captioned(word, "Weights"))
    assert [row[1] for row in weights[1:]] == ["30%", "17.5%", "17.5%", "17.5%", "17.5%"]


def test_word_shares_of_the_assessed_attributes_add_up_to_100() -> None:
    # Buy-in not asked: 0.4 and 0.15 three times out of 0.85. Rounded one by one the shares
    # were 47.1% and 17.6% three times, 99.9 in all; the spare tenth goes to decisions.
    weights = {"values": 0.4} | dict.fromkeys(ATTRIBUTES[1:], 0.15)
    stage = dataclasses.replace(
        probe_stage(weights),
        planned={k: v for k, v in probe_stage().planned.items() if k != "buy-in"},
    )
    document = summary_document(consolidate_panel_scores(stage))
    shares = [row[1] for row in rows_text(table_captioned(document, "Weights"))]
    assert shares[1:] == ["47.1%", "17.7%", "17.6%", "17.6%", "Not assessed"]


def test_the_briefing_pack_shows_the_halfway_total_rounded_up() -> None:
    stage = probe_result(briefing.STAGES[1])
    comparison = compare_candidates([stage], briefing.KEYS, target=briefing.TARGET)
    document = briefing.build(
        comparison=comparison,
        method=dataclasses.replace(
            briefing.make_context().method, stage_weights=dict.fromkeys(("A", "B", "C"), 1)
        ),
    )
    table = briefing.table_captioned(document, "The shortlist side by side")
    assert briefing.row_named(table, "Weighted total")[-1] == "3.7"  # after the target column
    # Three equal stage weights: the spare tenth goes to the stage listed first.
    assert "A 33.4%; B 33.3%; C 33.3%" in all_text(document)


def test_the_json_document_gives_the_shown_figures_beside_the_numbers() -> None:
    stage = probe_result()
    document = json.loads(
        json.dumps(
            results_document(
                {"id": 1, "title": "DCS"},
                [stage],
                combine_stages([stage], ATTRIBUTES),
                {"C-01": "Sam Patel (C-01)"},
                {stage.stage: {}},
                ValuesFloor(),
            )  # fmt: skip
        )
    )
    candidate = document["stages"][0]["candidates"][0]
    assert candidate["total"] == candidate["formula_total"] == 3.65
    assert candidate["shown"] == {"total": "3.7", "formula_total": "3.7", "moderated_total": None}
    decisions = candidate["attributes"]["decisions"]
    assert decisions["mean"] == 3.0 and decisions["shown"]["mean"] == "3.0"
    assert decisions["shown"]["spread"] == "2.0" and decisions["shown"]["agreed"] is None
    assert document["overall"][0]["shown"]["total"] == "3.7"
    assert document["stages"][0]["weights_shown"] == {"values": "30%"} | dict.fromkeys(
        ATTRIBUTES[1:], "17.5%"
    )


def raw_rows() -> list[RawScoreRow]:
    return [
        RawScoreRow(
            "DCS",
            "Final panel",
            "C-01",
            member,
            f"{key}-1",
            "Question",
            key,
            score,
            "",
            "2027-01-12T14:30:00+00:00",
            False,
        )  # fmt: skip
        for member, scores in PROBE_SCORES.items()
        for key, score in scores.items()
    ]


def test_the_raw_score_exports_carry_whole_scores_and_no_rounded_figure() -> None:
    """The CSV and XLSX exports list the scores as given: no mean or total appears in them
    to be rounded (they are for checking the summary's figures by hand)."""
    rows = list(csv.reader(io.StringIO(raw_scores_csv(raw_rows()))))
    score = rows[0].index("Score")
    assert [row[score] for row in rows[1:]] == [
        str(s) for scores in PROBE_SCORES.values() for s in scores.values()
    ]
    assert not any("total" in cell.lower() or "mean" in cell.lower() for cell in rows[0])
    sheet = openpyxl.load_workbook(io.BytesIO(raw_scores_xlsx(raw_rows()))).active
    assert [cell.value for cell in sheet["H"][1:]] == [
        s for scores in PROBE_SCORES.values() for s in scores.values()
    ]


def test_a_tie_for_the_spare_tenth_goes_by_the_documents_attribute_order() -> None:
    # Stored in another order: the spare tenth still goes to the first attribute listed.
    weights = {"buy-in": 1.0, "partnerships": 1.0, "decisions": 1.0}
    weights |= {"practice-culture": 0.0, "values": 0.0}
    document = summary_document(consolidate_panel_scores(probe_stage(weights)))
    rows = rows_text(table_captioned(document, "Weights"))
    assert [row[1] for row in rows[1:]] == ["0%", "33.4%", "0%", "33.3%", "33.3%"]
