"""Everything held about one candidate, for a subject access request (UK GDPR Article 15).

``build_subject_access(candidate_id)`` reads every table that refers to the candidate (the
tables are listed in ``COVERED_TABLES``; a test fails when a table that refers to candidates
is missing from it) and returns one dictionary, written out as ``subject-access.json`` and,
through ``recruit.domain.documents.subject_access.word``, as ``subject-access.docx``.

What goes in, and what stays out:

* The candidate's record (every column, so a column added later is exported too), the
  vacancy's title, each stage they were assessed at, every score sheet about them (submitted
  or draft) with each question as issued, the score or "No evidence" and the evidence note,
  every amendment (before, after, reason, when), agreed scores with rationales, outcomes
  with reasons and values floor override reasons, conflicts of interest declared about them,
  and audit events whose subject is the candidate or one of the records above.
* Other people's personal data stays out. Panel members and other staff are third parties:
  each is named by a label, "Panel member 2" or "Staff member 1", numbered in order of first
  appearance in this export, with their panel role at each stage; never by name or email.
  Any staff user's or other candidate's full name or email address found in free text (a
  note, a reason) is replaced by a label in square brackets. Audit details whose keys name
  users or emails, and IP addresses, are withheld. Nothing from other candidates' records is
  read at all, apart from their names and emails for that redaction.
* Redaction of free text is by exact full name and email address only: whoever answers the
  request should still read the notes before sending them (a first name alone is not caught).

The modules: ``rows`` reads the rows, ``people`` labels staff, ``redaction`` takes other
people's names out of free text, ``records`` and ``stage_records`` write each row as a
dictionary, and ``export`` puts the document together and zips it.
"""

from recruit.subject_access.export import (
    DOCX_NAME,
    FORMAT,
    FORMAT_VERSION,
    JSON_NAME,
    CandidateNotFound,
    SubjectAccessExport,
    build_subject_access,
    subject_access_json,
    subject_access_zip,
)
from recruit.subject_access.people import REMOVED_ACCOUNT
from recruit.subject_access.records import INTERNAL_CANDIDATE_COLUMNS, NOT_RECORDED
from recruit.subject_access.redaction import A_MEMBER_OF_STAFF, ANOTHER_CANDIDATE
from recruit.subject_access.rows import COVERED_TABLES

__all__ = [
    "A_MEMBER_OF_STAFF",
    "ANOTHER_CANDIDATE",
    "COVERED_TABLES",
    "DOCX_NAME",
    "FORMAT",
    "FORMAT_VERSION",
    "INTERNAL_CANDIDATE_COLUMNS",
    "JSON_NAME",
    "NOT_RECORDED",
    "REMOVED_ACCOUNT",
    "CandidateNotFound",
    "SubjectAccessExport",
    "build_subject_access",
    "subject_access_json",
    "subject_access_zip",
]
