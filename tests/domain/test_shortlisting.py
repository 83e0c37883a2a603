"""The rules of shortlisting scrutiny: which criteria a decision is made against, a gap's
length and dates in words, what stops a point or a decision being saved."""

from __future__ import annotations

from datetime import date

import pytest

from recruit.domain.shortlisting import (
    DecisionEntry,
    PointEntry,
    decision_problems,
    gap_length,
    point_problems,
    point_when,
    shortlisting_criteria,
)

TODAY = date(2026, 12, 7)
TEXTS = {1: "Registration", 2: "Senior leadership"}


def test_a_decision_is_made_against_the_essential_criteria_from_the_application() -> None:
    criteria = [
        (1, True, ["application", "check"]),
        (2, True, ["interview"]),
        (3, False, ["application"]),
        (4, True, ["application"]),
    ]
    assert shortlisting_criteria(criteria) == [1, 4]


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (date(2019, 3, 1), date(2019, 9, 30), "about 6 months"),
        (date(2019, 3, 1), date(2019, 4, 1), "about 1 month"),
        (date(2019, 3, 15), date(2019, 4, 10), "under a month"),
        (date(2018, 1, 31), date(2020, 2, 29), "about 24 months"),
    ],
)
def test_a_gaps_length_is_in_whole_months(start: date, end: date, words: str) -> None:
    assert gap_length(start, end) == words


def test_a_points_dates_read_as_words() -> None:
    assert point_when("gap", date(2019, 3, 1), date(2019, 9, 30)) == (
        "1 March 2019 to 30 September 2019 (about 6 months)"
    )
    assert point_when("discrepancy", date(2019, 3, 1), date(2019, 9, 30)) == (
        "1 March 2019 to 30 September 2019"
    )
    assert point_when("discrepancy", date(2019, 3, 1), None) == "from 1 March 2019"
    assert point_when("discrepancy", None, None) == ""


def _point(**changes: object) -> PointEntry:
    values: dict[str, object] = {
        "kind": "gap", "from_date": date(2019, 3, 1), "to_date": date(2019, 9, 30),
        "noted": "A gap", "to_explore": "Ask",
    }  # fmt: skip
    values.update(changes)
    return PointEntry(**values)  # type: ignore[arg-type]


def test_a_gap_needs_both_dates_in_order_and_in_the_past() -> None:
    assert point_problems(_point(), TODAY) == {}
    assert point_problems(_point(from_date=None, to_date=None), TODAY) == {
        "from_date": "Enter the date the gap started",
        "to_date": "Enter the date the gap ended",
    }
    assert point_problems(_point(to_date=date(2019, 1, 1)), TODAY) == {
        "to_date": "The end date must be the same as or after the start date"
    }
    assert point_problems(_point(to_date=date(2027, 1, 1)), TODAY) == {
        "to_date": "The date must be today or in the past"
    }
    assert point_problems(_point(kind="discrepancy", from_date=None, to_date=None), TODAY) == {}


def _decision(shortlisted: bool | None, outcomes: dict[int, str | None], **changes: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "shortlisted": shortlisted, "reasons": "", "outcomes": outcomes, "criterion_texts": TEXTS,
    }  # fmt: skip
    values.update(changes)
    return decision_problems(DecisionEntry(**values))  # type: ignore[arg-type]


def test_every_criterion_needs_an_outcome_and_the_decision_a_choice() -> None:
    assert _decision(None, {1: "met", 2: None}) == {
        "outcome_2": "Select whether the application meets: Senior leadership",
        "decision": "Select whether the candidate is shortlisted",
    }
    assert _decision(True, {1: "met", 2: "partly_met"}) == {}


def test_a_candidate_who_does_not_meet_an_essential_criterion_is_not_shortlisted() -> None:
    problems = _decision(True, {1: "met", 2: "not_met"})
    assert problems["decision"].startswith(
        "A candidate who does not meet an essential criterion is not shortlisted: Senior"
    )
    assert _decision(False, {1: "met", 2: "not_met"}, reasons="No senior post held") == {}


def test_not_shortlisting_or_changing_the_decision_needs_reasons() -> None:
    assert _decision(False, {1: "met", 2: "met"}) == {
        "reasons": "Say why the candidate is not shortlisted"
    }
    changed = _decision(True, {1: "met", 2: "met"}, previously_shortlisted=False)
    assert changed == {"reasons": "Say why the shortlisting decision has changed"}
    assert _decision(True, {1: "met", 2: "met"}, previously_shortlisted=True) == {}
