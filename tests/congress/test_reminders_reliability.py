"""Each reminder is sent exactly once and none is lost: sweeps run twice, workers racing, the
broker down, a worker killed mid-send, mail servers failing for a while or for good."""

import contextlib
import datetime
import threading

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congress.models import Deadline, DeliveryState, Reminder, ReminderSweep
from congress.notifications import reminder_deliver, retry_delay
from congress.reminders import reminders_sweep
from subcommittees.services import task_save
from tests.congress import test_reminders_support as support
from tests.congress.test_reminders_support import BROKER_DOWN, at, broker_at, keys, smtp_sink, states
from tests.factories import TaskFactory, UserFactory

pytestmark = pytest.mark.django_db
d = datetime.date

# Fixtures shared by the reminder tests.
clock = support.clock
eager = support.eager
no_worker = support.no_worker
sweep = support.sweep


@pytest.fixture
def task_for(subcommittees, head):
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


# --- twice, or at the same time


def test_reliability_sweep_run_twice_records_and_sends_once(task_for, member, sweep, clock):
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15))
    clock.move_to(at(2020, 4, 14, 8))
    first, second = sweep(), sweep()
    assert (first.recorded, second.recorded) == (1, 0)
    assert len(mail.outbox) == 1


def test_reliability_same_task_twice_delivers_once(task_for, member, clock, no_worker):
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15))
    clock.move_to(at(2020, 4, 14, 8))
    reminders_sweep()
    pk = Reminder.objects.get().pk
    assert [reminder_deliver(reminder_id=pk), reminder_deliver(reminder_id=pk)] == [DeliveryState.SENT, "not-claimed"]
    assert len(mail.outbox) == 1


concurrent_database = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="needs a database that takes concurrent writers (PostgreSQL: set DATABASE_URL); "
    "SQLite's in-memory test database locks whole tables",
)


@concurrent_database
@pytest.mark.django_db(transaction=True)
def test_reliability_two_workers_racing_on_one_reminder_deliver_once(subcommittees, head, member, no_worker):
    """Eight threads (each its own database connection) run the same task at the same instant."""
    travel = time_machine.travel(at(2020, 4, 14, 8), tick=False)
    travel.start()
    task = TaskFactory.build(
        congress=subcommittees["organization"].congress,
        subcommittee=subcommittees["organization"],
        assignee=member,
        due_date=d(2020, 4, 15),
    )
    task_save(task=task)
    reminders_sweep()
    pk = Reminder.objects.get().pk
    start = threading.Barrier(8)
    outcomes = []

    def worker():
        try:
            start.wait()
            outcomes.append(reminder_deliver(reminder_id=pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    travel.stop()
    assert sorted(outcomes) == [*["not-claimed"] * 7, DeliveryState.SENT]
    assert len(mail.outbox) == 1
    assert Reminder.objects.get().attempts == 1


@concurrent_database
@pytest.mark.django_db(transaction=True)
def test_reliability_two_sweeps_at_once_record_each_reminder_once(subcommittees, head, member, no_worker):
    with time_machine.travel(at(2020, 4, 1), tick=False):
        for n in range(20):
            task = TaskFactory.build(
                congress=subcommittees["organization"].congress,
                subcommittee=subcommittees["organization"],
                assignee=member,
                due_date=d(2020, 4, 15),
                title=f"Việc {n}",
            )
            task_save(task=task)
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            start.wait()
            reminders_sweep()
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    with time_machine.travel(at(2020, 4, 14, 8), tick=False):
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert Reminder.objects.count() == 20
    assert len(keys()) == 20


# --- the broker down


def test_reliability_broker_down_for_an_hour_nothing_lost_sent_once_when_back(
    task_for, member, django_capture_on_commit_callbacks, clock, eager
):
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15), title="Hội trường")
    with broker_at(BROKER_DOWN):
        for minute in (31, 32, 40, 50, 60, 70):  # sweeps every few minutes during the outage
            clock.move_to(at(2020, 4, 14, 7, 0) + datetime.timedelta(minutes=minute))
            with django_capture_on_commit_callbacks(execute=True):
                reminders_sweep()  # publishing fails: logged, the sweep does not fail
        assert states() == {DeliveryState.SCHEDULED: 1}
        assert mail.outbox == []
    # The broker is back (eager: the worker runs at once). A sweep within a few minutes of the last
    # attempt leaves the row alone; then it is queued again and sent, once.
    clock.move_to(at(2020, 4, 14, 8, 12))
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_sweep().queued == 0
    clock.move_to(at(2020, 4, 14, 8, 16))
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_sweep().queued == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_sweep().queued == 0
    assert states() == {DeliveryState.SENT: 1}
    assert [m.subject for m in mail.outbox] == ["[Nhắc hạn] Ngày mai đến hạn: Hội trường"]


def test_reliability_broker_down_past_the_missed_age_marks_missed(
    task_for, member, django_capture_on_commit_callbacks, clock, eager
):
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15))
    with broker_at(BROKER_DOWN):
        clock.move_to(at(2020, 4, 14, 7, 31))
        with django_capture_on_commit_callbacks(execute=True):
            reminders_sweep()
    clock.move_to(at(2020, 4, 15, 7, 45))  # back 24 h 15 min after the reminder was due
    with django_capture_on_commit_callbacks(execute=True):
        result = reminders_sweep()
    assert (result.missed, result.queued) == (1, 0)
    assert states() == {DeliveryState.MISSED: 1}
    assert mail.outbox == []


def test_reliability_message_waiting_too_long_in_the_queue_is_missed_not_sent(task_for, member, clock, no_worker):
    """Workers down for a day while the broker kept the message: the task marks it missed."""
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15))
    clock.move_to(at(2020, 4, 14, 7, 31))
    reminders_sweep()
    clock.move_to(at(2020, 4, 15, 8, 0))
    assert reminder_deliver(reminder_id=Reminder.objects.get().pk) == DeliveryState.MISSED
    assert mail.outbox == []


# --- a worker killed


def test_reliability_worker_killed_mid_send_each_reminder_sent_once(task_for, member, clock, no_worker, settings):
    settings.REMINDER_CLAIM_LEASE_SECONDS = 600
    clock.move_to(at(2020, 4, 1))
    for n in range(3):
        task_for(member, d(2020, 4, 15), title=f"Việc {n}")
    clock.move_to(at(2020, 4, 14, 8))
    reminders_sweep()
    first, second, third = Reminder.objects.order_by("id")
    assert reminder_deliver(reminder_id=first.pk) == DeliveryState.SENT
    # The worker claims the second one and is killed before it can mail it (SIGKILL: no cleanup).
    assert Reminder.objects.filter(pk=second.pk, state=DeliveryState.SCHEDULED).update(
        state=DeliveryState.SENDING, claimed_at=at(2020, 4, 14, 8), attempts=1
    )
    # acks_late + reject_on_worker_lost: the message comes back to a new worker at once; the claim is
    # still held, so it does not send (it cannot know whether the dead worker did).
    assert reminder_deliver(reminder_id=second.pk) == "not-claimed"
    # The third one was never started: its redelivered message is handled normally.
    assert reminder_deliver(reminder_id=third.pk) == DeliveryState.SENT
    clock.move_to(at(2020, 4, 14, 8, 5))
    assert reminders_sweep().released == 0  # within the lease
    clock.move_to(at(2020, 4, 14, 8, 11))
    result = reminders_sweep()
    assert (result.released, result.queued) == (1, 1)
    assert reminder_deliver(reminder_id=second.pk) == DeliveryState.SENT
    assert reminder_deliver(reminder_id=second.pk) == "not-claimed"
    assert states() == {DeliveryState.SENT: 3}
    assert sorted(m.subject for m in mail.outbox) == [
        "[Nhắc hạn] Ngày mai đến hạn: Việc 0",
        "[Nhắc hạn] Ngày mai đến hạn: Việc 1",
        "[Nhắc hạn] Ngày mai đến hạn: Việc 2",
    ]
    assert Reminder.objects.get(pk=second.pk).attempts == 2


# --- the mail server failing


@pytest.fixture
def smtp(settings):
    """smtp(failures) → a local SMTP sink the app now mails to."""
    with contextlib.ExitStack() as stack:

        def start(failures):
            sink, port = stack.enter_context(smtp_sink(failures=failures))
            settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
            settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
            settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
            return sink

        yield start


def test_reliability_retry_delays_grow_and_are_capped(settings):
    settings.REMINDER_RETRY_BASE_SECONDS = 60
    settings.REMINDER_RETRY_MAX_SECONDS = 600
    assert [retry_delay(n) for n in range(1, 7)] == [60, 120, 240, 480, 600, 600]


def test_reliability_transient_smtp_errors_retry_then_send_once(task_for, member, smtp, sweep, clock):
    sink = smtp(["451 4.3.0 Try again later", "421 4.7.0 Too busy"])
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15), title="Hội trường")
    clock.move_to(at(2020, 4, 14, 8))
    sweep()  # eager: the retries run at once (a worker would wait 60 s, then 120 s)
    reminder = Reminder.objects.get()
    assert (reminder.state, reminder.attempts, reminder.last_error) == (DeliveryState.SENT, 3, "")
    assert sink.subjects() == ["[Nhắc hạn] Ngày mai đến hạn: Hội trường"]


def test_reliability_smtp_failing_for_good_is_recorded_as_failed(task_for, member, smtp, sweep, clock, settings):
    settings.REMINDER_MAX_ATTEMPTS = 3
    sink = smtp(["451 4.3.0 Try again later"] * 5)
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15))
    clock.move_to(at(2020, 4, 14, 8))
    sweep()
    reminder = Reminder.objects.get()
    assert (reminder.state, reminder.attempts) == (DeliveryState.FAILED, 3)
    assert "451" in reminder.last_error
    assert sink.received == []


def test_reliability_permanent_smtp_error_fails_at_once(task_for, member, smtp, sweep, clock):
    sink = smtp(["550 5.1.1 No such user here", "250 would have been accepted"])
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15))
    clock.move_to(at(2020, 4, 14, 8))
    sweep()
    reminder = Reminder.objects.get()
    assert (reminder.state, reminder.attempts) == (DeliveryState.FAILED, 1)
    assert "550" in reminder.last_error
    assert sink.received == []


def test_reliability_no_mail_server_at_all_retries_then_fails(task_for, member, sweep, clock, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    settings.REMINDER_MAX_ATTEMPTS = 2
    clock.move_to(at(2020, 4, 1))
    task_for(member, d(2020, 4, 15))
    clock.move_to(at(2020, 4, 14, 8))
    sweep()
    reminder = Reminder.objects.get()
    assert (reminder.state, reminder.attempts) == (DeliveryState.FAILED, 2)
    assert "ConnectionRefusedError" in reminder.last_error


# --- cost


def _bulk_deadlines(congress, user, numbers: range, today: datetime.date) -> None:
    """Open deadlines on days that have no reminder today (8 to 200 days ahead, or overdue with
    their last notice 5 or 6 days ago), across the whole year."""
    rows = []
    for n in numbers:
        if n % 2:
            due = today + datetime.timedelta(days=8 + n % 193)
        else:
            due = today - datetime.timedelta(days=7 * (n % 50) + 6 + n % 2)
        rows.append(
            Deadline(
                congress=congress,
                source_type="tests.bulk",
                source_id=n,
                title=f"Hạn {n}",
                due_date=due,
                assignee=user,
                armed_at=at(2019, 1, 1),
            )
        )
    Deadline.objects.bulk_create(rows, batch_size=2000)


def test_reliability_sweep_query_count_does_not_grow_with_deadlines(task_for, member, no_worker):
    """The same 15 reminders due now among 1,000 then 10,000 deadlines: the same queries, for the
    sweep that records them and for the next one, a minute later, with nothing new."""
    today = d(2020, 6, 17)  # a Wednesday with no holiday around
    congress = member.memberships.first().subcommittee.congress
    with time_machine.travel(at(2020, 6, 1), tick=False):
        for offset in (7, 3, 1, -1):
            for n in range(3):
                task_for(member, today + datetime.timedelta(days=offset), title=f"Đến hạn {offset}/{n}")
    counts = {}
    for low, high in ((0, 1_000), (1_000, 10_000)):
        _bulk_deadlines(congress, member, range(low, high), today)
        Reminder.objects.all().delete()
        ReminderSweep.objects.all().delete()
        with time_machine.travel(at(2020, 6, 17, 7, 0), tick=False):
            reminders_sweep()  # the watermark: what fell due before 07:00 is covered
        with time_machine.travel(at(2020, 6, 17, 8), tick=False), CaptureQueriesContext(connection) as busy:
            result = reminders_sweep()
        with time_machine.travel(at(2020, 6, 17, 8, 1), tick=False), CaptureQueriesContext(connection) as idle:
            assert reminders_sweep().recorded == 0
        # Three offsets to the assignee; the overdue ones to her and to the head.
        assert result.recorded == 3 * 3 + 3 * 2
        counts[high] = (len(busy.captured_queries), len(idle.captured_queries))
    assert Deadline.objects.count() == 10_012
    assert counts[1_000] == counts[10_000] == EXPECTED_SWEEP_QUERIES


# (busy, idle). Busy, 20: the savepoint, the watermark, policies, holidays, deadlines, memberships,
# secretariat roles, existing rows, the insert, moving the watermark, released claims, any row
# waiting, missed ones, policies (quiet hours), the rows to queue, marking them queued, digests
# pending, released digest claims, digests to queue, and the savepoint's release. Idle, 12: the
# same with nothing to record or to queue.
EXPECTED_SWEEP_QUERIES = (20, 12)


def test_reliability_sweep_recording_many_reminders_adds_only_insert_batches(member, no_worker):
    """A sweep that records 60 then 600 reminders at once (the first sweep over new data, or after an
    outage): every statement but the INSERT of the rows is the same; the INSERT is split only by the
    database's limit on bound parameters (999 on SQLite: a few dozen reminders a statement; PostgreSQL
    takes them in one)."""
    today = d(2020, 6, 17)
    congress = member.memberships.first().subcommittee.congress
    measured = {}
    for n in (60, 600):
        Deadline.objects.all().delete()
        Reminder.objects.all().delete()
        ReminderSweep.objects.all().delete()
        Deadline.objects.bulk_create(
            Deadline(
                congress=congress,
                source_type="tests.bulk",
                source_id=i,
                title=f"Hạn {i}",
                due_date=today + datetime.timedelta(days=3),
                assignee=member,
                armed_at=at(2019, 1, 1),
            )
            for i in range(n)
        )
        with time_machine.travel(at(2020, 6, 17, 7, 0), tick=False):
            reminders_sweep()
        with time_machine.travel(at(2020, 6, 17, 8), tick=False), CaptureQueriesContext(connection) as busy:
            assert reminders_sweep().recorded == n
        sql = [q["sql"] for q in busy.captured_queries]
        inserts = sum(
            1
            for q in sql
            if q.startswith(('INSERT OR IGNORE INTO "congress_reminder"', 'INSERT INTO "congress_reminder"'))
        )
        measured[n] = (len(sql) - inserts, inserts)
    assert Reminder.objects.count() == 600
    assert measured[60][0] == measured[600][0]
    if connection.vendor == "postgresql":
        assert measured[60][1] == measured[600][1] == 1
    else:
        assert measured[60][1] < measured[600][1]


def test_reliability_unknown_reminder_id_is_quiet(db):
    assert reminder_deliver(reminder_id=987654) == "not-claimed"


def test_reliability_reminder_user_deleted_between_sweep_and_task(task_for, clock, no_worker):
    someone = UserFactory()
    clock.move_to(at(2020, 4, 1))
    task_for(someone, d(2020, 4, 15))
    clock.move_to(at(2020, 4, 14, 8))
    reminders_sweep()
    pk = Reminder.objects.get().pk
    Reminder.objects.all().delete()
    assert reminder_deliver(reminder_id=pk) == "not-claimed"
