"""The first draft of a job advert, composed from the vacancy, its innovation and the attributes.

The research report's first recommendation is to state the innovation's values in the
advert itself, so that applicants can judge their own fit before they apply. Each section
is finished text an adviser can publish as it stands or edit; none holds a placeholder.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from recruit.domain.advert_role_levels import LEVEL_VOICES, LevelVoice
from recruit.domain.question_bank_model import Attribute, Behaviour, Innovation, RoleLevel
from recruit.domain.question_bank_schema import ANY_INNOVATION

__all__ = [
    "LEVEL_VOICES",
    "SECTION_HEADINGS",
    "SECTION_KEYS",
    "VALUES_ATTRIBUTE",
    "AdvertSection",
    "LevelVoice",
    "VacancyFacts",
    "applicant_statement",
    "compose_advert",
    "format_govuk_date",
    "section_heading",
    "self_assessment_prompts",
    "values_first",
]

SECTION_KEYS: tuple[str, ...] = (
    "council_and_innovation",
    "the_role",
    "what_we_value",
    "what_you_will_bring",
    "how_we_assess",
    "how_to_apply",
    "practical_details",
)
SECTION_HEADINGS: dict[str, str] = {
    "council_and_innovation": "About us",
    "the_role": "The role",
    "what_we_value": "What we value",
    "what_you_will_bring": "What you will bring",
    "how_we_assess": "How we will assess you",
    "how_to_apply": "How to apply",
    "practical_details": "Practical details",
}
VALUES_ATTRIBUTE = "values"
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class VacancyFacts:
    organisation_name: str
    title: str
    role_level: RoleLevel
    service_area: str
    innovation: Innovation
    salary: str
    contract: str
    location: str
    closing_date: datetime.date
    interview_dates: str
    hiring_manager: str
    # A web address, an email address, a contact, or a finished sentence; may be empty.
    how_to_apply: str = ""


@dataclass(frozen=True)
class AdvertSection:
    """One section; ``body`` is plain text, blank-line paragraphs, ``- `` bullet lines."""

    key: str
    heading: str
    body: str


def format_govuk_date(date: datetime.date) -> str:
    """The date as GOV.UK writes it, "12 January 2027", whatever the machine's locale."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def compose_advert(facts: VacancyFacts, attributes: Sequence[Attribute]) -> list[AdvertSection]:
    """The seven sections of a first draft, in ``SECTION_KEYS`` order."""
    ordered = values_first(attributes)
    bodies = {
        "council_and_innovation": _council_and_innovation(facts),
        "the_role": _the_role(facts),
        "what_we_value": _what_we_value(facts, ordered),
        "what_you_will_bring": _what_you_will_bring(facts),
        "how_we_assess": _how_we_assess(facts),
        "how_to_apply": _how_to_apply(facts),
        "practical_details": _practical_details(facts),
    }
    return [AdvertSection(key, section_heading(key, facts), bodies[key]) for key in SECTION_KEYS]


def section_heading(key: str, facts: VacancyFacts) -> str:
    """The heading for ``key``; the first names the council and its model."""
    if key == "council_and_innovation":
        return f"About {facts.organisation_name} and {_model_name(facts.innovation)}"
    return SECTION_HEADINGS[key]


def self_assessment_prompts(
    attributes: Sequence[Attribute], role_level: RoleLevel
) -> list[tuple[str, list[str]]]:
    """Three questions per attribute that applicants can ask themselves before applying."""
    voice = LEVEL_VOICES.get(role_level.key)
    prompts = []
    for attribute in values_first(attributes):
        featured = _featured_behaviours(attribute, voice)[0]
        evidence = _lower_first(applicant_statement(featured)).rstrip(".")
        questions = [f"Can you point to a time when you showed that {evidence}?"]
        prompts.append((attribute.name, questions + list(attribute.reflection_questions[:2])))
    return prompts


def values_first(attributes: Sequence[Attribute]) -> list[Attribute]:
    """The attributes with values-driven leadership first: the report's foundation."""
    return sorted(attributes, key=lambda attribute: attribute.key != VALUES_ATTRIBUTE)


def applicant_statement(behaviour: Behaviour) -> str:
    """A behaviour from the report ("Leaders build ...") said to the applicant ("You build ...")."""
    if behaviour.key in _APPLICANT_WORDING:
        return _APPLICANT_WORDING[behaviour.key]
    name = behaviour.name.strip().rstrip(".")
    if name.startswith("Leaders' "):
        sentence = "Your " + name.removeprefix("Leaders' ")
    elif name.startswith("Leaders "):
        sentence = "You " + name.removeprefix("Leaders ").replace(" their ", " your ")
    else:
        sentence = "You believe that " + _lower_first(name)
    return sentence + "."


# Most behaviour names read well when said to the applicant. These few lean on the text
# around them in the report ("these values", "the safe environment"), so they have their own.
_APPLICANT_WORDING = {
    "values-and-experience-create-purpose": "Your values and experience give you a clear "
    "sense of purpose.",
    "embody-the-values": "You treat staff in the way you want staff to treat families.",
    "values-at-the-heart": "You make values explicit and bring every discussion back to them.",
    "break-down-risk-forensically": "You break down the risk of harm in detail before deciding.",
    "high-support-environment": "You create a setting in which practitioners feel backed "
    "when decisions are hard.",
    "own-risk-at-the-top": "You own difficult decisions at a senior level, so that no "
    "practitioner decides or is blamed alone.",
    "learning-and-challenge": "You respond to poor outcomes by learning rather than blaming, "
    "and make it safe for anyone to question a decision.",
    "change-skills-are-core": "You treat leading change as a core part of the job.",
    "consistent-over-time": "You stay consistent over time, modelling the practice you ask "
    "of others.",
    "build-a-partnership-team": "You turn separate agencies into a partnership with a shared goal.",
    "storytelling": "You pair data with real stories of children and families.",
    "shared-political-ownership": "You build shared ownership across the council and across "
    "political parties.",
    "learning-for-politicians": "You invest in councillors' and corporate leaders' "
    "understanding of the service.",
}


# --- sections ------------------------------------------------------------------------------


def _council_and_innovation(facts: VacancyFacts) -> str:
    values = ["These values guide our work:", *_bullets(facts.innovation.values)]
    invitation = "We set them out first so that you can judge whether they are yours too."
    return _join([_model_introduction(facts), "\n".join(values), invitation])


def _model_introduction(facts: VacancyFacts) -> str:
    innovation = facts.innovation
    if innovation.key == ANY_INNOVATION:
        return "\n".join(
            [
                f"At {facts.organisation_name}, children's services follow a clear practice "
                "model, built on these principles:",
                *_bullets(innovation.practice_principles),
            ]
        )
    origin = innovation.originating_council
    began = f", which began in {origin}" if origin else ""
    # The bank's summary is written for panels, in long sentences; adverts use the outline.
    outline = innovation.advert_outline or " ".join(innovation.summary.split())
    return (
        f"At {facts.organisation_name}, children's services follow the {innovation.name} "
        f"model{began}. {outline}"
    )


def _the_role(facts: VacancyFacts) -> str:
    title = facts.title.strip() or facts.role_level.name
    area = facts.service_area.strip()
    service = f" for {area}" if area and area.casefold() not in title.casefold() else ""
    if service and "," in title:
        service = "," + service  # "an Assistant Director, Children's Social Care, for ..."
    opening = f"We are appointing {_with_article(title)}{service}."
    if facts.role_level.name.casefold() not in title.casefold():
        opening += f" This is {_with_article(facts.role_level.name)} post."
    voice = LEVEL_VOICES.get(facts.role_level.key)
    scope = voice.scope.format(model=_model_name(facts.innovation)) if voice else ""
    # The research found models most at risk when the leaders who brought them in move on.
    continuity = (
        "Practice models are most at risk when their leaders move on, so we want someone to "
        "keep ours true to its design."
        if facts.innovation.key == ANY_INNOVATION
        else f"{facts.innovation.name} is most at risk when its leaders move on, so we want "
        "someone to keep it true to its design."
    )
    return _join([opening, scope or facts.role_level.description, continuity])


def _what_we_value(facts: VacancyFacts, attributes: Sequence[Attribute]) -> str:
    introduction = (
        "We look for five attributes that research found in the leaders who made models like "
        "ours succeed. In this role, they mean:"
    )
    voice = LEVEL_VOICES.get(facts.role_level.key)
    lines = [_attribute_line(attribute, voice, facts.innovation) for attribute in attributes]
    return introduction + "\n" + "\n".join(lines)


def _attribute_line(attribute: Attribute, voice: LevelVoice | None, innovation: Innovation) -> str:
    template = voice.attributes.get(attribute.key) if voice else None
    meaning = (
        template.format(model=_model_name(innovation))
        if template
        else _first_sentence(attribute.summary)
    )
    label = attribute.name
    if attribute.key == VALUES_ATTRIBUTE:
        label += " (the foundation of the other four)"
    return f"- {label}: {meaning}"


def _what_you_will_bring(facts: VacancyFacts) -> str:
    # The level's behaviours are in "What we value" and in the self-assessment prompts; here
    # the applicant meets the model's essentials, which every leader of it must protect.
    title = facts.title.strip() or facts.role_level.name
    champion = [
        f"As {title}, you will champion the essentials of {_model_name(facts.innovation)}:",
        *_bullets(facts.innovation.leaders_must_champion),
    ]
    return "\n".join(champion)


def _how_we_assess(facts: VacancyFacts) -> str:
    introduction = (
        "Our selection is values-based. Alongside your skills and experience, we assess the "
        "five attributes, starting with values:"
    )
    steps = [
        "A structured interview asks behavioural questions on each of the five attributes.",
        "Panel members score you independently, against published descriptors, before "
        "agreeing a score.",
        "High scores elsewhere cannot make up for a low score on values.",
        *_panels_for(facts),
    ]
    return introduction + "\n" + "\n".join(_bullets(steps))


def _panels_for(facts: VacancyFacts) -> list[str]:
    voice = LEVEL_VOICES.get(facts.role_level.key)
    meetings = []
    if (voice and voice.young_peoples_panel) or facts.innovation.key == "no_wrong_door":
        meetings.append("a young people's panel")
    if voice and voice.stakeholder_panel:
        meetings.append("a stakeholder panel of partners")
    if voice and voice.practitioner_panel:
        meetings.append("practitioners from the service")
    panels = []
    if meetings:
        panels.append(f"You will also meet {_and_list(meetings)}, whose views carry weight.")
    if voice and voice.member_appointment:
        panels.append(
            "The final interview is with an appointment panel of elected members, including "
            "at least one Cabinet member."
        )
    return panels


def _how_to_apply(facts: VacancyFacts) -> str:
    paragraphs = [
        f"The closing date is {format_govuk_date(facts.closing_date)}. "
        + _application_route(facts),
        "In your application, give an example from your own work for each attribute, saying "
        "what you did yourself.",
        "We welcome applications from everyone and will make reasonable adjustments at any "
        "stage. Tell us what you need.",
    ]
    if facts.hiring_manager.strip():
        paragraphs.append(f"For an informal conversation, contact {facts.hiring_manager.strip()}.")
    return _join(paragraphs)


def _application_route(facts: VacancyFacts) -> str:
    route = facts.how_to_apply.strip()
    if route.startswith(("http://", "https://", "www.")):
        return f"Apply online at {route}."
    if "@" in route and " " not in route:
        return f"To apply, or to ask for an application pack, email {route}."
    if route.endswith((".", "!", "?")):
        return route  # already a sentence the adviser wrote
    if route:
        return f"To apply, contact {route}."
    return f"Apply through the {facts.organisation_name} jobs website."


def _practical_details(facts: VacancyFacts) -> str:
    details = [
        ("Salary", facts.salary),
        ("Contract", facts.contract),
        ("Location", facts.location),
        ("Closing date", format_govuk_date(facts.closing_date)),
        ("Interview dates", facts.interview_dates),
    ]  # the hiring manager is named once, in "How to apply", as the person to talk to
    return "\n".join(f"- {label}: {value.strip()}" for label, value in details if value.strip())


# --- helpers -------------------------------------------------------------------------------


def _featured_behaviours(attribute: Attribute, voice: LevelVoice | None) -> list[Behaviour]:
    """The behaviours this level features; the first one if the level names none of them."""
    keys = voice.behaviours if voice else ()
    featured = [behaviour for behaviour in attribute.behaviours if behaviour.key in keys]
    return featured or list(attribute.behaviours[:1])


def _model_name(innovation: Innovation) -> str:
    return "our practice model" if innovation.key == ANY_INNOVATION else innovation.name


def _with_article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def _bullets(items: Sequence[str]) -> list[str]:
    return [f"- {' '.join(item.split())}" for item in items]


def _and_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _join(paragraphs: Sequence[str]) -> str:
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
