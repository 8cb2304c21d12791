"""The dashboard timeline's month lines and rows, written as SVG in Python: escaped labels, the
template's truncation, decimal points whatever the language."""

import datetime

from django.template.defaultfilters import truncatechars
from django.utils import translation

from subcommittees.selectors import Timeline, TimelineMark, TimelineRow


def _timeline(rows, months=()):
    return Timeline(width=1000, height=130, months=list(months), rows=rows, today_x=None, cutoff_x=980.5, left=190)


def test_month_lines_and_labels():
    months = [TimelineMark(x=190.0, label="01/2026", date=datetime.date(2026, 1, 1), css="month")]
    with translation.override("vi"):
        svg = _timeline([], months).months_svg
    assert svg == (
        '\n  <line class="month" x1="190.0" y1="20" x2="190.0" y2="130"></line>'
        '\n  <text class="month-label" x="190.0" y="14" text-anchor="middle">01/2026</text>\n  '
    )


def test_rows_escape_and_truncate_labels_and_translate_the_milestones_row():
    rows = [
        TimelineRow(
            label="",
            y=40,
            marks=[TimelineMark(x=512.4, label="Khai mạc <XXVI>", date=datetime.date(2026, 8, 29), css="milestone")],
        ),
        TimelineRow(
            label='Tiểu ban <b>"Tổ chức"</b> phục vụ Đại hội & hậu cần',
            y=74,
            marks=[TimelineMark(x=358.1, label="A & B", date=datetime.date(2026, 6, 5), css="open")],
        ),
    ]
    with translation.override("vi"):
        svg = _timeline(rows).rows_svg
    # the row label is cut as the template's `truncatechars:28` did, before escaping
    assert truncatechars(rows[1].label, 28) == 'Tiểu ban <b>"Tổ chức"</b> p…'
    assert svg == (
        '\n  <line class="row-line" x1="190" y1="40" x2="980.5" y2="40"></line>'
        '\n  <text class="row-label" x="4" y="44">Các mốc</text>'
        '\n  <rect class="mark-milestone" x="506" y="34" width="12" height="12" transform="rotate(45 512.4 40)">'
        "<title>29/08/2026 – Khai mạc &lt;XXVI&gt;</title></rect>\n  "
        '\n  <line class="row-line" x1="190" y1="74" x2="980.5" y2="74"></line>'
        '\n  <text class="row-label" x="4" y="78">Tiểu ban &lt;b&gt;&quot;Tổ chức&quot;&lt;/b&gt; p…</text>'
        '\n  <circle class="mark-open" cx="358.1" cy="74" r="5"><title>05/06/2026 – A &amp; B</title></circle>\n  '
    )


def test_marks_with_a_nul_in_a_title_are_still_escaped():
    row = TimelineRow(
        label="x",
        y=74,
        marks=[
            TimelineMark(x=1.0, label="a\x00<b>", date=datetime.date(2026, 1, 1), css="open"),
            TimelineMark(x=2.0, label="<i>", date=datetime.date(2026, 1, 1), css="open"),
        ],
    )
    svg = row.task_marks_svg
    assert "<b>" not in svg and "<i>" not in svg
    assert "a\x00&lt;b&gt;</title>" in svg and "&lt;i&gt;</title>" in svg
