"""The heading and the finished body text of each of the advert draft's eight sections.

Every body is written from the vacancy facts alone, except "What we value", which also
lists the attributes in the order it is given.
"""

from __future__ import annotations

from collections.abc import Sequence

from recruit.domain.adverts.draft.applicant import VALUES_ATTRIBUTE
from recruit.domain.adverts.draft.model import (
    GUARANTEED_INTERVIEW_GROUPS,
    SECTION_HEADINGS,
    VacancyFacts,
    format_govuk_date,
)
from recruit.domain.adverts.role_levels import LEVEL_VOICES, LevelVoice
from recruit.domain.question_bank.model import Attribute
from recruit.domain.question_bank.schema import ANY_INNOVATION

PLACE_TOKEN = "{place}"
DCS_LEVEL = "dcs"
DEFAULT_PLACE_NOUN = "area"


def section_heading(key: str, facts: VacancyFacts) -> str:
    """The heading for ``key``; the values section names the council's model."""
    if key == "council_and_innovation" and _named_model(facts):
        return f"Our values and {_model_name(facts)}"
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
    return _join([_model_introduction(facts), "\n".join(values)])


def _model_introduction(facts: VacancyFacts) -> str:
    innovation = facts.innovation
    if innovation.key == ANY_INNOVATION:
        model = f"{_model_name(facts)}, a clear" if _named_model(facts) else "a clear"
        return "\n".join(
            [
                f"At {facts.organisation_name}, children's services follow {model} practice "
                "model, built on these principles:",
                *_bullets(innovation.practice_principles),
            ]
        )
    origin = innovation.originating_council
    began = f", which began in {origin}" if origin else ""
    # The bank's summary is written for panels, in long sentences; adverts use the outline.
    outline = innovation.advert_outline or " ".join(innovation.summary.split())
    outline = outline.replace(PLACE_TOKEN, facts.place_noun.strip() or DEFAULT_PLACE_NOUN)
    return (
        f"At {facts.organisation_name}, children's services follow the {innovation.name} "
        f"model{began}. {outline}"
    )


def _the_role(facts: VacancyFacts) -> str:
    title = facts.title.strip() or facts.role_level.name
    # The DCS heads every children's service: "for Children and Families" says nothing more.
    area = "" if facts.role_level.key == DCS_LEVEL else facts.service_area.strip()
    service = f" for {area}" if area and area.casefold() not in title.casefold() else ""
    if service and "," in title:
        service = "," + service  # "an Assistant Director, Children's Social Care, for ..."
    opening = f"We are appointing {_with_article(title)}{service}."
    if facts.role_level.name.casefold() not in title.casefold():
        opening += f" This is {_with_article(facts.role_level.name)} post."
    voice = LEVEL_VOICES.get(facts.role_level.key)
    scope = voice.scope.format(model=_model_name(facts)) if voice else ""
    # The research found models most at risk when the leaders who brought them in move on:
    # what the postholder keeps strong is part of the job, not a quality they bring.
    continuity = (
        f"{_model_name(facts)} is most at risk when its leaders move on. You will keep its "
        "essentials strong:"
        if _named_model(facts)
        else "Practice models are most at risk when their leaders move on. You will keep these "
        "essentials of ours strong:"
    )
    champion = facts.innovation.leaders_must_champion[:MAX_ESSENTIALS_LISTED]
    essentials = "\n".join([continuity, *_bullets(champion)])
    return _join([opening, scope or facts.role_level.description, essentials])


def _what_we_value(facts: VacancyFacts, attributes: Sequence[Attribute]) -> str:
    introduction = "Research found five attributes in leaders whose models succeeded. In this role:"
    voice = LEVEL_VOICES.get(facts.role_level.key)
    lines = [_attribute_line(attribute, voice, facts) for attribute in attributes]
    return introduction + "\n" + "\n".join(lines)


def _attribute_line(attribute: Attribute, voice: LevelVoice | None, facts: VacancyFacts) -> str:
    template = voice.attributes.get(attribute.key) if voice else None
    meaning = (
        template.format(model=_model_name(facts))
        if template
        else _first_sentence(attribute.summary)
    )
    label = attribute.name
    if attribute.key == VALUES_ATTRIBUTE:
        label += " (the foundation of the other four)"
    return f"- {label}: {meaning}"


# The model's essentials the role keeps strong: the first few, as the bank orders them.
MAX_ESSENTIALS_LISTED = 3
# Enough of the person specification to judge fit (the first criteria, up to about this
# many words, and always the first); the candidate pack carries it whole.
NEEDS_WORDS = 45
NEEDS_WITHOUT_SPECIFICATION = (
    "You will need experience of heading services for children through change, and the "
    "values above in how you treat families and staff alike. The person specification "
    "sets out the rest."
)


def _what_you_will_bring(facts: VacancyFacts) -> str:
    """What the post needs: the person specification's essential criteria (those a panel
    tests; the checks are under safer recruitment), the first few of them."""
    if not facts.needs:
        return NEEDS_WITHOUT_SPECIFICATION
    shown = _first_within(facts.needs, NEEDS_WORDS)
    lines = ["You will need:", *_bullets(shown)]
    if len(facts.needs) > len(shown):
        lines.append("The person specification in the candidate pack lists the rest.")
    return "\n".join(lines)


def _how_we_assess(facts: VacancyFacts) -> str:
    introduction = (
        "Our selection is values-based. Alongside your skills and experience, we assess the "
        "five attributes, starting with values:"
    )
    steps = [
        "A structured interview asks behavioural questions on each of the five attributes.",
        "Panel members score you separately, against published descriptors, before agreeing "
        "a score.",
        "High scores elsewhere cannot make up for a low score on values.",
        *_panels_for(facts),
    ]
    return introduction + "\n" + "\n".join(_bullets(steps))


def _panels_for(facts: VacancyFacts) -> list[str]:
    """The vacancy's own stages where it has them; none promised before it does. A chief
    officer is appointed by members whatever the stages, so that is always said."""
    voice = LEVEL_VOICES.get(facts.role_level.key)
    members = _member_appointment(voice)
    if facts.stages is None:
        return [UNCONFIRMED_STAGES, *members]
    advising = [stage.label.lower() for stage in facts.stages if not stage.decides]
    deciding = next((stage for stage in facts.stages if stage.decides), None)
    lines = []
    if advising:
        lines.append(
            f"You will also meet {_and_list([_with_article(a) for a in advising])}, who "
            "advise the panel that appoints."
        )
    if deciding is not None and not (deciding.elected_members and members):
        lines.append(f"The decision is made at the {deciding.label.lower()}.")
    return lines + members


UNCONFIRMED_STAGES = (
    "We will tell shortlisted candidates about each stage of the assessment and who sits "
    "on each panel."
)


def _member_appointment(voice: LevelVoice | None) -> list[str]:
    if voice and voice.member_appointment:
        return [
            "An appointment panel of elected members, including at least one Cabinet member, "
            "interviews you last and makes the appointment."
        ]
    return []


def _how_to_apply(facts: VacancyFacts) -> str:
    paragraphs = [
        f"The closing date is {format_govuk_date(facts.closing_date)}. "
        + _application_route(facts),
        "For each attribute, give an example from your own work of what you did yourself.",
        " ".join(
            [
                " ".join(facts.equality_statement.split()),
                _guaranteed_interviews(facts.guaranteed_interviews),
            ]
        ).strip(),
    ]
    contacts = []
    if facts.hiring_manager.strip():
        contacts.append(f"For an informal conversation, contact {facts.hiring_manager.strip()}.")
    if facts.contact.strip():
        contacts.append(f"For questions about applying, contact {facts.contact.strip()}.")
    return _join([*paragraphs, " ".join(contacts)])


def _guaranteed_interviews(schemes: tuple[str, ...]) -> str:
    groups = [GUARANTEED_INTERVIEW_GROUPS[key] for key in schemes]
    if not groups:
        return ""
    named = groups[0] if len(groups) == 1 else f"{', '.join(groups[:-1])} and {groups[-1]}"
    return f"We guarantee an interview to {named} who meet the essential criteria."


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
        ("Interview dates", facts.interview_dates),
    ]  # the closing date and the people to talk to are in "How to apply"
    lines = "\n".join(f"- {label}: {value.strip()}" for label, value in details if value.strip())
    return _join([lines, " ".join(facts.offer.split())])


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
        " ".join(facts.right_to_work.split()),
    ]
    if voice and voice.politically_restricted:
        paragraphs.append(
            "This post is politically restricted (Local Government and Housing Act 1989): you "
            "may not stand for election or take an active part in party politics."
        )
    return _join(paragraphs)


# --- helpers -------------------------------------------------------------------------------


def _model_name(facts: VacancyFacts) -> str:
    """The innovation's name; for a council on none of the three, the name of its own model
    (its PRACTICE_MODEL setting) or "our practice model"."""
    if facts.innovation.key != ANY_INNOVATION:
        return facts.innovation.name
    return " ".join(facts.practice_model.split()) or "our practice model"


def _named_model(facts: VacancyFacts) -> bool:
    return facts.innovation.key != ANY_INNOVATION or bool(facts.practice_model.strip())


def _with_article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def _first_within(items: Sequence[str], words: int) -> Sequence[str]:
    """The first items whose words add up to at most ``words``; always the first."""
    count, taken = 0, 0
    for item in items:
        count += len(item.split())
        if taken and count > words:
            break
        taken += 1
    return items[:taken]


def _bullets(items: Sequence[str]) -> list[str]:
    return [f"- {' '.join(item.split())}" for item in items]


def _and_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _join(paragraphs: Sequence[str]) -> str:
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
