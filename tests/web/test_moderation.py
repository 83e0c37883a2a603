"""Moderation: status before it opens, opening and closing early, the record per candidate."""

from __future__ import annotations

import re

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import (
    AgreedScore,
    AuditEvent,
    CandidateDecision,
    Outcome,
    PanelRole,
    Role,
    StageModeration,
)
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)
from tests.support.forms import csrf_token_from, submit_form

# One values question and one decisions question.
QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _stage(app, make_user, chair, member):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR))
    amara = make_candidate(vacancy, "Amara", "Okafor")
    tom = make_candidate(vacancy, "Tom", "Reid")
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
        questions=QUESTIONS,
    )
    return stage, amara, tom


def _url(stage, tail=""):  # type: ignore[no-untyped-def]
    return f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/moderation{tail}"


def test_before_moderation_only_submission_status_shows(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    member = make_user(Role.PANEL, name="Dee Member")
    stage, amara, tom = _stage(app, make_user, chair, member)
    sheet = submit_sheet(stage, member, amara, [4, 2])
    sheet.scores[0].evidence = "Secret note before moderation"
    db.session.commit()
    page = client.get(_url(stage)).get_data(as_text=True)
    assert "Submitted" in page and "Not started" in page
    assert "Secret note" not in page and "Weighted total" not in page
    assert "close scoring early" in page


def test_hr_sees_status_and_other_panel_members_get_404(app, bank, signed_in, make_user):
    chair, member = make_user(Role.PANEL), make_user(Role.PANEL)
    stage, _amara, _tom = _stage(app, make_user, chair, member)
    hr_client, _ = signed_in(Role.HR)
    assert hr_client.get(_url(stage)).status_code == 200
    member_client = app.test_client()
    from tests.conftest import TEST_PASSWORD
    from tests.support.forms import sign_in

    sign_in(member_client, member.email, TEST_PASSWORD)
    assert member_client.get(_url(stage)).status_code == 404


def test_last_sheet_opens_moderation_with_results_and_flags(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    member = make_user(Role.PANEL, name="Dee Member")
    stage, amara, tom = _stage(app, make_user, chair, member)
    submit_sheet(stage, chair, amara, [5, 4])
    submit_sheet(stage, member, amara, [5, 2])  # decisions 4 vs 2: disagreement
    submit_sheet(stage, chair, tom, [1, 4])  # a 1 on values: a red flag; mean 2: the floor
    submit_sheet(stage, member, tom, [3, 4])
    open_form = client.get(_url(stage)).get_data(as_text=True)
    assert "Every panel member has submitted" in open_form
    response = client.post(_url(stage, "/open"), data={"csrf_token": csrf_token_from(open_form)})
    assert response.status_code == 302
    page = client.get(_url(stage)).get_data(as_text=True)
    assert "Panel disagreement" in page and "Values floor" in page
    # The single 1 is a red flag to discuss, no longer a reason of the floor's (the mean is).
    assert "Panel mean of 2.0" in page and "A member scored 1" not in page
    assert 'id="red-flags"' in page and "Not recorded yet" in page
    # Two members: the chair is told why there are no tendencies, rather than shown mirrors.
    assert "Krippendorff" in page and "calibration aid" not in page
    assert "Member tendencies need at least 3 scoring members: with 2" in page
    ranks = re.findall(r"Amara Okafor|Tom Reid", page)
    assert ranks[0] == "Amara Okafor"  # Tom is below the floor, so ranked after


def test_close_scoring_early_needs_a_reason(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    member = make_user(Role.PANEL)
    stage, amara, _tom = _stage(app, make_user, chair, member)
    submit_sheet(stage, chair, amara, [4, 4])
    refused = submit_form(client, _url(stage, "/close"), {"reason": ""})
    assert "Give the reason for closing scoring early" in refused.get_data(as_text=True)
    assert db.session.scalar(select(StageModeration)) is None
    done = submit_form(client, _url(stage, "/close"), {"reason": "Member taken ill"})
    assert done.status_code == 302
    moderation = db.session.scalar(select(StageModeration))
    assert moderation.closed_early_reason == "Member taken ill"
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "moderation.opened"))


def _opened(app, make_user, chair, member):  # type: ignore[no-untyped-def]
    stage, amara, tom = _stage(app, make_user, chair, member)
    for candidate, scores in ((amara, ([5, 4], [5, 2])), (tom, ([1, 4], [3, 4]))):
        submit_sheet(stage, chair, candidate, scores[0])
        submit_sheet(stage, member, candidate, scores[1])
    db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    return stage, amara, tom


def _moderate(client, stage, candidate, data):  # type: ignore[no-untyped-def]
    url = _url(stage, f"/candidates/{candidate.id}")
    page = client.get(url).get_data(as_text=True)
    version = re.search(r'name="lock_version"[^>]*value="([^"]*)"', page).group(1)
    fields = {"csrf_token": csrf_token_from(page), "lock_version": version, **data}
    return client.post(url, data=fields)


def test_agreed_score_differing_from_the_mean_needs_a_rationale(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    stage, amara, _tom = _opened(app, make_user, chair, make_user(Role.PANEL))
    data = {"agreed_decisions": "3.5", "outcome": "appointable", "reasons": "Strong"}
    page = _moderate(client, stage, amara, data).get_data(as_text=True)
    assert "differs from the panel mean of 3.0" in page
    bad = _moderate(client, stage, amara, {**data, "agreed_decisions": "7"})
    assert "from 1 to 5" in bad.get_data(as_text=True)
    done = _moderate(
        client, stage, amara, {**data, "rationale_decisions": "Discussed the safety plan"}
    )
    assert done.status_code == 302
    agreed = db.session.scalar(select(AgreedScore))
    assert (agreed.attribute, agreed.agreed, agreed.formula_score) == ("decisions", 3.5, 3.0)
    decision = db.session.scalar(select(CandidateDecision))
    assert decision.outcome is Outcome.APPOINTABLE and decision.recorded_by_id == chair.id
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "moderation.recorded"))
    assert event.detail["agreed"] == {"decisions": 3.5}


def test_agreed_score_equal_to_the_mean_needs_no_rationale(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    stage, amara, _tom = _opened(app, make_user, chair, make_user(Role.PANEL))
    data = {"agreed_values": "5", "outcome": "reserve", "reasons": "Close second"}
    assert _moderate(client, stage, amara, data).status_code == 302


def test_values_floor_override_needs_a_reason(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    stage, _amara, tom = _opened(app, make_user, chair, make_user(Role.PANEL))
    data = {"outcome": "appointable", "reasons": "Best on decisions"}
    page = _moderate(client, stage, tom, data).get_data(as_text=True)
    assert "The values floor applies: give the panel&#39;s reason for overriding it" in page
    assert db.session.scalar(select(CandidateDecision)) is None
    # Tom's 1 on values is also a red flag: its discussion is recorded whatever the outcome.
    data["red_flag_discussion"] = "The panel went back over the answer together"
    # Not appointable needs no override
    assert _moderate(client, stage, tom, {**data, "outcome": "not_appointable"}).status_code == 302
    # An override with a reason is recorded and shown
    override = {**data, "floor_override_reason": "The 1 was a misheard answer, re-checked"}
    assert _moderate(client, stage, tom, override).status_code == 302
    decision = db.session.scalar(select(CandidateDecision))
    assert decision.floor_override_reason.startswith("The 1 was")
    results = client.get(_url(stage)).get_data(as_text=True)
    assert "Floor overridden" in results and "misheard answer" in results


def test_an_agreed_values_score_below_the_floor_triggers_it(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    stage, amara, _tom = _opened(app, make_user, chair, make_user(Role.PANEL))
    data = {
        "agreed_values": "2",
        "rationale_values": "Panel agreed the example was second-hand",
        "outcome": "appointable",
        "reasons": "Strong elsewhere",
    }
    page = _moderate(client, stage, amara, data).get_data(as_text=True)
    assert "The values floor applies" in page


def test_posted_fields_outside_the_form_are_ignored(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    stage, amara, _tom = _opened(app, make_user, chair, make_user(Role.PANEL))
    data = {"outcome": "reserve", "reasons": "Fine", "recorded_by_id": "999", "stage_id": "0"}
    assert _moderate(client, stage, amara, data).status_code == 302
    decision = db.session.scalar(select(CandidateDecision))
    assert decision.recorded_by_id == chair.id and decision.stage_id == stage.id


def test_a_stale_record_keeps_the_entries_and_names_who_saved(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    hr_client, hr = signed_in(Role.HR)
    stage, amara, _tom = _opened(app, make_user, chair, make_user(Role.PANEL))
    url = _url(stage, f"/candidates/{amara.id}")
    stale = client.get(url).get_data(as_text=True)
    _moderate(hr_client, stage, amara, {"outcome": "reserve", "reasons": "HR typed this"})
    response = client.post(
        url,
        data={
            "csrf_token": csrf_token_from(stale),
            "lock_version": "",
            "outcome": "appointable",
            "reasons": "Chair's own words",
        },
    )
    page = response.get_data(as_text=True)
    assert f"{hr.full_name} saved this candidate" in page and "Chair&#39;s own words" in page
    db.session.expire_all()
    assert db.session.scalar(select(CandidateDecision)).reasons == "HR typed this"
