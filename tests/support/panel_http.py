"""A panel member's browser over real HTTP (for a real gunicorn): sign in, fill a score
sheet, save a draft, continue to the check page, submit. Every response's status is kept,
so a test can count them afterwards. ``FlaskPanelBrowser`` does the same in-process."""

from __future__ import annotations

import re
import threading

import requests

from tests.support.forms import csrf_token_from

LOCK_VERSION = re.compile(r'name="lock_version"[^>]*value="([^"]*)"')
REQUEST_SECONDS = 60


class PanelBrowser:
    """One member's browser: its own cookie jar. ``new_tab`` shares the sign-in."""

    def __init__(self, base: str, statuses: list[int] | None = None) -> None:
        self.base = base
        self.session = requests.Session()
        self.statuses = statuses if statuses is not None else []
        self._lock = threading.Lock()

    def new_tab(self) -> PanelBrowser:
        tab = PanelBrowser(self.base, self.statuses)
        tab._lock = self._lock  # one list of statuses, one lock
        tab.session.cookies.update(self.session.cookies)
        return tab

    def get(self, path: str) -> requests.Response:
        response = self.session.get(self.base + path, timeout=REQUEST_SECONDS)
        self._keep(response)
        return response

    def post(self, path: str, data: dict[str, str]) -> requests.Response:
        response = self.session.post(
            self.base + path, data=data, allow_redirects=False, timeout=REQUEST_SECONDS
        )
        self._keep(response)
        return response

    def _keep(self, response: requests.Response) -> None:
        with self._lock:
            self.statuses.append(response.status_code)

    def sign_in(self, email: str, password: str) -> requests.Response:
        page = self.get("/sign-in")
        return self.post(
            "/sign-in",
            {"csrf_token": csrf_token_from(page.text), "email": email, "password": password},
        )

    def sheet_form(self, stage_id: int, candidate_id: int) -> dict[str, str]:
        """The hidden fields of the member's sheet as the page now shows them."""
        return self._hidden_fields(sheet_path(stage_id, candidate_id))

    def check_form(self, stage_id: int, candidate_id: int) -> dict[str, str]:
        return self._hidden_fields(sheet_path(stage_id, candidate_id, "check"))

    def _hidden_fields(self, path: str) -> dict[str, str]:
        page = self.get(path)
        assert page.status_code == 200, (path, page.status_code)
        version = LOCK_VERSION.search(page.text)
        return {
            "csrf_token": csrf_token_from(page.text),
            "lock_version": version.group(1) if version else "",
        }

    def save_sheet(
        self,
        stage_id: int,
        candidate_id: int,
        answers: dict[str, str],
        button: str = "save_draft",
        hidden: dict[str, str] | None = None,
    ) -> requests.Response:
        """Post the sheet with ``button`` (save_draft or check), as the page was loaded."""
        fields = hidden or self.sheet_form(stage_id, candidate_id)
        return self.post(sheet_path(stage_id, candidate_id), {**fields, button: "x", **answers})

    def submit(
        self, stage_id: int, candidate_id: int, hidden: dict[str, str] | None = None
    ) -> requests.Response:
        fields = hidden or self.check_form(stage_id, candidate_id)
        return self.post(sheet_path(stage_id, candidate_id, "check"), fields)


class FlaskPanelBrowser(PanelBrowser):
    """``PanelBrowser`` driving the app in-process through Flask's test client."""

    def __init__(self, client) -> None:  # type: ignore[no-untyped-def]
        super().__init__("")
        self.client = client

    def get(self, path):  # type: ignore[no-untyped-def]
        response = self.client.get(path)
        response.text = response.get_data(as_text=True)
        return response

    def post(self, path, data):  # type: ignore[no-untyped-def]
        return self.client.post(path, data=data)


def sheet_path(stage_id: int, candidate_id: int, page: str = "score") -> str:
    return f"/interviews/{stage_id}/candidates/{candidate_id}/{page}"


def sheet_answers(scores: dict[int, str], notes: dict[int, str]) -> dict[str, str]:
    """Form fields for a sheet: a score ("1".."5", "none" or "") and a note per plan item."""
    fields = {}
    for item_id, score in scores.items():
        fields[f"score_{item_id}"] = score
        fields[f"evidence_{item_id}"] = notes.get(item_id, "")
    return fields
