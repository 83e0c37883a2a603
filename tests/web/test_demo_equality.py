"""The demo's year of past recruitment: finished campaigns whose equality answers give the
fair-selection report an adverse impact to find and groups too small to publish."""

from __future__ import annotations

from datetime import timedelta

from scipy.stats import fisher_exact
from sqlalchemy import func, select

from recruit.cli.demo_equality import PAST_VACANCIES
from recruit.domain.equality import CATEGORIES, PREFER_NOT_TO_SAY
from recruit.domain.vacancies import Progress
from recruit.extensions import db
from recruit.models import (
    Candidate,
    CandidateStatus,
    EqualityAnswers,
    Role,
    Vacancy,
    VacancyStatus,
)
from recruit.stages.panel import council_today
from recruit.vacancies.progress import progress_of
from tests.support.panel_web import client_for

REFERENCES = {past.job_reference for past in PAST_VACANCIES}
# The report's steps: withdrawn counts as applied only.
SHORTLISTED = {
    CandidateStatus.SHORTLISTED,
    CandidateStatus.INTERVIEWED,
    CandidateStatus.APPOINTABLE,
    CandidateStatus.NOT_APPOINTABLE,
    CandidateStatus.RESERVE,
    CandidateStatus.APPOINTED,
}
ETHNIC_MINORITY = {"asian", "black", "mixed", "other"}


def _load_demo(app) -> None:
    result = app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code == 0, result.output


def _past_vacancies() -> list[Vacancy]:
    return list(db.session.scalars(select(Vacancy).where(Vacancy.job_reference.in_(REFERENCES))))


def _answered() -> list[tuple[Candidate, EqualityAnswers]]:
    rows = db.session.execute(
        select(Candidate, EqualityAnswers)
        .join(EqualityAnswers, EqualityAnswers.candidate_id == Candidate.id)
        .join(Vacancy, Vacancy.id == Candidate.vacancy_id)
        .where(Vacancy.job_reference.in_(REFERENCES))
    )
    return [(candidate, answers) for candidate, answers in rows]


def test_the_past_year_is_finished_campaigns_with_candidates_and_their_answers(app):
    _load_demo(app)
    vacancies = _past_vacancies()
    assert {vacancy.job_reference for vacancy in vacancies} == REFERENCES
    today = council_today()
    for vacancy in vacancies:
        assert 12 <= len(vacancy.candidates) <= 40, vacancy.title
        assert today - timedelta(days=365) < vacancy.closing_date < today
        appointed = [c for c in vacancy.candidates if c.status is CandidateStatus.APPOINTED]
        if vacancy.status is VacancyStatus.APPOINTED:
            assert len(appointed) == 1 and progress_of(vacancy) is Progress.FILLED
        else:
            assert vacancy.status is VacancyStatus.CLOSED and not appointed
            assert progress_of(vacancy) is Progress.CLOSED
    assert len({v.role_level for v in vacancies}) >= 4
    assert len({v.innovation for v in vacancies}) >= 3
    candidates = sum(len(vacancy.candidates) for vacancy in vacancies)
    answered = _answered()
    # Most answered, a few never did; every answer is one the form offers.
    assert 0.9 * candidates < len(answered) < candidates
    assert all(answers.source == "import" for _, answers in answered)
    for category in CATEGORIES:
        keys = {option.key for option in category.answers}
        given = {answers.answer(category.key) for _, answers in answered}
        assert given - {None} <= keys and PREFER_NOT_TO_SAY in given, category.key


def test_hr_sees_each_past_vacancy_as_finished_with_nothing_left_to_do(app, make_user):
    _load_demo(app)
    hr = client_for(app, make_user(Role.HR))
    for vacancy in _past_vacancies():
        page = hr.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
        progress = page.split('id="vacancy-progress"')[1].split("</p>")[0]
        assert ">Filled<" in progress or ">Closed<" in progress, vacancy.title
        assert "Next: Nothing more" in progress
    home = hr.get("/").get_data(as_text=True)
    assert f"1 campaign under way, {len(PAST_VACANCIES)} filled or closed." in home


def test_ethnic_minority_candidates_were_shortlisted_at_under_four_fifths_of_white_rate(app):
    _load_demo(app)
    table = {"white": [0, 0], "ethnic minority": [0, 0]}  # shortlisted, not shortlisted
    for candidate, answers in _answered():
        if answers.ethnicity == "white":
            group = "white"
        elif answers.ethnicity in ETHNIC_MINORITY:
            group = "ethnic minority"
        else:
            continue  # prefer not to say, or skipped: neither group
        table[group][0 if candidate.status in SHORTLISTED else 1] += 1
    white, minority = table["white"], table["ethnic minority"]
    ratio = (minority[0] / sum(minority)) / (white[0] / sum(white))
    p_value = fisher_exact([white, minority], alternative="two-sided").pvalue
    assert ratio < 0.8 and p_value < 0.05, (table, ratio, p_value)


def test_some_groups_are_too_small_to_publish_for_the_year(app):
    _load_demo(app)
    answered = [answers for _, answers in _answered()]
    other_ethnicity = sum(answers.ethnicity == "other" for answers in answered)
    care_experienced = sum(answers.care_experience == "yes" for answers in answered)
    assert 0 < other_ethnicity < 5 and 0 < care_experienced < 5


def test_loading_the_demo_again_adds_nothing_to_the_past_year(app):
    _load_demo(app)
    first = _counts()
    _load_demo(app)
    assert _counts() == first


def _counts() -> tuple[int, int, int]:
    db.session.rollback()  # a fresh read
    return (
        db.session.scalar(select(func.count()).select_from(Vacancy)) or 0,
        db.session.scalar(select(func.count()).select_from(Candidate)) or 0,
        db.session.scalar(select(func.count()).select_from(EqualityAnswers)) or 0,
    )
