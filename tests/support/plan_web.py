"""Driving a stage's plan through its pages, as HR does: its address, adding an exercise or
activity from "Add exercises", and issuing the plan past the safer recruitment gates."""

from __future__ import annotations

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from recruit.models import Stage
from tests.support.forms import csrf_token_from


def plan_url(stage: Stage) -> str:
    return f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/plan"


def add_from_exercises(client: FlaskClient, stage: Stage, exercise_id: str) -> TestResponse:
    """Press "Add" beside the exercise on the stage's "Add exercises" page."""
    page = client.get(f"{plan_url(stage)}/exercises").get_data(as_text=True)
    data = {"csrf_token": csrf_token_from(page), "exercise_id": exercise_id}
    return client.post(f"{plan_url(stage)}/exercises/add", data=data, follow_redirects=True)


def issue_anyway(client: FlaskClient, stage: Stage, reason: str) -> TestResponse:
    """Issue the plan, giving ``reason`` for issuing past any safer recruitment gate."""
    token = csrf_token_from(client.get(plan_url(stage)).get_data(as_text=True))
    data = {"csrf_token": token, "override_reason": reason}
    return client.post(f"{plan_url(stage)}/issue", data=data)
