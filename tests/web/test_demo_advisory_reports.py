"""The demo's advisory panels report: the young people's panel on each candidate it
moderated, in its own words, and the stakeholder panel on the final shortlist while its
moderation goes on; the appointment panel's wash-up shows both as advice."""

from __future__ import annotations

from sqlalchemy import func, select

from recruit.cli.demo import DEMO_VACANCY_TITLE
from recruit.extensions import db
from recruit.models import AdvisoryReport, Role, TrafficLight, Vacancy

# The DCS campaign: the demo also has a year of past vacancies (recruit.cli.demo_equality).
DEMO_VACANCY = select(Vacancy).where(Vacancy.title == DEMO_VACANCY_TITLE)


def test_the_young_peoples_panel_reports_once_on_everyone_it_moderated(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert runner.invoke(args=["demo"]).exit_code == 0  # adds nothing the second time
    young_people, stakeholders, _deciding = db.session.scalar(DEMO_VACANCY).stages
    everyone = db.session.scalars(select(AdvisoryReport)).all()
    reports = [report for report in everyone if report.stage_id == young_people.id]
    partners = [report for report in everyone if report.stage_id == stakeholders.id]
    assert {report.stage_id for report in everyone} == {young_people.id, stakeholders.id}
    assert db.session.scalar(select(func.count(AdvisoryReport.id))) == 6 + 3
    assert sorted(report.candidate.code for report in partners) == ["C-01", "C-02", "C-05"]
    lights = {report.candidate.code: report.traffic_light for report in reports}
    assert lights["C-05"] is TrafficLight.GREEN and lights["C-06"] is TrafficLight.RED
    assert all(report.strengths and report.concerns for report in reports)


def test_the_appointment_panels_wash_up_shows_the_young_peoples_report(app, signed_in):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    _young, _stakeholders, deciding = db.session.scalar(DEMO_VACANCY).stages
    client, _hr = signed_in(Role.HR)
    candidate = next(c for c in deciding.vacancy.candidates if c.code == "C-05")
    url = f"/vacancies/{deciding.vacancy_id}/stages/{deciding.id}/moderation/candidates/"
    page = client.get(f"{url}{candidate.id}").get_data(as_text=True)
    section = page.split('id="advisory-reports"')[1].split("</section>")[0]
    assert "Young people" in section and "remembered our names" in section
    assert "Stakeholder panel" in section and "small charities" in section
