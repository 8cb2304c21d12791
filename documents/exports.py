"""Files made from drafts: a version as .docx or PDF (optionally a numbered, watermarked copy),
and the consolidation register of a round (bảng tổng hợp tiếp thu, giải trình) as .docx, PDF
and .xlsx. Printed documents are in Vietnamese, in the Party document format (congress/printing.py).
"""

from __future__ import annotations

import copy as copy_module
import functools
import io
from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from congress.printing import docx_bytes, header_for, new_party_docx
from congress.vietnamese import fold
from documents.models import CirculationCopy, Disposition, DraftVersion, ReviewRound
from documents.selectors import register_counts, register_groups


def in_vietnamese(function):
    """Printed documents are Vietnamese whatever the interface language (Party document format)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override("vi"):
            return function(*args, **kwargs)

    return wrapper


# Above this many comments, the register PDF is laid out in chunks so its progress can be shown.
PDF_CHUNK = 400


def _file_stem(text: str) -> str:
    return slugify(fold(text))[:80] or "van-kien"


def version_filename(version: DraftVersion, ext: str) -> str:
    return f"{_file_stem(version.draft.title)}-v{version.number}.{ext}"


def register_filename(review_round: ReviewRound, ext: str) -> str:
    return f"tong-hop-y-kien-{_file_stem(review_round.draft.title)}-{_file_stem(review_round.title)}.{ext}"


# --- a version


def version_docx(version: DraftVersion) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    with translation.override("vi"):
        draft = version.draft
        header = header_for(draft.congress, date=None)
        document = new_party_docx(
            header=header,
            title=draft.title,
            subtitle=_("Draft version %(n)d") % {"n": version.number},
        )
        for paragraph in version.paragraphs.order_by("position"):
            if paragraph.is_heading:
                block = document.add_paragraph()
                run = block.add_run(paragraph.text)
                run.bold = True
                if paragraph.level == 1:
                    block.alignment = WD_ALIGN_PARAGRAPH.LEFT
                    run.font.size = Pt(13)
            else:
                block = document.add_paragraph()
                block.paragraph_format.first_line_indent = Pt(28)
                block.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                block.add_run(paragraph.text)
            # The paragraph's number, small and grey, so comments can cite it.
            label = block.add_run(f"  [{paragraph.label}]")
            label.font.size = Pt(8)
            label.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
        return docx_bytes(document)


def version_pdf(version: DraftVersion, *, copy: CirculationCopy | None = None) -> bytes:
    """The version as PDF; for a circulated copy, the recipient's name and the copy number are
    printed on every page (a watermark across the page and a line in the top margin)."""
    from weasyprint import HTML

    with translation.override("vi"):
        draft = version.draft
        watermark = ""
        copy_line = ""
        if copy is not None:
            watermark = _("Copy no. %(n)02d – %(name)s") % {"n": copy.number, "name": copy.recipient_name}
            copy_line = _("Copy no. %(n)02d · issued to %(name)s · %(date)s · do not copy") % {
                "n": copy.number,
                "name": copy.recipient_name,
                "date": timezone.localtime(copy.issued_at).strftime("%d/%m/%Y"),
            }
        html = render_to_string(
            "documents/print/version.html",
            {
                "header": header_for(draft.congress, date=None),
                "document_title": draft.title,
                "watermark": watermark,
                "copy_line": copy_line,
                "version": version,
                "paragraphs": list(version.paragraphs.order_by("position")),
            },
        )
        return HTML(string=html, base_url=None).write_pdf()


# --- the consolidation register


def _register_context(review_round: ReviewRound) -> dict:
    return {
        "round": review_round,
        "draft": review_round.draft,
        "version": review_round.version,
        "counts": register_counts(review_round),
        "groups": register_groups(review_round),
        "title": _("Register of comments received and how they were handled"),
        "subtitle": _("%(draft)s – draft version %(n)d – %(round)s")
        % {"draft": review_round.draft.title, "n": review_round.version.number, "round": review_round.title},
    }


def _landed(comment) -> str:
    if comment.landed_in_id:
        return f"v{comment.landed_in.version.number} §{comment.landed_in.label}"
    return ""


def _who(comment) -> str:
    if comment.organization_id and comment.organization.name != comment.author_name:
        return f"{comment.author_name} ({comment.organization.name})"
    return comment.author_name


def _paragraph_title(paragraph) -> str:
    if paragraph is None:
        return _("The whole document")
    excerpt = paragraph.text if len(paragraph.text) <= 160 else paragraph.text[:157] + "…"
    return _("Paragraph %(label)s: “%(text)s”") % {"label": paragraph.label, "text": excerpt}


@in_vietnamese
def register_docx(review_round: ReviewRound, *, progress: Callable[[int], None] | None = None) -> bytes:
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm

    context = _register_context(review_round)
    document = new_party_docx(
        header=header_for(review_round.draft.congress, date=timezone.localdate()),
        title=context["title"],
        subtitle=context["subtitle"],
    )
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2), Cm(1.5)

    counts = context["counts"]
    document.add_paragraph().add_run(_("I. SUMMARY")).bold = True
    document.add_paragraph(_("Comments received: %(n)d.") % {"n": counts.total})
    summary = document.add_table(rows=1, cols=2)
    summary.style = "Table Grid"
    summary.rows[0].cells[0].text = _("Disposition")
    summary.rows[0].cells[1].text = _("Comments")
    for _value, label, n in counts.by_disposition:
        cells = summary.add_row().cells
        cells[0].text, cells[1].text = label, str(n)
    document.add_paragraph()
    document.add_paragraph(_("By commenting organization:"))
    by_org = document.add_table(rows=1, cols=2 + len(Disposition.values))
    by_org.style = "Table Grid"
    head = by_org.rows[0].cells
    head[0].text, head[1].text = _("Organization or person"), _("Comments")
    for index, (_v, label) in enumerate(Disposition.choices, start=2):
        head[index].text = str(label)
    for name, total, per in counts.by_organization:
        cells = by_org.add_row().cells
        cells[0].text, cells[1].text = name, str(total)
        for index, value in enumerate(Disposition.values, start=2):
            cells[index].text = str(per.get(value, 0))
    if counts.invited_silent:
        document.add_paragraph(
            _("Invited organizations that sent no comment: %(names)s.") % {"names": ", ".join(counts.invited_silent)}
        )

    document.add_paragraph()
    document.add_paragraph().add_run(_("II. COMMENTS AND THEIR HANDLING, PARAGRAPH BY PARAGRAPH")).bold = True
    columns = [_("No."), _("Comment"), _("Proposed text"), _("By"), _("Disposition"), _("Response"), _("Landed in")]
    widths = [Cm(1.2), Cm(7), Cm(4), Cm(3.5), Cm(2.5), Cm(6.5), Cm(1.8)]
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, text, width in zip(table.rows[0].cells, columns, widths, strict=True):
        cell.text = text
        cell.width = width
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # Rows are cloned from two prototypes at the XML level: python-docx's add_row is too slow
    # for registers of thousands of comments.
    prototype = table.add_row()._tr
    group_row = table.add_row()
    group_row.cells[0].merge(group_row.cells[-1])
    group_prototype = group_row._tr
    table._tbl.remove(prototype)
    table._tbl.remove(group_prototype)

    def fill(tr, texts, *, bold: bool = False):
        for tc, text in zip(tr.findall(qn("w:tc")), texts, strict=False):
            paragraph = tc.find(qn("w:p"))
            run = paragraph.add_r()
            if bold:
                rpr = run.get_or_add_rPr()
                rpr.append(rpr.makeelement(qn("w:b"), {}))
            run.text = text
        table._tbl.append(tr)

    groups = context["groups"]
    total = max(sum(len(g.comments) for g in groups), 1)
    done = 0
    for group in groups:
        fill(copy_module.deepcopy(group_prototype), [_paragraph_title(group.paragraph)], bold=True)
        for comment in group.comments:
            fill(
                copy_module.deepcopy(prototype),
                [
                    str(comment.number),
                    comment.text,
                    comment.proposed_text,
                    _who(comment),
                    comment.get_disposition_display() or _("Not yet disposed"),
                    comment.response,
                    _landed(comment),
                ],
            )
            done += 1
            if progress and done % 500 == 0:
                progress(10 + 80 * done // total)
    signature = document.add_table(rows=1, cols=2)
    signature.rows[0].cells[1].text = _("ON BEHALF OF THE DOCUMENTS SUBCOMMITTEE")
    return docx_bytes(document)


@in_vietnamese
def register_xlsx(review_round: ReviewRound, *, progress: Callable[[int], None] | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    context = _register_context(review_round)
    header = header_for(review_round.draft.congress, date=timezone.localdate())
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Consolidation register"))
    for letter, width in zip("ABCDEFGHI", [7, 9, 60, 35, 30, 18, 50, 10, 12], strict=True):
        sheet.column_dimensions[letter].width = width
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    def cell(value, *, strong: bool = False):
        c = WriteOnlyCell(sheet, value=value)
        c.alignment = wrap
        if strong:
            c.font = bold
        return c

    sheet.append(
        [cell(header.issuing_body, strong=True), None, None, None, cell("ĐẢNG CỘNG SẢN VIỆT NAM", strong=True)]
    )
    sheet.append([None, None, None, None, cell(header.date_line)])
    sheet.append([cell(context["title"].upper(), strong=True)])
    sheet.append([cell(context["subtitle"])])
    sheet.append([])
    sheet.append(
        [
            cell(text, strong=True)
            for text in [
                _("No."),
                _("Paragraph"),
                _("Comment"),
                _("Proposed text"),
                _("By"),
                _("Disposition"),
                _("Response"),
                _("Landed in"),
                _("Received"),
            ]
        ]
    )
    groups = context["groups"]
    total = max(sum(len(g.comments) for g in groups), 1)
    done = 0
    for group in groups:
        label = group.paragraph.label if group.paragraph else _("whole document")
        for comment in group.comments:
            sheet.append(
                [
                    comment.number,
                    label,
                    comment.text,
                    comment.proposed_text,
                    _who(comment),
                    comment.get_disposition_display() or _("Not yet disposed"),
                    comment.response,
                    _landed(comment),
                    timezone.localtime(comment.created_at).strftime("%d/%m/%Y"),
                ]
            )
            done += 1
            if progress and done % 1000 == 0:
                progress(10 + 80 * done // total)

    counts = context["counts"]
    stats = workbook.create_sheet(_("Counts"))
    stats.append([cell(_("Disposition"), strong=True), cell(_("Comments"), strong=True)])
    for _value, label, n in counts.by_disposition:
        stats.append([label, n])
    stats.append([_("Total"), counts.total])
    stats.append([])
    stats.append(
        [cell(_("Organization or person"), strong=True), cell(_("Comments"), strong=True)]
        + [cell(str(label), strong=True) for _v, label in Disposition.choices]
    )
    for name, org_total, per in counts.by_organization:
        stats.append([name, org_total] + [per.get(value, 0) for value in Disposition.values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@in_vietnamese
def register_pdf(review_round: ReviewRound, *, progress: Callable[[int], None] | None = None) -> bytes:
    """The register as PDF. A large one is laid out in chunks (progress is reported after each)
    whose pages are then joined; page numbers continue across chunks."""
    from weasyprint import HTML

    context = _register_context(review_round)
    header = header_for(review_round.draft.congress, date=timezone.localdate())
    base = {**context, "header": header, "document_title": context["title"], "watermark": ""}
    groups = context["groups"]
    chunks: list[list] = [[]]
    size = 0
    for group in groups:
        # A long paragraph group is split so no chunk grows past PDF_CHUNK comments.
        for start in range(0, max(len(group.comments), 1), PDF_CHUNK):
            part = type(group)(paragraph=group.paragraph, comments=group.comments[start : start + PDF_CHUNK])
            if size and size + len(part.comments) > PDF_CHUNK:
                chunks.append([])
                size = 0
            chunks[-1].append(part)
            size += len(part.comments)
    if len(chunks) == 1:
        html = render_to_string("documents/print/register.html", {**base, "chunk_groups": chunks[0], "first": True})
        return HTML(string=html, base_url=None).write_pdf()
    documents = []
    pages = 0
    for index, chunk in enumerate(chunks):
        html = render_to_string(
            "documents/print/register.html",
            {**base, "chunk_groups": chunk, "first": index == 0, "chunked": True, "start_page": pages + 1},
        )
        rendered = HTML(string=html, base_url=None).render()
        pages += len(rendered.pages)
        documents.append(rendered)
        if progress:
            progress(5 + 90 * (index + 1) // len(chunks))
    all_pages = [page for rendered in documents for page in rendered.pages]
    return documents[0].copy(all_pages).write_pdf()


def register_file(
    *, review_round: ReviewRound, fmt: str, progress: Callable[[int], None] | None = None
) -> tuple[bytes, str]:
    """(content, file name) of the register in a format: "docx", "pdf" or "xlsx"."""
    builders = {"docx": register_docx, "pdf": register_pdf, "xlsx": register_xlsx}
    with translation.override("vi"):
        content = builders[fmt](review_round, progress=progress)
    return content, register_filename(review_round, fmt)
