"""The shortlist comparison, its target profile, radar chart and DCS briefing pack."""

from __future__ import annotations

import io

from docx import Document
from sqlalchemy import select

from recruit.domain import scoring
from recruit.domain.interview_plan import default_weights
from recruit.domain.scoring.agreement import panel_agreement
from recruit.extensions import db
from recruit.models import (
    AdvisoryReport,
    AuditEvent,
    CandidateDecision,
    CandidateStatus,
    LeadershipProfile,
    Outcome,
    PanelRole,
    Role,
    StageModeration,
    StageType,
    TargetProfile,
    TrafficLight,
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
DEFAULT_WEIGHTS = default_weights(
    ["values", "decisions", "practice-culture", "partnerships", "buy-in"]
)


# The plan asks about values and decisions only, so the deciding stage weights just those:
# with every attribute weighted, nothing could be ranked (see the incomplete test).
ASSESSED_WEIGHTS = {"values": 0.6, "decisions": 0.4}


def _vacancy(app, make_user, *, moderated=True, weights=ASSESSED_WEIGHTS):  # type: ignore[no-untyped-def]
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
        weights=weights,
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
    summary = client.get(f"/vacancies/{vacancy.id}/summary/stages/{_stage.id}")
    assert len(measured) == 1 and "Krippendorff" in summary.get_data(as_text=True)
    # The stage's result is measured once, for the summary; the comparison adds nothing.
    assert client.get(f"/vacancies/{vacancy.id}/comparison").status_code == 200
    assert len(measured) == 1


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


def _levels(**levels: str) -> dict[str, str]:
    data = {"submit": "x"}
    for key, level in levels.items():
        attribute = key.replace("_", "-")
        data[f"level_{attribute}"] = level
        data[f"reason_{attribute}"] = f"The post needs {attribute} at this level."
    return data


def test_target_levels_show_below_target_per_attribute_in_words(app, bank, signed_in, make_user):
    client, hr = signed_in(Role.HR)
    vacancy, _stage, _chair = _vacancy(app, make_user)
    response = submit_form(
        client, f"/vacancies/{vacancy.id}/target", _levels(values="4", decisions="4")
    )
    assert response.status_code == 302
    target = db.session.scalar(select(TargetProfile))
    assert target.levels == {"values": 4, "decisions": 4}
    assert target.reasons["values"] == "The post needs values at this level."
    assert target.set_by_id == hr.id
    page = client.get(f"/vacancies/{vacancy.id}/comparison").get_data(as_text=True)
    # Tom: values 3 (Sound) under Strong; decisions 5. Amara: decisions 3 under Strong.
    tom = page.split("<strong>Tom Reid (C-02)</strong>")[1].split("</li>")[0]
    assert "Values-driven reads as Sound (3.0) against a target of Strong" in tom
    amara = page.split("<strong>Amara Okafor (C-01)</strong>")[1].split("</li>")[0]
    assert "Decisions for families reads as Sound (3.0)" in amara and "Values" not in amara
    assert f"Set by {hr.full_name} (HR and recruitment) for the Final panel on " in page
    # Words, not decimals: no signed gap and no sum of gaps.
    assert "below target</strong>" not in page and "in all" not in page
    assert "The post needs values at this level." in page
    # The evidence behind a shortfall sits with it: no score of 2 or less here, so none.
    assert "app-gap-evidence" not in page


def test_a_level_needs_a_reason_and_an_unknown_level_is_refused(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.HR)
    vacancy, _stage, _chair = _vacancy(app, make_user)
    url = f"/vacancies/{vacancy.id}/target"
    no_reason = submit_form(client, url, {"level_values": "4", "submit": "x"})
    text = no_reason.get_data(as_text=True)
    assert "Say why the role needs Strong on Leadership and change driven by values" in text
    assert "govuk-error-summary" in text and 'value="4" checked' in text
    six = submit_form(client, url, {"level_values": "6", "reason_values": "x", "submit": "x"})
    assert "Choose Sound, Strong, Exceptional or no minimum" in six.get_data(as_text=True)
    assert db.session.scalar(select(TargetProfile)) is None


def test_a_shared_profile_is_context_beside_the_target_never_copied_in(
    app, bank, signed_in, make_user
):
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
    data = {**_levels(values="3"), "context_profile_id": str(profile.id)}
    assert submit_form(client, url, data).status_code == 302
    target = db.session.scalar(select(TargetProfile))
    assert target.context_profile_id == profile.id
    assert target.levels == {"values": 3}  # nothing copied from the profile's 5 and 4
    comparison = client.get(f"/vacancies/{vacancy.id}/comparison").get_data(as_text=True)
    assert "Margaret Hale&#39;s self-rating (context only)" in comparison
    # A private profile cannot be shown, even by posting its id.
    sneaky = {**_levels(values="3"), "context_profile_id": str(private.id)}
    db.session.refresh(target)
    sneaky["lock_version"] = str(target.lock_version)
    assert submit_form(client, url, sneaky).status_code == 302
    db.session.refresh(target)
    assert target.context_profile_id is None


def test_the_deciding_panel_sets_the_target_and_nobody_else_on_the_panel_side(app, bank, make_user):
    vacancy, stage, chair = _vacancy(app, make_user)
    seated = client_for(app, chair)
    assert seated.get(f"/vacancies/{vacancy.id}/target").status_code == 200
    assert (
        submit_form(seated, f"/vacancies/{vacancy.id}/target", _levels(values="4")).status_code
        == 302
    )
    target = db.session.scalar(select(TargetProfile))
    page = seated.get(f"/vacancies/{vacancy.id}/comparison").get_data(as_text=True)
    assert f"Set by Chair ({stage.name}) on " in page and target.set_by_id == chair.id
    reviewer = client_for(app, make_user(Role.REVIEWER))
    assert reviewer.get(f"/vacancies/{vacancy.id}/target").status_code == 404
    outsider = client_for(app, make_user(Role.PANEL))
    assert outsider.get(f"/vacancies/{vacancy.id}/target").status_code == 404


def test_ranks_and_totals_wait_for_every_weighted_attribute(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.HR)
    # Every attribute weighted, only values and decisions asked about.
    vacancy, stage, _chair = _vacancy(app, make_user, weights=DEFAULT_WEIGHTS)
    page = client.get(f"/vacancies/{vacancy.id}/comparison").get_data(as_text=True)
    assert (
        "Incomplete: Securing buy-in from corporate leaders and politicians not assessed at "
        f"the {stage.name}." in page
    )
    assert "Rank, stages' weights" not in page and "Weighted total" not in page
    assert "Rank with equal weights" not in page  # no ordering by a withheld rank
    header = page.split("<thead")[1].split("</thead>")[0]
    assert header.index("Amara Okafor") < header.index("Tom Reid")  # by reference, C-01 first
    complete = client.get(f"/vacancies/{_vacancy(app, make_user)[0].id}/comparison").get_data(
        as_text=True
    )
    assert "Incomplete" not in complete and "Rank, stages' weights" in complete


def test_panel_members_see_the_comparison_only_for_their_moderated_stages(app, bank, make_user):
    vacancy, _stage, chair = _vacancy(app, make_user, moderated=False)
    seated = client_for(app, chair)
    page = seated.get(f"/vacancies/{vacancy.id}/comparison").get_data(as_text=True)
    assert "nothing to compare yet" in page
    outsider = client_for(app, make_user(Role.PANEL))
    assert outsider.get(f"/vacancies/{vacancy.id}/comparison").status_code == 404


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


def test_both_sides_of_the_evidence_with_red_flags_and_advisory_concerns(
    app, bank, signed_in, make_user
):
    client, _ = signed_in(Role.HR)
    vacancy, stage, _chair = _vacancy(app, make_user)
    amara, tom = vacancy.candidates[0], vacancy.candidates[1]
    youth = make_user(Role.PANEL, name="Jordan Lee")
    advisory = make_issued_stage(
        app,
        vacancy,
        name="Young people's panel",
        stage_type=StageType.STAKEHOLDER_PANEL,
        seats=[(youth, PanelRole.CHAIR)],
        questions=QUESTIONS[:1],
    )
    submit_sheet(advisory, youth, tom, [4])
    db.session.add_all(
        [
            StageModeration(stage_id=advisory.id),
            AdvisoryReport(
                stage_id=advisory.id,
                candidate_id=tom.id,
                strengths="Listened to us",
                concerns="Tom was vague about care leavers",
                traffic_light=TrafficLight.AMBER,
            ),
            CandidateDecision(
                stage_id=stage.id,
                candidate_id=amara.id,
                outcome=Outcome.APPOINTABLE,
                reasons="Strong on values",
                red_flag_discussion="The panel went back over her answer on values together",
            ),
        ]
    )
    db.session.commit()
    url = f"/vacancies/{vacancy.id}/comparison"
    page = client.get(url).get_data(as_text=True)
    # The comparison links to each candidate's evidence, keeping its candidates and order.
    tom_url = f"{url}/candidates/{tom.id}?candidate=C-01&amp;candidate=C-02&amp;sort=rank"
    assert tom_url in page and "Tom was vague about care leavers" not in page
    tom_page = client.get(tom_url.replace("&amp;", "&")).get_data(as_text=True)
    assert f'href="{url}?candidate=C-01&amp;candidate=C-02&amp;sort=rank#evidence"' in tom_page
    # Tom's 3 on values is Sound: evidence in favour; no score of 2 or less, so no concern.
    assert "Evidence for 3 from Chair" in tom_page.split("Main concerns")[1]
    assert "Young people&#39;s panel" in tom_page and "Tom was vague about care leavers" in tom_page
    amara_page = client.get(f"{url}/candidates/{amara.id}").get_data(as_text=True)
    assert (
        "The panel recorded: The panel went back over her answer on values together" in amara_page
    )
    assert "Concerns recorded" in amara_page
    # The advisory report is shown only to a reader who may see the advisory stage.
    chair_client = client_for(app, _chair)
    chair_page = chair_client.get(f"{url}/candidates/{tom.id}").get_data(as_text=True)
    assert "Evidence for 3 from Chair" in chair_page
    assert "Tom was vague about care leavers" not in chair_page


def test_a_shortfall_shows_the_concerns_behind_it(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.HR)
    vacancy, stage, chair = _vacancy(app, make_user)
    member = next(seat.user for seat in stage.seats if seat.user_id != chair.id)
    dana = make_candidate(vacancy, "Dana", "Shaw", status=CandidateStatus.SHORTLISTED)
    submit_sheet(stage, chair, dana, [2, 4])
    submit_sheet(stage, member, dana, [2, 4])
    submit_form(client, f"/vacancies/{vacancy.id}/target", _levels(values="4"))
    page = client.get(f"/vacancies/{vacancy.id}/comparison").get_data(as_text=True)
    dana_line = page.split("<strong>Dana Shaw (C-04)</strong>")[1].split("</li>")[0]
    assert "Values-driven reads as Limited (2.0) against a target of Strong" in dana_line
    assert f"/comparison/candidates/{dana.id}?" in dana_line  # the concerns, a click away
    dana_page = client.get(f"/vacancies/{vacancy.id}/comparison/candidates/{dana.id}")
    below = dana_page.get_data(as_text=True).split('id="below-target"')[1].split("</ul>")[0]
    assert "Values-driven reads as Limited (2.0) against a target of Strong" in below
    assert "Values-driven: Chair, Question 1 (2): Evidence for 2 from Chair" in below
