"""The benchmark run: data at two scales, pages against their anchors, imports, sweep, load, weight.

Knobs (environment variables):
  BENCH_QUICK=1          small data (every count ÷ 40, 3 districts), few rounds, a 5 s load: a smoke run
  BENCH_ROUNDS=30        timed requests per endpoint (median of these), after BENCH_WARMUP=3 rounds
  BENCH_IMPORT_ROWS      rows of the generated members .xlsx (20,000)
  BENCH_LOAD_SECONDS=60  length of each load run; BENCH_LOAD_USERS=100 concurrent sessions
  BENCH_SKIP=a,b         leave out stages: province, import, yardstick, load, weight
  BENCH_PROFILE=1        also write a pyinstrument profile of every page (bench-results/profiles/)
  DATABASE_URL           PostgreSQL: the benchmark uses `<name>_bench` on that server (see config.py)
"""

from __future__ import annotations

import datetime
import os
import platform
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.bench import config


@dataclass
class Options:
    quick: bool = False
    rounds: int = 30
    warmup: int = 3
    import_rows: int = 20_000
    load_seconds: int = 60
    load_users: int = 100
    skip: set[str] = field(default_factory=set)
    profile: bool = False
    results: Path = config.RESULTS
    fresh_database: bool = True  # False: use the database Django is already set up with (the smoke test)

    @classmethod
    def from_env(cls) -> Options:
        quick = os.environ.get("BENCH_QUICK", "") not in ("", "0")
        options = cls(quick=quick)
        if quick:
            options.rounds, options.warmup, options.import_rows = 5, 1, 400
            options.load_seconds, options.load_users = 5, 10
        env_int = {
            "BENCH_ROUNDS": "rounds",
            "BENCH_WARMUP": "warmup",
            "BENCH_IMPORT_ROWS": "import_rows",
            "BENCH_LOAD_SECONDS": "load_seconds",
            "BENCH_LOAD_USERS": "load_users",
        }
        for name, attribute in env_int.items():
            if os.environ.get(name):
                setattr(options, attribute, int(os.environ[name]))
        options.skip = {s.strip() for s in os.environ.get("BENCH_SKIP", "").split(",") if s.strip()}
        options.profile = os.environ.get("BENCH_PROFILE", "") not in ("", "0")
        return options


QUICK_FACTOR = 40
SWEEP_SMALL, SWEEP_LARGE = 1_000, 100_000


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory_kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        memory_kib = 0
    import django

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "django": django.get_version(),
    }


def load_average() -> float | None:
    """The machine's 1-minute load average (this machine is shared: the report says how busy it was)."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


class Stopwatch:
    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self.load: dict[str, float | None] = {}

    def __call__(self, name: str):
        watch = self

        class _Stage:
            def __enter__(self):
                log(f"{name} …")
                self.start = time.monotonic()

            def __exit__(self, *exc):
                watch.stages[name] = round(time.monotonic() - self.start, 1)
                watch.load[name] = load_average()
                log(f"{name}: {watch.stages[name]} s (load average {watch.load[name]})")

        return _Stage()


def _sizes(options: Options):
    from tests.bench import data

    district, other, city = data.DISTRICT, data.OTHER_DISTRICT, data.CITY
    districts = data.PROVINCE_DISTRICTS
    if options.quick:
        district, other, city = (data.quick(s, QUICK_FACTOR) for s in (district, other, city))
        districts = 3
    return district, other, city, districts


def measure_scale(name: str, built, client, options: Options, *, small=()) -> dict:
    """Check, count queries and time every endpoint on `built` (and count on the small congresses)."""
    from personnel.election_models import Round
    from tests.bench import pages

    election_id = Round.objects.get(pk=built.election_round_id).election_id
    page_list = pages.page_endpoints(built)
    admin_list = pages.admin_endpoints(built, election_id)
    floor = pages.floor_endpoint()
    everything = [*page_list, *admin_list, floor]
    pages.check(client, everything)
    queries = {e.key: pages.count_queries(client, e.url) for e in everything}
    scaled = {}
    for label, other in small:
        scaled[label] = {e.key: pages.count_queries(client, e.url) for e in pages.page_endpoints(other)}
    timings = pages.time_endpoints(client, everything, rounds=options.rounds, warmup=options.warmup)
    floor_ms = timings["floor"].median_ms
    floor_cpu = timings["floor"].cpu_ms
    result = {
        "floor_ms": floor_ms,
        "floor_cpu_ms": floor_cpu,
        "floor_queries": queries["floor"],
        "pages": {},
        "admin": {},
    }
    for e in admin_list:
        t = timings[e.key]
        result["admin"][e.key] = {
            "label": e.label,
            "url": e.url,
            "median_ms": t.median_ms,
            "cpu_ms": t.cpu_ms,
            "x_floor": round(t.median_ms / floor_ms, 1),
            "queries": queries[e.key],
            "bytes": t.bytes,
        }
    for e in page_list:
        t = timings[e.key]
        admin = timings[e.anchor]
        result["pages"][e.key] = {
            "label": e.label,
            "url": e.url,
            "median_ms": t.median_ms,
            "cpu_ms": t.cpu_ms,
            "x_floor": round(t.median_ms / floor_ms, 1),
            "cpu_x_floor": round(t.cpu_ms / floor_cpu, 1),
            "queries": queries[e.key],
            "bytes": t.bytes,
            "admin": e.anchor,
            "admin_ms": admin.median_ms,
            "admin_over_page": round(admin.median_ms / t.median_ms, 2),
            "queries_scaled": {label: counts[e.key] for label, counts in scaled.items()},
        }
    if options.profile:
        folder = options.results / "profiles"
        folder.mkdir(parents=True, exist_ok=True)
        for e in page_list:
            (folder / f"{name}-{e.key}.txt").write_text(pages.profile(client, e.url), encoding="utf-8")
    log(f"{name}: floor {floor_ms} ms; " + ", ".join(f"{k} {v['x_floor']}×" for k, v in result["pages"].items()))
    return result


def run(options: Options) -> dict:
    import django

    watch = Stopwatch()
    options.results.mkdir(parents=True, exist_ok=True)
    results: dict = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "quick": options.quick,
        "rounds": options.rounds,
        "warmup": options.warmup,
    }
    if options.fresh_database:
        config.apply_production_env()
        with watch("database"):
            results["database"] = config.recreate_database()
            django.setup()
            from django.core.management import call_command

            call_command("migrate", verbosity=0)
            if os.environ.get("STATIC_MANIFEST") == "1":
                from tests.bench.load import collectstatic

                collectstatic()
    else:
        from django.db import connection

        results["database"] = f"{connection.vendor} (test database)"
    results["machine"] = machine()

    from congress.models import Deadline
    from tests.bench import data, imports, pages, sweep

    district_size, other_size, city_size, districts = _sizes(options)
    user = data.ensure_bench_users()
    names = "Đại hội đại biểu Đảng bộ quận {} lần thứ XXVI, nhiệm kỳ 2020–2025"
    with watch("district data"):
        sweep_small = SWEEP_SMALL if not options.quick else SWEEP_SMALL // QUICK_FACTOR
        fill = max(0, sweep_small - Deadline.objects.count() - district_size.tasks - 8)
        district = data.build_congress(
            slug="ba-dinh-bench",
            size=district_size,
            seed=26,
            name=names.format("Ba Đình"),
            secretariat=[user.pk],
            deadline_fill=fill,
        )
        results["district_tables"] = data.table_counts()
    with watch("sweep (district)"):
        results["sweep_small"] = sweep.measure_sweep()
    with watch("small congresses (10 and 1,000 rows)"):
        q10 = data.build_congress(
            slug="bench-q10", size=data.scaled(10), seed=10, name=names.format("Q10"), secretariat=[user.pk]
        )
        q1000 = data.build_congress(
            slug="bench-q1000",
            size=data.scaled(1000 if not options.quick else 100),
            seed=11,
            name=names.format("Q1000"),
            secretariat=[user.pk],
        )
    client = pages.logged_in_client(user)
    small = [("10", q10), ("1000" if not options.quick else "100", q1000)]
    with watch("pages (district)"):
        results["district"] = measure_scale("district", district, client, options, small=small)
    if "import" not in options.skip:
        with watch("import"):
            results["imports"] = imports.measure_imports(options.import_rows, yardstick="yardstick" not in options.skip)
    if "province" not in options.skip:
        with watch("province data"):
            # Further deadlines ("other" kind) spread over the new congresses up to exactly SWEEP_LARGE.
            sweep_large = SWEEP_LARGE if not options.quick else SWEEP_LARGE // QUICK_FACTOR
            own = (districts - 1) * (other_size.tasks + 8) + city_size.tasks + 8
            missing = max(0, sweep_large - Deadline.objects.count() - own)
            each = missing // districts
            for index in range(1, districts):
                data.build_congress(
                    slug=f"bench-district-{index:02d}",
                    size=other_size,
                    seed=100 + index,
                    name=names.format(f"số {index}"),
                    deadline_fill=each,
                )
            data.build_congress(
                slug="bench-city",
                size=city_size,
                seed=99,
                deadline_fill=max(0, sweep_large - Deadline.objects.count() - city_size.tasks - 8),
                name="Đại hội đại biểu Đảng bộ thành phố lần thứ XVII, nhiệm kỳ 2020–2025",
            )
            data.vacuum_analyze()
            results["province_tables"] = data.table_counts()
        with watch("sweep (province)"):
            results["sweep_large"] = sweep.measure_sweep()
        with watch("pages (province)"):
            results["province"] = measure_scale("province", district, client, options)
    if options.fresh_database and not {"load", "weight"} <= options.skip:
        with watch("load, page weight, memory"):
            results.update(load_stage(district, user, options))
    results["stages_s"] = watch.stages
    results["cpu_s"] = round(time.process_time(), 1)
    results["load_average"] = watch.load
    from tests.bench import report

    results["targets"] = report.targets(results)
    report.write(results, options.results)
    return results


def load_stage(district, user, options: Options) -> dict:
    from tests.bench import load, pages

    out: dict = {}
    page_list = pages.page_endpoints(district)
    keys = load.make_sessions(user, options.load_users)
    cookie = f"sessionid={keys[0]}"
    weights = {
        "dashboard": 4,
        "tasks": 3,
        "members": 3,
        "member_search": 2,
        "delegates": 2,
        "reading": 2,
        "dispositions": 2,
        "credentials": 1,
        "results": 1,
    }
    plan = {
        "cookie_name": "sessionid",
        "sessions": keys,
        "floor": pages.FLOOR_PATH,
        "names": {e.url: e.key for e in page_list},
    }
    with load.gunicorn(workers=2) as (base, master):
        urls = [e.url for e in page_list] + [pages.FLOOR_PATH]
        load.warm_up(base, cookie, urls)
        if "load" not in options.skip:
            pages_plan = dict(plan, urls=[{"url": e.url, "weight": weights.get(e.key, 1)} for e in page_list])
            log(f"load: {options.load_users} sessions on the main pages for {options.load_seconds} s")
            out["load_pages"] = load.run_locust(
                base, pages_plan, name="pages", users=options.load_users, seconds=options.load_seconds
            )
            out["memory"] = load.worker_memory(master)
            floor_plan = dict(plan, urls=[{"url": pages.FLOOR_PATH, "weight": 1}])
            log(f"load: {options.load_users} sessions on the floor for {options.load_seconds} s")
            out["load_floor"] = load.run_locust(
                base, floor_plan, name="floor", users=options.load_users, seconds=options.load_seconds
            )
        if "weight" not in options.skip:
            out["weight"] = load.page_weight(base, keys[-1], f"/{district.slug}/")
    return out


def main() -> int:
    options = Options.from_env()
    results = run(options)
    from tests.bench import report

    print(report.markdown(results))
    print(f"Results: {options.results / 'results.json'} and {options.results / 'results.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
