"""The DCS as reviewer (issue #20 item 5): a reviewer reads the vacancies they are named on,
read-only, and sees where the decision stands; any other vacancy is a 404 to them and every
change stays HR and admin's."""

from __future__ import annotations

import re

import pytest
from flask import url_for
from flask.testing import FlaskClient

from recruit.extensions import db
from recruit.models import (
    CandidateDecision,
    Outcome,
    PanelRole,
    Role,
    StageModeration,
    StageRole,
    StageType,
    User,
    Vacancy,
)
from tests.conftest import TEST_PASSWORD
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_stage,
    make_vacancy,
    submit_sheet,
)
from tests.support.forms import csrf_token_from, sign_in

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _reviewer(app, make_user, name: str = "Dr Ruth Adeyemi") -> tuple[FlaskClient, User]:  # type: ignore[no-untyped-def]
    user = make_user(Role.REVIEWER, name=name)
    client = app.test_client()
    assert sign_in(client, user.email, TEST_PASSWORD).status_code == 302
    return client, user


def _seated_vacancy(make_user, reviewer: User, role: PanelRole = PanelRole.MEMBER) -> Vacancy:  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR), title="Director of Children's Services")
    make_stage(
        vacancy,
        name="Elected-member appointment panel",
        stage_type=StageType.ELECTED_MEMBER_PANEL,
        seats=[(make_user(Role.PANEL), PanelRole.CHAIR), (reviewer, role)],
    )
    return vacancy


def test_a_reviewer_with_a_seat_reads_the_vacancy_without_change_links_or_forms(
    app, bank, make_user
):
    client, reviewer = _reviewer(app, make_user)
    vacancy = _seated_vacancy(make_user, reviewer)
    response = client.get(f"/vacancies/{vacancy.id}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    main = page.split("<main", 1)[1]
    assert "Director of Children&#39;s Services" in main and "Where the decision stands" in main
    assert "<form" not in main, "a reviewer's vacancy page has no forms"
    assert ">Change<" not in main and "Add a stage" not in main and "Move up" not in main
    for hr_page in ("/edit", "/advert", "/candidates", "/stages/new", "/moderation"):
        assert f'/vacancies/{vacancy.id}{hr_page}"' not in main, hr_page
    # The pages a reviewer may open are linked: the summary and the comparison.
    assert f'href="/vacancies/{vacancy.id}/summary"' in main
    assert f'href="/vacancies/{vacancy.id}/comparison"' in main


def test_the_hiring_manager_is_named_on_the_vacancy_whatever_the_case_and_spaces(
    app, bank, make_user
):
    client, _reviewer_user = _reviewer(app, make_user, name="Dr Ruth Adeyemi")
    vacancy = make_vacancy(hiring_manager="  DR RUTH   adeyemi ")
    assert client.get(f"/vacancies/{vacancy.id}").status_code == 200


def test_a_reviewer_who_chairs_a_stage_is_linked_to_its_moderation(app, bank, make_user):
    client, reviewer = _reviewer(app, make_user)
    vacancy = _seated_vacancy(make_user, reviewer, role=PanelRole.CHAIR)
    stage = vacancy.stages[0]
    page = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert f'href="/vacancies/{vacancy.id}/stages/{stage.id}/moderation"' in page


def test_a_vacancy_the_reviewer_is_not_named_on_is_not_found(app, bank, make_user):
    client, _user = _reviewer(app, make_user)
    someone_elses = make_vacancy(hiring_manager="Chief Executive")
    assert client.get(f"/vacancies/{someone_elses.id}").status_code == 404
    assert client.get("/vacancies/999999").status_code == 404


def test_a_named_reviewer_is_refused_every_post_of_the_vacancies_pages(app, bank, make_user):
    # From the URL map, so a route added later is checked too.
    client, reviewer = _reviewer(app, make_user)
    vacancy = _seated_vacancy(make_user, reviewer)
    token = csrf_token_from(client.get("/").get_data(as_text=True))
    before = (vacancy.title, vacancy.lock_version, db.session.query(Vacancy).count())
    posts = [
        rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("vacancies.") and "POST" in (rule.methods or ())
    ]
    assert posts, "the vacancies pages have forms to post"
    for rule in posts:
        with app.test_request_context():
            extra = {"criterion_id": 1} if "criterion_id" in rule.arguments else {}
            url = url_for(rule.endpoint, vacancy_id=vacancy.id, **extra)
        response = client.post(url, data={"csrf_token": token, "title": "Changed"})
        assert response.status_code == 403, f"POST {url}: {response.status_code}"
    # The overview takes no POST at all.
    assert client.post(f"/vacancies/{vacancy.id}", data={"csrf_token": token}).status_code == 405
    db.session.expire_all()
    refreshed = db.session.get(Vacancy, vacancy.id)
    after = (refreshed.title, refreshed.lock_version, db.session.query(Vacancy).count())
    assert after == before


@pytest.mark.parametrize("path", ["/vacancies/new", "/vacancies/{id}/edit"])
def test_a_named_reviewer_is_refused_the_edit_pages(app, bank, make_user, path):
    client, reviewer = _reviewer(app, make_user)
    vacancy = _seated_vacancy(make_user, reviewer)
    assert client.get(path.format(id=vacancy.id)).status_code == 403


def test_the_list_holds_only_the_reviewers_vacancies_without_filters(app, bank, make_user):
    client, reviewer = _reviewer(app, make_user)
    seated = _seated_vacancy(make_user, reviewer)
    managed = make_vacancy(title="Head of Service, Fostering", hiring_manager="Dr Ruth Adeyemi")
    make_vacancy(title="Head of Service, No Wrong Door")
    page = client.get("/vacancies").get_data(as_text=True)
    main = page.split("<main", 1)[1]
    assert '<h1 class="govuk-heading-l">Your vacancies</h1>' in main
    assert f'href="/vacancies/{seated.id}"' in main and f'href="/vacancies/{managed.id}"' in main
    assert "No Wrong Door" not in main and "2 vacancies" in main
    assert "<form" not in main and "Create a vacancy" not in main


def test_a_reviewer_named_nowhere_sees_an_empty_list(app, bank, make_user):
    client, _user = _reviewer(app, make_user)
    make_vacancy()
    page = client.get("/vacancies").get_data(as_text=True)
    assert "You are not named on any vacancy yet" in page and "0 vacancies" in page


def test_hr_keeps_every_vacancy_and_every_change_link(app, bank, signed_in, make_user):
    client, _user = signed_in(Role.HR)
    vacancy = make_vacancy(title="Head of Service, No Wrong Door")
    listing = client.get("/vacancies").get_data(as_text=True)
    assert "No Wrong Door" in listing and "Create a vacancy" in listing
    page = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert f'href="/vacancies/{vacancy.id}/edit"' in page and "Add a stage" in page


def test_reviewers_have_a_your_vacancies_navigation_entry_and_home_card(app, bank, make_user):
    client, reviewer = _reviewer(app, make_user)
    vacancy = _seated_vacancy(make_user, reviewer)
    home = client.get("/").get_data(as_text=True)
    navigation = home.split('class="govuk-service-navigation__list"', 1)[1].split("</ul>", 1)[0]
    assert re.search(r'href="/vacancies"[^>]*>\s*Your vacancies', navigation)
    assert ">Vacancies<" not in navigation
    assert f'href="/vacancies/{vacancy.id}">Director of Children&#39;s Services</a>' in home


def test_panel_members_still_have_no_vacancies_entry(app, bank, signed_in):
    client, _user = signed_in(Role.PANEL)
    home = client.get("/").get_data(as_text=True)
    assert 'href="/vacancies"' not in home
    assert client.get("/vacancies").status_code == 403


def _decided_vacancy(app, make_user, reviewer: User) -> Vacancy:  # type: ignore[no-untyped-def]
    """An advisory panel, then the deciding panel in moderation with one outcome recorded."""
    vacancy = make_vacancy(make_user(Role.HR), hide_candidate_names=True)
    chair, member = make_user(Role.PANEL), make_user(Role.PANEL)
    make_stage(vacancy, name="Stakeholder panel", stage_type=StageType.STAKEHOLDER_PANEL)
    stage = make_issued_stage(
        app,
        vacancy,
        name="Final panel interview",
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER), (reviewer, PanelRole.MEMBER)],
        questions=QUESTIONS,
        role=StageRole.DECIDING,
    )
    amara, tom = make_candidate(vacancy, "Amara", "Okafor"), make_candidate(vacancy, "Tom", "Reid")
    for candidate in (amara, tom):
        for person in (chair, member, reviewer):
            submit_sheet(stage, person, candidate, [4, 3])
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.add(
        CandidateDecision(
            stage_id=stage.id,
            candidate_id=amara.id,
            outcome=Outcome.APPOINTABLE,
            reasons="Strong on values",
            recorded_by_id=chair.id,
        )
    )
    db.session.commit()
    return vacancy


def _decision_section(page: str) -> str:
    return page.split('id="decision"', 1)[1].split('id="stages"', 1)[0]


def test_the_decision_shows_the_deciding_stage_moderation_and_outcomes(app, bank, make_user):
    client, reviewer = _reviewer(app, make_user)
    vacancy = _decided_vacancy(app, make_user, reviewer)
    section = _decision_section(client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True))
    assert "Final panel interview" in section and "Stakeholder panel" not in section
    assert "In moderation" in section and "1 of 2 candidates" in section
    # A reviewer always sees names (recruit.results.visibility.names_shown_to).
    assert re.search(r"Amara Okafor \(C-01\)</th>\s*<td[^>]*>Appointable", section)
    assert re.search(r"Tom Reid \(C-02\)</th>\s*<td[^>]*>Not recorded yet", section)


def test_hr_sees_the_same_decision_status(app, bank, make_user, signed_in):
    _reviewer_client, reviewer = _reviewer(app, make_user)
    vacancy = _decided_vacancy(app, make_user, reviewer)
    client, _user = signed_in(Role.HR)
    section = _decision_section(client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True))
    assert "Final panel interview" in section and "Appointable" in section


def test_before_moderation_no_outcome_is_shown(app, bank, make_user):
    client, reviewer = _reviewer(app, make_user)
    vacancy = make_vacancy(make_user(Role.HR))
    stage = make_issued_stage(
        app, vacancy, seats=[(reviewer, PanelRole.CHAIR)], questions=QUESTIONS
    )
    candidate = make_candidate(vacancy)
    submit_sheet(stage, reviewer, candidate, [4, 4])
    make_candidate(vacancy, "Tom", "Reid")
    section = _decision_section(client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True))
    assert "Scoring: 1 of 2 score sheets submitted." in section
    assert "decision-outcomes" not in section and "Amara" not in section


def test_without_a_deciding_stage_the_page_says_so(app, bank, make_user):
    client, reviewer = _reviewer(app, make_user)
    vacancy = make_vacancy()
    make_stage(
        vacancy,
        stage_type=StageType.STAKEHOLDER_PANEL,
        seats=[(reviewer, PanelRole.MEMBER)],
    )
    section = _decision_section(client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True))
    assert "No stage makes the decision yet" in section
