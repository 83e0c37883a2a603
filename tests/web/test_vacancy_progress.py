"""A vacancy's progress on the list, the task list and HR's home page: the demo campaign,
which HR left "Closed" once applications closed, reads as at its offer."""

from __future__ import annotations

from sqlalchemy import select

from recruit.cli.demo import DEMO_VACANCY_TITLE
from recruit.cli.demo_equality import PAST_VACANCIES
from recruit.extensions import db
from recruit.models import CandidateStatus, Role, Vacancy
from tests.support.factories import make_candidate, make_vacancy
from tests.support.panel_web import client_for

# The DCS campaign: the demo also has a year of past vacancies (recruit.cli.demo_equality).
DEMO_VACANCY = select(Vacancy).where(Vacancy.title == DEMO_VACANCY_TITLE)


def test_the_demo_campaign_stands_at_its_offer_everywhere_hr_looks(app, make_user):
    assert app.test_cli_runner().invoke(args=["demo"]).exit_code == 0
    vacancy = db.session.scalar(DEMO_VACANCY)
    hr = client_for(app, make_user(Role.HR))
    listing = hr.get("/vacancies").get_data(as_text=True)
    row = listing.split(f'href="/vacancies/{vacancy.id}"')[1].split("</tr>")[0]
    assert ">Offer<" in row and ">Closed<" in row  # the progress, then HR's own status
    page = hr.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    progress = page.split('id="vacancy-progress"')[1].split("</p>")[0]
    assert ">Offer<" in progress
    assert "Next: Complete the pre-employment checks and record the appointment." in progress
    home = hr.get("/").get_data(as_text=True).replace("&#39;", "'")
    # The demo's past year: every campaign in it filled or closed.
    filled_or_closed = f"1 campaign under way, {len(PAST_VACANCIES)} filled or closed."
    assert "Vacancies" in home and filled_or_closed in home
    assert f"{vacancy.title}: offer. Next: complete the pre-employment checks" in home


def test_a_new_vacancy_is_a_draft_and_a_reviewer_sees_no_next_step(app, bank, make_user):
    hr_user = make_user(Role.HR)
    vacancy = make_vacancy(hr_user)
    page = client_for(app, hr_user).get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert ">Draft<" in page.split('id="vacancy-progress"')[1].split("</p>")[0]
    reviewer = make_user(Role.REVIEWER)
    vacancy.hiring_manager = reviewer.full_name
    db.session.commit()
    home = client_for(app, reviewer).get("/").get_data(as_text=True)
    assert "campaign under way" not in home  # HR's card is HR's


def test_a_filled_vacancy_lists_the_steps_it_never_used_as_history_not_prompts(
    app, bank, make_user
):
    hr = make_user(Role.HR)
    vacancy = make_vacancy(hr)
    make_candidate(vacancy, status=CandidateStatus.APPOINTED)
    page = client_for(app, hr).get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert "Filled" in page
    assert "Not started" not in page and "Cannot start yet" not in page
    assert page.count("Not used") >= 3 and "The campaign ended without this step" in page

    open_vacancy = make_vacancy(hr, title="Head of Service, Fostering")
    page = client_for(app, hr).get(f"/vacancies/{open_vacancy.id}").get_data(as_text=True)
    assert "Not started" in page and "Not used" not in page
