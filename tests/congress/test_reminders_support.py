"""Helpers and fixtures of the reminder tests (imported by the test_reminders* modules).

Times are Hà Nội times; the clock is moved with time-machine; tasks run eagerly (pyproject sets
CELERY_TASK_ALWAYS_EAGER) when the sweep's transaction commits.
"""

from __future__ import annotations

import contextlib
import datetime
import socket
import threading
import zoneinfo

import pytest
import time_machine

from congress.celery import app as celery_app
from congress.models import DeliveryState, Reminder
from congress.reminders import reminders_sweep

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
d = datetime.date


def at(year: int, month: int, day: int, hour: int = 8, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=HANOI)


@pytest.fixture
def clock():
    """clock.move_to(at(...)) moves 'now'; it starts at 20/04/2020 08:00 in Hà Nội."""
    traveller = time_machine.travel(at(2020, 4, 20), tick=False)
    coordinates = traveller.start()
    yield coordinates
    traveller.stop()


@pytest.fixture
def eager():
    """Run queued tasks in-process (the default of the test settings), restoring the app after.

    Retries run at once (no countdown). Errors of a task do not propagate: as with a real worker,
    the outcome is read on the reminder's row."""
    conf = celery_app.conf
    saved = conf.task_always_eager, conf.task_eager_propagates
    conf.task_always_eager, conf.task_eager_propagates = True, False
    yield celery_app
    conf.task_always_eager, conf.task_eager_propagates = saved


def _reset_pools() -> None:
    # Forget the cached pools so the next publish connects to the broker now configured
    # (kombu keeps its own registry of pools by URL, so nothing is closed here).
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextlib.contextmanager
def broker_at(url: str):
    """Publish to a real broker at `url` (no eager run): 'memory://' keeps messages in-process,
    an address where nothing listens is a broker that is down."""
    conf = celery_app.conf
    saved = (conf.broker_url, conf.broker_write_url, conf.broker_transport_options, conf.task_always_eager)
    conf.broker_url = conf.broker_write_url = url
    conf.broker_transport_options = {}
    conf.task_always_eager = False
    _reset_pools()
    try:
        yield celery_app
    finally:
        conf.broker_url, conf.broker_write_url, conf.broker_transport_options, conf.task_always_eager = saved
        _reset_pools()


# Nothing listens on port 9 (discard) on the test machines: connections are refused at once.
BROKER_DOWN = "redis://127.0.0.1:9/0"


@pytest.fixture
def no_worker():
    """Queue into an in-memory broker that no worker reads: rows are recorded, nothing is delivered."""
    with broker_at("memory://") as app:
        yield app


@pytest.fixture
def sweep(django_capture_on_commit_callbacks, eager):
    """Run one sweep and the tasks it queues (as they would run after its commit)."""

    def run(now: datetime.datetime | None = None):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders_sweep(now=now)

    return run


def keys(queryset=None) -> set[tuple]:
    """(deadline title, kind, offset, recipient username) of recorded reminders."""
    rows = queryset if queryset is not None else Reminder.objects.all()
    return {
        (r.deadline.title, r.kind, r.offset_days, r.recipient.username)
        for r in rows.select_related("deadline", "recipient")
    }


def states() -> dict[str, int]:
    out: dict[str, int] = {}
    for state in Reminder.objects.values_list("state", flat=True):
        out[state] = out.get(state, 0) + 1
    return out


SENT = DeliveryState.SENT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpSink:
    """A local SMTP server (aiosmtpd) that keeps what it accepts.

    `failures`: answers to give to the first messages instead of accepting them ("451 …").
    `rcpt_delay`: seconds to stall on RCPT of each message, announced on `rcpt_started`.
    """

    def __init__(self, failures: list[str] | None = None, rcpt_delay: float = 0.0):
        self.failures = list(failures or [])
        self.rcpt_delay = rcpt_delay
        self.received: list[bytes] = []
        self.rcpt_started = threading.Semaphore(0)
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        import asyncio

        self.rcpt_started.release()
        if self.rcpt_delay:
            await asyncio.sleep(self.rcpt_delay)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.failures:
            return self.failures.pop(0)
        with self.lock:
            self.received.append(envelope.content)
        return "250 OK"

    def subjects(self) -> list[str]:
        from email import message_from_bytes, policy

        with self.lock:
            return sorted(
                str(message_from_bytes(raw, policy=policy.default)["Subject"]).strip() for raw in self.received
            )


@contextlib.contextmanager
def smtp_sink(**options):
    from aiosmtpd.controller import Controller

    sink = SmtpSink(**options)
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield sink, controller.port
    finally:
        controller.stop()
