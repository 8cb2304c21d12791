"""Markup of the bar charts and their tables on the credentials report and the election results,
written in Python and not by template loops (README, "Performance").

A template loop costs about 40 µs a bar (each variable resolved, localized and escaped by the
template engine) and format_html a few µs a value; here every text is escaped once with
`html.escape`, the escaping of Django's own `escape`, and numbers are written directly. The output is
that of the templates it replaces, character for character (tests/personnel/test_charts.py renders
both): coordinates keep a decimal point whatever the language (SVG rejects "280,0"), the percentages
shown to people use the language's decimal separator.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

if TYPE_CHECKING:
    from decimal import Decimal

    from personnel.election_selectors import Chart, RoundResult
    from personnel.selectors import Breakdown

# The classes of a candidate's bar and outcome badge, by outcome (others: "not elected" or none).
RESULT_BAR_CLASSES = {"elected": "bar-elected", "tied": "bar-tied"}
RESULT_BADGE_CLASSES = {"elected": "badge text-bg-success", "tied": "badge text-bg-warning"}


def _text(value) -> str:
    return escape(str(value))


def _localized(number: float, point: str) -> str:
    """A float as `{{ number }}` writes it (no thousands separator in this project)."""
    return str(number).replace(".", point)


def breakdown_chart_svg(breakdown: Breakdown) -> SafeString:
    """The breakdown's horizontal bar chart (was personnel/_chart.html)."""
    point = get_format("DECIMAL_SEPARATOR")
    parts = [
        f'<svg class="bar-chart" viewBox="0 0 640 {int(breakdown.chart_height)}" role="img" '
        f'aria-label="{_text(breakdown.title)}" data-testid="chart-{_text(breakdown.key)}">\n'
    ]
    for index, bar in enumerate(breakdown.bars):
        parts.append(
            f'<g transform="translate(0 {int(bar["y"])})">\n'
            f'  <text class="bar-label" x="228" y="17" text-anchor="end">'
            f"{_text(Truncator(bar['label']).chars(30))}</text>\n"
            f'  <rect class="bar bar-{"b" if index % 2 else "a"}" x="236" y="4" width="{float(bar["w"])}" '
            f'height="18" rx="2"></rect>\n'
            f'  <text class="bar-value" x="{float(bar["tx"])}" y="17">{int(bar["count"])} '
            f"({_localized(bar['percent'], point)}%)</text>\n</g>"
        )
    parts.append("\n</svg>\n")
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped, numbers are numbers)


def breakdown_table_rows(breakdown: Breakdown) -> SafeString:
    """The rows (label, count, percentage) of the breakdown's table on the report page."""
    point = get_format("DECIMAL_SEPARATOR")
    return mark_safe(  # noqa: S308 (every text is escaped, numbers are numbers)
        "".join(
            f'<tr><td>{_text(bar["label"])}</td><td class="text-end">{int(bar["count"])}</td>'
            f'<td class="text-end text-muted">{_localized(bar["percent"], point)}%</td></tr>'
            for bar in breakdown.bars
        )
    )


def result_bars_svg(chart: Chart) -> SafeString:
    """The bars of the votes-per-candidate chart (the loop of elections/results.html)."""
    x = int(chart.label_width)
    height = int(chart.row_height) - 6
    parts = []
    for bar in chart.bars:
        row = bar.row
        name = _text(row.name)
        y = int(bar.y)
        votes = int(row.votes)
        width = int(bar.width)
        parts.append(
            f'\n      <g class="{RESULT_BAR_CLASSES.get(row.outcome, "bar-other")}">\n'
            f'        <text class="bar-label" x="{x - 8}" y="{y + 15}" text-anchor="end">{name}</text>\n'
            f'        <rect x="{x}" y="{y + 3}" width="{width}" height="{height}" rx="2">'
            f"<title>{name}: {votes}</title></rect>\n"
            f'        <text class="bar-value" x="{x + 6}" dx="{width}" y="{y + 15}">{votes}</text>\n'
            "      </g>\n      "
        )
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped, numbers are numbers)


def result_rows_html(result: RoundResult) -> SafeString:
    """The rows of the results table (the loop of elections/results.html)."""
    point = get_format("DECIMAL_SEPARATOR")
    return mark_safe(  # noqa: S308 (every text is escaped, numbers are numbers)
        "".join(
            f"\n    <tr><td>{index}</td><td>{_text(row.name)}</td>"
            f'<td class="text-end fw-semibold">{int(row.votes)}</td>'
            f'<td class="text-end">{_two_decimals(row.percent_of_base, point)}%</td>'
            f'<td class="text-end">{_two_decimals(row.percent_of_valid, point)}%</td>\n'
            f'      <td><span class="{RESULT_BADGE_CLASSES.get(row.outcome, "text-muted small")}">'
            f"{_text(row.outcome_label)}</span></td></tr>\n    "
            for index, row in enumerate(result.rows, 1)
        )
    )


def _two_decimals(number: Decimal, point: str) -> str:
    """`{{ number|floatformat:2 }}` of a percentage: already rounded to two decimals and under 1,000,
    so only the decimal separator is the language's."""
    return f"{number:.2f}".replace(".", point)
