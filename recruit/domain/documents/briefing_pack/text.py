"""Figures and labels as the DCS briefing pack writes them.

Scores and totals go through the panel summary's ``score_text`` (one decimal place, halves
rounded up as by hand), so the two documents never disagree about a figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from docx.shared import Pt
from docx.text.paragraph import Paragraph

from recruit.domain.comparison.model import AttributeGap, ComparedCandidate
from recruit.domain.documents.briefing_pack.model import BriefingContext
from recruit.domain.documents.scoring_summary.parts import find_attribute
from recruit.domain.documents.scoring_summary.text import NOT_ASSESSED, outcome_text, score_text
from recruit.domain.documents.word.text_safety import clean_for_document
from recruit.domain.documents.word.writer import PackWriter, one_line
from recruit.domain.scoring.model import (
    OUTCOME_LABELS,
    AttributeResult,
    CandidateResult,
)

NO_MINIMUM = "\u2013"
AGREED = "agreed"
INCLUDES_AGREED = "includes agreed"
BELOW_TARGET = "below target level"
FLOOR_MET = "Met"
FLOOR_BREACHED = "Breached: not appointable by rule"
FLOOR_NOT_ASSESSED = "Not assessed"
_RUN_ON_SPACE = Pt(24)
# Longer than any real name, stage or reading; long enough for a sentence of free text.
LABEL_LIMIT = 200
CELL_TEXT_LIMIT = 1_500
SHORTENED = "\u2026 (shortened: the panel scoring summary has it in full)"


def name_text(text: str, limit: int = LABEL_LIMIT) -> str:
    """Cleaned text on one line, shortened to ``limit`` characters: names, stages, readings.

    A name pasted in error (an essay, a whole document) must not fill a table cell or a
    heading: LibreOffice takes minutes to lay out a table cell tens of pages long.
    """
    line = one_line(text)
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "\u2026"


def cell_text(text: str) -> str:
    """Free text for a table cell (a reason, a descriptor), line breaks kept, shortened."""
    cleaned = clean_for_document(text).strip()
    if len(cleaned) <= CELL_TEXT_LIMIT:
        return cleaned
    return cleaned[:CELL_TEXT_LIMIT].rstrip() + SHORTENED


def run_on_heading(writer: PackWriter, text: str) -> Paragraph:
    """A Heading 1 that follows on the same page as the section before it, set apart from it
    (the reference's Heading 1 has no space before: it usually starts a page)."""
    paragraph = writer.heading(text, 1)
    paragraph.paragraph_format.space_before = _RUN_ON_SPACE
    return paragraph


def has_target(context: BriefingContext) -> bool:
    """True when the comparison has a target with a level on a listed attribute."""
    target = context.comparison.target
    return target is not None and any(key in target.levels for key in context.attribute_names)


def target_level_text(context: BriefingContext, attribute: str) -> str:
    """The target's level on ``attribute`` in the rubric's words ("Strong"), or a dash."""
    target = context.comparison.target
    name = "" if target is None else target.level_name(attribute)
    return name or NO_MINIMUM


def target_level(context: BriefingContext, attribute: str) -> int | None:
    target = context.comparison.target
    return None if target is None else target.levels.get(attribute)


def rank_text(rank: int, all_ranks: Sequence[int]) -> str:
    """The rank, "2=" when another compared candidate holds the same place."""
    return f"{rank}{'=' if list(all_ranks).count(rank) > 1 else ''}"


def rank_change_text(change: int) -> str:
    """Places gained under equal weights: "up 1 place", "down 2 places", "no change"."""
    if change == 0:
        return "no change"
    places = "place" if abs(change) == 1 else "places"
    return f"{'up' if change > 0 else 'down'} {abs(change)} {places}"


def figure_text(
    context: BriefingContext, compared: ComparedCandidate, attribute: str, *, mark_target: bool
) -> str:
    """The figure that counts, then "agreed" (or "includes agreed" when a stage's agreed
    score is part of a figure across stages) and "below target" on a second line."""
    result = find_attribute(compared.combined, attribute)
    if result is None or (result.result is None and "not_assessed" in result.flags):
        return NOT_ASSESSED
    marks = []
    if result.agreed is not None:
        marks.append(AGREED)
    elif any(
        (found := find_attribute(stage, attribute)) is not None and found.agreed is not None
        for stage in compared.stage_results.values()
    ):
        marks.append(INCLUDES_AGREED)
    gap = find_gap(compared, attribute)
    if mark_target and gap is not None and gap.below_target:
        marks.append(BELOW_TARGET)
    text = score_text(result.result)
    return text if not marks else f"{text}\n{', '.join(marks)}"


def attribute_value(candidate: CandidateResult, attribute: str) -> float | None:
    result = find_attribute(candidate, attribute)
    return result.result if result is not None else None


def floor_status(context: BriefingContext, compared: ComparedCandidate) -> str:
    """Met, breached, overridden with the panel's reason, or not assessed: a floor on a
    values score no one heard at the deciding stage was never tested, so it is not met."""
    candidate = compared.combined
    if candidate.floor_breached and candidate.floor_overridden:
        reason = name_text(candidate.override_reason or "", CELL_TEXT_LIMIT) or "no reason recorded"
        return f"Overridden by the panel: {reason}"
    if candidate.floor_breached:
        return FLOOR_BREACHED
    if attribute_value(candidate, context.values_attribute) is None or is_missing(
        context, compared.candidate, context.values_attribute
    ):
        return FLOOR_NOT_ASSESSED
    return FLOOR_MET


def is_missing(context: BriefingContext, candidate: str, attribute: str) -> bool:
    """Whether the deciding stage weights ``attribute`` but has no figure on it for
    ``candidate``."""
    return any(
        gap.attribute == attribute and candidate in gap.candidates
        for gap in context.comparison.missing
    )


def latest_outcome(compared: ComparedCandidate, stages: Sequence[str]) -> str:
    """The outcome at the last of ``stages`` (the deciding stage) that has one, naming it."""
    stage, outcome = latest_outcome_at(compared, stages)
    return f"{outcome}\n({name_text(stage)})" if stage else outcome


def latest_outcome_at(compared: ComparedCandidate, stages: Sequence[str]) -> tuple[str, str]:
    """(stage, outcome label) for the last stage with an outcome; ("", the combined result's
    outcome or "Not decided") when no stage has one."""
    for stage in reversed(stages):
        result = compared.stage_results.get(stage)
        if result is not None and result.outcome is not None:
            return stage, OUTCOME_LABELS[result.outcome]
    return "", outcome_text(compared.combined)


def find_gap(compared: ComparedCandidate, attribute: str) -> AttributeGap | None:
    return next((gap for gap in compared.gaps if gap.attribute == attribute), None)


def level_sentence(context: BriefingContext, gap: AttributeGap) -> str:
    """ "Values-driven reads as Sound (3.3); the target is Strong." Words, never a gap."""
    name = name_text(context.short_name(gap.attribute))
    return (
        f"{name} reads as {gap.level_name} ({score_text(gap.value)}); the target is "
        f"{gap.target_level_name}."
    )


def range_text(compared: ComparedCandidate, attribute: str) -> str:
    """The lowest and highest member score at the deciding stage: "2 to 5"; empty if none."""
    found = compared.member_range(attribute)
    if found is None:
        return ""
    low, high = (_whole_or_tenth(value) for value in found)
    return low if low == high else f"{low} to {high}"


def _whole_or_tenth(value: float) -> str:
    # Member scores are whole numbers on a single question, and means of them otherwise.
    return str(round(value)) if float(value).is_integer() else score_text(value)


def stage_figure(result: AttributeResult | None) -> str:
    """A stage's figure that counts, "agreed" beneath it when the panel set it at moderation."""
    if result is None or (result.result is None and "not_assessed" in result.flags):
        return NOT_ASSESSED
    text = score_text(result.result)
    return text if result.agreed is None else f"{text}\n{AGREED}"


def labels_in_order(context: BriefingContext, keys: Mapping[str, object] | Sequence[str]) -> str:
    """Candidate labels joined for a sentence: "A, B and C"."""
    names = [name_text(context.candidate_label(key)) for key in keys]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
