"""Safer recruitment training: when it counts, and whether a panel has someone trained."""

from __future__ import annotations

from datetime import date

import pytest

from recruit.domain.panels.training import (
    TrainingSeat,
    TrainingState,
    panel_training_problem,
    trained_scoring_members,
    training_expiry,
    training_status,
)

TODAY = date(2026, 6, 15)


def test_training_within_the_years_is_current_until_the_same_day_later():
    status = training_status(date(2024, 3, 3), TODAY, 5)
    assert status.current and status.state is TrainingState.CURRENT
    assert status.trained_on == date(2024, 3, 3)
    assert status.expires_on == date(2029, 3, 3)
    assert status.text == "Trained 3 March 2024, valid until 3 March 2029"


def test_training_counts_on_the_fifth_anniversary_and_has_expired_the_day_after():
    trained = date(2021, 6, 15)
    on_the_day = training_status(trained, date(2026, 6, 15), 5)
    assert on_the_day.current and on_the_day.text.endswith("valid until 15 June 2026")
    day_after = training_status(trained, date(2026, 6, 16), 5)
    assert not day_after.current and day_after.state is TrainingState.EXPIRED
    assert day_after.text == "Training expired 15 June 2026"


def test_old_training_has_expired():
    status = training_status(date(2021, 5, 1), TODAY, 5)
    assert not status.current
    assert status.expires_on == date(2026, 5, 1)
    assert status.text == "Training expired 1 May 2026"


def test_no_training_date_is_not_trained():
    status = training_status(None, TODAY, 5)
    assert not status.current and status.state is TrainingState.NOT_TRAINED
    assert (status.trained_on, status.expires_on, status.text) == (None, None, "Not trained")


def test_training_trained_today_counts():
    assert training_status(TODAY, TODAY, 5).current


def test_a_training_date_in_the_future_never_counts():
    status = training_status(date(2026, 6, 16), TODAY, 5)
    assert not status.current and status.state is TrainingState.FUTURE
    assert status.text == "Training date 16 June 2026 is in the future: check it"


@pytest.mark.parametrize(
    ("trained", "years", "expires"),
    [
        (date(2024, 2, 29), 5, date(2029, 2, 28)),  # 2029 is not a leap year
        (date(2024, 2, 29), 4, date(2028, 2, 29)),  # 2028 is
        (date(2023, 2, 28), 5, date(2028, 2, 28)),
    ],
)
def test_a_leap_day_runs_to_28_february_in_a_year_that_is_not_a_leap_year(trained, years, expires):
    assert training_expiry(trained, years) == expires
    assert training_status(trained, expires, years).current
    assert not training_status(trained, date.fromordinal(expires.toordinal() + 1), years).current


def test_a_different_setting_changes_when_training_expires():
    trained = date(2022, 9, 1)
    assert training_status(trained, TODAY, 5).current
    three = training_status(trained, TODAY, 3)
    assert not three.current and three.expires_on == date(2025, 9, 1)
    assert three.text == "Training expired 1 September 2025"
    assert training_status(date(2023, 7, 1), TODAY, 3).text == (
        "Trained 1 July 2023, valid until 1 July 2026"
    )


@pytest.mark.parametrize("years", [0, -1])
def test_refresh_years_must_be_at_least_one(years):
    with pytest.raises(ValueError, match="refresh_years"):
        training_status(date(2024, 1, 1), TODAY, years)


CURRENT = date(2024, 1, 1)
EXPIRED = date(2019, 1, 1)


def seat(name, *, scores=True, stood_down=False, trained_on=CURRENT):  # type: ignore[no-untyped-def]
    return TrainingSeat(name=name, scores=scores, stood_down=stood_down, trained_on=trained_on)


def test_a_panel_with_a_trained_scoring_member_has_no_problem():
    seats = [seat("Chair"), seat("Member", trained_on=None)]
    assert trained_scoring_members(seats, TODAY, 5) == ["Chair"]
    assert panel_training_problem(seats, TODAY, 5) is None


@pytest.mark.parametrize(
    "seats",
    [
        [],
        [seat("Member", trained_on=None)],
        [seat("Member", trained_on=EXPIRED)],
        [seat("Member", trained_on=date(2026, 7, 1))],  # in the future
        [seat("HR adviser", scores=False), seat("Member", trained_on=None)],
        [seat("Stood down", stood_down=True), seat("Member", trained_on=EXPIRED)],
    ],
    ids=["empty", "untrained", "expired", "future", "non-scoring", "stood-down"],
)
def test_only_a_current_scoring_member_still_on_the_panel_counts(seats):
    assert trained_scoring_members(seats, TODAY, 5) == []
    assert panel_training_problem(seats, TODAY, 5) == (
        "No one on this panel who scores is trained in safer recruitment (within 5 years). "
        "The plan cannot be issued until someone is."
    )


def test_the_problem_names_the_setting_and_the_setting_decides():
    seats = [seat("Member", trained_on=date(2022, 9, 1))]
    assert panel_training_problem(seats, TODAY, 5) is None
    problem = panel_training_problem(seats, TODAY, 3)
    assert problem is not None and "(within 3 years)" in problem
    assert "(within 1 year)" in (panel_training_problem([], TODAY, 1) or "")
