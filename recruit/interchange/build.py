"""Rows from a checked interchange document: a new vacancy with new ids throughout.

Only called once the document passed every check (interchange_format, and the people and
questions in import_), and in the current version's shape, so lookups here cannot miss.
Rows are added in document order: amendments and seats are exported in creation order, so
a re-export comes out the same.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from recruit.domain.interchange.format import item_key, parse_datetime
from recruit.extensions import db
from recruit.interchange.appointment import build_appointment
from recruit.models import (
    Advert,
    AdvertVersion,
    AdvisoryReport,
    AgreedScore,
    Candidate,
    CandidateDecision,
    CandidateStatus,
    ConflictOfInterest,
    Outcome,
    PanelRole,
    PanelSeat,
    PlanActivity,
    PlanItem,
    Score,
    ScoreAmendment,
    ScoreSheet,
    SheetStatus,
    Stage,
    StageModeration,
    StageRole,
    StageType,
    TrafficLight,
    Vacancy,
    VacancyStatus,
)

Document = dict[str, Any]
ItemKey = tuple[int, str]  # (position, question id or exercise item key) within a stage


class _Ids:
    """User ids by email (without case); None stays None, as an unrecorded actor."""

    def __init__(self, user_ids: dict[str, int]) -> None:
        self.user_ids = user_ids

    def __call__(self, email: str | None) -> int | None:
        return self.user_ids[email.lower()] if email is not None else None


def build_vacancy(document: Document, user_ids: dict[str, int]) -> Vacancy:
    ids = _Ids(user_ids)
    vacancy = _vacancy(document["vacancy"], ids)
    if document["advert"] is not None:
        vacancy.advert = _advert(document["advert"], ids)
    candidates = {entry["code"]: _candidate(entry) for entry in document["candidates"]}
    vacancy.candidates.extend(candidates.values())
    stages = [_Stage(entry, ids) for entry in document["stages"]]
    if document["version"] < ROLES_SINCE:
        _last_stage_decides([stage.row for stage in stages])
    vacancy.stages.extend(stage.row for stage in stages)
    db.session.add(vacancy)
    db.session.flush()  # candidates and stages need ids: some rows below hold ids only
    candidate_ids = {code: candidate.id for code, candidate in candidates.items()}
    for entry in document["conflicts"]:
        db.session.add(_conflict(entry, ids, candidate_ids))
    for stage in stages:
        stage.add_scoring(candidates, candidate_ids)
    if document["appointment"] is not None:
        rows = [stage.row for stage in stages]
        decision = build_appointment(document["appointment"], vacancy, rows, candidate_ids, ids)
        db.session.add(decision)
    db.session.flush()
    return vacancy


def _when(value: str | None) -> datetime | None:
    return parse_datetime(value) if value is not None else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _vacancy(entry: Document, ids: _Ids) -> Vacancy:
    plain = (
        "title role_level service_area innovation salary_range contract location "
        "interview_dates hiring_manager hide_candidate_names"
    ).split()
    return Vacancy(
        **{key: entry[key] for key in plain},
        job_reference=entry.get("job_reference") or "",
        closing_date=_day(entry["closing_date"]),
        status=VacancyStatus(entry["status"]),
        created_at=_when(entry["created_at"]),
        created_by_id=ids(entry["created_by_email"]),
        updated_at=_when(entry["updated_at"]),
        updated_by_id=ids(entry["updated_by_email"]),
    )


def _advert(entry: Document, ids: _Ids) -> Advert:
    advert = Advert(
        current_version_number=entry["current_version_number"], is_finished=entry["is_finished"]
    )
    for version in entry["versions"]:
        advert.versions.append(
            AdvertVersion(
                number=version["number"],
                sections=version["sections"],
                include_self_assessment=version["include_self_assessment"],
                created_at=_when(version["created_at"]),
                created_by_id=ids(version["created_by_email"]),
                created_by_label=version["created_by_label"],
                change_note=version["change_note"],
            )
        )
    return advert


def _candidate(entry: Document) -> Candidate:
    plain = "code first_name last_name email phone current_role current_employer notes".split()
    return Candidate(
        **{key: entry[key] for key in plain},
        application_date=_day(entry["application_date"]),
        status=CandidateStatus(entry["status"]),
        created_at=_when(entry["created_at"]),
        updated_at=_when(entry["updated_at"]),
    )


def _conflict(entry: Document, ids: _Ids, candidate_ids: dict[str, int]) -> ConflictOfInterest:
    return ConflictOfInterest(
        user_id=ids(entry["member_email"]),
        candidate_id=candidate_ids[entry["candidate_code"]],
        description=entry["description"],
        declared_at=_when(entry["declared_at"]),
    )


# Stage roles came in format version 3.
ROLES_SINCE = 3


def _last_stage_decides(stages: list[Stage]) -> None:
    """A file from before stage roles: its last stage decides, as migration 0009 decided for
    the app's own vacancies."""
    if stages:
        max(stages, key=lambda stage: stage.position).role = StageRole.DECIDING


class _Stage:
    """One stage's rows, with its plan items and seats kept by the keys the document uses."""

    def __init__(self, entry: Document, ids: _Ids) -> None:
        self.entry, self.ids = entry, ids
        self.row = Stage(
            name=entry["name"],
            stage_type=StageType(entry["stage_type"]),
            role=StageRole(entry["role"] or StageRole.ADVISORY),
            held_on=_day(entry["held_on"]),
            duration_minutes=entry["duration_minutes"],
            # Null in a file from before version 6: the packs suggest times.
            starts_at=time.fromisoformat(entry["starts_at"]) if entry["starts_at"] else None,
            slot_minutes=entry["slot_minutes"],
            break_minutes=entry["break_minutes"] or None,  # a break of 0 is no break
            school_hours_agreement=entry["school_hours_agreement"],
            position=entry["position"],
            weights=entry["weights"],
            plan_issued_at=_when(entry["plan_issued_at"]),
        )
        self.items: dict[ItemKey, PlanItem] = {}
        for item in entry["items"]:
            item_row = PlanItem(
                position=item["position"],
                question_id=item["question_id"],
                exercise_id=item["exercise_id"],
                exercise_attribute=item["exercise_attribute"],
                minutes=item["minutes"],
                question_version_number=item["question_version_number"],
                frozen_content=item["frozen_content"],
            )
            self.items[(item["position"], item_key(item))] = item_row
            self.row.items.append(item_row)
        for activity in entry["activities"] or ():  # null in a file from before version 6
            self.row.activities.append(
                PlanActivity(
                    position=activity["position"],
                    exercise_id=activity["exercise_id"],
                    minutes=activity["minutes"],
                    frozen_content=activity["frozen_content"],
                )
            )
        self.seats: dict[str, PanelSeat] = {}
        for seat in entry["seats"]:
            seat_row = PanelSeat(
                user_id=ids(seat["member_email"]),
                panel_role=PanelRole(seat["panel_role"]),
                stood_down_at=_when(seat["stood_down_at"]),
                stood_down_reason=seat["stood_down_reason"],
                # Null in a file from before version 3: not marked, as migration 0010 left
                # the app's own seats (an elected member's role still says what they are).
                is_councillor=bool(seat["is_councillor"]),
                is_executive_member=bool(seat["is_executive_member"]),
            )
            self.seats[seat["member_email"].lower()] = seat_row
            self.row.seats.append(seat_row)

    def add_scoring(self, candidates: dict[str, Candidate], candidate_ids: dict[str, int]) -> None:
        """Sheets, moderation, agreed scores, decisions and advisory reports: once the stage
        has its id."""
        for sheet in self.entry["sheets"]:
            db.session.add(self._sheet(sheet, candidates))
        moderation = self.entry["moderation"]
        if moderation is not None:
            db.session.add(
                StageModeration(
                    stage=self.row,
                    opened_at=_when(moderation["opened_at"]),
                    opened_by_id=self.ids(moderation["opened_by_email"]),
                    closed_early_reason=moderation["closed_early_reason"],
                    closed_at=_when(moderation["closed_at"]),
                    closed_by_id=self.ids(moderation["closed_by_email"]),
                    close_reason=moderation["close_reason"],
                )
            )
        for agreed in self.entry["agreed_scores"]:
            db.session.add(self._agreed(agreed, candidate_ids))
        for decision in self.entry["decisions"]:
            db.session.add(self._decision(decision, candidate_ids))
        for report in self.entry["reports"] or ():  # null in a file from before version 3
            db.session.add(self._report(report, candidate_ids))

    def _item(self, entry: Document) -> PlanItem:
        return self.items[(entry["position"], entry["question_id"])]

    def _sheet(self, entry: Document, candidates: dict[str, Candidate]) -> ScoreSheet:
        sheet = ScoreSheet(
            seat=self.seats[entry["member_email"].lower()],
            candidate=candidates[entry["candidate_code"]],
            status=SheetStatus(entry["status"]),
            created_at=_when(entry["created_at"]),
            updated_at=_when(entry["updated_at"]),
            submitted_at=_when(entry["submitted_at"]),
            set_aside_at=_when(entry["set_aside_at"]),
            set_aside_reason=entry["set_aside_reason"],
            set_aside_by_id=self.ids(entry["set_aside_by_email"]),
        )
        for score in entry["scores"]:
            sheet.scores.append(
                Score(
                    plan_item=self._item(score),
                    score=score["score"],
                    no_evidence=score["no_evidence"],
                    evidence=score["evidence"],
                )
            )
        for change in entry["amendments"]:
            sheet.amendments.append(self._amendment(change))
        return sheet

    def _amendment(self, entry: Document) -> ScoreAmendment:
        copied = (
            "previous_score previous_no_evidence previous_evidence "
            "new_score new_no_evidence new_evidence reason"
        ).split()
        return ScoreAmendment(
            **{key: entry[key] for key in copied},
            plan_item=self._item(entry),
            amended_by_id=self.ids(entry["amended_by_email"]),
            amended_at=_when(entry["amended_at"]),
        )

    def _agreed(self, entry: Document, candidate_ids: dict[str, int]) -> AgreedScore:
        return AgreedScore(
            stage_id=self.row.id,
            candidate_id=candidate_ids[entry["candidate_code"]],
            attribute=entry["attribute"],
            formula_score=entry["formula_score"],
            agreed=entry["agreed"],
            rationale=entry["rationale"],
            recorded_by_id=self.ids(entry["recorded_by_email"]),
            recorded_at=_when(entry["recorded_at"]),
        )

    def _decision(self, entry: Document, candidate_ids: dict[str, int]) -> CandidateDecision:
        return CandidateDecision(
            stage_id=self.row.id,
            candidate_id=candidate_ids[entry["candidate_code"]],
            outcome=Outcome(entry["outcome"]),
            reasons=entry["reasons"],
            floor_override_reason=entry["floor_override_reason"],
            inputs_digest=entry["inputs_digest"],
            red_flag_discussion=entry["red_flag_discussion"],
            recorded_by_id=self.ids(entry["recorded_by_email"]),
            recorded_at=_when(entry["recorded_at"]),
        )

    def _report(self, entry: Document, candidate_ids: dict[str, int]) -> AdvisoryReport:
        light = entry["traffic_light"]
        return AdvisoryReport(
            stage_id=self.row.id,
            candidate_id=candidate_ids[entry["candidate_code"]],
            strengths=entry["strengths"],
            concerns=entry["concerns"],
            traffic_light=TrafficLight(light) if light is not None else None,
            recorded_by_id=self.ids(entry["recorded_by_email"]),
            recorded_at=_when(entry["recorded_at"]),
        )
