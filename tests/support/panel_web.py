"""A panel at one stage, and the pages its people use, driven through the Flask test client
with real CSRF tokens: score sheets, conflicts, amendments, moderation, the raw scores."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import Candidate, PanelRole, PanelSeat, Role, ScoreSheet, Stage, User
from tests.conftest import TEST_PASSWORD
from tests.support.factories import make_candidate, make_issued_stage, make_vacancy
from tests.support.forms import csrf_token_from, sign_in
from tests.support.hostile_text import hidden_inputs

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]
LOCK_VERSION = re.compile(r'name="lock_version"[^>]*value="([^"]*)"')


@dataclass(frozen=True)
class Panel:
    """A stage with a chair, two members and an HR adviser; two candidates; plan issued."""

    stage: Stage
    amara: Candidate
    tom: Candidate
    hr: User
    chair: User
    member: User
    other: User

    @property
    def scorers(self) -> tuple[User, User, User]:
        return self.chair, self.member, self.other

    def url(self, tail: str = "") -> str:
        """The stage's moderation pages."""
        return f"/vacancies/{self.stage.vacancy_id}/stages/{self.stage.id}/moderation{tail}"


def build_panel(app: Flask, make_user, questions=QUESTIONS) -> Panel:  # type: ignore[no-untyped-def]
    """A chair, two members and an HR adviser at an issued stage; Amara and Tom."""
    hr = make_user(Role.HR, name="Harriet Adviser")
    chair = make_user(Role.PANEL, name="Priya Chair")
    member = make_user(Role.PANEL, name="Dee Member")
    other = make_user(Role.PANEL, name="Omar Other")
    vacancy = make_vacancy(hr)
    amara = make_candidate(vacancy, "Amara", "Okafor")
    tom = make_candidate(vacancy, "Tom", "Reid")
    seats = [
        (chair, PanelRole.CHAIR),
        (member, PanelRole.MEMBER),
        (other, PanelRole.MEMBER),
        (hr, PanelRole.HR_ADVISER),
    ]
    stage = make_issued_stage(app, vacancy, seats=seats, questions=questions)
    return Panel(stage, amara, tom, hr, chair, member, other)


def client_for(app: Flask, user: User) -> FlaskClient:
    client = app.test_client()
    response = sign_in(client, user.email, TEST_PASSWORD)
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def sheet_url(stage: Stage, candidate: Candidate, page: str = "score") -> str:
    return f"/interviews/{stage.id}/candidates/{candidate.id}/{page}"


def save_sheet(  # type: ignore[no-untyped-def]
    client: FlaskClient,
    stage: Stage,
    candidate: Candidate,
    scores: list[str],
    notes: list[str],
    button: str = "save_draft",
):
    """Post the sheet as the page was loaded: a score ("1".."5", "none" or "") and a note
    per plan item, with ``button`` save_draft or check."""
    url = sheet_url(stage, candidate)
    page = client.get(url).get_data(as_text=True)
    version = LOCK_VERSION.search(page)
    fields = {
        "csrf_token": csrf_token_from(page),
        "lock_version": version.group(1) if version else "",
        button: "x",
    }
    for item, score, note in zip(stage.items, scores, notes, strict=True):
        fields[f"score_{item.id}"] = score
        fields[f"evidence_{item.id}"] = note
    return client.post(url, data=fields)


def submit_through_pages(  # type: ignore[no-untyped-def]
    client: FlaskClient, stage: Stage, candidate: Candidate, scores: list[str], note: str
):
    """Fill every question, continue to the check page and submit, as a member does."""
    notes = [f"{note} (question {n})" for n in range(1, len(scores) + 1)]
    saved = save_sheet(client, stage, candidate, scores, notes, button="check")
    assert saved.status_code == 302, saved.get_data(as_text=True)
    return post_check_page(client, stage, candidate)


def post_check_page(client: FlaskClient, stage: Stage, candidate: Candidate):  # type: ignore[no-untyped-def]
    """Submit from the check page; its token comes from the sheet page, so this works even
    when the check page itself sends the member back."""
    sheet = own_sheet(stage, candidate, client_user(client))
    token = csrf_token_from(client.get(sheet_url(stage, candidate)).get_data(as_text=True))
    version = str(sheet.lock_version) if sheet is not None else ""
    return client.post(
        sheet_url(stage, candidate, "check"), data={"csrf_token": token, "lock_version": version}
    )


def client_user(client: FlaskClient) -> User:
    return client.user  # type: ignore[attr-defined,no-any-return]


def member_client(app: Flask, user: User) -> FlaskClient:
    """A signed-in client that remembers whose it is (for reading their own sheet)."""
    client = client_for(app, user)
    client.user = user  # type: ignore[attr-defined]
    return client


def own_sheet(stage: Stage, candidate: Candidate, user: User) -> ScoreSheet | None:
    db.session.expire_all()
    return db.session.scalar(
        select(ScoreSheet)
        .join(PanelSeat, PanelSeat.id == ScoreSheet.seat_id)
        .where(
            PanelSeat.stage_id == stage.id,
            PanelSeat.user_id == user.id,
            ScoreSheet.candidate_id == candidate.id,
        )
    )


def declare_conflict(client: FlaskClient, stage: Stage, candidate: Candidate):  # type: ignore[no-untyped-def]
    url = sheet_url(stage, candidate, "conflict")
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, "description": "I managed them"})


def amend(  # type: ignore[no-untyped-def]
    client: FlaskClient, stage: Stage, candidate: Candidate, score: str = "1"
):
    """Post a changed score for the first question, with a reason."""
    sheet = own_sheet(stage, candidate, client_user(client))
    token = csrf_token_from(client.get(sheet_url(stage, candidate)).get_data(as_text=True))
    return client.post(
        sheet_url(stage, candidate, f"amend/{stage.items[0].id}"),
        data={
            "csrf_token": token,
            "score": score,
            "evidence": "Changed after seeing the others' scores",
            "reason": "Second thoughts",
            "lock_version": str(sheet.lock_version) if sheet is not None else "",
        },
    )


def record_moderation(  # type: ignore[no-untyped-def]
    client: FlaskClient, panel: Panel, candidate: Candidate, outcome: str = "appointable"
):
    url = panel.url(f"/candidates/{candidate.id}")
    page = client.get(url).get_data(as_text=True)
    data = {**hidden_inputs(page), "outcome": outcome, "reasons": "The panel agreed"}
    return client.post(url, data=data)


def counted_scores(client: FlaskClient, panel: Panel) -> set[tuple[str, str, str]]:
    """(panel member, candidate, score) for every row of the vacancy's raw scores CSV."""
    response = client.get(f"/vacancies/{panel.stage.vacancy_id}/scores.csv")
    assert response.status_code == 200
    rows = csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")))
    return {(row["Panel member"], row["Candidate"], row["Score"]) for row in rows}


def members_counted_for(client: FlaskClient, panel: Panel, candidate: Candidate) -> set[str]:
    return {
        member
        for member, label, _score in counted_scores(client, panel)
        if f"({candidate.code})" in label
    }
