"""Working days: Monday to Friday, except the public holidays kept as data (Holiday).

Vietnam sometimes swaps a day: a Monday off is made up by working a Saturday. Such make-up
working days are Holiday rows of kind "working_day"; `WorkCalendar` knows both.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are worked: weekdays, minus days off, plus make-up working days."""

    days_off: frozenset[datetime.date] = field(default_factory=frozenset)
    working_days: frozenset[datetime.date] = field(default_factory=frozenset)

    def is_working_day(self, day: datetime.date) -> bool:
        if day in self.working_days:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def on_or_before(self, day: datetime.date) -> datetime.date:
        """The working day itself, or the last working day before it."""
        while not self.is_working_day(day):
            day -= ONE_DAY
        return day

    def on_or_after(self, day: datetime.date) -> datetime.date:
        """The working day itself, or the first working day after it."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def working_days_before(self, day: datetime.date, count: int) -> datetime.date:
        """The date `count` working days before `day` (the day itself not counted)."""
        current = day
        remaining = count
        while remaining > 0:
            current -= ONE_DAY
            if self.is_working_day(current):
                remaining -= 1
        return current


def work_calendar(start: datetime.date | None = None, end: datetime.date | None = None) -> WorkCalendar:
    """The calendar from the Holiday table (one query), optionally limited to [start, end]."""
    from congress.models import Holiday, HolidayKind

    rows = Holiday.objects.all()
    if start is not None and end is not None:
        rows = rows.filter(date__range=(start, end))
    days_off, working = set(), set()
    for day, kind in rows.values_list("date", "kind"):
        (working if kind == HolidayKind.WORKING_DAY else days_off).add(day)
    return WorkCalendar(days_off=frozenset(days_off), working_days=frozenset(working))


def holidays_between(start: datetime.date, end: datetime.date) -> set[datetime.date]:
    return set(work_calendar(start, end).days_off)


def working_days_before(day: datetime.date, count: int, holidays: set[datetime.date] | None = None) -> datetime.date:
    """The date `count` working days before `day` (the day itself not counted).

    With `holidays` given, only weekends and those days are skipped; otherwise the Holiday table
    decides (days off and make-up working days).
    """
    if holidays is None:
        calendar = work_calendar(day - datetime.timedelta(days=count * 2 + 60), day)
    else:
        calendar = WorkCalendar(days_off=frozenset(holidays))
    return calendar.working_days_before(day, count)


# Vietnam's public holidays (fixed and lunar-calendar dates as announced), 2019–2021.
# Source: the government's annual holiday schedules; extend in the admin for later years.
VIETNAM_HOLIDAYS: list[tuple[str, str]] = [
    ("2019-01-01", "Tết Dương lịch"),
    ("2019-02-04", "Tết Nguyên đán"), ("2019-02-05", "Tết Nguyên đán"), ("2019-02-06", "Tết Nguyên đán"),
    ("2019-02-07", "Tết Nguyên đán"), ("2019-02-08", "Tết Nguyên đán"),
    ("2019-04-15", "Giỗ Tổ Hùng Vương"), ("2019-04-29", "Nghỉ bù 30/4"), ("2019-04-30", "Ngày Giải phóng miền Nam"),
    ("2019-05-01", "Quốc tế Lao động"), ("2019-09-02", "Quốc khánh"),
    ("2020-01-01", "Tết Dương lịch"),
    ("2020-01-23", "Tết Nguyên đán"), ("2020-01-24", "Tết Nguyên đán"), ("2020-01-27", "Tết Nguyên đán"),
    ("2020-01-28", "Tết Nguyên đán"), ("2020-01-29", "Tết Nguyên đán"),
    ("2020-04-02", "Giỗ Tổ Hùng Vương"), ("2020-04-30", "Ngày Giải phóng miền Nam"),
    ("2020-05-01", "Quốc tế Lao động"), ("2020-09-02", "Quốc khánh"),
    ("2021-01-01", "Tết Dương lịch"),
    ("2021-02-10", "Tết Nguyên đán"), ("2021-02-11", "Tết Nguyên đán"), ("2021-02-12", "Tết Nguyên đán"),
    ("2021-02-15", "Tết Nguyên đán"), ("2021-02-16", "Tết Nguyên đán"),
    ("2021-04-21", "Giỗ Tổ Hùng Vương"), ("2021-04-30", "Ngày Giải phóng miền Nam"),
    ("2021-05-01", "Quốc tế Lao động"), ("2021-09-02", "Quốc khánh"), ("2021-09-03", "Quốc khánh"),
]  # fmt: skip

# Later years: the fixed-date holidays, and Tết as announced (five days around the lunar new year).
# The government publishes each year's schedule (with swapped days); correct them in the admin.
_TET = {2022: "2022-02-01", 2023: "2023-01-22", 2024: "2024-02-10", 2025: "2025-01-29", 2026: "2026-02-17",
        2027: "2027-02-06", 2028: "2028-01-26"}  # fmt: skip
for _year in range(2022, 2029):
    VIETNAM_HOLIDAYS += [
        (f"{_year}-01-01", "Tết Dương lịch"),
        (f"{_year}-04-30", "Ngày Giải phóng miền Nam"),
        (f"{_year}-05-01", "Quốc tế Lao động"),
        (f"{_year}-09-02", "Quốc khánh"),
    ]
    _new_year = datetime.date.fromisoformat(_TET[_year])
    VIETNAM_HOLIDAYS += [
        ((_new_year + datetime.timedelta(days=offset)).isoformat(), "Tết Nguyên đán") for offset in range(-1, 4)
    ]

# Make-up working days (a Saturday worked in exchange for a day off), as announced.
VIETNAM_WORKING_DAYS: list[tuple[str, str]] = [
    ("2019-05-04", "Làm bù cho ngày nghỉ 29/4/2019"),
]
