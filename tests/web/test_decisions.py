"""The appointment decision: recorded and confirmed by the deciding panel once its
moderation is closed, the executive told and its objections ruled on, then the offer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import (
    AppointmentDecision,
    AuditEvent,
    Candidate,
    CandidateDecision,
    Outcome,
    PanelRole,
    Role,
    Stage,
    StageModeration,
    User,
)
from recruit.models._types import utcnow
from tests.support.factories import (
    complete_references,
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)
from tests.support.forms import csrf_token_from
from tests.support.panel_web import client_for

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


@dataclass
class Appointment:
    stage: Stage
    amara: Candidate
    tom: Candidate
    hr: User
    leader: User
    member: User

    @property
    def url(self) -> str:
        return f"/vacancies/{self.stage.vacancy_id}/decision"


def _appointment(app, make_user, *, role_level="dcs", closed=True, references=True) -> Appointment:  # type: ignore[no-untyped-def]
    hr = make_user(Role.HR, name="Harriet Okafor")
    leader = make_user(Role.PANEL, name="Cllr Sam Patel")
    member = make_user(Role.PANEL, name="Cllr Joan Whitaker")
    vacancy = make_vacancy(hr, role_level=role_level)
    amara, tom = make_candidate(vacancy, "Amara", "Okafor"), make_candidate(vacancy, "Tom", "Reid")
    seats = [
        (leader, PanelRole.CHAIR),
        (member, PanelRole.ELECTED_MEMBER),
        (hr, PanelRole.HR_ADVISER),
    ]
    stage = make_issued_stage(app, vacancy, seats=seats, questions=QUESTIONS)
    stage.seats[0].is_councillor = stage.seats[0].is_executive_member = True
    for person in (leader, member):
        submit_sheet(stage, person, amara, [4, 4])
        submit_sheet(stage, person, tom, [2, 3])
    moderation = StageModeration(stage_id=stage.id, closed_at=utcnow() if closed else None)
    db.session.add(moderation)
    for candidate, outcome in ((amara, Outcome.APPOINTABLE), (tom, Outcome.NOT_APPOINTABLE)):
        db.session.add(
            CandidateDecision(
                stage_id=stage.id, candidate_id=candidate.id, outcome=outcome, reasons="Moderated"
            )
        )
    if references:
        # A senior post's references are complete before its appointment is recorded.
        complete_references(amara, hr)
    db.session.commit()
    return Appointment(stage, amara, tom, hr, leader, member)


def _post(client, scene: Appointment, step: str, data=None):  # type: ignore[no-untyped-def]
    token = csrf_token_from(client.get(scene.url).get_data(as_text=True))
    return client.post(f"{scene.url}/{step}", data={"csrf_token": token, **(data or {})})


def _decision() -> AppointmentDecision | None:
    db.session.expire_all()
    return db.session.scalar(select(AppointmentDecision))


def _record_amara(app, scene: Appointment):  # type: ignore[no-untyped-def]
    leader = client_for(app, scene.leader)
    data = {"candidate": str(scene.amara.id), "reasons": "Strongest values evidence"}
    assert _post(leader, scene, "record", data).status_code == 302
    return leader


def _notified(days_ago: int) -> dict[str, object]:
    day = date.today() - timedelta(days=days_ago)
    return {"notified_on": [str(day.day), str(day.month), str(day.year)], "objection_days": "5"}


def test_nothing_is_recorded_before_the_deciding_stage_closes_moderation(app, bank, make_user):
    scene = _appointment(app, make_user, closed=False)
    leader = client_for(app, scene.leader)

    page = leader.get(scene.url).get_data(as_text=True)
    refused = _post(leader, scene, "record", {"candidate": str(scene.amara.id), "reasons": "x"})

    assert "moderation is closed" in page
    assert refused.status_code == 302 and _decision() is None


def test_the_panel_records_and_confirms_and_only_appointable_candidates_are_offered(
    app, bank, make_user
):
    scene = _appointment(app, make_user)
    leader = client_for(app, scene.leader)
    page = leader.get(scene.url).get_data(as_text=True)
    assert "Amara Okafor" in page and "No appointment" in page and "Tom Reid" not in page

    refused = _post(leader, scene, "record", {"candidate": str(scene.tom.id), "reasons": "x"})
    assert "govuk-error-summary" in refused.get_data(as_text=True) and _decision() is None

    _record_amara(app, scene)
    decision = _decision()
    assert (
        decision.candidate_id == scene.amara.id and decision.reasons == "Strongest values evidence"
    )
    assert [c.user_id for c in decision.confirmations] == [scene.leader.id]

    member = client_for(app, scene.member)
    assert _post(member, scene, "confirm").status_code == 302
    assert {c.user_id for c in _decision().confirmations} == {scene.leader.id, scene.member.id}
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"decision.recorded", "decision.confirmed"} <= actions


def test_hr_may_not_decide_and_others_do_not_see_the_page(app, bank, make_user):
    scene = _appointment(app, make_user)
    hr = client_for(app, scene.hr)
    stranger = client_for(app, make_user(Role.PANEL))
    reviewer = client_for(app, make_user(Role.REVIEWER))

    data = {"candidate": str(scene.amara.id), "reasons": "x"}
    assert _post(hr, scene, "record", data).status_code == 403
    assert stranger.get(scene.url).status_code == 404
    assert reviewer.get(scene.url).status_code == 404
    assert _decision() is None


def test_notice_objection_ruling_and_offer(app, bank, make_user):
    scene = _appointment(app, make_user)
    leader = _record_amara(app, scene)
    _post(client_for(app, scene.member), scene, "confirm")
    hr = client_for(app, scene.hr)

    assert "Tell every member of the executive" in hr.get(scene.url).get_data(as_text=True)
    assert _post(hr, scene, "notice", _notified(days_ago=14)).status_code == 302
    decision = _decision()
    assert decision.objection_deadline < date.today() and decision.objection_days == 5

    objection = {
        "objector": "Cllr Kaur, Cabinet Member for Housing",
        "received_on": [
            str(decision.executive_notified_on.day),
            str(decision.executive_notified_on.month),
            str(decision.executive_notified_on.year),
        ],
        "summary": "The panel did not test housing partnerships",
    }
    assert _post(hr, scene, "objections", objection).status_code == 302
    blocked = _post(hr, scene, "offer")
    assert _decision().offer_made_at is None
    assert "rules on the objection" in hr.get(blocked.headers["Location"]).get_data(as_text=True)

    (row,) = _decision().objections
    prefix = f"ruling-{row.id}"
    ruling = {f"{prefix}-ruling": "not_upheld", f"{prefix}-reasons": "Partnerships were tested"}
    assert _post(leader, scene, f"objections/{row.id}/ruling", ruling).status_code == 302
    assert _post(hr, scene, "offer").status_code == 302

    decision = _decision()
    assert decision.offer_made_at is not None and decision.offer_made_by_id == scene.hr.id
    page = hr.get(scene.url).get_data(as_text=True)
    assert "The offer was made" in page and "Record an objection" not in page


def test_an_upheld_objection_means_no_offer_and_the_decision_is_fixed_once_notified(
    app, bank, make_user
):
    scene = _appointment(app, make_user)
    leader = _record_amara(app, scene)
    _post(client_for(app, scene.member), scene, "confirm")
    hr = client_for(app, scene.hr)
    _post(hr, scene, "notice", _notified(days_ago=14))
    day = date.today() - timedelta(days=10)
    _post(
        hr,
        scene,
        "objections",
        {
            "objector": "Cllr Kaur",
            "received_on": [str(day.day), str(day.month), str(day.year)],
            "summary": "A conflict of interest was not declared",
        },
    )
    (row,) = _decision().objections
    prefix = f"ruling-{row.id}"
    upheld = {f"{prefix}-ruling": "upheld", f"{prefix}-reasons": "It was material"}
    _post(leader, scene, f"objections/{row.id}/ruling", upheld)

    _post(hr, scene, "offer")
    again = _post(leader, scene, "record", {"candidate": "none", "reasons": "Start again"})

    decision = _decision()
    assert decision.offer_made_at is None and decision.candidate_id == scene.amara.id
    page = hr.get(again.headers["Location"]).get_data(as_text=True)
    assert "material and well founded: no offer can be made" in page


def test_a_post_officers_appoint_needs_no_notice_to_the_executive(app, bank, make_user):
    scene = _appointment(app, make_user, role_level="team_manager")
    _record_amara(app, scene)
    hr = client_for(app, scene.hr)

    assert _post(hr, scene, "offer").status_code == 302
    assert _decision().offer_made_at is None  # the member has not confirmed yet
    _post(client_for(app, scene.member), scene, "confirm")
    _post(hr, scene, "offer")

    page = hr.get(scene.url).get_data(as_text=True)
    assert _decision().offer_made_at is not None and "The executive" not in page


def test_reopening_moderation_after_the_decision_holds_the_offer(app, bank, make_user):
    scene = _appointment(app, make_user, role_level="team_manager")
    _record_amara(app, scene)
    moderation = db.session.scalar(select(StageModeration))
    moderation.closed_at = None  # reopened, as the moderation pages allow with a reason
    db.session.commit()
    member, hr = client_for(app, scene.member), client_for(app, scene.hr)

    _post(member, scene, "confirm")
    _post(hr, scene, "offer")

    decision = _decision()
    assert [c.user_id for c in decision.confirmations] == [scene.leader.id]
    assert decision.offer_made_at is None
    page = hr.get(scene.url).get_data(as_text=True)
    assert "Moderation at the deciding stage was reopened" in page
