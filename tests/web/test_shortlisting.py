"""Shortlisting scrutiny: HR notes gaps and discrepancies with what a stage's panel explores
(errors shown, audited), and records the decision per essential criterion; the rules on the
decision; the candidate's status moves; a not-shortlisted candidate leaves the stages;
a criterion decided against stays on the person specification."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import (
    AuditEvent,
    Candidate,
    CandidateStatus,
    PersonSpecCriterion,
    Role,
    ScrutinyPoint,
    ShortlistingDecision,
    Vacancy,
)
from recruit.results.sheets import scored_candidates
from tests.support.factories import make_candidate, make_stage, make_vacancy
from tests.support.forms import csrf_token_from
from tests.support.panel_web import build_panel, client_for, save_sheet


def _day(day: date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def _base(candidate: Candidate) -> str:
    return f"/vacancies/{candidate.vacancy_id}/candidates/{candidate.id}/shortlisting"


def _post(client, url, **data):  # type: ignore[no-untyped-def]
    page = client.get(url).get_data(as_text=True)
    version = re.search(r'name="lock_version"[^>]*value="([^"]*)"', page)
    data.setdefault("lock_version", version.group(1) if version else "")
    return client.post(url, data={"csrf_token": csrf_token_from(page), **data})


def _point(client, candidate, stage_id, **data):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "kind": "gap", "from_date": _day(date(2019, 3, 1)), "to_date": _day(date(2019, 9, 30)),
        "noted": "No employment listed between two posts",
        "to_explore": "Ask what the candidate did between March and September 2019",
        "stage": str(stage_id), "explanation": "",
    }  # fmt: skip
    values.update(data)
    return _post(client, f"{_base(candidate)}/points/new", **values)


def _criteria(vacancy: Vacancy) -> list[PersonSpecCriterion]:
    rows = [
        PersonSpecCriterion(
            vacancy_id=vacancy.id, position=1, text="Social Work England registration",
            essential=True, assessed_by=["application", "check"],
        ),
        PersonSpecCriterion(
            vacancy_id=vacancy.id, position=2, text="Senior leadership of children's services",
            essential=True, assessed_by=["application", "interview"],
        ),
        PersonSpecCriterion(
            vacancy_id=vacancy.id, position=3, text="Leading a practice model at scale",
            essential=True, assessed_by=["interview"],
        ),
        PersonSpecCriterion(
            vacancy_id=vacancy.id, position=4, text="An MBA", essential=False,
            assessed_by=["application"],
        ),
    ]  # fmt: skip
    db.session.add_all(rows)
    db.session.commit()
    return rows


def _decide(client, candidate, criteria, outcomes, decision, reasons=""):  # type: ignore[no-untyped-def]
    data: dict[str, object] = {"decision": decision, "reasons": reasons}
    for row, outcome in zip(criteria, outcomes, strict=True):
        data[f"outcome_{row.id}"] = outcome
        data[f"evidence_{row.id}"] = f"Evidence for {row.text}"
    return _post(client, f"{_base(candidate)}/decision", **data)


def _events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


# --- points to explore -----------------------------------------------------------------


def test_hr_notes_a_gap_for_a_stage_and_it_is_listed_with_its_length_and_audited(
    app, bank, make_user
):
    panel = build_panel(app, make_user)
    client = client_for(app, panel.hr)
    response = _point(client, panel.amara, panel.stage.id)
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(_base(panel.amara)).get_data(as_text=True)
    assert "No employment listed between two posts" in page
    assert "1 March 2019 to 30 September 2019 (about 6 months)" in page
    assert "Final panel" in page and "Not yet explored" in page
    point = db.session.scalars(select(ScrutinyPoint)).one()
    assert point.recorded_by_id == panel.hr.id and point.stage_id == panel.stage.id
    (event,) = _events("shortlisting.point_added")
    assert event.detail["kind"] == "gap" and "noted" not in event.detail


def test_a_point_with_problems_is_shown_again_with_what_to_do_and_nothing_saved(
    app, bank, make_user
):
    panel = build_panel(app, make_user)
    client = client_for(app, panel.hr)
    cases = [
        ({"from_date": ["", "", ""]}, "Enter the date the gap started"),
        (
            {"from_date": _day(date(2019, 9, 30)), "to_date": _day(date(2019, 3, 1))},
            "The end date must be the same as or after the start date",
        ),
        ({"to_date": _day(date.today() + timedelta(days=3))}, "must be today or in the past"),
        ({"noted": ""}, "Enter what you noticed"),
        ({"to_explore": ""}, "Enter what the panel should explore"),
        ({"stage": "999999"}, "Not a valid choice"),
        ({"kind": ""}, "Select a gap in employment or a discrepancy"),
    ]
    for data, message in cases:
        response = _point(client, panel.amara, panel.stage.id, **data)
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and message in page, (data, page[:300])
        assert "There is a problem" in page
    assert db.session.scalars(select(ScrutinyPoint)).all() == []


def test_a_discrepancy_needs_no_dates_and_its_explanation_is_recorded_later(app, bank, make_user):
    panel = build_panel(app, make_user)
    client = client_for(app, panel.hr)
    noted = "The application says 2018 to 2022 at Westshire; the reference says 2019"
    response = _point(
        client, panel.amara, panel.stage.id, kind="discrepancy", noted=noted,
        from_date=["", "", ""], to_date=["", "", ""],
    )  # fmt: skip
    assert response.status_code == 302
    point = db.session.scalars(select(ScrutinyPoint)).one()
    url = f"{_base(panel.amara)}/points/{point.id}"
    response = _post(
        client, url, kind="discrepancy", noted=noted, to_explore="Ask about the start date",
        stage=str(panel.stage.id), explanation="A secondment began in 2018; HR confirmed it",
        from_date=["", "", ""], to_date=["", "", ""],
    )  # fmt: skip
    assert response.status_code == 302
    db.session.refresh(point)
    assert point.explanation == "A secondment began in 2018; HR confirmed it"
    assert _events("shortlisting.point_updated")[0].detail["explored"] is True


def test_a_vacancy_with_no_stages_asks_for_them_before_a_point(app, bank, make_user):
    hr = make_user(Role.HR)
    candidate = make_candidate(make_vacancy(hr))
    page = client_for(app, hr).get(f"{_base(candidate)}/points/new").get_data(as_text=True)
    assert 'id="no-stages"' in page and "<form" not in page.split('id="no-stages"')[1]


# --- who sees a point ------------------------------------------------------------------


def test_only_the_chosen_stages_panel_sees_a_point_on_the_score_sheet(app, bank, make_user):
    panel = build_panel(app, make_user)
    outsider = make_user(Role.PANEL, name="Stakeholder Member")
    other_stage = make_stage(
        panel.stage.vacancy, seats=[(outsider, panel.stage.seats[0].panel_role)],
        questions=["decisions-own-risk-01"], name="Stakeholder panel",
    )  # fmt: skip
    hr = client_for(app, panel.hr)
    _point(hr, panel.amara, panel.stage.id)
    url = f"/interviews/{panel.stage.id}/candidates/{panel.amara.id}/score"
    page = client_for(app, panel.member).get(url).get_data(as_text=True)
    assert 'id="points-to-explore"' in page and "between March and September 2019" in page
    tom = client_for(app, panel.member).get(url.replace(f"/{panel.amara.id}/", f"/{panel.tom.id}/"))
    assert 'id="points-to-explore"' not in tom.get_data(as_text=True)
    # Another stage's member, even on the same vacancy, never sees it.
    other = client_for(app, outsider)
    other_url = f"/interviews/{other_stage.id}/candidates/{panel.amara.id}/score"
    assert "between March and September 2019" not in other.get(other_url).get_data(as_text=True)
    for path in ("", "/points/new", "/decision"):
        assert other.get(f"{_base(panel.amara)}{path}").status_code == 403
        assert client_for(app, panel.member).get(f"{_base(panel.amara)}{path}").status_code == 403


# --- the decision ----------------------------------------------------------------------


def test_the_decision_is_recorded_per_essential_criterion_from_the_application(
    app, bank, make_user
):
    panel = build_panel(app, make_user)
    criteria = _criteria(panel.stage.vacancy)
    client = client_for(app, panel.hr)
    page = client.get(f"{_base(panel.amara)}/decision").get_data(as_text=True)
    # Only essential criteria assessed from the application are decided at shortlisting.
    assert "Social Work England registration" in page and "Senior leadership" in page
    assert "Leading a practice model at scale" not in page and "An MBA" not in page
    response = _decide(client, panel.amara, criteria[:2], ["met", "partly_met"], "shortlist")
    assert response.status_code == 302, response.get_data(as_text=True)
    decision = db.session.scalars(select(ShortlistingDecision)).one()
    assert decision.shortlisted and decision.decided_by_id == panel.hr.id
    assert [(a.criterion.text, a.outcome.value) for a in decision.assessments] == [
        ("Social Work England registration", "met"),
        ("Senior leadership of children's services", "partly_met"),
    ]
    db.session.refresh(panel.amara)
    assert panel.amara.status is CandidateStatus.SHORTLISTED
    (event,) = _events("shortlisting.decided")
    assert event.detail["shortlisted"] is True
    assert event.detail["outcomes"] == {
        str(criteria[0].id): "met",
        str(criteria[1].id): "partly_met",
    }
    page = client.get(_base(panel.amara)).get_data(as_text=True)
    assert "Shortlisted" in page and "Partly met" in page


def test_the_decisions_rules_are_shown_and_nothing_is_saved(app, bank, make_user):
    panel = build_panel(app, make_user)
    criteria = _criteria(panel.stage.vacancy)[:2]
    client = client_for(app, panel.hr)
    cases = [
        (["met", ""], "shortlist", "", "Select whether the application meets: Senior leadership"),
        (["met", "not_met"], "shortlist", "", "A candidate who does not meet an essential"),
        (["met", "not_met"], "do_not_shortlist", "", "Say why the candidate is not shortlisted"),
        (["met", "met"], "", "", "Select whether the candidate is shortlisted"),
    ]
    for outcomes, decision, reasons, message in cases:
        response = _decide(client, panel.amara, criteria, outcomes, decision, reasons)
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and message in page, (outcomes, decision)
    assert db.session.scalars(select(ShortlistingDecision)).all() == []


def test_not_shortlisting_takes_the_candidate_out_of_the_stages(app, bank, make_user):
    panel = build_panel(app, make_user)
    criteria = _criteria(panel.stage.vacancy)[:2]
    client = client_for(app, panel.hr)
    response = _decide(
        client, panel.tom, criteria, ["met", "not_met"], "do_not_shortlist",
        "No senior leadership of children's services in the application",
    )  # fmt: skip
    assert response.status_code == 302
    db.session.refresh(panel.tom)
    assert panel.tom.status is CandidateStatus.NOT_SHORTLISTED
    assert panel.tom not in scored_candidates(panel.stage)
    url = f"/interviews/{panel.stage.id}/candidates/{panel.tom.id}/score"
    assert client_for(app, panel.member).get(url).status_code == 404
    # Changing the decision needs a reason, then moves the status back.
    response = _decide(client, panel.tom, criteria, ["met", "met"], "shortlist")
    assert "Say why the shortlisting decision has changed" in response.get_data(as_text=True)
    response = _decide(
        client, panel.tom, criteria, ["met", "met"], "shortlist", "A second reading found it"
    )
    assert response.status_code == 302
    db.session.refresh(panel.tom)
    assert panel.tom.status is CandidateStatus.SHORTLISTED
    assert [e.detail["previously_shortlisted"] for e in _events("shortlisting.decided")] == [
        None,
        False,
    ]


def test_a_candidate_a_panel_has_begun_scoring_cannot_be_not_shortlisted(app, bank, make_user):
    panel = build_panel(app, make_user)
    criteria = _criteria(panel.stage.vacancy)[:2]
    member = client_for(app, panel.member)
    save_sheet(member, panel.stage, panel.amara, ["3", ""], ["Spoke about values", ""])
    response = _decide(
        client_for(app, panel.hr), panel.amara, criteria, ["met", "not_met"],
        "do_not_shortlist", "Not enough senior experience",
    )  # fmt: skip
    assert "has already started scoring" in response.get_data(as_text=True)
    assert db.session.scalars(select(ShortlistingDecision)).all() == []


def test_with_no_criteria_from_the_application_the_page_asks_for_them(app, bank, make_user):
    panel = build_panel(app, make_user)
    client = client_for(app, panel.hr)
    page = client.get(f"{_base(panel.amara)}/decision").get_data(as_text=True)
    assert 'id="no-shortlisting-criteria"' in page and "Record the decision" not in page
    response = client.post(
        f"{_base(panel.amara)}/decision",
        data={"csrf_token": csrf_token_from(page), "decision": "shortlist"},
    )
    assert response.status_code == 200 and 'id="no-shortlisting-criteria"' in response.text
    assert db.session.scalars(select(ShortlistingDecision)).all() == []


def test_a_criterion_decided_against_stays_on_the_person_specification(app, bank, make_user):
    panel = build_panel(app, make_user)
    criteria = _criteria(panel.stage.vacancy)
    client = client_for(app, panel.hr)
    _decide(client, panel.amara, criteria[:2], ["met", "met"], "shortlist")
    url = f"/vacancies/{panel.stage.vacancy_id}/person-specification"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    response = client.post(
        f"{url}/{criteria[0].id}/remove", data={"csrf_token": token}, follow_redirects=True
    )
    assert "This criterion stays: 1 shortlisting decision was made against it" in (
        response.get_data(as_text=True)
    )
    assert db.session.get(PersonSpecCriterion, criteria[0].id) is not None
    # One no decision used can go.
    unused = criteria[3].id
    client.post(f"{url}/{unused}/remove", data={"csrf_token": token})
    db.session.expire_all()
    assert db.session.get(PersonSpecCriterion, unused) is None


def test_the_overview_and_the_task_list_count_decisions_and_points(app, bank, make_user):
    panel = build_panel(app, make_user)
    criteria = _criteria(panel.stage.vacancy)[:2]
    client = client_for(app, panel.hr)
    _point(client, panel.amara, panel.stage.id)
    _decide(client, panel.amara, criteria, ["met", "met"], "shortlist")
    vacancy_id = panel.stage.vacancy_id
    page = client.get(f"/vacancies/{vacancy_id}/shortlisting").get_data(as_text=True)
    amara = page.split(f'id="shortlisting-{panel.amara.id}"')[1].split("</tr>")[0]
    tom = page.split(f'id="shortlisting-{panel.tom.id}"')[1].split("</tr>")[0]
    assert "Shortlisted" in amara and ">1<" in amara
    assert "Not decided" in tom and ">0<" in tom
    show = client.get(f"/vacancies/{vacancy_id}").get_data(as_text=True)
    assert "Decisions recorded for 1 of 2 candidates; 1 point to explore noted" in show


def test_the_candidate_form_cannot_move_a_candidate_in_or_out_of_not_shortlisted(
    app, bank, make_user
):
    panel = build_panel(app, make_user)
    client = client_for(app, panel.hr)
    # A member has begun scoring Amara: were the form allowed to set "not shortlisted", her
    # scores would leave the results with no decision or reasons recorded.
    save_sheet(client_for(app, panel.member), panel.stage, panel.amara, ["3", ""], ["x", ""])
    url = f"/vacancies/{panel.stage.vacancy_id}/candidates/{panel.amara.id}/edit"
    data = {
        "first_name": "Amara", "last_name": "Okafor", "email": panel.amara.email,
        "application_date": ["", "", ""], "starts_on": ["", "", ""],
        "status": "not_shortlisted",
    }  # fmt: skip
    response = _post(client, url, **data)
    assert "Record whether the candidate is shortlisted on their shortlisting scrutiny page" in (
        response.get_data(as_text=True)
    )
    db.session.refresh(panel.amara)
    assert panel.amara.status is CandidateStatus.APPLIED
    assert panel.amara in scored_candidates(panel.stage)
    new = f"/vacancies/{panel.stage.vacancy_id}/candidates/new"
    response = _post(client, new, **{**data, "email": "new@example.com"})
    assert "shortlisting scrutiny page" in response.get_data(as_text=True)
