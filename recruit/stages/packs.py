"""Interview packs for a stage: what each panel member's pack holds, read from the issued plan.

Packs are built only from an issued plan, and from the question text as it was issued
(``PlanItem.frozen_content``), so a later edit to the bank never changes a pack. The
attribute names, values and rating scale come from the bank as it stands.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from recruit.bank_store import from_storable
from recruit.domain.documents.interview_pack import (
    YOUNG_PEOPLE_FILE,
    InterviewDay,
    PackContext,
    PackPoint,
    PackQuestion,
    PanelSeat,
    SchoolHoursClash,
    YoungPeopleGuide,
    build_interview_pack,
    build_pack_zip,
    interview_day_span,
    load_young_people_guide,
    pack_filename,
    school_hours_agreed,
    school_hours_clash,
    school_hours_warning,
    timetable,
)
from recruit.domain.documents.word import document_bytes
from recruit.domain.interview_plan import weights_as_percentages
from recruit.domain.question_bank import QuestionBank
from recruit.domain.scoring.advisory import AdvisoryReportView
from recruit.domain.shortlisting import point_when
from recruit.domain.timetable import (
    Session,
    TimetableStage,
    VacancyTimetable,
    build_timetable,
    shared_day_grid,
)
from recruit.exports import EXPORTS_DIR
from recruit.extensions import db
from recruit.models import (
    ConflictOfInterest,
    PanelRole,
    PlanItem,
    ScrutinyPoint,
    Stage,
    StageRole,
    StageType,
    Vacancy,
)
from recruit.models import PanelSeat as PanelSeatRecord
from recruit.moderation.reports import reports_by_candidate
from recruit.results.sheets import NON_SCORING_ROLES
from recruit.shortlisting.queries import points_for_stage
from recruit.stages.pack_exercises import pack_exercises

PACK_REFERENCE = EXPORTS_DIR / "interview-pack-reference.docx"
CHAIR_RECIPIENT = "Chair"


class PackNotReady(Exception):
    """The stage cannot have packs yet; ``fix`` says where to put it right: "plan" or "panel"."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class PanelPack:
    """One pack and the seat it is for; ``seat_id`` is None for a chair's pack made because
    no one on the panel is the chair yet."""

    seat_id: int | None
    role_label: str
    context: PackContext


def stage_packs(
    vacancy: Vacancy, stage: Stage, bank: QuestionBank, organisation_name: str
) -> list[PanelPack]:
    """One pack per panel seat (chair first), then a chair's pack for "Chair" if no seat is
    the chair. Raises PackNotReady if the plan is not issued or the panel is empty."""
    _check_ready(stage)
    shared = _shared_context(vacancy, stage, bank, organisation_name)
    conflicts = _conflicted_labels(vacancy)
    packs = [
        PanelPack(
            seat.id,
            seat.panel_role.label,
            _for_seat(shared, seat, conflicts.get(seat.user_id, frozenset())),
        )
        for seat in ordered_seats(stage)
    ]
    if not any(pack.context.is_chair for pack in packs):
        chair = dataclasses.replace(shared, recipient=CHAIR_RECIPIENT, is_chair=True)
        packs.append(PanelPack(None, PanelRole.CHAIR.label, chair))
    return packs


def chair_pack(packs: Sequence[PanelPack]) -> PanelPack:
    """The first chair's pack: the chair's seat, or the stand-in made when there is none."""
    return next(pack for pack in packs if pack.context.is_chair)


def pack_docx_bytes(context: PackContext, reference: Path = PACK_REFERENCE) -> bytes:
    return document_bytes(build_interview_pack(context, reference))


def packs_zip_bytes(contexts: Sequence[PackContext], reference: Path = PACK_REFERENCE) -> bytes:
    return build_pack_zip(
        [(pack_filename(context), build_interview_pack(context, reference)) for context in contexts]
    )


def ordered_seats(stage: Stage) -> list[PanelSeatRecord]:
    return sorted(stage.seats, key=lambda seat: (seat.panel_role is not PanelRole.CHAIR, seat.id))


def _check_ready(stage: Stage) -> None:
    if stage.plan_issued_at is None or any(i.frozen_content is None for i in stage.items):
        raise PackNotReady(
            "Issue the interview plan first. The packs copy its questions as they stand when "
            "it is issued.",
            "plan",
        )
    if not stage.seats:
        raise PackNotReady("Add at least one person to the panel first.", "panel")


def _conflicted_labels(vacancy: Vacancy) -> dict[int, frozenset[str]]:
    """Per user, the labels of the candidates they declared a conflict with."""
    labels = dict(zip((c.id for c in vacancy.candidates), _all_labels(vacancy), strict=True))
    found: dict[int, set[str]] = {}
    rows = db.session.scalars(
        select(ConflictOfInterest).where(ConflictOfInterest.candidate_id.in_(labels))
    )
    for conflict in rows:
        found.setdefault(conflict.user_id, set()).add(labels[conflict.candidate_id])
    return {user_id: frozenset(names) for user_id, names in found.items()}


def _for_seat(
    shared: PackContext, seat: PanelSeatRecord, conflicted: frozenset[str]
) -> PackContext:
    # A declared conflict stops a member scoring that candidate: no scoring sheet for them,
    # and the declaration page shows it as declared.
    return dataclasses.replace(
        shared,
        candidates=tuple(label for label in shared.candidates if label not in conflicted),
        declared_conflicts=tuple(label for label in shared.candidates if label in conflicted),
        advisory_reports=None
        if shared.advisory_reports is None
        else tuple(entry for entry in shared.advisory_reports if entry[0] not in conflicted),
        points_to_explore=tuple(
            entry for entry in shared.points_to_explore if entry[0] not in conflicted
        ),
        recipient=seat.user.full_name,
        is_chair=seat.panel_role is PanelRole.CHAIR,
        recipient_scores=seat.panel_role not in NON_SCORING_ROLES,
        use_young_people_wording=shared.use_young_people_wording
        or seat.panel_role is PanelRole.YOUNG_PEOPLES_PANEL,
    )


def _shared_context(
    vacancy: Vacancy, stage: Stage, bank: QuestionBank, organisation_name: str
) -> PackContext:
    """Everything but the recipient: the same in every member's pack."""
    innovation = next((i for i in bank.innovations if i.key == vacancy.innovation), None)
    candidates = _candidate_labels(vacancy)
    day = interview_day(stage)
    # Panels sharing a date run as a carousel: the pack's schedule follows this stage's turn.
    vacancy_day = vacancy_timetable(vacancy)
    return PackContext(
        organisation_name=organisation_name,
        vacancy_title=vacancy.title,
        role_level_name=next(
            (level.name for level in bank.role_levels if level.key == vacancy.role_level),
            vacancy.role_level,
        ),
        innovation_name=innovation.name if innovation else vacancy.innovation,
        innovation_values=innovation.values if innovation else (),
        attributes=tuple((a.name, a.summary) for a in bank.attributes),
        rating_scale=tuple((r.score, r.label, r.description) for r in bank.rating_scale),
        stage_name=stage.name,
        stage_type_label=stage.stage_type.label,
        stage_date=stage.held_on,
        stage_duration_minutes=stage.duration_minutes,
        panel=tuple(
            PanelSeat(
                seat.user.full_name,
                seat.panel_role.label,
                panel_role=seat.panel_role.value,
                stood_down=seat.is_stood_down,
            )
            for seat in ordered_seats(stage)
        ),
        schedule=timetable(vacancy_day.order_for(stage.id) or candidates, day),
        schedule_is_suggested=day.suggested,
        questions=tuple(
            pack_question(number, item, bank) for number, item in enumerate(stage.items, 1)
        ),
        weights=_weights(stage, bank),
        candidates=candidates,
        stage_candidates=candidates,
        recipient="",
        is_chair=False,
        use_young_people_wording=stage.stage_type is StageType.YOUNG_PEOPLES_PANEL,
        advisory_reports=_advisory_reports(vacancy, stage),
        points_to_explore=_points_to_explore(vacancy, stage),
        exercises=pack_exercises(stage, bank),
        day_timetable=shared_day_grid(vacancy_day, stage.id),
        young_people_on_panel=young_people_on_panel(stage),
        young_people_guide=young_people_guide(),
        school_hours_warning=school_hours_warning_for(stage, len(candidates)),
        school_hours_agreed=school_hours_agreed_for(stage, len(candidates)),
    )


def vacancy_timetable(vacancy: Vacancy) -> VacancyTimetable:
    """The day of every stage the candidates attend (shortlisting is done without them), in
    the vacancy's order, for the candidates taking part, labelled as the packs label them."""
    stages = [
        _timetable_stage(stage)
        for stage in vacancy.stages
        if stage.stage_type is not StageType.SHORTLISTING
    ]
    return build_timetable(stages, _candidate_labels(vacancy))


def _timetable_stage(stage: Stage) -> TimetableStage:
    return TimetableStage(
        key=stage.id,
        name=stage.name,
        held_on=stage.held_on,
        starts_at=stage.starts_at,
        interview_minutes=stage.duration_minutes,
        slot_minutes=stage.slot_minutes,
        break_minutes=stage.break_minutes,
    )


def timetabled_sessions(stage: Stage) -> dict[int, Session]:
    """Per candidate id, their interview at the stage as the vacancy's timetable times it
    (carousel and break included); empty while the stage's times are to be confirmed."""
    vacancy = stage.vacancy
    schedules = vacancy_timetable(vacancy).stages
    schedule = next((s for s in schedules if s.stage.key == stage.id), None)
    if schedule is None or not schedule.timed:
        return {}
    by_label = {session.candidate: session for session in schedule.sessions}
    return {
        candidate.id: by_label[label]
        for candidate, label in zip(vacancy.candidates, _all_labels(vacancy), strict=True)
        if label in by_label
    }


def _points_to_explore(
    vacancy: Vacancy, stage: Stage
) -> tuple[tuple[str, tuple[PackPoint, ...]], ...]:
    """Per candidate taking part (labelled as the pack labels them), the points shortlisting
    scrutiny gave this stage's panel to explore: this stage's only."""
    labelled = [
        (candidate, label)
        for candidate, label in zip(vacancy.candidates, _all_labels(vacancy), strict=True)
        if candidate.status.takes_part
    ]
    found = points_for_stage(stage.id, [candidate.id for candidate, _ in labelled])
    return tuple(
        (label, tuple(_pack_point(point) for point in found[candidate.id]))
        for candidate, label in labelled
        if found.get(candidate.id)
    )


def _pack_point(point: ScrutinyPoint) -> PackPoint:
    return PackPoint(
        kind_label=point.kind.label,
        when=point_when(point.kind.value, point.from_date, point.to_date),
        noted=point.noted,
        to_explore=point.to_explore,
    )


def _advisory_reports(
    vacancy: Vacancy, stage: Stage
) -> tuple[tuple[str, tuple[AdvisoryReportView, ...]], ...] | None:
    """At the deciding stage, per candidate (labelled as the pack labels them) the advisory
    panels' reports recorded so far; None at an advisory stage, whose packs have none."""
    if stage.role is not StageRole.DECIDING:
        return None
    labelled = [
        (candidate, label)
        for candidate, label in zip(vacancy.candidates, _all_labels(vacancy), strict=True)
        if candidate.status.takes_part
    ]
    found = reports_by_candidate(vacancy, [candidate for candidate, _ in labelled])
    return tuple((label, tuple(found.get(candidate.id, ()))) for candidate, label in labelled)


def _candidate_labels(vacancy: Vacancy) -> tuple[str, ...]:
    return tuple(
        label
        for candidate, label in zip(vacancy.candidates, _all_labels(vacancy), strict=True)
        if candidate.status.takes_part
    )


def _all_labels(vacancy: Vacancy) -> list[str]:
    return [
        candidate.code
        if vacancy.hide_candidate_names
        else f"{candidate.full_name} ({candidate.code})"
        for candidate in vacancy.candidates
    ]


def interview_day(stage: Stage) -> InterviewDay:
    return InterviewDay(
        interview_minutes=stage.duration_minutes,
        starts_at=stage.starts_at,
        slot_minutes=stage.slot_minutes,
        break_minutes=stage.break_minutes,
    )


def pack_question(number: int, item: PlanItem, bank: QuestionBank) -> PackQuestion:
    assert item.frozen_content is not None  # checked by _check_ready
    content = from_storable(item.frozen_content)
    return PackQuestion(
        number=number,
        question_id=item.bank_id,
        version=0 if item.is_exercise else item.question_version_number or 1,
        attribute_name=_attribute_name(bank, content["attribute"]),
        text=content["question"],
        probes=tuple(content.get("probes", ())),
        positive_indicators=tuple(content.get("positive_indicators", ())),
        negative_indicators=tuple(
            (indicator["text"], indicator.get("decisive") is True)
            for indicator in content.get("negative_indicators", ())
        ),
        descriptors=content["descriptors"],
        minutes=item.minutes,
        young_people_variant=content.get("young_people_variant"),
        warning_signs=tuple(content.get("warning_signs", ())),
    )


def _attribute_name(bank: QuestionBank, key: str) -> str:
    return next((a.name for a in bank.attributes if a.key == key), key)


def _weights(stage: Stage, bank: QuestionBank) -> tuple[tuple[str, int], ...]:
    if not any(weight > 0 for weight in (stage.weights or {}).values()):
        return ()
    return tuple(
        (_attribute_name(bank, key), percent)
        for key, percent in weights_as_percentages(stage.weights)
    )


def young_people_on_panel(stage: Stage) -> bool:
    """A young people's panel, or a seat for a young person (not stood down) on another."""
    return stage.stage_type is StageType.YOUNG_PEOPLES_PANEL or any(
        seat.panel_role is PanelRole.YOUNG_PEOPLES_PANEL and not seat.is_stood_down
        for seat in stage.seats
    )


def young_people_guide() -> YoungPeopleGuide:
    """The plain wording of ``question_bank/young_people_panel.yaml``; a broken file raises
    ``YoungPeopleGuideError`` naming the key and the fault."""
    return _read_guide(Path(current_app.config["QUESTION_BANK_DIR"]) / YOUNG_PEOPLE_FILE)


@lru_cache(maxsize=4)
def _read_guide(path: Path) -> YoungPeopleGuide:
    # Read once per process: the file changes only when an editor deploys a new one.
    return load_young_people_guide(path.read_text(encoding="utf-8"), path.name)


def school_hours_warning_for(stage: Stage, candidate_count: int | None = None) -> str:
    """The warning for a stage with young people on its panel whose day (as the packs time
    it) falls in school hours on a weekday, unless the time was agreed; "" otherwise."""
    if stage.school_hours_agreement:
        return ""
    clash = _school_hours_clash(stage, candidate_count)
    return school_hours_warning(clash, young_people_guide().school_hours_advice)


def school_hours_agreed_for(stage: Stage, candidate_count: int | None = None) -> str:
    """For such a stage whose time was agreed with the young people and their schools, the
    clash and how it was agreed; "" otherwise."""
    return school_hours_agreed(
        _school_hours_clash(stage, candidate_count), stage.school_hours_agreement
    )


def _school_hours_clash(stage: Stage, candidate_count: int | None) -> SchoolHoursClash | None:
    if not young_people_on_panel(stage):
        return None
    if candidate_count is None:
        candidate_count = len(_candidate_labels(stage.vacancy))
    span = interview_day_span(interview_day(stage), candidate_count)
    starts, ends = span if span else (None, None)
    return school_hours_clash(stage.held_on, starts, ends)
