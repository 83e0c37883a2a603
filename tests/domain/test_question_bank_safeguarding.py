"""Safeguarding questions in the bank: tags, warning signs, the checks on them and the content."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from recruit.domain.question_bank import (
    Question,
    QuestionBank,
    QuestionBankError,
    bank_files,
    check_bank,
    load_bank,
)
from recruit.domain.question_bank.editing import form_fields_from_content, question_content
from recruit.domain.question_bank.schema import KNOWN_TAGS, QUESTION_SCHEMA, SAFEGUARDING_TAG
from recruit.domain.question_bank.search import QuestionFilters, facet_options, search_questions

BANK = Path(__file__).resolve().parents[2] / "question_bank"
VALUES = "questions/values.yaml"
THEMES = ("motivation", "attitudes", "boundaries", "whistleblowing")
SAFEGUARDING_ID = "values-safeguarding-boundaries-staff-01"


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(BANK)


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "question_bank"
    shutil.copytree(BANK, copy)
    return copy


def safeguarding(bank: QuestionBank) -> list[Question]:
    return [q for q in bank.active_questions() if SAFEGUARDING_TAG in q.tags]


# --- the shipped content ------------------------------------------------------------------


def test_at_least_12_active_safeguarding_questions_all_on_values(bank: QuestionBank) -> None:
    questions = safeguarding(bank)
    assert len(questions) >= 12
    assert {q.attribute for q in questions} == {"values"}
    assert all(q.is_safeguarding for q in questions)


def test_each_safeguarding_question_has_2_to_4_warning_signs(bank: QuestionBank) -> None:
    for question in safeguarding(bank):
        assert 2 <= len(question.warning_signs) <= 4, question.id
        assert all(sign.strip() for sign in question.warning_signs), question.id


@pytest.mark.parametrize("theme", THEMES)
def test_each_safer_recruitment_theme_has_at_least_3_questions(
    bank: QuestionBank, theme: str
) -> None:
    ids = [q.id for q in safeguarding(bank) if q.id.startswith(f"values-safeguarding-{theme}-")]
    assert len(ids) >= 3, ids


def test_safeguarding_questions_meet_the_depth_bar(bank: QuestionBank) -> None:
    for question in safeguarding(bank):
        assert len(question.probes) >= 3, question.id
        assert len(question.positive_indicators) >= 4, question.id
        assert len(question.negative_indicators) >= 3, question.id
        assert any(n.decisive for n in question.negative_indicators), question.id
        assert sorted(question.descriptors) == [1, 2, 3, 4, 5], question.id
        assert question.innovations == ("any",), question.id


def test_questions_without_tags_are_unchanged(bank: QuestionBank) -> None:
    # Adding the optional fields must not change the stored content of older questions.
    older = bank.question("values-personal-values-01")
    assert older.tags == () and older.warning_signs == ()
    assert "tags" not in older.to_dict() and "warning_signs" not in older.to_dict()


def test_to_dict_puts_the_new_fields_in_schema_order(bank: QuestionBank) -> None:
    question = next(q for q in safeguarding(bank) if q.young_people_variant)
    assert list(question.to_dict()) == list(QUESTION_SCHEMA)
    assert question.to_dict()["tags"] == ["safeguarding"]


def test_written_bank_keeps_tags_and_warning_signs(bank: QuestionBank, tmp_path: Path) -> None:
    for name, text in bank_files(bank).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    again = load_bank(tmp_path)
    assert again.question(SAFEGUARDING_ID) == bank.question(SAFEGUARDING_ID)
    assert "  tags:\n    - safeguarding\n" in (tmp_path / VALUES).read_text(encoding="utf-8")


# --- the loader's checks ------------------------------------------------------------------


def edit_question(bank_copy: Path, question_id: str, old: str, new: str) -> None:
    """Replace ``old`` with ``new`` within one question's block of values.yaml."""
    path = bank_copy / VALUES
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {question_id}\n")
    end = text.find("\n- id: ", start + 1)
    end = len(text) if end == -1 else end
    block = text[start:end]
    assert old in block, "the edit must change real content"
    path.write_text(text[:start] + block.replace(old, new, 1) + text[end:], encoding="utf-8")


def messages(bank_copy: Path) -> list[str]:
    return [str(problem) for problem in check_bank(bank_copy)]


def test_an_unknown_tag_is_refused_naming_the_question_and_the_known_tags(
    bank_copy: Path,
) -> None:
    edit_question(bank_copy, SAFEGUARDING_ID, "    - safeguarding\n", "    - safegarding\n")
    found = messages(bank_copy)
    assert any(
        f"question {SAFEGUARDING_ID}: the tag 'safegarding' is not known" in m
        and "did you mean 'safeguarding'?" in m
        and "tags are lowercase words from this list: safeguarding" in m
        for m in found
    ), found
    with pytest.raises(QuestionBankError, match="the tag 'safegarding' is not known"):
        load_bank(bank_copy)


def test_a_tag_on_a_question_without_warning_signs_needs_them(bank_copy: Path) -> None:
    edit_question(
        bank_copy,
        "values-personal-values-01",
        "    - values-and-experience-create-purpose\n",
        "    - values-and-experience-create-purpose\n  tags:\n    - safeguarding\n",
    )
    found = messages(bank_copy)
    assert any(
        "question values-personal-values-01: warning_signs: a question tagged 'safeguarding' "
        "needs at least 2 warning signs"
        in m
        and "(found 0)" in m
        for m in found
    ), found


def test_a_safeguarding_question_with_one_warning_sign_is_refused(bank_copy: Path) -> None:
    path = bank_copy / VALUES
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {SAFEGUARDING_ID}\n")
    signs_at = text.index("  warning_signs:\n", start)
    descriptors_at = text.index("  descriptors:\n", signs_at)
    signs = text[signs_at:descriptors_at].splitlines(keepends=True)
    path.write_text(text[:signs_at] + "".join(signs[:2]) + text[descriptors_at:], "utf-8")

    found = messages(bank_copy)
    assert any(
        f"question {SAFEGUARDING_ID}: warning_signs: a question tagged 'safeguarding' "
        "needs at least 2"
        in m
        and "(found 1)" in m
        for m in found
    ), found


def test_warning_signs_that_are_not_a_list_are_refused(bank_copy: Path) -> None:
    path = bank_copy / VALUES
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {SAFEGUARDING_ID}\n")
    signs_at = text.index("  warning_signs:\n", start)
    descriptors_at = text.index("  descriptors:\n", signs_at)
    replaced = "  warning_signs: Vague about boundaries\n"
    path.write_text(text[:signs_at] + replaced + text[descriptors_at:], "utf-8")

    found = messages(bank_copy)
    assert any(f"question {SAFEGUARDING_ID}: write warning_signs as a list" in m for m in found), (
        found
    )
    # The shape problem is enough: no second message counting "0" warning signs.
    assert not any("needs at least 2 warning signs" in m for m in found), found


def test_tags_written_in_brackets_are_refused(bank_copy: Path) -> None:
    edit_question(
        bank_copy, SAFEGUARDING_ID, "  tags:\n    - safeguarding\n", "  tags: [safeguarding]\n"
    )
    assert any("not in [brackets]" in m for m in messages(bank_copy))


def test_a_tag_listed_twice_is_refused(bank_copy: Path) -> None:
    edit_question(
        bank_copy,
        SAFEGUARDING_ID,
        "    - safeguarding\n",
        "    - safeguarding\n    - safeguarding\n",
    )
    assert any("'safeguarding' is listed twice in tags" in m for m in messages(bank_copy))


def test_warning_signs_are_allowed_on_an_untagged_question(bank_copy: Path) -> None:
    edit_question(
        bank_copy,
        "values-personal-values-01",
        "  descriptors:\n",
        "  warning_signs:\n    - Talks of rescuing children\n  descriptors:\n",
    )
    assert messages(bank_copy) == []
    loaded = load_bank(bank_copy).question("values-personal-values-01")
    assert loaded.warning_signs == ("Talks of rescuing children",) and loaded.tags == ()


# --- search and editing -------------------------------------------------------------------


def test_search_filters_and_counts_by_tag(bank: QuestionBank) -> None:
    options = facet_options(bank)
    assert options["tags"] == list(KNOWN_TAGS)
    result = search_questions(
        bank.questions, QuestionFilters(tags=frozenset({"safeguarding"})), options
    )
    assert {q.id for q in result.questions} == {q.id for q in safeguarding(bank)}
    assert result.counts["tags"]["safeguarding"] == len(safeguarding(bank))


def test_free_text_search_finds_warning_signs(bank: QuestionBank) -> None:
    sign = bank.question(SAFEGUARDING_ID).warning_signs[0]
    result = search_questions(bank.questions, QuestionFilters(text=sign), facet_options(bank))
    assert SAFEGUARDING_ID in {q.id for q in result.questions}


def test_form_fields_round_trip_tags_and_warning_signs(bank: QuestionBank) -> None:
    content = bank.question(SAFEGUARDING_ID).to_dict()
    fields = form_fields_from_content(content)
    assert fields["tags"] == "safeguarding"
    assert fields["warning_signs"].splitlines() == content["warning_signs"]
    assert question_content(fields) == content


def test_form_content_leaves_out_empty_optional_lists(bank: QuestionBank) -> None:
    content = bank.question("values-personal-values-01").to_dict()
    fields = form_fields_from_content(content)
    assert fields["tags"] == "" and fields["warning_signs"] == ""
    assert question_content(fields) == content
    assert question_content({**fields, "tags": "• Safeguarding\n"})["tags"] == ["safeguarding"]


def test_replacing_tags_keeps_the_question_otherwise_equal(bank: QuestionBank) -> None:
    question = bank.question(SAFEGUARDING_ID)
    plain = dataclasses.replace(question, tags=(), warning_signs=())
    assert "tags" not in plain.to_dict() and not plain.is_safeguarding
