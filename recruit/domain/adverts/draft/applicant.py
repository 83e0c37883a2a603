"""The report's behaviours said to the applicant, and the questions they can ask themselves.

Values-driven leadership comes first wherever the attributes are listed: the report found
it the foundation of the other four.
"""

from __future__ import annotations

from collections.abc import Sequence

from recruit.domain.adverts.role_levels import LEVEL_VOICES, LevelVoice
from recruit.domain.question_bank.model import Attribute, Behaviour, RoleLevel

VALUES_ATTRIBUTE = "values"


def values_first(attributes: Sequence[Attribute]) -> list[Attribute]:
    """The attributes with values-driven leadership first: the report's foundation."""
    return sorted(attributes, key=lambda attribute: attribute.key != VALUES_ATTRIBUTE)


def self_assessment_prompts(
    attributes: Sequence[Attribute], role_level: RoleLevel
) -> list[tuple[str, list[str]]]:
    """Three questions per attribute that applicants can ask themselves before applying: one
    on the behaviour the level features, then two written for the level where it has them."""
    voice = LEVEL_VOICES.get(role_level.key)
    prompts = []
    for attribute in values_first(attributes):
        featured = _featured_behaviours(attribute, voice)[0]
        evidence = _lower_first(applicant_statement(featured)).rstrip(".")
        questions = [f"Can you point to a time when you showed that {evidence}?"]
        own = voice.reflections.get(attribute.key) if voice else None
        reflections = list(own) if own else list(attribute.reflection_questions[:2])
        prompts.append((attribute.name, questions + reflections))
    return prompts


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


def _featured_behaviours(attribute: Attribute, voice: LevelVoice | None) -> list[Behaviour]:
    """The behaviours this level features; the first one if the level names none of them."""
    keys = voice.behaviours if voice else ()
    featured = [behaviour for behaviour in attribute.behaviours if behaviour.key in keys]
    return featured or list(attribute.behaviours[:1])


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
