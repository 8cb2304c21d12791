"""The reminder sweep: its queries and time with the deadlines the database holds.

Two kinds of sweep are measured: the first one over the fresh data ("backlog": it records the newest
due reminder of every deadline and person, thousands at 100,000 deadlines), then those that follow
a minute apart, as Celery beat runs them ("steady": what a sweep costs day to day). All run in a
transaction that is rolled back: nothing is queued (queueing waits for a commit that never comes).
"""

from __future__ import annotations

import datetime
import statistics
import time

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from congress.models import Deadline
from congress.reminders import reminders_sweep
from tests.bench.pages import sql_statements


class _Rollback(Exception):
    pass


def sweep_now() -> datetime.datetime:
    """A fixed hour of today (09:00 in Hà Nội), so the figures do not depend on when the benchmark runs."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(9, 0)))


_INSERT = 'INSERT OR IGNORE INTO "congress_reminder"', 'INSERT INTO "congress_reminder"'


def _one(now: datetime.datetime) -> tuple[float, int, int, int]:
    """Seconds, SQL statements, reminders recorded, and the statements that insert them (bulk_create
    splits the rows by the database's limit on bound parameters: 999 on SQLite, 45 reminders a
    statement; none on PostgreSQL, one statement)."""
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        result = reminders_sweep(now=now)
        seconds = time.perf_counter() - start
    inserts = sum(1 for q in captured.captured_queries if q["sql"].lstrip().startswith(_INSERT))
    return seconds, sql_statements(captured), result.recorded, inserts


def measure_sweep(*, repeat: int = 3) -> dict:
    """The backlog sweep once (at 100,000 deadlines it records tens of thousands of reminders, and its
    queries do not depend on the repetition), then `repeat` steady sweeps a minute apart after it."""
    now = sweep_now()
    runs: dict[str, list[tuple[float, int, int, int]]] = {"backlog": [], "steady": []}
    try:
        with transaction.atomic():
            runs["backlog"].append(_one(now))
            for minute in range(1, repeat + 1):
                runs["steady"].append(_one(now + datetime.timedelta(minutes=minute)))
            raise _Rollback
    except _Rollback:
        pass
    out = {"deadlines": Deadline.objects.count(), "open_deadlines": Deadline.objects.filter(done=False).count()}
    for name, samples in runs.items():
        out[name] = {
            "median_ms": round(1000 * statistics.median(s[0] for s in samples), 1),
            "runs": len(samples),
            "queries": samples[0][1],
            "queries_all_runs": sorted({s[1] for s in samples}),
            "reminders_recorded": samples[0][2],
            "insert_statements": samples[0][3],
        }
    return out
