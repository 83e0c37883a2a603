"""Both sides of the evidence on a compared candidate: strongest and concerns never overlap,
concerns come lowest first, then "No evidence" notes, and empty notes are never shown."""

from __future__ import annotations

from recruit.domain.comparison.evidence import (
    AdvisoryConcern,
    CandidateEvidence,
    Note,
    RedFlag,
    both_sides,
    concerns,
    strongest,
)

NOTES = (
    Note("Ann", 5, "Backed a practitioner's decision in writing."),
    Note("Bob", 4, "Clear example from early help."),
    Note("Cat", 3, "Sound."),
    Note("Dee", 2, "Described partners as letting us down."),
    Note("Eve", 1, "Went round procurement rules."),
    Note("Fay", None, "Asked twice; no example of working with health."),
    Note("Gus", 1, "   "),  # a score with no note: nothing to show
)


def test_strongest_is_scores_of_three_or_more_highest_first():
    assert [n.member for n in strongest(NOTES, limit=5)] == ["Ann", "Bob", "Cat"]
    assert [n.member for n in strongest(NOTES)] == ["Ann", "Bob"]


def test_concerns_are_low_scores_lowest_first_then_no_evidence_notes():
    assert [n.member for n in concerns(NOTES, limit=5)] == ["Eve", "Dee", "Fay"]
    assert [n.member for n in concerns(NOTES)] == ["Eve", "Dee"]


def test_a_note_is_never_on_both_sides():
    for_ = {n.member for n in strongest(NOTES, limit=10)}
    against = {n.member for n in concerns(NOTES, limit=10)}
    assert for_.isdisjoint(against)


def test_both_sides_per_attribute_in_the_order_given():
    sides = both_sides(
        {"values": NOTES, "partnerships": NOTES[3:4]}, ["values", "buy-in", "partnerships"]
    )
    assert [s.attribute for s in sides] == ["values", "buy-in", "partnerships"]
    assert (sides[1].strongest, sides[1].concerns) == ((), ())
    assert [n.member for n in sides[2].concerns] == ["Dee"] and sides[2].strongest == ()


def test_a_candidate_has_concerns_from_notes_red_flags_or_advisory_panels():
    quiet = CandidateEvidence("C-01", both_sides({"values": NOTES[:3]}, ["values"]))
    assert not quiet.has_concerns
    assert CandidateEvidence("C-01", both_sides({"values": NOTES}, ["values"])).has_concerns
    flagged = CandidateEvidence(
        "C-01", (), red_flags=(RedFlag("Panel", ("Ann scored 1 on Q1",), ""),)
    )
    assert flagged.has_concerns
    advised = CandidateEvidence(
        "C-01", (), advisory_concerns=(AdvisoryConcern("YP", "Rushed us."),)
    )
    assert advised.has_concerns
    assert advised.attribute("values").strongest == ()
