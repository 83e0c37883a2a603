"""Whether the advert makes the statements safer recruitment asks of it.

Keeping Children Safe in Education (Part 3) and Working Together 2023 expect the advert to
state the commitment to safeguarding, the enhanced DBS check with the children's barred
list, references and the right to work; a chief or deputy chief officer's advert must also
say the post is politically restricted. The phrases that show each are in the lexicon.
"""

from __future__ import annotations

from recruit.domain.adverts.check.lexicon import AdvertLexicon
from recruit.domain.adverts.check.model import SaferRecruitmentStatement


def safer_recruitment_statements(
    text: str, lexicon: AdvertLexicon, *, politically_restricted: bool
) -> tuple[SaferRecruitmentStatement, ...]:
    """Each statement that applies to the post, in the lexicon's order, with the phrases found."""
    return tuple(
        SaferRecruitmentStatement(rule.key, rule.name, rule.matcher.phrases_found(text), rule.fix)
        for rule in lexicon.safer_recruitment
        if rule.applies(politically_restricted)
    )
