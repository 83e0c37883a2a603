"""The young people's panel: its plain wording and the rules that keep its packs safe to read.

A young people's panel is made up of care-experienced young people, often 14 to 21. Some bank
questions, written for adult panels, describe exploitation, abuse or a death; a young
person's pack leaves that wording out and says what it touches instead, using the one list of
distressing terms the exercises use. The plain wording (the traffic light, the facilitator's
guide, the school-hours advice) is read from ``question_bank/young_people_panel.yaml`` so that
HR can change it without touching code.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import yaml

from recruit.domain.adverts.draft import format_govuk_date
from recruit.domain.documents.interview_pack.timetable import (
    InterviewDay,
    parse_clock_time,
    timetable,
)
from recruit.domain.exercises.wording import distressing_terms_in

YOUNG_PEOPLE_FILE = "young_people_panel.yaml"
TEXT_LIMIT = 800
MOST_POINTS = 10
TRAFFIC_LIGHT_KEYS = ("introduction", "green", "amber", "red", "write_why")
# The facilitator's guide's sections, in the order the pack prints them.
FACILITATOR_SECTIONS = (
    "preparation",
    "safeguarding",
    "breaks",
    "recognition",
    "debrief",
    "you_said_we_did",
)
_TOP_LEVEL_KEYS = ("traffic_light", "facilitators_guide", "school_hours")

# What each distressing term says about a question, in the words of a content note. A term
# added to the shared list later and not named here still gets a note ("upsetting events").
_TOPICS: Mapping[str, str] = {
    **dict.fromkeys(
        ("abused", "child abuse", "sexual abuse", "physical abuse", "emotional abuse"), "abuse"
    ),
    **dict.fromkeys(("exploitation", "exploited", "grooming", "groomed"), "exploitation"),
    **dict.fromkeys(("self-harm", "self harm"), "self-harm"),
    **dict.fromkeys(("suicide", "suicidal"), "suicide"),
    **dict.fromkeys(("died", "death", "killed", "murder"), "a death"),
    "overdose": "an overdose",
    "rape": "sexual violence",
    "non-accidental injury": "a child being hurt on purpose",
}
_OTHER_TOPIC = "upsetting events"
_TOPIC_ORDER = tuple(dict.fromkeys((*(_TOPICS[t] for t in _TOPICS), _OTHER_TOPIC)))

# Schools teach Monday to Friday, roughly 09:00 to 15:30. Term dates differ by council and
# school, so any weekday counts: the warning says "a school day" and leaves the check to HR.
SCHOOL_DAY_STARTS = datetime.time(9, 0)
SCHOOL_DAY_ENDS = datetime.time(15, 30)


class YoungPeopleGuideError(ValueError):
    """The file is not as its header describes; the message names the file, key and fault."""


@dataclass(frozen=True)
class TrafficLight:
    introduction: str
    green: str
    amber: str
    red: str
    write_why: str


@dataclass(frozen=True)
class GuideSection:
    key: str
    heading: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class YoungPeopleGuide:
    traffic_light: TrafficLight
    facilitators_introduction: str
    facilitators_guide: tuple[GuideSection, ...]  # in FACILITATOR_SECTIONS order
    school_hours_advice: str


@dataclass(frozen=True)
class SchoolHoursClash:
    """A young people's panel that sits in school hours on a weekday."""

    held_on: datetime.date
    starts_at: datetime.time
    ends_at: datetime.time


# --- Distressing content ------------------------------------------------------------------


def distressing_topics(texts: Iterable[str]) -> tuple[str, ...]:
    """What the texts touch that a young panel member should be warned of, e.g.
    ("exploitation",); empty when the texts hold none of ``DISTRESSING_TERMS``."""
    found = {
        _TOPICS.get(term, _OTHER_TOPIC) for text in texts for term in distressing_terms_in(text)
    }
    return tuple(topic for topic in _TOPIC_ORDER if topic in found)


def is_distressing(text: str) -> bool:
    return bool(distressing_terms_in(text))


def topics_text(topics: Sequence[str]) -> str:
    """ "exploitation", "abuse and exploitation", "abuse, exploitation and a death"."""
    if len(topics) <= 1:
        return "".join(topics)
    return f"{', '.join(topics[:-1])} and {topics[-1]}"


# --- School hours -------------------------------------------------------------------------


def school_hours_clash(
    held_on: datetime.date | None,
    starts_at: datetime.time | None,
    ends_at: datetime.time | None,
) -> SchoolHoursClash | None:
    """The clash when the panel sits on a weekday and any of it falls between 09:00 and
    15:30; None with no date or times, at a weekend, or outside those hours."""
    if held_on is None or starts_at is None or ends_at is None or held_on.weekday() >= 5:
        return None
    if starts_at >= SCHOOL_DAY_ENDS or ends_at <= SCHOOL_DAY_STARTS:
        return None
    return SchoolHoursClash(held_on, starts_at, ends_at)


def school_hours_warning(clash: SchoolHoursClash | None, advice: str) -> str:
    """The warning's text, "" when there is no clash."""
    if clash is None:
        return ""
    return f"{_runs_on_a_school_day(clash)} {advice}"


def school_hours_agreed(clash: SchoolHoursClash | None, agreement: str | None) -> str:
    """What replaces the warning once the time was agreed with the young people and their
    schools: the clash, then how it was agreed; "" without a clash or an agreement."""
    if clash is None or not agreement:
        return ""
    return f"{_runs_on_a_school_day(clash)} The time was agreed: {agreement}"


def _runs_on_a_school_day(clash: SchoolHoursClash) -> str:
    day = f"{clash.held_on:%A} {format_govuk_date(clash.held_on)}"
    times = f"{clash.starts_at:%H:%M} to {clash.ends_at:%H:%M}"
    return f"This young people's panel runs from {times} on {day}, a school day."


def interview_day_span(
    day: InterviewDay, candidate_count: int
) -> tuple[datetime.time, datetime.time] | None:
    """When the day's first interview starts and its last ends, by the timetable the packs
    print (suggested times when the stage sets no start); None when it cannot be worked out."""
    labels = [f"Interview {n}" for n in range(1, max(candidate_count, 1) + 1)]
    interviews = [slot for slot in timetable(labels, day) if not slot.is_break]
    if not interviews:
        return None
    first = interviews[0].time_label.split(" to ")
    last = interviews[-1].time_label.split(" to ")
    if len(first) != 2 or len(last) != 2:
        return None  # numbered slots: no lengths to work from
    starts, ends = parse_clock_time(first[0]), parse_clock_time(last[1])
    return (starts, ends) if starts and ends else None


# --- Reading the file ---------------------------------------------------------------------


def load_young_people_guide(text: str, source: str = YOUNG_PEOPLE_FILE) -> YoungPeopleGuide:
    """The guide from the file's text, or a ``YoungPeopleGuideError`` such as
    "young_people_panel.yaml: traffic_light.amber: write it as text"."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise YoungPeopleGuideError(f"{source}: not valid YAML: {error}") from error
    top = _mapping(data, "the file", _TOP_LEVEL_KEYS, source)
    light = _mapping(top["traffic_light"], "traffic_light", TRAFFIC_LIGHT_KEYS, source)
    guide = _mapping(
        top["facilitators_guide"],
        "facilitators_guide",
        ("introduction", *FACILITATOR_SECTIONS),
        source,
    )
    school = _mapping(top["school_hours"], "school_hours", ("advice",), source)
    return YoungPeopleGuide(
        traffic_light=TrafficLight(
            **{key: _text(light[key], f"traffic_light.{key}", source) for key in TRAFFIC_LIGHT_KEYS}
        ),
        facilitators_introduction=_text(
            guide["introduction"], "facilitators_guide.introduction", source
        ),
        facilitators_guide=tuple(_section(guide[key], key, source) for key in FACILITATOR_SECTIONS),
        school_hours_advice=_text(school["advice"], "school_hours.advice", source),
    )


def _mapping(
    value: object, where: str, keys: Sequence[str], source: str
) -> Mapping[object, object]:
    if not isinstance(value, Mapping):
        raise YoungPeopleGuideError(f"{source}: {where}: expected a mapping of names to values")
    missing = [key for key in keys if key not in value]
    if missing:
        raise YoungPeopleGuideError(f"{source}: {where}: missing {', '.join(missing)}")
    unknown = sorted(str(key) for key in value if key not in keys)
    if unknown:
        raise YoungPeopleGuideError(
            f"{source}: {where}: unknown key {', '.join(unknown)}; the keys are {', '.join(keys)}"
        )
    return value


def _text(value: object, where: str, source: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise YoungPeopleGuideError(f"{source}: {where}: write it as text")
    text = " ".join(value.split())
    if len(text) > TEXT_LIMIT:
        raise YoungPeopleGuideError(
            f"{source}: {where}: keep it to {TEXT_LIMIT} characters or fewer"
        )
    return text


def _section(value: object, key: str, source: str) -> GuideSection:
    where = f"facilitators_guide.{key}"
    section = _mapping(value, where, ("heading", "points"), source)
    points = section["points"]
    if not isinstance(points, list) or not 1 <= len(points) <= MOST_POINTS:
        raise YoungPeopleGuideError(
            f"{source}: {where}.points: write a list of 1 to {MOST_POINTS} points, one a line"
        )
    return GuideSection(
        key=key,
        heading=_text(section["heading"], f"{where}.heading", source),
        points=tuple(
            _text(point, f"{where}.points[{number}]", source)
            for number, point in enumerate(points, 1)
        ),
    )
