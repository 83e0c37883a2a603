"""The fair-selection report: candidates' journeys and equality answers read from the
database (``journeys`` says how far each got), counted by ``recruit.domain.equality``
(funnel, suppression, measures). Candidates the retention purge anonymised are counted from
its tallies (``recruit.equality.tally``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVarTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute

from recruit.domain.adverts.draft import format_govuk_date
from recruit.domain.documents.equality_report import EqualityReportContext, GroupingSection
from recruit.domain.equality import (
    CATEGORIES,
    ETHNICITY_WRES,
    NOT_KNOWN,
    Comparison,
    Grouping,
    Journey,
    PublishedFunnel,
    StepImpact,
    adverse_impact_by_step,
    build_funnel,
    grouping,
    relative_likelihoods,
    suppress,
    wres_likelihood,
)
from recruit.domain.equality.suppression import count_text
from recruit.equality.journeys import furthest_step
from recruit.equality.tally import ANSWERS_RECORDED
from recruit.extensions import db
from recruit.models import (
    Candidate,
    CandidateStatus,
    EqualityAnswers,
    EqualityTally,
    ShortlistingDecision,
    Vacancy,
)

GROUPINGS: tuple[Grouping, ...] = (
    ETHNICITY_WRES,
    *(grouping(category.key) for category in CATEGORIES),
)


def grouping_by_key(key: str) -> Grouping:
    return next((g for g in GROUPINGS if g.key == key), ETHNICITY_WRES)


@dataclass(frozen=True)
class ReportFilters:
    """Which vacancies count: closing between ``closes_from`` and ``closes_to`` (inclusive),
    of a role level and an innovation, or one vacancy; and how candidates are grouped."""

    grouping: Grouping = ETHNICITY_WRES
    closes_from: date | None = None
    closes_to: date | None = None
    role_level: str | None = None
    innovation: str | None = None
    vacancy_id: int | None = None

    def described(self) -> dict[str, str | int | None]:
        """The filters as the audit log keeps them."""
        return {
            "grouping": self.grouping.key,
            "closes_from": self.closes_from.isoformat() if self.closes_from else None,
            "closes_to": self.closes_to.isoformat() if self.closes_to else None,
            "role_level": self.role_level,
            "innovation": self.innovation,
            "vacancy_id": self.vacancy_id,
        }


@dataclass(frozen=True)
class EqualityReport:
    filters: ReportFilters
    published: PublishedFunnel
    vacancies: int
    candidates: int
    answered: int  # candidates with equality answers recorded
    wres: Comparison | None  # white and ethnic minority only
    likelihoods: tuple[Comparison, ...]
    impacts: tuple[StepImpact, ...]


def build_report(filters: ReportFilters, threshold: int) -> EqualityReport:
    """Candidates still held, each a journey, and the tallies the retention purge kept of
    those anonymised, counted into one funnel and suppressed."""
    rows = db.session.execute(_journeys_query(filters)).all()
    journeys = [
        Journey(filters.grouping.group_of(answer), furthest_step(status, shortlisted))
        for status, shortlisted, answer, _vacancy_id, _answered in rows
    ]
    tallied = _tallied(filters)
    journeys += tallied.journeys
    published = suppress(build_funnel(journeys, filters.grouping.groups), threshold)
    return EqualityReport(
        filters=filters,
        published=published,
        vacancies=len({row[3] for row in rows} | tallied.vacancy_ids),
        candidates=len(journeys),
        answered=sum(1 for row in rows if row[4] is not None) + tallied.answered,
        wres=wres_likelihood(published) if filters.grouping is ETHNICITY_WRES else None,
        likelihoods=relative_likelihoods(published)
        if filters.grouping is not ETHNICITY_WRES
        else (),
        impacts=adverse_impact_by_step(published),
    )


@dataclass(frozen=True)
class _Tallied:
    journeys: list[Journey]
    vacancy_ids: set[int]
    answered: int


def _tallied(filters: ReportFilters) -> _Tallied:
    """Anonymised candidates, from the purge's counts: a journey for each one counted."""
    rows = db.session.execute(
        _filtered(
            select(
                EqualityTally.category,
                EqualityTally.answer,
                EqualityTally.furthest_step,
                EqualityTally.count,
                EqualityTally.vacancy_id,
            )
            .join(Vacancy, Vacancy.id == EqualityTally.vacancy_id)
            .where(EqualityTally.category.in_([_category_key(filters), ANSWERS_RECORDED])),
            filters,
        )
    ).all()
    journeys: list[Journey] = []
    answered = 0
    for category, answer, step, count, _vacancy_id in rows:
        if category == ANSWERS_RECORDED:
            answered += count if answer == "yes" else 0
            continue
        group = filters.grouping.group_of(None if answer == NOT_KNOWN else answer)
        journeys += [Journey(group, step)] * count
    return _Tallied(journeys, {row[4] for row in rows}, answered)


def _category_key(filters: ReportFilters) -> str:
    return filters.grouping.key if filters.grouping is not ETHNICITY_WRES else "ethnicity"


def _journeys_query(
    filters: ReportFilters,
) -> Select[CandidateStatus, bool, str | None, int, int]:
    # Outer joins: the decision and the answers' id are None for a candidate without them.
    answer_column: InstrumentedAttribute[str | None] = getattr(
        EqualityAnswers, _category_key(filters)
    )
    query = (
        select(
            Candidate.status,
            ShortlistingDecision.shortlisted,
            answer_column,
            Candidate.vacancy_id,
            EqualityAnswers.id,
        )
        .join(Vacancy, Vacancy.id == Candidate.vacancy_id)
        .outerjoin(EqualityAnswers, EqualityAnswers.candidate_id == Candidate.id)
        .outerjoin(ShortlistingDecision, ShortlistingDecision.candidate_id == Candidate.id)
        # The anonymised are counted from the purge's tallies instead (``_tallied``).
        .where(Candidate.anonymised_at.is_(None))
    )
    return _filtered(query, filters)


Columns = TypeVarTuple("Columns")


def _filtered(query: Select[*Columns], filters: ReportFilters) -> Select[*Columns]:
    """``query`` (joined to vacancy) kept to the filters' vacancies."""
    if filters.vacancy_id is not None:
        query = query.where(Vacancy.id == filters.vacancy_id)
    if filters.closes_from is not None:
        query = query.where(Vacancy.closing_date >= filters.closes_from)
    if filters.closes_to is not None:
        query = query.where(Vacancy.closing_date <= filters.closes_to)
    if filters.role_level:
        query = query.where(Vacancy.role_level == filters.role_level)
    if filters.innovation:
        query = query.where(Vacancy.innovation == filters.innovation)
    return query


@dataclass(frozen=True)
class Bar:
    step: str
    percent: float | None  # of the group's applicants; None when a count is hidden
    text: str


def chart_rows(published: PublishedFunnel) -> list[tuple[str, list[Bar]]]:
    """Each group's funnel as bars: the share of its applicants who reached each step.
    A bar is drawn only where both counts are published, so the chart reveals nothing the
    table does not."""
    charted = []
    for row in published.rows:
        applied = row.counts[0]
        bars = []
        for step, count in zip(published.steps, row.counts, strict=True):
            if isinstance(applied, int) and isinstance(count, int) and applied > 0:
                percent = 100 * count / applied
                bars.append(Bar(step.label, percent, f"{count} ({percent:.0f}%)"))
            else:
                bars.append(Bar(step.label, None, count_text(count)))
        charted.append((row.group.label, bars))
    return charted


def document_context(
    filters: ReportFilters, threshold: int, organisation_name: str, scope: str
) -> EqualityReportContext:
    """The Word report for the filters' vacancies: a section per grouping, each suppressed
    on its own (so white and ethnic minority first, then each question in form order)."""
    sections = []
    first: EqualityReport | None = None
    for each in GROUPINGS:
        result = build_report(replace(filters, grouping=each), threshold)
        first = first or result
        sections.append(
            GroupingSection(
                label=each.label,
                published=result.published,
                wres=result.wres,
                likelihoods=result.likelihoods,
                impacts=result.impacts,
            )
        )
    assert first is not None  # GROUPINGS is never empty
    return EqualityReportContext(
        organisation_name=organisation_name,
        scope=scope,
        vacancies=first.vacancies,
        candidates=first.candidates,
        answered=first.answered,
        threshold=threshold,
        sections=tuple(sections),
    )


def scope_text(
    filters: ReportFilters, role_level_name: str | None, innovation_name: str | None
) -> str:
    """Which vacancies the report counts, in a sentence."""
    parts = ["Vacancies"]
    if filters.closes_from:
        parts.append(f"closing from {format_govuk_date(filters.closes_from)}")
    if filters.closes_to:
        parts.append(f"up to {format_govuk_date(filters.closes_to)}")
    if role_level_name:
        parts.append(f"for the role level {role_level_name}")
    if innovation_name:
        parts.append(f"in councils using {innovation_name}")
    return " ".join(parts) + "." if len(parts) > 1 else "Every vacancy held."
