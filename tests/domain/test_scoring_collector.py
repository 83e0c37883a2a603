"""The rules run with the cycle collector paused, and leave it as they found it."""

from __future__ import annotations

import gc
import sys

import pytest

from recruit.domain.scoring import combine_stages, consolidate_panel_scores
from recruit.domain.scoring.agreement import panel_agreement
from recruit.domain.scoring.collector import cycle_collector_paused
from recruit.domain.scoring.model import QuestionScore, StageScores


def test_the_collector_is_paused_while_a_rule_runs_and_enabled_after() -> None:
    seen: list[bool] = []

    @cycle_collector_paused
    def rule() -> int:
        seen.append(gc.isenabled())
        return 7

    assert gc.isenabled()
    assert rule() == 7
    assert seen == [False]
    assert gc.isenabled()


def test_a_rule_that_fails_still_leaves_the_collector_enabled() -> None:
    @cycle_collector_paused
    def rule() -> None:
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        rule()
    assert gc.isenabled()


def test_a_collector_someone_else_paused_stays_paused() -> None:
    @cycle_collector_paused
    def rule() -> bool:
        return gc.isenabled()

    gc.disable()
    try:
        assert rule() is False
        assert not gc.isenabled()
    finally:
        gc.enable()


ATTRIBUTES = ("values", "decisions")


def _stage(candidates: int) -> StageScores:
    planned = {key: (f"{key}-1", f"{key}-2") for key in ATTRIBUTES}
    members = ("m1", "m2", "m3")
    codes = tuple(f"C-{n:02d}" for n in range(1, candidates + 1))
    scores = tuple(
        QuestionScore(member, code, question, key, 1 + (n + len(member) + len(question)) % 5)
        for n, code in enumerate(codes)
        for member in members
        for key in ATTRIBUTES
        for question in planned[key]
    )
    weights = dict.fromkeys(ATTRIBUTES, 0.5)
    return StageScores("Final panel", ATTRIBUTES, planned, weights, members, codes, scores)


def test_no_collection_starts_inside_the_rules() -> None:
    """With the collector set to run at every allocation, none runs inside a rule."""
    rules = {consolidate_panel_scores, combine_stages, panel_agreement}
    codes = {rule.__wrapped__.__code__ for rule in rules}  # type: ignore[attr-defined]
    inside: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        frame = sys._getframe(1)
        while phase == "start" and frame is not None:
            if frame.f_code in codes:
                inside.append(frame.f_code.co_name)
            frame = frame.f_back

    stage = _stage(12)
    threshold = gc.get_threshold()
    gc.callbacks.append(note)
    gc.set_threshold(1, 1, 1)
    try:
        result = consolidate_panel_scores(stage, dict(zip(ATTRIBUTES, ATTRIBUTES, strict=True)))
        result.agreement  # noqa: B018  (measured on reading)
        combined = combine_stages([result], ATTRIBUTES)
    finally:
        gc.set_threshold(*threshold)
        gc.callbacks.remove(note)
    assert len(combined) == 12
    assert inside == []
