"""The shortlist comparison, its target profile, radar chart and DCS briefing pack."""

from __future__ import annotations

import io
import re

from docx import Document
from sqlalchemy import select

from recruit.domain import scoring
from recruit.domain.scoring.agreement import panel_agreement
from recruit.extensions import db
from recruit.models import (
    AuditEvent,
    CandidateStatus,
    LeadershipProfile,
    PanelRole,
    Role,
    StageModeration,
    TargetProfile,
)
from recruit.models._types import utcnow
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)
from tests.support.forms import submit_form
from tests.support.panel_web import client_for

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]


def _vacancy(app, make_user, *, moderated=True):  # type: ignore[no-untyped-def]
    vacancy = make_vacancy(make_user(Role.HR))
    amara = make_candidate(vacancy, "Amara", "Okafor", status=CandidateStatus.SHORTLISTED)
    tom = make_candidate(vacancy, "Tom", "Reid", status=CandidateStatus.SHORTLISTED)
    make_candidate(vacancy, "Gareth", "Lloyd", status=CandidateStatus.INTERVIEWED)
    chair, member = make_user(Role.PANEL, name="Chair"), make_user(Role.PANEL, name="Member")
    stage = make_issued_stage(
        app,
        vacancy,
        seats=[(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)],
        questions=QUESTIONS,
    )
    for candidate, chair_scores, member_scores in (
        (amara, [4, 3], [4, 3]),
        (tom, [3, 5], [3, 5]),
        (vacancy.candidates[2], [3, 3], [3, 3]),
    ):
        submit_sheet(stage, chair, candidate, chair_scores)
        submit_sheet(stage, member, candidate, member_scores)
    if moderated:
        db.session.add(StageModeration(stage_id=stage.id))
    db.session.commit()
    return vacancy, stage, chair


def test_comparison_shows_the_shortlist_side_by_side(app, bank, signed_in, make_user):
    client, _reviewer = signed_in(Role.REVIEWER)
    vacancy, _stage, _chair = _vacancy(app, make_user)
    page = client.get(f"/vacancies/{vacancy.id}/comparison").get_data(as_text=True)
    assert "Amara Okafor (C-01)" in page and "Tom Reid (C-02)" in page
    assert "Candidates side by side" in page
    header = page.split("<thead")[1].split("</thead>")[0]
    assert "Gareth Lloyd" not in header  # not on the shortlist: offered as a checkbox only
    assert "Rank, equal weights" in page and "Values floor" in page


def test_the_comparison_does_not_measure_agreement_which_the_summary_shows(
    app, bank, signed_in, make_user, monkeypatch
):
    measured = []

    def measuring(scores):  # type: ignore[no-untyped-def]
        measured.append(scores.stage)
        return panel_agreement(scores)

    monkeypatch.setattr(scoring, "panel_agreement", measuring)
    client, _hr = signed_in(Role.HR)
    vacancy, _stage, _chair = _vacancy(app, make_user)
    assert client.get(f"/vacancies/{vacancy.id}/comparison").status_code == 200
    assert measured == []
    summary = client.get(f"/vacancies/{vacancy.id}/summary").get_data(as_text=True)
    assert len(measured) == 1 and "Krippendorff" in summary


def test_sorting_and_choosing_candidates(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.HR)
    vacancy, _stage, _chair = _vacancy(app, make_user)
    url = f"/vacancies/{vacancy.id}/comparison"
    by_decisions = client.get(f"{url}?sort=decisions").get_data(as_text=True)
    header = by_decisions.split("<thead")[1].split("</thead>")[0]
    assert header.index("Tom Reid") < header.index("Amara Okafor")
    chosen = client.get(f"{url}?candidate=C-03&sort=nonsense").get_data(as_text=True)
    header = chosen.split("<thead")[1].split("</thead>")[0]
    assert "Gareth Lloyd" in header and "Amara Okafor" not in header


def test_equal_weights_can_change_the_order(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.HR)
    vacancy, stage, _chair = _vacancy(app, make_user)
    stage.weights = {"values": 0.9, "decisions": 0.1}
    db.session.commit()
    page = client.get(f"/vacancies/{vacancy.id}/comparison").get_data(as_text=True)
    # Amara leads on values (4 vs 3); with equal weights Tom's 5 on decisions puts him ahead.
    assert "with equal weights" in page and "Tom Reid (C-02) ranks" in page


def test_target_profile_gives_gaps_with_values_first(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.REVIEWER)
    vacancy, _stage, _chair = _vacancy(app, make_user)
    response = submit_form(
        client,
        f"/vacancies/{vacancy.id}/target",
        {"minimum_values": "4", "minimum_decisions": "4", "submit": "x"},
    )
    assert response.status_code == 302
    target = db.session.scalar(select(TargetProfile))
    assert target.minimums == {"values": 4.0, "decisions": 4.0}
    page = client.get(f"/vacancies/{vacancy.id}/comparison").get_data(as_text=True)
    tom = page.split("<strong>Tom Reid (C-02)</strong>")[1].split("</li>")[0]
    assert tom.index("Leadership and change driven by values") < len(tom)
    amara = page.split("<strong>Amara Okafor (C-01)</strong>")[1].split("</li>")[0]
    assert "Changing how decisions" in amara and "values" not in amara.lower().split("by")[0]


def test_target_minimums_are_checked(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.HR)
    vacancy, _stage, _chair = _vacancy(app, make_user)
    response = submit_form(
        client, f"/vacancies/{vacancy.id}/target", {"minimum_values": "6", "submit": "x"}
    )
    assert "from 1 to 5" in response.get_data(as_text=True)
    assert db.session.scalar(select(TargetProfile)) is None


def test_target_seeded_from_a_shared_profile(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.HR)
    vacancy, _stage, _chair = _vacancy(app, make_user)
    outgoing = make_user(Role.PANEL, name="Margaret Hale")
    profile = LeadershipProfile(
        owner_id=outgoing.id, title="Outgoing", ratings={"values": 5, "decisions": 4},
        shared_at=utcnow(),
    )  # fmt: skip
    private = LeadershipProfile(owner_id=outgoing.id, title="Private", ratings={"values": 1})
    db.session.add_all([profile, private])
    db.session.commit()
    url = f"/vacancies/{vacancy.id}/target"
    page = client.get(url).get_data(as_text=True)
    assert "Margaret Hale: Outgoing" in page and "Private" not in page
    seeded = submit_form(client, url, {"profile_id": str(profile.id), "seed": "x"})
    text = seeded.get_data(as_text=True)
    assert 'value="5"' in text and "start from Margaret Hale" in text
    # a private profile cannot be used, even by posting its id
    sneaky = submit_form(client, url, {"profile_id": str(private.id), "seed": "x"})
    assert not re.search(r'name="minimum_values"[^>]*value="1"', sneaky.get_data(as_text=True))


def test_panel_members_see_the_comparison_only_for_their_moderated_stages(app, bank, make_user):
    vacancy, _stage, chair = _vacancy(app, make_user, moderated=False)
    seated = client_for(app, chair)
    page = seated.get(f"/vacancies/{vacancy.id}/comparison").get_data(as_text=True)
    assert "nothing to compare yet" in page
    outsider = client_for(app, make_user(Role.PANEL))
    assert outsider.get(f"/vacancies/{vacancy.id}/comparison").status_code == 404
    assert seated.get(f"/vacancies/{vacancy.id}/target").status_code == 403


def test_radar_overlays_the_candidates(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.REVIEWER)
    vacancy, _stage, _chair = _vacancy(app, make_user)
    response = client.get(f"/vacancies/{vacancy.id}/comparison/radar.png")
    assert response.status_code == 200 and response.data.startswith(b"\x89PNG")


def test_briefing_pack_reopens_with_the_comparison(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.REVIEWER)
    vacancy, _stage, _chair = _vacancy(app, make_user)
    response = client.get(f"/vacancies/{vacancy.id}/comparison.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.data))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Director of Children's Services" in text
    assert any("Amara Okafor" in cell for cell in cells)
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "comparison.exported"))
