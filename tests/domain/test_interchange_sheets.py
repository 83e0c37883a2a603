"""Which score sheets a vacancy file may hold: none from a seat that does not score, and
none that counts from a member who declared a conflict with the candidate."""

from __future__ import annotations

from tests.domain.test_interchange_format import CHAIR, WHEN, minimal_document, problems_in

ADVISER = "hana.hr@council.example"


def _with_adviser_sheet() -> dict:
    """The minimal document with Hana Hussain on the panel as HR adviser, and her sheet."""
    document = minimal_document()
    document["people"].append({"email": ADVISER, "full_name": "Hana Hussain"})
    stage = document["stages"][0]
    stage["seats"].append(
        {
            "member_email": ADVISER,
            "panel_role": "hr_adviser",
            "stood_down_at": None,
            "stood_down_reason": None,
            "is_councillor": False,
            "is_executive_member": False,
        }
    )
    stage["sheets"].append(
        {**stage["sheets"][0], "member_email": ADVISER, "candidate_code": "C-02"}
    )
    return document


def _with_conflict(document: dict, email: str = CHAIR, code: str = "C-01") -> dict:
    document["conflicts"].append(
        {
            "member_email": email,
            "candidate_code": code,
            "description": "Friend",
            "declared_at": WHEN,
        }
    )
    return document


def _submitted(sheet: dict, *, set_aside: bool) -> None:
    sheet.update(status="submitted", submitted_at=WHEN)
    if set_aside:
        sheet.update(set_aside_at=WHEN, set_aside_reason="Declared a conflict after submitting")


def test_a_sheet_from_the_hr_adviser_is_refused_naming_them():
    assert problems_in(_with_adviser_sheet()) == [
        "stages[0].sheets[1]: Stage ‘Final panel’: Hana Hussain sits as HR adviser, who does "
        "not score, but the file has their sheet for C-02"
    ]


def test_an_hr_advisers_seat_without_sheets_is_fine():
    document = _with_adviser_sheet()
    del document["stages"][0]["sheets"][1]
    assert problems_in(document) == []


def test_even_a_set_aside_sheet_from_the_hr_adviser_is_refused():
    document = _with_adviser_sheet()
    _submitted(document["stages"][0]["sheets"][1], set_aside=True)
    assert len(problems_in(document)) == 1
    assert "sits as HR adviser" in problems_in(document)[0]


def test_a_draft_begun_before_a_conflict_was_declared_is_kept():
    # The app keeps such a draft (it never counts), so its own exports must import.
    document = _with_conflict(minimal_document())
    assert document["stages"][0]["sheets"][0]["status"] == "draft"
    assert problems_in(document) == []


def test_a_counted_sheet_despite_a_conflict_is_refused():
    document = _with_conflict(minimal_document(), email=CHAIR.upper())
    _submitted(document["stages"][0]["sheets"][0], set_aside=False)
    assert problems_in(document) == [
        "stages[0].sheets[0]: Stage ‘Final panel’: Chris Chair declared a conflict of interest "
        "with C-01, but the file has their submitted sheet for C-01, and it is not set aside"
    ]


def test_a_submitted_sheet_set_aside_for_a_conflict_is_kept():
    document = _with_conflict(minimal_document())
    _submitted(document["stages"][0]["sheets"][0], set_aside=True)
    assert problems_in(document) == []


def test_a_conflict_with_another_candidate_leaves_the_sheet_alone():
    assert problems_in(_with_conflict(minimal_document(), code="C-02")) == []


def test_the_panel_rules_apply_to_version_1_files_too():
    document = _with_conflict(minimal_document())
    document["version"] = 1
    _submitted(document["stages"][0]["sheets"][0], set_aside=False)
    for key in ("set_aside_at", "set_aside_reason", "set_aside_by_email"):
        del document["stages"][0]["sheets"][0][key]
    for key in ("stood_down_at", "stood_down_reason", "is_councillor", "is_executive_member"):
        del document["stages"][0]["seats"][0][key]
    del document["stages"][0]["role"], document["stages"][0]["reports"]
    for key in ("activities", "starts_at", "slot_minutes", "break_minutes"):
        del document["stages"][0][key]
    del document["stages"][0]["school_hours_agreement"]
    del document["appointment"], document["vacancy"]["job_reference"]
    for item in document["stages"][0]["items"]:
        del item["exercise_id"], item["exercise_attribute"]
    assert [p.split(": ", 1)[0] for p in problems_in(document)] == ["stages[0].sheets[0]"]
