"""The fair-selection report as CSV: the funnel table as published (hidden counts marked
[c]), then each comparison with its figures and reading. Only what the page shows: a hidden
count stays hidden here too."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from recruit.domain.equality.measures import Comparison, StepImpact
from recruit.domain.equality.suppression import PublishedFunnel, count_text, rate_text


def report_csv(
    published: PublishedFunnel,
    wres: Comparison | None,
    likelihoods: Sequence[Comparison],
    impacts: Sequence[StepImpact],
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "Group",
            *(f"{step.label} (count)" for step in published.steps),
            *(f"{step.label} (rate from the step before)" for step in published.steps[1:]),
        ]
    )
    for row in (*published.rows, published.total):
        writer.writerow([
            row.group.label,
            *(count_text(count) for count in row.counts),
            *(rate_text(rate) for rate in row.rates[1:]),
        ])  # fmt: skip
    writer.writerow([])
    writer.writerow(
        ["Measure", "Group", "Compared with", "Ratio", "95% CI low", "95% CI high",
         "Fisher's exact p (two-sided)", "Reading"]
    )  # fmt: skip
    for label, comparison in _measures(wres, likelihoods, impacts):
        writer.writerow(_comparison_row(label, comparison))
    writer.writerow([])
    for note in published.notes:
        writer.writerow([note])
    return out.getvalue()


def _measures(
    wres: Comparison | None, likelihoods: Sequence[Comparison], impacts: Sequence[StepImpact]
) -> Iterable[tuple[str, Comparison]]:
    likelihood = "Relative likelihood of appointment from shortlisting"
    if wres is not None:
        yield f"{likelihood} (SC-WRES metric 2)", wres
    for comparison in likelihoods:
        yield likelihood, comparison
    for impact in impacts:
        for comparison in impact.comparisons:
            yield f"Adverse impact ratio at {impact.step.selection_text}", comparison


def _comparison_row(label: str, comparison: Comparison) -> list[str]:
    low, high = comparison.interval or (None, None)
    return [
        label,
        comparison.rate_of.label,
        comparison.compared_with.label,
        _figure(comparison.ratio),
        _figure(low),
        _figure(high),
        _figure(comparison.p_value, places=3),
        comparison.heading,
    ]


def _figure(value: float | None, places: int = 2) -> str:
    return "" if value is None else f"{value:.{places}f}"
