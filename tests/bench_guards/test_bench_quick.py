"""The benchmark's quick mode runs end to end (in the test database, without gunicorn and Chromium)."""

import json

from tests.bench import run


def test_bench_quick_mode_writes_the_table_and_the_verdict(db, tmp_path):
    options = run.Options(
        quick=True,
        rounds=2,
        warmup=0,
        import_rows=60,
        skip={"load", "weight", "yardstick", "province"},
        results=tmp_path,
        fresh_database=False,
    )
    results = run.run(options)

    saved = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert saved["quick"] is True
    assert set(saved["district"]["pages"]) == {
        "dashboard", "tasks", "members", "member_search", "delegates", "reading", "dispositions", "credentials",
        "results",
    }  # fmt: skip
    for page in results["district"]["pages"].values():
        # The query count of a page does not depend on the rows (10, 100, the district).
        counts = {*page["queries_scaled"].values(), page["queries"]}
        assert len(counts) == 1, page
    assert saved["imports"]["rows"] == 60
    assert saved["sweep_small"]["steady"]["queries"] > 0
    table = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "| Dashboard |" in table
    assert "framework floor" in table
    assert "targets met" in table
