"""Helpers and fixtures of the reminder tests (imported by the test_reminders* modules).

Times are Hà Nội times; the clock is moved with time-machine; tasks run eagerly (pyproject sets
CELERY_TASK_ALWAYS_EAGER) when the sweep's transaction commits.
"""

from __future__ import annotations

import contextlib
import datetime
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
    """Run queued tasks in-process (the default of the test settings), restoring the app after."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield celery_app
    celery_app.conf.task_always_eager = previous


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
