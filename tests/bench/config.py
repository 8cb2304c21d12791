"""Where the benchmark writes, which database it uses, and the environment of a production-like run.

The benchmark never touches the development database: SQLite at bench-results/bench.sqlite3 by
default; with DATABASE_URL set (PostgreSQL), a database of the same server named `<name>_bench`
(or BENCH_DATABASE_URL exactly). Both are dropped and made anew at each full run.
"""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
RESULTS = Path(os.environ.get("BENCH_RESULTS") or BASE_DIR / "bench-results")
SQLITE_PATH = RESULTS / "bench.sqlite3"
STATIC_ROOT = RESULTS / "staticfiles"

# A production-like process: DEBUG off, WhiteNoise's compressed manifest storage, no HTTPS redirect
# (TLS ends at the proxy in front), the project's own settings otherwise.
PRODUCTION_ENV = {
    "DEBUG": "0",
    "ALLOW_DEV_SECRET_KEY": "1",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_COOKIES": "0",
    "SECURE_HSTS_SECONDS": "0",
    "STATIC_MANIFEST": "1",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "LOG_LEVEL": "WARNING",
    "CELERY_TASK_ALWAYS_EAGER": "0",
    "VAR_DIR": str(RESULTS / "var"),
}


def apply_production_env() -> None:
    for key, value in PRODUCTION_ENV.items():
        os.environ.setdefault(key, value)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.bench.settings"


def bench_database_url() -> str | None:
    """The PostgreSQL database of the benchmark, or None for SQLite."""
    explicit = os.environ.get("BENCH_DATABASE_URL")
    if explicit:
        return explicit
    url = os.environ.get("DATABASE_URL")
    if not url or url.startswith("sqlite"):
        return None
    base, _slash, name = url.rpartition("/")
    name = name.split("?")[0] or "congress"
    return f"{base}/{name}_bench"


def database_settings(project_default: dict) -> dict:
    url = bench_database_url()
    if url:
        import dj_database_url

        return dj_database_url.parse(url, conn_max_age=60)
    settings = dict(project_default) if project_default.get("ENGINE", "").endswith("sqlite3") else {}
    if not settings:  # the project points at another engine: keep SQLite's own options
        settings = {
            "ENGINE": "django.db.backends.sqlite3",
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    settings["NAME"] = SQLITE_PATH
    return settings


def recreate_database() -> str:
    """Drop and create the benchmark database; returns a label for the report."""
    url = bench_database_url()
    RESULTS.mkdir(parents=True, exist_ok=True)
    if url is None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        return f"SQLite ({SQLITE_PATH.relative_to(BASE_DIR) if SQLITE_PATH.is_relative_to(BASE_DIR) else SQLITE_PATH})"
    import dj_database_url
    import psycopg2

    params = dj_database_url.parse(url)
    name = params["NAME"]
    if name in {"postgres", "template0", "template1"}:
        raise SystemExit(f"Refusing to use {name!r} as the benchmark database.")
    connection = psycopg2.connect(
        dbname="postgres",
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return f"PostgreSQL ({name})"
