"""Hostile text into the safer recruitment forms: pre-employment checks, references, the
person specification and shortlisting scrutiny (listed in test_fuzz_more_forms.FUZZED).
Never a 500, never an unescaped script in the page that answers or in the pages that show
the stored text."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import example, given
from sqlalchemy import select

from recruit.extensions import db
from recruit.models import CandidateReference, PersonSpecCriterion, Role, ScrutinyPoint
from tests.support.factories import make_candidate, make_stage, make_vacancy
from tests.support.hostile_text import FUZZ, HOSTILE, SCRIPT_PAYLOAD, assert_safe_page, post_form


def _pages_are_safe(client, *urls: str) -> None:  # type: ignore[no-untyped-def]
    for url in urls:
        response = client.get(url, follow_redirects=True)
        assert_safe_page(response.status_code, response.get_data(as_text=True))


def _fuzz(run, budget=FUZZ):  # type: ignore[no-untyped-def]
    """Run ``run(text)`` for the script payload, then for Hypothesis's hostile text."""
    return budget(example(text=SCRIPT_PAYLOAD)(given(text=HOSTILE)(run)))


def test_check_form(app, bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    candidate = make_candidate(vacancy)
    checklist = f"/vacancies/{vacancy.id}/candidates/{candidate.id}/checks"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        for kind, status in (("overseas", text[:20]), ("overseas", "not_required"),
                             ("enhanced_dbs", "satisfactory"), ("identity", "concern")):  # fmt: skip
            data = {
                "status": status, "requested_on": [text[:5], "1", "2026"],
                "completed_on": ["2", text[:3], "2026"], "outcome": text,
                "not_required_reason": text, "lock_version": text[:5],
            }  # fmt: skip
            url = f"{checklist}/{kind}"
            assert_safe_page(*post_form(client, url, data))
            fitting_data = {**data, "outcome": text[:200], "not_required_reason": text[:500],
                            "requested_on": ["1", "1", "2026"],
                            "completed_on": ["2", "1", "2026"]}  # fmt: skip
            fitting_data.pop("lock_version")
            assert_safe_page(*post_form(client, url, fitting_data))
        _pages_are_safe(client, checklist, f"/vacancies/{vacancy.id}/candidates")

    run()


def test_reference_form(app, bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    candidate = make_candidate(vacancy)
    listing = f"/vacancies/{vacancy.id}/candidates/{candidate.id}/references"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        data = {
            "referee_name": text, "referee_role_and_organisation": text,
            "relationship": text, "is_current_or_recent_employer": text[:5],
            "requested_on": [text[:5], "1", "2026"], "received_on": ["2", text[:3], "2026"],
            "scrutinised_on": ["3", "1", text[:4]], "concerns": text,
            "concern_resolution": text, "lock_version": text[:5],
        }  # fmt: skip
        assert_safe_page(*post_form(client, f"{listing}/new", data))
        fitting_data = {**data, "referee_name": text[:200] or "x",
                        "referee_role_and_organisation": text[:300] or "x",
                        "relationship": text[:100] or "x",
                        "is_current_or_recent_employer": "yes",
                        "requested_on": ["1", "1", "2026"], "received_on": ["2", "1", "2026"],
                        "scrutinised_on": ["3", "1", "2026"], "concerns": text[:2000],
                        "concern_resolution": text[:2000]}  # fmt: skip
        fitting_data.pop("lock_version")
        assert_safe_page(*post_form(client, f"{listing}/new", fitting_data))
        row = db.session.scalars(select(CandidateReference)).first()
        if row is not None:
            assert_safe_page(*post_form(client, f"{listing}/{row.id}", data))
        _pages_are_safe(
            client, listing, f"/vacancies/{vacancy.id}/candidates/{candidate.id}/checks"
        )

    run()


def test_person_spec_forms(app, bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    page = f"/vacancies/{vacancy.id}/person-specification"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        for assessed in ([text[:40]], ["interview"]):
            data = {"text": text, "kind": text[:20], "assessed_by": assessed}
            assert_safe_page(*post_form(client, page, data))
        assert_safe_page(*post_form(client, f"{page}/standard", {}, form_page=page))
        remove = f"{page}/{quote(text[:20], safe='')}/remove"
        assert_safe_page(*post_form(client, remove, {}, form_page=page))
        _pages_are_safe(client, page, f"/vacancies/{vacancy.id}/advert")

    run()


def test_shortlisting_forms(app, bank, signed_in):
    client, hr = signed_in(Role.HR)
    vacancy = make_vacancy(hr)
    candidate = make_candidate(vacancy)
    stage = make_stage(vacancy, questions=["decisions-own-risk-01"])
    criterion = PersonSpecCriterion(
        vacancy_id=vacancy.id, position=1, text="Registration", essential=True,
        assessed_by=["application"],
    )  # fmt: skip
    db.session.add(criterion)
    db.session.commit()
    base = f"/vacancies/{vacancy.id}/candidates/{candidate.id}/shortlisting"

    @_fuzz
    def run(text):  # type: ignore[no-untyped-def]
        data = {
            "kind": text[:12], "from_date": [text[:5], "3", "2019"],
            "to_date": ["30", text[:3], "2019"], "noted": text, "to_explore": text,
            "stage": text[:6], "explanation": text, "lock_version": text[:5],
        }  # fmt: skip
        assert_safe_page(*post_form(client, f"{base}/points/new", data))
        fitting_data = {**data, "kind": "discrepancy", "stage": str(stage.id),
                        "from_date": ["1", "3", "2019"], "to_date": ["", "", ""],
                        "noted": text[:2000] or "x", "to_explore": text[:2000] or "x",
                        "explanation": text[:2000]}  # fmt: skip
        fitting_data.pop("lock_version")
        assert_safe_page(*post_form(client, f"{base}/points/new", fitting_data))
        point = db.session.scalars(select(ScrutinyPoint)).first()
        if point is not None:
            assert_safe_page(*post_form(client, f"{base}/points/{point.id}", data))
        decision = {
            "decision": text[:20], "reasons": text, f"outcome_{criterion.id}": text[:10],
            f"evidence_{criterion.id}": text, "lock_version": text[:5],
        }  # fmt: skip
        assert_safe_page(*post_form(client, f"{base}/decision", decision))
        fitting_decision = {**decision, "decision": "do_not_shortlist",
                            f"outcome_{criterion.id}": "not_met", "reasons": text[:2000] or "x",
                            f"evidence_{criterion.id}": text[:2000]}  # fmt: skip
        fitting_decision.pop("lock_version")
        assert_safe_page(*post_form(client, f"{base}/decision", fitting_decision))
        _pages_are_safe(client, base, f"/vacancies/{vacancy.id}/shortlisting")

    run()
