"""``flask --app recruit demo``: demo users and a realistic campaign.

Safe to run twice: everything is found by a natural key before it is created.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from recruit.accounts import create_user, find_user_by_email, set_password
from recruit.adverts.queries import start_advert
from recruit.bank_store import BankNotLoaded, current_bank, load_bank_into_database
from recruit.cli.demo_decision import ensure_demo_decision
from recruit.cli.demo_interviews import ensure_demo_interviews
from recruit.cli.demo_profiles import ensure_demo_profiles
from recruit.cli.demo_scoring import ensure_demo_scores
from recruit.domain.question_bank import QuestionBank, load_bank
from recruit.extensions import db
from recruit.models import Role, Vacancy, VacancyStatus

DEMO_PASSWORD = "demo-password-for-trying-out"


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    role: Role


DEMO_USERS = [
    DemoUser("admin@demo.recruit.local", "Alex Admin", Role.ADMIN),
    DemoUser("hr@demo.recruit.local", "Harriet Okafor", Role.HR),
    DemoUser("chair@demo.recruit.local", "Cllr Sam Patel", Role.PANEL),
    DemoUser("panel@demo.recruit.local", "Priya Shah", Role.PANEL),
    DemoUser("partner@demo.recruit.local", "DI Mark Evans", Role.PANEL),
    DemoUser("member@demo.recruit.local", "Cllr Joan Whitaker", Role.PANEL),
    DemoUser("councillor@demo.recruit.local", "Cllr Helen Forsyth", Role.PANEL),
    DemoUser("youngpeople@demo.recruit.local", "Jordan Lee", Role.PANEL),
    DemoUser("dcs@demo.recruit.local", "Dr Ruth Adeyemi", Role.REVIEWER),
    DemoUser("outgoing@demo.recruit.local", "Margaret Hale", Role.PANEL),
    # Advises the appointment panel and does not score; named as the vacancy's hiring manager.
    DemoUser("chiefexec@demo.recruit.local", "Jane Morris, Chief Executive", Role.PANEL),
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
    print_demo_logins()


def ensure_demo_users() -> None:
    for demo_user in DEMO_USERS:
        user = find_user_by_email(demo_user.email)
        if user is None:
            create_user(demo_user.email, demo_user.full_name, demo_user.role, DEMO_PASSWORD)
        else:
            set_password(user, DEMO_PASSWORD)
            user.is_enabled = True


DEMO_VACANCY_TITLE = "Director of Children's Services"


def ensure_demo_campaign() -> None:
    """A DCS vacancy in a Family Safeguarding council: a finished advert, three stages with
    panels and issued plans covering the five attributes, six candidates, the advisory
    panels' scores, a final shortlist of three and the appointment panel's decision."""
    bank = _bank_loaded_from_files()
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
            closing_date=date.today() + timedelta(days=28),
            interview_dates="Stakeholder and young people's panels in the week after closing; "
            "the appointment panel the following week",
            hiring_manager="Jane Morris, Chief Executive",
            job_reference="NCC-CS-0142",
            status=VacancyStatus.OPEN,
            created_by_id=hr.id if hr else None,
            updated_by_id=hr.id if hr else None,
        )
        db.session.add(vacancy)
        db.session.flush()
    if vacancy.advert is None and hr is not None:
        advert = start_advert(vacancy, bank, current_app.config["ORGANISATION_NAME"], hr)
        advert.is_finished = True
    ensure_demo_interviews(vacancy, bank)
    db.session.flush()
    ensure_demo_scores(vacancy)
    ensure_demo_profiles(vacancy)
    # After the profiles: the appointment panel interviews the final shortlist made there.
    ensure_demo_decision(vacancy)


def _bank_loaded_from_files() -> QuestionBank:
    try:
        return current_bank()
    except BankNotLoaded:
        load_bank_into_database(load_bank(Path(current_app.config["QUESTION_BANK_DIR"])), "demo")
        db.session.flush()
        return current_bank()


def print_demo_logins() -> None:
    click.echo("")
    click.echo(f"Demo logins (password for all: {DEMO_PASSWORD})")
    for demo_user in DEMO_USERS:
        role, email = demo_user.role.value, demo_user.email
        click.echo(f"  {role:<9} {email:<34} {demo_user.full_name}")
    click.echo("")
