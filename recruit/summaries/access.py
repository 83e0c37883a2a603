"""What the summary's pages share: the answer for a stage not (yet) shown, and the strip of
links to the summary's pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask import abort, flash, redirect, url_for
from flask.typing import ResponseReturnValue

from recruit.models import Stage, StageRole, Vacancy


@dataclass(frozen=True)
class PageLink:
    label: str
    href: str


def require_records(vacancy: Vacancy, stage_id: int, candidate_id: int | None = None) -> None:
    """A 404 for a stage or candidate the vacancy does not have: only a real stage that is
    not yet in moderation (or not the reader's) gets the "no summary yet" answer."""
    if all(stage.id != stage_id for stage in vacancy.stages):
        abort(404)
    if candidate_id is not None and all(c.id != candidate_id for c in vacancy.candidates):
        abort(404)


def not_ready(vacancy: Vacancy) -> ResponseReturnValue:
    flash("That stage has no summary yet: it appears once moderation opens.", "info")
    return redirect(url_for("summaries.summary", vacancy_id=vacancy.id))


def deciding_first(stages: Sequence[Stage]) -> list[Stage]:
    """The deciding panel first, then the advisory panels, as in the Word summary."""
    return sorted(stages, key=lambda stage: stage.role is not StageRole.DECIDING)


def stage_label(stage: Stage) -> str:
    return ("Deciding: " if stage.role is StageRole.DECIDING else "Advisory: ") + stage.name


def summary_pages(vacancy: Vacancy, stages: Sequence[Stage]) -> list[PageLink]:
    """The all-stages page, then each visible stage's page, deciding panel first."""
    return [PageLink("All stages", url_for("summaries.summary", vacancy_id=vacancy.id))] + [
        PageLink(
            stage_label(stage),
            url_for("summaries.stage_summary", vacancy_id=vacancy.id, stage_id=stage.id),
        )
        for stage in deciding_first(stages)
    ]
