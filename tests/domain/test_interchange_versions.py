"""Versions of the vacancy interchange format: version 1 files still read, with every key
version 2 added read as null, and version 2's keys are checked."""

from __future__ import annotations

import pytest

from recruit.domain.interchange.format import FORMAT_VERSION, SECTIONS, with_later_keys
from tests.domain.test_interchange_format import CHAIR, WHEN, minimal_document, problems_in

# Keys added after version 1, by section: a version 1 file has none of them.
LATER_KEYS = {
    "(top level)": ["appointment"],
    "vacancy": ["job_reference"],
    "stages[]": [
        "role",
        "starts_at",
        "slot_minutes",
        "break_minutes",
        "school_hours_agreement",
        "activities",
        "reports",
    ],
    "stages[].seats[]": [
        "stood_down_at",
        "stood_down_reason",
        "is_councillor",
        "is_executive_member",
    ],
    "stages[].sheets[]": ["set_aside_at", "set_aside_reason", "set_aside_by_email"],
    "stages[].moderation": ["closed_at", "closed_by_email", "close_reason"],
    "stages[].decisions[]": ["inputs_digest", "red_flag_discussion"],
    "stages[].items[]": ["exercise_id", "exercise_attribute"],
}


# The stage's keys that came in version 6: its activities and its timetable.
VERSION_6_STAGE_KEYS = (
    "starts_at",
    "slot_minutes",
    "break_minutes",
    "school_hours_agreement",
    "activities",
)


def _version_1(document: dict) -> dict:
    """The document as version 1 wrote it: none of the keys that came later."""
    document["version"] = 1
    for key in LATER_KEYS["(top level)"]:
        del document[key]
    for key in LATER_KEYS["vacancy"]:
        del document["vacancy"][key]
    for stage in document["stages"]:
        for key in LATER_KEYS["stages[]"]:
            del stage[key]
        for section in ("seats", "sheets", "decisions", "items"):
            for entry in stage[section]:
                for key in LATER_KEYS[f"stages[].{section}[]"]:
                    del entry[key]
        if stage["moderation"] is not None:
            for key in LATER_KEYS["stages[].moderation"]:
                del stage["moderation"][key]
    return document


def _with_moderation(document: dict) -> dict:
    stage = document["stages"][0]
    stage["moderation"] = {
        "opened_at": WHEN,
        "opened_by_email": None,
        "closed_early_reason": None,
        "closed_at": None,
        "closed_by_email": None,
        "close_reason": None,
    }
    stage["decisions"] = [
        {
            "candidate_code": "C-01",
            "outcome": "appointable",
            "reasons": "Strong",
            "floor_override_reason": None,
            "inputs_digest": None,
            "red_flag_discussion": None,
            "recorded_by_email": CHAIR,
            "recorded_at": WHEN,
        }
    ]
    return document


def test_the_format_is_version_6_and_lists_exactly_the_later_keys():
    assert FORMAT_VERSION == 6
    later = {
        name: [key for key, field in spec.items() if field.since > 1]
        for name, spec in SECTIONS.items()
    }
    assert {name: keys for name, keys in later.items() if keys} == LATER_KEYS


def test_every_key_added_after_version_1_may_be_null():
    """An older file reads as "not set": not set aside, not stood down, not closed."""
    for name, spec in SECTIONS.items():
        for key, field in spec.items():
            assert field.since == 1 or field.nullable, f"{name}.{key}"


def test_a_version_1_document_has_no_problems_and_reads_as_nothing_set():
    document = _version_1(_with_moderation(minimal_document()))
    assert problems_in(document) == []
    current = with_later_keys(document)
    stage = current["stages"][0]
    assert stage["sheets"][0]["set_aside_at"] is None
    assert stage["sheets"][0]["set_aside_by_email"] is None
    assert stage["seats"][0]["stood_down_at"] is None
    assert stage["moderation"]["closed_at"] is None
    assert stage["decisions"][0]["inputs_digest"] is None
    assert "set_aside_at" not in document["stages"][0]["sheets"][0]  # the input is unchanged


def test_a_version_1_document_may_not_use_a_later_key():
    document = _version_1(minimal_document())
    document["stages"][0]["sheets"][0]["set_aside_at"] = WHEN
    assert problems_in(document) == [
        "stages[0].sheets[0].set_aside_at: is not in version 1 of this format "
        "(it came in version 2)"
    ]


def test_a_version_2_document_must_have_every_key():
    document = minimal_document()
    del document["stages"][0]["seats"][0]["stood_down_at"]
    assert problems_in(document) == ["stages[0].seats[0].stood_down_at: is missing"]


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        (
            ["stages", 0, "sheets", 0, "set_aside_at"],
            WHEN,
            "stages[0].sheets[0].set_aside_at: only a submitted sheet can be set aside",
        ),
        (
            ["stages", 0, "sheets", 0, "set_aside_reason"],
            "Conflict",
            "stages[0].sheets[0].set_aside_reason: must be null when set_aside_at is null",
        ),
        (
            ["stages", 0, "sheets", 0, "set_aside_by_email"],
            CHAIR,
            "stages[0].sheets[0].set_aside_by_email: must be null when set_aside_at is null",
        ),
        (
            ["stages", 0, "sheets", 0, "set_aside_by_email"],
            "nobody@council.example",
            "stages[0].sheets[0].set_aside_by_email: 'nobody@council.example' is not listed",
        ),
        (
            ["stages", 0, "seats", 0, "stood_down_reason"],
            "Unwell",
            "stages[0].seats[0].stood_down_reason: must be null when stood_down_at is null",
        ),
        (
            ["stages", 0, "moderation", "close_reason"],
            "Done",
            "stages[0].moderation.close_reason: must be null when closed_at is null",
        ),
        (
            ["stages", 0, "moderation", "closed_by_email"],
            "nobody@council.example",
            "stages[0].moderation.closed_by_email: 'nobody@council.example' is not listed",
        ),
        (
            ["stages", 0, "decisions", 0, "inputs_digest"],
            "a" * 65,
            "stages[0].decisions[0].inputs_digest: must be at most 64 characters",
        ),
    ],
)
def test_the_later_keys_are_checked(path, value, problem):
    document = _with_moderation(minimal_document())
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    problems = problems_in(document)
    assert any(p.startswith(problem) for p in problems), problems


def test_a_closed_moderation_and_a_set_aside_sheet_are_well_formed():
    document = _with_moderation(minimal_document())
    stage = document["stages"][0]
    stage["sheets"][0].update(
        status="submitted",
        submitted_at=WHEN,
        set_aside_at=WHEN,
        set_aside_reason="Declared a conflict after submitting",
        set_aside_by_email=CHAIR,
    )
    stage["seats"][0].update(stood_down_at=WHEN, stood_down_reason="Unwell")
    stage["moderation"].update(closed_at=WHEN, closed_by_email=CHAIR, close_reason="Done")
    stage["decisions"][0]["inputs_digest"] = "0" * 64
    assert problems_in(document) == []


def test_a_file_may_have_one_deciding_stage_at_most():
    document = minimal_document()
    second = {**document["stages"][0], "name": "Second panel", "position": 2}
    document["stages"].append(second)
    assert problems_in(document) == [
        "stages: stages[0], stages[1] are all deciding; only one stage may decide"
    ]
    second["role"] = "advisory"
    assert problems_in(document) == []


def test_a_version_1_stage_reads_with_no_role():
    document = _version_1(minimal_document())
    assert problems_in(document) == []
    assert with_later_keys(document)["stages"][0]["role"] is None


def _report(code: str = "C-01", **changes: object) -> dict:
    return {
        "candidate_code": code,
        "strengths": "She listened to us",
        "concerns": "",
        "traffic_light": "amber",
        "recorded_by_email": CHAIR,
        "recorded_at": WHEN,
        **changes,
    }


def _with_advisory_stage(document: dict, *reports: dict) -> dict:
    deciding = document["stages"][0]
    young = {
        **deciding,
        "name": "Young people's panel",
        "role": "advisory",
        "position": 2,
        "reports": list(reports),
    }
    document["stages"].append(young)
    return document


def test_an_advisory_stages_reports_are_well_formed():
    document = _with_advisory_stage(
        minimal_document(), _report(), _report("C-02", traffic_light=None)
    )
    assert problems_in(document) == []


@pytest.mark.parametrize(
    ("report", "problem"),
    [
        (_report("C-09"), "stages[1].reports[1].candidate_code: no candidate 'C-09' in candidates"),
        (_report(), "stages[1].reports[1]: same candidate_code as stages[1].reports[0]"),
        (
            _report("C-02", recorded_by_email="nobody@council.example"),
            "stages[1].reports[1].recorded_by_email: 'nobody@council.example' is not listed",
        ),
        (_report("C-02", traffic_light="blue"), "stages[1].reports[1].traffic_light: must be one"),
    ],
)
def test_reports_are_checked(report, problem):
    problems = problems_in(_with_advisory_stage(minimal_document(), _report(), report))
    assert any(p.startswith(problem) for p in problems), problems


def test_only_an_advisory_stage_reports():
    document = minimal_document()
    document["stages"][0]["reports"] = [_report()]
    assert problems_in(document) == [
        "stages[0].reports: only an advisory stage reports on candidates"
    ]


def test_an_older_file_has_no_reports_and_reads_as_none():
    document = _version_1(minimal_document())
    assert problems_in(document) == []
    assert with_later_keys(document)["stages"][0]["reports"] is None
    document["stages"][0]["reports"] = []
    assert problems_in(document) == [
        "stages[0].reports: is not in version 1 of this format (it came in version 3)"
    ]


def test_a_version_3_file_has_no_job_reference_and_reads_as_none():
    document = minimal_document()
    document["version"] = 3
    del document["vacancy"]["job_reference"]
    for stage in document["stages"]:
        for key in VERSION_6_STAGE_KEYS:
            del stage[key]
        for item in stage["items"]:
            del item["exercise_id"], item["exercise_attribute"]
    assert problems_in(document) == []
    assert with_later_keys(document)["vacancy"]["job_reference"] is None


def test_a_version_4_file_must_give_the_job_reference():
    document = minimal_document()
    document["version"] = 4
    del document["vacancy"]["job_reference"]
    assert any("job_reference" in problem for problem in problems_in(document))


def test_a_version_4_file_has_no_exercise_items_and_reads_as_questions():
    document = minimal_document()
    document["version"] = 4
    for stage in document["stages"]:
        for key in VERSION_6_STAGE_KEYS:
            del stage[key]
        for item in stage["items"]:
            del item["exercise_id"], item["exercise_attribute"]
    assert problems_in(document) == []
    item = with_later_keys(document)["stages"][0]["items"][0]
    assert item["exercise_id"] is None and item["exercise_attribute"] is None


def test_an_item_is_a_question_or_an_exercise_never_both_or_neither():
    both = minimal_document()
    both["stages"][0]["items"][0]["exercise_id"] = "presentation-first-hundred-days-values-01"
    both["stages"][0]["items"][0]["exercise_attribute"] = "values"
    assert "stages[0].items[0]: give question_id or exercise_id, not both or neither" in (
        problems_in(both)
    )
    neither = minimal_document()
    neither["stages"][0]["items"][0]["question_id"] = None
    assert "stages[0].items[0]: give question_id or exercise_id, not both or neither" in (
        problems_in(neither)
    )
    no_attribute = minimal_document()
    item = no_attribute["stages"][0]["items"][0]
    item["question_id"], item["exercise_id"] = None, "presentation-first-hundred-days-values-01"
    assert any(
        p.endswith("an exercise's item names the attribute") for p in problems_in(no_attribute)
    )


def _activity(**changes: object) -> dict:
    return {
        "position": 1,
        "exercise_id": "young-people-what-would-you-change-01",
        "minutes": 20,
        "frozen_content": None,
        **changes,
    }


def test_a_version_5_file_has_no_activities_and_reads_as_none():
    document = minimal_document()
    document["version"] = 5
    for stage in document["stages"]:
        for key in VERSION_6_STAGE_KEYS:
            del stage[key]
    assert problems_in(document) == []
    assert with_later_keys(document)["stages"][0]["activities"] is None
    document["stages"][0]["activities"] = [_activity()]
    assert problems_in(document) == [
        "stages[0].activities: is not in version 5 of this format (it came in version 6)"
    ]


def test_a_version_6_file_must_give_the_activities_and_the_timetable():
    document = minimal_document()
    for key in VERSION_6_STAGE_KEYS:
        del document["stages"][0][key]
    assert problems_in(document) == [f"stages[0].{key}: is missing" for key in VERSION_6_STAGE_KEYS]


def test_a_stages_activities_are_well_formed():
    document = minimal_document()
    issued = _activity(position=2, frozen_content={"id": "young-people-what-would-you-change-01"})
    document["stages"][0]["stage_type"] = "young_peoples_panel"
    document["stages"][0]["activities"] = [_activity(), issued]
    assert problems_in(document) == []
    current = with_later_keys(document)["stages"][0]["activities"]
    assert [activity["position"] for activity in current] == [1, 2]


@pytest.mark.parametrize(
    ("activity", "problem"),
    [
        (_activity(exercise_id=None), "stages[0].activities[0].exercise_id: must not be null"),
        (
            _activity(exercise_id="x" * 81),
            "stages[0].activities[0].exercise_id: must be at most 80 characters",
        ),
        (_activity(minutes=-5), "stages[0].activities[0].minutes: must be a whole number"),
        (_activity(frozen_content=[]), "stages[0].activities[0].frozen_content: must be"),
        ({**_activity(), "score": 4}, "stages[0].activities[0].score: is not a key"),
    ],
)
def test_activities_are_checked(activity, problem):
    document = minimal_document()
    document["stages"][0]["activities"] = [activity]
    problems = problems_in(document)
    assert any(p.startswith(problem) for p in problems), problems


def test_activities_belong_to_a_young_peoples_panel_each_in_its_own_place():
    document = minimal_document()  # its stage is a final panel
    document["stages"][0]["activities"] = [_activity(), _activity(minutes=30)]
    assert problems_in(document) == [
        "stages[0].activities[1]: same position as stages[0].activities[0]",
        "stages[0].activities: only a young people's panel holds activities",
    ]
