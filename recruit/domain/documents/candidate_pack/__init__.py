"""The candidate pack: the applicant's information pack that goes out with the advert.

``build_candidate_pack_docx`` makes the Word document from a ``CandidatePack``;
``load_pack_wording`` reads the pack's own safer recruitment wording from
``question_bank/candidate_pack.yaml``.
"""

from recruit.domain.documents.candidate_pack.model import CandidatePack, PackStage, PackWording
from recruit.domain.documents.candidate_pack.word import (
    APPLY_HEADING,
    ASSESSMENT_HEADING,
    PACK_NAME,
    PERSON_SPEC_COLUMNS,
    ROLE_HEADING,
    SAFER_RECRUITMENT_HEADING,
    SAFER_RECRUITMENT_SECTION,
    build_candidate_pack_docx,
    cover_rows,
    person_spec_rows,
    stage_rows,
)
from recruit.domain.documents.candidate_pack.wording import (
    STATEMENT_KEYS,
    PackWordingError,
    load_pack_wording,
)

__all__ = [
    "APPLY_HEADING",
    "ASSESSMENT_HEADING",
    "PACK_NAME",
    "PERSON_SPEC_COLUMNS",
    "ROLE_HEADING",
    "SAFER_RECRUITMENT_HEADING",
    "SAFER_RECRUITMENT_SECTION",
    "STATEMENT_KEYS",
    "CandidatePack",
    "PackStage",
    "PackWording",
    "PackWordingError",
    "build_candidate_pack_docx",
    "cover_rows",
    "load_pack_wording",
    "person_spec_rows",
    "stage_rows",
]
