"""Consolidation time at 1x, 10x and 100x score volumes.

Two figures per volume: the pure scoring rules (``consolidate_panel_scores`` with the
panel agreement statistics, then ``combine_stages``) on scores already loaded, and the
whole results bridge (``moderated_stages`` and ``overall_results``: load from the
database, then the rules), as the summary and moderation pages run it. The agreement
statistics are measured when first read, so both figures read them.

The volumes are measured in turns, 1x, 10x, 100x and round again, and each figure is the
median of all its runs. This machine's speed drifts by a quarter or more within a minute:
measured one after the other, the 1x figure (a few milliseconds) and the 100x figure fell
in different spells, and the 100x ratio moved between 64x and 131x from run to run.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping
from typing import TypeVar

from flask import Flask

from bench.seed import Seeded
from recruit.domain.scoring import combine_stages, consolidate_panel_scores
from recruit.extensions import db
from recruit.models import Stage, Vacancy
from recruit.results.consolidation import (
    attribute_names,
    moderated_stages,
    overall_results,
    stage_scores,
)

ROUNDS = 5
SECONDS_PER_TURN = 0.2  # a turn repeats a short run until it has taken this long
Key = TypeVar("Key")


def measure_consolidation(app: Flask, seeded: Seeded, sizes: tuple[int, ...]) -> dict[str, dict]:
    """{volume label: figures} for each vacancy size, the smallest being 1x."""
    smallest = min(sizes)
    with app.test_request_context():
        pure = {size: _pure_run(seeded.by_size[size].moderated_stage_id) for size in sizes}
        scores = {size: count for size, (_, count) in pure.items()}
        pure_seconds = interleaved_medians({size: run for size, (run, _) in pure.items()})
        bridge = {size: _bridge_run(seeded.by_size[size].id) for size in sizes}
        # Each bridge run starts cold, as a request does.
        bridge_seconds = interleaved_medians(bridge, before_each=db.session.remove)
        db.session.remove()
    return {
        f"{size // smallest}x": {
            "candidates": size,
            "scores": scores[size],
            "pure_seconds": pure_seconds[size],
            "bridge_seconds": bridge_seconds[size],
        }
        for size in sizes
    }


def _pure_run(stage_id: int) -> tuple[Callable[[], None], int]:
    """The rules on one stage's scores, loaded here once; and how many scores there are."""
    scores = stage_scores(db.session.get(Stage, stage_id))
    names = attribute_names()
    keys = tuple(names)

    def consolidate() -> None:
        result = consolidate_panel_scores(scores, names)
        result.agreement  # noqa: B018  (measured when first read, as the summary reads it)
        combine_stages([result], keys)

    return consolidate, len(scores.scores)


def _bridge_run(vacancy_id: int) -> Callable[[], None]:
    def load_and_consolidate() -> None:
        vacancy = db.session.get(Vacancy, vacancy_id)
        outcomes = moderated_stages(vacancy)
        for outcome in outcomes:
            outcome.result.agreement  # noqa: B018  (the summary and moderation pages read it)
        overall_results(outcomes)

    return load_and_consolidate


def interleaved_medians(
    runs: Mapping[Key, Callable[[], None]],
    *,
    before_each: Callable[[], None] = lambda: None,
    rounds: int = ROUNDS,
    seconds_per_turn: float = SECONDS_PER_TURN,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[Key, float]:
    """Each run's median time, taking turns: in every round each run is repeated until its
    turn has lasted ``seconds_per_turn`` (once at least), so all are timed in the same
    spells of the machine's speed."""
    times: dict[Key, list[float]] = {key: [] for key in runs}
    for _ in range(rounds):
        for key, run in runs.items():
            turn: list[float] = []
            while not turn or sum(turn) < seconds_per_turn:
                before_each()
                started = clock()
                run()
                turn.append(clock() - started)
            times[key] += turn
    return {key: statistics.median(found) for key, found in times.items()}
