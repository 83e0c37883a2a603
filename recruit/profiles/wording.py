"""The profile summary speaks to its owner; a reader of a shared profile reads it about them."""

from __future__ import annotations

from collections.abc import Iterable

_SECOND_TO_THIRD_PERSON = (
    ("You have not rated yourself", "{name} has not rated themself"),
    ("You rated yourself", "{name} rated themself"),
    ("You rate yourself", "{name} rates themself"),
    ("You have rated", "{name} has rated"),
    ("so far you have rated yourself", "so far {name} has rated themself"),
    ("So far you have rated yourself", "So far {name} has rated themself"),
    ("the values you lead by", "the values they lead by"),
    ("how others see you", "how others see them"),
    ("rate the rest to complete your profile", "the rest are not rated yet"),
)


def about_owner(name: str, sentences: Iterable[str]) -> list[str]:
    """``sentences`` written to the owner, rewritten about ``name``."""
    found = []
    for sentence in sentences:
        for second, third in _SECOND_TO_THIRD_PERSON:
            sentence = sentence.replace(second, third.format(name=name))
        found.append(sentence)
    return found
