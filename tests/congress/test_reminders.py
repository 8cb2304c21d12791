"""The reminder plan and the sweep: what is due when, to whom, exactly once."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from congress.models import (
    DeliveryState,
    Digest,
    EmailMode,
    Notification,
    NotificationSettings,
    OffsetUnit,
    Reminder,
    ReminderKind,
    ReminderPolicy,
)
from congress.notifications import reminder_deliver
from congress.reminders import (
    before_days,
    overdue_days,
    parse_offsets,
    planned_reminders,
    reminder_policy_save,
    reminder_send_now,
    reminder_skip,
    reminders_sweep,
)
from congress.workdays import WorkCalendar
from tests.congress import test_reminders_support as support
from tests.congress.test_reminders_support import at, keys, states
from tests.factories import TaskFactory, UserFactory

pytestmark = pytest.mark.django_db

# Fixtures shared by the reminder tests.
clock = support.clock
eager = support.eager
no_worker = support.no_worker
sweep = support.sweep
d = datetime.date
TET_2020 = WorkCalendar(days_off=frozenset({d(2020, 1, 23), d(2020, 1, 24), d(2020, 1, 27), d(2020, 1, 28),
                                             d(2020, 1, 29), d(2020, 4, 30), d(2020, 5, 1)}))  # fmt: skip


def policy(**values) -> ReminderPolicy:
    return ReminderPolicy(**values)


# --- the plan, as pure functions


def test_plan_before_days_default_policy():
    # Friday 15/05/2020: 7 days before is Friday 08/05, 3 days Tuesday 12/05, 1 day Thursday 14/05.
    assert before_days(d(2020, 5, 15), policy(), WorkCalendar()) == {
        d(2020, 5, 8): 7,
        d(2020, 5, 12): 3,
        d(2020, 5, 14): 1,
    }


def test_plan_before_days_move_off_weekends_and_holidays_and_merge():
    # Monday 04/05/2020: 7 days before is Monday 27/04; 3 days is Friday 01/05 (holiday), moved to
    # Wednesday 29/04; 1 day is Sunday 03/05, moved back over the holidays to 29/04 as well: one reminder.
    assert before_days(d(2020, 5, 4), policy(), TET_2020) == {d(2020, 4, 27): 7, d(2020, 4, 29): 1}
    # Without the working-days rule the calendar dates stand.
    assert before_days(d(2020, 5, 4), policy(working_days_only=False), TET_2020) == {
        d(2020, 4, 27): 7,
        d(2020, 5, 1): 3,
        d(2020, 5, 3): 1,
    }


def test_plan_before_days_in_working_days():
    rule = policy(offset_unit=OffsetUnit.WORKING_DAYS, offsets="5,1")
    # Monday 03/02/2020, after Tết: 31/01, 30/01, then 22/01, 21/01, 20/01 (23–29/01 are off).
    assert before_days(d(2020, 2, 3), rule, TET_2020) == {d(2020, 1, 20): 5, d(2020, 1, 31): 1}


def test_plan_overdue_days_weekly_and_moved_to_working_days():
    # Due Friday 17/04/2020: first notice Saturday 18/04 → Monday 20/04; then 25/04 (Sat) → 27/04,
    # 02/05 (Sat) → 04/05, 09/05 (Sat) → 11/05.
    assert overdue_days(d(2020, 4, 17), policy(), TET_2020, until=d(2020, 5, 11)) == {
        d(2020, 4, 20): 1,
        d(2020, 4, 27): 8,
        d(2020, 5, 4): 15,
        d(2020, 5, 11): 22,
    }
    assert overdue_days(d(2020, 4, 17), policy(escalate=False), TET_2020, until=d(2020, 5, 11)) == {}


def test_plan_make_up_saturday_is_a_working_day():
    calendar = WorkCalendar(days_off=frozenset({d(2019, 4, 29)}), working_days=frozenset({d(2019, 5, 4)}))
    # Due Saturday 11/05/2019: 7 days before is the make-up Saturday 04/05/2019 itself.
    assert before_days(d(2019, 5, 11), policy(offsets="7"), calendar) == {d(2019, 5, 4): 7}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7,3,1", [7, 3, 1]), (" 1; 14 ,3", [14, 3, 1]), ("", [])],
)
def test_policy_offsets_parse(text, expected):
    assert parse_offsets(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [("7, ba", "số nguyên"), ("0,3", "từ 1 đến 90"), ("3,3", "hai lần")],
)
def test_policy_offsets_bad_input_has_a_clear_message(text, message):
    with pytest.raises(ValidationError) as error:
        parse_offsets(text)
    assert message in error.value.message_dict["offsets"][0]


def test_policy_save_refuses_send_time_in_quiet_hours(congress):
    rule = ReminderPolicy(congress=congress, send_time=datetime.time(22, 0))
    with pytest.raises(ValidationError) as error:
        reminder_policy_save(policy=rule)
    assert "giờ nghỉ" in error.value.message_dict["send_time"][0]
    assert not ReminderPolicy.objects.exists()
    with translation.override("en"), pytest.raises(ValidationError) as error:
        reminder_policy_save(policy=rule)
    assert "quiet hours" in error.value.message_dict["send_time"][0]


# --- the sweep


@pytest.fixture
def task_for(subcommittees, head):
    """task_for(user, due) → a task of the Organization subcommittee assigned to user, with its deadline."""
    from subcommittees.services import task_save

    def make(user, due, **changes):
        task = TaskFactory.build(
            congress=subcommittees["organization"].congress,
            subcommittee=subcommittees["organization"],
            assignee=user,
            due_date=due,
            **changes,
        )
        return task_save(task=task)

    return make


def test_sweep_sends_the_due_reminder_once_by_mail_and_in_the_app(task_for, member, sweep, clock):
    clock.move_to(at(2020, 4, 1, 7, 0))
    task = task_for(member, d(2020, 4, 15), title="Phương án trang trí hội trường")
    clock.move_to(at(2020, 4, 8, 7, 29))
    assert sweep().recorded == 0
    clock.move_to(at(2020, 4, 8, 7, 31))
    result = sweep()
    assert (result.recorded, result.queued) == (1, 1)
    assert keys() == {("Phương án trang trí hội trường", ReminderKind.BEFORE, 7, "thanhvien")}
    reminder = Reminder.objects.get()
    assert (reminder.state, reminder.email_mode, reminder.in_app, reminder.attempts) == (
        DeliveryState.SENT, EmailMode.SINGLE, True, 1,
    )  # fmt: skip
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert message.subject == "[Nhắc hạn] Còn 7 ngày: Phương án trang trí hội trường"
    assert "Kính gửi đồng chí Lê Thị Hoa" in message.body
    assert "15/04/2020" in message.body
    assert f"http://127.0.0.1:8000{task.get_absolute_url()}" in message.body
    assert message.alternatives[0][1] == "text/html"
    assert message.extra_headers["Message-ID"].startswith(f"<reminder-{reminder.pk}@")
    notification = Notification.objects.get()
    assert (notification.user, notification.title, notification.url) == (
        member, message.subject, task.get_absolute_url(),
    )  # fmt: skip
    # The sweep again, a minute and an hour later: nothing new.
    clock.move_to(at(2020, 4, 8, 7, 32))
    assert sweep().recorded == 0
    clock.move_to(at(2020, 4, 8, 8, 40))
    assert sweep().recorded == 0
    assert len(mail.outbox) == 1


def test_sweep_in_the_recipients_language(task_for, member, sweep, clock):
    member.language = "en"
    member.save()
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15), title="Hall & stage")
    clock.move_to(at(2020, 4, 14, 8))
    sweep()
    assert mail.outbox[0].subject == "[Reminder] Due tomorrow: Hall & stage"
    assert "Dear comrade Lê Thị Hoa" in mail.outbox[0].body
    assert "Hall &amp; stage" in mail.outbox[0].alternatives[0][0]


def test_sweep_done_deadline_sends_nothing(task_for, member, sweep, clock):
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15), status="done", progress=100)
    clock.move_to(at(2020, 4, 14, 8))
    assert sweep().recorded == 0
    assert mail.outbox == []


def test_sweep_deadline_done_after_recording_is_skipped_not_sent(task_for, member, clock, no_worker):
    clock.move_to(at(2020, 4, 1))
    task = task_for(member, d(2020, 4, 15))
    clock.move_to(at(2020, 4, 14, 8))
    reminders_sweep()  # recorded and queued; no worker runs it before the task is done
    task.status, task.progress = "done", 100
    from subcommittees.services import task_save

    task_save(task=task)
    assert reminder_deliver(reminder_id=Reminder.objects.get().pk) == DeliveryState.SKIPPED
    reminder = Reminder.objects.get()
    assert (reminder.state, reminder.note) == (DeliveryState.SKIPPED, "Không gửi: công việc đã hoàn thành.")
    assert mail.outbox == []


def test_sweep_overdue_goes_to_the_assignee_and_the_head_then_weekly(task_for, member, head, sweep, clock):
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 17), title="Hợp đồng hội trường")  # Friday
    clock.move_to(at(2020, 4, 16, 8))
    assert sweep().recorded == 1  # due tomorrow
    mail.outbox.clear()
    clock.move_to(at(2020, 4, 18, 8))  # Saturday: nothing, the notice waits for Monday
    assert sweep().recorded == 0
    clock.move_to(at(2020, 4, 20, 8))
    sweep()
    overdue = Reminder.objects.filter(kind=ReminderKind.OVERDUE)
    assert keys(overdue) == {
        ("Hợp đồng hội trường", ReminderKind.OVERDUE, 1, "thanhvien"),
        ("Hợp đồng hội trường", ReminderKind.OVERDUE, 1, "truongban"),
    }
    assert set(overdue.values_list("recipient__username", "escalation")) == {("thanhvien", False), ("truongban", True)}
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "[Quá hạn, báo cáo trưởng tiểu ban] Chậm 3 ngày: Hợp đồng hội trường",
        "[Quá hạn] Chậm 3 ngày: Hợp đồng hội trường",
    ]
    for day in range(21, 27):
        clock.move_to(at(2020, 4, day, 8))
        assert sweep().recorded == 0
    clock.move_to(at(2020, 4, 27, 8))
    assert sweep().recorded == 2
    assert set(Reminder.objects.filter(kind=ReminderKind.OVERDUE).values_list("offset_days", flat=True)) == {1, 8}


def test_sweep_deadline_moved_later_rearms(task_for, member, sweep, clock):
    clock.move_to(at(2020, 4, 1))
    task = task_for(member, d(2020, 4, 15))
    clock.move_to(at(2020, 4, 14, 8))
    sweep()
    assert len(mail.outbox) == 1  # "due tomorrow"
    task.due_date = d(2020, 4, 24)
    from subcommittees.services import task_save

    task_save(task=task)
    clock.move_to(at(2020, 4, 17, 8))  # 7 days before the new date
    assert sweep().recorded == 1
    clock.move_to(at(2020, 4, 23, 8))  # 1 day before the new date: the same offset, sent again
    assert sweep().recorded == 1
    assert [(r.offset_days, r.due_date) for r in Reminder.objects.order_by("due_at")] == [
        (1, d(2020, 4, 15)),
        (7, d(2020, 4, 24)),
        (1, d(2020, 4, 24)),
    ]
    assert len(mail.outbox) == 3


def test_sweep_deadline_moved_earlier_sends_one_not_a_flood(task_for, member, sweep, clock):
    clock.move_to(at(2020, 4, 1))
    task = task_for(member, d(2020, 5, 29))
    clock.move_to(at(2020, 5, 14, 14))
    # Moved to tomorrow: its 7-day (08/05), 3-day (12/05) and 1-day (today 07:30) reminders are past.
    task.due_date = d(2020, 5, 15)
    from subcommittees.services import task_save

    task_save(task=task)
    clock.move_to(at(2020, 5, 14, 14, 1))
    assert sweep().recorded == 1
    assert keys() == {(task.title, ReminderKind.BEFORE, 1, "thanhvien")}
    assert states() == {DeliveryState.SENT: 1}
    assert [m.subject for m in mail.outbox] == [f"[Nhắc hạn] Ngày mai đến hạn: {task.title}"]
    clock.move_to(at(2020, 5, 15, 8))
    assert sweep().recorded == 0
    assert len(mail.outbox) == 1


def test_sweep_quiet_hours_hold_reminders_until_morning(task_for, member, sweep, clock):
    clock.move_to(at(2020, 4, 14, 22, 0))
    task_for(member, d(2020, 4, 15))  # created at night, due tomorrow: the 1-day reminder is owed
    clock.move_to(at(2020, 4, 14, 22, 1))
    result = sweep()
    assert (result.recorded, result.queued) == (1, 0)  # recorded, held back
    clock.move_to(at(2020, 4, 15, 6, 59))
    assert (sweep().queued, mail.outbox) == (0, [])
    clock.move_to(at(2020, 4, 15, 7, 0))
    assert sweep().queued == 1
    assert states() == {DeliveryState.SENT: 1}
    assert mail.outbox[0].subject.startswith("[Nhắc hạn] Hôm nay đến hạn")


def test_sweep_send_now_and_skip_by_the_secretariat(task_for, member, secretariat, sweep, clock):
    clock.move_to(at(2020, 4, 1))
    task = task_for(member, d(2020, 4, 15))
    congress = task.congress
    upcoming = planned_reminders(start=at(2020, 4, 1), end=at(2020, 4, 15), congress_ids=[congress.pk])
    assert [(p.offset_days, p.due_at) for p in upcoming] == [
        (7, at(2020, 4, 8, 7, 30)),
        (3, at(2020, 4, 10, 7, 30)),
        (1, at(2020, 4, 14, 7, 30)),
    ]
    seven, three, _one = upcoming

    def key(p):
        return {
            "deadline_id": p.deadline.pk, "kind": p.kind, "offset_days": p.offset_days,
            "recipient_id": p.recipient_id, "due_date": p.deadline.due_date,
        }  # fmt: skip

    with pytest.raises(ValidationError):
        reminder_skip(congress=congress, by=secretariat, **{**key(three), "recipient_id": secretariat.pk})
    reminder_skip(congress=congress, by=secretariat, **key(three))
    from django.test.utils import CaptureQueriesContext  # noqa: F401

    sent = reminder_send_now(congress=congress, by=secretariat, **key(seven))
    assert sent.manual is True
    reminder_deliver(reminder_id=sent.pk)
    assert len(mail.outbox) == 1
    with pytest.raises(ValidationError) as error:
        reminder_send_now(congress=congress, by=secretariat, reminder=Reminder.objects.get(pk=sent.pk))
    assert "đã được gửi" in error.value.messages[0]
    # Their dates come: the sweep sends neither again; the 1-day one goes out.
    for day in (8, 10, 14):
        clock.move_to(at(2020, 4, day, 8))
        sweep()
    assert states() == {DeliveryState.SENT: 2, DeliveryState.SKIPPED: 1}
    assert len(mail.outbox) == 2


def test_sweep_missed_when_too_late(task_for, member, sweep, clock):
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15))
    # Nothing ran from the 7-day reminder (08/04 07:30) until the next morning but one.
    clock.move_to(at(2020, 4, 9, 7, 31))
    assert sweep().recorded == 1
    assert states() == {DeliveryState.MISSED: 1}
    assert mail.outbox == []
    assert Reminder.objects.get().note == "Không gửi: trễ quá 24 giờ."


def test_sweep_digest_gathers_the_days_reminders(task_for, member, sweep, clock):
    NotificationSettings.objects.create(user=member, email_mode=EmailMode.DIGEST, digest_time=datetime.time(8, 0))
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15), title="Việc một")
    task_for(member, d(2020, 4, 17), title="Việc hai")
    clock.move_to(at(2020, 4, 14, 7, 45))  # "Việc một" due tomorrow, "Việc hai" in 3 days
    sweep()
    assert mail.outbox == []
    assert Notification.objects.filter(user=member).count() == 2
    assert states() == {DeliveryState.SENT: 2}
    clock.move_to(at(2020, 4, 14, 8, 0))
    assert sweep().digests == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "[Tổng hợp nhắc hạn 14/04/2020] 2 việc cần nhắc"
    assert "Việc một" in mail.outbox[0].body and "Việc hai" in mail.outbox[0].body
    digest = Digest.objects.get()
    assert (digest.state, digest.reminders.count()) == (DeliveryState.SENT, 2)
    clock.move_to(at(2020, 4, 14, 9, 0))
    assert sweep().digests == 0
    assert len(mail.outbox) == 1


def test_sweep_in_app_only_and_no_address(task_for, member, head, sweep, clock):
    NotificationSettings.objects.create(user=member, email_mode=EmailMode.OFF, in_app=True)
    head.email = ""
    head.save()
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 16))
    clock.move_to(at(2020, 4, 17, 8))
    sweep()
    assert mail.outbox == []
    assert set(Reminder.objects.values_list("recipient__username", "state", "email_mode", "in_app")) == {
        ("thanhvien", DeliveryState.SENT, EmailMode.OFF, True),
        ("truongban", DeliveryState.SENT, EmailMode.OFF, True),
    }
    assert Notification.objects.count() == 2


def test_sweep_reassigned_deadline_skips_the_former_assignee(task_for, member, clock, no_worker):
    clock.move_to(at(2020, 4, 1))
    task = task_for(member, d(2020, 4, 15))
    clock.move_to(at(2020, 4, 14, 8))
    reminders_sweep()
    task.assignee = UserFactory()
    from subcommittees.services import task_save

    task_save(task=task)
    assert reminder_deliver(reminder_id=Reminder.objects.get().pk) == DeliveryState.SKIPPED
    assert mail.outbox == []
