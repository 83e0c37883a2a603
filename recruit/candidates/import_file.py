"""The candidate file, read and checked before the request's first query.

A POST's first query begins its transaction with BEGIN IMMEDIATE (``recruit/database.py``),
which on SQLite is the one write lock all workers share, and the blueprint's role check
makes that query when it loads the signed-in user. A file checked in the view would hold
the lock for as long as the check took, and a hostile one for seconds, stalling every other
worker's saves. So ``check_file_before_first_query`` runs ahead of the role check: it
decodes, parses and checks the file (everything but the comparison with the candidates
already held, which needs the database and is cheap), and the view takes the result from
``checked_file()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import g, request, session

from recruit.candidates.equality_forms import EqualityImportForm
from recruit.candidates.forms import ImportConfirmForm, ImportUploadForm
from recruit.domain.candidates import MAX_BYTES, CheckedFile, check_candidate_file
from recruit.domain.equality.answers_file import CheckedAnswers, check_answers_file
from recruit.sessions import SESSION_KEY


@dataclass(frozen=True)
class CheckedUpload:
    data: bytes
    checked: CheckedFile

    @property
    def text(self) -> str:
        """The file as text, for the check page to send back; only once it has no problems."""
        return self.data.decode("utf-8-sig")


def check_file_before_first_query() -> None:
    """Blueprint hook: register it before the role check (see the module docstring)."""
    read = _READERS.get(request.endpoint or "")
    # A browser that never signed in is refused by the role check: read nothing for it.
    if request.method == "POST" and read is not None and session.get(SESSION_KEY):
        g.checked_candidate_file = read()


def checked_equality_file() -> CheckedAnswers | None:
    """The posted equality export as the hook checked it, or None if the form sent none."""
    checked: CheckedAnswers | None = g.get("checked_candidate_file")  # set only by the hook
    return checked


def checked_file() -> CheckedUpload | None:
    """The posted file as the hook checked it, or None if the form sent none."""
    upload: CheckedUpload | None = g.get("checked_candidate_file")  # set only by the hook
    return upload


def _from_upload() -> CheckedUpload | None:
    data = _uploaded_bytes(ImportUploadForm())
    return None if data is None else CheckedUpload(data, check_candidate_file(data))


def _uploaded_bytes(form: ImportUploadForm | EqualityImportForm) -> bytes | None:
    upload = form.file.data if form.validate_on_submit() else None
    if upload is None or not getattr(upload, "filename", ""):
        return None
    try:
        data: bytes = upload.read(MAX_BYTES + 1)  # one byte over is enough to refuse it
    finally:
        upload.close()
    return data


def _from_confirmation() -> CheckedUpload | None:
    form = ImportConfirmForm()
    if not form.validate_on_submit():
        return None
    data = (form.csv_text.data or "").encode("utf-8")
    return CheckedUpload(data, check_candidate_file(data))


def _equality_from_upload() -> CheckedAnswers | None:
    data = _uploaded_bytes(EqualityImportForm())
    return None if data is None else check_answers_file(data)


_READERS: dict[str, Callable[[], CheckedUpload | CheckedAnswers | None]] = {
    "candidates.import_upload": _from_upload,
    "candidates.import_confirm": _from_confirmation,
    "candidates.equality_import": _equality_from_upload,
}
