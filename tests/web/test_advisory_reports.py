"""Advisory stages' reports: recorded at the advisory stage's moderation, read by the
deciding panel at its wash-up, apart from its own figures."""

from __future__ import annotations

import re

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import (
    AdvisoryReport,
    AuditEvent,
    PanelRole,
    Role,
    StageModeration,
    StageRole,
    StageType,
    TrafficLight,
)
from tests.support.factories import make_candidate, make_issued_stage, make_vacancy, submit_sheet
from tests.support.forms import csrf_token_from

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _vacancy(app, make_user, chair, member):  # type: ignore[no-untyped-def]
    """A young people's panel (advisory) and a final panel (deciding), both chaired by
    ``chair``; Amara scored at both, with moderation open at both."""
    vacancy = make_vacancy(make_user(Role.HR))
    amara = make_candidate(vacancy, "Amara", "Okafor")
    seats = [(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)]
    young = make_issued_stage(
        app,
        vacancy,
        seats=seats,
        questions=QUESTIONS,
        name="Young people's panel",
        stage_type=StageType.YOUNG_PEOPLES_PANEL,
        role=StageRole.ADVISORY,
    )
    final = make_issued_stage(app, vacancy, seats=seats, questions=QUESTIONS)
    for stage in (young, final):
        submit_sheet(stage, chair, amara, [5, 4])
        sheet = submit_sheet(stage, member, amara, [4, 3])
        first = next(s for s in sheet.scores if s.plan_item_id == stage.items[0].id)
        first.evidence = f"{stage.name} heard a clear story about values"
    db.session.add(StageModeration(stage_id=young.id))
    db.session.commit()
    return young, final, amara


def _url(stage, candidate, tail=""):  # type: ignore[no-untyped-def]
    base = f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/moderation"
    return f"{base}/candidates/{candidate.id}{tail}"


def _report(client, stage, candidate, data, page=None):  # type: ignore[no-untyped-def]
    page = page or client.get(_url(stage, candidate)).get_data(as_text=True)
    version = re.search(r'name="report-lock_version"[^>]*value="([^"]*)"', page).group(1)
    fields = {"csrf_token": csrf_token_from(page), "report-lock_version": version}
    fields.update({f"report-{key}": value for key, value in data.items()})
    return client.post(_url(stage, candidate, "/report"), data=fields)


def test_the_chair_records_a_report_and_it_is_audited(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    young, _final, amara = _vacancy(app, make_user, chair, make_user(Role.PANEL))
    page = client.get(_url(young, amara)).get_data(as_text=True)
    # The per-attribute view and evidence come from the moderation: nothing to retype.
    assert "Report for the deciding panel" in page
    assert "Young people&#39;s panel heard a clear story about values" in page
    assert "4.5 (panel mean)" in page
    response = _report(
        client,
        young,
        amara,
        {"strengths": "She listened to us", "concerns": "", "traffic_light": "amber"},
        page,
    )
    assert response.status_code == 302
    report = db.session.scalar(select(AdvisoryReport))
    assert report.strengths == "She listened to us" and report.concerns == ""
    assert report.traffic_light is TrafficLight.AMBER and report.recorded_by_id == chair.id
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "moderation.advisory_report_recorded")
    )
    assert event is not None and "listened" not in str(event.detail)
    again = client.get(_url(young, amara)).get_data(as_text=True)
    assert "She listened to us" in again and "Last saved" in again


def test_a_report_needs_some_words_and_a_known_light(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    young, _final, amara = _vacancy(app, make_user, chair, make_user(Role.PANEL))
    response = _report(client, young, amara, {"strengths": " ", "traffic_light": "purple"})
    page = response.get_data(as_text=True)
    assert "Write what the panel saw as the candidate" in page
    assert "Choose one of the three views" in page and "There is a problem" in page
    assert db.session.scalar(select(AdvisoryReport)) is None


def test_a_stale_report_keeps_the_entries_and_names_who_saved(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    hr_client, hr = signed_in(Role.HR)
    young, _final, amara = _vacancy(app, make_user, chair, make_user(Role.PANEL))
    stale = client.get(_url(young, amara)).get_data(as_text=True)
    _report(hr_client, young, amara, {"strengths": "HR typed this"})
    response = _report(client, young, amara, {"strengths": "Chair's own words"}, stale)
    page = response.get_data(as_text=True)
    assert f"{hr.full_name} saved this candidate" in page and "Chair&#39;s own words" in page
    db.session.expire_all()
    assert db.session.scalar(select(AdvisoryReport)).strengths == "HR typed this"


def test_refused_at_a_deciding_stage_and_before_moderation(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    young, final, amara = _vacancy(app, make_user, chair, make_user(Role.PANEL))
    db.session.add(StageModeration(stage_id=final.id))
    db.session.commit()
    page = client.get(_url(final, amara)).get_data(as_text=True)
    assert "Report for the deciding panel" not in page
    token = csrf_token_from(page)
    refused = client.post(
        _url(final, amara, "/report"),
        data={"csrf_token": token, "report-strengths": "Deciding panel words"},
    )
    assert refused.status_code == 404
    db.session.delete(db.session.scalar(select(StageModeration).filter_by(stage_id=young.id)))
    db.session.commit()
    early = client.post(
        _url(young, amara, "/report"),
        data={"csrf_token": token, "report-strengths": "Before moderation"},
    )
    assert early.status_code == 302 and early.location.endswith("/moderation")
    assert db.session.scalar(select(AdvisoryReport)) is None


def test_the_deciding_wash_up_shows_the_reports_apart(app, bank, signed_in, make_user):
    client, chair = signed_in(Role.PANEL)
    young, final, amara = _vacancy(app, make_user, chair, make_user(Role.PANEL))
    db.session.add(StageModeration(stage_id=final.id))
    db.session.commit()
    empty = client.get(_url(final, amara)).get_data(as_text=True)
    assert "No advisory panel has recorded a report" in empty
    _report(client, young, amara, {"strengths": "Kind and clear", "traffic_light": "green"})
    page = client.get(_url(final, amara)).get_data(as_text=True)
    section, _, figures = page.split('id="advisory-reports"')[1].partition("</section>")
    assert "What the advisory panels reported" in section and "Young people" in section
    assert "Kind and clear" in section and "We would support this person" in section
    assert "Young people&#39;s panel heard a clear story" in section
    assert "not part of this panel" in section
    # The deciding figures and evidence are the deciding stage's own, outside the section.
    assert "Kind and clear" not in figures and "Young people&#39;s panel heard" not in figures
    assert "Final panel heard a clear story" in figures


def test_the_deciding_packs_carry_the_reports(app, bank, signed_in, make_user):
    from recruit.bank_store import current_bank
    from recruit.domain.documents.interview_pack import advisory_text, build_interview_pack
    from recruit.stages.packs import stage_packs
    from tests.support.word import reopen

    client, chair = signed_in(Role.PANEL)
    member = make_user(Role.PANEL, name="Dee Member")
    young, final, amara = _vacancy(app, make_user, chair, member)
    _report(client, young, amara, {"strengths": "Kind and clear", "traffic_light": "green"})
    packs = stage_packs(final.vacancy, final, current_bank(), "Testshire")
    assert len(packs) == 2  # the chair's and the member's
    for pack in packs:
        section = advisory_text(reopen(build_interview_pack(pack.context)))
        assert "Advice from the Young people's panel" in section
        assert "Kind and clear" in section and "We would support this person" in section
    young_packs = stage_packs(young.vacancy, young, current_bank(), "Testshire")
    assert all(pack.context.advisory_reports is None for pack in young_packs)
