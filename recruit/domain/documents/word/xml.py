"""Word XML written straight into the tree, as python-docx would write it.

python-docx's get_or_add_* runs an XPath search for each element that may follow the one it
adds, and paragraph.text another search per call: together they were most of a pack's build
time. These helpers write the same elements, in the same schema order, directly;
tests/domain/test_interview_pack_xml.py checks each against python-docx's own API.
"""

from __future__ import annotations

import functools
import re
from typing import cast

from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Length
from docx.table import _Cell

# python-docx turns a tab into w:tab and each CR or LF into w:br; append_run does the same.
RUN_SPECIAL = re.compile(r"([\t\r\n])")
W_T = qn("w:t")
W_PPR = "w:pPr"
W_TCPR = "w:tcPr"
W_VAL = qn("w:val")
_XML_SPACE = qn("xml:space")


# Schema order of the w:pPr and w:tcPr children written here (ECMA-376 CT_PPr, CT_TcPr), as
# python-docx keeps them.
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip
_TCPR_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
    "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange",
)  # fmt: skip


def _after(order: tuple[str, ...], tag: str) -> frozenset[str]:
    """The Clark names of the elements that the schema puts after ``tag``."""
    return frozenset(qn(name) for name in order[order.index(tag) + 1 :])


_AFTER = {
    **{tag: _after(_PPR_ORDER, tag) for tag in ("w:pStyle", "w:keepNext", "w:jc")},
    **{tag: _after(_TCPR_ORDER, tag) for tag in ("w:tcW", "w:vAlign")},
}


CENTRE = "center"  # w:jc and w:vAlign both spell it so


@functools.cache
def _name(tag: str) -> tuple[str, dict[str, str]]:
    prefixed = NamespacePrefixedTag(tag)
    return prefixed.clark_name, prefixed.nsmap


def _clark(tag: str) -> str:
    return _name(tag)[0]


def new_element(tag: str, attrs: dict[str, str] | None = None) -> BaseOxmlElement:
    """``OxmlElement(tag, attrs)`` without parsing the prefixed tag again for every element."""
    clark, nsmap = _name(tag)
    return cast(BaseOxmlElement, oxml_parser.makeelement(clark, attrib=attrs, nsmap=nsmap))


def _find(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement | None:
    # lxml publishes no types, so find() is Any: it gives the first such child, or None.
    return cast("BaseOxmlElement | None", parent.find(_clark(tag)))


def child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """``parent``'s ``tag`` child, added before the first child the schema puts after it."""
    found = _find(parent, tag)
    if found is not None:
        return found
    element = new_element(tag)
    after = _AFTER[tag]
    for existing in parent:
        if existing.tag in after:
            existing.addprevious(element)
            return element
    parent.append(element)
    return element


def properties(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """A paragraph's w:pPr or a cell's w:tcPr, which the schema puts first."""
    found = _find(parent, tag)
    if found is None:
        found = new_element(tag)
        parent.insert(0, found)
    return found


def set_paragraph_style(p: CT_P, style_id: str) -> None:
    child(properties(p, W_PPR), "w:pStyle").set(W_VAL, style_id)


def centre_vertically(cell: _Cell) -> None:
    child(properties(cell._tc, W_TCPR), "w:vAlign").set(W_VAL, CENTRE)


def append_run(
    p: CT_P, text: str, *, bold: bool | None, size: Length | None = None
) -> BaseOxmlElement:
    """What ``paragraph.add_run(text)`` writes. ``bold`` True or False is ``run.bold = True``
    or ``run.bold = None``: both add w:rPr, the second an empty one. None leaves w:rPr out
    unless ``size`` is given, which is ``run.font.size = size``."""
    run = new_element("w:r")
    p.append(run)
    for piece in RUN_SPECIAL.split(text):
        if piece == "\t":
            run.append(new_element("w:tab"))
        elif piece in ("\r", "\n"):
            run.append(new_element("w:br"))
        elif piece:
            run.append(_text_element(piece))
    if bold is not None or size is not None:
        run_properties = new_element("w:rPr")
        run.insert(0, run_properties)
        if bold:
            run_properties.append(new_element("w:b"))
        if size is not None:  # w:sz follows w:b in CT_RPr; its value is in half-points
            run_properties.append(new_element("w:sz", {W_VAL: str(int(Emu(size).pt * 2))}))
    return run


def _text_element(text: str) -> BaseOxmlElement:
    element = new_element("w:t")
    element.text = text
    if len(text.strip()) < len(text):
        element.set(_XML_SPACE, "preserve")
    return element
