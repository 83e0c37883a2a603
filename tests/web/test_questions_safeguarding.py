"""Safeguarding questions in the app: the tag and warning signs on the page, search, editing."""

from __future__ import annotations

import re

from recruit.extensions import db
from recruit.models import Question, Role
from tests.support.forms import submit_form

SAFEGUARDING_ID = "values-safeguarding-whistleblowing-colleague-01"
PLAIN_ID = "decisions-own-risk-01"


def _edit_data(bank, question_id: str, **changes: object) -> dict[str, object]:
    from recruit.domain.question_bank.editing import form_fields_from_content

    fields = form_fields_from_content(bank.question(question_id).to_dict())
    row = db.session.get(Question, question_id)
    data = {**fields, "lock_version": row.lock_version, "change_note": "Warning signs", **changes}
    return {k: v for k, v in data.items() if v is not None and k not in ("id", "status")}


def test_question_page_shows_the_tag_and_the_warning_signs(bank, signed_in):
    client, _user = signed_in(Role.PANEL)
    page = client.get(f"/questions/{SAFEGUARDING_ID}").get_data(as_text=True)
    assert re.search(r'class="govuk-tag govuk-tag--orange">Safeguarding<', page)
    assert '<h2 class="govuk-heading-m">Warning signs</h2>' in page
    for sign in bank.question(SAFEGUARDING_ID).warning_signs:
        assert f"<li>{sign}</li>" in page.replace("&#39;", "'")


def test_a_question_without_warning_signs_shows_no_such_section(bank, signed_in):
    client, _user = signed_in(Role.PANEL)
    page = client.get(f"/questions/{PLAIN_ID}").get_data(as_text=True)
    assert "Warning signs" not in page and ">Safeguarding<" not in page


def test_search_filters_by_the_safeguarding_tag(bank, signed_in):
    client, _user = signed_in(Role.PANEL)
    page = client.get("/questions", query_string={"tag": "safeguarding"}).get_data(as_text=True)
    ids = set(re.findall(r'href="/questions/([a-z0-9-]+)"', page))
    expected = {q.id for q in bank.active_questions() if "safeguarding" in q.tags}
    assert expected <= ids and PLAIN_ID not in ids
    assert f"Safeguarding ({len(expected)})" in page


def test_edit_form_round_trips_tags_and_warning_signs(bank, signed_in):
    client, _admin = signed_in(Role.ADMIN)
    form = client.get(f"/questions/{SAFEGUARDING_ID}/edit").get_data(as_text=True)
    assert re.search(r'<textarea[^>]*name="tags"[^>]*>\s*safeguarding</textarea>', form)
    first_sign = bank.question(SAFEGUARDING_ID).warning_signs[0]
    assert first_sign in form

    signs = "Talks of handling concerns quietly\nSees speaking up as disloyal\nNew sign"
    data = _edit_data(bank, SAFEGUARDING_ID, warning_signs=signs)
    response = submit_form(client, f"/questions/{SAFEGUARDING_ID}/edit", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    row = db.session.get(Question, SAFEGUARDING_ID)
    assert row.current_version_number == 2
    content = row.current.content
    assert content["tags"] == ["safeguarding"]
    assert content["warning_signs"] == signs.splitlines()
    page = client.get(f"/questions/{SAFEGUARDING_ID}").get_data(as_text=True)
    assert "<li>New sign</li>" in page


def test_tagging_a_question_in_the_app_needs_warning_signs(bank, signed_in):
    client, _admin = signed_in(Role.ADMIN)
    data = _edit_data(bank, PLAIN_ID, tags="safeguarding", warning_signs="Only one")
    response = submit_form(client, f"/questions/{PLAIN_ID}/edit", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert (
        "Enter at least 2 warning signs, one per line, for a question tagged safeguarding" in page
    )
    assert db.session.get(Question, PLAIN_ID).current_version_number == 1

    data = _edit_data(bank, PLAIN_ID, tags="safeguarding", warning_signs="First\nSecond")
    assert submit_form(client, f"/questions/{PLAIN_ID}/edit", data).status_code == 302
    assert db.session.get(Question, PLAIN_ID).current.content["tags"] == ["safeguarding"]


def test_an_unknown_tag_is_refused_with_a_govuk_error(bank, signed_in):
    client, _admin = signed_in(Role.ADMIN)
    data = _edit_data(bank, SAFEGUARDING_ID, tags="safegarding")
    response = submit_form(client, f"/questions/{SAFEGUARDING_ID}/edit", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "govuk-error-summary" in page and 'href="#tags"' in page
    assert re.search(r'id="tags-error" class="govuk-error-message"', page)
    assert "‘safegarding’ is not a known tag: use safeguarding" in page
    assert db.session.get(Question, SAFEGUARDING_ID).current_version_number == 1
