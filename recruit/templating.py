"""The Jinja environment: Flask's own, with template globals that list their names quickly.

Every ``{% from "…" import … %}`` makes Jinja 3.1 subtract the imported template's global
names from the importing template's (``Template._get_default_module``). A template's globals
are a ``collections.ChainMap`` over the environment's, and its keys view tests each name in
Python, map by map: with the GOV.UK layout's thirteen imports that took over a third of the
layout's render time, on every page. Here the keys are a plain dict's, so the subtraction
runs in C. Lookups and the overlay behave exactly as Jinja's ChainMap does.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import KeysView, MutableMapping
from typing import Any

from flask.templating import Environment


class TemplateGlobals(ChainMap[str, Any]):
    """Jinja's template globals (the template's own over the environment's)."""

    def keys(self) -> KeysView[str]:
        merged: dict[str, Any] = {}
        for mapping in reversed(self.maps):
            merged.update(mapping)
        return merged.keys()


class RecruitEnvironment(Environment):
    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return TemplateGlobals({} if d is None else d, self.globals)
