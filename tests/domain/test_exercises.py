"""The exercise bank: the shipped files, the loader's values, the rules across exercises and
files, and the floor the issue sets for the bank's content."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from recruit.domain.exercises import (
    Exercise,
    ExerciseBankError,
    ExerciseKind,
    TrafficLight,
    check_exercise_texts,
    check_exercises,
    exercises_from_texts,
    floor_shortfalls,
    load_exercises,
)
from recruit.domain.exercises.wording import average_sentence_words, distressing_terms_in
from tests.domain.exercise_helpers import (
    BANK,
    VALUES_FILE,
    YOUNG_PEOPLE_FILE,
    activity,
    bank_keys,
    dump,
    presentation,
    problems_in,
)

ATTRIBUTE_KEYS = ("values", "decisions", "practice-culture", "partnerships", "buy-in")


@pytest.fixture(scope="module")
def exercises() -> tuple[Exercise, ...]:
    return load_exercises(BANK, bank_keys())


# --- the shipped files ----------------------------------------------------------------------


def test_the_shipped_exercises_pass_every_check() -> None:
    assert [str(problem) for problem in check_exercises(BANK, bank_keys())] == []


def test_the_shipped_bank_meets_the_floor(exercises: tuple[Exercise, ...]) -> None:
    # Needs every exercise file, including practice-culture, partnerships and buy-in.
    assert floor_shortfalls(exercises, ATTRIBUTE_KEYS) == []


def test_each_file_holds_exercises_of_its_own_attribute(exercises: tuple[Exercise, ...]) -> None:
    for exercise in exercises:
        stem = Path(exercise.source_file).stem
        expected = "young-people" if exercise.is_for_young_people else exercise.primary_attribute
        assert stem == expected, exercise.id


def test_the_values_and_decisions_files_mix_kinds(exercises: tuple[Exercise, ...]) -> None:
    for attribute in ("values", "decisions"):
        own = [e for e in exercises if e.source_file == f"exercises/{attribute}.yaml"]
        assert len(own) >= 3
        assert {ExerciseKind.MEDIA_SIMULATION, ExerciseKind.SCRUTINY_SIMULATION} <= {
            e.kind for e in own
        }
    in_trays = [e for e in exercises if e.kind is ExerciseKind.IN_TRAY and "decisions" in e.id]
    assert in_trays and all(6 <= len(e.materials) <= 8 for e in in_trays)


def test_young_people_activities_use_a_traffic_light(exercises: tuple[Exercise, ...]) -> None:
    activities = [e for e in exercises if e.is_for_young_people]
    assert 3 <= len(activities)
    for exercise in activities:
        assert isinstance(exercise.traffic_light, TrafficLight)
        assert exercise.descriptors == {}
        assert exercise.traffic_light.why_prompt.endswith("?")
    assert all(e.traffic_light is None and e.descriptors for e in exercises if e not in activities)


def test_every_exercise_meets_the_depth_bar(exercises: tuple[Exercise, ...]) -> None:
    for exercise in exercises:
        assert set(exercise.what_good_looks_like) == set(exercise.attributes), exercise.id
        assert all(len(items) >= 3 for items in exercise.what_good_looks_like.values())
        assert any(item.decisive for item in exercise.negative_indicators), exercise.id
        assert len(exercise.candidate_brief) > 200 and len(exercise.assessor_brief) > 300
        if not exercise.is_for_young_people:
            assert set(exercise.descriptors) == set(exercise.attributes), exercise.id
            assert all(sorted(scale) == [1, 2, 3, 4, 5] for scale in exercise.descriptors.values())


def test_media_simulations_are_for_senior_leaders(exercises: tuple[Exercise, ...]) -> None:
    media = [e for e in exercises if e.kind is ExerciseKind.MEDIA_SIMULATION]
    assert media
    for exercise in media:
        assert set(exercise.role_levels) <= {"dcs", "assistant_director", "head_of_service"}


def test_exercise_ids_differ_from_question_ids(exercises: tuple[Exercise, ...]) -> None:
    ids = [exercise.id for exercise in exercises]
    assert len(ids) == len(set(ids))
    assert not set(ids) & bank_keys().question_ids


# --- the values the loader builds -----------------------------------------------------------


def test_the_loader_builds_every_field() -> None:
    record = presentation() | {"content_note": "This refers to a death.", "materials": ["A"]}
    (exercise,) = exercises_from_texts({VALUES_FILE: dump([record])}, bank_keys())
    assert exercise.kind is ExerciseKind.PRESENTATION and exercise.kind.label == "Presentation"
    assert exercise.attributes == ("values", "decisions") and exercise.primary_attribute == "values"
    assert (exercise.minutes, exercise.preparation_minutes, exercise.brief_in_advance) == (
        30,
        60,
        True,
    )
    assert exercise.descriptors["decisions"][5] == "As 4, and lasting change."
    assert exercise.what_good_looks_like["values"][0] == "Names their values"
    assert [n.decisive for n in exercise.negative_indicators] == [True, False, False]
    assert (exercise.materials, exercise.content_note) == (("A",), "This refers to a death.")
    assert (exercise.source_file, exercise.source_line) == (VALUES_FILE, 1)
    assert exercise.is_active and exercise.suits_innovation("no_wrong_door")


def test_a_young_peoples_activity_builds_its_traffic_light() -> None:
    (exercise,) = exercises_from_texts({YOUNG_PEOPLE_FILE: dump([activity()])}, bank_keys())
    assert exercise.traffic_light == TrafficLight(
        green="I would be happy for them to get the job.",
        amber="I am not sure.",
        red="I would not want them to get the job.",
        why_prompt="What made you choose this colour?",
    )


def test_every_kind_has_its_own_label_and_id_prefix() -> None:
    labels = [kind.label for kind in ExerciseKind]
    prefixes = [kind.id_prefix for kind in ExerciseKind]
    assert len(set(labels)) == len(set(prefixes)) == len(ExerciseKind) == 6
    assert ExerciseKind.SCRUTINY_SIMULATION.label == "Scrutiny committee simulation"
    assert ExerciseKind("in_tray").id_prefix == "in-tray-"


def test_load_refuses_a_bank_with_problems_and_names_where(tmp_path: Path) -> None:
    (tmp_path / "exercises").mkdir()
    bad = presentation() | {"minutes": 200}
    (tmp_path / VALUES_FILE).write_text(dump([bad]), encoding="utf-8")
    with pytest.raises(ExerciseBankError) as raised:
        load_exercises(tmp_path, bank_keys())
    assert "exercises/values.yaml:16: exercise presentation-test-01, field minutes:" in str(
        raised.value
    )
    assert [problem.field for problem in raised.value.problems] == ["minutes"]


# --- rules across exercises and files -------------------------------------------------------


def test_a_repeated_id_is_reported_at_both_uses() -> None:
    second = activity() | {"id": "presentation-test-01"}
    problems = problems_in({VALUES_FILE: [presentation()], YOUNG_PEOPLE_FILE: [second]})
    repeated = [p for p in problems if "also used at" in p.message]
    assert {(p.file, p.field) for p in repeated} == {(VALUES_FILE, "id"), (YOUNG_PEOPLE_FILE, "id")}


def test_an_id_used_by_a_question_is_refused() -> None:
    keys = dataclasses.replace(
        bank_keys(), question_ids=bank_keys().question_ids | {"presentation-test-01"}
    )
    problems = check_exercise_texts({VALUES_FILE: dump([presentation()])}, keys)
    assert [(p.exercise, p.field) for p in problems] == [("presentation-test-01", "id")]
    assert "already a question's id" in problems[0].message


def test_a_file_not_named_after_an_attribute_is_refused() -> None:
    problems = problems_in({"exercises/misc.yaml": [presentation()]})
    assert any(
        p.file == "exercises/misc.yaml" and "values.yaml" in p.message and not p.exercise
        for p in problems
    )


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("- id: a\n  title: [x\n", 3, "cannot be read"),
        (
            dump([presentation()]).replace(
                "role_levels:\n  - dcs\n  - assistant_director", "role_levels: [dcs]"
            ),
            11,
            "[brackets]",
        ),
        ("id: presentation-test-01\n", 1, "list of exercises"),
        ("- just a line\n", 1, "not an exercise"),
    ],
    ids=["bad yaml", "flow list", "not a list", "not a mapping"],
)
def test_file_level_problems_name_the_file_and_line(text: str, line: int, says: str) -> None:
    problems = check_exercise_texts({VALUES_FILE: text}, bank_keys())
    assert any(p.file == VALUES_FILE and p.line == line and says in p.message for p in problems), [
        str(p) for p in problems
    ]


def test_no_exercise_files_is_a_problem(tmp_path: Path) -> None:
    assert [p.file for p in check_exercises(tmp_path, bank_keys())] == ["exercises"]


def test_a_content_note_is_needed_only_for_distressing_content() -> None:
    record = presentation()
    record["materials"] = ["Item 3: a teenager at risk of exploitation"]
    assert [p.field for p in problems_in({VALUES_FILE: [record]})] == ["content_note"]
    record["content_note"] = "One item refers to the exploitation of a teenager."
    assert problems_in({VALUES_FILE: [record]}) == []
    # A domestic abuse worker is a job title in Family Safeguarding, not distressing detail.
    assert distressing_terms_in("The domestic abuse worker joins the team.") == []
    assert distressing_terms_in("His mother died; he was abused.") == ["abused", "died"]


def test_sentence_length_reads_quoted_speech_as_sentences() -> None:
    assert average_sentence_words('"We want to stay." "We want more." Free buses!') == 3.0
    assert average_sentence_words("") == 0.0


# --- the floor ------------------------------------------------------------------------------


def made(kind: ExerciseKind, attributes: tuple[str, ...], status: str = "active") -> Exercise:
    return Exercise(
        id=f"{kind.id_prefix}made-01",
        status=status,
        kind=kind,
        title="Made for the floor test",
        attributes=attributes,
        behaviours=(),
        role_levels=("dcs",),
        innovations=("any",),
        minutes=30,
        preparation_minutes=0,
        brief_in_advance=False,
        candidate_brief="",
        assessor_brief="",
        follow_up_questions=(),
        what_good_looks_like={},
        negative_indicators=(),
    )


def meeting_the_floor() -> list[Exercise]:
    """Fifteen active exercises: two for each attribute, three young people's activities."""
    pairs = [
        (a, b) for a, b in zip(ATTRIBUTE_KEYS, ATTRIBUTE_KEYS[1:] + ATTRIBUTE_KEYS[:1], strict=True)
    ]
    scored = [made(ExerciseKind.PRESENTATION, pair) for pair in pairs]
    young = [made(ExerciseKind.YOUNG_PEOPLE_ACTIVITY, ("values",)) for _ in range(3)]
    spare = [made(ExerciseKind.FOCUS_GROUP, ("values",)) for _ in range(7)]
    return scored + young + spare


def test_a_bank_at_the_floor_passes() -> None:
    assert len(meeting_the_floor()) == 15
    assert floor_shortfalls(meeting_the_floor(), ATTRIBUTE_KEYS) == []


def test_retired_exercises_do_not_count_towards_the_floor() -> None:
    bank = meeting_the_floor()
    bank[-1] = dataclasses.replace(bank[-1], status="retired")
    assert floor_shortfalls(bank, ATTRIBUTE_KEYS) == [
        "the bank has 14 active exercises: it needs at least 15"
    ]


def test_an_attribute_with_one_exercise_falls_short() -> None:
    # buy-in is listed by the fourth and fifth pairs; take it out of one of them.
    bank = meeting_the_floor()
    bank[3] = dataclasses.replace(bank[3], attributes=("partnerships",))
    assert floor_shortfalls(bank, ATTRIBUTE_KEYS) == [
        "1 active exercises assess 'buy-in': it needs at least 2"
    ]


def test_two_young_peoples_activities_fall_short() -> None:
    bank = meeting_the_floor()
    bank[5] = dataclasses.replace(bank[5], kind=ExerciseKind.FOCUS_GROUP)
    assert floor_shortfalls(bank, ATTRIBUTE_KEYS) == [
        "the bank has 2 active young people's activities: it needs at least 3"
    ]
