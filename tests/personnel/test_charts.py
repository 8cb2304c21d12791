"""The chart and table markup written in Python (personnel/charts.py) is the markup the templates it
replaced wrote, character for character: same escaping of names and labels, decimal points in SVG
coordinates, the language's decimal separator in the percentages shown."""

from decimal import Decimal

import pytest
from django.template import engines
from django.utils import translation

from personnel.charts import breakdown_chart_svg, breakdown_table_rows, result_bars_svg, result_rows_html
from personnel.election_selectors import ResultRow, RoundResult, result_chart
from personnel.selectors import Breakdown

# The templates as they were (personnel/_chart.html and the loops of the two pages).
CHART_TEMPLATE = """{% load i18n l10n %}{% localize off %}<svg class="bar-chart" viewBox="0 0 640 {{ b.chart_height }}" role="img" aria-label="{{ b.title }}" data-testid="chart-{{ b.key }}">
{% for bar in b.bars %}<g transform="translate(0 {{ bar.y }})">
  <text class="bar-label" x="228" y="17" text-anchor="end">{{ bar.label|truncatechars:30 }}</text>
  <rect class="bar bar-{{ forloop.counter0|divisibleby:2|yesno:'a,b' }}" x="236" y="4" width="{{ bar.w }}" height="18" rx="2"></rect>
  <text class="bar-value" x="{{ bar.tx }}" y="17">{{ bar.count }} ({% localize on %}{{ bar.percent }}{% endlocalize %}%)</text>
</g>{% endfor %}
</svg>{% endlocalize %}
"""  # noqa: E501
TABLE_TEMPLATE = """{% for bar in b.bars %}<tr><td>{{ bar.label }}</td><td class="text-end">{{ bar.count }}</td><td class="text-end text-muted">{{ bar.percent }}%</td></tr>{% endfor %}"""  # noqa: E501
BARS_TEMPLATE = """{% for bar in chart.bars %}
      <g class="{% if bar.row.outcome == 'elected' %}bar-elected{% elif bar.row.outcome == 'tied' %}bar-tied{% else %}bar-other{% endif %}">
        <text class="bar-label" x="{{ chart.label_width|add:'-8' }}" y="{{ bar.y|add:15 }}" text-anchor="end">{{ bar.row.name }}</text>
        <rect x="{{ chart.label_width }}" y="{{ bar.y|add:3 }}" width="{{ bar.width }}" height="{{ chart.row_height|add:'-6' }}" rx="2"><title>{{ bar.row.name }}: {{ bar.row.votes }}</title></rect>
        <text class="bar-value" x="{{ chart.label_width|add:6 }}" dx="{{ bar.width }}" y="{{ bar.y|add:15 }}">{{ bar.row.votes }}</text>
      </g>
      {% endfor %}"""  # noqa: E501
ROWS_TEMPLATE = """{% for r in result.rows %}
    <tr><td>{{ forloop.counter }}</td><td>{{ r.name }}</td><td class="text-end fw-semibold">{{ r.votes }}</td><td class="text-end">{{ r.percent_of_base|floatformat:2 }}%</td><td class="text-end">{{ r.percent_of_valid|floatformat:2 }}%</td>
      <td>{% if r.outcome == 'elected' %}<span class="badge text-bg-success">{{ r.outcome_label }}</span>{% elif r.outcome == 'tied' %}<span class="badge text-bg-warning">{{ r.outcome_label }}</span>{% else %}<span class="text-muted small">{{ r.outcome_label }}</span>{% endif %}</td></tr>
    {% endfor %}"""  # noqa: E501

NASTY = "Nguyễn <b>\"Văn\"</b> & 'A' – một tên rất dài để bị cắt bớt"


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


BREAKDOWNS = [
    Breakdown("presence", "Hiện diện", [("Có mặt", 241), ("Vắng mặt", 13)], 254),
    Breakdown('k"<x>', 'Tiêu đề <script>alert("x")</script> & co', [(NASTY, 7), ("", 0), ("Kinh", 3)], 11),
    Breakdown("one", "Một", [("Đại học", 1)], 3),
    Breakdown("empty", "Không có", [], 0),
]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("breakdown", BREAKDOWNS, ids=lambda b: b.key)
def test_breakdown_chart_and_table_match_the_templates(language, breakdown):
    with translation.override(language):
        assert breakdown_chart_svg(breakdown) == render(CHART_TEMPLATE, b=breakdown)
        assert breakdown_table_rows(breakdown) == render(TABLE_TEMPLATE, b=breakdown)


def test_breakdown_chart_escapes_text_and_keeps_decimal_points():
    with translation.override("vi"):
        svg = breakdown_chart_svg(BREAKDOWNS[1])
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in svg
    assert 'width="280.0"' in svg and "(63,6%)" in svg


class FakeRound:
    base = 254
    threshold = 128


def result_of(rows: list[ResultRow]) -> RoundResult:
    return RoundResult(round=FakeRound(), rows=rows)


ROWS = [
    ResultRow(1, "Lý Văn Anh", 1, 253, Decimal("99.61"), Decimal("99.22"), "elected", "Trúng cử"),
    ResultRow(2, NASTY, 2, 128, Decimal("50.39"), Decimal("50.00"), "tied", "Bằng phiếu <vòng sau>"),
    ResultRow(3, "Trần Thị B.", 3, 5, Decimal("1.97"), Decimal("0.05"), "not_elected", "Không trúng cử"),
    ResultRow(4, "Ông & Bà", 4, 0, Decimal("0.00"), Decimal("0.00"), "", ""),
]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_result_bars_and_rows_match_the_templates(language):
    result = result_of(ROWS)
    chart = result_chart(result)
    with translation.override(language):
        assert result_bars_svg(chart) == render(BARS_TEMPLATE, chart=chart)
        assert result_rows_html(result) == render(ROWS_TEMPLATE, result=result)


def test_result_markup_escapes_names_and_labels():
    result = result_of(ROWS)
    with translation.override("vi"):
        html = result_bars_svg(result_chart(result)) + result_rows_html(result)
    assert "<b>" not in html and "<vòng" not in html
    assert "Nguyễn &lt;b&gt;&quot;Văn&quot;&lt;/b&gt; &amp; &#x27;A&#x27;" in html
    assert "Bằng phiếu &lt;vòng sau&gt;" in html and "<td>Trần Thị B.</td>" in html
    assert "99,61%" in html
