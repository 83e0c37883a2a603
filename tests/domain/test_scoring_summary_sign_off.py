"""The panel scoring summary's sign-off: the members who sign, whether each is a councillor
(and on the executive), and the advisers listed apart with no signature line."""

from __future__ import annotations

from recruit.domain.documents.scoring_summary.model import SignOff
from tests.domain.briefing_pack_helpers import rows_text, table_captioned
from tests.domain.scoring_summary_helpers import build, caption, headings

MEMBERS = (
    SignOff("Cllr Ruth Owen", "Chair, Appointment panel", councillor=True, executive_member=True),
    SignOff("Cllr Tom Hale", "Elected member, Appointment panel", councillor=True),
    SignOff("Priya Shah", "Chair, Stakeholder panel"),
)
ADVISERS = (
    SignOff("Jo Bell", "HR adviser, Stakeholder panel"),
    SignOff("Jane Morris, Chief Executive", "Adviser, Appointment panel"),
    SignOff("Jo Bell", "HR adviser, Appointment panel"),
)


def test_members_sign_and_say_whether_they_are_councillors() -> None:
    document = build(sign_off=MEMBERS, advisers=ADVISERS)
    assert rows_text(table_captioned(document, "Sign-off"))[1:] == [
        ["Cllr Ruth Owen", "Chair, Appointment panel (councillor, executive member)", "", ""],
        ["Cllr Tom Hale", "Elected member, Appointment panel (councillor)", "", ""],
        ["Priya Shah", "Chair, Stakeholder panel", "", ""],
    ]


def test_advisers_are_listed_once_each_without_a_signature() -> None:
    document = build(sign_off=MEMBERS, advisers=ADVISERS)
    assert "Advised by" in headings(document, 2)
    assert rows_text(table_captioned(document, "Advised by")) == [
        ["Name", "Role"],
        ["Jo Bell", "HR adviser, Stakeholder panel; HR adviser, Appointment panel"],
        ["Jane Morris, Chief Executive", "Adviser, Appointment panel"],
    ]
    signing = [caption(t) for t in document.tables if "Signature" in rows_text(t)[0]]
    assert signing == ["Sign-off"]
    names = [row[0] for row in rows_text(table_captioned(document, "Sign-off"))]
    assert "Jo Bell" not in names and "Jane Morris, Chief Executive" not in names


def test_no_advisers_leaves_the_list_out() -> None:
    document = build(sign_off=MEMBERS)
    assert "Advised by" not in headings(document, 2)
