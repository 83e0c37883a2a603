"""Consolidation time at 1x, 10x and 100x score volumes.

Two figures per volume: the pure scoring rules (``consolidate_panel_scores`` with the
panel agreement statistics, then ``combine_stages``) on scores already loaded, and the
whole results bridge (``moderated_stages`` and ``overall_results``: load from the
database, then the rules), as the summary and moderation pages run it. The agreement
statistics are measured when first read, so both figures read them.

Each figure is the median of as many runs as fill a second (three at least): the 1x
figure is a few milliseconds, and the median of three such runs moved the 100x ratio
between 91x and 124x from one bench run to the next.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from flask import Flask

from bench.seed import Seeded
from recruit.domain.scoring import combine_stages, consolidate_panel_scores
from recruit.extensions import db
from recruit.models import Stage, Vacancy
from recruit.scoring.results import (
    attribute_names,
    moderated_stages,
    overall_results,
    stage_scores,
)

MINIMUM_RUNS = 3
MINIMUM_SECONDS = 1.0


def measure_consolidation(app: Flask, seeded: Seeded, sizes: tuple[int, ...]) -> dict[str, dict]:
    """{volume label: figures} for each vacancy size, the smallest being 1x."""
    smallest = min(sizes)
    results = {}
    for size in sizes:
        vacancy = seeded.by_size[size]
        with app.test_request_context():
            results[f"{size // smallest}x"] = {
                "candidates": size,
                **_pure(vacancy.moderated_stage_id),
                "bridge_seconds": _bridge(vacancy.id),
            }
    return results


def _pure(stage_id: int) -> dict[str, float | int]:
    stage = db.session.get(Stage, stage_id)
    scores = stage_scores(stage)
    names = attribute_names()
    keys = tuple(names)

    def consolidate() -> None:
        result = consolidate_panel_scores(scores, names)
        result.agreement  # noqa: B018  (measured when first read, as the summary reads it)
        combine_stages([result], keys)

    seconds = median_seconds(consolidate)
    db.session.remove()
    return {"scores": len(scores.scores), "pure_seconds": seconds}


def _bridge(vacancy_id: int) -> float:
    def load_and_consolidate() -> None:
        vacancy = db.session.get(Vacancy, vacancy_id)
        outcomes = moderated_stages(vacancy)
        for outcome in outcomes:
            outcome.result.agreement  # noqa: B018  (the summary and moderation pages read it)
        overall_results(outcomes)

    # Each run starts cold, as a request does.
    seconds = median_seconds(load_and_consolidate, before_each=db.session.remove)
    db.session.remove()
    return seconds


def median_seconds(
    run: Callable[[], None],
    *,
    before_each: Callable[[], None] = lambda: None,
    minimum_runs: int = MINIMUM_RUNS,
    minimum_seconds: float = MINIMUM_SECONDS,
) -> float:
    """The median time of ``run`` over enough runs to fill ``minimum_seconds``."""
    times: list[float] = []
    while len(times) < minimum_runs or sum(times) < minimum_seconds:
        before_each()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
