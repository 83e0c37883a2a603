"""Where a vacancy stands, read from its records: each step of the campaign in turn."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from recruit.domain.vacancies import Progress, ProgressFacts, vacancy_progress

TODAY = datetime.date(2027, 3, 1)
START = ProgressFacts(
    status="draft",
    advert_finished=False,
    closing_date=TODAY + datetime.timedelta(days=14),
    today=TODAY,
    candidates_taking_part=0,
    shortlisting_decisions=0,
    plans_issued=0,
    sheets_submitted=0,
    deciding_moderation_open=False,
    decision_recorded=False,
    offer_made=False,
    appointed=False,
)


def _at(**changes: object) -> Progress:
    return vacancy_progress(dataclasses.replace(START, **changes))  # type: ignore[arg-type]


def test_a_new_vacancy_is_a_draft_whatever_hr_set() -> None:
    assert _at() is Progress.DRAFT
    assert _at(status="open") is Progress.DRAFT  # no advert finished yet


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"advert_finished": True}, Progress.ADVERTISED),
        # HR never moved the status on: the records still carry it forward.
        ({"advert_finished": True, "today": TODAY + datetime.timedelta(days=15)},
         Progress.SHORTLISTING),
        ({"shortlisting_decisions": 2}, Progress.SHORTLISTING),
        ({"plans_issued": 1}, Progress.SHORTLISTING),
        ({"sheets_submitted": 3}, Progress.INTERVIEWING),
        ({"sheets_submitted": 3, "deciding_moderation_open": True}, Progress.DECIDING),
        ({"decision_recorded": True}, Progress.DECIDING),
        ({"decision_recorded": True, "offer_made": True}, Progress.OFFER),
        ({"offer_made": True, "appointed": True}, Progress.FILLED),
        ({"status": "appointed"}, Progress.FILLED),
    ],
)  # fmt: skip
def test_the_progress_moves_with_the_records(
    changes: dict[str, object], expected: Progress
) -> None:
    assert _at(**changes) is expected


def test_closed_means_closed_with_nobody_left_not_closed_to_applications() -> None:
    assert _at(status="closed") is Progress.CLOSED
    assert _at(status="closed", candidates_taking_part=3) is Progress.DRAFT
    past = TODAY + datetime.timedelta(days=30)
    assert _at(status="closed", candidates_taking_part=3, today=past) is Progress.SHORTLISTING


def test_every_point_has_a_label_and_a_next_step() -> None:
    for progress in Progress:
        assert progress.label[0].isupper() and progress.next_step
