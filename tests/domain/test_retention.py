"""Retention rules: who is unsuccessful, the decision date, calendar months, what goes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from recruit.domain.retention import (
    CandidateRecord,
    StoredText,
    add_months,
    anonymised_details,
    assess,
    check_months,
    due_for_anonymising,
    uk_day,
    unsuccessful_reason,
)


def at(day: str, time: str = "10:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{time}+00:00")


def record(status: str = "not_appointable", **overrides: object) -> CandidateRecord:
    values: dict[str, object] = {
        "candidate_id": 7,
        "code": "C-01",
        "vacancy_id": 3,
        "vacancy_title": "Director of Children's Services",
        "status": status,
        "vacancy_status": "open",
        "vacancy_has_appointee": False,
        "anonymised": False,
        "own_activity": (at("2025-01-02"), at("2025-03-15")),
        "vacancy_outcome_activity": (at("2025-01-01"),),
        **overrides,
    }
    return CandidateRecord(**values)  # type: ignore[arg-type]


# --- calendar months ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 3, 15), 6, date(2025, 9, 15)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2024, 3, 31), 6, date(2024, 9, 30)),  # September has 30 days
        (date(2024, 7, 31), 6, date(2025, 1, 31)),  # across a year, no clamping needed
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2024, 12, 1), 1, date(2025, 1, 1)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 6, 15), 24, date(2026, 6, 15)),
    ],
)
def test_calendar_months_clamp_to_the_end_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize("months", [0, -1])
def test_a_period_of_less_than_a_month_is_refused(months):
    with pytest.raises(ValueError, match="at least 1"):
        check_months(months)
    with pytest.raises(ValueError):
        assess(record(), date(2030, 1, 1), months)


# --- UK days --------------------------------------------------------------------------------


def test_decision_days_are_uk_calendar_days():
    # British Summer Time began at 01:00 UTC on 31 March 2024: 23:30 UTC is 00:30 on 1 April.
    assert uk_day(at("2024-03-31", "23:30")) == date(2024, 4, 1)
    # In winter the UK is on UTC.
    assert uk_day(at("2024-01-15", "23:30")) == date(2024, 1, 15)


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError, match="naive"):
        uk_day(datetime(2025, 1, 1, 10, 0))


def test_a_decision_late_on_a_summer_evening_counts_from_the_next_uk_day():
    item = assess(record(own_activity=(at("2024-03-31", "23:30"),)), date(2024, 9, 30), 6)
    assert item is not None
    assert (item.decision_date, item.due_date, item.due) == (
        date(2024, 4, 1),
        date(2024, 10, 1),
        False,
    )


# --- who is unsuccessful --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "vacancy_status", "has_appointee", "expected"),
    [
        ("not_appointable", "open", False, "not appointable"),
        ("withdrawn", "open", False, "withdrawn"),
        ("withdrawn", "appointed", True, "withdrawn"),  # their own reason comes first
        ("appointed", "appointed", True, None),
        ("appointed", "closed", True, None),
        ("interviewed", "open", True, "another candidate appointed"),
        ("reserve", "open", True, "another candidate appointed"),
        ("appointable", "closed", False, "vacancy closed"),
        ("shortlisted", "appointed", False, "vacancy filled"),
        ("applied", "open", False, None),
        ("interviewed", "draft", False, None),
        ("appointable", "open", False, None),
        ("reserve", "open", False, None),
    ],
)
def test_who_is_unsuccessful(status, vacancy_status, has_appointee, expected):
    assert unsuccessful_reason(status, vacancy_status, has_appointee) == expected


def test_appointed_candidates_are_never_due_however_old():
    old = record(
        "appointed",
        vacancy_status="appointed",
        vacancy_has_appointee=True,
        own_activity=(at("2001-01-01"),),
        vacancy_outcome_activity=(at("2001-01-01"),),
    )
    assert assess(old, date(2099, 1, 1), 6) is None
    assert due_for_anonymising([old], date(2099, 1, 1), 6) == []


def test_candidates_still_in_a_live_campaign_are_kept():
    live = record("interviewed", own_activity=(at("2001-01-01"),))
    assert assess(live, date(2099, 1, 1), 6) is None


def test_an_anonymised_candidate_is_never_processed_again():
    assert assess(record(anonymised=True), date(2099, 1, 1), 6) is None


def test_without_any_timestamp_there_is_no_decision_date_and_nothing_goes():
    assert assess(record(own_activity=()), date(2099, 1, 1), 6) is None


# --- the decision date and the boundary -----------------------------------------------------


def test_withdrawn_is_due_on_the_due_date_and_not_the_day_before():
    withdrawn = record("withdrawn")  # latest activity 15 March 2025
    before = assess(withdrawn, date(2025, 9, 14), 6)
    on = assess(withdrawn, date(2025, 9, 15), 6)
    after = assess(withdrawn, date(2025, 9, 16), 6)
    assert before is not None and on is not None and after is not None
    assert (before.decision_date, before.due_date) == (date(2025, 3, 15), date(2025, 9, 15))
    assert (before.due, on.due, after.due) == (False, True, True)
    assert on.reason == "withdrawn"


def test_the_latest_activity_about_the_candidate_is_the_decision_date():
    # A score amended in May, after the decision in March, restarts the clock.
    amended = record(own_activity=(at("2025-03-15"), at("2025-05-20"), at("2025-01-02")))
    item = assess(amended, date(2025, 9, 15), 6)
    assert item is not None
    assert (item.decision_date, item.due_date, item.due) == (
        date(2025, 5, 20),
        date(2025, 11, 20),
        False,
    )


def test_a_decision_on_the_31st_is_due_at_the_end_of_a_short_month():
    item = record(own_activity=(at("2024-08-31"),))
    assert assess(item, date(2025, 2, 27), 6).due is False  # type: ignore[union-attr]
    on_time = assess(item, date(2025, 2, 28), 6)
    assert on_time is not None and on_time.due_date == date(2025, 2, 28) and on_time.due


def test_the_retention_months_setting_moves_the_due_date():
    item = assess(record(), date(2025, 6, 15), 3)
    assert item is not None and item.due_date == date(2025, 6, 15) and item.due
    assert assess(record(), date(2025, 6, 15), 6).due is False  # type: ignore[union-attr]


def test_a_vacancy_with_an_appointee_decides_for_the_others_from_the_appointment():
    # Interviewed in January; the appointee was appointed on 20 April.
    interviewed = record(
        "interviewed",
        vacancy_has_appointee=True,
        own_activity=(at("2025-01-10"),),
        vacancy_outcome_activity=(at("2025-02-01"), at("2025-04-20")),
    )
    early = assess(interviewed, date(2025, 10, 19), 6)
    on = assess(interviewed, date(2025, 10, 20), 6)
    assert early is not None and on is not None
    assert early.reason == "another candidate appointed"
    assert (early.decision_date, early.due_date) == (date(2025, 4, 20), date(2025, 10, 20))
    assert (early.due, on.due) == (False, True)


def test_a_closed_vacancy_decides_from_when_it_changed():
    reserve = record(
        "reserve",
        vacancy_status="closed",
        own_activity=(at("2025-01-10"),),
        vacancy_outcome_activity=(at("2025-03-01"),),
    )
    item = assess(reserve, date(2025, 9, 1), 6)
    assert item is not None and item.reason == "vacancy closed"
    assert (item.decision_date, item.due) == (date(2025, 3, 1), True)


def test_a_candidates_own_decision_is_not_delayed_by_later_changes_to_the_vacancy():
    withdrawn = record(
        "withdrawn",
        vacancy_status="appointed",
        vacancy_has_appointee=True,
        own_activity=(at("2025-01-10"),),
        vacancy_outcome_activity=(at("2025-06-30"),),
    )
    item = assess(withdrawn, date(2025, 7, 10), 6)
    assert item is not None and item.decision_date == date(2025, 1, 10) and item.due


def test_only_the_due_are_returned_in_vacancy_and_code_order():
    records = [
        record(candidate_id=1, code="C-02", vacancy_id=5),
        record(candidate_id=2, code="C-01", vacancy_id=5),
        record(candidate_id=3, code="C-03", vacancy_id=4),
        record("appointed", candidate_id=4, code="C-04", vacancy_id=4),
        record(candidate_id=5, code="C-05", vacancy_id=4, own_activity=(at("2025-06-01"),)),
    ]
    due = due_for_anonymising(records, date(2025, 9, 15), 6)
    assert [(item.record.vacancy_id, item.record.code) for item in due] == [
        (4, "C-03"),
        (5, "C-01"),
        (5, "C-02"),
    ]


# --- what anonymising leaves ----------------------------------------------------------------


def test_anonymised_details_identify_nobody_and_keep_emails_unique():
    first, second = anonymised_details(7), anonymised_details(8)
    assert first == {
        "first_name": "Anonymised",
        "last_name": "candidate",
        "email": "anonymised-7@invalid",
        "phone": "",
        "current_role": "",
        "current_employer": "",
        "notes": "",
        "application_date": None,
    }
    assert first["email"] != second["email"]


def test_the_stored_text_is_described_for_the_table_and_counted_for_the_audit():
    text = StoredText(notes=1, evidence=3, amendments=1, rationales=2, decisions=1, conflicts=0)
    assert text.describe() == (
        "personal details, notes, 3 evidence notes, 1 amendment, 2 rationales, 1 decision reason"
    )
    assert text.total == 8
    assert text.as_detail()["evidence"] == 3
    assert StoredText().describe() == "personal details"
    assert replace(text, notes=0, conflicts=2).describe().endswith("2 conflicts")
