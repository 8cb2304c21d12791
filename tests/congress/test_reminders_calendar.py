"""Walk the calendar day by day over the demo congress, July 2019 to August 2020, and check the
exact set of reminders each morning against an expectation computed here, independently, from
the demo's tasks and milestones, the default policy and Vietnam's holidays."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from congress.models import Congress, Deadline, DeliveryState, Milestone, Reminder, ReminderPolicy
from congress.reminders import reminders_sweep
from congress.workdays import VIETNAM_HOLIDAYS, VIETNAM_WORKING_DAYS
from subcommittees.models import Membership, Task
from tests.congress import test_reminders_support as support
from tests.congress.test_reminders_support import at

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
eager = support.eager
d = datetime.date
ONE = datetime.timedelta(days=1)
DEMO_SOURCES = ["subcommittees.task", "congress.milestone"]  # other apps' demo deadlines are not walked here

DAYS_OFF = {datetime.date.fromisoformat(iso) for iso, _name in VIETNAM_HOLIDAYS}
MAKE_UP = {datetime.date.fromisoformat(iso) for iso, _name in VIETNAM_WORKING_DAYS}


def working(day: datetime.date) -> bool:
    return day in MAKE_UP or (day.weekday() < 5 and day not in DAYS_OFF)


def expected_calendar(first: datetime.date, last: datetime.date) -> dict[datetime.date, set[tuple]]:
    """Day → {(title, kind, offset, username)} under the default policy: 7, 3 and 1 days before
    (moved back to a working day, one reminder per day), overdue 1 day after then weekly (moved
    forward to a working day) to the assignee and the subcommittee head; milestones without a
    responsible subcommittee go to the secretariat (lead and staff)."""
    heads = {m.subcommittee_id: m.user.username for m in Membership.objects.filter(role="head").select_related("user")}
    congress = Congress.objects.get(slug="ba-dinh-xxvi")
    secretariat = sorted(congress.roles.filter(role__in=["secretariat_lead", "secretariat"]).values_list(
        "user__username", flat=True
    ))  # fmt: skip
    lead = congress.roles.get(role="secretariat_lead").user.username
    obligations = [
        (t.title, t.due_date, [t.assignee.username], heads[t.subcommittee_id])
        for t in Task.objects.exclude(status="done").select_related("assignee")
    ] + [(m.title, m.due_date, secretariat, lead) for m in Milestone.objects.filter(done_at__isnull=True)]
    calendar: dict[datetime.date, set[tuple]] = {}
    for title, due, responsible, head in obligations:
        ahead: dict[datetime.date, int] = {}
        for offset in (7, 3, 1):
            day = due - offset * ONE
            while not working(day):
                day -= ONE
            ahead[day] = offset  # the nearest offset wins a shared day
        for day, offset in ahead.items():
            calendar.setdefault(day, set()).update((title, "before", offset, who) for who in responsible)
        late = 1
        notices: dict[datetime.date, int] = {}
        while due + late * ONE <= last:
            day = due + late * ONE
            while not working(day):
                day += ONE
            notices[day] = late
            late += 7
        for day, late in notices.items():
            people = responsible + ([head] if head not in responsible else [])
            calendar.setdefault(day, set()).update((title, "overdue", late, who) for who in people)
    return {day: rows for day, rows in calendar.items() if first <= day <= last}


def test_reminders_calendar_walk_july_2019_to_august_2020(django_capture_on_commit_callbacks, eager):
    first, last = d(2019, 7, 1), d(2020, 8, 31)
    with time_machine.travel(at(2019, 6, 28, 12), tick=False) as traveller:
        call_command("seed_demo", quiet_logins=True, stdout=io.StringIO())
        assert ReminderPolicy.objects.get().offset_list == [7, 3, 1]
        # The deadlines mirror the demo's tasks and milestones.
        mirrored = set(Deadline.objects.filter(source_type__in=DEMO_SOURCES).values_list("title", "due_date", "done"))
        assert mirrored == {(t.title, t.due_date, t.status == "done") for t in Task.objects.all()} | {
            (m.title, m.due_date, m.done_at is not None) for m in Milestone.objects.all()
        }
        expected = expected_calendar(first, last)
        seen = 0
        walked: dict[datetime.date, set[tuple]] = {}
        day = first
        while day <= last:
            traveller.move_to(at(day.year, day.month, day.day, 8, 0))
            with django_capture_on_commit_callbacks(execute=True):
                reminders_sweep()  # and the tasks it queues, in-process
            new = Reminder.objects.filter(pk__gt=seen, deadline__source_type__in=DEMO_SOURCES).select_related(
                "deadline", "recipient"
            )
            rows = {(r.deadline.title, r.kind, r.offset_days, r.recipient.username) for r in new}
            if rows:
                walked[day] = rows
            seen = Reminder.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            day += ONE
    # Day by day, the same reminders as expected, and nothing on other days.
    mismatches = {}
    for day in sorted(set(walked) | set(expected)):
        got, want = walked.get(day, set()), expected.get(day, set())
        if got != want:
            mismatches[day] = {"unexpected": sorted(got - want), "missing": sorted(want - got)}
    assert mismatches == {}
    # Every one went out (e-mail, digest or the bell), once.
    walked_rows = Reminder.objects.filter(deadline__source_type__in=DEMO_SOURCES)
    assert set(walked_rows.values_list("state", flat=True)) == {DeliveryState.SENT}
    assert walked_rows.count() == sum(len(rows) for rows in expected.values())
    assert not any(day.weekday() >= 5 and day not in MAKE_UP for day in walked)

    # A few days checked by hand.
    hall = "Hợp đồng hội trường, âm thanh, ánh sáng"  # Tổ Hậu cần, due Friday 17/04/2020, blocked
    assert {r for r in walked[d(2020, 4, 10)] if r[0] == hall} == {(hall, "before", 7, "haucan")}
    assert {r for r in walked[d(2020, 4, 14)] if r[0] == hall} == {(hall, "before", 3, "haucan")}
    assert {r for r in walked[d(2020, 4, 16)] if r[0] == hall} == {(hall, "before", 1, "haucan")}
    # Due Friday: the first overdue notice (Saturday 18/04) goes out on Monday 20/04, to the head too.
    assert {r for r in walked[d(2020, 4, 20)] if r[0] == hall} == {
        (hall, "overdue", 1, "haucan"),
        (hall, "overdue", 1, "tochuc"),
    }
    # Then weekly: 25/04 (Saturday) → 27/04; 02/05 (Saturday) → 04/05.
    assert {r[2] for r in walked[d(2020, 4, 27)] if r[0] == hall} == {8}
    assert {r[2] for r in walked[d(2020, 5, 4)] if r[0] == hall} == {15}
    # The grassroots congresses are due Thursday 30/04/2020 (a holiday): 23/04, 27/04 and 29/04,
    # to the secretariat lead and staff.
    grassroots = "Hoàn thành đại hội các đảng bộ, chi bộ cơ sở"
    for day, offset in ((d(2020, 4, 23), 7), (d(2020, 4, 27), 3), (d(2020, 4, 29), 1)):
        assert {r for r in walked[day] if r[0] == grassroots} == {
            (grassroots, "before", offset, "thuky"),
            (grassroots, "before", offset, "vanphong"),
        }
    # 1 May 2020 is a holiday and 2–3 May a weekend: nothing goes out.
    assert not ({d(2020, 5, 1), d(2020, 5, 2), d(2020, 5, 3)} & set(walked))
    # The opening on Tuesday 02/06/2020: 26/05, 29/05 and 01/06 to the secretariat.
    opening = "Khai mạc Đại hội"
    assert {(day, r[2]) for day, rows in walked.items() for r in rows if r[0] == opening and r[1] == "before"} == {
        (d(2020, 5, 26), 7),
        (d(2020, 5, 29), 3),
        (d(2020, 6, 1), 1),
    }
    assert mail.outbox  # single e-mails went out (and digests for the head of the Documents subcommittee)
