"""Two wording rules: a warning before distressing content, and plain words for young people.

Neither can judge a text the way a careful reader does. They catch the common slips (a
brief that mentions a child's death with no warning, a young people's activity written in
the language of a management report) so that the second reader can look at the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recruit.domain.exercises.context import ExerciseContext
from recruit.domain.exercises.schema import ExerciseProblem
from recruit.domain.question_bank.yaml_source import LinedList, LinedMapping

# Words that mean the exercise touches abuse, exploitation, self-harm or a death, so a
# reader needs a warning first. 'Domestic abuse' alone is not listed: in Family
# Safeguarding it names a worker in the team, and most exercises mention one.
DISTRESSING_TERMS = (
    "abused",
    "child abuse",
    "sexual abuse",
    "physical abuse",
    "emotional abuse",
    "exploitation",
    "exploited",
    "grooming",
    "groomed",
    "self-harm",
    "self harm",
    "suicide",
    "suicidal",
    "died",
    "death",
    "killed",
    "murder",
    "overdose",
    "rape",
    "non-accidental injury",
)

# Words of the sector that a 14 to 18 year old on a young people's panel is unlikely to
# know, and that each have a plain alternative (working together, the point at which, plan).
# Matched at the start of a word, so plurals count too. Keep the list short: it catches
# habits, it does not replace reading the text aloud to a young person.
YOUNG_PEOPLE_JARGON = (
    "multi-agency",
    "threshold",
    "safeguarding partnership",
    "strategic",
    "strategy",
    "stakeholder",
    "statutory",
    "commissioning",
    "intervention",
    "cohort",
    "holistic",
    "kpi",
    "key performance indicator",
    "deliverable",
)
# Plain English guidance puts an average sentence at 15 to 20 words; 25 leaves room.
MAX_AVERAGE_SENTENCE_WORDS = 25

# What the young panel reads: the brief and any story or list they read out, the questions
# they ask, the colours and what they listen for. The assessor_brief is for the adult who
# runs the activity with them.
YOUNG_PEOPLE_READ_FIELDS = (
    "candidate_brief",
    "materials",
    "follow_up_questions",
    "traffic_light",
    "what_good_looks_like",
    "negative_indicators",
)
# Where distressing content would reach the candidate or the assessors.
CONTENT_FIELDS = ("title", "candidate_brief", "assessor_brief", "materials")

_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?:\s+|$)")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def wording_problems(context: ExerciseContext) -> list[ExerciseProblem]:
    problems = _content_note_problems(context)
    if context.for_young_people:
        problems += list(_young_people_problems(context))
    return problems


def distressing_terms_in(text: str) -> list[str]:
    lowered = text.lower()
    return [term for term in DISTRESSING_TERMS if re.search(rf"\b{re.escape(term)}\b", lowered)]


def jargon_in(text: str) -> list[str]:
    lowered = text.lower()
    return [term for term in YOUNG_PEOPLE_JARGON if re.search(rf"\b{re.escape(term)}", lowered)]


def average_sentence_words(text: str) -> float:
    sentences = [part for part in _SENTENCE_END.split(text) if _WORD.search(part)]
    if not sentences:
        return 0.0
    return sum(len(_WORD.findall(sentence)) for sentence in sentences) / len(sentences)


def _content_note_problems(context: ExerciseContext) -> list[ExerciseProblem]:
    if context.text("content_note"):
        return []
    found = sorted(
        {
            term
            for field in CONTENT_FIELDS
            for _, text in _texts(context, field)
            for term in distressing_terms_in(text)
        }
    )
    if not found:
        return []
    return [
        context.problem(
            "content_note",
            f"the exercise mentions {_quoted(found)}: add a content_note, a plain warning that "
            "readers see before the content (for example 'This exercise refers to the death "
            "of a child.')",
            context.record.line,
        )
    ]


def _young_people_problems(context: ExerciseContext) -> Iterator[ExerciseProblem]:
    for field in YOUNG_PEOPLE_READ_FIELDS:
        for line, text in _texts(context, field):
            yield from _plain_words_problems(context, field, line, text)


def _plain_words_problems(
    context: ExerciseContext, field: str, line: int, text: str
) -> Iterator[ExerciseProblem]:
    distressing = distressing_terms_in(text)
    if distressing:
        yield context.problem(
            field,
            f"young people read this, so leave out distressing detail ({_quoted(distressing)}); "
            "say in the assessor_brief how the adult running the activity handles it if it "
            "comes up",
            line,
        )
    jargon = jargon_in(text)
    if jargon:
        yield context.problem(
            field,
            f"young people read this: replace {_quoted(jargon)} with everyday words",
            line,
        )
    average = average_sentence_words(text)
    if average > MAX_AVERAGE_SENTENCE_WORDS:
        yield context.problem(
            field,
            f"young people read this: its sentences average {average:.0f} words; split them "
            f"so they average {MAX_AVERAGE_SENTENCE_WORDS} words or fewer",
            line,
        )


def _texts(context: ExerciseContext, field: str) -> Iterator[tuple[int, str]]:
    """Every text in a field with its line: a text, a list, a mapping of lists or of texts."""
    yield from _texts_of(context.record.get(field), context.record.line_of(field))


def _texts_of(value: object, line: int) -> Iterator[tuple[int, str]]:
    if isinstance(value, str):
        yield line, value
    elif isinstance(value, LinedList):
        for index, item in enumerate(value):
            yield from _texts_of(item, value.line_of(index))
    elif isinstance(value, LinedMapping):
        for key, item in value.items():
            yield from _texts_of(item, value.line_of(key))


def _quoted(terms: list[str]) -> str:
    return ", ".join(f"'{term}'" for term in terms)
