"""The DCS briefing pack's sign-off: only the appointing panel's members who score sign,
advisers are listed apart with no signature, and the decision's steps are shown with their
days, "Not yet" where a step has not happened and "Not needed" where the post does not ask
for it.

The context behind these tests is written by hand in briefing_pack_helpers.
"""

from __future__ import annotations

import datetime

from docx.document import Document as DocxDocument

from recruit.domain.documents.briefing_pack.model import ObjectionStep
from tests.domain.briefing_pack_helpers import (
    briefing_fixture,  # noqa: F401 (the `briefing` fixture, found by pytest)
    build,
    caption,
    headings,
    millimetres,
    row_named,
    rows_text,
    steps,
    table_captioned,
)


def test_only_the_deciding_members_have_signature_lines(briefing: DocxDocument) -> None:
    sign_off = table_captioned(briefing, "Sign-off")
    names = [row[0] for row in rows_text(sign_off)[1:]]
    assert names == ["Cllr Ruth Owen", "Cllr Tom Hale"]
    assert all(millimetres(row.height) >= 15 for row in sign_off.rows[1:])
    # No other table in the pack has a signature column.
    signing = [caption(t) for t in briefing.tables if "Signature" in rows_text(t)[0]]
    assert signing == ["Sign-off"]


def test_advisers_are_listed_as_advisers_without_a_signature(briefing: DocxDocument) -> None:
    assert "Advised by" in headings(briefing, 2)
    advisers = rows_text(table_captioned(briefing, "Advised by"))
    assert advisers == [
        ["Name", "Role"],
        ["Jo Bell", "HR adviser"],
        ["Jane Morris, Chief Executive", "Adviser"],
    ]
    text = "\n".join(p.text for p in briefing.paragraphs)
    assert "They did not score or decide, so do not sign." in text


def test_no_advisers_leaves_the_list_out() -> None:
    document = build(advised_by=())
    assert "Advised by" not in headings(document, 2)
    assert all(caption(t) != "Advised by" for t in document.tables)


def test_the_steps_show_each_recorded_step_with_its_date(briefing: DocxDocument) -> None:
    table = table_captioned(briefing, "Steps recorded")
    assert rows_text(table)[0] == ["Step", "Date", "Detail"]
    assert row_named(table, "Decision recorded") == [
        "Decision recorded", "15 January 2027", "Ayesha Khan (C-02)\nBy Cllr Ruth Owen",
    ]  # fmt: skip
    assert row_named(table, "Confirmed by Cllr Ruth Owen")[1] == "15 January 2027"
    assert row_named(table, "Confirmed by Cllr Tom Hale")[1] == "Not yet"
    assert row_named(table, "Executive notified")[1:] == ["18 January 2027", "By Jo Bell"]
    assert row_named(table, "Objection deadline")[1] == "25 January 2027"
    objection = row_named(table, "Objection from Cllr Lee Grant")
    assert objection[1] == "20 January 2027"
    assert objection[2] == (
        "Asks for a second interview.\nRuled not material and well founded, 22 January 2027: "
        "The panel heard enough evidence."
    )
    assert row_named(table, "Offer made")[1:] == ["Not yet", ""]


def test_a_decision_not_yet_recorded_shows_every_step_not_yet() -> None:
    nothing = steps(
        recorded_on=None, recorded_by="", appointed="", executive_notified_on=None,
        executive_notified_by="", objection_deadline=None, objections=(),
        confirmations=(("Cllr Ruth Owen", None), ("Cllr Tom Hale", None)),
    )  # fmt: skip
    table = rows_text(table_captioned(build(steps=nothing), "Steps recorded"))
    assert [row[:2] for row in table[1:]] == [
        ["Decision recorded", "Not yet"],
        ["Confirmed by Cllr Ruth Owen", "Not yet"],
        ["Confirmed by Cllr Tom Hale", "Not yet"],
        ["Executive notified", "Not yet"],
        ["Objection deadline", "Not yet"],
        ["Objections", "Not yet"],
        ["Offer made", "Not yet"],
    ]


def test_no_appointment_and_a_post_members_do_not_appoint() -> None:
    offered = datetime.date(2027, 1, 20)
    decided = steps(
        members_appoint=False, appointed="", executive_notified_on=None, objections=(),
        objection_deadline=None, offer_made_on=offered, offer_made_by="Jo Bell",
    )  # fmt: skip
    table = table_captioned(build(steps=decided), "Steps recorded")
    assert row_named(table, "Decision recorded")[2] == "No appointment\nBy Cllr Ruth Owen"
    for step in ("Executive notified", "Objection deadline", "Objections"):
        assert row_named(table, step)[1] == "Not needed"
    assert "Elected members do not appoint" in row_named(table, "Executive notified")[2]
    assert row_named(table, "Offer made")[1:] == ["20 January 2027", "By Jo Bell"]


def test_objections_not_yet_ruled_or_upheld_say_so() -> None:
    received = datetime.date(2027, 1, 20)
    objections = (
        ObjectionStep("Cllr A", received, "Not consulted."),
        ObjectionStep("Cllr B", received, "Conflict.", upheld=True, ruled_on=received),
    )
    table = table_captioned(build(steps=steps(objections=objections)), "Steps recorded")
    assert row_named(table, "Objection from Cllr A")[2].endswith("The panel has not ruled yet")
    upheld = row_named(table, "Objection from Cllr B")[2]
    assert "Ruled material and well founded: no offer" in upheld and "20 January 2027" in upheld


def test_notified_with_no_objection_says_none_received() -> None:
    table = table_captioned(build(steps=steps(objections=())), "Steps recorded")
    assert row_named(table, "Objections")[1] == "None received"


def test_no_steps_leaves_the_table_out() -> None:
    document = build(steps=None)
    assert all(caption(t) != "Steps recorded" for t in document.tables)
