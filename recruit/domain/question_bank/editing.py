"""Turning what an editor typed into a question, and giving new questions stable ids."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Words that say nothing about a question, so ids are built from the words that do.
_FILLER = frozenset(
    "a an and about as at be by can did do for from give had has have how i in is it me of "
    "on or our say some tell that the their them they this time to us was we were what when "
    "where which who why with would you your".split()
)


def lines(text: str | None) -> list[str]:
    """One item per non-empty line, trimmed; bullets pasted from Word are stripped."""
    items = []
    for line in (text or "").splitlines():
        cleaned = line.strip().lstrip("•·-*–").strip()
        if cleaned:
            items.append(cleaned)
    return items


def tag_lines(text: str | None) -> list[str]:
    """Tags from a text area, one per line; lowercased, since tags are keys, not prose."""
    return [tag.lower() for tag in lines(text)]


def new_question_id(attribute: str, question_text: str, existing_ids: Iterable[str]) -> str:
    """``<attribute>-<two or three telling words>-NN``, never one already used (or retired)."""
    words = [w for w in _NOT_SLUG.sub(" ", question_text.lower()).split() if w not in _FILLER]
    slug = "-".join(words[:3]) or "question"
    taken = set(existing_ids)
    number = 1
    while f"{attribute}-{slug}-{number:02d}" in taken:
        number += 1
    return f"{attribute}-{slug}-{number:02d}"


def question_content(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The question in the bank's schema order from an editor's form fields."""
    negatives = [
        {"text": text, "decisive": True} for text in lines(fields["decisive_negative_indicators"])
    ]
    negatives += [{"text": text} for text in lines(fields["other_negative_indicators"])]
    content: dict[str, Any] = {
        "id": fields["id"],
        "status": fields["status"],
        "attribute": fields["attribute"],
        "format": fields["format"],
        "behaviours": list(fields["behaviours"]),
        "tags": tag_lines(fields.get("tags")),
        "question": fields["question"].strip(),
        "probes": lines(fields["probes"]),
        "positive_indicators": lines(fields["positive_indicators"]),
        "negative_indicators": negatives,
        "warning_signs": lines(fields.get("warning_signs")),
        "descriptors": {score: fields[f"descriptor_{score}"].strip() for score in range(1, 6)},
        "role_levels": list(fields["role_levels"]),
        "innovations": list(fields["innovations"]),
        "minutes": fields["minutes"],
    }
    variant = (fields.get("young_people_variant") or "").strip()
    if variant:
        content["young_people_variant"] = variant
    # Optional lists are left out when empty, as the bank's own files leave them out.
    return {key: value for key, value in content.items() if value != []}


def form_fields_from_content(content: Mapping[str, Any]) -> dict[str, Any]:
    """The reverse of ``question_content``, to fill the edit form."""
    negatives = content.get("negative_indicators", [])
    fields = {
        key: content.get(key)
        for key in (
            "id",
            "status",
            "attribute",
            "format",
            "behaviours",
            "question",
            "role_levels",
            "innovations",
            "minutes",
            "young_people_variant",
        )
    }
    fields["tags"] = "\n".join(content.get("tags", []))
    fields["warning_signs"] = "\n".join(content.get("warning_signs", []))
    fields["probes"] = "\n".join(content.get("probes", []))
    fields["positive_indicators"] = "\n".join(content.get("positive_indicators", []))
    fields["decisive_negative_indicators"] = "\n".join(
        n["text"] for n in negatives if n.get("decisive")
    )
    fields["other_negative_indicators"] = "\n".join(
        n["text"] for n in negatives if not n.get("decisive")
    )
    descriptors = content.get("descriptors", {})
    for score in range(1, 6):
        fields[f"descriptor_{score}"] = descriptors.get(score, descriptors.get(str(score), ""))
    return fields
