"""360 feedback through the real pages: the differencing attack from the security probe
fails, no page names who was asked, the colleague picker offers only colleagues who may be
asked, and sent feedback cannot be changed."""

from __future__ import annotations

import re
from html import unescape

from sqlalchemy import func, select

from recruit.extensions import db
from recruit.models import FeedbackRequest, LeadershipProfile, Role
from recruit.profiles.queries import ASKABLE_ROLES, READERS_OF_SHARED
from tests.support.forms import csrf_token_from, submit_form
from tests.support.panel_web import client_for

KEYS = ["values", "decisions", "practice-culture", "partnerships", "buy-in"]
ROW = re.compile(r'<th scope="row" class="govuk-table__header">(.*?)</th>(.*?)</tr>', re.DOTALL)
CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.DOTALL)


def _figures(page: str) -> dict[str, str]:
    """Attribute name -> the colleagues' mean the ratings table shows (empty when hidden)."""
    found = {}
    for name, rest in ROW.findall(page):
        cells = [unescape(cell).strip() for cell in CELL.findall(rest)]
        found[unescape(name).strip()] = cells[1] if len(cells) > 2 else ""
    return found


def _requests_count() -> int:
    return db.session.scalar(select(func.count()).select_from(FeedbackRequest)) or 0


def _send(app, colleague, request_id, ratings):  # type: ignore[no-untyped-def]
    client = client_for(app, colleague)
    url = f"/feedback/{request_id}"
    page = client.get(url).get_data(as_text=True)
    data = {"csrf_token": csrf_token_from(page)}
    data.update({f"rating_{key}": value for key, value in ratings.items()})
    return client.post(url, data=data)


def test_the_figures_move_only_in_blocks_of_three_and_no_colleague_is_named(
    app, bank, signed_in, make_user
):
    client, owner = signed_in(Role.PANEL)
    profile = LeadershipProfile(owner_id=owner.id, title="My leadership", ratings={"values": 4})
    db.session.add(profile)
    db.session.commit()
    colleagues = [make_user(Role.PANEL, name=f"Quillon Zebedee {n}") for n in range(6)]
    secrets = [c.full_name for c in colleagues] + [c.email for c in colleagues]
    pages = [f"/profiles/{profile.id}", f"/profiles/{profile.id}/feedback", "/profiles"]
    for asked, colleague in enumerate(colleagues, 1):
        response = submit_form(
            client,
            f"/profiles/{profile.id}/feedback",
            {"colleague_id": str(colleague.id)},
            follow_redirects=True,
        )
        assert "Your colleague has been asked for feedback." in response.get_data(as_text=True)
        for earlier in colleagues[:asked]:  # asked: never named again on the owner's pages
            for url in pages:
                text = client.get(url).get_data(as_text=True)
                assert earlier.full_name not in text and earlier.email not in text
    ids = db.session.scalars(select(FeedbackRequest.id).order_by(FeedbackRequest.id)).all()
    names = {attribute.key: attribute.name for attribute in bank.attributes}
    # values: 2, 2, 5, then 5, 5, 5. Shown one by one, 4 × 3.5 − 3 × 3.0 would give the
    # 4th colleague's 5. decisions: the 4th cannot say, so the 6th completes only 5 ratings.
    values = ["2", "2", "5", "5", "5", "5"]
    decisions = ["3", "3", "3", "none", "4", "4"]
    seen = []
    for n, (colleague, request_id) in enumerate(zip(colleagues, ids, strict=True)):
        ratings = {**dict.fromkeys(KEYS, "3"), "values": values[n], "decisions": decisions[n]}
        assert _send(app, colleague, request_id, ratings).status_code == 302
        page = client.get(f"/profiles/{profile.id}").get_data(as_text=True)
        chart = client.get(f"/profiles/{profile.id}/chart.png").data
        seen.append((_figures(page), chart, page))
    after = {n + 1: figures for n, (figures, _, _) in enumerate(seen)}
    assert after[3][names["values"]] == "3.0" and after[3][names["decisions"]] == "3.0"
    assert after[4] == after[5] == after[3]
    assert seen[3][1] == seen[4][1] == seen[2][1]  # the radar chart too, byte for byte
    assert after[6][names["values"]] == "4.0"  # (2 + 2 + 5 + 5 + 5 + 5) / 6
    assert after[6][names["decisions"]] == "3.0"  # 5 ratings: still only the first 3
    assert "The figures are based on the first 3 responses." in seen[4][2]
    assert "The figures will next update when 1 more colleague has responded." in seen[4][2]
    assert "6 colleagues have been asked and 6 have responded." in seen[5][2]
    assert "The figures are based on the first 6 responses." in seen[5][2]
    for url in pages:
        text = client.get(url).get_data(as_text=True)
        assert not any(secret in text for secret in secrets), url


def test_the_picker_offers_only_enabled_panel_colleagues_by_name(app, bank, signed_in, make_user):
    client, owner = signed_in(Role.PANEL)
    profile = LeadershipProfile(owner_id=owner.id, title="My leadership")
    db.session.add(profile)
    db.session.commit()
    allowed = make_user(Role.PANEL, name="Allowed Colleague")
    refused = [make_user(role, name=f"Refused {role.value}") for role in READERS_OF_SHARED]
    disabled = make_user(Role.PANEL, name="Disabled Colleague")
    disabled.is_enabled = False
    db.session.commit()
    page = client.get(f"/profiles/{profile.id}/feedback").get_data(as_text=True)
    options = re.findall(r"<option[^>]*>(.*?)</option>", page)
    assert options == ["Choose a colleague", "Allowed Colleague"]
    for person in [*refused, disabled, owner, allowed]:
        assert person.email not in page


def test_two_colleagues_with_one_name_are_told_apart_by_email(app, bank, signed_in, make_user):
    client, owner = signed_in(Role.PANEL)
    profile = LeadershipProfile(owner_id=owner.id, title="My leadership")
    db.session.add(profile)
    db.session.commit()
    first, second = make_user(name="Sam Jones"), make_user(name="Sam Jones")
    make_user(name="Ali Khan")
    page = client.get(f"/profiles/{profile.id}/feedback").get_data(as_text=True)
    options = re.findall(r"<option[^>]*>(.*?)</option>", page)
    assert options[1] == "Ali Khan"
    assert sorted(options[2:]) == sorted(
        [f"Sam Jones ({first.email})", f"Sam Jones ({second.email})"]
    )


def test_a_posted_colleague_outside_the_list_is_refused_and_nothing_is_created(
    app, bank, signed_in, make_user
):
    client, owner = signed_in(Role.PANEL)
    profile = LeadershipProfile(owner_id=owner.id, title="My leadership")
    db.session.add(profile)
    already = make_user(Role.PANEL, name="Already Asked")
    db.session.flush()
    profile.feedback_requests.append(FeedbackRequest(colleague_id=already.id))
    disabled = make_user(Role.PANEL, name="Disabled Colleague")
    disabled.is_enabled = False
    db.session.commit()
    outside = [make_user(role).id for role in READERS_OF_SHARED]
    before = _requests_count()
    for posted in [*map(str, outside), str(disabled.id), str(owner.id), str(already.id),
                   "999999", "-1", "abc", "1 OR 1=1"]:  # fmt: skip
        response = submit_form(client, f"/profiles/{profile.id}/feedback", {"colleague_id": posted})
        page = response.get_data(as_text=True)
        assert response.status_code == 200, posted
        assert "govuk-error-summary" in page and "Choose a colleague from the list" in page
    response = submit_form(client, f"/profiles/{profile.id}/feedback", {"colleague_id": ""})
    assert "Choose a colleague to ask" in response.get_data(as_text=True)
    assert _requests_count() == before


def test_askable_roles_never_include_a_reader_of_shared_profiles():
    assert ASKABLE_ROLES and not set(ASKABLE_ROLES) & set(READERS_OF_SHARED)


def test_sent_feedback_cannot_be_changed(app, bank, make_user):
    owner, colleague = make_user(Role.PANEL), make_user(Role.PANEL)
    profile = LeadershipProfile(owner_id=owner.id, title="My leadership")
    profile.feedback_requests.append(FeedbackRequest(colleague_id=colleague.id))
    db.session.add(profile)
    db.session.commit()
    request_id = profile.feedback_requests[0].id
    first = {**dict.fromkeys(KEYS, "4"), "buy-in": "none"}
    assert _send(app, colleague, request_id, first).status_code == 302
    sent = db.session.get(FeedbackRequest, request_id)
    kept = (dict(sent.ratings), sent.responded_at)
    response = _send(app, colleague, request_id, dict.fromkeys(KEYS, "1"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Your feedback was not changed" in page and "I cannot say" in page
    db.session.expire_all()
    sent = db.session.get(FeedbackRequest, request_id)
    assert (sent.ratings, sent.responded_at) == kept
    assert kept[0] == {"values": 4, "decisions": 4, "practice-culture": 4, "partnerships": 4}
