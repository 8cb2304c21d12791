"""The reading page's paragraphs, written in Python (see congress/rows.py; tests/documents/test_rows.py).

150 paragraphs of 16 values each were about 9 ms of template work a page; here about 1 ms."""

from __future__ import annotations

from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext


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
