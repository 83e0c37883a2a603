"""The interview day's timetable, the start time typed on the stage form, and evidence room."""

from __future__ import annotations

import datetime

import pytest

from recruit.domain.documents.interview_pack import (
    InterviewDay,
    evidence_lines,
    parse_clock_time,
    timetable,
)
from recruit.domain.documents.interview_pack.timetable import interviews_before_break

FOUR = ("C-01", "C-02", "C-03", "C-04")


def labels(day: InterviewDay, candidates: tuple[str, ...] = FOUR) -> list[tuple[str, str]]:
    return [(slot.time_label, slot.candidate_label) for slot in timetable(candidates, day)]


def test_without_a_start_time_the_day_is_suggested_from_half_past_nine() -> None:
    day = InterviewDay(interview_minutes=60)

    assert day.suggested
    assert labels(day, FOUR[:3]) == [
        ("09:30 to 10:30", "C-01"),
        ("10:45 to 11:45", "C-02"),
        ("12:00 to 13:00", "C-03"),
    ]


def test_the_stages_start_and_slot_set_the_times_and_the_break_follows_the_middle() -> None:
    day = InterviewDay(
        interview_minutes=60,
        starts_at=datetime.time(10, 0),
        slot_minutes=80,
        break_minutes=45,
    )

    assert not day.suggested
    slots = timetable(FOUR, day)
    assert [(s.time_label, s.candidate_label, s.is_break) for s in slots] == [
        ("10:00 to 11:00", "C-01", False),
        ("11:20 to 12:20", "C-02", False),
        ("12:40 to 13:25", "Break", True),
        ("13:25 to 14:25", "C-03", False),
        ("14:45 to 15:45", "C-04", False),
    ]


def test_a_start_without_a_slot_length_leaves_fifteen_minutes_to_score() -> None:
    day = InterviewDay(interview_minutes=45, starts_at=datetime.time(13, 0))

    assert labels(day, FOUR[:2]) == [("13:00 to 13:45", "C-01"), ("14:00 to 14:45", "C-02")]


@pytest.mark.parametrize(
    ("count", "after"), [(0, None), (1, None), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3)]
)
def test_the_break_comes_after_the_middle_interview(count: int, after: int | None) -> None:
    assert interviews_before_break(count) == after


def test_a_single_interview_has_no_break() -> None:
    day = InterviewDay(interview_minutes=60, starts_at=datetime.time(9, 0), break_minutes=30)

    assert labels(day, ("C-01",)) == [("09:00 to 10:00", "C-01")]


@pytest.mark.parametrize(
    "day",
    [
        InterviewDay(interview_minutes=None),
        InterviewDay(interview_minutes=240, starts_at=datetime.time(20, 0)),
        InterviewDay(interview_minutes=60, starts_at=datetime.time(23, 30), break_minutes=30),
    ],
    ids=["no lengths", "past midnight", "past midnight with a break"],
)
def test_without_lengths_or_past_midnight_the_slots_are_numbered(day: InterviewDay) -> None:
    assert labels(day, FOUR[:2]) == [("Interview 1", "C-01"), ("Interview 2", "C-02")]


def test_a_slot_length_alone_still_gives_times() -> None:
    day = InterviewDay(interview_minutes=None, starts_at=datetime.time(9, 0), slot_minutes=50)

    assert labels(day, FOUR[:2]) == [("09:00 to 09:50", "C-01"), ("09:50 to 10:40", "C-02")]


def test_no_candidates_no_slots() -> None:
    assert timetable((), InterviewDay(interview_minutes=60)) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:30", datetime.time(9, 30)),
        (" 9:30 ", datetime.time(9, 30)),
        ("9.30", datetime.time(9, 30)),
        ("14:00", datetime.time(14, 0)),
        ("00:00", datetime.time(0, 0)),
        ("2:15pm", datetime.time(14, 15)),
        ("2 PM", datetime.time(14, 0)),
        ("12am", datetime.time(0, 0)),
        ("12:30pm", datetime.time(12, 30)),
    ],
)
def test_a_start_time_is_read_as_people_write_it(text: str, expected: datetime.time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "9", "nine", "25:00", "09:60", "9:5", "13pm", "0am", "09:30:00", "-1:00", "٠٩:٣٠"],
)
def test_what_is_not_a_time_is_refused(text: str) -> None:
    assert parse_clock_time(text) is None


@pytest.mark.parametrize(
    ("minutes", "lines"), [(1, 4), (8, 4), (9, 5), (10, 5), (12, 6), (15, 8), (20, 10), (90, 10)]
)
def test_evidence_lines_follow_minutes_within_limits(minutes: int, lines: int) -> None:
    assert evidence_lines(minutes) == lines
