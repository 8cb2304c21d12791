"""Load, page weight and memory: the app under gunicorn (2 workers) on 127.0.0.1, as in production.

- load: locust (headless, in another process) runs 100 logged-in sessions asking without pause for
  a mix of the main pages for 60 s, then the same against the framework floor;
- page weight: Chromium (Playwright) loads the dashboard once with an empty cache and records every
  request: bytes over the wire (compressed) and any request to another host than the app's;
- memory: peak resident memory (VmHWM) of each gunicorn worker after the load run.
Every process it starts it stops; traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from tests.bench.config import BASE_DIR, PRODUCTION_ENV, RESULTS

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_sessions(user, count: int) -> list[str]:
    """Logged-in sessions of `user`, written as the login view would write them."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    keys = []
    for _ in range(count):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys


def _env() -> dict:
    env = dict(os.environ)
    for key, value in PRODUCTION_ENV.items():
        env.setdefault(key, value)
    env["DJANGO_SETTINGS_MODULE"] = "tests.bench.settings"
    env["BENCH_RESULTS"] = str(RESULTS)
    env["PYTHONPATH"] = str(BASE_DIR)
    return env


@contextmanager
def gunicorn(*, workers: int = 2):
    """A gunicorn master with `workers` sync workers on a free port of 127.0.0.1; yields (url, pid)."""
    port = free_port()
    log = open(RESULTS / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "congress.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/accounts/login/", timeout=5) as response:  # noqa: S310 (loopback)
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start; see {RESULTS / 'gunicorn.log'}")
            time.sleep(0.3)
        yield url, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _get(url: str, cookie: str) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 (loopback)
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        response.read()
        return response.status


def warm_up(base: str, cookie: str, urls: list[str], *, times: int = 6) -> None:
    """Every worker imports, compiles its templates and fills its caches before the clock runs."""
    for _ in range(times):
        for url in urls:
            status = _get(base + url, cookie)
            if status != 200:
                raise RuntimeError(f"{url} answered {status} under gunicorn")


def worker_memory(master_pid: int) -> list[dict]:
    """Resident memory of each worker (children of the master): now and peak, in MiB."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master_pid):
            children.append(
                {
                    "pid": int(entry.name),
                    "rss_mib": round(int(fields["VmRSS"].split()[0]) / 1024, 1),
                    "peak_rss_mib": round(int(fields["VmHWM"].split()[0]) / 1024, 1),
                }
            )
    return sorted(children, key=lambda c: c["pid"])


def run_locust(base: str, plan: dict, *, name: str, users: int, seconds: int) -> dict:
    plan_path = RESULTS / f"load-plan-{name}.json"
    plan_path.write_text(json.dumps(plan), encoding="utf-8")
    prefix = RESULTS / f"load-{name}"
    env = _env()
    env["BENCH_LOAD_PLAN"] = str(plan_path)
    command = [
        str(BIN / "locust"),
        "-f",
        str(Path(__file__).with_name("locustfile.py")),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--host",
        base,
        "--csv",
        str(prefix),
        "--only-summary",
        "--reset-stats",
        "--loglevel",
        "WARNING",
        "--stop-timeout",
        "10",
    ]
    completed = subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=seconds + 120)  # noqa: S603
    stats_file = Path(f"{prefix}_stats.csv")
    if not stats_file.exists():
        raise RuntimeError(f"locust wrote no statistics:\n{completed.stdout[-2000:]}\n{completed.stderr[-2000:]}")
    with stats_file.open(encoding="utf-8") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    total = rows["Aggregated"]

    def ms(key: str, row=total) -> float:
        value = row.get(key, "")
        return float(value) if value not in ("", "N/A") else float("nan")

    return {
        "users": users,
        "seconds": seconds,
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "requests_per_s": round(float(total["Requests/s"]), 1),
        "p50_ms": ms("50%"),
        "p95_ms": ms("95%"),
        "p99_ms": ms("99%"),
        "per_page": {
            row_name: {"requests": int(row["Request Count"]), "p50_ms": ms("50%", row), "p95_ms": ms("95%", row)}
            for row_name, row in rows.items()
            if row_name != "Aggregated"
        },
    }


def page_weight(base: str, session_key: str, path: str) -> dict:
    """A first load (empty cache) of `path` in Chromium: bytes over the wire and requests elsewhere."""
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return {"skipped": f"no chromium at {chromium}"}
    app_host = urlparse(base).netloc
    records: list[dict] = []
    failed: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        context.add_cookies([{"name": "sessionid", "value": session_key, "url": base}])
        page = context.new_page()

        def finished(request):
            sizes = request.sizes()
            response = request.response()
            records.append(
                {
                    "url": request.url,
                    "type": request.resource_type,
                    "status": response.status if response else None,
                    "encoding": (response.headers.get("content-encoding", "") if response else ""),
                    "bytes": sizes["responseBodySize"] + sizes["responseHeadersSize"],
                    "body_bytes": sizes["responseBodySize"],
                }
            )

        page.on("requestfinished", finished)
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.goto(base + path, wait_until="networkidle")
        page.screenshot(path=str(RESULTS / "dashboard.png"), full_page=False)
        title = page.title()
        browser.close()
    elsewhere = [
        r["url"]
        for r in records
        if urlparse(r["url"]).scheme in ("http", "https") and urlparse(r["url"]).netloc != app_host
    ]
    elsewhere += [u for u in failed if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != app_host]
    return {
        "page": path,
        "title": title,
        "requests": len(records),
        "failed_requests": failed,
        "bytes": sum(r["bytes"] for r in records),
        "kib": round(sum(r["bytes"] for r in records) / 1024, 1),
        "third_party_requests": len(elsewhere),
        "third_party_urls": elsewhere,
        "resources": sorted(records, key=lambda r: -r["bytes"]),
    }


def collectstatic() -> None:
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0, clear=True)
