"""The candidate pack as a Word document: cover, the role, the person specification, how you
will be assessed, safer recruitment and how to apply.

The role is the advert's current text. The advert sections on assessment, applying and safer
recruitment open the pack's own parts of those names instead, so nothing is said twice.
Every string is cleaned on its way in: ``PackWriter`` cleans what it writes, and the
document's properties, header and footer go through ``one_line`` and ``running_text``.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

from docx.document import Document as DocxDocument

from recruit.domain.adverts.draft import SECTION_HEADINGS, AdvertSection, format_govuk_date
from recruit.domain.documents.advert import (
    PERSON_SPEC_HEADING,
    PERSON_SPEC_INTRODUCTION,
    Block,
    body_blocks,
)
from recruit.domain.documents.candidate_pack.model import CandidatePack, PackStage
from recruit.domain.documents.word import (
    DocumentMeta,
    PackWriter,
    one_line,
    running_text,
    start_document,
)
from recruit.domain.person_spec import Criterion

PACK_NAME = "Candidate information pack"
# The advert has its own "The role" section, which sits under this heading.
ROLE_HEADING = "About the job"
ASSESSMENT_HEADING = "How you will be assessed"
SAFER_RECRUITMENT_HEADING = "Safer recruitment"
APPLY_HEADING = "How to apply"
PERSON_SPEC_COLUMNS = ("Criterion", "Essential or desirable", "How it is assessed")
STAGE_COLUMNS = ("Stage", "What it is", "Date")
DATE_TO_COME = "To be confirmed"
NO_CRITERIA = (
    "The criteria for this post are not published yet: ask the contact named under How to apply."
)
NO_STAGES = "We will tell shortlisted applicants about each stage of the selection and its date."
STAGES_INTRODUCTION = "The stages of the selection, in order:"
# The advert sections that open the pack's own parts rather than sit under "The role".
ASSESSMENT_SECTION = "how_we_assess"
APPLY_SECTION = "how_to_apply"
SAFER_RECRUITMENT_SECTION = "safer_recruitment"
_MOVED_SECTIONS = (ASSESSMENT_SECTION, APPLY_SECTION, SAFER_RECRUITMENT_SECTION)


def build_candidate_pack_docx(
    pack: CandidatePack, reference: Path | None = None, *, now: datetime.datetime | None = None
) -> DocxDocument:
    """The pack as a Word document, styled by ``reference`` (the advert's) if given."""
    document = start_document(_document_meta(pack, reference, now))
    writer = PackWriter(document)
    _cover(writer, pack)
    _role(writer, pack.advert.sections)
    _person_spec(writer, pack.advert.person_spec)
    _assessment(writer, pack)
    _safer_recruitment(writer, pack)
    _how_to_apply(writer, pack)
    return document


def cover_rows(pack: CandidatePack) -> list[tuple[str, str]]:
    """The post at a glance, as (label, value); a blank optional value is left out."""
    advert = pack.advert
    rows = [
        ("Organisation", advert.organisation_name),
        ("Job reference", pack.reference),
        ("Closing date", format_govuk_date(advert.closing_date)),
        ("Salary", pack.salary),
        ("Contract", pack.contract),
        ("Location", pack.location),
        ("Interview dates", pack.interview_dates),
    ]
    return [(label, one_line(value)) for label, value in rows if one_line(value)]


def person_spec_rows(criteria: Sequence[Criterion]) -> list[tuple[str, str, str]]:
    """Essential criteria first, then desirable, each keeping its place within its kind."""
    ordered = sorted(criteria, key=lambda criterion: not criterion.essential)
    return [(one_line(c.text), c.kind, c.assessed_text) for c in ordered]


def stage_rows(stages: Sequence[PackStage]) -> list[tuple[str, str, str]]:
    return [
        (
            one_line(stage.name),
            one_line(stage.type_label),
            format_govuk_date(stage.held_on) if stage.held_on else DATE_TO_COME,
        )
        for stage in stages
    ]


def _cover(writer: PackWriter, pack: CandidatePack) -> None:
    writer.heading(pack.advert.title, 1)
    writer.paragraph(PACK_NAME)
    writer.table(
        None,
        cover_rows(pack),
        (0.3, 0.7),
        caption="The post at a glance",
        keep_together=True,
        bold_first_column=True,
    )


def _role(writer: PackWriter, sections: Sequence[AdvertSection]) -> None:
    writer.heading(ROLE_HEADING, 2, new_page=True)
    for section in sections:
        if section.key not in _MOVED_SECTIONS:
            writer.heading(_section_heading(section), 3)
            _write_body(writer, section.body)


def _person_spec(writer: PackWriter, criteria: Sequence[Criterion]) -> None:
    writer.heading(PERSON_SPEC_HEADING, 2)
    if not criteria:
        writer.paragraph(NO_CRITERIA)
        return
    writer.paragraph(PERSON_SPEC_INTRODUCTION, keep_with_next=True)
    writer.table(
        PERSON_SPEC_COLUMNS, person_spec_rows(criteria), (0.56, 0.19, 0.25), caption="Criteria"
    )


def _assessment(writer: PackWriter, pack: CandidatePack) -> None:
    writer.heading(ASSESSMENT_HEADING, 2)
    _write_body(writer, _section_body(pack.advert.sections, ASSESSMENT_SECTION))
    if not pack.stages:
        writer.paragraph(NO_STAGES)
        return
    writer.paragraph(STAGES_INTRODUCTION, keep_with_next=True)
    writer.table(
        STAGE_COLUMNS,
        stage_rows(pack.stages),
        (0.4, 0.35, 0.25),
        caption="Stages of the selection",
        keep_together=True,
    )


def _safer_recruitment(writer: PackWriter, pack: CandidatePack) -> None:
    writer.heading(SAFER_RECRUITMENT_HEADING, 2)
    _write_body(writer, pack.safer_recruitment)
    wording = pack.wording
    writer.paragraph(wording.self_disclosure, label="Criminal records:")
    writer.paragraph(wording.references, label="References:")
    writer.paragraph(wording.conditional_offer, label="Offers:")


def _how_to_apply(writer: PackWriter, pack: CandidatePack) -> None:
    writer.heading(APPLY_HEADING, 2)
    body = _section_body(pack.advert.sections, APPLY_SECTION)
    if body.strip():
        _write_body(writer, body)
    else:
        writer.paragraph(f"The closing date is {format_govuk_date(pack.advert.closing_date)}.")
    if one_line(pack.contact):
        writer.paragraph(one_line(pack.contact), label="Contact:")


def _write_body(writer: PackWriter, body: str) -> None:
    """The advert's paragraphs and bullets, as its own export splits them."""
    blocks = body_blocks(body)
    index = 0
    while index < len(blocks):
        if blocks[index].kind == "bullet":
            run = _bullet_run(blocks, index)
            writer.bullets([block.text for block in run])
            index += len(run)
        else:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            leads_list = following is not None and following.kind == "bullet"
            writer.paragraph(blocks[index].text, keep_with_next=leads_list)
            index += 1


def _bullet_run(blocks: Sequence[Block], start: int) -> list[Block]:
    run = []
    for block in blocks[start:]:
        if block.kind != "bullet":
            break
        run.append(block)
    return run


def _section_heading(section: AdvertSection) -> str:
    return one_line(section.heading) or SECTION_HEADINGS.get(section.key, "")


def _section_body(sections: Sequence[AdvertSection], key: str) -> str:
    return next((section.body for section in sections if section.key == key), "")


def _document_meta(
    pack: CandidatePack, reference: Path | None, now: datetime.datetime | None
) -> DocumentMeta:
    organisation = one_line(pack.advert.organisation_name)
    closing = format_govuk_date(pack.advert.closing_date)
    return DocumentMeta(
        title=one_line(f"{pack.advert.title} \u2013 {PACK_NAME.lower()}"),
        subject=PACK_NAME,
        organisation=organisation,
        header=running_text(organisation),
        footer=running_text(f"{one_line(pack.reference)} \u00b7 Closing date {closing}"),
        reference=reference,
        created=now,
    )
