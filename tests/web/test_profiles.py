"""Leadership profiles: the workbook, privacy and sharing, and 360 feedback's threshold.
Differencing and the colleague picker: test_profiles_360_privacy.py."""

from __future__ import annotations

from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, FeedbackRequest, LeadershipProfile, Role
from tests.support.forms import csrf_token_from, submit_form
from tests.support.panel_web import client_for

KEYS = ["values", "decisions", "practice-culture", "partnerships", "buy-in"]


def _profile(owner, ratings=None, shared=False):  # type: ignore[no-untyped-def]
    from recruit.models._types import utcnow

    profile = LeadershipProfile(
        owner_id=owner.id,
        title="My leadership",
        ratings=ratings or {},
        reflections={"values": ["A private reflection about my father"]},
        shared_at=utcnow() if shared else None,
    )
    db.session.add(profile)
    db.session.commit()
    return profile


def test_workbook_walks_the_five_attributes_and_builds_the_profile(app, bank, signed_in):
    client, user = signed_in(Role.PANEL)
    response = submit_form(client, "/profiles/new", {"title": "My leadership, 2026"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/values")
    profile = db.session.scalar(select(LeadershipProfile))
    url = response.headers["Location"]
    page = client.get(url).get_data(as_text=True)
    assert "how far are you able to live out and honour your values" in page
    assert "A leader rating themselves 5 might say" in page  # what a 5 sounds like
    for number, key in enumerate(KEYS, 1):
        url = f"/profiles/{profile.id}/attributes/{key}"
        page = client.get(url).get_data(as_text=True)
        version = page.split('name="lock_version"')[1].split('value="')[1].split('"')[0]
        response = client.post(
            url,
            data={
                "csrf_token": csrf_token_from(page),
                "lock_version": version,
                "rating": str(min(number + 1, 5)),
                "reflection_0": f"Reflection on {key}",
            },
        )
        assert response.status_code == 302
    db.session.expire_all()
    profile = db.session.get(LeadershipProfile, profile.id)
    assert profile.ratings == {"values": 2, "decisions": 3, "practice-culture": 4,
                               "partnerships": 5, "buy-in": 5}  # fmt: skip
    assert profile.reflections["buy-in"][0] == "Reflection on buy-in"
    page = client.get(f"/profiles/{profile.id}").get_data(as_text=True)
    assert "highest on" in page and "Values-driven" in page
    assert client.get(f"/profiles/{profile.id}/chart.png").data.startswith(b"\x89PNG")


def test_a_rating_is_required_and_the_answers_are_kept(app, bank, signed_in):
    client, user = signed_in(Role.PANEL)
    profile = _profile(user)
    url = f"/profiles/{profile.id}/attributes/decisions"
    response = submit_form(client, url, {"reflection_0": "Half a thought"})
    page = response.get_data(as_text=True)
    assert "Choose a rating from 1 to 5" in page and "Half a thought" in page


def test_a_private_profile_is_404_to_everyone_else(app, bank, make_user):
    owner = make_user(Role.PANEL)
    profile = _profile(owner, {"values": 4})
    for role in Role:
        other = client_for(app, make_user(role))
        assert other.get(f"/profiles/{profile.id}").status_code == 404
        assert other.get(f"/profiles/{profile.id}/chart.png").status_code == 404


def test_a_shared_profile_shows_ratings_to_hr_and_reviewers_but_never_reflections(
    app, bank, make_user
):
    owner = make_user(Role.PANEL, name="Margaret Hale")
    profile = _profile(owner, {"values": 5, "buy-in": 3}, shared=True)
    reviewer = client_for(app, make_user(Role.REVIEWER))
    page = reviewer.get(f"/profiles/{profile.id}").get_data(as_text=True)
    assert "Margaret Hale" in page and "private reflection" not in page
    assert "Margaret Hale" in reviewer.get("/profiles").get_data(as_text=True)
    panel = client_for(app, make_user(Role.PANEL))
    assert panel.get(f"/profiles/{profile.id}").status_code == 404
    # only the owner may change or unshare it
    assert reviewer.get(f"/profiles/{profile.id}/attributes/values").status_code == 404


def test_sharing_and_unsharing_is_the_owners_choice_and_audited(app, bank, signed_in):
    client, user = signed_in(Role.PANEL)
    profile = _profile(user)
    page = client.get(f"/profiles/{profile.id}").get_data(as_text=True)
    client.post(f"/profiles/{profile.id}/share", data={"csrf_token": csrf_token_from(page)})
    assert db.session.get(LeadershipProfile, profile.id).is_shared
    client.post(f"/profiles/{profile.id}/share", data={"csrf_token": csrf_token_from(page)})
    db.session.expire_all()
    assert not db.session.get(LeadershipProfile, profile.id).is_shared
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "profile.shared" in actions and "profile.unshared" in actions


def _give(app, colleague, feedback_request, ratings):  # type: ignore[no-untyped-def]
    client = client_for(app, colleague)
    url = f"/feedback/{feedback_request.id}"
    page = client.get(url).get_data(as_text=True)
    data = {"csrf_token": csrf_token_from(page)}
    data.update({f"rating_{key}": value for key, value in ratings.items()})
    return client.post(url, data=data)


def test_360_results_show_only_from_three_responses(app, bank, signed_in, make_user):
    client, owner = signed_in(Role.PANEL)
    profile = _profile(owner, {"values": 5})
    colleagues = [make_user(Role.PANEL, name=f"Colleague {n}") for n in range(3)]
    for colleague in colleagues:
        response = submit_form(
            client, f"/profiles/{profile.id}/feedback", {"colleague_id": str(colleague.id)}
        )
        assert response.status_code == 302
    requests = db.session.scalars(select(FeedbackRequest)).all()
    everything = dict.fromkeys(KEYS, "3")
    for colleague, request in zip(colleagues[:2], requests[:2], strict=True):
        assert _give(app, colleague, request, {**everything, "values": "2"}).status_code == 302
    page = client.get(f"/profiles/{profile.id}").get_data(as_text=True)
    assert "Colleagues (mean)" not in page
    assert "3 colleagues have been asked and 2 have responded." in page
    assert "They will show when 1 more colleague has responded." in page
    _give(app, colleagues[2], requests[2], {**everything, "values": "5"})
    page = client.get(f"/profiles/{profile.id}").get_data(as_text=True)
    assert "Colleagues (mean)" in page and "3.0" in page  # (2 + 2 + 5) / 3


def test_a_feedback_request_is_404_to_anyone_but_its_colleague(app, bank, make_user):
    owner, colleague = make_user(Role.PANEL), make_user(Role.PANEL)
    profile = _profile(owner)
    profile.feedback_requests.append(FeedbackRequest(colleague_id=colleague.id))
    db.session.commit()
    request_id = profile.feedback_requests[0].id
    assert client_for(app, owner).get(f"/feedback/{request_id}").status_code == 404
    assert client_for(app, colleague).get(f"/feedback/{request_id}").status_code == 200


def test_feedback_needs_an_answer_for_every_attribute(app, bank, make_user):
    owner, colleague = make_user(Role.PANEL), make_user(Role.PANEL)
    profile = _profile(owner)
    profile.feedback_requests.append(FeedbackRequest(colleague_id=colleague.id))
    db.session.commit()
    response = _give(app, colleague, profile.feedback_requests[0], {"values": "4"})
    assert "or I cannot say" in response.get_data(as_text=True)


def test_deleting_a_profile_asks_first(app, bank, signed_in):
    client, user = signed_in(Role.PANEL)
    profile = _profile(user)
    page = client.get(f"/profiles/{profile.id}/delete").get_data(as_text=True)
    assert "Are you sure" in page
    client.post(f"/profiles/{profile.id}/delete", data={"csrf_token": csrf_token_from(page)})
    assert db.session.scalar(select(LeadershipProfile)) is None


def test_a_reader_of_a_shared_profile_reads_it_in_the_third_person(app, bank, make_user):
    owner = make_user(Role.PANEL, name="Margaret Hale")
    profile = _profile(owner, {"values": 5, "buy-in": 3}, shared=True)
    page = client_for(app, make_user(Role.HR)).get(f"/profiles/{profile.id}")
    text = page.get_data(as_text=True)
    assert "Margaret Hale rated themself highest" in text and "You rated" not in text
