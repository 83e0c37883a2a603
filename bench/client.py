"""In-process requests for the query, export and consolidation measurements: the real app
and its Flask test client, signed in with a real POST of the sign-in form."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from bench.seed import Seeded, SeededVacancy


class SignInFailed(RuntimeError):
    pass


def signed_in_client(app: Flask, email: str, password: str) -> FlaskClient:
    client = app.test_client()
    page = client.get("/sign-in")
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.get_data(as_text=True))
    if match is None:
        raise SignInFailed("The sign-in page has no CSRF token")
    answer = client.post(
        "/sign-in", data={"csrf_token": match[1], "email": email, "password": password}
    )
    if answer.status_code != 302 or "/sign-in" in answer.headers.get("Location", ""):
        raise SignInFailed(f"Signing in as {email} failed with {answer.status_code}")
    return client


# The pages measured, and whether HR (rather than the vacancy's chair) opens them.
QUESTION_SEARCH = "/questions?q=family&attribute=values&attribute=decisions"


def page_paths(vacancy: SeededVacancy) -> dict[str, tuple[str, bool]]:
    """Each page's path for this vacancy and whether it is opened as HR."""
    return {
        "score entry": (
            f"/interviews/{vacancy.scoring_stage_id}/candidates/{vacancy.draft_candidate_id}/score",
            False,
        ),
        "panel summary": (f"/vacancies/{vacancy.id}/summary", False),
        "comparison": (f"/vacancies/{vacancy.id}/comparison", False),
        "question search": (QUESTION_SEARCH, False),
        "your interviews": ("/interviews", False),
        "vacancy page": (f"/vacancies/{vacancy.id}", True),
        "moderation": (
            f"/vacancies/{vacancy.id}/stages/{vacancy.moderated_stage_id}/moderation",
            False,
        ),
    }


def stage_summary_path(vacancy: SeededVacancy) -> str:
    """The panel summary of the vacancy's deciding stage alone: loaded, not counted."""
    return f"/vacancies/{vacancy.id}/summary/stages/{vacancy.moderated_stage_id}"


def user_for(seeded: Seeded, vacancy: SeededVacancy, as_hr: bool) -> str:
    return seeded.hr_email if as_hr else vacancy.chair_email
