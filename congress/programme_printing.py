"""Printed documents of the congress days, in the Party document format (congress/printing.py): the
programme, the minutes of a vote by show of hands, and the archive of the whole congress in one PDF.

They are printed in Vietnamese whatever the interface language: they are signed and filed.
"""

from __future__ import annotations

import datetime

from django.template.loader import render_to_string
from django.utils import timezone, translation

from congress.models import Congress
from congress.printing import PartyHeader, header_for, render_pdf
from congress.programme_models import HandVote
from congress.programme_selectors import bodies, programme, votes_of

PRINT_LANGUAGE = "vi"


def _first_session_day(congress: Congress, plans: list) -> datetime.date | None:
    """The day the congress adopts its programme: its first session (else the opening date)."""
    days = [plan.session.date for plan in plans if plan.session.date]
    return min(days) if days else congress.opening_date


def _congress_header(congress: Congress, day: datetime.date | None) -> PartyHeader:
    """The congress itself issues its programme and minutes (signed by the presidium, the secretariat)."""
    base = header_for(congress, date=day)
    return PartyHeader(
        upper_body=base.upper_body, issuing_body=congress.name.upper(), place=base.place, date=base.date, number=""
    )


def programme_context(congress: Congress) -> dict:
    return {"congress": congress, "plans": programme(congress)}


def programme_pdf(congress: Congress) -> bytes:
    context = programme_context(congress)
    with translation.override(PRINT_LANGUAGE):
        return render_pdf(
            "programme/print/programme.html",
            context,
            header=_congress_header(congress, _first_session_day(congress, context["plans"])),
            title=translation.gettext("Programme of the congress"),
        )


def _vote_header(congress: Congress, vote: HandVote) -> PartyHeader:
    return _congress_header(congress, vote.item.session.date)


def vote_minutes_pdf(congress: Congress, vote: HandVote) -> bytes:
    with translation.override(PRINT_LANGUAGE):
        return render_pdf(
            "programme/print/vote_minutes.html",
            {"congress": congress, "votes": [vote]},
            header=_vote_header(congress, vote),
            title=translation.gettext("Minutes of a vote by show of hands"),
        )


# --- the archive: one PDF made of the parts, each laid out as its own document


def _part(template: str, context: dict, *, header: PartyHeader, title: str):
    """Lay out one part (as render_pdf would) and return the WeasyPrint document."""
    from weasyprint import HTML

    html = render_to_string(template, {**context, "header": header, "document_title": title, "watermark": ""})
    return HTML(string=html, base_url=None).render()


def archive_parts(congress: Congress) -> list[tuple[str, str, dict, PartyHeader]]:
    """(title, template, context, header) of every part of the archive, in order."""
    from personnel.election_models import Round
    from personnel.election_selectors import round_result
    from personnel.election_views import elected_sentence, minutes_lines, voters_label
    from personnel.selectors import credentials_report

    day = congress.closing_date or timezone.localdate()
    programme_part = programme_context(congress)
    parts: list[tuple[str, str, dict, PartyHeader]] = [
        (
            translation.gettext("Programme of the congress"),
            "programme/print/programme.html",
            programme_part,
            _congress_header(congress, _first_session_day(congress, programme_part["plans"])),
        ),
        (
            translation.gettext("Bodies of the congress"),
            "programme/print/bodies.html",
            {"congress": congress, "bodies": bodies(congress)},
            header_for(congress, date=congress.opening_date),
        ),
    ]
    report = credentials_report(congress)
    parts.append(
        (
            translation.gettext("Report on the examination of delegates' credentials"),
            "personnel/print/credentials_report.html",
            {"report": report, "congress": congress},
            header_for(congress, date=report.reference_date),
        )
    )
    votes = [v for v in votes_of(congress) if v.is_counted]
    if votes:
        parts.append(
            (
                translation.gettext("Minutes of the votes by show of hands"),
                "programme/print/vote_minutes.html",
                {"congress": congress, "votes": votes},
                header_for(congress, date=day),
            )
        )
    rounds = (
        Round.objects.filter(election__congress=congress, status="counted")
        .select_related("election", "election__congress")
        .order_by("counted_at", "id")
    )
    for round_ in rounds:
        result = round_result(round_)
        election = round_.election
        counted_on = timezone.localtime(round_.counted_at).date() if round_.counted_at else None
        base = header_for(congress, date=counted_on)
        parts.append(
            (
                "BIÊN BẢN KIỂM PHIẾU",
                "personnel/elections/print/minutes.html",
                {
                    "round": round_,
                    "election": election,
                    "result": result,
                    "counters": list(election.counters.order_by("name_key")),
                    "names_count": len(result.rows),
                    "lines": minutes_lines(round_, election, len(result.rows)),
                    "voters_short": voters_label(election)[1],
                    "elected_sentence": elected_sentence(round_, result),
                },
                PartyHeader(
                    upper_body=base.upper_body, issuing_body="BAN KIỂM PHIẾU", place=base.place, date=counted_on
                ),
            )
        )
    resolution = _resolution(congress)
    parts.append(
        (
            translation.gettext("Resolution of the congress"),
            "programme/print/resolution.html",
            {"congress": congress, **resolution},
            header_for(congress, date=day),
        )
    )
    return parts


def _resolution(congress: Congress) -> dict:
    """The resolution: the text of the last published version of the resolution draft and its votes."""
    from documents.models import Draft, DraftKind

    draft = Draft.objects.filter(congress=congress, kind=DraftKind.RESOLUTION).order_by("-updated_at").first()
    version = None
    paragraphs: list = []
    if draft is not None:
        version = draft.versions.filter(published_at__isnull=False).order_by("-number").first()
        if version is not None:
            paragraphs = list(version.paragraphs.order_by("position"))
    votes = [v for v in votes_of(congress).filter(subject="resolution") if v.is_counted]
    return {"draft": draft, "version": version, "paragraphs": paragraphs, "resolution_votes": votes}


def archive_pdf(congress: Congress) -> bytes:
    """The whole congress in one PDF for the archive: a cover with the contents, then every part."""
    with translation.override(PRINT_LANGUAGE):
        parts = archive_parts(congress)
        documents = [_part(t, c, header=h, title=title) for title, t, c, h in parts]
        contents = []
        page = 2
        for (title, *_rest), document in zip(parts, documents, strict=True):
            contents.append((title, page))
            page += len(document.pages)
        cover = _part(
            "programme/print/archive_cover.html",
            {"congress": congress, "contents": contents},
            header=header_for(congress, date=congress.closing_date),
            title=translation.gettext("Records of the congress"),
        )
        pages = [p for document in [cover, *documents] for p in document.pages]
        return cover.copy(pages).write_pdf()
