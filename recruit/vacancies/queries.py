"""The vacancy's task list: each step of the pipeline that exists, with its status.

HR and admin see every step as a link to its page. A reviewer sees the same steps read-only:
a step links only to a page they may open (the summary and comparison, and moderation of a
stage they chair).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flask import url_for

from recruit.extensions import db
from recruit.models import PanelRole, Stage, TargetProfile, User, Vacancy
from recruit.results import sheets
from recruit.results.consolidation import decisions_for
from recruit.shortlisting.queries import vacancy_overview


@dataclass(frozen=True)
class Task:
    title: str
    href: str
    status: str  # "Completed", "In progress", "Not started"
    hint: str = ""
    # Whether a reviewer may open the page (summaries and comparisons let them in).
    for_reviewers: bool = False
    stage_id: int | None = None  # for a stage's scoring and moderation


def reviewer_tasks(vacancy: Vacancy, reviewer: User) -> list[Task]:
    """The steps without the links a reviewer could not follow (HR's pages would refuse)."""
    chaired = {
        seat.stage_id
        for stage in vacancy.stages
        for seat in stage.seats
        if seat.user_id == reviewer.id and seat.panel_role is PanelRole.CHAIR
    }
    return [
        task if task.for_reviewers or task.stage_id in chaired else replace(task, href="")
        for task in vacancy_tasks(vacancy)
    ]


def vacancy_tasks(vacancy: Vacancy) -> list[Task]:
    return [
        Task("Vacancy details", url_for("vacancies.edit", vacancy_id=vacancy.id), "Completed"),
        _person_spec_task(vacancy),
        _advert_task(vacancy),
        _stages_task(vacancy),
        _candidates_task(vacancy),
        _shortlisting_task(vacancy),
        *(_scoring_task(stage) for stage in sorted(vacancy.stages, key=lambda s: s.position)),
        _summary_task(vacancy),
        _comparison_task(vacancy),
    ]


NOT_USED = "Not used"
_NOT_BEGUN = frozenset({"Not started", "Cannot start yet"})


def ended_campaign_tasks(tasks: list[Task]) -> list[Task]:
    """The steps of a filled or closed vacancy: one never begun is history, not a prompt
    (a campaign run before the tool, or one that ended early, skipped it)."""
    return [
        replace(task, status=NOT_USED, hint="The campaign ended without this step")
        if task.status in _NOT_BEGUN
        else task
        for task in tasks
    ]


def _person_spec_task(vacancy: Vacancy) -> Task:
    href = url_for("vacancies.person_spec", vacancy_id=vacancy.id)
    essential = sum(1 for criterion in vacancy.criteria if criterion.essential)
    if not vacancy.criteria:
        return Task("Person specification", href, "Not started", "Shortlisting is against it")
    hint = f"{essential} essential, {len(vacancy.criteria) - essential} desirable"
    return Task("Person specification", href, "Completed", hint)


def _scoring_task(stage: Stage) -> Task:
    """Scoring then moderation of one stage, as one step."""
    title = f"Scoring and moderation: {stage.name}"
    href = url_for("moderation.index", vacancy_id=stage.vacancy_id, stage_id=stage.id)
    if stage.plan_issued_at is None:
        hint = "Issue the interview plan first"
        return Task(title, href, "Cannot start yet", hint, stage_id=stage.id)
    states = sheets.expected_sheets(stage)
    if not sheets.moderation_is_open(stage):
        done = sum(state.status == "Submitted" for state in states)
        status = "In progress" if any(state.sheet for state in states) else "Not started"
        hint = f"{done} of {len(states)} score sheets submitted"
        return Task(title, href, status, hint, stage_id=stage.id)
    candidates = sheets.scored_candidates(stage)
    decided = {decision.candidate_id for decision in decisions_for(stage)}
    recorded = sum(candidate.id in decided for candidate in candidates)
    hint = f"Moderation: outcomes recorded for {recorded} of {len(candidates)} candidates"
    status = "Completed" if recorded == len(candidates) else "In progress"
    return Task(title, href, status, hint, stage_id=stage.id)


def _comparison_task(vacancy: Vacancy) -> Task:
    title = "Target profile and shortlist comparison"
    href = url_for("comparisons.comparison", vacancy_id=vacancy.id)
    target = db.session.query(TargetProfile).filter_by(vacancy_id=vacancy.id).one_or_none()
    if not any(sheets.moderation_is_open(stage) for stage in vacancy.stages):
        status, hint = "Cannot start yet", "Ready once a stage is moderated"
    elif target is None or not target.levels:
        status, hint = "In progress", "Set the target levels the role needs"
    else:
        status, hint = "Completed", "Target set; compare the shortlist"
    return Task(title, href, status, hint, for_reviewers=True)


def _summary_task(vacancy: Vacancy) -> Task:
    href = url_for("summaries.summary", vacancy_id=vacancy.id)
    moderated = [stage.name for stage in vacancy.stages if sheets.moderation_is_open(stage)]
    if not moderated:
        return Task(
            "Panel scoring summary",
            href,
            "Cannot start yet",
            "Ready once a stage is moderated",
            for_reviewers=True,
        )
    hint = f"Covers {', '.join(moderated)}"
    return Task("Panel scoring summary", href, "Completed", hint, for_reviewers=True)


def _candidates_task(vacancy: Vacancy) -> Task:
    href = url_for("candidates.index", vacancy_id=vacancy.id)
    count = len(vacancy.candidates)
    if not count:
        return Task(
            "Candidates", href, "Not started", "Add candidates one by one or import a CSV file"
        )
    return Task(
        "Candidates", href, "Completed", f"{count} {'candidate' if count == 1 else 'candidates'}"
    )


def _shortlisting_task(vacancy: Vacancy) -> Task:
    href = url_for("shortlisting.overview", vacancy_id=vacancy.id)
    title = "Shortlisting scrutiny"
    if not vacancy.candidates:
        return Task(title, href, "Cannot start yet", "Add the candidates first")
    found = vacancy_overview(vacancy)
    decided = sum(1 for decision, _ in found.values() if decision is not None)
    points = sum(count for _, count in found.values())
    hint = (
        f"Decisions recorded for {decided} of {len(found)} candidates; "
        f"{points} {'point' if points == 1 else 'points'} to explore noted"
    )
    if decided == 0 and points == 0:
        return Task(title, href, "Not started", hint)
    return Task(title, href, "Completed" if decided == len(found) else "In progress", hint)


def _stages_task(vacancy: Vacancy) -> Task:
    if not vacancy.stages:
        href = url_for("stages.create", vacancy_id=vacancy.id)
        return Task("Stages and panels", href, "Not started", "Add each stage of the selection")
    href = url_for("vacancies.show", vacancy_id=vacancy.id, _anchor="stages")
    without_chair = [
        s.name
        for s in vacancy.stages
        if not any(seat.panel_role == PanelRole.CHAIR for seat in s.seats)
    ]
    count = len(vacancy.stages)
    summary = f"{count} {'stage' if count == 1 else 'stages'}"
    if without_chair:
        return Task(
            "Stages and panels",
            href,
            "In progress",
            f"{summary}; no chair yet for {', '.join(without_chair)}",
        )
    return Task("Stages and panels", href, "Completed", summary)


def _advert_task(vacancy: Vacancy) -> Task:
    href = url_for("adverts.builder", vacancy_id=vacancy.id)
    advert = vacancy.advert
    if advert is None:
        return Task(
            "Advert", href, "Not started", "Start from a draft built from the innovation's values"
        )
    if advert.is_finished:
        return Task(
            "Advert",
            href,
            "Completed",
            f"Version {advert.current_version_number}, ready to publish",
        )
    return Task("Advert", href, "In progress", f"Version {advert.current_version_number}")
