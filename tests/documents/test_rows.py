"""The reading page's paragraphs written in Python are the template's, character for character."""

from documents.rows import paragraph_rows
from tests.rows_reference import assert_same_rows

# The paragraphs of documents/round_read.html before documents/rows.py wrote them.
TEMPLATE_ROWS = """{% load i18n l10n %}{% url 'round_comments' slug round_pk as comments_url %}{% translate "comments" as comments_word %}{% translate "Paragraph" as paragraph_word %}{% localize off %}
        {% for p in rows %}
        <li class="para{% if p.is_heading %} is-heading{% endif %}{% if p.selected %} selected{% endif %}" id="p-{{ p.id }}" data-position="{{ p.position }}">
          <span class="para-num" aria-hidden="true">{{ p.label }}</span>
          <a class="para-body para-link" href="?paragraph={{ p.id }}#comment-panel" hx-get="{{ comments_url }}?paragraph={{ p.id }}" hx-target="#comment-panel" data-para="{{ p.id }}"><span class="visually-hidden">{{ paragraph_word }} {{ p.label }}: </span>{% if p.is_heading %}<span class="heading-text level-{{ p.level }}">{{ p.text }}</span>{% else %}{{ p.text }}{% endif %}</a>
          <span class="para-meta" id="count-{{ p.id }}">{% if p.count %}<span class="badge count-badge"><i class="bi bi-chat-left-text" aria-hidden="true"></i> {{ p.count }}<span class="visually-hidden"> {{ comments_word }}</span></span>{% endif %}</span>
        </li>
        {% endfor %}{% endlocalize %}"""  # noqa: E501


def test_paragraph_rows_are_the_template_rows(congress):
    rows = [
        {"id": 12, "position": 1, "label": "I", "kind": "heading", "level": 1, "text": "PHẦN <MỘT>", "count": 0,
         "is_heading": True, "selected": False},
        {"id": 13, "position": 2, "label": "1.", "kind": "paragraph", "level": 0,
         "text": 'Tiếp tục "đổi mới" & nâng cao <b>năng lực</b>', "count": 1234, "is_heading": False, "selected": True},
        {"id": 1_000_001, "position": 10_000, "label": "1.a", "kind": "paragraph", "level": 0, "text": "", "count": 3,
         "is_heading": False, "selected": False},
    ]  # fmt: skip
    assert_same_rows(
        TEMPLATE_ROWS,
        {"rows": rows, "slug": congress.slug, "round_pk": 77},
        lambda: paragraph_rows(rows, congress_slug=congress.slug, round_pk=77),
    )
