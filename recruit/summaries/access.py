"""What the summary's pages share: the answer for a stage not (yet) shown, and the strip of
links to the summary's pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask import flash, redirect, url_for
from flask.typing import ResponseReturnValue

from recruit.models import Stage, StageRole, Vacancy


@dataclass(frozen=True)
class PageLink:
    label: str
    href: str


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
