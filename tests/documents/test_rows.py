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


# The rows of documents/disposition_list.html before documents/rows.py wrote them.
DISPOSITION_TEMPLATE_ROWS = """{% load i18n l10n %}{% translate "whole" as whole_word %}{% translate "Proposed text:" as proposed_word %}{% translate "Not yet disposed" as undisposed_word %}{% translate "landed in" as landed_word %}{% translate "carried to" as carried_word %}{% translate "Change" as change_word %}{% translate "Answer" as answer_word %}{% localize off %}
  {% for c in rows %}
  <tr>
    <td><input class="form-check-input" type="checkbox" name="comments" value="{{ c.id }}" form="bulk-form" aria-label="{{ c.select_label }}"></td>
    <td>{{ c.number }}</td>
    <td class="text-nowrap">{% if c.paragraph_id %}{{ c.paragraph_label }}{% else %}<span class="text-muted">{{ whole_word }}</span>{% endif %}</td>
    <td class="comment-cell"><div class="pre-line">{{ c.text }}</div>{% if c.proposed_text %}<div class="proposed small"><span class="fw-semibold">{{ proposed_word }}</span> <span class="pre-line">{{ c.proposed_text }}</span></div>{% endif %}</td>
    <td class="small">{{ c.author_name }}{% if c.organization_id and c.organization_name != c.author_name %}<br><span class="text-muted">{{ c.organization_name }}</span>{% endif %}<br><span class="text-muted">{{ c.source_display }}</span></td>
    <td class="disposition-col"><div class="disposition-cell" id="disp-{{ c.id }}">
  {% if c.disposition %}<span class="badge disposition disp-{{ c.disposition }}">{{ c.disposition_display }}</span>{% else %}<span class="badge disposition disp-none">{{ undisposed_word }}</span>{% endif %}
  {% if c.response %}<div class="small pre-line mt-1">{{ c.response }}</div>{% endif %}
  {% if c.landed_in_id %}<div class="small text-muted">{{ landed_word }} v{{ c.landed_in_version }} §{{ c.landed_in_label }}</div>{% elif c.carried_to_id and not c.disposition %}<div class="small text-muted">{{ carried_word }} §{{ c.carried_to_label }}</div>{% endif %}
  {% if c.disposed_by_id %}<div class="small text-muted">{{ c.disposed_by_name }} · {{ c.disposed_at|dmyhm }}</div>{% endif %}
  <a class="btn btn-outline-primary btn-sm mt-1" href="{{ c.dispose_url }}" hx-get="{{ c.dispose_url }}" hx-target="#disp-{{ c.id }}" hx-swap="outerHTML" data-testid="answer-{{ c.number }}">{% if c.disposition %}{{ change_word }}{% else %}{{ answer_word }}{% endif %}<span class="visually-hidden"> {{ c.answer_label }}</span></a>
</div>
</td>
  </tr>
  {% endfor %}{% endlocalize %}"""  # noqa: E501


def test_disposition_rows_are_the_template_rows(settings):
    import datetime

    from documents.rows import disposition_rows

    base = {
        "paragraph_id": None, "paragraph_label": None, "proposed_text": "", "organization_id": None,
        "organization_name": None, "disposition": "", "disposition_display": "", "response": "",
        "landed_in_id": None, "landed_in_version": None, "landed_in_label": None, "carried_to_id": None,
        "carried_to_label": None, "disposed_by_id": None, "disposed_by_name": None, "disposed_at": None,
        "source_display": "Trực tuyến", "select_label": "Chọn ý kiến số 1", "answer_label": "ý kiến số 1",
    }  # fmt: skip
    rows = [
        dict(base, id=1, number=1, text="Đề nghị <sửa> & bổ sung", author_name="Nguyễn Văn An",
             dispose_url="/ba-dinh/comments/1/dispose/"),
        dict(base, id=2, number=1002, text='Thêm "chuyển đổi số"', paragraph_id=5, paragraph_label="2.a",
             proposed_text="Câu <mới>", organization_id=3, organization_name="Chi bộ 3 & 4", author_name="Trần Thị B",
             disposition="accepted", disposition_display="Tiếp thu", response="Đã sửa\ndòng 2",
             landed_in_id=9, landed_in_version=2, landed_in_label="2.b", disposed_by_id=4,
             disposed_by_name="Lê <Văn> C", disposed_at=datetime.datetime(2020, 6, 30, 17, 5, tzinfo=datetime.UTC),
             dispose_url="/ba-dinh/comments/2/dispose/?a=1&b=2"),
        dict(base, id=3, number=3, text="x", paragraph_id=6, paragraph_label="3", organization_id=3,
             organization_name="Chi bộ 3", author_name="Chi bộ 3", carried_to_id=11, carried_to_label="4",
             dispose_url="/ba-dinh/comments/3/dispose/"),
    ]  # fmt: skip
    assert_same_rows(DISPOSITION_TEMPLATE_ROWS, {"rows": rows}, lambda: disposition_rows(rows))


def test_left_links_escape_the_labels():
    from django.utils.html import format_html_join

    from documents.rows import left_links

    left = {"§1.a": 3, '§<2> & "b"': 12, "toàn văn": 1}
    expected = format_html_join(", ", '<a href="?disposition=none">{}</a> ({})', left.items())
    assert left_links(left) == expected
    assert left_links({}) == ""
