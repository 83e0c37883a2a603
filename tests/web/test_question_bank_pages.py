"""Browsing, searching and (admin) editing the question bank in the app."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import AuditEvent, Question, QuestionVersion, Role
from tests.support.forms import submit_form


def _result_ids(html: str) -> list[str]:
    return re.findall(r'href="/questions/([a-z0-9-]+)"', html)


def _result_count(html: str) -> int:
    match = re.search(r'id="results-heading"[^>]*>\s*(\d+) question', html)
    assert match, "no result count on the page"
    return int(match.group(1))


@pytest.mark.parametrize("role", list(Role))
def test_every_role_can_browse_the_bank(bank, signed_in, role):
    client, _user = signed_in(role)
    page = client.get("/questions").get_data(as_text=True)
    assert _result_count(page) == len(bank.active_questions())
    assert "Leadership and change driven by values (" in page


def test_bank_needs_sign_in(bank, client):
    assert client.get("/questions").status_code == 302


def test_filter_by_attribute_and_innovation_with_counts(bank, signed_in):
    client, _user = signed_in(Role.PANEL)
    page = client.get(
        "/questions", query_string={"attribute": "values", "innovation": "no_wrong_door"}
    ).get_data(as_text=True)
    expected = bank.questions_for(attribute="values", innovation="no_wrong_door")
    assert _result_count(page) == len(expected)
    assert set(_result_ids(page)) >= {question.id for question in expected}
    values_total = len(bank.questions_for(attribute="values", innovation="no_wrong_door"))
    assert f"Leadership and change driven by values ({values_total})" in page


def test_free_text_search_finds_words_anywhere_in_the_question(bank, signed_in):
    client, _user = signed_in(Role.HR)
    page = client.get("/questions", query_string={"q": "group case supervision"}).get_data(
        as_text=True
    )
    ids = set(_result_ids(page))
    assert "values-fs-compliance-language-01" in ids
    assert all(
        "supervision"
        in " ".join(
            [
                q.question,
                *q.probes,
                *q.positive_indicators,
                *(n.text for n in q.negative_indicators),
            ]
        ).lower()
        for q in bank.questions
        if q.id in ids
    )


def test_young_people_audience_shows_only_questions_with_a_plain_english_version(bank, signed_in):
    client, _user = signed_in(Role.PANEL)
    page = client.get("/questions", query_string={"audience": "young_people"}).get_data(
        as_text=True
    )
    with_variant = [q for q in bank.active_questions() if q.young_people_variant]
    assert _result_count(page) == len(with_variant) >= 15


def test_role_level_and_behaviour_filters(bank, signed_in):
    client, _user = signed_in(Role.PANEL)
    page = client.get(
        "/questions",
        query_string={"role_level": "team_manager", "behaviour": "own-risk-at-the-top"},
    ).get_data(as_text=True)
    expected = bank.questions_for(role_level="team_manager", behaviour="own-risk-at-the-top")
    assert _result_count(page) == len(expected) > 0


def test_hostile_search_text_is_escaped_and_harmless(bank, signed_in):
    client, _user = signed_in(Role.PANEL)
    response = client.get(
        "/questions", query_string={"q": "<script>alert(1)</script>", "attribute": "not-a-key"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert _result_count(page) == 0


def test_question_page_shows_probes_indicators_and_descriptors(bank, signed_in):
    client, _user = signed_in(Role.PANEL)
    question = bank.question("decisions-own-risk-01")
    page = client.get("/questions/decisions-own-risk-01").get_data(as_text=True)
    from markupsafe import escape

    for text in [
        question.question,
        *question.probes,
        *question.positive_indicators,
        *(n.text for n in question.negative_indicators),
        *question.descriptors.values(),
    ]:
        assert str(escape(text)) in page
    assert "Decisive" in page
    assert "History" not in page  # panel members do not see the edit history


def test_unknown_question_is_404(bank, signed_in):
    client, _user = signed_in(Role.PANEL)
    assert client.get("/questions/no-such-question-01").status_code == 404


def test_attributes_page_lists_behaviours_and_scales(bank, signed_in):
    client, _user = signed_in(Role.REVIEWER)
    page = client.get("/attributes").get_data(as_text=True)
    for attribute in bank.attributes:
        assert attribute.name in page
        for behaviour in attribute.behaviours:
            assert behaviour.name.replace("'", "&#39;") in page


@pytest.mark.parametrize("role", [Role.HR, Role.PANEL, Role.REVIEWER])
@pytest.mark.parametrize(
    "path",
    [
        "/questions/new",
        "/questions/decisions-own-risk-01/edit",
        "/questions/decisions-own-risk-01/retire",
    ],
)
def test_only_admins_edit(bank, signed_in, role, path):
    client, _user = signed_in(role)
    assert client.get(path).status_code == 403
    assert client.post(path, data={}).status_code in (400, 403)


def _edit_data(bank, question_id: str, **changes: object) -> dict[str, object]:
    from recruit.domain.question_bank.editing import form_fields_from_content

    fields = form_fields_from_content(bank.question(question_id).to_dict())
    row = db.session.get(Question, question_id)
    data = {**fields, "lock_version": row.lock_version, "change_note": "Sharper wording", **changes}
    return {
        key: value
        for key, value in data.items()
        if value is not None and key not in ("id", "status")
    }


def test_admin_edit_creates_a_new_version_and_keeps_the_old_text(bank, signed_in):
    client, _admin = signed_in(Role.ADMIN)
    original = bank.question("decisions-own-risk-01").question
    data = _edit_data(
        bank,
        "decisions-own-risk-01",
        question="Tell us about a time you shared the weight of a hard safety decision.",
    )
    response = submit_form(client, "/questions/decisions-own-risk-01/edit", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    versions = db.session.scalars(
        select(QuestionVersion)
        .where(QuestionVersion.question_id == "decisions-own-risk-01")
        .order_by(QuestionVersion.number)
    ).all()
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].content["question"] == original
    assert versions[1].content["question"].startswith("Tell us about a time you shared")
    assert versions[1].change_note == "Sharper wording"
    page = client.get("/questions/decisions-own-risk-01").get_data(as_text=True)
    assert "Tell us about a time you shared the weight" in page and "Version 2" in page
    old = client.get("/questions/decisions-own-risk-01/versions/1").get_data(as_text=True)
    assert "This is an earlier version" in old
    assert db.session.scalar(
        select(AuditEvent.action).where(AuditEvent.action == "question.edited")
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"probes": "Only one probe"}, "Enter at least 2 follow-up probes, one per line"),
        ({"positive_indicators": "one\ntwo"}, "Enter at least 3 positive indicators"),
        ({"decisive_negative_indicators": ""}, "Enter at least 1 decisive negative indicator"),
        ({"descriptor_4": ""}, "Describe an answer that scores 4"),
        ({"behaviours": ["storytelling"]}, "storytelling"),
        ({"innovations": ["any", "family_valued"]}, "not both"),
        ({"minutes": "ten"}, "Enter the suggested minutes as a number"),
        ({"change_note": ""}, "Say what changed and why"),
        ({"question": ""}, "Enter the question"),
    ],
)
def test_bad_edits_are_refused_with_a_message_and_keep_the_text(bank, signed_in, changes, message):
    client, _admin = signed_in(Role.ADMIN)
    data = _edit_data(bank, "decisions-own-risk-01", probes="First probe\nSecond probe")
    data["question"] = "My carefully written new wording"
    data.update(changes)
    response = submit_form(client, "/questions/decisions-own-risk-01/edit", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "govuk-error-summary" in page and message in page
    if changes.get("question") != "":
        assert "My carefully written new wording" in page
    assert db.session.get(Question, "decisions-own-risk-01").current_version_number == 1


def test_concurrent_edit_gives_a_conflict_message_and_keeps_the_text(bank, signed_in, make_user):
    client, _admin = signed_in(Role.ADMIN)
    data = _edit_data(bank, "decisions-own-risk-01", question="My version of the question")
    row = db.session.get(Question, "decisions-own-risk-01")
    row.status = row.status  # someone else saves meanwhile:
    row.updated_at = row.updated_at.replace(
        microsecond=(row.updated_at.microsecond + 1) % 1_000_000
    )
    db.session.commit()
    response = submit_form(client, "/questions/decisions-own-risk-01/edit", data)
    page = response.get_data(as_text=True)
    assert "Someone else saved version" in page
    assert "My version of the question" in page
    assert db.session.get(Question, "decisions-own-risk-01").current_version_number == 1


def test_admin_adds_a_question_with_a_generated_stable_id(bank, signed_in):
    client, _admin = signed_in(Role.ADMIN)
    data = _edit_data(
        bank,
        "decisions-own-risk-01",
        question="Describe how you brought a family's view into a risk decision.",
        change_note="New question from the panel chairs' workshop",
    )
    response = submit_form(client, "/questions/new", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    new_id = response.headers["Location"].rsplit("/", 1)[1]
    assert re.fullmatch(r"decisions-[a-z0-9-]+-\d\d", new_id)
    assert (
        db.session.get(Question, new_id)
        .current.content["question"]
        .startswith("Describe how you brought")
    )


def test_retire_and_reinstate_keep_history(bank, signed_in):
    client, _admin = signed_in(Role.ADMIN)
    response = submit_form(
        client,
        "/questions/decisions-own-risk-01/retire",
        {"reason": "Replaced by a sharper question"},
    )
    assert response.status_code == 302
    row = db.session.get(Question, "decisions-own-risk-01")
    assert row.status == "retired" and row.current_version_number == 2
    listing = client.get("/questions").get_data(as_text=True)
    assert "decisions-own-risk-01" not in _result_ids(listing)
    with_retired = client.get("/questions", query_string={"status": "retired"}).get_data(
        as_text=True
    )
    assert "decisions-own-risk-01" in _result_ids(with_retired)
    submit_form(client, "/questions/decisions-own-risk-01/reinstate", {"reason": "Still needed"})
    assert db.session.get(Question, "decisions-own-risk-01").status == "active"


def test_retiring_the_last_question_for_a_behaviour_is_refused(bank, signed_in):
    client, _admin = signed_in(Role.ADMIN)
    behaviour = "storytelling"
    evidencing = [q for q in bank.active_questions() if behaviour in q.behaviours]
    for question in evidencing[:-1]:
        assert (
            submit_form(
                client, f"/questions/{question.id}/retire", {"reason": "Testing coverage"}
            ).status_code
            == 302
        )
    last = evidencing[-1]
    response = submit_form(client, f"/questions/{last.id}/retire", {"reason": "Testing coverage"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert behaviour in page
    assert db.session.get(Question, last.id).status == "active"


def test_home_page_shows_the_question_bank_card_once_loaded(app, signed_in):
    client, _user = signed_in(Role.ADMIN)
    assert "Question bank" not in client.get("/").get_data(as_text=True).split("<main")[1]
    from tests.conftest import _load_real_bank

    _load_real_bank(app)
    page = client.get("/").get_data(as_text=True)
    assert "109 active value-fit questions" in page
    assert 'href="/questions/new"' in page
