"""Consolidation time at 1x, 10x and 100x score volumes.

Two figures per volume: the pure scoring rules (``consolidate_panel_scores`` with the
panel agreement statistics, then ``combine_stages``) on scores already loaded, and the
whole results bridge (``moderated_stages`` and ``overall_results``: load from the
database, then the rules), as the summary and moderation pages run it. The agreement
statistics are measured when first read, so both figures read them.
"""

from __future__ import annotations

import statistics
import time

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

REPEATS = 3


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
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = consolidate_panel_scores(scores, names)
        result.agreement  # noqa: B018  (measured when first read, as the summary reads it)
        combine_stages([result], keys)
        times.append(time.perf_counter() - started)
    db.session.remove()
    return {"scores": len(scores.scores), "pure_seconds": statistics.median(times)}


def _bridge(vacancy_id: int) -> float:
    times = []
    for _ in range(REPEATS):
        db.session.remove()  # start cold, as a request does
        started = time.perf_counter()
        vacancy = db.session.get(Vacancy, vacancy_id)
        outcomes = moderated_stages(vacancy)
        for outcome in outcomes:
            outcome.result.agreement  # noqa: B018  (the summary and moderation pages read it)
        overall_results(outcomes)
        times.append(time.perf_counter() - started)
    db.session.remove()
    return statistics.median(times)
