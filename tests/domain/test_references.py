"""The references rules: what is outstanding, each reference's status, the form's rules."""

from __future__ import annotations

from datetime import date

from recruit.domain.references import (
    SENIOR_ROLE_LEVELS,
    ReferenceState,
    is_senior,
    record_problems,
    reference_problems,
    reference_status,
    references_complete,
)

TODAY = date(2027, 2, 1)


def _done(employer: bool = False, **changes: object) -> ReferenceState:
    values: dict[str, object] = {
        "is_current_or_recent_employer": employer,
        "requested_on": date(2027, 1, 4),
        "received_on": date(2027, 1, 11),
        "scrutinised_on": date(2027, 1, 12),
    }
    values.update(changes)
    return ReferenceState(**values)  # type: ignore[arg-type]


def test_two_scrutinised_one_from_the_employer_are_complete():
    rows = [_done(employer=True), _done()]
    assert reference_problems(rows) == []
    assert references_complete(rows)


def test_fewer_than_two_received_and_scrutinised_is_a_problem():
    rows = [_done(employer=True), _done(scrutinised_on=None)]
    assert reference_problems(rows) == ["References: 1 of the 2 needed received and scrutinised"]
    assert not references_complete(rows)
    assert reference_problems([])[0] == "References: 0 of the 2 needed received and scrutinised"


def test_none_from_the_current_or_most_recent_employer_is_a_problem():
    assert reference_problems([_done(), _done()]) == [
        "References: none from the current or most recent employer"
    ]
    # One from the employer that is only requested is not enough either.
    rows = [_done(), _done(), _done(employer=True, received_on=None, scrutinised_on=None)]
    assert reference_problems(rows) == [
        "References: the current or most recent employer's is not yet received and scrutinised"
    ]


def test_a_concern_with_no_resolution_is_a_problem_until_resolved():
    open_concern = _done(employer=True, concerns="A gap in 2019")
    assert reference_problems([open_concern, _done()]) == [
        "References: a concern noted with no resolution"
    ]
    two = [open_concern, _done(concerns="Left abruptly", concern_resolution="  ")]
    assert "References: 2 concerns noted with no resolution" in reference_problems(two)
    resolved = _done(employer=True, concerns="A gap in 2019", concern_resolution="Explained")
    assert references_complete([resolved, _done()])


def test_the_status_of_each_reference():
    assert reference_status(ReferenceState(False)) == "not_requested"
    assert reference_status(_done(received_on=None, scrutinised_on=None)) == "requested"
    assert reference_status(_done(scrutinised_on=None)) == "received"
    assert reference_status(_done()) == "scrutinised"
    assert reference_status(_done(concerns="Gap")) == "concern_open"
    assert reference_status(_done(concerns="Gap", concern_resolution="Fine")) == "concern_resolved"


def test_senior_posts():
    assert SENIOR_ROLE_LEVELS == {"dcs", "assistant_director", "head_of_service"}
    assert is_senior("head_of_service") and not is_senior("team_manager")


def test_the_form_rules():
    assert record_problems(_done(), TODAY) == {}
    future = date(2027, 2, 2)
    assert record_problems(_done(scrutinised_on=future), TODAY) == {
        "scrutinised_on": "The date must be today or in the past"
    }
    assert record_problems(_done(received_on=None), TODAY) == {
        "received_on": "Enter the date the reference was received before it is scrutinised"
    }
    assert record_problems(_done(received_on=date(2027, 1, 1)), TODAY) == {
        "received_on": "The reference cannot be received before it was requested"
    }
    assert record_problems(_done(scrutinised_on=date(2027, 1, 10)), TODAY) == {
        "scrutinised_on": "The reference cannot be scrutinised before it was received"
    }
    assert record_problems(_done(concern_resolution="Explained"), TODAY) == {
        "concerns": "Summarise the concern the resolution answers"
    }
