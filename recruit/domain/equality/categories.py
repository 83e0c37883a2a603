"""The equality monitoring questions on a council's application form, and their answers.

Each question has its answers in the order the form shows them, and always ends with
"Prefer not to say": a candidate may decline any question, and that is an answer, distinct
from leaving the question blank. In analysis a blank counts in the group ``not_known``, so
a table can show both how many chose not to say and how many were never asked or skipped.

The ethnicity answers are the ONS 2021 census high-level groups. The Social Care Workforce
Race Equality Standard (SC-WRES), like the NHS WRES, compares white candidates with every
other ethnic group together: ``ETHNICITY_WRES`` is that grouping, with "Prefer not to say"
and blanks kept apart (they are neither, and counting them in either would bias the ratio).

Answers are stored by key. ``answer_problem`` accepts the key or the label, in any case, so
a spreadsheet of candidates can carry either.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

PREFER_NOT_TO_SAY = "prefer_not_to_say"
NOT_KNOWN = "not_known"


@dataclass(frozen=True)
class Option:
    """One answer on the form, or one group in a table: a stable key and what people read."""

    key: str
    label: str


PREFER_NOT_TO_SAY_OPTION = Option(PREFER_NOT_TO_SAY, "Prefer not to say")
NOT_KNOWN_OPTION = Option(NOT_KNOWN, "Not known")
# Groups that are not an answer about the candidate: they are shown in tables, but no
# measure compares them with anyone (they mix people of every group).
UNDECLARED = frozenset({PREFER_NOT_TO_SAY, NOT_KNOWN})


@dataclass(frozen=True)
class Category:
    """One monitoring question: ``label`` names it in tables, ``question`` is as asked."""

    key: str
    label: str
    question: str
    answers: tuple[Option, ...]

    def answer(self, key: str) -> Option:
        """The answer with this key; KeyError names the question when there is none."""
        for option in self.answers:
            if option.key == key:
                return option
        raise KeyError(f"{self.label} has no answer {key!r}")


def _category(key: str, label: str, question: str, *answers: tuple[str, str]) -> Category:
    options = tuple(Option(k, text) for k, text in answers)
    return Category(key, label, question, (*options, PREFER_NOT_TO_SAY_OPTION))


YES_NO = (("yes", "Yes"), ("no", "No"))

CATEGORIES: tuple[Category, ...] = (
    _category(
        "ethnicity",
        "Ethnicity",
        "What is your ethnic group?",
        ("asian", "Asian, Asian British or Asian Welsh"),
        ("black", "Black, Black British, Black Welsh, Caribbean or African"),
        ("mixed", "Mixed or Multiple ethnic groups"),
        ("white", "White"),
        ("other", "Other ethnic group"),
    ),
    _category("sex", "Sex", "What is your sex?", ("female", "Female"), ("male", "Male")),
    _category(
        "gender_identity",
        "Gender identity",
        "Is the gender you identify with the same as your sex registered at birth?",
        *YES_NO,
    ),
    _category(
        "disability",
        "Disability",
        "Do you consider yourself to have a disability or a long-term health condition?",
        *YES_NO,
    ),
    _category(
        "age_band",
        "Age",
        "What is your age?",
        ("16_24", "16 to 24"),
        ("25_34", "25 to 34"),
        ("35_44", "35 to 44"),
        ("45_54", "45 to 54"),
        ("55_64", "55 to 64"),
        ("65_plus", "65 or over"),
    ),
    _category(
        "religion",
        "Religion or belief",
        "What is your religion or belief?",
        ("no_religion", "No religion"),
        ("buddhist", "Buddhist"),
        ("christian", "Christian"),
        ("hindu", "Hindu"),
        ("jewish", "Jewish"),
        ("muslim", "Muslim"),
        ("sikh", "Sikh"),
        ("other", "Any other religion"),
    ),
    _category(
        "sexual_orientation",
        "Sexual orientation",
        "Which of the following best describes your sexual orientation?",
        ("straight", "Straight or heterosexual"),
        ("gay_or_lesbian", "Gay or lesbian"),
        ("bisexual", "Bisexual"),
        ("other", "Another sexual orientation"),
    ),
    _category(
        "care_experience",
        "Care experience",
        "Have you ever been in care, or are you care experienced?",
        *YES_NO,
    ),
)

_BY_KEY: Mapping[str, Category] = {category.key: category for category in CATEGORIES}


def category(key: str) -> Category:
    """The monitoring question with this key; KeyError when the form has no such question."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"No equality monitoring question {key!r}") from None


def answer_label(category_key: str, answer_key: str | None) -> str:
    """What people read for a stored answer: "Not known" for a question left blank."""
    if answer_key is None:
        return NOT_KNOWN_OPTION.label
    return category(category_key).answer(answer_key).label


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def answer_key(category_key: str, raw: str | None) -> str | None:
    """The stored key for an answer typed as its key or its label, in any case; None when
    blank (not answered). ValueError, with ``answer_problem``'s message, otherwise."""
    if raw is None or not raw.strip():
        return None
    wanted = _normalised(raw)
    for option in category(category_key).answers:
        if wanted in (_normalised(option.key), _normalised(option.label)):
            return option.key
    raise ValueError(_not_an_answer(category(category_key), raw))


def answer_problem(category_key: str, raw: str | None) -> str | None:
    """What is wrong with an answer as typed, in words for the person who typed it; None
    when it is an answer on the form (by key or label, any case) or left blank."""
    try:
        answer_key(category_key, raw)
    except ValueError as problem:
        return str(problem)
    return None


def _not_an_answer(question: Category, raw: str) -> str:
    # Labels carry commas ("Asian, Asian British or Asian Welsh"), so the list uses
    # semicolons; the key follows each label since a spreadsheet may hold either.
    accepted = "; ".join(f"{option.label} ({option.key})" for option in question.answers)
    return (
        f"{question.label}: “{raw.strip()}” is not an answer on the form. "
        f"Use one of: {accepted}; or leave it blank if the candidate did not answer."
    )


@dataclass(frozen=True)
class Grouping:
    """How one question's answers are counted in analysis: each answer's group, in order.

    ``groups`` always ends with "Prefer not to say" and then "Not known" (left blank).
    """

    key: str
    label: str
    groups: tuple[Option, ...]
    members: Mapping[str, str] = field(default_factory=dict)  # answer key -> group key

    def group_of(self, answer: str | None) -> str:
        """The group an answer is counted in; ValueError for a key the question lacks, so an
        answer the form no longer offers is never silently counted as "Not known"."""
        if answer is None:
            return NOT_KNOWN
        try:
            return self.members[answer]
        except KeyError:
            raise ValueError(f"{self.label} has no answer {answer!r}") from None


def grouping(category_key: str) -> Grouping:
    """The question's own answers as the groups, then "Not known"."""
    question = category(category_key)
    return Grouping(
        key=question.key,
        label=question.label,
        groups=(*question.answers, NOT_KNOWN_OPTION),
        members={option.key: option.key for option in question.answers},
    )


WHITE = "white"
ETHNIC_MINORITY = "ethnic_minority"

ETHNICITY_WRES = Grouping(
    key="ethnicity_wres",
    label="Ethnicity (white and ethnic minority)",
    groups=(
        Option(WHITE, "White"),
        Option(ETHNIC_MINORITY, "Ethnic minority"),
        PREFER_NOT_TO_SAY_OPTION,
        NOT_KNOWN_OPTION,
    ),
    members={
        option.key: (option.key if option.key in (WHITE, PREFER_NOT_TO_SAY) else ETHNIC_MINORITY)
        for option in category("ethnicity").answers
    },
)
