"""The audit log viewer's filters, pages and cells, kept apart from Flask and the database.

Dates are whole days in UK time, as an admin thinks of them: "from 27 3 2026 to 28 3 2026"
means from midnight UK time at the start of the 27th to midnight at the end of the 28th,
whatever the clocks did. Events are stored in UTC, so the days become a UTC range here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

UK_TIME = ZoneInfo("Europe/London")
PER_PAGE = 50
CSV_ROW_LIMIT = 100_000
REAL_DATE_MESSAGE = "Enter a real date, like 27 3 2026"
DATE_ORDER_MESSAGE = "The from date must be before the to date"
CSV_HEADER = (
    "When (UTC)",
    "Who",
    "User ID",
    "Action",
    "Object type",
    "Object ID",
    "Details",
    "IP address",
)
_DATE_PARTS = ("day", "month", "year")


@dataclass(frozen=True)
class AuditFilters:
    """What the admin asked for; empty text and None dates mean "any"."""

    action: str = ""
    actor: str = ""
    object_type: str = ""
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.action or self.actor or self.object_type or self.date_from or self.date_to)

    def utc_range(self) -> tuple[datetime | None, datetime | None]:
        """The UTC instants to search between: the start inclusive, the end exclusive."""
        start = uk_day_start(self.date_from) if self.date_from else None
        end = None
        if self.date_to and self.date_to < date.max:
            end = uk_day_start(self.date_to + timedelta(days=1))
        return start, end

    def as_detail(self) -> dict[str, str]:
        """The filters in use, as JSON-safe text for the audit record of an export."""
        detail = {
            "action": self.action,
            "who": self.actor,
            "object_type": self.object_type,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
        }
        return {key: value for key, value in detail.items() if value}


def uk_day_start(day: date) -> datetime:
    """Midnight at the start of ``day`` in UK time, as a UTC datetime."""
    return datetime.combine(day, time.min, tzinfo=UK_TIME).astimezone(UTC)


def parse_date_parts(parts: Sequence[str], what: str) -> date | None:
    """Day, month and year boxes to a date; None when all three are empty.

    Raises ValueError with a GOV.UK error message naming ``what`` ("the from date") when
    a box is missing, and a plain "enter a real date" message for anything else wrong.
    """
    cleaned = [str(part).strip() for part in parts][:3]
    cleaned += [""] * (3 - len(cleaned))
    if not any(cleaned):
        return None
    missing = [name for name, part in zip(_DATE_PARTS, cleaned, strict=True) if not part]
    if missing:
        raise ValueError(f"{what.capitalize()} must include a {' and '.join(missing)}")
    day, month, year = cleaned
    if not all(_is_number(part) for part in cleaned) or len(year) != 4:
        raise ValueError(REAL_DATE_MESSAGE)
    try:
        return date(int(year), int(month), int(day))
    except (ValueError, OverflowError) as error:
        raise ValueError(REAL_DATE_MESSAGE) from error


def date_order_problem(date_from: date | None, date_to: date | None) -> str | None:
    """The same day for both is allowed: it means that one day."""
    if date_from and date_to and date_from > date_to:
        return DATE_ORDER_MESSAGE
    return None


def page_number(raw: str | None) -> int:
    """The page asked for; anything that is not a whole number from 1 up means page 1."""
    text = (raw or "").strip()
    if not _is_number(text) or len(text) > 9:
        return 1
    return max(int(text), 1)


def page_count(total: int, per_page: int = PER_PAGE) -> int:
    return max((total + per_page - 1) // per_page, 1)


def page_numbers(current: int, pages: int) -> list[int | None]:
    """The page links to show, GOV.UK style: first, last, and neighbours; None is an ellipsis."""
    wanted = {1, pages, current - 1, current, current + 1}
    shown = sorted(number for number in wanted if 1 <= number <= pages)
    numbers: list[int | None] = []
    for number in shown:
        if numbers and numbers[-1] is not None and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def detail_pairs(detail: object) -> list[tuple[str, str]]:
    """An event's detail as (key, value) text pairs for people to read.

    Text is shown as it is; anything else (numbers, lists, nested objects) as compact JSON.
    Detail that is not an object at all is shown as one pair with an empty key.
    """
    if detail is None or detail == {}:
        return []
    if not isinstance(detail, dict):
        return [("", _value_text(detail))]
    return [(str(key), _value_text(value)) for key, value in detail.items()]


def detail_json(detail: object) -> str:
    """An event's detail as JSON text, for the CSV: complete and machine-readable."""
    if detail is None or detail == {}:
        return ""
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC to the second: 2026-03-27T14:30:00Z."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def csv_row(
    occurred_at: datetime,
    actor: str,
    user_id: int | None,
    action: str,
    object_type: str | None,
    object_id: str | None,
    detail: object,
    ip_address: str | None,
) -> tuple[object, ...]:
    """One event as CSV cells in ``CSV_HEADER`` order (neutralise them when writing)."""
    return (
        iso_utc(occurred_at),
        actor,
        user_id,
        action,
        object_type,
        object_id,
        detail_json(detail),
        ip_address,
    )


def _is_number(text: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also accepts superscripts that ``int`` refuses."""
    return text.isascii() and text.isdigit()


def _value_text(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)
