"""The dashboard timeline's marks, written as SVG in Python: escaped text, decimal points."""

import datetime

from subcommittees.selectors import TimelineMark, TimelineRow


def test_task_marks_escape_titles_and_write_decimal_points():
    row = TimelineRow(
        label="Tiểu ban Văn kiện",
        y=74,
        marks=[
            TimelineMark(
                x=358.1, label='Dự thảo <b>"Báo cáo"</b> & tờ trình', date=datetime.date(2020, 6, 5), css="open"
            ),
            TimelineMark(x=190.0, label="Tổng hợp ý kiến", date=datetime.date(2020, 1, 1), css="overdue"),
        ],
    )
    svg = row.task_marks_svg
    assert svg == (
        '<circle class="mark-open" cx="358.1" cy="74" r="5"><title>05/06/2020 – Dự thảo &lt;b&gt;&quot;Báo cáo&quot;'
        "&lt;/b&gt; &amp; tờ trình</title></circle>"
        '<circle class="mark-overdue" cx="190.0" cy="74" r="5"><title>01/01/2020 – Tổng hợp ý kiến</title></circle>'
    )


def test_milestone_marks_are_diamonds_centred_on_the_date():
    row = TimelineRow(
        label="",
        y=40,
        marks=[
            TimelineMark(x=512.4, label="Khai mạc Đại hội <XXVI>", date=datetime.date(2020, 8, 29), css="milestone")
        ],
    )
    assert row.milestone_marks_svg == (
        '<rect class="mark-milestone" x="506" y="34" width="12" height="12" transform="rotate(45 512.4 40)">'
        "<title>29/08/2020 – Khai mạc Đại hội &lt;XXVI&gt;</title></rect>"
    )
    assert TimelineRow(label="", y=40, marks=[]).task_marks_svg == ""
