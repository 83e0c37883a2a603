"""Comparing groups' selection rates, honestly at small numbers, from a published funnel.

Two measures, both a ratio of two groups' rates with its 95% confidence interval (Katz's
log method, SciPy's ``relative_risk``) and Fisher's exact test, two-sided, on the 2x2 table
of selected and not selected by group (SciPy's ``fisher_exact``):

* The relative likelihood of appointment from shortlisting (SC-WRES metric 2): the
  appointment rate of shortlisted candidates in one group divided by another's. 1.0 is
  parity; for ethnicity it is white over ethnic minority, so 2.0 means white shortlisted
  candidates were twice as likely to be appointed (the NHS WRES national figure for 2023
  was 1.59). For other questions each group is compared with a reference group, by default
  the largest shortlisted, as the reference's rate over the group's.
* The adverse impact ratio at each step (the four-fifths rule, 29 CFR 1607.4(D)): each
  group's selection rate over the rate of the group selected at the highest rate.

Only the published funnel is used, so nothing here can reveal a hidden count: a comparison
that needs one is withheld. "Prefer not to say" and "Not known" are never compared: they
mix people of every group.

Each comparison gets one reading. The lower of the two rates as a share of the higher is
the impact ratio; below 0.8 breaches the four-fifths rule. The numbers confirm a difference
when Fisher's p is below 0.05 and the confidence interval leaves out 1 (where a rate of 0
leaves no interval, Fisher's p alone decides). Then:

* "Too few to tell": a count needed is hidden, or fewer than the threshold were at the
  step selected from in either group. No figures are given.
* "Evidence of adverse impact at <step>": four-fifths breached and the numbers confirm it.
  Evidence that the step treats the groups differently, worth looking into; not a finding
  of discrimination.
* "A difference the numbers cannot confirm": four-fifths breached, but a gap that size
  could well be chance at these numbers. Pooling more vacancies will tell.
* "No evidence of a difference": four-fifths not breached and not confirmed. Never "no
  adverse impact": small numbers can miss a real difference, and the text says so.
* "A difference within four-fifths": the numbers confirm a difference, but the lower rate
  is at least four-fifths of the higher. The four readings above leave this case out, and
  neither "no evidence" nor "adverse impact" would be true of it.

Zero rates are said in words: nobody in a group selected gives a ratio of 0 (or none at
all, when the group divided by selected nobody), and no interval.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from recruit.domain.equality.categories import ETHNIC_MINORITY, UNDECLARED, WHITE, Option
from recruit.domain.equality.funnel import WRES_FROM_STEP, WRES_TO_STEP, Step
from recruit.domain.equality.suppression import HIDDEN, PublishedFunnel, PublishedRow

FOUR_FIFTHS = 0.8
SIGNIFICANCE = 0.05
CONFIDENCE = 0.95

Reading = Literal["too_few", "adverse_impact", "unconfirmed", "no_evidence", "within_four_fifths"]
READING_HEADINGS: Mapping[Reading, str] = {
    "too_few": "Too few to tell",
    "adverse_impact": "Evidence of adverse impact {where}",
    "unconfirmed": "A difference the numbers cannot confirm",
    "no_evidence": "No evidence of a difference",
    "within_four_fifths": "A difference within four-fifths",
}


@dataclass(frozen=True)
class Tally:
    """One group's side of a comparison: how many were selected from how many."""

    group: Option
    selected: int
    pool: int

    @property
    def rate(self) -> float:
        return self.selected / self.pool


@dataclass(frozen=True)
class Comparison:
    """``rate_of``'s rate from ``from_step`` to ``to_step`` against ``compared_with``'s.

    ``ratio`` is rate_of's rate over compared_with's; ``interval`` its 95% confidence
    interval; ``p_value`` Fisher's exact two-sided. Each is None when withheld (too few) or
    when it cannot be worked out (a rate of 0); ``text`` says which.
    """

    from_step: Step
    to_step: Step
    rate_of: Option
    compared_with: Option
    reading: Reading
    heading: str
    text: str
    tallies: tuple[Tally, Tally] | None = None
    ratio: float | None = None
    interval: tuple[float, float] | None = None
    p_value: float | None = None
    impact_ratio: float | None = None  # the lower rate over the higher; None if both are 0

    @property
    def detail(self) -> str:
        """``text`` without the heading it opens with, for a layout that shows the heading
        on its own (a table's reading column)."""
        for lead in (f"{self.heading}. ", f"{self.heading}: "):
            if self.text.startswith(lead):
                return self.text[len(lead) :]
        return self.text


@dataclass(frozen=True)
class StepImpact:
    """The adverse impact ratios at one step: each group against ``highest``."""

    step: Step
    highest: Option | None
    comparisons: tuple[Comparison, ...]
    text: str


def compare(
    published: PublishedFunnel, rate_of: str, compared_with: str, from_step: str, to_step: str
) -> Comparison:
    """Two groups' rates from one step to a later one, with a reading."""
    start, end = published.step_index(from_step), published.step_index(to_step)
    if start >= end:
        raise ValueError("A comparison runs from one step to a later one")
    span = published.steps[start], published.steps[end]
    first, second = published.row(rate_of), published.row(compared_with)
    shortfall = _too_few(published, first, second, from_step, to_step)
    if shortfall:
        heading = READING_HEADINGS["too_few"]
        return Comparison(*span, first.group, second.group, "too_few", heading, shortfall)
    tallies = (
        _tally(published, first, from_step, to_step),
        _tally(published, second, from_step, to_step),
    )
    # One step is selection "at shortlisting"; across several, "from shortlisting to ...".
    where = (
        f"at {span[1].selection_text}"
        if end == start + 1
        else f"from {span[0].selection_text} to {span[1].selection_text}"
    )
    return _measured(span, where, tallies)


def relative_likelihood(
    published: PublishedFunnel,
    rate_of: str,
    compared_with: str,
    from_step: str = WRES_FROM_STEP,
    to_step: str = WRES_TO_STEP,
) -> Comparison:
    """How many times as likely ``rate_of``'s shortlisted candidates were to be appointed
    as ``compared_with``'s (SC-WRES metric 2; 1.0 is parity)."""
    return compare(published, rate_of, compared_with, from_step, to_step)


def wres_likelihood(published: PublishedFunnel) -> Comparison:
    """SC-WRES metric 2 on a funnel by ``ETHNICITY_WRES``: white over ethnic minority."""
    return relative_likelihood(published, WHITE, ETHNIC_MINORITY)


def relative_likelihoods(
    published: PublishedFunnel,
    reference: str | None = None,
    from_step: str = WRES_FROM_STEP,
    to_step: str = WRES_TO_STEP,
) -> tuple[Comparison, ...]:
    """The reference group's relative likelihood against each other group's, in order.

    The reference is by default the group with the most at ``from_step`` among the counts
    published (the first, on a tie); () when no group's count there is published.
    """
    chosen = reference or _largest(published, from_step)
    if chosen is None:
        return ()
    return tuple(
        relative_likelihood(published, chosen, row.group.key, from_step, to_step)
        for row in _declared(published)
        if row.group.key != chosen
    )


def adverse_impact(published: PublishedFunnel, step: str) -> StepImpact:
    """Each group's selection rate at ``step`` (from the step before) over the highest
    group's. Only a published rate over at least the threshold can be the highest."""
    index = published.step_index(step)
    if index == 0:
        raise ValueError("The first step selects nobody: there is no rate to compare")
    before = published.steps[index - 1].key
    chosen = _highest(published, before, step)
    at = published.steps[index]
    if chosen is None:
        text = f"No group's rate at {at.selection_text} can be shown, so there is no comparison."
        return StepImpact(at, None, (), text)
    comparisons = tuple(
        compare(published, row.group.key, chosen.group.key, before, step)
        for row in _declared(published)
        if row.group != chosen.group
    )
    rate = published.rate_between(chosen.group.key, before, step)
    text = f"Each group's rate at {at.selection_text} against the highest: {chosen.group.label}"
    return StepImpact(at, chosen.group, comparisons, f"{text}, {_percent(rate)}.")


def adverse_impact_by_step(published: PublishedFunnel) -> tuple[StepImpact, ...]:
    """``adverse_impact`` at every step after the first."""
    return tuple(adverse_impact(published, step.key) for step in published.steps[1:])


def _declared(published: PublishedFunnel) -> tuple[PublishedRow, ...]:
    return tuple(row for row in published.rows if row.group.key not in UNDECLARED)


def _largest(published: PublishedFunnel, step: str) -> str | None:
    """The declared group with the most published at ``step``; the first on a tie."""
    shown = [
        (count, -order, row.group.key)
        for order, row in enumerate(_declared(published))
        if isinstance(count := published.count(row.group.key, step), int)
    ]
    return max(shown)[2] if shown else None


def _highest(published: PublishedFunnel, before: str, step: str) -> PublishedRow | None:
    """The declared group with the highest published rate, over at least the threshold;
    the first on a tie."""
    rated = [
        (rate, -order, row)
        for order, row in enumerate(_declared(published))
        if not _too_few(published, row, row, before, step)
        and isinstance(rate := published.rate_between(row.group.key, before, step), float)
    ]
    return max(rated, key=lambda item: item[:2])[2] if rated else None


def _too_few(
    published: PublishedFunnel, first: PublishedRow, second: PublishedRow, start: str, end: str
) -> str:
    """Why the two groups cannot be compared, in words; "" when they can."""
    from_step = published.steps[published.step_index(start)]
    for row in (first, second):
        if HIDDEN in (published.count(row.group.key, start), published.count(row.group.key, end)):
            return (
                f"Too few to tell: {row.group.label}'s counts here are hidden, to protect "
                "small numbers."
            )
    for row in (first, second):
        pool = published.count(row.group.key, start)
        if isinstance(pool, int) and pool < published.threshold:
            return (
                f"Too few to tell: fewer than {published.threshold} in {row.group.label} "
                f"at “{from_step.label}”."
            )
    return ""


def _tally(published: PublishedFunnel, row: PublishedRow, start: str, end: str) -> Tally:
    pool, selected = published.count(row.group.key, start), published.count(row.group.key, end)
    assert isinstance(pool, int) and isinstance(selected, int)  # _too_few saw them shown
    return Tally(row.group, selected, pool)


@dataclass(frozen=True)
class _Figures:
    ratio: float | None
    interval: tuple[float, float] | None
    p_value: float
    impact_ratio: float | None


def _figures(first: Tally, second: Tally) -> _Figures:
    """SciPy's figures, as plain floats; None where a rate of 0 leaves none."""
    # Imported here: SciPy adds 65 MB to every worker, and only this report needs it.
    from scipy.stats import fisher_exact
    from scipy.stats.contingency import relative_risk

    table = [
        [first.selected, first.pool - first.selected],
        [second.selected, second.pool - second.selected],
    ]
    p_value = float(fisher_exact(table, alternative="two-sided").pvalue)
    risk = relative_risk(first.selected, first.pool, second.selected, second.pool)
    ratio = float(risk.relative_risk)
    bounds = risk.confidence_interval(confidence_level=CONFIDENCE)
    low, high = float(bounds.low), float(bounds.high)
    # Katz's interval needs both groups to have someone selected, and says nothing when
    # everyone in both was (it collapses to a point): no interval then.
    selected = first.selected > 0 and second.selected > 0
    usable = selected and math.isfinite(low) and math.isfinite(high) and low < high
    lower, higher = sorted((first.rate, second.rate))
    return _Figures(
        ratio=ratio if math.isfinite(ratio) else None,
        interval=(low, high) if usable else None,
        p_value=p_value,
        impact_ratio=lower / higher if higher else None,
    )


def _reading(figures: _Figures) -> Reading:
    breached = figures.impact_ratio is not None and figures.impact_ratio < FOUR_FIFTHS
    interval = figures.interval
    confirmed = figures.p_value < SIGNIFICANCE and (
        interval is None or not interval[0] <= 1 <= interval[1]
    )
    if breached:
        return "adverse_impact" if confirmed else "unconfirmed"
    return "within_four_fifths" if confirmed else "no_evidence"


def _measured(span: tuple[Step, Step], where: str, tallies: tuple[Tally, Tally]) -> Comparison:
    figures = _figures(*tallies)
    reading = _reading(figures)
    heading = READING_HEADINGS[reading].format(where=where)
    return Comparison(
        from_step=span[0],
        to_step=span[1],
        rate_of=tallies[0].group,
        compared_with=tallies[1].group,
        reading=reading,
        heading=heading,
        text=f"{heading}. {_explanation(span, tallies, figures, reading)}",
        tallies=tallies,
        ratio=figures.ratio,
        interval=figures.interval,
        p_value=figures.p_value,
        impact_ratio=figures.impact_ratio,
    )


def _explanation(
    span: tuple[Step, Step], tallies: tuple[Tally, Tally], figures: _Figures, reading: Reading
) -> str:
    counts = "; ".join(
        f"{tally.group.label} {tally.selected} of {tally.pool} ({_percent(tally.rate)})"
        for tally in tallies
    )
    facts = f"{span[0].label} to {span[1].label.lower()}: {counts}."
    return f"{facts} {_ratio_words(tallies, figures)} {_reading_words(tallies, figures, reading)}"


def _ratio_words(tallies: tuple[Tally, Tally], figures: _Figures) -> str:
    first, second = tallies
    if first.selected == 0 and second.selected == 0:
        return "Nobody in either group was selected, so there are no rates to compare."
    if first.selected == 0:
        return (
            f"Nobody in {first.group.label} was selected, so their rate is 0 times "
            f"{second.group.label}'s, and there is no confidence interval."
        )
    if figures.ratio is None:
        return (
            f"Nobody in {second.group.label} was selected, so {first.group.label}'s rate "
            "cannot be given as a multiple of theirs, and there is no confidence interval."
        )
    words = f"{first.group.label}'s rate is {figures.ratio:.2f} times {second.group.label}'s"
    if figures.interval is None:
        return f"{words}; no confidence interval can be worked out when both rates are 100%."
    low, high = figures.interval
    return f"{words} (95% confidence interval {low:.2f} to {high:.2f})."


def _reading_words(tallies: tuple[Tally, Tally], figures: _Figures, reading: Reading) -> str:
    lower, higher = sorted(tallies, key=lambda tally: tally.rate)
    share = (
        f"{lower.group.label}'s rate is {_percent(figures.impact_ratio)} of {higher.group.label}'s"
    )
    p = _p_text(figures.p_value)
    if figures.impact_ratio is None:
        return f"That is no evidence of a difference ({p}), and not proof there is none."
    if reading == "adverse_impact":
        return (
            f"{share}, below four-fifths, and a gap this size would be unlikely by chance "
            f"alone if the rates were really equal ({p}). It is a reason to look at this "
            "step, not a finding of discrimination."
        )
    if reading == "unconfirmed":
        return (
            f"{share}, below four-fifths, but at these numbers a gap this size could well "
            f"be chance ({p}). Pooling more vacancies will show whether it holds."
        )
    if reading == "within_four_fifths":
        return (
            f"The gap is unlikely to be chance alone ({p}), but {share}, within four-fifths: "
            "not adverse impact by that rule, though worth keeping in view."
        )
    return (
        f"These numbers show no clear difference ({p}). That is not proof there is none: "
        "small numbers can miss a real difference."
    )


def _p_text(p_value: float) -> str:
    shown = "< 0.001" if p_value < 0.001 else f"= {p_value:.3f}"
    return f"Fisher's exact test p {shown}"


def _percent(rate: object) -> str:
    return f"{rate:.0%}" if isinstance(rate, float) else "no rate"
