"""The heading and the finished body text of each of the advert draft's eight sections.

Every body is written from the vacancy facts alone, except "What we value", which also
lists the attributes in the order it is given.
"""

from __future__ import annotations

from collections.abc import Sequence

from recruit.domain.adverts.draft.applicant import VALUES_ATTRIBUTE
from recruit.domain.adverts.draft.model import SECTION_HEADINGS, VacancyFacts, format_govuk_date
from recruit.domain.adverts.role_levels import LEVEL_VOICES, LevelVoice
from recruit.domain.question_bank.model import Attribute, Innovation
from recruit.domain.question_bank.schema import ANY_INNOVATION


def section_heading(key: str, facts: VacancyFacts) -> str:
    """The heading for ``key``; the first names the council and its model."""
    if key == "council_and_innovation":
        return f"About {facts.organisation_name} and {_model_name(facts.innovation)}"
    return SECTION_HEADINGS[key]


def section_bodies(facts: VacancyFacts, attributes: Sequence[Attribute]) -> dict[str, str]:
    """The body of every section by key; ``attributes`` are listed in the order given."""
    return {
        "council_and_innovation": _council_and_innovation(facts),
        "the_role": _the_role(facts),
        "what_we_value": _what_we_value(facts, attributes),
        "what_you_will_bring": _what_you_will_bring(facts),
        "how_we_assess": _how_we_assess(facts),
        "how_to_apply": _how_to_apply(facts),
        "practical_details": _practical_details(facts),
        "safer_recruitment": _safer_recruitment(facts),
    }


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


def _safer_recruitment(facts: VacancyFacts) -> str:
    """The statements safer recruitment asks every advert to make, last, as councils do.

    Keeping Children Safe in Education (Part 3) and Working Together 2023: the commitment to
    safeguarding, the enhanced DBS check, references and the right to work; and, for chief
    and deputy chief officers, the political restriction. The advert check looks for each.
    """
    voice = LEVEL_VOICES.get(facts.role_level.key)
    references = "two references, one from your current or most recent employer"
    if voice and voice.references_before_interview:
        references += ", taken up before interview"
    checks = [
        # Every post this tool recruits for leads or manages work with children, which makes
        # it eligible for a check of the children's barred list, so the draft always says so.
        "an enhanced Disclosure and Barring Service (DBS) check, with a check of the "
        "children's barred list",
        references,
        "proof of your right to work in the UK",
    ]
    paragraphs = [
        f"{facts.organisation_name} is committed to safeguarding and promoting the welfare of "
        "children and young people, and expects all staff to share this commitment.",
        "\n".join(["Any offer depends on safer recruitment checks:", *_bullets(checks)]),
    ]
    if voice and voice.politically_restricted:
        paragraphs.append(
            "This post is politically restricted (Local Government and Housing Act 1989), so "
            "you may not stand for election or take an active part in party politics."
        )
    return _join(paragraphs)


# --- helpers -------------------------------------------------------------------------------


def _model_name(innovation: Innovation) -> str:
    return "our practice model" if innovation.key == ANY_INNOVATION else innovation.name


def _with_article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def _bullets(items: Sequence[str]) -> list[str]:
    return [f"- {' '.join(item.split())}" for item in items]


def _and_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _join(paragraphs: Sequence[str]) -> str:
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
