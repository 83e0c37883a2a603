"""The cycle collector paused while the rules run.

Consolidating a stage builds tens of thousands of small frozen values (a score per member,
question and candidate; a result per candidate and attribute), none of which refer back to
one another. Python's cycle collector runs every few hundred allocations and, as those
values survive into its older generations, rescans all of them each time, so at 1,000
candidates it took as long as the rules themselves and the time grew faster than the
number of candidates. Reference counting frees everything the rules make as usual; only
the search for reference cycles, which they cannot create, waits until they finish.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def cycle_collector_paused(rule: Callable[P, R]) -> Callable[P, R]:
    """``rule`` run with the cycle collector paused (and left as it was found after)."""

    @wraps(rule)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return rule(*args, **kwargs)
        gc.disable()
        try:
            return rule(*args, **kwargs)
        finally:
            gc.enable()

    return run
