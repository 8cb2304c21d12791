"""The reminder sweep: its queries and time with the deadlines the database holds.

Each sweep runs in a transaction that is rolled back: it records what falls due, nothing is queued
(the queueing waits for a commit that never comes), and the next run sees the same state.
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


class _Rollback(Exception):
    pass


def sweep_now() -> datetime.datetime:
    """A fixed hour of today (09:00 in Hà Nội), so the figures do not depend on when the benchmark runs."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(9, 0)))


def measure_sweep(*, repeat: int = 5) -> dict:
    now = sweep_now()
    seconds, queries, recorded = [], [], []
    for _ in range(repeat):
        try:
            with transaction.atomic():
                with CaptureQueriesContext(connection) as captured:
                    start = time.perf_counter()
                    result = reminders_sweep(now=now)
                    seconds.append(time.perf_counter() - start)
                queries.append(len(captured.captured_queries))
                recorded.append(result.recorded)
                raise _Rollback
        except _Rollback:
            pass
    return {
        "deadlines": Deadline.objects.count(),
        "open_deadlines": Deadline.objects.filter(done=False).count(),
        "median_ms": round(1000 * statistics.median(seconds), 1),
        "queries": queries[0],
        "queries_all_runs": sorted(set(queries)),
        "reminders_recorded": recorded[0],
    }
