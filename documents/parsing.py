"""Turning typed text or a .docx into numbered blocks (headings and paragraphs).

Typed text: one paragraph per line; a line starting with "#", "##" or "###" is a heading of that
level. A .docx: paragraphs in body order, headings from the Heading 1–3 (or Title) styles or the
paragraph's outline level; table rows become paragraphs with their cells joined by " | ".
Numbering: a level-1 heading opens section N and is numbered "N"; every other block of the section
is "N.k" (k counts from 1); blocks before the first section are "0.k".
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congress.uploads import checked_upload

MAX_BLOCKS = 3000
MAX_BLOCK_CHARS = 20_000
MAX_TEXT_CHARS = 1_000_000
# A .docx is a zip: refuse one whose main part unpacks to something absurd (a zip bomb).
MAX_DOCUMENT_XML_BYTES = 50 * 1024 * 1024

_HEADING = re.compile(r"^(#{1,3})\s+(.+)$")
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" or "paragraph"
    level: int  # 1–3 for headings, 0 for paragraphs
    text: str

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"


def clean_text(text: str) -> str:
    """One line, single spaces (Word and browsers add tabs, non-breaking spaces, soft breaks)."""
    return " ".join(text.replace("\xa0", " ").split())


def _check_blocks(blocks: list[Block]) -> list[Block]:
    if not blocks:
        raise ValidationError(_("The document has no text: nothing to number."), code="empty")
    if len(blocks) > MAX_BLOCKS:
        raise ValidationError(
            _("The document has %(n)d paragraphs; at most %(max)d are accepted.")
            % {"n": len(blocks), "max": MAX_BLOCKS},
            code="too_many",
        )
    for index, block in enumerate(blocks, start=1):
        if len(block.text) > MAX_BLOCK_CHARS:
            raise ValidationError(
                _("Paragraph %(n)d is longer than %(max)d characters; split it.")
                % {"n": index, "max": MAX_BLOCK_CHARS},
                code="too_long",
            )
    return blocks


def parse_structured_text(text: str) -> list[Block]:
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError(
            _("The text is longer than %(max)d characters.") % {"max": MAX_TEXT_CHARS}, code="too_long"
        )
    blocks: list[Block] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean_text(raw)
        if not line:
            continue
        match = _HEADING.match(line)
        if match:
            blocks.append(Block("heading", len(match.group(1)), clean_text(match.group(2))))
        else:
            blocks.append(Block("paragraph", 0, line))
    return _check_blocks(blocks)


def blocks_to_text(blocks) -> str:
    """The typed form of blocks (or paragraphs): what the edit box shows for a new version."""
    lines = []
    for block in blocks:
        if block.kind == "heading":
            lines.append("#" * max(block.level, 1) + " " + block.text)
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _docx_heading_level(paragraph) -> int:
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):
        style = None
    names = [getattr(style, "name", "") or "", getattr(style, "style_id", "") or ""] if style is not None else []
    for name in names:
        if name.lower() == "title":
            return 1
        match = _HEADING_STYLE.match(name.strip())
        if match:
            return min(int(match.group(1)), 3)
    properties = paragraph._p.pPr
    if properties is not None:
        outline = properties.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl")
        if outline is not None:
            value = outline.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
            if value is not None and value.isdigit() and int(value) < 3:
                return int(value) + 1
    return 0


def _unreadable() -> ValidationError:
    return ValidationError(
        _(
            "The file could not be read as a Word document: it may be damaged. "
            "Open it in Word, save it again as .docx and upload it again."
        ),
        code="malformed",
    )


def parse_docx(upload, *, max_bytes: int | None = None) -> list[Block]:
    """Blocks of an uploaded .docx; a damaged, encrypted or non-Word file raises ValidationError."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph
    from lxml.etree import LxmlError

    checked_upload(upload, kinds=("docx",), max_bytes=max_bytes or settings.UPLOAD_MAX_BYTES)
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            if archive.getinfo("word/document.xml").file_size > MAX_DOCUMENT_XML_BYTES:
                raise ValidationError(_("The document is too large once unpacked."), code="too_large")
        upload.seek(0)
        document = Document(upload)
        blocks: list[Block] = []
        body = document.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                paragraph = DocxParagraph(child, document)
                text = clean_text(paragraph.text)
                if not text:
                    continue
                level = _docx_heading_level(paragraph)
                blocks.append(Block("heading" if level else "paragraph", level, text))
            elif tag == "tbl":
                for row in Table(child, document).rows:
                    cells: list[str] = []
                    for cell in row.cells:
                        value = clean_text(cell.text)
                        if value and (not cells or cells[-1] != value):  # merged cells repeat their text
                            cells.append(value)
                    if cells:
                        blocks.append(Block("paragraph", 0, " | ".join(cells)))
    except ValidationError:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, LxmlError, OSError, IndexError):
        raise _unreadable() from None
    finally:
        upload.seek(0)
    return _check_blocks(blocks)


def number_blocks(blocks) -> list[str]:
    """Labels "N" for level-1 headings and "N.k" for every other block (see the module docstring)."""
    section = 0
    count = 0
    labels: list[str] = []
    for block in blocks:
        if block.kind == "heading" and block.level == 1:
            section += 1
            count = 0
            labels.append(str(section))
        else:
            count += 1
            labels.append(f"{section}.{count}")
    return labels
