"""The demo's year of past recruitment, with equality monitoring answers, so the
fair-selection report has a real year to show.

Ten campaigns that closed over the past year, the last just before the DCS campaign began,
across role levels and innovations, with 12 to 40 candidates each (251 in all). Each holds
only what the report reads: the vacancy, its candidates at their final status, and their
equality answers as HR imported them from the job board's export the day after closing.
There is no advert, person specification, stage, panel or score: nothing reads them for
these campaigns, and the progress (``recruit.domain.vacancies``) needs none of them. An
appointed candidate makes a vacancy filled; the one campaign closed with nobody left in it
reads closed.

What the year shows, pooled (tests/web/test_demo_equality.py checks it):

* Adverse impact at shortlisting by ethnicity: ethnic minority candidates were shortlisted
  at 18% (13 of 74) against white candidates' 32% (50 of 157), a ratio of 0.55, well under
  four-fifths, and Fisher's exact test confirms the gap (p = 0.027). After shortlisting the
  numbers are too small to confirm any difference.
* Groups too small to publish: three candidates answered "Other ethnic group" and four said
  they are care experienced, so both are hidden when the year is pooled (fewer than 5).
* "Prefer not to say" in every question, a few questions skipped, and a few candidates with
  no answers at all ("Not known").

One seeded ``random.Random`` draws the whole year the same way every time, and each vacancy
is found by its job reference first, so a second run adds nothing.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import product

from sqlalchemy import select

from recruit.accounts import find_user_by_email
from recruit.cli.demo_timeline import (
    later,
    next_working_day,
    uk_time,
    working_days_after,
    working_days_before,
)
from recruit.domain.adverts.draft.model import format_govuk_date
from recruit.domain.candidates.codes import next_candidate_codes
from recruit.extensions import db
from recruit.models import (
    Candidate,
    CandidateStatus,
    EqualityAnswers,
    Vacancy,
    VacancyStatus,
)
from recruit.stages.panel import council_today

SEED = 20240401  # any fixed number: the same year on every run and every machine
SERVICE_AREA = "Children and Families"
HEAD_OFFICE = "County Hall, Northshire, with hybrid working"


@dataclass(frozen=True)
class PastVacancy:
    job_reference: str
    title: str
    role_level: str
    innovation: str
    salary_range: str
    hiring_manager: str
    applicants: int
    closed_weeks_ago: int  # working weeks before the demo is loaded
    contract: str = "permanent"
    location: str = HEAD_OFFICE
    filled: bool = True  # False: closed with nobody shortlisted


PAST_VACANCIES = (
    PastVacancy(
        "NCC-CS-0097",
        "Team Manager, Family Safeguarding Team (North)",
        "team_manager",
        "family_safeguarding",
        "£50,000 to £55,000",
        "Rachel Denby, Service Manager",
        applicants=38,
        closed_weeks_ago=50,
        location="Northgate Family Centre, Northshire",
    ),
    PastVacancy(
        "NCC-CS-0101",
        "Practice Lead, Motivational Interviewing",
        "practice_lead",
        "family_safeguarding",
        "£46,000 to £50,000",
        "Owen Pryce, Principal Social Worker",
        applicants=22,
        closed_weeks_ago=46,
    ),
    PastVacancy(
        "NCC-CS-0104",
        "Team Manager, No Wrong Door Hub",
        "team_manager",
        "no_wrong_door",
        "£50,000 to £55,000",
        "Lorna Mackie, Service Manager, Adolescent Services",
        applicants=31,
        closed_weeks_ago=42,
        location="The Hub, Riverside Road, Northshire",
    ),
    # Nobody met the essential criteria: HR closed it and advertised again (NCC-CS-0116).
    PastVacancy(
        "NCC-CS-0108",
        "Head of Service, Quality Assurance",
        "head_of_service",
        "family_safeguarding",
        "£75,000 to £85,000",
        "Simon Achebe, Assistant Director",
        applicants=14,
        closed_weeks_ago=38,
        filled=False,
    ),
    PastVacancy(
        "NCC-CS-0112",
        "Service Manager, Children in Care",
        "service_manager",
        "family_valued",
        "£60,000 to £66,000",
        "Simon Achebe, Assistant Director",
        applicants=26,
        closed_weeks_ago=34,
    ),
    PastVacancy(
        "NCC-CS-0116",
        "Head of Service, Quality Assurance (re-advertised)",
        "head_of_service",
        "family_safeguarding",
        "£75,000 to £85,000",
        "Simon Achebe, Assistant Director",
        applicants=18,
        closed_weeks_ago=29,
    ),
    PastVacancy(
        "NCC-CS-0120",
        "Programme Manager, Family Valued",
        "programme_manager",
        "family_valued",
        "£55,000 to £60,000",
        "Simon Achebe, Assistant Director",
        applicants=24,
        closed_weeks_ago=25,
        contract="fixed_term",
    ),
    PastVacancy(
        "NCC-CS-0124",
        "Assistant Director, Children's Social Care",
        "assistant_director",
        "family_safeguarding",
        "£100,000 to £112,000",
        "Margaret Hale, Director of Children's Services",
        applicants=12,
        closed_weeks_ago=21,
    ),
    PastVacancy(
        "NCC-CS-0128",
        "Team Manager, Family Safeguarding Team (South)",
        "team_manager",
        "family_safeguarding",
        "£50,000 to £55,000",
        "Rachel Denby, Service Manager",
        applicants=40,
        closed_weeks_ago=17,
        location="Southgate Family Centre, Northshire",
    ),
    PastVacancy(
        "NCC-CS-0133",
        "Service Manager, Edge of Care",
        "service_manager",
        "no_wrong_door",
        "£60,000 to £66,000",
        "Lorna Mackie, Service Manager, Adolescent Services",
        applicants=26,
        closed_weeks_ago=13,
    ),
)

# The year's ethnicity answers, counted exactly so the pooled groups are as the docstring
# says; None: the candidate gave no answers at all. White candidates are the rest.
ETHNICITY_COUNTS: Mapping[str | None, int] = {
    None: 12,
    "prefer_not_to_say": 8,
    "asian": 31,
    "black": 27,
    "mixed": 13,
    "other": 3,
}
CARE_EXPERIENCED = 4
# How likely each ethnic group was to be picked for the shortlist, against white: the gap
# the report is there to find. "Prefer not to say" and no answers sit in between.
SHORTLIST_WEIGHT: Mapping[str | None, float] = {"white": 1.0, "prefer_not_to_say": 0.85, None: 0.85}
ETHNIC_MINORITY_WEIGHT = 0.5
SHORTLIST_SHARE = 0.3
PNTS = "prefer_not_to_say"
# The other questions' answers, by how often each is given (out of 100).
ANSWER_WEIGHTS: Mapping[str, Sequence[tuple[str, int]]] = {
    "sex": (("female", 72), ("male", 25), (PNTS, 3)),
    "gender_identity": (("yes", 95), ("no", 1), (PNTS, 4)),
    "disability": (("no", 84), ("yes", 11), (PNTS, 5)),
    "age_band": (
        ("25_34", 22),
        ("35_44", 36),
        ("45_54", 27),
        ("55_64", 11),
        ("65_plus", 1),
        (PNTS, 3),
    ),
    "religion": (
        ("no_religion", 38),
        ("christian", 35),
        ("muslim", 8),
        ("hindu", 3),
        ("sikh", 2),
        ("jewish", 1),
        ("buddhist", 1),
        ("other", 3),
        (PNTS, 9),
    ),
    "sexual_orientation": (
        ("straight", 86),
        ("gay_or_lesbian", 4),
        ("bisexual", 3),
        ("other", 1),
        (PNTS, 6),
    ),
    "care_experience": (("no", 93), (PNTS, 7)),
}
SKIPPED_SHARE = 0.02  # how often a candidate leaves one of these questions blank

# First names that no demo user or DCS candidate has, and surnames that none of the hiring
# managers here has: no candidate shares a name with anyone else in the demo.
FIRST_NAMES = (
    "Aisha", "Anna", "Ben", "Bethany", "Callum", "Chloe", "David", "Deborah", "Eleanor",
    "Emma", "Fatima", "Femi", "Gemma", "Grace", "Hannah", "Imran", "Isla", "James", "Jasmine",
    "Joanne", "Joseph", "Kate", "Kerry", "Kwame", "Laura", "Leah", "Lisa", "Lucy", "Mandeep",
    "Marcus", "Megan", "Mohammed", "Natalie", "Nia", "Olivia", "Owen", "Paul", "Priti",
    "Rachel", "Rebecca", "Rhys", "Rosa", "Samira", "Sarah", "Sian", "Simon", "Sophie",
    "Stephen", "Tanya", "Thomas", "Tunde", "Victoria", "Wei", "Yasmin", "Zoe",
)  # fmt: skip
LAST_NAMES = (
    "Adebayo", "Ahmed", "Akhtar", "Allen", "Bailey", "Barker", "Begum", "Bennett", "Brennan",
    "Campbell", "Chaudhry", "Clarke", "Cooper", "Davies", "Dixon", "Edwards", "Evans",
    "Fletcher", "Francis", "Graham", "Green", "Hall", "Hussain", "Iqbal", "Jackson", "Jones",
    "Kaur", "Kelly", "Khan", "Lewis", "Marshall", "Mitchell", "Morgan", "Murphy", "Nowak",
    "Obi", "Osei", "Parker", "Phillips", "Quinn", "Roberts", "Robinson", "Shaw", "Singh",
    "Taylor", "Thompson", "Turner", "Walker", "Ward", "Watson", "Williams", "Wilson", "Wright",
    "Young", "Zhang",
)  # fmt: skip
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
# What the candidates do now, by the post's role level.
CURRENT_ROLES: Mapping[str, Sequence[str]] = {
    "team_manager": ("Senior Social Worker", "Advanced Practitioner", "Deputy Team Manager"),
    "practice_lead": ("Senior Social Worker", "Advanced Practitioner", "Practice Educator"),
    "service_manager": ("Team Manager", "Principal Social Worker", "Service Manager"),
    "head_of_service": ("Service Manager", "Head of Service", "Principal Social Worker"),
    "assistant_director": ("Head of Service", "Assistant Director", "Deputy Director"),
    "programme_manager": ("Programme Manager", "Service Manager", "Transformation Lead"),
}
EMPLOYERS = (
    "Northshire County Council",
    "Westhampton Borough Council",
    "Eastmoor City Council",
    "Kirkby Council",
    "Southdale Borough Council",
    "Calderbrook Council",
    "Marshfield Children's Trust",
)
# The campaign's days, in working days after the closing date.
WITHDRAWN_BY, SHORTLISTED_ON, INTERVIEWED_ON, DECIDED_ON, APPOINTED_ON = 2, 5, 15, 16, 30
ADVERTISED_FOR = 20  # working days: the vacancy set up and advertised four weeks
# The shortlist's outcomes, dealt in a random order: one appointed, one reserve, one more
# appointable; then ``_later_outcome``.
OUTCOMES = (CandidateStatus.APPOINTED, CandidateStatus.RESERVE, CandidateStatus.APPOINTABLE)


@dataclass(frozen=True)
class PastCandidate:
    first_name: str
    last_name: str
    email: str
    phone: str
    current_role: str
    current_employer: str
    applied_before_closing: int  # working days
    status: CandidateStatus
    answers: Mapping[str, str | None] | None  # None: no answers given at all


def ensure_demo_equality_history() -> None:
    """Add each past vacancy not already there, with its candidates and their answers."""
    hr = find_user_by_email("hr@demo.recruit.local")
    hr_id = hr.id if hr else None
    today = council_today()
    for past, candidates in plan_history():
        found = select(Vacancy.id).where(Vacancy.job_reference == past.job_reference)
        if db.session.scalar(found) is None:
            _add_vacancy(past, candidates, today, hr_id)


def plan_history() -> list[tuple[PastVacancy, list[PastCandidate]]]:
    """The whole year, drawn from one seed in one order, whichever vacancies exist already,
    so each is the same whenever it is added."""
    rng = random.Random(SEED)
    total = sum(past.applicants for past in PAST_VACANCIES)
    ethnicities = _ethnicity_deck(rng, total)
    answered = [number for number, answer in enumerate(ethnicities) if answer is not None]
    care_experienced = set(rng.sample(answered, CARE_EXPERIENCED))
    names = rng.sample(list(product(FIRST_NAMES, LAST_NAMES)), total)
    plan, start = [], 0
    for past in PAST_VACANCIES:
        numbers = range(start, start + past.applicants)
        groups = [ethnicities[number] for number in numbers]
        statuses = _statuses(rng, past, groups)
        plan.append(
            (
                past,
                [
                    _candidate(rng, past, names[n], statuses[i], groups[i], n in care_experienced)
                    for i, n in enumerate(numbers)
                ],
            )
        )
        start += past.applicants
    return plan


def _ethnicity_deck(rng: random.Random, total: int) -> list[str | None]:
    deck = [answer for answer, count in ETHNICITY_COUNTS.items() for _ in range(count)]
    deck += ["white"] * (total - len(deck))
    rng.shuffle(deck)
    return deck


def _statuses(
    rng: random.Random, past: PastVacancy, groups: Sequence[str | None]
) -> list[CandidateStatus]:
    """A few withdraw; about three in ten of the rest are shortlisted, white candidates more
    readily; every one shortlisted is interviewed, and one is appointed."""
    everyone = range(len(groups))
    withdrawn = set(rng.sample(everyone, 1 if len(groups) < 20 else 2))
    statuses = [
        CandidateStatus.WITHDRAWN if number in withdrawn else CandidateStatus.NOT_SHORTLISTED
        for number in everyone
    ]
    if not past.filled:
        return statuses
    remaining = [number for number in everyone if number not in withdrawn]
    size = min(max(round(len(groups) * SHORTLIST_SHARE), 4), 10)
    weights = [SHORTLIST_WEIGHT.get(groups[n], ETHNIC_MINORITY_WEIGHT) for n in remaining]
    shortlist = _weighted_sample(rng, remaining, weights, size)
    # Interview and appointment treat everyone alike: outcomes go in a random order.
    rng.shuffle(shortlist)
    for place, number in enumerate(shortlist):
        statuses[number] = OUTCOMES[place] if place < len(OUTCOMES) else _later_outcome(place)
    return statuses


def _later_outcome(place: int) -> CandidateStatus:
    # On a longer shortlist one more was appointable; the rest fell short.
    return CandidateStatus.APPOINTABLE if place == 5 else CandidateStatus.NOT_APPOINTABLE


def _weighted_sample(
    rng: random.Random, items: Sequence[int], weights: Sequence[float], size: int
) -> list[int]:
    """``size`` items without replacement, each as likely as its weight (Efraimidis and
    Spirakis): the largest of random() ** (1 / weight)."""
    keyed = sorted(
        ((rng.random() ** (1 / weight), item) for item, weight in zip(items, weights, strict=True)),
        reverse=True,
    )
    return [item for _, item in keyed[:size]]


def _candidate(
    rng: random.Random,
    past: PastVacancy,
    name: tuple[str, str],
    status: CandidateStatus,
    ethnicity: str | None,
    care_experienced: bool,
) -> PastCandidate:
    first, last = name
    # A name is not an ethnicity: names are drawn apart from the answers, as the report
    # never reads them.
    return PastCandidate(
        first_name=first,
        last_name=last,
        email=f"{first}.{last}@{rng.choice(EMAIL_DOMAINS)}".lower(),
        phone=f"07700 900{rng.randrange(1000):03d}",  # Ofcom's numbers for drama
        current_role=rng.choice(CURRENT_ROLES[past.role_level]),
        current_employer=rng.choice(EMPLOYERS),
        applied_before_closing=rng.randrange(ADVERTISED_FOR),
        status=status,
        answers=None if ethnicity is None else _answers(rng, ethnicity, care_experienced),
    )


def _answers(rng: random.Random, ethnicity: str, care_experienced: bool) -> dict[str, str | None]:
    answers: dict[str, str | None] = {"ethnicity": ethnicity}
    for key, options in ANSWER_WEIGHTS.items():
        choices, weights = zip(*options, strict=True)
        answer = rng.choices(choices, weights)[0]
        answers[key] = None if rng.random() < SKIPPED_SHARE else answer
    if care_experienced:
        answers["care_experience"] = "yes"
    return answers


def _add_vacancy(
    past: PastVacancy, candidates: Sequence[PastCandidate], today: date, hr_id: int | None
) -> None:
    closing = working_days_before(today, 5 * past.closed_weeks_ago)
    # HR set the status last: when the appointee was recorded, or when the shortlist was
    # empty and the campaign closed.
    last = CandidateStatus.APPOINTED if past.filled else CandidateStatus.NOT_SHORTLISTED
    finished = _status_changed(last, closing)
    vacancy = Vacancy(
        title=past.title,
        role_level=past.role_level,
        service_area=SERVICE_AREA,
        innovation=past.innovation,
        salary_range=past.salary_range,
        contract=past.contract,
        location=past.location,
        closing_date=closing,
        interview_dates=_interview_dates(past, closing),
        hiring_manager=past.hiring_manager,
        job_reference=past.job_reference,
        status=VacancyStatus.APPOINTED if past.filled else VacancyStatus.CLOSED,
        created_at=uk_time(working_days_before(closing, ADVERTISED_FOR), 9, 30),
        created_by_id=hr_id,
        updated_at=finished,
        updated_by_id=hr_id,
    )
    db.session.add(vacancy)
    db.session.flush()
    codes = next_candidate_codes([], len(candidates))
    imported = uk_time(next_working_day(closing), 10, 0)
    added = [
        _candidate_row(vacancy, code, planned, later(imported, number))
        for number, (code, planned) in enumerate(zip(codes, candidates, strict=True))
    ]
    db.session.add_all(added)
    db.session.flush()
    # The job board's equality export, imported just after the candidates themselves.
    db.session.add_all(
        EqualityAnswers(
            candidate_id=row.id,
            **planned.answers,
            source="import",
            recorded_at=later(row.created_at, 30),
            recorded_by_id=hr_id,
        )
        for row, planned in zip(added, candidates, strict=True)
        if planned.answers is not None
    )


def _interview_dates(past: PastVacancy, closing: date) -> str:
    if not past.filled:
        return ""
    return f"Interviews {format_govuk_date(working_days_after(closing, INTERVIEWED_ON))}"


def _candidate_row(
    vacancy: Vacancy, code: str, planned: PastCandidate, added: datetime
) -> Candidate:
    return Candidate(
        vacancy_id=vacancy.id,
        code=code,
        first_name=planned.first_name,
        last_name=planned.last_name,
        email=planned.email,
        phone=planned.phone,
        current_role=planned.current_role,
        current_employer=planned.current_employer,
        application_date=working_days_before(vacancy.closing_date, planned.applied_before_closing),
        status=planned.status,
        created_at=added,
        updated_at=_status_changed(planned.status, vacancy.closing_date),
    )


def _status_changed(status: CandidateStatus, closing: date) -> datetime:
    """When HR last changed a candidate's status: on withdrawing, at shortlisting, after
    the interviews, or once the appointee's checks were done."""
    if status is CandidateStatus.WITHDRAWN:
        return uk_time(working_days_after(closing, WITHDRAWN_BY), 14, 0)
    if status is CandidateStatus.NOT_SHORTLISTED:
        return uk_time(working_days_after(closing, SHORTLISTED_ON), 16, 0)
    if status is CandidateStatus.APPOINTED:
        return uk_time(working_days_after(closing, APPOINTED_ON), 11, 0)
    return uk_time(working_days_after(closing, DECIDED_ON), 15, 0)
