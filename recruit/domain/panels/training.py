"""Safer recruitment training: whose is current, and whether a panel has someone trained.

Statutory guidance (Keeping Children Safe in Education; Working Together) expects at least
one member of every interview panel to have had safer recruitment training, refreshed
every few years. Training counts from the day it was done until the same day
``refresh_years`` later, that day included: trained on 3 March 2024 with a five-year
refresh, it is current until the end of 3 March 2029 and has expired on 4 March 2029.
Training on 29 February runs to 28 February when that year is not a leap year.

A training date after today (a mistyped year, a clock set wrong) never counts as current:
the admin form refuses such a date, and this module does not guess what was meant.

``panel_training_problem`` is the rule the plan-issue gate applies: a stage's panel needs
at least one member who scores, has not been stood down and whose training is current.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class TrainingState(StrEnum):
    CURRENT = "current"
    EXPIRED = "expired"
    FUTURE = "future"  # a training date after today: never current
    NOT_TRAINED = "not trained"


@dataclass(frozen=True)
class TrainingStatus:
    """One person's safer recruitment training as of a day, with the words to show."""

    trained_on: date | None
    expires_on: date | None  # the last day the training counts
    state: TrainingState
    text: str

    @property
    def current(self) -> bool:
        return self.state is TrainingState.CURRENT


@dataclass(frozen=True)
class TrainingSeat:
    """One seat of a stage's panel, as the training rule needs it."""

    name: str
    scores: bool
    stood_down: bool
    trained_on: date | None


def training_expiry(trained_on: date, refresh_years: int) -> date:
    """The last day training done on ``trained_on`` counts: the same day ``refresh_years``
    later (29 February becomes 28 February in a year that is not a leap year)."""
    _check_years(refresh_years)
    year = trained_on.year + refresh_years
    try:
        return trained_on.replace(year=year)
    except ValueError:  # 29 February, and the year is not a leap year
        return date(year, 2, 28)


def training_status(trained_on: date | None, today: date, refresh_years: int) -> TrainingStatus:
    """Whether training done on ``trained_on`` (None: never) is current on ``today``."""
    _check_years(refresh_years)
    if trained_on is None:
        return TrainingStatus(None, None, TrainingState.NOT_TRAINED, "Not trained")
    expires_on = training_expiry(trained_on, refresh_years)
    if trained_on > today:
        text = f"Training date {_day(trained_on)} is in the future: check it"
        return TrainingStatus(trained_on, expires_on, TrainingState.FUTURE, text)
    if today > expires_on:
        text = f"Training expired {_day(expires_on)}"
        return TrainingStatus(trained_on, expires_on, TrainingState.EXPIRED, text)
    text = f"Trained {_day(trained_on)}, valid until {_day(expires_on)}"
    return TrainingStatus(trained_on, expires_on, TrainingState.CURRENT, text)


def trained_scoring_members(
    seats: Sequence[TrainingSeat], today: date, refresh_years: int
) -> list[str]:
    """The names, in seat order, of members who score, are not stood down and whose
    training is current on ``today``."""
    return [
        seat.name
        for seat in seats
        if seat.scores
        and not seat.stood_down
        and training_status(seat.trained_on, today, refresh_years).current
    ]


def panel_training_problem(
    seats: Sequence[TrainingSeat], today: date, refresh_years: int
) -> str | None:
    """Why this panel's plan cannot be issued yet, in words for HR; None when at least one
    member who scores, and is not stood down, has current safer recruitment training."""
    if trained_scoring_members(seats, today, refresh_years):
        return None
    return (
        "No one on this panel who scores is trained in safer recruitment "
        f"(within {_years(refresh_years)}). The plan cannot be issued until someone is."
    )


def _check_years(refresh_years: int) -> None:
    if refresh_years < 1:
        raise ValueError(f"refresh_years must be 1 or more, not {refresh_years}")


def _years(count: int) -> str:
    return "1 year" if count == 1 else f"{count} years"


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"
