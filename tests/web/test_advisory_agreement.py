"""An advisory panel's report is agreed by its members: the chair reads it back at the
wash-up and ticks each member who agreed; only the panel's scoring members without a
conflict count; the deciding panel reads how many agreed, in the app and in its packs."""

from __future__ import annotations

import io

from docx import Document
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import (
    AdvisoryReport,
    AuditEvent,
    ConflictOfInterest,
    Role,
    StageModeration,
)
from tests.support.panel_web import client_for
from tests.web.test_advisory_reports import _report, _url, _vacancy

WORDS = {"strengths": "She listened to us", "concerns": "", "traffic_light": "green"}


def _agreed(report: AdvisoryReport) -> set[int]:
    db.session.refresh(report)
    return {agreement.user_id for agreement in report.agreements}


def test_the_chair_records_who_agreed_and_the_deciding_panel_reads_it(app, bank, make_user):
    chair = make_user(Role.PANEL, name="Jordan Chair")
    member = make_user(Role.PANEL, name="Ali Member")
    young, final, amara = _vacancy(app, make_user, chair, member)
    client = client_for(app, chair)
    page = client.get(_url(young, amara)).get_data(as_text=True)
    assert "Members who agreed this report" in page and "Ali Member" in page

    response = _report(client, young, amara, {**WORDS, "agreed_by": [str(chair.id)]})
    assert response.status_code == 302
    report = db.session.scalar(select(AdvisoryReport))
    assert _agreed(report) == {chair.id}
    page = client.get(_url(young, amara)).get_data(as_text=True)
    assert "Agreed by 1 of its 2 members so far: Jordan Chair" in page
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "moderation.advisory_report_recorded")
    )
    assert event.detail["agreed_by"] == 1

    both = [str(chair.id), str(member.id)]
    assert _report(client, young, amara, {**WORDS, "agreed_by": both}).status_code == 302
    assert _agreed(report) == {chair.id, member.id}
    assert "Agreed by all 2 of its members" in client.get(_url(young, amara)).get_data(as_text=True)
    # Unticked again, the member's agreement goes.
    assert (
        _report(client, young, amara, {**WORDS, "agreed_by": [str(member.id)]}).status_code == 302
    )
    assert _agreed(report) == {member.id}

    db.session.add(StageModeration(stage_id=final.id))
    db.session.commit()
    deciding = client.get(_url(final, amara)).get_data(as_text=True)
    assert "Agreed by 1 of its 2 members so far" in deciding
    pack = client_for(app, make_user(Role.HR)).get(
        f"/vacancies/{final.vacancy_id}/stages/{final.id}/packs/chair.docx"
    )
    assert pack.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(pack.data)).paragraphs)
    assert "Agreed: Agreed by 1 of its 2 members so far" in text


def test_only_the_panels_members_without_a_conflict_can_be_ticked(app, bank, make_user):
    chair, member = make_user(Role.PANEL), make_user(Role.PANEL, name="Conflicted Member")
    outsider = make_user(Role.PANEL)
    young, _final, amara = _vacancy(app, make_user, chair, member)
    db.session.add(ConflictOfInterest(user_id=member.id, candidate_id=amara.id, description="x"))
    db.session.commit()
    client = client_for(app, chair)
    assert "Conflicted Member" not in client.get(_url(young, amara)).get_data(as_text=True)
    for stranger in (member, outsider):
        response = _report(client, young, amara, {**WORDS, "agreed_by": [str(stranger.id)]})
        assert response.status_code == 200, "a box that is not offered is refused"
        assert "is not a valid choice" in response.get_data(as_text=True)
    assert db.session.scalar(select(AdvisoryReport)) is None
    _report(client, young, amara, {**WORDS, "agreed_by": [str(chair.id)]})
    page = client.get(_url(young, amara)).get_data(as_text=True)
    assert "Agreed by its one member" in page
