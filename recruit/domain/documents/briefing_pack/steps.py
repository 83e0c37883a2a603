"""The decision's steps as recorded: who decided and when, each member's confirmation, the
notice to the executive and any objections, and the offer.

The reader checks the order the standing orders ask for (decision, notice, objection period,
rulings, offer), so every step has a row: "Not yet" where it has not happened, and "Not
needed" for the executive's steps when elected members do not appoint to the post.
"""

from __future__ import annotations

import datetime

from recruit.domain.documents.briefing_pack.model import DecisionSteps, ObjectionStep
from recruit.domain.documents.briefing_pack.text import cell_text, name_text
from recruit.domain.documents.scoring_summary.parts import heading
from recruit.domain.documents.scoring_summary.text import date_text
from recruit.domain.documents.word.writer import PackWriter

STEPS_HEADING = "Steps recorded"
STEPS_HEADER = ("Step", "Date", "Detail")
NOT_YET = "Not yet"
NOT_NEEDED = "Not needed"
NO_APPOINTMENT = "No appointment"
NOT_MEMBERS_POST = "Elected members do not appoint to this post, so the executive is not notified."
UPHELD = "Ruled material and well founded: no offer, and the panel decides again"
NOT_UPHELD = "Ruled not material and well founded"
NOT_RULED = "The panel has not ruled yet"

Row = tuple[str, str, str]


def write_steps(writer: PackWriter, steps: DecisionSteps | None) -> None:
    if steps is None:
        return
    heading(writer, STEPS_HEADING, 2)
    rows = [
        _decision_row(steps),
        *_confirmation_rows(steps),
        *_executive_rows(steps),
        _offer_row(steps),
    ]
    writer.table(STEPS_HEADER, rows, (0.25, 0.15, 0.6), caption=STEPS_HEADING)


def _day(day: datetime.date | None, *, needed: bool = True) -> str:
    return date_text(day, missing=NOT_YET if needed else NOT_NEEDED)


def _by(name: str) -> str:
    return f"By {name_text(name)}" if name.strip() else ""


def _decision_row(steps: DecisionSteps) -> Row:
    if steps.recorded_on is None:
        return ("Decision recorded", NOT_YET, "")
    decided = name_text(steps.appointed) if steps.appointed.strip() else NO_APPOINTMENT
    by = _by(steps.recorded_by)
    return ("Decision recorded", _day(steps.recorded_on), f"{decided}\n{by}" if by else decided)


def _confirmation_rows(steps: DecisionSteps) -> list[Row]:
    return [(f"Confirmed by {name_text(name)}", _day(day), "") for name, day in steps.confirmations]


def _executive_rows(steps: DecisionSteps) -> list[Row]:
    if not steps.members_appoint:
        return [
            ("Executive notified", NOT_NEEDED, NOT_MEMBERS_POST),
            ("Objection deadline", NOT_NEEDED, ""),
            ("Objections", NOT_NEEDED, ""),
        ]
    rows = [
        ("Executive notified", _day(steps.executive_notified_on), _by(steps.executive_notified_by)),
        ("Objection deadline", _day(steps.objection_deadline), ""),
    ]
    if steps.objections:
        return rows + [_objection_row(objection) for objection in steps.objections]
    # Until the notice goes out no objection can arrive; after it, none has been recorded.
    none_yet = "None received" if steps.executive_notified_on is not None else NOT_YET
    return [*rows, ("Objections", none_yet, "")]


def _objection_row(objection: ObjectionStep) -> Row:
    if objection.upheld is None:
        ruling = NOT_RULED
    else:
        ruling = f"{UPHELD if objection.upheld else NOT_UPHELD}, {_day(objection.ruled_on)}"
        if objection.ruling_reasons.strip():
            ruling = f"{ruling}: {objection.ruling_reasons.strip()}"
    # Shortened as a whole: the summary and the reasons together must still fit a cell.
    return (
        f"Objection from {name_text(objection.objector)}",
        _day(objection.received_on),
        cell_text(f"{objection.summary.strip()}\n{ruling}"),
    )


def _offer_row(steps: DecisionSteps) -> Row:
    return ("Offer made", _day(steps.offer_made_on), _by(steps.offer_made_by))
