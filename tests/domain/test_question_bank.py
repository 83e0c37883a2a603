"""The question bank: the shipped content, the checks an HR editor relies on, and writing back."""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml

from recruit.domain.question_bank import (
    Problem,
    QuestionBank,
    QuestionBankError,
    bank_version_hash,
    check_bank,
    dump_questions_yaml,
    load_bank,
    write_bank,
)
from recruit.domain.question_bank.schema import QUESTION_SCHEMA

BANK = Path(__file__).resolve().parents[2] / "question_bank"
DOMAIN = Path(__file__).resolve().parents[2] / "recruit" / "domain"
ATTRIBUTE_KEYS = ["values", "decisions", "practice-culture", "partnerships", "buy-in"]
NAMED_INNOVATIONS = {"family_safeguarding", "no_wrong_door", "family_valued"}


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(BANK)


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "question_bank"
    shutil.copytree(BANK, copy)
    return copy


def line_of(text: str, marker: str) -> int:
    return text[: text.index(marker)].count("\n") + 1


# --- the shipped bank ---------------------------------------------------------------------


def test_shipped_bank_passes_every_check() -> None:
    assert [str(problem) for problem in check_bank(BANK)] == []


def test_attributes_load_in_the_reports_order_with_a_full_scale(bank: QuestionBank) -> None:
    assert [attribute.key for attribute in bank.attributes] == ATTRIBUTE_KEYS
    for attribute in bank.attributes:
        assert sorted(attribute.scale) == [1, 2, 3, 4, 5]
        assert attribute.behaviours
    assert [level.score for level in bank.rating_scale] == [1, 2, 3, 4, 5]
    assert "dcs" in [role.key for role in bank.role_levels]


def test_bank_has_at_least_60_questions(bank: QuestionBank) -> None:
    assert len(bank.questions) >= 60


def test_every_attribute_has_at_least_10_active_questions(bank: QuestionBank) -> None:
    active = Counter(question.attribute for question in bank.active_questions())
    assert {key: active[key] for key in ATTRIBUTE_KEYS if active[key] < 10} == {}


def test_every_behaviour_is_evidenced_by_an_active_question(bank: QuestionBank) -> None:
    uncovered = [
        behaviour.key
        for attribute in bank.attributes
        for behaviour in attribute.behaviours
        if not bank.questions_for(attribute=attribute.key, behaviour=behaviour.key)
    ]
    assert uncovered == []


def test_each_named_innovation_has_at_least_3_questions_of_its_own(bank: QuestionBank) -> None:
    assert {innovation.key for innovation in bank.named_innovations()} == NAMED_INNOVATIONS
    specific = Counter(key for question in bank.questions for key in question.innovations)
    assert {key: specific[key] for key in NAMED_INNOVATIONS if specific[key] < 3} == {}


def test_at_least_15_questions_have_a_young_peoples_version(bank: QuestionBank) -> None:
    assert sum(question.young_people_variant is not None for question in bank.questions) >= 15


def test_every_question_meets_the_depth_bar(bank: QuestionBank) -> None:
    shallow = [
        question.id
        for question in bank.questions
        if len(question.probes) < 2
        or len(question.positive_indicators) < 3
        or len(question.negative_indicators) < 3
        or not any(indicator.decisive for indicator in question.negative_indicators)
        or sorted(question.descriptors) != [1, 2, 3, 4, 5]
        or not all(text.strip() for text in question.descriptors.values())
    ]
    assert shallow == []


def test_questions_record_where_they_were_read_from(bank: QuestionBank) -> None:
    first = bank.questions_for(attribute="values")[0]
    text = (BANK / "questions" / "values.yaml").read_text(encoding="utf-8")
    assert first.source_file == "questions/values.yaml"
    assert first.source_line == line_of(text, f"- id: {first.id}")


# --- looking things up --------------------------------------------------------------------


def test_questions_for_an_innovation_include_those_for_any_innovation(bank: QuestionBank) -> None:
    chosen = bank.questions_for(innovation="family_valued")
    assert all(
        "any" in question.innovations or "family_valued" in question.innovations
        for question in chosen
    )
    assert any(question.innovations == ("any",) for question in chosen)
    assert not any(question.innovations == ("no_wrong_door",) for question in chosen)


def test_questions_for_combines_filters(bank: QuestionBank) -> None:
    chosen = bank.questions_for(attribute="decisions", role_level="team_manager")
    assert chosen
    assert all(q.attribute == "decisions" and "team_manager" in q.role_levels for q in chosen)


def test_lookups_by_key_and_unknown_keys(bank: QuestionBank) -> None:
    assert bank.attribute("buy-in").short_name
    assert bank.innovation("no_wrong_door").originating_council == "North Yorkshire"
    first = bank.questions[0]
    assert bank.question(first.id) == first
    with pytest.raises(KeyError, match="no attribute with the key 'value'"):
        bank.attribute("value")


def test_retired_questions_are_kept_but_not_offered(bank_copy: Path, bank: QuestionBank) -> None:
    # A well-covered behaviour, so retiring one question leaves the bank valid.
    covered = Counter(key for question in bank.active_questions() for key in question.behaviours)
    question = next(q for q in bank.active_questions() if min(covered[b] for b in q.behaviours) > 1)
    retire(bank_copy, question.id)

    edited = load_bank(bank_copy)

    assert not edited.question(question.id).is_active
    assert question.id not in [q.id for q in edited.questions_for(attribute=question.attribute)]
    assert question.id in [q.id for q in edited.questions_for(include_retired=True)]


def retire(bank_folder: Path, question_id: str) -> None:
    for path in (bank_folder / "questions").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        marker = f"- id: {question_id}\n  status: active"
        if marker in text:
            retired = marker.replace("status: active", "status: retired")
            path.write_text(text.replace(marker, retired), encoding="utf-8")
            return
    raise AssertionError(f"{question_id} not found")


# --- each kind of defect gives a message with its file and line ----------------------------


class Defect(NamedTuple):
    file: str
    old: str
    new: str
    message: str
    # Where the problem is reported: None for the edited line, or the first line with this text.
    marker: str | None = None


VALUES = "questions/values.yaml"
DEFECTS = {
    "yaml syntax error": Defect(
        VALUES, "  format: behavioural\n", "  format: behavioural: oops\n", "cannot be read"
    ),
    "tab indentation": Defect(
        VALUES, "  format: behavioural\n", "\tformat: behavioural\n", "not tabs"
    ),
    "duplicate id across files": Defect(
        "questions/decisions.yaml",
        "- id: decisions-own-risk-01",
        "- id: values-personal-values-01",
        "this id is also used at questions/values.yaml:5: give the newer question a new id",
    ),
    "id not lowercase with hyphens": Defect(
        VALUES,
        "- id: values-personal-values-01",
        "- id: Values_Personal_01",
        "may use only lowercase letters, digits and single hyphens",
    ),
    "unknown status": Defect(
        VALUES, "  status: active", "  status: draft", "the status 'draft' is not allowed"
    ),
    "unknown attribute": Defect(
        VALUES, "  attribute: values", "  attribute: value", "(did you mean 'values'?)"
    ),
    "question in another attribute's file": Defect(
        VALUES,
        "  attribute: values",
        "  attribute: buy-in",
        "move the question to questions/buy-in.yaml",
    ),
    "unknown format": Defect(
        VALUES, "  format: behavioural", "  format: hypothetical", "use behavioural or scenario"
    ),
    "unknown behaviour key": Defect(
        VALUES,
        "    - bring-personal-values-to-work",
        "    - bring-personal-value-to-work",
        "(did you mean 'bring-personal-values-to-work'?)",
    ),
    "behaviour from another attribute": Defect(
        VALUES,
        "    - bring-personal-values-to-work",
        "    - own-risk-at-the-top",
        "the behaviour 'own-risk-at-the-top' belongs to the attribute 'decisions', not 'values'",
    ),
    "missing descriptor": Defect(
        VALUES,
        "    4: As 3, and the candidate chose the harder path",
        "    # 4: As 3, and the candidate chose the harder path",
        "descriptors must give a text for every score 1 to 5 (missing 4)",
        marker="  descriptors:",
    ),
    "empty descriptor": Defect(
        VALUES, "    3: A specific decision where", "    3: ''\n    # A", "descriptors 3 is empty"
    ),
    "no decisive negative": Defect(
        VALUES,
        "      decisive: true\n",
        "",
        "mark at least one negative indicator with 'decisive: true'",
        marker="  negative_indicators:",
    ),
    "negative indicator without text:": Defect(
        VALUES,
        "    - text: Offers generic values",
        "    - Offers generic values",
        "negative indicator 2: write this as fields, one per line, starting with 'text:'",
    ),
    "score written in quotes": Defect(
        VALUES,
        "    4: As 3, and the candidate chose",
        "    '4': As 3, and the candidate chose",
        "descriptors has the score '4' in quotes: write it as a plain number, 4:",
    ),
    "text reused through an alias": Defect(
        VALUES,
        "  format: behavioural\n",
        "  format: &shared behavioural\n  probes_note: *shared\n",
        "write it out in full",
        marker="  probes_note: *shared",
    ),
    "decisive not true or false": Defect(
        VALUES, "      decisive: true", "      decisive: maybe", "decisive must be true or false"
    ),
    "unknown key typo": Defect(
        VALUES, "  probes:", "  probe:", "unknown field 'probe' (did you mean 'probes'?)"
    ),
    "missing required field": Defect(
        VALUES,
        "  format: behavioural\n",
        "",
        "add the required field 'format'",
        marker="- id: values-personal-values-01",
    ),
    "too few probes": Defect(
        VALUES,
        "  probes:\n    - Where do those values come from",
        "  probes:\n    - Where do those values come from?\n  old_probes:\n    - Where",
        "give at least 2 probes (found 1)",
        marker="  probes:",
    ),
    "unknown role level": Defect(
        VALUES,
        "    - team_manager",
        "    - team_leader",
        "the role level 'team_leader' is not known",
    ),
    "any mixed with named innovations": Defect(
        VALUES,
        "  innovations:\n    - any",
        "  innovations:\n    - any\n    - family_valued",
        "list either 'any' alone or only the named innovations",
        marker="  innovations:",
    ),
    "unknown innovation": Defect(
        VALUES,
        "    - any",
        "    - family_safegaurding",
        "(did you mean 'family_safeguarding'?)",
    ),
    "list in flow style": Defect(
        VALUES, "  innovations:\n    - any", "  innovations: [any]", "one item per line"
    ),
    "minutes out of range": Defect(
        VALUES, "  minutes: 10", "  minutes: 90", "give a whole number of minutes from 1 to 60"
    ),
    "minutes not a number": Defect(
        VALUES, "  minutes: 10", "  minutes: ten", "minutes must be a whole number"
    ),
    "empty young people's version": Defect(
        VALUES,
        "  young_people_variant: >-",
        "  young_people_variant: ''\n  draft_variant: >-",
        "young_people_variant is empty",
    ),
    "field given twice": Defect(
        VALUES,
        "  minutes: 10\n",
        "  minutes: 10\n  minutes: 12\n",
        "'minutes' appears twice in the same block",
        marker="  minutes: 12",
    ),
    "repeated behaviour key in attributes.yaml": Defect(
        "attributes.yaml",
        "      - key: passion-for-social-justice",
        "      - key: respect-worth-and-dignity",
        "the behaviour key 'respect-worth-and-dignity' is used twice",
    ),
    "repeated innovation key": Defect(
        "innovations.yaml",
        "  - key: family_valued",
        "  - key: no_wrong_door",
        "the innovation key 'no_wrong_door' is used twice",
    ),
}


@pytest.mark.parametrize("defect", DEFECTS.values(), ids=DEFECTS.keys())
def test_each_defect_is_reported_at_its_file_and_line(bank_copy: Path, defect: Defect) -> None:
    path = bank_copy / defect.file
    text = path.read_text(encoding="utf-8")
    assert defect.old in text, "the defect must edit real content"
    edited = text.replace(defect.old, defect.new, 1)
    path.write_text(edited, encoding="utf-8")
    line = line_of(edited, defect.marker) if defect.marker else line_of(text, defect.old)

    problems = check_bank(bank_copy)

    located = [p for p in problems if (p.file, p.line) == (defect.file, line)]
    assert any(defect.message in p.message for p in located), "\n".join(map(str, problems))


def test_retiring_the_only_question_for_a_behaviour_is_reported(
    bank_copy: Path, bank: QuestionBank
) -> None:
    behaviour, questions = least_covered_behaviour(bank)
    for question_id in questions:
        retire(bank_copy, question_id)
    attributes_text = (bank_copy / "attributes.yaml").read_text(encoding="utf-8")

    problems = check_bank(bank_copy)

    expected_line = line_of(attributes_text, f"- key: {behaviour}\n")
    [problem] = [p for p in problems if p.line == expected_line]
    assert problem.file == "attributes.yaml"
    assert f"no active question evidences the behaviour '{behaviour}'" in problem.message
    assert f"retired questions that cover it: {', '.join(questions)}" in problem.message


def test_an_attribute_with_no_active_question_is_reported(
    bank_copy: Path, bank: QuestionBank
) -> None:
    for question in bank.questions_for(attribute="buy-in"):
        retire(bank_copy, question.id)
    attributes_text = (bank_copy / "attributes.yaml").read_text(encoding="utf-8")

    problems = check_bank(bank_copy)

    expected = Problem(
        "attributes.yaml",
        line_of(attributes_text, "- key: buy-in\n"),
        "the attribute 'buy-in' has no active question: add one to questions/buy-in.yaml "
        "or set a retired one back to status: active",
    )
    assert expected in problems


def least_covered_behaviour(bank: QuestionBank) -> tuple[str, list[str]]:
    covering = {
        behaviour.key: [q.id for q in bank.questions_for(behaviour=behaviour.key)]
        for attribute in bank.attributes
        for behaviour in attribute.behaviours
    }
    behaviour = min(covering, key=lambda key: len(covering[key]))
    return behaviour, covering[behaviour]


def test_problem_reads_as_file_line_question_and_what_to_do(bank_copy: Path) -> None:
    defect = DEFECTS["missing descriptor"]
    path = bank_copy / defect.file
    edited = path.read_text(encoding="utf-8").replace(defect.old, defect.new, 1)
    path.write_text(edited, encoding="utf-8")

    messages = [str(problem) for problem in check_bank(bank_copy)]

    assert messages == [
        f"questions/values.yaml:{line_of(edited, '  descriptors:')}: question "
        "values-personal-values-01: descriptors must give a text for every score 1 to 5 "
        "(missing 4)"
    ]


def test_an_unreadable_file_is_the_only_problem_reported(bank_copy: Path) -> None:
    defect = DEFECTS["yaml syntax error"]
    path = bank_copy / defect.file
    path.write_text(
        path.read_text(encoding="utf-8").replace(defect.old, defect.new, 1), encoding="utf-8"
    )

    problems = check_bank(bank_copy)

    assert [problem.file for problem in problems] == [VALUES]


def test_problem_without_a_line_names_only_the_file() -> None:
    assert str(Problem("attributes.yaml", None, "the file is missing")) == (
        "attributes.yaml: the file is missing"
    )


def test_missing_file_is_reported(bank_copy: Path) -> None:
    (bank_copy / "innovations.yaml").unlink()

    assert [str(p) for p in check_bank(bank_copy)] == [
        "innovations.yaml: the file is missing: restore innovations.yaml"
    ]


def test_load_refuses_a_bank_with_problems_and_lists_them(bank_copy: Path) -> None:
    misspelt = (bank_copy / VALUES).read_text(encoding="utf-8").replace("  probes:", "  probe:")
    (bank_copy / VALUES).write_text(misspelt, encoding="utf-8")

    with pytest.raises(QuestionBankError) as raised:
        load_bank(bank_copy)

    assert {problem.file for problem in raised.value.problems} == {VALUES}
    assert "unknown field 'probe'" in str(raised.value)


# --- writing the bank back ----------------------------------------------------------------


def test_written_bank_loads_back_equal(tmp_path: Path, bank: QuestionBank) -> None:
    write_bank(bank, tmp_path)

    reloaded = load_bank(tmp_path)

    assert reloaded.questions == bank.questions
    assert reloaded.attributes == bank.attributes
    assert reloaded.innovations == bank.innovations
    assert reloaded.role_levels == bank.role_levels
    assert reloaded.rating_scale == bank.rating_scale
    assert (tmp_path / "advert_lexicon.yaml").is_file() == (BANK / "advert_lexicon.yaml").is_file()


def test_written_question_files_keep_their_header_and_block_style(
    tmp_path: Path, bank: QuestionBank
) -> None:
    write_bank(bank, tmp_path)

    written = (tmp_path / VALUES).read_text(encoding="utf-8")
    original = (BANK / VALUES).read_text(encoding="utf-8")
    assert written.startswith(original.split("\n- id:")[0])
    assert "  role_levels:\n    - " in written
    assert not re.search(r":\s*\[", written)


def test_multi_line_text_is_written_as_a_literal_block(bank: QuestionBank) -> None:
    question = dataclasses.replace(bank.questions[0], question="First line.\nSecond line.")

    dumped = dump_questions_yaml([question])

    assert "  question: |-\n    First line.\n    Second line.\n" in dumped
    assert yaml.safe_load(dumped) == [question.to_dict()]


def test_to_dict_follows_the_schema_order(bank: QuestionBank) -> None:
    with_variant = next(q for q in bank.questions if q.young_people_variant)
    without = dataclasses.replace(with_variant, young_people_variant=None)

    # Optional fields are left out when empty: this question has no tags or warning signs.
    in_order = [name for name in QUESTION_SCHEMA if name not in ("tags", "warning_signs")]
    assert list(with_variant.to_dict()) == in_order
    assert list(without.to_dict()) == in_order[:-1]


# --- version hash -------------------------------------------------------------------------


def test_version_hash_is_stable_and_matches_the_loaded_bank(
    bank_copy: Path, bank: QuestionBank
) -> None:
    assert re.fullmatch(r"[0-9a-f]{64}", bank.version_hash)
    assert bank_version_hash(BANK) == bank.version_hash
    assert bank_version_hash(bank_copy) == bank.version_hash


def test_version_hash_changes_when_a_question_changes(bank_copy: Path) -> None:
    before = bank_version_hash(bank_copy)
    path = bank_copy / VALUES
    edited = path.read_text(encoding="utf-8").replace("  minutes: 10", "  minutes: 12", 1)
    path.write_text(edited, encoding="utf-8")

    assert bank_version_hash(bank_copy) != before
    assert load_bank(bank_copy).version_hash == bank_version_hash(bank_copy)


def test_version_hash_ignores_windows_line_endings(bank_copy: Path) -> None:
    before = bank_version_hash(bank_copy)
    path = bank_copy / VALUES
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))

    assert bank_version_hash(bank_copy) == before
