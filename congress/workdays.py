"""Working days: Monday to Friday, except the public holidays kept as data (Holiday)."""

from __future__ import annotations

import datetime


def holidays_between(start: datetime.date, end: datetime.date) -> set[datetime.date]:
    from congress.models import Holiday

    return set(Holiday.objects.filter(date__range=(start, end)).values_list("date", flat=True))


def working_days_before(day: datetime.date, count: int, holidays: set[datetime.date] | None = None) -> datetime.date:
    """The date `count` working days before `day` (the day itself not counted)."""
    if holidays is None:
        holidays = holidays_between(day - datetime.timedelta(days=count * 2 + 60), day)
    current = day
    remaining = count
    while remaining > 0:
        current -= datetime.timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            remaining -= 1
    return current


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
