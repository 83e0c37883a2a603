"""Figures and labels as the panel scoring summary writes them.

Means and totals to one decimal place, rounding halves up as people do by hand (Python's
own formatting would show 3.25 as "3.2"), through ``scoring_model.figure_text`` on the
figures' exact values; weights as shares adding up to 100 (``percentage_texts``); dates and
times in the GOV.UK style, in UK time.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Collection, Mapping, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from recruit.domain.adverts.draft import format_govuk_date
from recruit.domain.documents.word.writer import one_line
from recruit.domain.interview_plan.weights import percentage_texts
from recruit.domain.scoring.model import (
    FLAG_LABELS,
    FLAG_ORDER,
    LOWEST_SCORE,
    OUTCOME_LABELS,
    AttributeResult,
    CandidateResult,
    ValuesFloor,
    figure_text,
)

NO_SCORE = "No score"
NOT_ASSESSED = "Not assessed"
NOT_DECIDED = "Not decided"
NOT_RANKED = "Not ranked"
NO_FLAGS = "None"
NOT_MEASURABLE = "Not measurable"
DEFAULT_NO_EVIDENCE = (
    "A member chooses \u201cNo evidence\u201d when the candidate was asked but said nothing "
    "that could be scored. It is not a low score: it is left out of the means and totals, and "
    "counted apart. An attribute where most members found no evidence is flagged."
)
DEFAULT_COMBINATION = (
    "At each stage, a member's score on an attribute is the mean of their scores on its "
    "questions. The panel mean is the mean of the members' scores, and the weighted total adds "
    "the attribute results in proportion to the stage's weights. Where the panel agreed a score "
    "at moderation, that score replaces the mean in the total. One stage decides: its panel "
    "makes the appointment decision, and only its results are totalled and ranked for the "
    "decision. Advisory stages (a stakeholder or young people's panel, an exercise) are "
    "reported beside it and never averaged in."
)
MODERATION_OPEN = "Moderation is open: these figures can still change."
_UK = "Europe/London"


def score_text(value: float | None, *, missing: str = NO_SCORE) -> str:
    """One decimal place, halves rounded up: 3.25 is "3.3"; an exact 3.65 is "3.7"."""
    if value is None or not math.isfinite(value):
        return missing
    return figure_text(value)


def signed_text(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return NOT_MEASURABLE
    text = score_text(abs(value))
    return text if text == "0.0" else ("+" if value > 0 else "-") + text


def alpha_text(alpha: float | None) -> str:
    return NOT_MEASURABLE if alpha is None else f"{alpha:.2f}"


def attribute_figure(result: AttributeResult | None) -> str:
    """The panel mean, with the agreed score on a second line when the panel set one."""
    if result is None or (result.mean is None and "not_assessed" in result.flags):
        return NOT_ASSESSED
    text = score_text(result.mean)
    return text if result.agreed is None else f"{text}\nagreed {score_text(result.agreed)}"


def total_text(candidate: CandidateResult, *, joiner: str = "\n") -> str:
    """The total that counts, then ``joiner`` and the formula total if moderation changed it."""
    if candidate.total is None:
        return "No total"
    text = score_text(candidate.total)
    if candidate.moderated_total is None or candidate.formula_total is None:
        return text
    return f"{text}{joiner}formula {score_text(candidate.formula_total)}"


def rank_texts(candidates: Sequence[CandidateResult]) -> list[str]:
    """Each candidate's rank, in rank order. Candidates the rules cannot separate share the
    first one's place, "3=", as in any ranked list; a candidate the stage did not assess at
    all has no place ("Not ranked"): no evidence is not a rank."""
    texts: list[str] = []
    shared = 0
    for index, candidate in enumerate(candidates):
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        if not candidate.tied_with_previous:
            shared = candidate.rank
        tied = candidate.tied_with_previous or (
            following is not None and following.tied_with_previous
        )
        if not any(result.result is not None for result in candidate.attributes):
            texts.append(NOT_RANKED)
        else:
            texts.append(f"{shared}{'=' if tied else ''}")
    return texts


def outcome_text(candidate: CandidateResult) -> str:
    return OUTCOME_LABELS[candidate.outcome] if candidate.outcome else NOT_DECIDED


def flag_lines(
    candidate: CandidateResult,
    short_names: Mapping[str, str],
    *,
    not_assessed_stated: Collection[str] = (),
) -> list[str]:
    """One line per flag raised, naming its attributes: "Panel disagreement: Partnerships".

    ``not_assessed_stated``: attribute keys whose "not assessed" flag the document states once
    for every candidate (a stage that asked nothing about them), so it is left out here.
    """
    lines = []
    for flag in FLAG_ORDER:
        names = [
            short_names.get(r.attribute, r.attribute)
            for r in candidate.attributes
            if flag in r.flags
            and not (flag == "not_assessed" and r.attribute in not_assessed_stated)
        ]
        if not names:
            continue
        label = FLAG_LABELS[flag]
        if flag == "values_floor" and candidate.floor_overridden:
            label += " (overridden)"
        lines.append(f"{label}: {', '.join(one_line(name) for name in names)}")
    return lines


def attribute_flags_text(result: AttributeResult | None) -> str:
    if result is None or not result.flags:
        return NO_FLAGS
    return ", ".join(FLAG_LABELS[flag] for flag in FLAG_ORDER if flag in result.flags)


def percent_texts(weights: Mapping[str, float]) -> dict[str, str]:
    """Weights as shares of their sum to one decimal place ("30%", "17.5%") that add up to
    exactly 100 (largest remainder; ties to the key listed first, so list attributes in
    their order)."""
    return percentage_texts(weights, places=1)


def floor_rule_text(floor: ValuesFloor, attribute_name: str) -> str:
    """The floor in words. A council that chose the single-score veto gets that rule's
    wording; otherwise a member's very low score is a red flag, not part of the floor."""
    name, minimum = one_line(attribute_name), f"{floor.minimum_mean:g}"
    lowest = floor.lowest_single_score
    single = f"{lowest}" if lowest <= LOWEST_SCORE else f"{lowest} or lower"
    foundation = "Values-driven leadership is the foundation of the other four attributes."
    if floor.single_score_veto:
        return (
            f"A panel mean below {minimum} on {name}, a score of {single} from any member on "
            f"any of its questions, or an agreed score below {minimum}, makes a candidate not "
            f"appointable whatever their total, unless the panel records a reasoned override. "
            f"{foundation}"
        )
    return (
        f"A panel mean below {minimum} on {name}, or an agreed score below {minimum}, makes a "
        "candidate not appointable whatever their total, unless the panel records a reasoned "
        f"override. A score of {single} from any member on any of its questions is a red "
        "flag: a serious concern on values that the panel discusses and records before it "
        f"records the outcome; the decision stays with the panel. {foundation}"
    )


def date_text(date: datetime.date | None, *, missing: str = "Not recorded") -> str:
    return format_govuk_date(date) if date else missing


def datetime_text(moment: datetime.datetime | None, *, missing: str = "Not recorded") -> str:
    """GOV.UK style, "12 January 2027, 2:30pm", in UK time when the time has a zone."""
    if moment is None:
        return missing
    local = moment.astimezone(_uk_zone()) if moment.tzinfo is not None else moment
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    clock = f"{hour}{suffix}" if local.minute == 0 else f"{hour}:{local.minute:02d}{suffix}"
    return f"{format_govuk_date(local.date())}, {clock}"


def moderation_closed_text(closed_at: datetime.datetime | None, closed_by: str = "") -> str:
    """ "Moderation closed on 7 December 2026, 1:48pm by Cllr Sam Patel.", from the moderation's
    own closing time; or, while it is open, that the figures can still change."""
    if closed_at is None:
        return MODERATION_OPEN
    by = f" by {one_line(closed_by)}" if closed_by.strip() else ""
    return f"Moderation closed on {datetime_text(closed_at)}{by}."


def _uk_zone() -> datetime.tzinfo:
    try:
        return ZoneInfo(_UK)
    except ZoneInfoNotFoundError:  # no time zone data on this system: UTC is off by an hour at most
        return datetime.UTC
