"""``flask --app recruit demo``: demo users and a realistic campaign.

Safe to run twice: everything is found by a natural key before it is created.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from recruit.accounts import create_user, find_user_by_email, set_password
from recruit.adverts.queries import start_advert
from recruit.bank_store import BankNotLoaded, current_bank, load_bank_into_database
from recruit.cli.demo_checks import ensure_demo_checks, ensure_demo_references
from recruit.cli.demo_decision import ensure_demo_decision
from recruit.cli.demo_equality import ensure_demo_equality_history
from recruit.cli.demo_interviews import ensure_demo_interviews
from recruit.cli.demo_profiles import ensure_demo_profiles
from recruit.cli.demo_scoring import ensure_demo_scores
from recruit.cli.demo_shortlisting import ensure_demo_shortlisting
from recruit.cli.demo_timeline import (
    ASSESSMENT_DAY_BREAK_MINUTES,
    ASSESSMENT_DAY_SLOT_MINUTES,
    FIRST_INTERVIEW,
    RECORDED_STARTS,
    YOUNG_PEOPLE,
    DemoTimeline,
    demo_timeline,
    later,
    next_working_day,
    uk_time,
    working_days_before,
)
from recruit.domain.adverts.draft.model import format_govuk_date
from recruit.domain.exercises import read_exercise_texts
from recruit.domain.question_bank import QuestionBank, load_bank
from recruit.exercise_store import store_exercise_texts
from recruit.extensions import db
from recruit.models import PersonSpecCriterion, Role, Vacancy, VacancyStatus
from recruit.stages.panel import council_today
from recruit.vacancies.person_spec import standard_criteria

DEMO_PASSWORD = "demo-password-for-trying-out"


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    role: Role
    # Safer recruitment training this many days before the demo is loaded; None: never.
    # The chairs are trained, so every demo stage has a trained member who scores.
    trained_days_ago: int | None = None


DEMO_USERS = [
    DemoUser("admin@demo.recruit.local", "Alex Admin", Role.ADMIN),
    DemoUser("hr@demo.recruit.local", "Harriet Okafor", Role.HR, trained_days_ago=300),
    DemoUser("chair@demo.recruit.local", "Cllr Sam Patel", Role.PANEL, trained_days_ago=500),
    DemoUser("panel@demo.recruit.local", "Priya Shah", Role.PANEL, trained_days_ago=1000),
    # Trained six years ago: expired, so the panel page shows that state too.
    DemoUser("partner@demo.recruit.local", "DI Mark Evans", Role.PANEL, trained_days_ago=2200),
    DemoUser("member@demo.recruit.local", "Cllr Joan Whitaker", Role.PANEL),
    DemoUser("councillor@demo.recruit.local", "Cllr Helen Forsyth", Role.PANEL),
    DemoUser("youngpeople@demo.recruit.local", "Jordan Lee", Role.PANEL),
    DemoUser("dcs@demo.recruit.local", "Dr Ruth Adeyemi", Role.REVIEWER),
    DemoUser("outgoing@demo.recruit.local", "Margaret Hale", Role.PANEL),
    # Advises the appointment panel and does not score; named as the vacancy's hiring manager.
    DemoUser("chiefexec@demo.recruit.local", "Jane Morris, Chief Executive", Role.PANEL),
    DemoUser("equality@demo.recruit.local", "Nadia Rahman", Role.EQUALITY),
]


@click.command("demo")
@with_appcontext
def demo_command() -> None:
    """Create the demo users (safe to run twice) and print their logins."""
    if current_app.config["RECRUIT_ENV"] == "production":
        raise click.ClickException("The demo is not loaded in production.")
    ensure_demo_users()
    db.session.commit()
    ensure_demo_campaign()
    db.session.commit()
    ensure_demo_equality_history()
    db.session.commit()
    print_demo_logins()


def ensure_demo_users() -> None:
    today = council_today()
    for demo_user in DEMO_USERS:
        user = find_user_by_email(demo_user.email)
        if user is None:
            user = create_user(demo_user.email, demo_user.full_name, demo_user.role, DEMO_PASSWORD)
        else:
            set_password(user, DEMO_PASSWORD)
            user.is_enabled = True
        days = demo_user.trained_days_ago
        user.safer_recruitment_trained_on = None if days is None else today - timedelta(days=days)


DEMO_VACANCY_TITLE = "Director of Children's Services"


def ensure_demo_campaign() -> None:
    """A DCS vacancy in a Family Safeguarding council, closed seven weeks ago: a finished
    advert, three stages with panels and issued plans covering the five attributes, six
    candidates, the advisory panels' scores, a final shortlist of three and the appointment
    panel's decision, with the offer made; each on its day of ``demo_timeline``."""
    bank = _bank_loaded_from_files()
    timeline = demo_timeline()
    vacancy = db.session.scalar(select(Vacancy).where(Vacancy.title == DEMO_VACANCY_TITLE))
    hr = find_user_by_email("hr@demo.recruit.local")
    if vacancy is None:
        vacancy = Vacancy(
            title=DEMO_VACANCY_TITLE,
            role_level="dcs",
            service_area="Children and Families",
            innovation="family_safeguarding",
            salary_range="£150,000 to £165,000",
            contract="permanent",
            location="County Hall, Northshire, with hybrid working",
            closing_date=timeline.closing_date,
            interview_dates=_interview_dates(timeline),
            hiring_manager="Jane Morris, Chief Executive",
            job_reference="NCC-CS-0142",
            # Closed, not appointed: the offer is made, but the post is filled only once
            # the candidate accepts and HR records her as appointed.
            status=VacancyStatus.CLOSED,
            created_at=uk_time(timeline.vacancy_created, 9, 30),
            created_by_id=hr.id if hr else None,
            # HR closed it the morning after the closing date.
            updated_at=uk_time(next_working_day(timeline.closing_date), 9, 0),
            updated_by_id=hr.id if hr else None,
        )
        db.session.add(vacancy)
        db.session.flush()
    if not vacancy.criteria:
        _person_spec(vacancy, timeline)
    new_candidates, new_stages = not vacancy.candidates, not vacancy.stages
    ensure_demo_interviews(vacancy, bank)
    db.session.flush()
    # Drafted once the assessment was planned, so the advert names its real stages.
    if vacancy.advert is None and hr is not None:
        advert = start_advert(vacancy, bank, current_app.config["ORGANISATION_NAME"], hr)
        advert.versions[0].created_at = uk_time(timeline.vacancy_created, 10, 0)
        advert.is_finished = True
    # Dated here only when just made, so a second run changes nothing.
    if new_candidates:
        _date_candidates(vacancy, timeline)
    if new_stages:
        _date_stages(vacancy, timeline)
    ensure_demo_shortlisting(vacancy, timeline)
    ensure_demo_scores(vacancy, timeline)
    ensure_demo_profiles(vacancy, timeline)
    # After the profiles: the appointment panel interviews the final shortlist made there.
    ensure_demo_references(vacancy, timeline)
    ensure_demo_decision(vacancy, timeline)
    ensure_demo_checks(vacancy, timeline)


def _interview_dates(timeline: DemoTimeline) -> str:
    assessment_day = format_govuk_date(timeline.stakeholder_panel)
    appointment = format_govuk_date(timeline.appointment_panel)
    return (
        f"Assessment day with the young people's and stakeholder panels {assessment_day}; "
        f"the appointment panel {appointment}"
    )


# Working days before the closing date each candidate applied, by position (C-01 first).
APPLIED_BEFORE_CLOSING = (12, 8, 5, 3, 1, 0)


def _date_candidates(vacancy: Vacancy, timeline: DemoTimeline) -> None:
    """Applied before the closing date; added by HR as shortlisted, one after another."""
    added = uk_time(timeline.shortlisted, 10, 0)
    for number, candidate in enumerate(vacancy.candidates):
        candidate.application_date = working_days_before(
            timeline.closing_date, APPLIED_BEFORE_CLOSING[number % len(APPLIED_BEFORE_CLOSING)]
        )
        candidate.created_at = candidate.updated_at = later(added, 5 * number)


def _date_stages(vacancy: Vacancy, timeline: DemoTimeline) -> None:
    """Each stage's day; for the assessment day's panels, the first interview's start, the
    carousel's slots and lunch; and each plan issued before any panel met. (The audit log
    keeps when the demo was loaded.)"""
    for number, stage in enumerate(vacancy.stages):
        stage.held_on = timeline.stage_day(stage.name)
        if stage.name in RECORDED_STARTS:
            stage.starts_at = FIRST_INTERVIEW[stage.name]
            stage.slot_minutes = ASSESSMENT_DAY_SLOT_MINUTES
            stage.break_minutes = ASSESSMENT_DAY_BREAK_MINUTES
        if stage.name == YOUNG_PEOPLE:
            stage.school_hours_agreement = _school_hours_agreement(timeline)
        stage.plan_issued_at = later(uk_time(timeline.plans_issued, 11, 0), 15 * number)


def _school_hours_agreement(timeline: DemoTimeline) -> str:
    """How the participation lead agreed the young people's day, as HR recorded it."""
    agreed_on = format_govuk_date(working_days_before(timeline.young_peoples_panel, 10))
    return (
        f"Priya Shah, participation lead, agreed the day on {agreed_on} with the six young "
        "people, their carers and their schools and colleges: the four still in education "
        "have authorised leave for the day, which counts towards their participation award. "
        "The day has a lunch break and a quiet room, and the young people leave by 16:30."
    )


def _bank_loaded_from_files() -> QuestionBank:
    try:
        return current_bank()
    except BankNotLoaded:
        directory = Path(current_app.config["QUESTION_BANK_DIR"])
        load_bank_into_database(load_bank(directory), "demo")
        store_exercise_texts(read_exercise_texts(directory))
        db.session.flush()
        return current_bank()


def print_demo_logins() -> None:
    click.echo("")
    click.echo(f"Demo logins (password for all: {DEMO_PASSWORD})")
    for demo_user in DEMO_USERS:
        role, email = demo_user.role.value, demo_user.email
        click.echo(f"  {role:<9} {email:<34} {demo_user.full_name}")
    click.echo("")


def _person_spec(vacancy: Vacancy, timeline: DemoTimeline) -> None:
    """The standard criteria for a DCS in a Family Safeguarding council, as HR started the
    person specification the day the vacancy was created."""
    for position, criterion in enumerate(standard_criteria(vacancy), start=1):
        vacancy.criteria.append(
            PersonSpecCriterion(
                position=position,
                text=criterion.text,
                essential=criterion.essential,
                assessed_by=list(criterion.assessed_by),
                created_at=uk_time(timeline.vacancy_created, 9, 45),
            )
        )
