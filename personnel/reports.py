"""Printed documents of the personnel app: the credentials report (.docx) and the delegates' badges (PDF)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from congress.models import Congress
from congress.printing import new_party_docx
from personnel.models import Delegate
from personnel.selectors import CredentialsReport
from personnel.services import badge_payload

BADGES_PER_PAGE = 8  # 2 columns × 4 rows of 90 × 62 mm on A4


def qr_svg(payload: str) -> str:
    """An SVG QR code (inline markup for WeasyPrint; never served to a browser page)."""
    import segno

    return segno.make(payload, error="m", micro=False).svg_inline(scale=3, border=2, omitsize=True)


def badges_pdf(congress: Congress, delegates: list[Delegate]) -> bytes:
    from weasyprint import HTML

    badges = [
        {"delegate": d, "qr": qr_svg(badge_payload(d, congress)), "number": f"{d.number:03d}" if d.number else ""}
        for d in delegates
    ]
    pages = [badges[i : i + BADGES_PER_PAGE] for i in range(0, len(badges), BADGES_PER_PAGE)] or [[]]
    html = render_to_string("personnel/print/badges.html", {"congress": congress, "pages": pages})
    return HTML(string=html, base_url=None).write_pdf()


def _date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def credentials_report_docx(report: CredentialsReport, *, title: str):
    """The credentials report as a Word document in the Party format (same figures as the PDF)."""
    from docx.shared import Pt

    from congress.printing import header_for

    congress = report.congress
    document = new_party_docx(
        header=header_for(congress, date=report.reference_date),
        title=title,
        subtitle=congress.name,
    )
    document.add_paragraph(
        _("Total delegates summoned: %(n)s; present: %(present)s; absent: %(absent)s.")
        % {"n": report.summoned, "present": report.present, "absent": report.summoned - report.present}
    )
    for breakdown in report.breakdowns:
        heading = document.add_paragraph()
        run = heading.add_run(breakdown.title)
        run.bold = True
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        cells = table.rows[0].cells
        cells[0].text, cells[1].text, cells[2].text = _("Group"), _("Delegates"), "%"
        for bar in breakdown.bars:
            row = table.add_row().cells
            row[0].text = str(bar["label"])
            row[1].text = str(bar["count"])
            row[2].text = f"{bar['percent']:.1f}"
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = _("Total"), str(breakdown.sum), "100" if breakdown.total else "0"
    facts = []
    if report.average_age is not None:
        facts.append(_("Average age: %(age)s.") % {"age": report.average_age})
    if report.youngest:
        facts.append(
            _("Youngest: %(name)s, %(age)s years old.")
            % {"name": report.youngest.delegate.person.full_name, "age": report.youngest.value}
        )
    if report.oldest:
        facts.append(
            _("Oldest: %(name)s, %(age)s years old.")
            % {"name": report.oldest.delegate.person.full_name, "age": report.oldest.value}
        )
    if report.longest_membership:
        facts.append(
            _("Longest Party membership: %(name)s, %(years)s years.")
            % {"name": report.longest_membership.delegate.person.full_name, "years": report.longest_membership.value}
        )
    if report.shortest_membership:
        facts.append(
            _("Shortest Party membership: %(name)s, %(years)s years.")
            % {"name": report.shortest_membership.delegate.person.full_name, "years": report.shortest_membership.value}
        )
    facts.append(_("Women: %(n)s.") % {"n": report.women})
    facts.append(_("Ethnic minorities: %(n)s.") % {"n": len(report.minorities)})
    for fact in facts:
        document.add_paragraph(fact)
    if report.absent and report.session:
        document.add_paragraph().add_run(_("Absent delegates")).bold = True
        for d in report.absent:
            document.add_paragraph(
                f"{d.person.full_name}: {d.absence_reason or _('no reason given')}", style="List Bullet"
            )
    if report.substitutions:
        document.add_paragraph().add_run(_("Substitutions")).bold = True
        for s in report.substitutions:
            document.add_paragraph(
                _("%(alt)s replaces %(name)s (%(reason)s).")
                % {"alt": s.alternate.person.full_name, "name": s.replaced.person.full_name, "reason": s.reason},
                style="List Bullet",
            )
    if report.not_summoned:
        document.add_paragraph().add_run(_("Not summoned")).bold = True
        for d in report.not_summoned:
            document.add_paragraph(f"{d.person.full_name}: {d.get_not_summoned_display()}", style="List Bullet")
    conclusion = document.add_paragraph()
    conclusion.add_run(_("Conclusion") + ": ").bold = True
    conclusion.add_run(
        _("%(ok)s delegates are qualified, %(no)s are not qualified, %(pending)s are still being examined.")
        % {"ok": report.qualified, "no": len(report.not_qualified), "pending": report.pending}
    )
    for d in report.not_qualified:
        document.add_paragraph(f"{d.person.full_name}: {d.credential_reason}", style="List Bullet")
    signature = document.add_paragraph()
    signature.alignment = 2  # right
    run = signature.add_run(_("ON BEHALF OF THE CREDENTIALS COMMITTEE"))
    run.bold = True
    run.font.size = Pt(13)
    return document
