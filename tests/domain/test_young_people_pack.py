"""The young people's panel's pack: no distressing adult wording without a content note, the
plain traffic light, the facilitator's guide, the school-hours rule and the YAML it reads."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx.document import Document as DocxDocument

from recruit.domain.documents.interview_pack import (
    CONTENT_NOTE_LABEL,
    FACILITATORS_HEADING,
    TRAFFIC_LIGHT_HEADING,
    InterviewDay,
    PackContext,
    PanelSeat,
    YoungPeopleGuide,
    YoungPeopleGuideError,
    build_interview_pack,
    interview_day_span,
    load_young_people_guide,
    school_hours_clash,
    school_hours_warning,
    support_person,
)
from recruit.domain.documents.interview_pack.young_people import distressing_topics
from recruit.domain.exercises.wording import DISTRESSING_TERMS, distressing_terms_in
from recruit.domain.question_bank import Question, QuestionBank, load_bank
from tests.domain.test_interview_pack import make_context, pack_question
from tests.support.word import paragraphs_and_cells, reopen

ROOT = Path(__file__).resolve().parents[2]
GUIDE_FILE = ROOT / "question_bank" / "young_people_panel.yaml"
# Adult wording about a young person who was sexually exploited, with a young people's version.
EXPLOITED = "values-care-leaver-records-01"
# A boy who keeps going missing: the scenario names no distressing term, its guidance does
# ("exploitation"). The shipped bank gives it a young people's version; the tests take it
# away (``_without_version``), as a council's own question may have none.
MISSING_BOY = "decisions-exploitation-risk-01"
# Nothing distressing anywhere in it, and a young people's version.
PLAIN = "values-personal-values-01"
YOUNG_PANEL = (
    PanelSeat("Sam Patel", "Chair", panel_role="chair"),
    PanelSeat("Priya Shah", "HR adviser", panel_role="hr_adviser"),
    PanelSeat("Jo Bell", "Young people's panel member", panel_role="young_peoples_panel"),
)


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(ROOT / "question_bank")


@pytest.fixture(scope="module")
def guide() -> YoungPeopleGuide:
    return load_young_people_guide(GUIDE_FILE.read_text(encoding="utf-8"))


def _context(bank: QuestionBank, guide: YoungPeopleGuide, **changes: object) -> PackContext:
    chosen = (bank.question(PLAIN), bank.question(EXPLOITED), _without_version(bank, MISSING_BOY))
    questions = tuple(pack_question(n, question, bank) for n, question in enumerate(chosen, 1))
    young = {
        "questions": questions,
        "panel": YOUNG_PANEL,
        "stage_name": "Young people's panel",
        "stage_type_label": "Young people's panel",
        "recipient": "Jo Bell",
        "use_young_people_wording": True,
        "young_people_on_panel": True,
        "young_people_guide": guide,
    }
    return make_context(bank, **{**young, **changes})


def _without_version(bank: QuestionBank, question_id: str) -> Question:
    return dataclasses.replace(bank.question(question_id), young_people_variant=None)


def _build(context: PackContext) -> DocxDocument:
    return reopen(build_interview_pack(context))


def _texts(document: DocxDocument) -> list[str]:
    return [p.text for p in paragraphs_and_cells(document)]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _distressing_adult_wording(bank: QuestionBank) -> list[str]:
    """Every adult text of the test's questions that names a distressing event."""
    found = []
    for qid in (EXPLOITED, MISSING_BOY):
        question = bank.question(qid)
        texts = [
            question.question,
            *question.probes,
            *question.positive_indicators,
            *(n.text for n in question.negative_indicators),
            *question.descriptors.values(),
        ]
        found += [_one_line(text) for text in texts if distressing_terms_in(text)]
    return found


# --- a young person's pack ---------------------------------------------------------------


def test_a_young_persons_pack_has_no_distressing_adult_wording(bank, guide):
    document = _build(_context(bank, guide))
    text = "\n".join(_texts(document))
    wording = _distressing_adult_wording(bank)
    assert wording  # the test's questions do carry such wording
    for adult in wording:
        assert adult not in text
    # Nor the scenarios themselves, though one of them names no distressing term.
    assert _one_line(bank.question(EXPLOITED).question) not in text
    assert _one_line(bank.question(MISSING_BOY).question) not in text
    # Only a content note may name what a question is about.
    outside_notes = [t for t in _texts(document) if not t.startswith(CONTENT_NOTE_LABEL)]
    assert [t for t in outside_notes if distressing_terms_in(t)] == []


def test_a_young_persons_pack_says_what_the_left_out_wording_is_about(bank, guide):
    texts = _texts(_build(_context(bank, guide)))
    notes = [t for t in texts if t.startswith(CONTENT_NOTE_LABEL)]
    assert len(notes) == 2  # the two distressing questions, not the plain one
    assert all(
        "is about exploitation" in note and "the chair's pack has it" in note for note in notes
    )
    variant = _one_line(bank.question(EXPLOITED).young_people_variant or "")
    assert f"Ask: {variant}" in texts
    assert any("has no young people's version" in t for t in texts)
    assert sum(t.startswith("Follow-up:") for t in texts) == 2


def test_a_plain_question_keeps_its_full_wording_and_probes(bank, guide):
    texts = _texts(_build(_context(bank, guide)))
    plain = bank.question(PLAIN)
    assert f"Full wording, for reference: {_one_line(plain.question)}" in texts
    assert _one_line(plain.probes[0]) in texts


def test_a_young_persons_pack_has_the_traffic_light_not_the_descriptors(bank, guide):
    document = _build(_context(bank, guide))
    texts = _texts(document)
    assert TRAFFIC_LIGHT_HEADING in texts
    rows = [tuple(c.text for c in row.cells) for table in document.tables for row in table.rows]
    assert ("Green", guide.traffic_light.green) in rows
    assert ("Red", guide.traffic_light.red) in rows
    assert texts.count(guide.traffic_light.write_why) == 4  # each question, and before the sheets
    assert not any(t.endswith("what each score sounds like") for t in texts)
    # The scoring sheets stay: adults on the panel may still score 1 to 5.
    assert any(t.startswith("Scoring sheet:") for t in texts)
    assert texts.index(TRAFFIC_LIGHT_HEADING) < texts.index("Scoring sheets")


def test_every_pack_at_the_stage_has_the_facilitators_guide_and_support_person(bank, guide):
    for changes in ({}, {"is_chair": True, "recipient": "Sam Patel"}):
        texts = _texts(_build(_context(bank, guide, **changes)))
        assert FACILITATORS_HEADING in texts
        assert "Named support person: Priya Shah (HR adviser)" in texts
        for section in guide.facilitators_guide:
            assert section.heading in texts
            assert section.points[0] in texts


def test_the_support_person_is_the_hr_adviser_else_the_chair_else_to_be_named():
    chair, adviser, young = YOUNG_PANEL
    assert support_person(YOUNG_PANEL) == "Priya Shah (HR adviser)"
    stood_down = dataclasses.replace(adviser, stood_down=True)
    assert support_person((chair, stood_down, young)) == "Sam Patel (Chair)"
    assert support_person((young,)) == "To be named by HR"


# --- the chair's pack and adults' packs ---------------------------------------------------


def test_the_chairs_pack_keeps_the_adult_wording_and_marks_it(bank, guide):
    document = _build(_context(bank, guide, is_chair=True, recipient="Sam Patel"))
    texts = _texts(document)
    text = "\n".join(texts)
    for adult in _distressing_adult_wording(bank):
        assert adult in text
    notes = [t for t in texts if t.startswith(CONTENT_NOTE_LABEL)]
    assert len(notes) == 2
    assert all("The young people's packs leave the adult wording out" in n for n in notes)
    assert any(t.endswith("what each score sounds like") for t in texts)
    assert TRAFFIC_LIGHT_HEADING in texts


def test_an_adult_members_pack_at_another_stage_is_unchanged(bank, guide):
    context = _context(
        bank,
        guide,
        use_young_people_wording=False,
        young_people_on_panel=False,
        recipient="Ruth Owen",
        stage_name="Final panel",
    )
    texts = _texts(_build(context))
    text = "\n".join(texts)
    for adult in _distressing_adult_wording(bank):
        assert adult in text
    assert f"Ask: {_one_line(bank.question(EXPLOITED).question)}" in texts
    assert not any(t.startswith(CONTENT_NOTE_LABEL) for t in texts)
    assert FACILITATORS_HEADING not in texts and TRAFFIC_LIGHT_HEADING not in texts
    assert sum(t.endswith("what each score sounds like") for t in texts) == 3


def test_every_shared_distressing_term_says_what_it_is_about():
    for term in DISTRESSING_TERMS:
        topics = distressing_topics([f"a text that mentions {term} here"])
        assert topics and topics != ("upsetting events",), term
    assert distressing_topics(["Tell us about a time you listened."]) == ()
    assert distressing_topics(["abused and later died"]) == ("abuse", "a death")


# --- school hours -------------------------------------------------------------------------

WEDNESDAY = datetime.date(2027, 2, 3)
SATURDAY = datetime.date(2027, 2, 6)


def _time(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text)


@pytest.mark.parametrize(
    ("held_on", "starts", "ends", "clashes"),
    [
        (WEDNESDAY, "10:00", "13:45", True),
        (WEDNESDAY, "08:00", "09:30", True),
        (WEDNESDAY, "15:00", "17:00", True),
        (SATURDAY, "10:00", "13:45", False),
        (WEDNESDAY, "16:30", "19:00", False),
        (WEDNESDAY, "15:30", "18:00", False),
        (WEDNESDAY, "07:00", "09:00", False),
        (None, "10:00", "13:45", False),
    ],
)
def test_the_school_hours_rule(held_on, starts, ends, clashes):
    clash = school_hours_clash(held_on, _time(starts), _time(ends))
    assert (clash is not None) is clashes


def test_no_start_time_is_no_clash():
    assert school_hours_clash(WEDNESDAY, None, None) is None


def test_the_warning_names_the_day_and_times_and_gives_the_advice(guide):
    clash = school_hours_clash(WEDNESDAY, _time("10:00"), _time("13:45"))
    warning = school_hours_warning(clash, guide.school_hours_advice)
    assert warning.startswith(
        "This young people's panel runs from 10:00 to 13:45 on Wednesday 3 February 2027, "
        "a school day."
    )
    assert "after 16:00" in warning
    assert school_hours_warning(None, guide.school_hours_advice) == ""


def test_the_days_span_follows_the_timetable():
    day = InterviewDay(interview_minutes=60, starts_at=_time("10:00"), slot_minutes=75)
    # Three interviews 75 minutes apart; the last ends an hour after it starts.
    assert interview_day_span(day, 3) == (_time("10:00"), _time("13:30"))
    # No start set: the packs suggest 09:30.
    assert interview_day_span(InterviewDay(interview_minutes=60), 1) == (
        _time("09:30"),
        _time("10:30"),
    )
    assert interview_day_span(InterviewDay(interview_minutes=None), 2) is None


def test_the_warning_heads_the_schedule(bank, guide):
    warning = "This young people's panel runs from 10:00 to 13:45 on a school day."
    texts = _texts(_build(_context(bank, guide, school_hours_warning=warning)))
    assert texts.index(f"Warning: {warning}") == texts.index("Schedule") + 1


# --- the YAML -----------------------------------------------------------------------------


def test_the_real_file_loads(guide):
    assert [s.key for s in guide.facilitators_guide][1] == "safeguarding"
    assert "60 to 75 minutes" in " ".join(guide.facilitators_guide[2].points)


def _real() -> dict[str, Any]:
    return yaml.safe_load(GUIDE_FILE.read_text(encoding="utf-8"))


def _without(data: dict[str, Any], *path: str) -> dict[str, Any]:
    *parents, last = path
    place = data
    for key in parents:
        place = place[key]
    del place[last]
    return data


def _with(data: dict[str, Any], value: object, *path: str) -> dict[str, Any]:
    *parents, last = path
    place = data
    for key in parents:
        place = place[key]
    place[last] = value
    return data


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("traffic_light: [", "young_people_panel.yaml: not valid YAML"),
        ("- a list", "young_people_panel.yaml: the file: expected a mapping"),
        (
            yaml.safe_dump(_without(_real(), "school_hours")),
            "young_people_panel.yaml: the file: missing school_hours",
        ),
        (
            yaml.safe_dump(_with(_real(), 42, "traffic_light", "amber")),
            "young_people_panel.yaml: traffic_light.amber: write it as text",
        ),
        (
            yaml.safe_dump(_without(_real(), "facilitators_guide", "breaks", "heading")),
            "facilitators_guide.breaks: missing heading",
        ),
        (
            yaml.safe_dump(_with(_real(), "blue", "traffic_light", "colour")),
            "traffic_light: unknown key colour",
        ),
        (
            yaml.safe_dump(_with(_real(), [], "facilitators_guide", "breaks", "points")),
            "facilitators_guide.breaks.points: write a list of 1 to 10 points",
        ),
        (
            yaml.safe_dump(_with(_real(), "x" * 801, "school_hours", "advice")),
            "school_hours.advice: keep it to 800 characters or fewer",
        ),
    ],
)
def test_a_broken_file_is_refused_with_the_key_and_the_fault(text, message):
    with pytest.raises(YoungPeopleGuideError) as raised:
        load_young_people_guide(text)
    assert message in str(raised.value)
