"""Real Celery workers (subprocesses) on a real Redis, mailing through SMTP to a local sink.

Runs when REDIS_URL is set (CI's second pass) on PostgreSQL (DATABASE_URL): a worker in another
process must open the test database, which SQLite's in-memory test database does not allow.
Each test uses its own queue name, so a shared Redis is not disturbed. The sweep runs as
`manage.py run_reminder_sweep` in its own process, as beat would run it.
"""

from __future__ import annotations

import datetime
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from congress.models import DeliveryState, Reminder, ReminderPolicy
from subcommittees.services import task_save
from tests.congress.test_reminders_support import free_port, smtp_sink
from tests.factories import TaskFactory, UserFactory

REDIS_URL = os.environ.get("REDIS_URL", "")
BASE_DIR = Path(settings.BASE_DIR)

pytestmark = [
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set: the real-worker tests need Redis"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL): a worker process cannot open SQLite's in-memory test database",
    ),
]


def database_url() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"] or "postgres") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Processes:
    """Worker and sweep processes sharing one environment (test database, queue, SMTP sink)."""

    def __init__(self, tmp_path: Path, smtp_port: int, redis_url: str):
        self.tmp_path = tmp_path
        self.queue = f"test-reminders-{uuid.uuid4().hex[:10]}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "congress.settings",
            "DATABASE_URL": database_url(),
            "DB_CONN_MAX_AGE": "0",
            "REDIS_URL": redis_url,
            "CELERY_QUEUE": self.queue,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "VAR_DIR": str(tmp_path / "var"),
            "DEBUG": "0",
            "ALLOW_DEV_SECRET_KEY": "1",
            "REMINDER_CLAIM_LEASE_SECONDS": "5",
            "REMINDER_REQUEUE_AFTER_SECONDS": "5",
            "REMINDER_RETRY_BASE_SECONDS": "1",
            "LOG_LEVEL": "INFO",
        }
        self.workers: list[tuple[subprocess.Popen, Path]] = []

    def start_worker(self, name: str, *, concurrency: int = 1) -> tuple[subprocess.Popen, Path]:
        log = self.tmp_path / f"{name}.log"
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "congress",
                "worker",
                "--loglevel=INFO",
                "--pool=prefork",
                f"--concurrency={concurrency}",
                "-Q",
                self.queue,
                "-n",
                f"{name}-{self.queue}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],  # fmt: skip
            cwd=BASE_DIR,
            env=self.env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.workers.append((process, log))
        wait_for(lambda: " ready." in log.read_text(), f"worker {name} to start", log=log)
        return process, log

    def sweep(self) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", "run_reminder_sweep"],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return result.stdout

    def publish(self, reminder_ids: list[int]) -> None:
        """Queue the tasks of these reminders again, as a redelivery of their messages would."""
        code = (
            "import django; django.setup()\n"
            "from congress.tasks import send_reminder\n"
            f"for pk in {reminder_ids!r}: send_reminder.apply_async(kwargs={{'reminder_id': pk}})\n"
        )
        subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=self.env, check=True, timeout=60)

    def kill_all(self) -> None:
        for process, _log in self.workers:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def wait_for(condition, what: str, *, timeout: float = 60, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    detail = log.read_text()[-3000:] if log else ""
    raise AssertionError(f"timed out waiting for {what}\n{detail}")


@pytest.fixture
def world(subcommittees, head):
    """A congress whose policy sends at midnight with no quiet hours (so a reminder is due now,
    whatever the hour the test runs), and `make(n)` tasks due tomorrow for n people."""
    congress = subcommittees["organization"].congress
    today = timezone.localdate()
    congress.opening_date, congress.closing_date = today + datetime.timedelta(30), today + datetime.timedelta(31)
    congress.cutoff_date = today + datetime.timedelta(90)
    congress.save()
    ReminderPolicy.objects.create(
        congress=congress, send_time=datetime.time(0, 0), quiet_hours=False, working_days_only=False
    )
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    def make(count: int) -> list:
        tasks = []
        for n in range(count):
            task = TaskFactory.build(
                congress=congress,
                subcommittee=subcommittees["organization"],
                assignee=UserFactory(username=f"canbo{n}", email=f"canbo{n}@badinh.example"),
                due_date=tomorrow,
                title=f"Nhiệm vụ số {n + 1}",
            )
            tasks.append(task_save(task=task))
        return tasks

    return make


@pytest.fixture
def processes(tmp_path):
    made = []

    def make(smtp_port: int, redis_url: str = REDIS_URL) -> Processes:
        made.append(Processes(tmp_path, smtp_port, redis_url))
        return made[-1]

    yield make
    for group in made:
        group.kill_all()


def all_sent(count: int):
    return lambda: Reminder.objects.filter(state=DeliveryState.SENT).count() == count


def expected_subjects(count: int) -> list[str]:
    return sorted(f"[Nhắc hạn] Ngày mai đến hạn: Nhiệm vụ số {n + 1}" for n in range(count))


def test_worker_sends_through_smtp_once(world, processes):
    world(5)
    with smtp_sink() as (sink, port):
        group = processes(port)
        _worker, log = group.start_worker("w1")
        assert "5 reminder(s) recorded, 5 queued" in group.sweep()
        wait_for(all_sent(5), "5 reminders sent", log=log)
        assert "0 reminder(s) recorded, 0 queued" in group.sweep()
        time.sleep(1)
        assert sink.subjects() == expected_subjects(5)
        recipients = sorted(r.decode().split("\r\nTo: ")[1].split("\r\n")[0] for r in sink.received)
        assert recipients == [f"canbo{n}@badinh.example" for n in range(5)]
    assert set(Reminder.objects.values_list("attempts", flat=True)) == {1}


def test_worker_two_workers_and_duplicate_messages_send_once(world, processes):
    world(8)
    with smtp_sink() as (sink, port):
        group = processes(port)
        group.start_worker("w1", concurrency=2)
        _w2, log = group.start_worker("w2", concurrency=2)
        group.sweep()
        ids = list(Reminder.objects.values_list("pk", flat=True))
        group.publish(ids + ids)  # every message twice more: four workers race for each reminder
        wait_for(all_sent(8), "8 reminders sent", log=log)
        time.sleep(3)  # let the duplicates run out
        assert sink.subjects() == expected_subjects(8)
    assert set(Reminder.objects.values_list("attempts", flat=True)) == {1}


def test_worker_process_killed_mid_batch_each_sent_once(world, processes):
    """The pool process dies while mailing the third reminder: the message is redelivered at once
    (acks_late + reject_on_worker_lost) but the claim holds until its lease ends; the sweep then
    releases it and it is sent, once."""
    world(6)
    with smtp_sink(rcpt_delay=1.0) as (sink, port):
        group = processes(port)
        worker, log = group.start_worker("w1", concurrency=1)
        group.sweep()
        for _ in range(3):  # the third message has reached RCPT: the first two are marked sent
            assert sink.rcpt_started.acquire(timeout=30)
        pool = children(worker.pid)
        assert pool, "no pool process found"
        for pid in pool:
            os.kill(pid, signal.SIGKILL)
        wait_for(lambda: "WorkerLostError" in log.read_text(), "the worker to notice its lost process", log=log)
        time.sleep(6)  # past the claim's lease
        group.sweep()
        wait_for(all_sent(6), "6 reminders sent", log=log)
        time.sleep(2)
        assert sink.subjects() == expected_subjects(6)
    killed = Reminder.objects.get(deadline__title="Nhiệm vụ số 3")
    assert killed.attempts == 2


def test_worker_killed_whole_and_restarted_each_sent_once(world, processes):
    """The whole worker is killed (SIGKILL, like a power cut) in the middle of a batch; a new one
    starts; the sweep releases the stale claim; every reminder goes out exactly once, and the
    redelivery of the dead worker's messages (after Redis's visibility timeout) changes nothing."""
    world(6)
    with smtp_sink(rcpt_delay=1.0) as (sink, port):
        group = processes(port)
        worker, log = group.start_worker("w1", concurrency=1)
        group.sweep()
        for _ in range(3):
            assert sink.rcpt_started.acquire(timeout=30)
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
        assert Reminder.objects.filter(state=DeliveryState.SENT).count() == 2
        _new, log = group.start_worker("w2", concurrency=1)
        time.sleep(6)
        group.sweep()
        wait_for(all_sent(6), "6 reminders sent", log=log, timeout=90)
        group.publish(list(Reminder.objects.values_list("pk", flat=True)))  # as the redelivery would
        time.sleep(3)
        assert sink.subjects() == expected_subjects(6)
        assert "'not-claimed'" in log.read_text()


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs the redis-server program for a private Redis")
def test_worker_broker_down_then_back_nothing_lost_sent_once(world, processes, tmp_path):
    """A private Redis is stopped while reminders fall due: the sweep records them and cannot queue
    them; when Redis is back, the next sweep queues them and each goes out once."""
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    redis = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=tmp_path)
    try:
        time.sleep(0.5)
        world(3)
        with smtp_sink() as (sink, smtp_port):
            group = processes(smtp_port, f"redis://127.0.0.1:{port}/0")
            _worker, log = group.start_worker("w1")
            redis.terminate()
            redis.wait(timeout=10)
            assert "3 reminder(s) recorded, 3 queued" in group.sweep()  # queued = tried: the broker is down
            assert Reminder.objects.filter(state=DeliveryState.SCHEDULED).count() == 3
            redis = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=tmp_path)
            time.sleep(6)  # the worker reconnects; the rows wait REMINDER_REQUEUE_AFTER_SECONDS
            group.sweep()
            wait_for(all_sent(3), "3 reminders sent", log=log, timeout=60)
            group.sweep()
            time.sleep(2)
            assert sink.subjects() == expected_subjects(3)
    finally:
        redis.terminate()
        redis.wait(timeout=10)
