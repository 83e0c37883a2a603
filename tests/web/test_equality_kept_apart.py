"""Equality answers are kept apart (#26 item 1): only the fair-selection report and HR's
write-only forms touch them. A static check finds every module that reads the table; a
crawl of every page and download as each other role finds no answer in any of them."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from recruit.extensions import db
from recruit.models import EqualityAnswers, Role
from tests.conftest import TEST_PASSWORD
from tests.support.forms import sign_in
from tests.web.test_access_matrix import _routes, _sample_ids, _url_for

ROOT = Path(__file__).resolve().parents[2]
# The only code that may name the equality table or the equality core: the model, the
# report, HR's write-only forms (and the upload hook that reads their file first), the
# command-line report and the demo's past year.
ALLOWED = {
    "recruit/__init__.py",  # registers the report's blueprint
    "recruit/models/__init__.py",
    "recruit/models/equality.py",
    "recruit/candidates/equality_forms.py",
    "recruit/candidates/equality_routes.py",
    "recruit/candidates/import_file.py",
    "recruit/cli/demo_equality.py",
    "recruit/cli/equality.py",
    # The retention purge turns an anonymised candidate's answers into counts.
    "recruit/retention.py",
    # A candidate's subject access export holds their own answers, for them alone.
    "recruit/subject_access/rows.py",
    "recruit/subject_access/records.py",
}
ALLOWED_PACKAGES = (
    "recruit/equality/",
    "recruit/domain/equality/",
    "recruit/domain/documents/equality_report/",  # the report's Word document
)
MENTIONS = re.compile(
    r"EqualityAnswers|equality_answers|recruit\.domain\.equality|recruit\.equality"
)

# Answers nobody could mistake for other words on a page, and the labels people read.
DISTINCTIVE = {
    "sexual_orientation": "gay_or_lesbian",
    "religion": "buddhist",
    "ethnicity": "mixed",
    "age_band": "55_64",
}
LABELS = ("Gay or lesbian", "Buddhist", "Mixed or Multiple ethnic groups", "55 to 64")
# HR's own equality pages list every answer the form offers (not any candidate's).
HR_EQUALITY_PAGES = {"candidates.equality_import", "candidates.equality_answers"}


def test_only_the_equality_code_reads_the_equality_table():
    readers = set()
    for path in (ROOT / "recruit").rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if MENTIONS.search(path.read_text(encoding="utf-8")):
            readers.add(relative)
    strays = {
        path for path in readers if path not in ALLOWED and not path.startswith(ALLOWED_PACKAGES)
    }
    assert not strays, f"these modules reach equality data: {sorted(strays)}"


def test_no_other_template_shows_equality_answers():
    for path in (ROOT / "templates").rglob("*.html"):
        relative = path.relative_to(ROOT / "templates").as_posix()
        if relative.startswith("equality/") or relative.startswith("candidates/equality_"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "sexual_orientation" not in text and "care_experience" not in text, relative


@pytest.mark.parametrize("role", [Role.HR, Role.PANEL, Role.REVIEWER])
def test_no_page_or_download_shows_an_answer_to_anyone_else(app, bank, make_user, role):
    ids = _sample_ids(make_user)
    db.session.add(
        EqualityAnswers(candidate_id=ids["candidate_id"], source="import", **DISTINCTIVE)
    )
    db.session.commit()
    client = app.test_client()
    assert sign_in(client, make_user(role).email, TEST_PASSWORD).status_code == 302
    for rule in _routes(app):
        if "GET" not in rule.methods or rule.endpoint in HR_EQUALITY_PAGES:
            continue
        url = _url_for(app, rule, ids)
        with client.get(url) as response:
            text = _readable(response.data, response.mimetype)
        for word in (*DISTINCTIVE.values(), *LABELS):
            assert word not in text, f"{url} as {role.value} shows {word!r}"


def _readable(data: bytes, mimetype: str) -> str:
    """A response as text: a Word or Excel file's XML parts, or the body itself."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return " ".join(
                archive.read(name).decode("utf-8", "replace")
                for name in archive.namelist()
                if name.endswith(".xml")
            )
    return data.decode("utf-8", "replace")


def test_the_vacancy_file_carries_no_answers(app, bank, make_user, tmp_path):
    ids = _sample_ids(make_user)
    db.session.add(
        EqualityAnswers(candidate_id=ids["candidate_id"], source="import", **DISTINCTIVE)
    )
    db.session.commit()
    out = tmp_path / "vacancy.json"
    args = ["vacancy", "export", str(ids["vacancy_id"]), "--out", str(out)]
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert '"candidates"' in text, "the file holds the candidates, so the check means something"
    for word in (*DISTINCTIVE, *DISTINCTIVE.values(), *LABELS):
        assert word not in text


def test_the_home_page_offers_the_report_to_the_equality_role_alone(signed_in):
    for role, shown in ((Role.EQUALITY, True), (Role.ADMIN, True), (Role.HR, False)):
        client, _ = signed_in(role)
        page = client.get("/").get_data(as_text=True)
        assert ("Read the fair-selection report" in page) is shown, role
