"""The appointing panel for a post elected members appoint: councillors decide, at least one
from the executive; officers advise."""

from __future__ import annotations

from recruit.domain.panels import PanelSeatFacts, appointing_panel_problems


def seat(name: str, *, scores: bool = True, councillor: bool = True, executive: bool = False):  # type: ignore[no-untyped-def]
    return PanelSeatFacts(name, scores, councillor, executive)


def test_councillors_with_an_executive_member_and_officer_advisers_are_complete() -> None:
    panel = [
        seat("Cllr Sam Patel", executive=True),
        seat("Cllr Joan Whitaker"),
        seat("Cllr Helen Forsyth"),
        seat("Chief Executive", scores=False, councillor=False),
        seat("HR adviser", scores=False, councillor=False),
    ]
    assert appointing_panel_problems(panel) == []


def test_an_officer_who_scores_is_named() -> None:
    panel = [seat("Cllr Sam Patel", executive=True), seat("Priya Shah", councillor=False)]
    assert appointing_panel_problems(panel) == [
        "Only elected members decide this appointment, but Priya Shah scores: make an "
        "officer's seat an adviser's, or mark the person as a councillor if they are one"
    ]


def test_several_officers_are_named_together() -> None:
    panel = [
        seat("Cllr Sam Patel", executive=True),
        seat("Priya Shah", councillor=False),
        seat("DI Mark Evans", councillor=False),
    ]
    (problem,) = appointing_panel_problems(panel)
    assert "but Priya Shah and DI Mark Evans score:" in problem


def test_no_executive_member_is_a_problem() -> None:
    panel = [seat("Cllr Joan Whitaker"), seat("Cllr Helen Forsyth")]
    assert appointing_panel_problems(panel) == [
        "At least one of the elected members who decide must be a member of the executive "
        "(cabinet): mark who it is"
    ]


def test_an_executive_member_who_only_advises_does_not_count() -> None:
    panel = [seat("Cllr Joan Whitaker"), seat("Cllr Sam Patel", scores=False, executive=True)]
    assert len(appointing_panel_problems(panel)) == 1


def test_an_empty_panel_asks_for_the_members() -> None:
    assert appointing_panel_problems([]) == [
        "Add the elected members who will make the decision: no one on the panel scores"
    ]
