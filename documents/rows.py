"""The reading page's paragraphs and the disposition page's rows, written in Python (see
congress/rows.py; tests/documents/test_rows.py).

150 paragraphs of 16 values each were about 9 ms of template work a page; here about 1 ms."""

from __future__ import annotations

from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from congress.templatetags.page_tags import dmyhm


def paragraph_rows(rows: list[dict], *, congress_slug: str, round_pk: int) -> SafeString:
    """One <li> a paragraph (documents.selectors.reading_page_rows): number, text (a link opening its
    comments), comment count."""
    comments_url = escape(reverse("round_comments", args=[congress_slug, round_pk]))
    paragraph_word, comments_word = escape(gettext("Paragraph")), escape(gettext("comments"))
    parts = []
    for p in rows:
        pk, label, body = p["id"], escape(str(p["label"])), escape(str(p["text"]))
        if p["is_heading"]:
            body = f'<span class="heading-text level-{p["level"]}">{body}</span>'
        count = (
            f'<span class="badge count-badge"><i class="bi bi-chat-left-text" aria-hidden="true"></i> {p["count"]}'
            f'<span class="visually-hidden"> {comments_word}</span></span>'
            if p["count"]
            else ""
        )
        classes = f"para{' is-heading' if p['is_heading'] else ''}{' selected' if p['selected'] else ''}"
        parts.append(
            f'\n        <li class="{classes}" '
            f'id="p-{pk}" data-position="{p["position"]}">\n'
            f'          <span class="para-num" aria-hidden="true">{label}</span>\n'
            f'          <a class="para-body para-link" href="?paragraph={pk}#comment-panel" '
            f'hx-get="{comments_url}?paragraph={pk}" hx-target="#comment-panel" data-para="{pk}">'
            f'<span class="visually-hidden">{paragraph_word} {label}: </span>{body}</a>\n'
            f'          <span class="para-meta" id="count-{pk}">{count}</span>\n'
            "        </li>"
        )
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped, numbers are ints)


def disposition_rows(rows: list[dict]) -> SafeString:
    """One <tr> a comment of the disposition page (documents.views._disposition_rows): tick box, number,
    paragraph, text and proposed text, author, and the disposition cell of documents/_disposition_cell.html."""
    whole, proposed = escape(gettext("whole")), escape(gettext("Proposed text:"))
    undisposed, landed, carried = (
        escape(gettext("Not yet disposed")),
        escape(gettext("landed in")),
        escape(gettext("carried to")),
    )
    change, answer = escape(gettext("Change")), escape(gettext("Answer"))
    parts = []
    for c in rows:
        pk, number = c["id"], escape(str(c["number"]))
        paragraph = (
            escape(str(c["paragraph_label"])) if c["paragraph_id"] else f'<span class="text-muted">{whole}</span>'
        )
        proposal = (
            f'<div class="proposed small"><span class="fw-semibold">{proposed}</span> '
            f'<span class="pre-line">{escape(c["proposed_text"])}</span></div>'
            if c["proposed_text"]
            else ""
        )
        author = escape(str(c["author_name"]))
        if c["organization_id"] and c["organization_name"] != c["author_name"]:
            author += f'<br><span class="text-muted">{escape(str(c["organization_name"]))}</span>'
        disposition = c["disposition"]
        badge = (
            f'<span class="badge disposition disp-{escape(disposition)}">{escape(str(c["disposition_display"]))}</span>'
            if disposition
            else f'<span class="badge disposition disp-none">{undisposed}</span>'
        )
        response = f'<div class="small pre-line mt-1">{escape(c["response"])}</div>' if c["response"] else ""
        if c["landed_in_id"]:
            where = (
                f'<div class="small text-muted">{landed} v{escape(str(c["landed_in_version"]))} '
                f"§{escape(str(c['landed_in_label']))}</div>"
            )
        elif c["carried_to_id"] and not disposition:
            where = f'<div class="small text-muted">{carried} §{escape(str(c["carried_to_label"]))}</div>'
        else:
            where = ""
        by = (
            f'<div class="small text-muted">{escape(str(c["disposed_by_name"]))} · '
            f"{dmyhm(template_localtime(c['disposed_at']))}</div>"
            if c["disposed_by_id"]
            else ""
        )
        url, source = escape(c["dispose_url"]), escape(str(c["source_display"]))
        parts.append(
            "\n  <tr>\n"
            f'    <td><input class="form-check-input" type="checkbox" name="comments" value="{pk}" form="bulk-form" '
            f'aria-label="{escape(str(c["select_label"]))}"></td>\n'
            f"    <td>{number}</td>\n"
            f'    <td class="text-nowrap">{paragraph}</td>\n'
            f'    <td class="comment-cell"><div class="pre-line">{escape(c["text"])}</div>{proposal}</td>\n'
            f'    <td class="small">{author}<br><span class="text-muted">{source}</span></td>\n'
            f'    <td class="disposition-col"><div class="disposition-cell" id="disp-{pk}">\n'
            f"  {badge}\n  {response}\n  {where}\n  {by}\n"
            f'  <a class="btn btn-outline-primary btn-sm mt-1" href="{url}" hx-get="{url}" hx-target="#disp-{pk}" '
            f'hx-swap="outerHTML" data-testid="answer-{number}">{change if disposition else answer}'
            f'<span class="visually-hidden"> {escape(str(c["answer_label"]))}</span></a>\n'
            "</div>\n</td>\n  </tr>"
        )
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped, numbers are ints)


def left_links(left_by_paragraph: dict[str, int]) -> SafeString:
    """The disposition page's "Left, by paragraph": a link to the undisposed comments, and their count,
    for each paragraph that has some (up to one a paragraph)."""
    return mark_safe(  # noqa: S308 (labels escaped, counts are ints)
        ", ".join(
            f'<a href="?disposition=none">{escape(str(label))}</a> ({int(n)})' for label, n in left_by_paragraph.items()
        )
    )
