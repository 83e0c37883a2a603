"""Reading and checking ``question_bank/candidate_pack.yaml``: the candidate pack's own wording.

The advert already states the commitment to safeguarding, the enhanced DBS check with the
children's barred list, references and the right to work; this file holds only what the pack
says beyond that, so each statement is written in one place.
"""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from recruit.domain.documents.candidate_pack.model import PackWording

SAFER_RECRUITMENT = "safer_recruitment"
# The statements, in the order the pack prints them.
STATEMENT_KEYS = ("self_disclosure", "references", "conditional_offer")
STATEMENT_LIMIT = 1_500


class PackWordingError(ValueError):
    """The file is not as its header describes; the message says where and what."""


def load_pack_wording(text: str) -> PackWording:
    """The wording from the file's text, or a ``PackWordingError`` naming what is wrong."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PackWordingError(f"candidate_pack.yaml is not valid YAML: {error}") from error
    statements = _mapping(_mapping(data, "the file").get(SAFER_RECRUITMENT), SAFER_RECRUITMENT)
    unknown = sorted(set(map(str, statements)) - set(STATEMENT_KEYS))
    if unknown:
        raise PackWordingError(
            f"{SAFER_RECRUITMENT}: unknown statement {', '.join(unknown)}; "
            f"the statements are {', '.join(STATEMENT_KEYS)}"
        )
    texts = {key: _statement(statements.get(key), key) for key in STATEMENT_KEYS}
    return PackWording(**texts)


def _mapping(value: object, where: str) -> Mapping[object, object]:
    if not isinstance(value, Mapping):
        raise PackWordingError(f"{where}: expected a mapping of names to values")
    return value


def _statement(value: object, key: str) -> str:
    where = f"{SAFER_RECRUITMENT}.{key}"
    if not isinstance(value, str) or not value.strip():
        raise PackWordingError(f"{where}: write the statement as text")
    text = " ".join(value.split())
    if len(text) > STATEMENT_LIMIT:
        raise PackWordingError(f"{where}: keep it to {STATEMENT_LIMIT} characters or fewer")
    return text
