"""A job advert as a Word document, as clean HTML and as plain text for job boards.

All three are drawn from one list of blocks built by ``advert_blocks``, so they always say
the same thing in the same order, and every string is cleaned once on its way in.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph

from recruit.domain.adverts.draft import SECTION_HEADINGS, AdvertSection, format_govuk_date
from recruit.domain.documents.word.direction import mark_direction
from recruit.domain.documents.word.document import DocumentMeta, start_document
from recruit.domain.documents.word.text_safety import clean_for_document
from recruit.domain.person_spec import Criterion

PERSON_SPEC_HEADING = "Person specification"
PERSON_SPEC_INTRODUCTION = (
    "We shortlist against the essential criteria, so show in your application how you meet "
    "each one. Each criterion says how we assess it."
)
SELF_ASSESSMENT_HEADING = "Questions to ask yourself before you apply"
SELF_ASSESSMENT_INTRODUCTION = (
    "These questions are for you alone, and we will not ask for your answers. They may help "
    "you decide whether this role and its values are right for you."
)
# The self-assessment sits just before how to apply, where an applicant decides whether to.
_SELF_ASSESSMENT_BEFORE = "how_to_apply"
# Word, web pages and email paste list items with these markers; all become real bullets.
_BULLET = re.compile(r"^[-*\u2022\u00b7\u25e6\u25aa\u2023\u2043](?:\s+(?P<text>.*))?$")
# "Salary: £60,000", "Creating successful partnerships: you build ...": a short lead-in
# with no sentence break before the colon is a label, not the end of a sentence.
_BULLET_LABEL = re.compile(r"^(?P<label>[^:.!?]{1,100}):\s+(?P<rest>\S.*)$")
_PLAIN_UNDERLINE_LIMIT = 72

BlockKind = Literal["title", "heading", "subheading", "paragraph", "bullet"]


@dataclass(frozen=True)
class AdvertDocument:
    organisation_name: str
    title: str
    innovation_name: str
    closing_date: datetime.date
    sections: Sequence[AdvertSection]
    self_assessment: Sequence[tuple[str, list[str]]] = field(default_factory=tuple)
    # The vacancy's person specification, printed before the self-assessment and how to apply.
    person_spec: Sequence[Criterion] = field(default_factory=tuple)


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


# --- the shared outline --------------------------------------------------------------------


def advert_blocks(advert: AdvertDocument) -> list[Block]:
    """The advert as cleaned, ordered blocks: the single source for every export."""
    blocks = [
        Block("title", _one_line(advert.title)),
        Block("paragraph", f"Closing date: {format_govuk_date(advert.closing_date)}"),
    ]
    for section in advert.sections:
        if section.key == _SELF_ASSESSMENT_BEFORE:
            blocks += _person_spec_blocks(advert.person_spec)
            blocks += _self_assessment_blocks(advert.self_assessment)
        heading = _one_line(section.heading) or SECTION_HEADINGS.get(section.key, "")
        blocks += [Block("heading", heading), *body_blocks(section.body)]
    if not any(section.key == _SELF_ASSESSMENT_BEFORE for section in advert.sections):
        blocks += _person_spec_blocks(advert.person_spec)
        blocks += _self_assessment_blocks(advert.self_assessment)
    return blocks


def _person_spec_blocks(criteria: Sequence[Criterion]) -> list[Block]:
    """Essential then desirable criteria, each with how it is assessed."""
    if not criteria:
        return []
    blocks = [Block("heading", PERSON_SPEC_HEADING), Block("paragraph", PERSON_SPEC_INTRODUCTION)]
    for title, essential in (("Essential", True), ("Desirable", False)):
        listed = [c for c in criteria if c.essential is essential]
        if listed:
            blocks.append(Block("subheading", title))
            blocks += [
                Block("bullet", f"{_one_line(c.text)} (assessed by: {c.assessed_text.lower()})")
                for c in listed
            ]
    return blocks


def body_blocks(body: str) -> list[Block]:
    """Each non-blank line of ``body`` as a paragraph, or a bullet if it starts with a marker.

    Every line stands alone, so paragraphs pasted from Word (one per line) keep their breaks.
    """
    blocks = []
    for line in clean_for_document(body).split("\n"):
        text = line.strip()
        bullet = _BULLET.match(text)
        if bullet is None:
            blocks += [Block("paragraph", text)] if text else []
        elif bullet["text"] and bullet["text"].strip():
            blocks.append(Block("bullet", bullet["text"].strip()))
    return blocks


def _self_assessment_blocks(prompts: Sequence[tuple[str, list[str]]]) -> list[Block]:
    if not prompts:
        return []
    blocks = [
        Block("heading", SELF_ASSESSMENT_HEADING),
        Block("paragraph", SELF_ASSESSMENT_INTRODUCTION),
    ]
    for attribute_name, questions in prompts:
        blocks.append(Block("subheading", _one_line(attribute_name)))
        blocks += [Block("bullet", _one_line(question)) for question in questions]
    return blocks


def _one_line(text: str) -> str:
    return " ".join(clean_for_document(text).split())


# --- Word ----------------------------------------------------------------------------------

_DOCX_STYLES: dict[BlockKind, str] = {
    "title": "Heading 1",
    "heading": "Heading 2",
    "subheading": "Heading 3",
    "paragraph": "Normal",
    "bullet": "List Bullet",
}


def build_advert_docx(
    advert: AdvertDocument,
    reference: Path | None = None,
    *,
    now: datetime.datetime | None = None,
) -> DocxDocument:
    """The advert as a Word document, styled by ``reference`` if given.

    The advert title is Heading 1 and each section Heading 2, so Word's navigation pane and
    screen readers see the structure; bullets use the real List Bullet style.
    """
    document = start_document(_document_meta(advert, reference, now))
    style_ids = {kind: document.styles[name].style_id for kind, name in _DOCX_STYLES.items()}
    blocks = advert_blocks(advert)
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        paragraph = _add_block(document, block, style_ids[block.kind])
        # An introduction ending "...these values:" should not be stranded above its list.
        if block.kind == "paragraph" and following and following.kind == "bullet":
            paragraph.paragraph_format.keep_with_next = True
    return document


def _add_block(document: DocxDocument, block: Block, style_id: str) -> Paragraph:
    """A paragraph in the block's style; a bullet's short "Label:" lead-in is bold."""
    paragraph = document.add_paragraph()
    # Set by id: python-docx's lookup by name rescans every style for each paragraph.
    paragraph._p.style = style_id
    label = _BULLET_LABEL.match(block.text) if block.kind == "bullet" else None
    if label:
        paragraph.add_run(label["label"] + ":").bold = True
        paragraph.add_run(" " + label["rest"])
    else:
        paragraph.add_run(block.text)
    mark_direction(paragraph)
    return paragraph


def _document_meta(
    advert: AdvertDocument, reference: Path | None, now: datetime.datetime | None
) -> DocumentMeta:
    organisation = _one_line(advert.organisation_name)
    innovation = _one_line(advert.innovation_name)
    closing = format_govuk_date(advert.closing_date)
    return DocumentMeta(
        title=_one_line(advert.title),
        subject=f"Job advert: {innovation}" if innovation else "Job advert",
        organisation=organisation,
        header=organisation,
        footer=f"{organisation} \u00b7 Closing date {closing}",
        reference=reference,
        page_numbers=False,
        created=now,
    )


# --- HTML and plain text -------------------------------------------------------------------

_HTML_TAGS: dict[BlockKind, str] = {
    "title": "h1",
    "heading": "h2",
    "subheading": "p",
    "paragraph": "p",
    "bullet": "li",
}


def advert_html(advert: AdvertDocument) -> str:
    """A standalone fragment for job boards: h1, h2, p, ul and li, every value escaped."""
    return "\n".join(_html_lines(advert_blocks(advert))) + "\n"


def _html_lines(blocks: Sequence[Block]) -> Iterator[str]:
    in_list = False
    for block in blocks:
        if (block.kind == "bullet") != in_list:
            in_list = not in_list
            yield "<ul>" if in_list else "</ul>"
        tag = _HTML_TAGS[block.kind]
        yield f"{'  ' if in_list else ''}<{tag}>{html.escape(block.text)}</{tag}>"
    if in_list:
        yield "</ul>"


def advert_plain_text(advert: AdvertDocument) -> str:
    """Readable plain text: the title underlined, headings underlined, bullets as "• "."""
    lines: list[str] = []
    previous: BlockKind | None = None
    for block in advert_blocks(advert):
        if lines and not (block.kind == "bullet" and previous == "bullet"):
            lines.append("")
        lines += _plain_lines(block)
        previous = block.kind
    return "\n".join(lines) + "\n"


def _plain_lines(block: Block) -> list[str]:
    underline = {"title": "=", "heading": "-"}.get(block.kind)
    if underline:
        return [block.text, underline * min(len(block.text), _PLAIN_UNDERLINE_LIMIT)]
    return ["\u2022 " + block.text] if block.kind == "bullet" else [block.text]
