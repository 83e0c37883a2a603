"""Hostile text into every other form, query string and path segment (issue #8 item 3).

test_fuzz_forms.py covers the vacancy, candidate, score sheet and profile forms; this file
covers the rest, and a test lists every POST endpoint in app.url_map so that a new form is
either fuzzed or excluded here with a reason. Each test builds its scene once, then lets
Hypothesis send text into every field: never a 500, never an unescaped script in the page
that answers or in the pages that show the stored text, errors with the GOV.UK summary.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import select

from recruit.accounts import invite_panel_member
from recruit.extensions import db
from recruit.models import (
    CandidateStatus,
    ExecutiveObjection,
    FeedbackRequest,
    LeadershipProfile,
    PanelRole,
    Role,
    Score,
    ScoreSheet,
    SheetStatus,
    Stage,
    StageModeration,
    StageType,
    User,
    Vacancy,
)
from recruit.models._types import utcnow
from recruit.stages.plan import issue_plan
from tests.support.factories import make_candidate, make_stage, make_vacancy, submit_sheet
from tests.support.hostile_text import (
    FEW,
    FUZZ,
    HOSTILE,
    PAYLOADS,
    SCRIPT_PAYLOAD,
    assert_safe_page,
    fitting,
    post_form,
)
from tests.support.panel_web import client_for
from tests.web import test_fuzz_forms
from tests.web import test_fuzz_safer_recruitment as safer_recruitment

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]
ATTRIBUTES = ["values", "decisions", "practice-culture", "partnerships", "buy-in"]

# POST endpoint -> the test that fuzzes it (here or in test_fuzz_forms.py).
FUZZED = {
    "checks.record": "test_check_form",
    "references.add": "test_reference_form",
    "references.record": "test_reference_form",
    "shortlisting.add_point": "test_shortlisting_forms",
    "shortlisting.change_point": "test_shortlisting_forms",
    "shortlisting.decide": "test_shortlisting_forms",
    "auth.login": "test_sign_in",
    "auth.change_password": "test_change_password",
    "admin.create_user": "test_admin_user_forms",
    "admin.edit_user": "test_admin_user_forms",
    "admin.reset_password": "test_admin_user_forms",
    "people.invite": "test_people_forms",
    "people.new_link": "test_people_forms",
    "people.withdraw": "test_people_forms",
    "auth.set_password": "test_people_forms",
    "questions.create": "test_question_forms",
    "questions.edit": "test_question_forms",
    "questions.retire": "test_question_forms",
    "questions.reinstate": "test_question_forms",
    "vacancies.create": "test_vacancy_form",
    "vacancies.edit": "test_vacancy_edit_and_advert_forms",
    "vacancies.person_spec": "test_person_spec_forms",
    "vacancies.person_spec_standard": "test_person_spec_forms",
    "vacancies.person_spec_remove": "test_person_spec_forms",
    "adverts.start": "test_vacancy_edit_and_advert_forms",
    "adverts.edit_section": "test_vacancy_edit_and_advert_forms",
    "adverts.self_assessment": "test_vacancy_edit_and_advert_forms",
    "adverts.mark_ready": "test_vacancy_edit_and_advert_forms",
    "stages.create": "test_stage_forms",
    "stages.edit": "test_stage_forms",
    "stages.add_seat": "test_stage_forms",
    "stages.remove_seat": "test_stage_forms",
    "stages.stand_down_seat": "test_stage_forms",
    "stages.move": "test_stage_forms",
    "stages.add_to_plan": "test_plan_forms",
    "stages.add_exercise": "test_plan_forms",
    "stages.remove_activity": "test_plan_forms",
    "stages.change_item": "test_plan_forms",
    "stages.save_minutes": "test_plan_forms",
    "stages.save_weights": "test_plan_forms",
    "stages.issue": "test_plan_forms",
    "stages.withdraw": "test_plan_forms",
    "candidates.create": "test_candidate_form",
    "candidates.edit": "test_candidate_edit_and_anonymise",
    "candidates.anonymise": "test_candidate_edit_and_anonymise",
    "candidates.import_upload": "test_candidate_import_with_hostile_files",
    "candidates.import_confirm": "test_candidate_import_with_hostile_files",
    "candidates.equality_import": "test_equality_forms",
    "candidates.equality_answers": "test_equality_forms",
    "interviews.declare_conflict": "test_panel_member_forms",
    "scoring.score_sheet": "test_score_sheet_evidence",
    "scoring.check_scores": "test_panel_member_forms",
    "scoring.amend_score": "test_panel_member_forms",
    "moderation.open_moderation": "test_moderation_forms",
    "moderation.close_scoring": "test_moderation_forms",
    "moderation.candidate": "test_moderation_forms",
    "moderation.advisory_report": "test_advisory_report_form",
    "moderation.close_moderation": "test_moderation_forms",
    "moderation.reopen_moderation": "test_moderation_forms",
    "comparisons.target": "test_target_profile_form",
    "decisions.record": "test_decision_forms",
    "decisions.confirm": "test_decision_forms",
    "decisions.notice": "test_decision_forms",
    "decisions.objection": "test_decision_forms",
    "decisions.ruling": "test_decision_forms",
    "decisions.offer": "test_decision_forms",
    "profiles.create": "test_profile_workbook",
    "profiles.workbook": "test_profile_workbook",
    "profiles.share": "test_profile_forms",
    "profiles.delete": "test_profile_forms",
    "profiles.request_feedback": "test_profile_forms",
    "profiles.give_feedback": "test_profile_forms",
}
# Deliberately not fuzzed: a POST that takes no input at all beyond the CSRF token.
EXCLUDED = {
    "auth.logout",  # signs out whatever is sent; test_auth.py covers it and its CSRF check
}


def test_every_post_endpoint_is_fuzzed_or_excluded(app):
    posts = {rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods}
    missing = posts - FUZZED.keys() - EXCLUDED
    assert not missing, f"fuzz these POST endpoints or exclude them with a reason: {missing}"
    assert not (FUZZED.keys() | EXCLUDED) - posts, "names an endpoint that no longer exists"
    for endpoint, test_name in FUZZED.items():
        found = [globals().get(test_name)] + [
            getattr(module, test_name, None) for module in (test_fuzz_forms, safer_recruitment)
        ]
        assert any(callable(test) for test in found), f"{endpoint}: no test called {test_name}"


@dataclass
class Scene:
    hr: User
    chair: User
    member: User
    vacancy_id: int
    amara_id: int
    tom_id: int
    moderated_id: int  # stage with moderation open: both sheets for Amara submitted
    scoring_id: int  # stage still scoring: Amara submitted, Tom a complete draft


def _scene(app, make_user) -> Scene:  # type: ignore[no-untyped-def]
    hr = make_user(Role.HR, name="Harriet HR")
    chair, member = make_user(Role.PANEL, name="Chair"), make_user(Role.PANEL, name="Member")
    vacancy = make_vacancy(hr, with_advert=True)
    amara = make_candidate(vacancy, "Amara", "Okafor", status=CandidateStatus.SHORTLISTED)
    tom = make_candidate(vacancy, "Tom", "Reid", status=CandidateStatus.SHORTLISTED)
    seats = [(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)]
    moderated = make_stage(vacancy, seats=seats, questions=QUESTIONS)
    scoring = make_stage(vacancy, name="Stakeholder panel", seats=seats, questions=QUESTIONS)
    with app.test_request_context():
        issue_plan(moderated)
        issue_plan(scoring)
    db.session.commit()
    submit_sheet(moderated, chair, amara, [4, 3])
    submit_sheet(moderated, member, amara, [2, None])
    submit_sheet(scoring, member, amara, [3, 3])
    draft = ScoreSheet(seat_id=scoring.seats[1].id, candidate_id=tom.id, status=SheetStatus.DRAFT)
    for item in scoring.items:
        draft.scores.append(Score(plan_item_id=item.id, score=3, evidence="Draft evidence"))
    db.session.add_all([draft, StageModeration(stage_id=moderated.id)])
    db.session.commit()
    return Scene(hr, chair, member, vacancy.id, amara.id, tom.id, moderated.id, scoring.id)


def _pages_are_safe(client, *urls: str) -> None:  # type: ignore[no-untyped-def]
    """The pages that show what was stored: markup in it must come back escaped."""
    for url in urls:
        response = client.get(url, follow_redirects=True)
        assert_safe_page(response.status_code, response.get_data(as_text=True))


def _fuzz(run, budget=FUZZ):  # type: ignore[no-untyped-def]
    """Run ``run(text)`` for the script payload, then for Hypothesis's hostile text."""
    return budget(example(text=SCRIPT_PAYLOAD)(given(text=HOSTILE)(run)))


def _fuzz_few(run):  # type: ignore[no-untyped-def]
    """As ``_fuzz``, fewer examples: for forms whose every post runs the slow bank checks."""
    return _fuzz(run, FEW)


def test_sign_in(app, make_user):
    make_user(Role.PANEL, email="known@test.example")

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        client = app.test_client()
        for email in (text, "known@test.example"):
            assert_safe_page(*post_form(client, "/sign-in", {"email": email, "password": text}))

    run()


def test_change_password(app, signed_in):
    client, _ = signed_in(Role.PANEL)

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        data = {"current_password": text, "new_password": text, "confirm_password": text}
        assert_safe_page(*post_form(client, "/account/password", data))

    run()


TRAINED = "safer_recruitment_trained_on"


def test_admin_user_forms(app, signed_in, make_user):
    client, _ = signed_in(Role.ADMIN)
    target = make_user(Role.PANEL)
    counter = iter(range(10_000))

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        # The training date: hostile text in each box, and a real date beside it.
        trained = [[text, text, text], ["3", "3", "2024"], ["3", text, "2024"]]
        emails = (text, f"fuzz-{next(counter)}@test.example", text)
        for email, day in zip(emails, trained, strict=True):
            data = {"email": email, "full_name": text, "role": "panel", TRAINED: day}
            assert_safe_page(*post_form(client, "/admin/users/new", data))
        for role, day in zip(("reviewer", text, "panel"), trained, strict=True):
            data = {"full_name": text, "role": role, "is_enabled": "y", TRAINED: day}
            assert_safe_page(*post_form(client, f"/admin/users/{target.id}", data))
        url = f"/admin/users/{target.id}/reset-password"
        assert_safe_page(*post_form(client, url, {"confirm": text}))
        _pages_are_safe(client, "/admin/users", "/admin/audit")

    run()


def test_people_forms(app, bank, signed_in):
    client, hr = signed_in(Role.HR)
    stage = make_stage(make_vacancy(hr))
    waiting = invite_panel_member("fuzz-waiting@test.example", "Waiting Person", None)
    leaving = invite_panel_member("fuzz-leaving@test.example", "Leaving Person", None)
    db.session.commit()
    invite = f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/panel/new-person"
    visitor = app.test_client()
    counter = iter(range(10_000))

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        trained = ([text, text, text], ["3", "3", "2024"])
        emails = (text, f"fuzz-invited-{next(counter)}@test.example")
        for email, day in zip(emails, trained, strict=True):
            data = {"full_name": text, "email": email, "panel_role": text, TRAINED: day}
            assert_safe_page(*post_form(client, invite, data))
            data |= {"panel_role": "member", "is_councillor": text}
            assert_safe_page(*post_form(client, invite, data))
        person = f"/people/{waiting.id}"
        status, page = post_form(
            client, f"{person}/set-password-link", {"x": text}, form_page=person
        )
        assert_safe_page(status, page)
        # The link just made, with hostile passwords: at most one can succeed (then the
        # person has a password and no new link is made); every answer is a safe page.
        link = re.search(r"/set-password/([^<\s]+)", page)
        for new, confirm in ((text, f"{text}x"), (text, text)) if link else ():
            data = {"new_password": new, "confirm_password": confirm}
            assert_safe_page(*post_form(visitor, f"/set-password/{link.group(1)}", data))
        withdrawn = f"/people/{leaving.id}"
        post = post_form(
            client, f"{withdrawn}/withdraw-invitation", {"x": text}, form_page=withdrawn
        )
        assert_safe_page(*post)
        _pages_are_safe(
            client, person, withdrawn, f"/vacancies/{stage.vacancy_id}/stages/{stage.id}"
        )

    run()


def _question_data(text: str, **overrides: object) -> dict[str, object]:
    return {
        "attribute": "values", "format": "behavioural",
        "behaviours": ["bring-personal-values-to-work"], "question": text,
        "probes": f"{text}\nSecond probe", "positive_indicators": f"{text}\nTwo\nThree",
        "decisive_negative_indicators": text, "other_negative_indicators": text,
        **{f"descriptor_{n}": f"{text} {n}" for n in range(1, 6)},
        "role_levels": ["dcs"], "innovations": ["any"], "minutes": "10",
        "young_people_variant": text, "change_note": text, **overrides,
    }  # fmt: skip


def test_question_forms(app, bank, signed_in):
    client, _ = signed_in(Role.ADMIN)
    question = "/questions/values-personal-values-01"

    @_fuzz_few
    def run(text):  # type: ignore[no-untyped-def]
        status, page = post_form(client, "/questions/new", _question_data(text))
        assert_safe_page(status, page)
        assert_safe_page(*post_form(client, "/questions/new", _question_data(text, minutes=text)))
        assert_safe_page(*post_form(client, f"{question}/edit", _question_data(text)))
        for action in ("retire", "reinstate"):
            assert_safe_page(*post_form(client, f"{question}/{action}", {"reason": text}))
        _pages_are_safe(client, question, f"/questions?{urlencode({'q': text[:200]})}")

    run()


def test_vacancy_edit_and_advert_forms(app, bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr, with_advert=True)
    bare = make_vacancy(hr)
    base = f"/vacancies/{vacancy.id}"

    @_fuzz_few
    def run(text):  # type: ignore[no-untyped-def]
        data = {
            "title": text, "role_level": "dcs", "service_area": text, "innovation": text,
            "salary_range": text, "contract": "permanent", "location": text,
            "closing_date": [text, "3", "2027"], "interview_dates": text,
            "hiring_manager": text, "status": "open",
        }  # fmt: skip
        assert_safe_page(*post_form(client, f"{base}/edit", data))
        section = f"{base}/advert/sections/the_role"
        for body in (text, f"Our values matter. {text}"):
            assert_safe_page(*post_form(client, section, {"heading": text[:200], "body": body}))
        builder = f"{base}/advert"
        for url in ("self-assessment", "ready"):
            data = {"include": text, "submit": text}
            assert_safe_page(*post_form(client, f"{builder}/{url}", data, form_page=builder))
        start = f"/vacancies/{bare.id}/advert"
        assert_safe_page(*post_form(client, f"{start}/start", {"submit": text}, form_page=start))
        _pages_are_safe(client, base, builder, f"{builder}/check", f"{builder}/versions")
        for fmt in ("html", "txt", "docx"):
            assert client.get(f"{builder}/download/{fmt}").status_code == 200

    run()


def test_stage_forms(app, bank, signed_in, make_user):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    person = make_user(Role.PANEL)
    stage = make_stage(vacancy, seats=[(person, PanelRole.MEMBER)])
    base = f"/vacancies/{vacancy.id}/stages"
    show = f"{base}/{stage.id}"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        for kind in ("final_panel", text):
            data = {"name": text, "stage_type": kind, "held_on": [text, "4", "2027"],
                    "duration_minutes": "60"}  # fmt: skip
            assert_safe_page(*post_form(client, f"{base}/new", data))
            assert_safe_page(*post_form(client, f"{show}/edit", {**data, "duration_minutes": text}))
            timetable = {"starts_at": text, "slot_minutes": text, "break_minutes": text,
                         "school_hours_agreement": text}  # fmt: skip
            assert_safe_page(*post_form(client, f"{show}/edit", {**data, **timetable}))
        for user_id in (text, str(person.id)):
            data = {"user_id": user_id, "panel_role": text}
            assert_safe_page(*post_form(client, f"{show}/panel", data, form_page=show))
        db.session.expire_all()
        for seat_id in [seat.id for seat in stage.seats]:
            data = {"reason": text, "submitted_sheets": text}
            assert_safe_page(*post_form(client, f"{show}/panel/{seat_id}/stand-down", data))
            url = f"{show}/panel/{seat_id}/remove"
            assert_safe_page(*post_form(client, url, {"confirm": text}))
        for direction in ("up", quote(text[:100], safe="")):
            assert_safe_page(*post_form(client, f"{show}/move/{direction}", {}, form_page=show))
        _pages_are_safe(client, f"/vacancies/{vacancy.id}", show, f"{show}/plan")

    run()


def test_plan_forms(app, bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    stage = make_stage(vacancy, questions=QUESTIONS)
    plan = f"/vacancies/{vacancy.id}/stages/{stage.id}/plan"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        for question_id in (text[:80], "partnerships-shared-outcomes-01"):
            data = {"question_id": question_id}
            assert_safe_page(*post_form(client, f"{plan}/add", data, form_page=plan))
        exercises = f"{plan}/exercises"
        for exercise_id in (text[:80], "presentation-first-hundred-days-values-01"):
            data = {"exercise_id": exercise_id}
            add = f"{exercises}/add"
            assert_safe_page(*post_form(client, add, data, form_page=exercises))
        db.session.expire_all()
        item = stage.items[0].id
        for action in ("down", quote(text[:100], safe="")):
            url = f"{plan}/items/{item}/{action}"
            assert_safe_page(*post_form(client, url, {"question_id": text}, form_page=plan))
        minutes = {f"minutes_{each.id}": text for each in stage.items}
        assert_safe_page(*post_form(client, f"{plan}/minutes", minutes, form_page=plan))
        weights = {f"weight_{key.replace('-', '_')}": text for key in ATTRIBUTES}
        assert_safe_page(*post_form(client, f"{plan}/weights", weights, form_page=plan))
        for action in ("issue", "withdraw"):
            data = {"confirm": text, "override_reason": text}
            assert_safe_page(*post_form(client, f"{plan}/{action}", data, form_page=plan))
        query = urlencode({"q": text[:300], "attribute": text, "audience": text})
        _pages_are_safe(client, plan, f"{plan}/questions?{query}", exercises)
        _fuzz_activities(client, young_people, text)

    young_people = make_stage(vacancy, stage_type=StageType.YOUNG_PEOPLES_PANEL)
    run()


def _fuzz_activities(client, stage, text):  # type: ignore[no-untyped-def]
    """A young people's panel adds an activity (or refuses a fuzzed id) and removes it."""
    plan = f"/vacancies/{stage.vacancy_id}/stages/{stage.id}/plan"
    exercises = f"{plan}/exercises"
    for exercise_id in (text[:80], "young-people-what-would-you-change-01"):
        data = {"exercise_id": exercise_id}
        assert_safe_page(*post_form(client, f"{exercises}/add", data, form_page=exercises))
    db.session.expire_all()
    for activity in list(stage.activities):
        url = f"{plan}/activities/{activity.id}/remove"
        assert_safe_page(*post_form(client, url, {"question_id": text}, form_page=plan))


def test_candidate_edit_and_anonymise(app, bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    candidate = make_candidate(vacancy)
    base = f"/vacancies/{vacancy.id}/candidates"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        data = {
            "first_name": text[:100] or "x", "last_name": text, "email": "amara@example.com",
            "phone": text, "current_role": text[:200], "current_employer": text,
            "application_date": [text, "2", "2027"], "status": "applied", "notes": text[:2000],
        }  # fmt: skip
        assert_safe_page(*post_form(client, f"{base}/{candidate.id}/edit", data))
        data = {"hide_candidate_names": text}
        assert_safe_page(*post_form(client, f"{base}/anonymise", data, form_page=base))
        _pages_are_safe(client, base, f"/vacancies/{vacancy.id}")

    run()


HEADER = (
    "first_name,last_name,email,phone,current_role,current_employer,application_date,status,notes"
)
CSV_CELL = st.one_of(st.sampled_from(PAYLOADS[:-3]), st.text(max_size=40))


@st.composite
def hostile_csv(draw) -> bytes:  # type: ignore[no-untyped-def]
    """A candidate file: hostile cells in a real header, or bytes that are not CSV at all."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=2000))
    rows = draw(st.lists(st.lists(CSV_CELL, min_size=1, max_size=10), max_size=5))
    text = HEADER + "\r\n" + "\r\n".join(",".join(f'"{c}"' for c in row) for row in rows)
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])), "replace")


def test_candidate_import_with_hostile_files(app, bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    url = f"/vacancies/{vacancy.id}/candidates/import"
    valid = f"{HEADER}\r\nSam,{SCRIPT_PAYLOAD},sam@example.com,,,,,applied,\r\n".encode()

    @FEW
    @example(data=valid, text=SCRIPT_PAYLOAD)
    @given(data=hostile_csv(), text=HOSTILE)
    def run(data, text):  # type: ignore[no-untyped-def]
        upload = {"file": (io.BytesIO(data), text[:200] or "file.csv")}
        status, page = post_form(client, url, upload)
        assert_safe_page(status, page)
        confirm = f"{url}/confirm"
        for csv_text in (text, data.decode("utf-8", "replace")):
            assert_safe_page(*post_form(client, confirm, {"csv_text": csv_text}, form_page=url))
        _pages_are_safe(client, f"/vacancies/{vacancy.id}/candidates")

    run()


def test_equality_forms(app, bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    candidate = make_candidate(vacancy)
    url = f"/vacancies/{vacancy.id}/candidates/equality/import"
    answers = f"/vacancies/{vacancy.id}/candidates/{candidate.id}/equality"
    valid = f"candidate,ethnicity,sex\r\nC-01,{SCRIPT_PAYLOAD},female\r\n".encode()

    @FEW
    @example(data=valid, text=SCRIPT_PAYLOAD)
    @given(data=hostile_csv(), text=HOSTILE)
    def run(data, text):  # type: ignore[no-untyped-def]
        for content in (data, f"candidate,ethnicity\r\n{text},{text}\r\n".encode()):
            upload = {"file": (io.BytesIO(content), text[:200] or "file.csv")}
            assert_safe_page(*post_form(client, url, upload))
        hostile = {key: text for key in ("ethnicity", "sex", "age_band", "religion")}
        assert_safe_page(*post_form(client, answers, hostile))
        _pages_are_safe(client, f"/vacancies/{vacancy.id}/candidates", answers)

    run()


def test_panel_member_forms(app, bank, make_user):
    scene = _scene(app, make_user)
    client = client_for(app, scene.member)
    stage = db.session.get(Stage, scene.scoring_id)
    amend = f"/interviews/{stage.id}/candidates/{scene.amara_id}/amend/{stage.items[0].id}"
    check = f"/interviews/{stage.id}/candidates/{scene.tom_id}/check"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        fresh = make_candidate(db.session.get(Vacancy, scene.vacancy_id), "Fresh", "Person")
        url = f"/interviews/{stage.id}/candidates/{fresh.id}/conflict"
        assert_safe_page(*post_form(client, url, {"description": text}))
        for score in ("4", "none", text):
            data = {"score": score, "evidence": text, "reason": text}
            assert_safe_page(*post_form(client, amend, data))
        assert_safe_page(*post_form(client, check, {"lock_version": text, "submit": text}))
        _pages_are_safe(client, "/interviews", amend)

    run()


def test_moderation_forms(app, bank, make_user):
    scene = _scene(app, make_user)
    client = client_for(app, scene.hr)
    base = f"/vacancies/{scene.vacancy_id}/stages"
    moderated, scoring = f"{base}/{scene.moderated_id}", f"{base}/{scene.scoring_id}"
    record = f"{moderated}/moderation/candidates/{scene.amara_id}"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        for outcome in ("reserve", text):
            data = {
                **{f"agreed_{key}": text[:10] for key in ATTRIBUTES[:2]},
                **{f"rationale_{key}": text for key in ATTRIBUTES},
                "agreed_values": "3.5", "outcome": outcome, "reasons": text,
                "floor_override_reason": text, "red_flag_discussion": text,
            }  # fmt: skip
            assert_safe_page(*post_form(client, record, data))
        page = f"{scoring}/moderation"
        data = {"submit": text}
        assert_safe_page(*post_form(client, f"{page}/open", data, form_page=page))
        assert_safe_page(*post_form(client, f"{page}/close", {"reason": text}))
        finish = f"{moderated}/moderation/finish"
        for version in (text, "1"):
            data = {"reason": text, "lock_version": version}
            assert_safe_page(*post_form(client, finish, data))
            assert_safe_page(*post_form(client, f"{moderated}/moderation/reopen", data))
        _pages_are_safe(client, f"{moderated}/moderation", page, record)
        summary = f"/vacancies/{scene.vacancy_id}/summary"
        # The moderation record's words show on the candidate's page of the summary.
        details = f"{summary}/stages/{scene.moderated_id}/candidates/{scene.amara_id}"
        _pages_are_safe(client, summary, f"{summary}/stages/{scene.moderated_id}", details)

    run()


def test_advisory_report_form(app, bank, make_user):
    scene = _scene(app, make_user)
    # The stakeholder panel advises: open its moderation so its chair can write a report.
    db.session.add(StageModeration(stage_id=scene.scoring_id))
    db.session.commit()
    client = client_for(app, scene.hr)
    record = f"/vacancies/{scene.vacancy_id}/stages/{scene.scoring_id}/moderation"
    record += f"/candidates/{scene.amara_id}"
    deciding = f"/vacancies/{scene.vacancy_id}/stages/{scene.moderated_id}/moderation"
    deciding += f"/candidates/{scene.amara_id}"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        for light in ("green", text):
            data = {
                "report-strengths": text, "report-concerns": text,
                "report-traffic_light": light, "report-lock_version": text[:10],
            }  # fmt: skip
            assert_safe_page(*post_form(client, f"{record}/report", data, form_page=record))
        # The report's concerns show on the candidate's page of the comparison.
        evidence = f"/vacancies/{scene.vacancy_id}/comparison/candidates/{scene.amara_id}"
        _pages_are_safe(client, record, deciding, evidence)

    run()


def test_target_profile_form(app, bank, signed_in, make_user):
    client, _ = signed_in(Role.REVIEWER)
    scene = _scene(app, make_user)
    owner = make_user(Role.PANEL, name="Profile Owner")
    shared = LeadershipProfile(owner_id=owner.id, title=SCRIPT_PAYLOAD, shared_at=utcnow())
    db.session.add(shared)
    db.session.commit()
    url = f"/vacancies/{scene.vacancy_id}/target"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        levels = {f"level_{key}": text[:10] for key in ATTRIBUTES}
        reasons = {f"reason_{key}": text for key in ATTRIBUTES}
        for extra in ({}, {"level_values": "4", "level_decisions": "3"}):
            for profile_id in (text, str(shared.id)):
                data = {**levels, **reasons, **extra, "rationale": text, "submit": "y",
                        "context_profile_id": profile_id, "lock_version": text[:10]}  # fmt: skip
                assert_safe_page(*post_form(client, url, data))
        query = urlencode({"sort": text, "candidate": text})
        _pages_are_safe(client, f"/vacancies/{scene.vacancy_id}/comparison?{query}")

    run()


def test_profile_forms(app, bank, signed_in, make_user):
    client, owner = signed_in(Role.PANEL)
    colleague = make_user(Role.PANEL, name="Colleague")
    asked = LeadershipProfile(owner_id=colleague.id, title="Colleague's profile")
    asked.feedback_requests.append(FeedbackRequest(colleague_id=owner.id))
    db.session.add(asked)
    db.session.commit()
    give = f"/feedback/{asked.feedback_requests[0].id}"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        profile = LeadershipProfile(owner_id=owner.id, title=fitting(text, 200))
        db.session.add(profile)
        db.session.commit()
        base = f"/profiles/{profile.id}"
        for colleague_id in (text, str(colleague.id)):
            data = {"colleague_id": colleague_id}
            assert_safe_page(*post_form(client, f"{base}/feedback", data))
        assert_safe_page(*post_form(client, f"{base}/share", {"submit": text}, form_page=base))
        _pages_are_safe(client, base, "/profiles")
        assert client.get(f"{base}/chart.png").data.startswith(b"\x89PNG\r\n\x1a\n")
        ratings = {f"rating_{key}": text for key in ATTRIBUTES}
        assert_safe_page(*post_form(client, give, {**ratings, "rating_values": "4"}))
        assert_safe_page(*post_form(client, f"{base}/delete", {"submit": text}))

    run()


def test_query_strings(app, bank, signed_in):
    client, _ = signed_in(Role.ADMIN)

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        audit = urlencode(
            [("action", text), ("who", text), ("object_type", text), ("from_date", text),
             ("from_date", "3"), ("to_date", text), ("to_date", "")]
        )  # fmt: skip
        search = urlencode(
            [("q", text), ("attribute", text), ("innovation", text), ("role_level", text),
             ("audience", text), ("behaviour", text), ("status", text)]
        )  # fmt: skip
        _pages_are_safe(client, f"/admin/audit?{audit}", f"/questions?{search}")
        assert client.get(f"/admin/audit.csv?{audit}").status_code < 500

    run()


def test_hostile_path_segments(app, bank, signed_in):
    client, hr = signed_in(Role.ADMIN)
    vacancy = make_vacancy(hr, with_advert=True)
    profile = LeadershipProfile(owner_id=hr.id, title="Own profile")
    db.session.add(profile)
    db.session.commit()
    templates = [
        "/questions/{}", "/questions/{}/edit", "/questions/{}/versions/1",
        f"/vacancies/{vacancy.id}/advert/sections/{{}}",
        f"/vacancies/{vacancy.id}/advert/download/{{}}",
        f"/profiles/{profile.id}/attributes/{{}}", "/assets/{}", "/static/{}",
    ]  # fmt: skip

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        # A NUL in the path always, as the request layer drops it only from form and query.
        for segment in (quote(text[:500], safe=""), "%00"):
            for template in templates:
                url = template.format(segment)
                for response in (client.get(url), client.post(url, data={"heading": text})):
                    assert_safe_page(response.status_code, response.get_data(as_text=True))

    run()


def test_errors_on_the_plan_and_seed_forms_get_the_summary(app, bank, signed_in, make_user):
    """Found by these tests: the plan's minutes and weights forms and the target page's
    form showed field errors with no GOV.UK error summary and no "Error:" title."""
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    stage = make_stage(vacancy, questions=QUESTIONS)
    owner = make_user(Role.PANEL)
    db.session.add(LeadershipProfile(owner_id=owner.id, title="Shared", shared_at=utcnow()))
    db.session.commit()
    plan = f"/vacancies/{vacancy.id}/stages/{stage.id}/plan"
    minutes = {f"minutes_{item.id}": "ten" for item in stage.items}
    pages = [
        post_form(client, f"{plan}/minutes", minutes, form_page=plan)[1],
        post_form(client, f"{plan}/weights", {"weight_values": "many"}, form_page=plan)[1],
        post_form(client, f"/vacancies/{vacancy.id}/target", {"level_values": "4",
                                                               "submit": "y"})[1],
    ]  # fmt: skip
    for page in pages:
        assert "govuk-error-message" in page and "govuk-error-summary" in page
        assert "<title>Error:" in page


def test_decision_forms(app, bank, make_user):
    from tests.web.test_decisions import _appointment

    scene = _appointment(app, make_user)
    leader, hr = client_for(app, scene.leader), client_for(app, scene.hr)
    url = scene.url

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        for candidate in (text, str(scene.amara.id)):
            data = {"candidate": candidate, "reasons": text}
            assert_safe_page(*post_form(leader, f"{url}/record", data, form_page=url))
        assert_safe_page(*post_form(leader, f"{url}/confirm", {}, form_page=url))
        notice = {"notified_on": [text[:5], "4", "2026"], "objection_days": text[:6]}
        assert_safe_page(*post_form(hr, f"{url}/notice", notice, form_page=url))
        notice = {"notified_on": ["1", "4", "2026"], "objection_days": "5"}
        assert_safe_page(*post_form(hr, f"{url}/notice", notice, form_page=url))
        objection = {"objector": text, "received_on": ["2", "4", "2026"], "summary": text}
        assert_safe_page(*post_form(hr, f"{url}/objections", objection, form_page=url))
        for row in db.session.scalars(select(ExecutiveObjection)):
            prefix = f"ruling-{row.id}"
            ruling = {f"{prefix}-ruling": text[:10], f"{prefix}-reasons": text}
            ruled = f"{url}/objections/{row.id}/ruling"
            assert_safe_page(*post_form(leader, ruled, ruling, form_page=url))
        assert_safe_page(*post_form(hr, f"{url}/offer", {}, form_page=url))
        _pages_are_safe(leader, url)
        _pages_are_safe(hr, url)

    run()
