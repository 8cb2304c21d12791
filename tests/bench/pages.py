"""Server time and queries of the main pages, of Django admin's changelists and of the framework floor.

Every request goes through the whole middleware stack with a logged-in user (Django's test client,
in this process). Requests are interleaved: each round asks every endpoint once, in a shuffled
order, so that a noisy neighbour slows all of them alike and the ratios stay meaningful.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from tests.bench.data import Built
from tests.bench.urls import FLOOR_PATH

URLCONF = "tests.bench.urls"


@dataclass(frozen=True)
class Endpoint:
    key: str
    label: str
    url: str
    kind: str  # "page", "admin" or "floor"
    anchor: str = ""  # for a page: the key of the admin changelist over the same rows
    must_contain: str = ""  # a piece of the answer that proves the page shows the data


@dataclass
class Timing:
    samples: list[float] = field(default_factory=list)  # seconds, wall clock
    cpu: list[float] = field(default_factory=list)  # seconds of this process's CPU (SQLite runs in it)
    queries: int | None = None
    bytes: int = 0

    @property
    def median_ms(self) -> float:
        return round(1000 * statistics.median(self.samples), 2) if self.samples else float("nan")

    @property
    def cpu_ms(self) -> float:
        return round(1000 * statistics.median(self.cpu), 2) if self.cpu else float("nan")


def page_endpoints(built: Built) -> list[Endpoint]:
    s = built.slug
    return [
        Endpoint("dashboard", "Dashboard", f"/{s}/", "page", "admin_tasks", "Ban Thường vụ thông qua kế hoạch"),
        Endpoint("tasks", "Task list", f"/{s}/tasks/", "page", "admin_tasks", "(đợt "),
        Endpoint("members", "Member list (first page)", f"/{s}/members/", "page", "admin_members"),
        Endpoint(
            "member_search",
            "Member search",
            f"/{s}/members/?{urlencode({'q': built.search})}",
            "page",
            "admin_member_search",
            "Nguyễn Văn An",
        ),
        Endpoint("delegates", "Delegate list", f"/{s}/delegates/", "page", "admin_delegates"),
        Endpoint(
            "reading", "Draft reading page", f"/{s}/rounds/{built.round_id}/", "page", "admin_comments", "Phần 1."
        ),
        Endpoint(
            "dispositions", "Disposition page", f"/{s}/rounds/{built.round_id}/dispositions/", "page", "admin_comments"
        ),
        Endpoint("credentials", "Credentials report", f"/{s}/credentials/report/", "page", "admin_delegates"),
        Endpoint(
            "results",
            "Election results",
            f"/{s}/elections/rounds/{built.election_round_id}/results/",
            "page",
            "admin_candidates",
        ),
    ]


def admin_endpoints(built: Built, election_id: int) -> list[Endpoint]:
    """Django admin's changelists over the same rows, with the same filter as the pages."""
    c = built.congress_id
    return [
        Endpoint(
            "admin_tasks",
            "Admin: tasks of the congress",
            f"/admin/subcommittees/task/?congress__id__exact={c}",
            "admin",
        ),
        Endpoint(
            "admin_members",
            "Admin: members of the congress",
            f"/admin/personnel/person/?congress__id__exact={c}",
            "admin",
        ),
        Endpoint(
            "admin_member_search",
            "Admin: member search",
            f"/admin/personnel/person/?congress__id__exact={c}&{urlencode({'q': built.search})}",
            "admin",
        ),
        Endpoint(
            "admin_delegates",
            "Admin: delegates of the congress",
            f"/admin/personnel/delegate/?congress__id__exact={c}",
            "admin",
        ),
        Endpoint(
            "admin_comments",
            "Admin: comments of the round",
            f"/admin/documents/comment/?round__id__exact={built.round_id}",
            "admin",
        ),
        Endpoint(
            "admin_candidates",
            "Admin: candidates of the election",
            f"/admin/personnel/candidate/?election__id__exact={election_id}",
            "admin",
        ),
    ]


def floor_endpoint() -> Endpoint:
    return Endpoint("floor", "Framework floor (bare view)", FLOOR_PATH, "floor", must_contain="ok")


def logged_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def check(client: Client, endpoints: list[Endpoint]) -> dict[str, int]:
    """Every endpoint answers 200 with its data; returns the size of each answer."""
    sizes = {}
    with override_settings(ROOT_URLCONF=URLCONF):
        for endpoint in endpoints:
            response = client.get(endpoint.url)
            body = response.content.decode()
            if response.status_code != 200:
                raise AssertionError(f"{endpoint.url} answered {response.status_code}")
            if endpoint.must_contain and endpoint.must_contain not in body:
                raise AssertionError(f"{endpoint.url} does not show {endpoint.must_contain!r}")
            sizes[endpoint.key] = len(response.content)
    return sizes


# Transaction control is not a query: SQLite's BEGIN/COMMIT around the session save would otherwise
# count twice on every page, and PostgreSQL's implicit ones not at all.
_TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def sql_statements(captured: CaptureQueriesContext) -> int:
    return sum(1 for q in captured.captured_queries if not q["sql"].lstrip().upper().startswith(_TRANSACTION_CONTROL))


def count_queries(client: Client, url: str) -> int:
    """SQL statements of one request (transaction control left out), after one request to settle the session."""
    with override_settings(ROOT_URLCONF=URLCONF):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    if response.status_code != 200:
        raise AssertionError(f"{url} answered {response.status_code}")
    return sql_statements(captured)


def time_endpoints(client: Client, endpoints: list[Endpoint], *, rounds: int, warmup: int, seed: int = 8) -> dict:
    timings = {e.key: Timing() for e in endpoints}
    rng = random.Random(seed)
    order = list(endpoints)
    with override_settings(ROOT_URLCONF=URLCONF):
        for _ in range(warmup):
            for endpoint in order:
                client.get(endpoint.url)
        for _ in range(rounds):
            rng.shuffle(order)
            for endpoint in order:
                start, cpu = time.perf_counter(), time.process_time()
                response = client.get(endpoint.url)
                elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
                if response.status_code != 200:
                    raise AssertionError(f"{endpoint.url} answered {response.status_code}")
                timings[endpoint.key].samples.append(elapsed)
                timings[endpoint.key].cpu.append(cpu)
                timings[endpoint.key].bytes = len(response.content)
    return timings


def profile(client: Client, url: str, *, repeat: int = 20) -> str:
    """A pyinstrument profile of `repeat` requests to one URL, as text (to find what a page spends)."""
    from pyinstrument import Profiler

    with override_settings(ROOT_URLCONF=URLCONF):
        client.get(url)
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(repeat):
            client.get(url)
        profiler.stop()
    return profiler.output_text(unicode=True, color=False, show_all=False)
