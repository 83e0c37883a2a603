"""The admin audit log: filters, pages, the CSV download, escaping and who may see it."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from recruit.domain.audit.filters import CSV_HEADER, page_numbers
from recruit.extensions import db
from recruit.models import AuditEvent, Role

AUDIT_PAGES = ["/admin/audit", "/admin/audit.csv"]
FORMULA = "=cmd|' /C calc'!A0"
SUMMER_AFTERNOON = datetime(2024, 6, 1, 13, 30, tzinfo=UTC)  # 2:30pm in UK summer time


def _event(  # type: ignore[no-untyped-def]
    object_id: str,
    *,
    at: datetime = SUMMER_AFTERNOON,
    action: str = "vacancy.created",
    actor: str = "hr.person@test.example",
    object_type: str | None = "Vacancy",
    detail: object = None,
):
    event = AuditEvent(
        occurred_at=at,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail={} if detail is None else detail,
        ip_address="192.0.2.1",
    )
    db.session.add(event)
    return event


def _page(client, query: str = "") -> tuple[int, str]:  # type: ignore[no-untyped-def]
    response = client.get(f"/admin/audit{query}")
    return response.status_code, response.get_data(as_text=True)


def _object_ids(page: str) -> list[str]:
    """The object ids in the table, in the order shown (these tests give them an ``ev-`` prefix)."""
    return re.findall(r'<td class="govuk-table__cell">\w+ (ev-\d+)</td>', page)


def _csv_rows(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    data = response.get_data()
    assert data.startswith(b"\xef\xbb\xbf"), "the CSV must start with a UTF-8 byte order mark"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _count(action: str) -> int:
    return db.session.scalar(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
    )


# Who may see it


@pytest.mark.parametrize("role", [Role.HR, Role.PANEL, Role.REVIEWER])
@pytest.mark.parametrize("path", AUDIT_PAGES)
def test_other_roles_get_403(signed_in, role, path):
    client, _user = signed_in(role)
    assert client.get(path).status_code == 403
    assert _count("audit.exported") == 0


@pytest.mark.parametrize("path", AUDIT_PAGES)
def test_anonymous_is_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_admin_finds_the_log_from_the_users_page_and_the_home_page(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    for path in ("/admin/users", "/"):
        page = client.get(path).get_data(as_text=True)
        assert 'href="/admin/audit">View the audit log</a>' in page, path


# The page


def test_events_are_listed_newest_first_in_uk_time_with_a_count(signed_in):
    client, admin = signed_in(Role.ADMIN)
    _event("ev-1", at=SUMMER_AFTERNOON - timedelta(days=1))
    _event("ev-2", at=SUMMER_AFTERNOON, detail={"title": "Director of Children's Services"})
    _event("ev-3", at=datetime(2024, 1, 15, 9, 0, tzinfo=UTC))
    db.session.commit()
    status, page = _page(client)
    assert status == 200
    assert '<h1 class="govuk-heading-l">Audit log</h1>' in page
    assert _object_ids(page) == ["ev-2", "ev-1", "ev-3"]
    assert "4 events" in page  # three here, and the admin's own sign-in
    assert admin.email in page and "login" in page
    assert '<time datetime="2024-06-01T13:30:00Z">1 June 2024, 2:30pm</time>' in page
    assert "15 January 2024, 9am" in page  # winter: UK time is UTC
    assert (
        '<span class="govuk-!-font-weight-bold">title</span>: Director of Children&#39;s Services'
        in page
    )


def test_viewing_the_log_records_nothing(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    before = db.session.scalar(select(func.count()).select_from(AuditEvent))
    _page(client, "?action=login&page=1")
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == before


def test_the_action_filter_lists_the_actions_in_the_log_and_narrows_the_rows(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    _event("ev-1", action="vacancy.created")
    _event("ev-2", action="candidate.added", object_type="Candidate")
    _event("ev-3", action="vacancy.created")
    db.session.commit()
    status, page = _page(client, "?action=vacancy.created")
    assert status == 200
    assert sorted(_object_ids(page)) == ["ev-1", "ev-3"]
    assert "2 events match these filters" in page
    assert '<option value="candidate.added"' in page and '<option value="login"' in page
    assert re.search(r'<option value="vacancy.created"\s+selected', page)


def test_the_who_filter_matches_part_of_the_actor_ignoring_case(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    _event("ev-1", actor="Priya.Shah@council.example")
    _event("ev-2", actor="tom.reid@council.example")
    _event("ev-3", actor="system")
    db.session.commit()
    assert _object_ids(_page(client, "?who=priya")[1]) == ["ev-1"]
    assert _object_ids(_page(client, "?who=SYSTEM")[1]) == ["ev-3"]
    # A % or _ is matched as itself, not as a wildcard.
    assert _object_ids(_page(client, "?who=%25")[1]) == []
    assert _object_ids(_page(client, "?who=tom_reid")[1]) == []


def test_the_object_type_filter_narrows_the_rows(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    _event("ev-1", object_type="Vacancy")
    _event("ev-2", object_type="Candidate")
    db.session.commit()
    status, page = _page(client, "?object_type=Candidate")
    assert status == 200 and _object_ids(page) == ["ev-2"]


def test_the_date_range_takes_whole_days_in_uk_time(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    # In June the UK is an hour ahead of UTC.
    _event("ev-1", at=datetime(2024, 6, 1, 22, 59, tzinfo=UTC))  # 11:59pm on 1 June, UK
    _event("ev-2", at=datetime(2024, 6, 1, 23, 0, tzinfo=UTC))  # midnight starting 2 June
    _event("ev-3", at=datetime(2024, 6, 3, 22, 59, 59, tzinfo=UTC))  # 11:59pm on 3 June
    _event("ev-4", at=datetime(2024, 6, 3, 23, 0, tzinfo=UTC))  # midnight starting 4 June
    db.session.commit()
    dates = "from_date=2&from_date=6&from_date=2024&to_date=3&to_date=6&to_date=2024"
    status, page = _page(client, f"?{dates}")
    assert status == 200
    assert _object_ids(page) == ["ev-3", "ev-2"]
    # One day: the same date in both.
    one_day = "from_date=1&from_date=6&from_date=2024&to_date=1&to_date=6&to_date=2024"
    assert _object_ids(_page(client, f"?{one_day}")[1]) == ["ev-1"]
    # Either end alone.
    assert _object_ids(_page(client, "?to_date=2&to_date=6&to_date=2024")[1]) == ["ev-2", "ev-1"]
    from_only = "?from_date=4&from_date=6&from_date=2024&action=vacancy.created"
    assert _object_ids(_page(client, from_only)[1]) == ["ev-4"]


def test_the_date_range_in_winter_when_uk_time_is_utc(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    _event("ev-1", at=datetime(2024, 1, 14, 23, 59, tzinfo=UTC))
    _event("ev-2", at=datetime(2024, 1, 15, 0, 0, tzinfo=UTC))
    _event("ev-3", at=datetime(2024, 1, 15, 23, 59, tzinfo=UTC))
    _event("ev-4", at=datetime(2024, 1, 16, 0, 0, tzinfo=UTC))
    db.session.commit()
    query = "?from_date=15&from_date=1&from_date=2024&to_date=15&to_date=1&to_date=2024"
    assert _object_ids(_page(client, query)[1]) == ["ev-3", "ev-2"]


def test_filters_combine(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    _event("ev-1", action="vacancy.created", actor="a@test.example")
    _event("ev-2", action="vacancy.created", actor="b@test.example")
    _event("ev-3", action="vacancy.updated", actor="a@test.example")
    db.session.commit()
    status, page = _page(client, "?action=vacancy.created&who=a%40test&object_type=Vacancy")
    assert status == 200 and _object_ids(page) == ["ev-1"]


def test_fifty_events_a_page_with_govuk_pagination_that_keeps_the_filters(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    for number in range(120):
        _event(f"ev-{number}", at=SUMMER_AFTERNOON + timedelta(minutes=number))
    db.session.commit()
    status, page = _page(client, "?action=vacancy.created")
    assert status == 200
    assert _object_ids(page)[:2] == ["ev-119", "ev-118"] and len(_object_ids(page)) == 50
    assert "120 events match these filters" in page and "Showing 1 to 50 of 120." in page
    assert 'class="govuk-pagination"' in page and 'aria-label="Audit log pages"' in page
    assert 'href="/admin/audit?action=vacancy.created&amp;page=2" rel="next"' in page
    assert 'aria-current="page"' in page

    page = _page(client, "?action=vacancy.created&page=3")[1]
    assert _object_ids(page) == [f"ev-{number}" for number in range(19, -1, -1)]
    assert "Showing 101 to 120 of 120." in page
    assert 'href="/admin/audit?action=vacancy.created&amp;page=2" rel="prev"' in page
    assert 'rel="next"' not in page
    # The download link carries the filters but not the page.
    assert 'href="/admin/audit.csv?action=vacancy.created"' in page

    # A page past the end shows the last page; nonsense shows the first.
    assert _object_ids(_page(client, "?action=vacancy.created&page=99")[1])[0] == "ev-19"
    for nonsense in ("0", "-2", "two", "²", "9" * 30):
        status, page = _page(client, f"?action=vacancy.created&page={nonsense}")
        assert status == 200 and _object_ids(page)[0] == "ev-119", nonsense


def test_one_page_of_results_has_no_pagination(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    _event("ev-1")
    db.session.commit()
    assert "govuk-pagination" not in _page(client)[1]


def test_page_numbers_show_the_ends_and_the_neighbours():
    assert page_numbers(1, 1) == [1]
    assert page_numbers(1, 3) == [1, 2, 3]
    assert page_numbers(5, 10) == [1, None, 4, 5, 6, None, 10]
    assert page_numbers(10, 10) == [1, None, 9, 10]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from_date=31&from_date=2&from_date=2024", "Enter a real date, like 27 3 2026"),
        ("to_date=x&to_date=3&to_date=2024", "Enter a real date, like 27 3 2026"),
        ("from_date=1&from_date=3&from_date=24", "Enter a real date, like 27 3 2026"),
        ("from_date=1&from_date=13&from_date=2024", "Enter a real date, like 27 3 2026"),
        ("from_date=99999999999999999999&from_date=1&from_date=2024", "Enter a real date"),
        ("from_date=1&from_date=&from_date=2024", "The from date must include a month"),
        ("to_date=&to_date=&to_date=2024", "The to date must include a day and month"),
        (
            "from_date=3&from_date=6&from_date=2024&to_date=2&to_date=6&to_date=2024",
            "The from date must be before the to date",
        ),
    ],
)
def test_bad_dates_show_a_govuk_error_and_no_results(signed_in, query, message):
    client, _admin = signed_in(Role.ADMIN)
    _event("ev-1")
    db.session.commit()
    status, page = _page(client, f"?{query}")
    assert status == 200
    assert "govuk-error-summary" in page and message in page
    assert "<title>Error: Audit log" in page
    assert 'class="govuk-error-message"' in page  # by the field, too
    assert _object_ids(page) == [] and "Download as CSV" not in page
    # What was typed is shown again.
    assert "govuk-input--error" in page


def test_odd_query_strings_never_cause_an_error(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    _event("ev-1")
    db.session.commit()
    for query in (
        "?action=%00&who=%00&object_type=nothing.like.this",
        "?from_date=1&from_date=2&from_date=2024&from_date=4&from_date=5",
        "?from_date=1",
        "?endpoint=x&_external=1&_anchor=y",
        "?from_date=1&from_date=1&from_date=0001&to_date=31&to_date=12&to_date=9999",
        "?who=" + "x" * 300,
    ):
        status, _page_text = _page(client, query)
        assert status == 200, query
        assert client.get(f"/admin/audit.csv{query}").status_code in (200, 302), query


def test_detail_is_escaped_never_run(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    _event("ev-1", detail={"note": "<script>alert(1)</script>", "<b>key</b>": ["<i>x</i>"]})
    _event("ev-2", actor="<img src=x onerror=alert(2)>", action="<script>alert(3)</script>")
    db.session.commit()
    page = _page(client)[1]
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>key" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;key&lt;/b&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page


# The CSV download


def test_csv_has_every_matching_event_newest_first_with_utc_times(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    for number in range(60):
        _event(f"ev-{number}", at=SUMMER_AFTERNOON + timedelta(minutes=number))
    _event("ev-other", action="vacancy.updated", detail={"changes": {"title": ["A", "B"]}})
    db.session.commit()
    response = client.get("/admin/audit.csv?action=vacancy.created&page=2")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=audit-log-")
    rows = _csv_rows(response)
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 61  # all of them, not one page
    assert rows[1][:6] == [
        "2024-06-01T14:29:00Z",
        "hr.person@test.example",
        "",
        "vacancy.created",
        "Vacancy",
        "ev-59",
    ]
    assert rows[-1][0] == "2024-06-01T13:30:00Z" and rows[-1][7] == "192.0.2.1"

    other = _csv_rows(client.get("/admin/audit.csv?action=vacancy.updated"))
    assert other[1][6] == '{"changes": {"title": ["A", "B"]}}'


def test_csv_cells_cannot_run_as_formulas(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    _event("ev-1", actor="@SUM(1+1)@evil.example", detail={"note": FORMULA})
    _event(FORMULA, actor="+44 1234", action="-cmd", object_type="\tTab", detail=FORMULA)
    db.session.commit()
    rows = _csv_rows(client.get("/admin/audit.csv?who=evil"))
    assert rows[1][1] == "'@SUM(1+1)@evil.example"
    assert rows[1][6] == '{"note": "' + FORMULA + '"}'  # inside JSON, it cannot start a cell

    rows = _csv_rows(client.get("/admin/audit.csv?action=-cmd"))
    actor, _user, action, object_type, object_id, detail = rows[1][1:7]
    assert actor == "'+44 1234" and action == "'-cmd" and object_type == "'\tTab"
    assert object_id == "'" + FORMULA
    assert detail == '"' + FORMULA + '"'
    for row in _csv_rows(client.get("/admin/audit.csv")):
        for cell in row:
            assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_the_download_is_recorded_with_its_filters(signed_in):
    client, admin = signed_in(Role.ADMIN)
    _event("ev-1")
    db.session.commit()
    query = "?action=vacancy.created&who=hr&from_date=1&from_date=6&from_date=2024"
    assert client.get(f"/admin/audit.csv{query}").status_code == 200
    exported = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "audit.exported")
    ).all()
    assert len(exported) == 1
    event = exported[0]
    assert event.actor == admin.email and event.user_id == admin.id
    assert event.object_type == "AuditLog" and event.object_id is None
    assert event.detail == {
        "filters": {"action": "vacancy.created", "who": "hr", "from": "2024-06-01"},
        "rows": 1,
        "truncated": False,
    }
    # The export shows up in the log, and the next download lists it.
    assert "audit.exported" in _page(client)[1]
    rows = _csv_rows(client.get("/admin/audit.csv?action=audit.exported"))
    assert [row[3] for row in rows[1:]] == ["audit.exported"]


def test_a_download_with_bad_filters_goes_back_to_the_page_and_records_nothing(signed_in):
    client, _admin = signed_in(Role.ADMIN)
    query = "action=login&from_date=31&from_date=2&from_date=2024&page=3"
    response = client.get(f"/admin/audit.csv?{query}")
    assert response.status_code == 302
    assert response.headers["Location"] == (
        "/admin/audit?action=login&from_date=31&from_date=2&from_date=2024"
    )
    assert _count("audit.exported") == 0
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Enter a real date, like 27 3 2026" in page
