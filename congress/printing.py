"""Printable documents in the Party document format, as PDF (WeasyPrint) and .docx (python-docx).

The format (Quy định 66-QĐ/TW, simplified): top left the upper-level committee and the issuing
body, top right "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date line
("Ba Đình, ngày 02 tháng 6 năm 2020"), then a centred title. Every app's reports use these
helpers so that everything the secretariat prints and signs looks the same.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone


@dataclass(frozen=True)
class PartyHeader:
    upper_body: str  # "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"
    issuing_body: str  # "QUẬN ỦY BA ĐÌNH"
    place: str  # "Ba Đình"
    date: datetime.date | None  # None prints "ngày … tháng … năm …" to fill by hand
    number: str = ""  # "Số 15-BC/QU"

    @property
    def date_line(self) -> str:
        return vietnamese_date_line(self.place, self.date)


def vietnamese_date_line(place: str, date: datetime.date | None) -> str:
    if date is None:
        return f"{place}, ngày … tháng … năm …"
    # Day with two digits, month as is, as on Party documents (days and months 1–2 get a leading 0).
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def header_for(congress, *, date: datetime.date | None = None, number: str = "") -> PartyHeader:
    return PartyHeader(
        upper_body=(congress.upper_committee or "").upper(),
        issuing_body=congress.organizing_committee.upper(),
        place=congress.place or congress.organizing_committee,
        date=date if date is not None else timezone.localdate(),
        number=number,
    )


def render_pdf(template_name: str, context: dict, *, header: PartyHeader, title: str, watermark: str = "") -> bytes:
    """Render a template that extends `print/base.html` to PDF bytes."""
    from weasyprint import HTML

    html = render_to_string(
        template_name, {**context, "header": header, "document_title": title, "watermark": watermark}
    )
    return HTML(string=html, base_url=None).write_pdf()


def new_party_docx(*, header: PartyHeader, title: str, subtitle: str = ""):
    """A python-docx Document with the Party header and the centred title; the caller adds the body."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    lines_left = [(header.upper_body, False), (header.issuing_body, True), ("*", False)]
    if header.number:
        lines_left.append((header.number, False))
    left.paragraphs[0].text = ""
    for index, (text, bold) in enumerate(lines_left):
        paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = bold
    top = right.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = top.add_run("ĐẢNG CỘNG SẢN VIỆT NAM")
    run.bold = True
    run.underline = True
    date_paragraph = right.add_paragraph()
    date_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    date_run = date_paragraph.add_run(header.date_line)
    date_run.italic = True

    document.add_paragraph()
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading_run = heading.add_run(title.upper())
    heading_run.bold = True
    heading_run.font.size = Pt(14)
    if subtitle:
        sub = document.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        sub.add_run(subtitle).bold = True
    return document


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
