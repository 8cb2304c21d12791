"""The benchmark's verdict: each target met or not, and the Markdown table (bench-results/results.md)."""

from __future__ import annotations

import json
import math
from pathlib import Path

MAX_QUERIES = 12
MAX_X_FLOOR = 8
MIN_ADMIN_RATIO = 3
MIN_IMPORT_RATIO = 5
MAX_IMPORT_SECONDS = 10
MAX_LOAD_P95_RATIO = 10
MAX_FIRST_LOAD_KIB = 150
QUICK_NOTE = " (QUICK mode: small data, not the real figures)"


def _n(value, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, int) or (isinstance(value, float) and value >= 100):
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def _yes(ok: bool | None) -> str:
    return "–" if ok is None else ("met" if ok else "**NOT met**")


def _scale_label(results: dict) -> str:
    return "province" if "province" in results else "district"


def targets(results: dict) -> list[dict]:
    out: list[dict] = []
    scale = _scale_label(results)
    district, province = results.get("district", {}), results.get(scale, {})
    for key, page in district.get("pages", {}).items():
        counts = [*page["queries_scaled"].values(), page["queries"]]
        if scale == "province":
            counts.append(province["pages"][key]["queries"])
        constant = len(set(counts)) == 1
        out.append(
            {
                "target": f"{page['label']}: queries constant and ≤ {MAX_QUERIES}",
                "measured": " / ".join(str(c) for c in counts),
                "met": constant and max(counts) <= MAX_QUERIES,
            }
        )
    for page in province.get("pages", {}).values():
        out.append(
            {
                "target": f"{page['label']}: ≤ {MAX_X_FLOOR}× the floor ({scale})",
                "measured": f"{page['x_floor']}×",
                "met": page["x_floor"] <= MAX_X_FLOOR,
            }
        )
        out.append(
            {
                "target": f"{page['label']}: ≥ {MIN_ADMIN_RATIO}× faster than the admin changelist ({scale})",
                "measured": f"{page['admin_over_page']}×",
                "met": page["admin_over_page"] >= MIN_ADMIN_RATIO,
            }
        )
    imports = results.get("imports")
    if imports:
        out.append(
            {
                "target": f"import of {imports['rows']:,} rows in < {MAX_IMPORT_SECONDS} s",
                "measured": f"{imports['ours_seconds']} s (CPU {imports.get('ours_cpu_seconds', '?')} s)",
                "met": imports["ours_seconds"] < MAX_IMPORT_SECONDS,
            }
        )
        if "ratio" in imports:
            out.append(
                {
                    "target": f"import ≥ {MIN_IMPORT_RATIO}× django-import-export",
                    "measured": f"{imports['ratio']}×",
                    "met": imports["ratio"] >= MIN_IMPORT_RATIO,
                }
            )
    small, large = results.get("sweep_small"), results.get("sweep_large")
    if small and large:
        for kind in ("steady", "backlog"):
            out.append(
                {
                    "target": f"sweep queries constant from 1,000 to 100,000 deadlines ({kind} sweep)",
                    "measured": f"{small[kind]['queries']} at {small['deadlines']:,}, "
                    f"{large[kind]['queries']} at {large['deadlines']:,}",
                    "met": small[kind]["queries"] == large[kind]["queries"],
                }
            )
    pages_load, floor_load = results.get("load_pages"), results.get("load_floor")
    if pages_load and floor_load:
        ratio = pages_load["p95_ms"] / floor_load["p95_ms"] if floor_load["p95_ms"] else float("nan")
        results["load_p95_ratio"] = round(ratio, 1)
        out.append(
            {
                "target": "load: 0 errors",
                "measured": f"{pages_load['errors']} (floor: {floor_load['errors']})",
                "met": pages_load["errors"] == 0 and floor_load["errors"] == 0,
            }
        )
        out.append(
            {
                "target": f"load: p95 ≤ {MAX_LOAD_P95_RATIO}× the floor's p95",
                "measured": f"{ratio:.1f}×",
                "met": ratio <= MAX_LOAD_P95_RATIO,
            }
        )
    weight = results.get("weight")
    if weight and "kib" in weight:
        out.append(
            {
                "target": f"first load of the dashboard ≤ {MAX_FIRST_LOAD_KIB} KiB over the wire",
                "measured": f"{weight['kib']} KiB",
                "met": weight["kib"] <= MAX_FIRST_LOAD_KIB,
            }
        )
        out.append(
            {
                "target": "0 requests to other hosts",
                "measured": str(weight["third_party_requests"]),
                "met": weight["third_party_requests"] == 0,
            }
        )
    return out


def _loads(results: dict) -> str:
    loads = [v for v in results.get("load_average", {}).values() if v is not None]
    return (
        f"{min(loads)}–{max(loads)} during the run on {results.get('machine', {}).get('cores', '?')} cores"
        if loads
        else "?"
    )


def _tables(counts: dict | None) -> str:
    if not counts:
        return "–"
    return ", ".join(f"{v:,} {k}" for k, v in counts.items())


def markdown(results: dict) -> str:
    m = results.get("machine", {})
    scale = _scale_label(results)
    district = results.get("district", {})
    province = results.get("province", {})
    lines = [
        f"Benchmark of {results['date']}{QUICK_NOTE if results['quick'] else ''}: "
        f"{m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('memory_gib', '?')} GiB; "
        f"Python {m.get('python', '?')}, Django {m.get('django', '?')}; {results.get('database', '?')}. "
        f"Server time: median of {results['rounds']} requests after {results['warmup']} warm-up rounds, "
        "in-process test client through the whole middleware stack, logged in as secretariat lead. "
        "Queries: SQL statements per request (transaction control left out) in congresses of 10 and 1,000 rows, "
        "the district and the province. CPU × floor: the same ratio in this process's CPU time (SQLite runs "
        f"in it), steadier than the clock on a busy machine (load average {_loads(results)}).",
        "",
        f"- district scale: {_tables(results.get('district_tables'))}",
    ]
    if province:
        lines.append(f"- province scale: {_tables(results.get('province_tables'))}")
    small_labels = list(next(iter(district.get("pages", {}).values()), {}).get("queries_scaled", {}))
    lines += [
        "",
        f"| page | queries ({' / '.join(small_labels + ['district'] + (['province'] if province else []))}) "
        "| district ms | × floor | province ms | × floor (≤ 8) | CPU × floor "
        "| admin changelist ms | admin ÷ page (≥ 3) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, page in district.get("pages", {}).items():
        other = province.get("pages", {}).get(key, {})
        counts = [*page["queries_scaled"].values(), page["queries"]] + ([other["queries"]] if other else [])
        anchor = other or page
        lines.append(
            f"| {page['label']} | {' / '.join(str(c) for c in counts)} "
            f"| {_n(page['median_ms'])} | {_n(page['x_floor'])} "
            f"| {_n(other.get('median_ms'))} | {_n(other.get('x_floor'))} | {_n(anchor.get('cpu_x_floor'))} "
            f"| {_n(anchor['admin_ms'])} "
            f"| {_n(anchor['admin_over_page'], 2)} |"
        )
    if district:
        lines.append(
            f"| framework floor | {district['floor_queries']} | {_n(district['floor_ms'], 2)} | 1 "
            f"| {_n(province.get('floor_ms'), 2)} | 1 | 1 | | |"
        )
    lines += ["", "| measure | result |", "|---|---|"]
    imports = results.get("imports")
    if imports:
        lines.append(
            f"| import {imports['rows']:,} members (.xlsx): ours | {imports['ours_seconds']} s "
            f"(CPU {imports.get('ours_cpu_seconds', '?')} s), {imports['ours_rows_per_s']:,} rows/s |"
        )
        if "ratio" in imports:
            lines.append(
                f"| … django-import-export, same file | {imports['import_export_seconds']} s "
                f"(CPU {imports.get('import_export_cpu_seconds', '?')} s), "
                f"{imports['import_export_rows_per_s']:,} rows/s: ours is {imports['ratio']}× faster |"
            )
    for key in ("sweep_small", "sweep_large"):
        sweep = results.get(key)
        if sweep:
            for kind, what in (("steady", "a minute after the last one"), ("backlog", "first one over the data")):
                s = sweep[kind]
                inserts = s.get("insert_statements")
                batches = f" ({inserts} of them INSERT batches)" if inserts else ""
                lines.append(
                    f"| reminder sweep, {sweep['deadlines']:,} deadlines, {what} | {s['queries']} queries{batches}, "
                    f"{_n(s['median_ms'])} ms, {s['reminders_recorded']:,} reminders recorded |"
                )
    for key, label in (("load_pages", "main pages"), ("load_floor", "floor")):
        load = results.get(key)
        if load:
            lines.append(
                f"| load, {load['users']} sessions × {load['seconds']} s, {label} "
                f"| {_n(load['requests_per_s'])} req/s, "
                f"p50 {_n(load['p50_ms'])} / p95 {_n(load['p95_ms'])} / p99 {_n(load['p99_ms'])} ms, "
                f"{load['errors']} errors of {load['requests']:,} |"
            )
    if "load_p95_ratio" in results:
        lines.append(f"| load: p95 of the pages ÷ p95 of the floor | {results['load_p95_ratio']}× |")
    weight = results.get("weight")
    if weight and "kib" in weight:
        lines.append(
            f"| first load of the dashboard (Chromium, empty cache) | {weight['kib']} KiB over the wire in "
            f"{weight['requests']} requests; {weight['third_party_requests']} to other hosts |"
        )
    memory = results.get("memory")
    if memory:
        peaks = ", ".join(f"{w['peak_rss_mib']}" for w in memory)
        lines.append(f"| memory: peak RSS of each gunicorn worker after the load run | {peaks} MiB |")
    lines += ["", "| target | measured | |", "|---|---|---|"]
    for t in results.get("targets", []):
        lines.append(f"| {t['target']} | {t['measured']} | {_yes(t['met'])} |")
    met = sum(1 for t in results.get("targets", []) if t["met"])
    lines += ["", f"{met} of {len(results.get('targets', []))} targets met ({scale} scale)."]
    stages = results.get("stages_s")
    if stages:
        spent = ", ".join(f"{name} {seconds:,.0f} s" for name, seconds in stages.items())
        lines += [
            "",
            f"Time: {sum(stages.values()) / 60:.1f} min in all ({spent}); this process's CPU "
            f"{results.get('cpu_s', 0) / 60:.1f} min.",
        ]
    return "\n".join(lines) + "\n"


def write(results: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "results.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
    )
    (folder / "results.md").write_text(markdown(results), encoding="utf-8")
