"""Every GET route in app.url_map, each given to one visitor who may see it, with a URL.

Built from the url_map and the access rules of tests/web/test_access_matrix.py, never from a
hand list: a new route is visited by whoever its access rule names first in VISITOR_ORDER.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from flask import Flask, url_for
from werkzeug.routing import Rule

from recruit.models import Role
from tests.support.page_world import ADMIN, ANONYMOUS, CHAIR, HR, REVIEWER, VISITORS
from tests.web.test_access_matrix import (
    ACCESS,
    HR_OR_SEATED,
    PUBLIC,
    REVIEWERS_OR_SEATED,
    SAMPLE_ARGUMENTS,
    SEATED,
)

# For an endpoint open to several roles: the first visitor here whose role may see it.
VISITOR_ORDER = ((Role.PANEL, CHAIR), (Role.REVIEWER, REVIEWER), (Role.HR, HR), (Role.ADMIN, ADMIN))
# Rules that are not a set of roles: the visitor who passes them in the seeded world.
SEATED_VISITOR = {
    PUBLIC: ANONYMOUS,
    SEATED: CHAIR,
    HR_OR_SEATED: CHAIR,
    REVIEWERS_OR_SEATED: REVIEWER,
}
# Pages that differ by role: every signed-in visitor sees them.
EVERY_SIGNED_IN_VISITOR = frozenset({"main.home"})


def visitors_of(endpoint: str) -> tuple[str, ...]:
    if endpoint in EVERY_SIGNED_IN_VISITOR:
        return tuple(visitor for visitor in VISITORS if visitor != ANONYMOUS)
    rule = ACCESS[endpoint]
    if isinstance(rule, str):
        return (SEATED_VISITOR[rule],)
    return (next(visitor for role, visitor in VISITOR_ORDER if role in rule),)


def get_rules(app: Flask) -> list[Rule]:
    rules = [rule for rule in app.url_map.iter_rules() if "GET" in (rule.methods or ())]
    return sorted(rules, key=lambda rule: rule.endpoint)


def url_for_endpoint(app: Flask, rule: Rule, ids: dict[str, object]) -> str:
    """The URL of ``rule`` for the seeded records: "endpoint.argument" keys win."""

    def value(name: str) -> object:
        for key in (f"{rule.endpoint}.{name}", name):
            if key in ids:
                return ids[key]
            if key in SAMPLE_ARGUMENTS:
                return SAMPLE_ARGUMENTS[key]
        raise KeyError(f"no sample value for {name} in {rule.endpoint}")

    with app.test_request_context():
        return url_for(rule.endpoint, **{name: value(name) for name in rule.arguments})


def pages_for(app: Flask, visitor: str, ids: dict[str, object]) -> Iterator[tuple[str, str]]:
    """(endpoint, URL) for every GET route this visitor is the one to check."""
    for rule in get_rules(app):
        if visitor in visitors_of(rule.endpoint):
            yield rule.endpoint, url_for_endpoint(app, rule, ids)


@dataclass(frozen=True)
class ExtraState:
    """Another state of a page (another template, or an error page) worth checking too."""

    visitor: str
    endpoint: str
    overrides: dict[str, str] = field(default_factory=dict)  # argument -> key in world ids
    status: int = 200
    path: str = ""  # a raw path instead of an endpoint (error pages)

    def url(self, app: Flask, ids: dict[str, object]) -> str:
        if self.path:
            return self.path
        rule = next(rule for rule in get_rules(app) if rule.endpoint == self.endpoint)
        own = {f"{self.endpoint}.{name}": ids[key] for name, key in self.overrides.items()}
        return url_for_endpoint(app, rule, {**ids, **own})


EXTRA_STATES = (
    # Scoring still open: the status table instead of the results.
    ExtraState(CHAIR, "moderation.index", {"stage_id": "scoring_stage_id"}),
    # An issued plan is read-only.
    ExtraState(HR, "stages.plan_page", {"stage_id": "stage_id"}),
    # Packs before the plan is issued explain why there are none.
    ExtraState(HR, "stages.packs_page", {"stage_id": "draft_stage_id"}),
    # No advert yet: the page offers to start one.
    ExtraState(HR, "adverts.builder", {"vacancy_id": "vacancy_without_advert_id"}),
    # A submitted sheet read back, with the panel's scores.
    ExtraState(CHAIR, "scoring.score_sheet", {"stage_id": "stage_id"}),
    # A blank sheet for a candidate not yet scored.
    ExtraState(
        CHAIR,
        "scoring.score_sheet",
        {"stage_id": "scoring_stage_id", "candidate_id": "unscored_candidate_id"},
    ),
    # Scoring refused: the plan is not issued yet.
    ExtraState(CHAIR, "scoring.score_sheet", {"stage_id": "draft_stage_id"}, status=403),
    # A retired question says so.
    ExtraState(ADMIN, "questions.show", {"question_id": "retired_question_id"}),
    # A young people's activity: its traffic light instead of descriptors.
    ExtraState(CHAIR, "questions.exercise", {"exercise_id": "young_people_exercise_id"}),
    # A set-password link already used: the page that says so.
    ExtraState(ANONYMOUS, "auth.set_password", {"token": "used_token"}, status=410),
    ExtraState(CHAIR, "", path="/no-such-page", status=404),
    ExtraState(CHAIR, "", path="/admin/users", status=403),
    ExtraState(HR, "", path="/vacancies/999999", status=404),
)
