"""Query-count guards on the main pages: the same number of queries with 1 row and with many.

The congresses come from the benchmark's generator (tests/bench/data.py), so the pages have the shape
they have in `make bench`; a page that starts to query per row fails here long before the benchmark.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from tests.bench import data, pages

MANY = 60


@pytest.fixture
def bench_user(db):
    return data.ensure_bench_users()


@pytest.fixture
def one_row(bench_user):
    return data.build_congress(
        slug="guard-one", size=data.scaled(1), seed=1, name="Đại hội Đảng bộ quận Một", secretariat=[bench_user.pk]
    )


@pytest.fixture
def many_rows(bench_user):
    return data.build_congress(
        slug="guard-many", size=data.scaled(MANY), seed=2, name="Đại hội Đảng bộ Nhiều", secretariat=[bench_user.pk]
    )


def queries_of(client, url: str) -> int:
    with override_settings(ROOT_URLCONF=pages.URLCONF):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.mark.parametrize("key", [e.key for e in pages.page_endpoints(data.Built(0, "x", data.scaled(1), 0, 0, ""))])
def test_main_page_queries_do_not_grow_with_rows(key, bench_user, one_row, many_rows, django_assert_num_queries):
    client = pages.logged_in_client(bench_user)
    small = next(e for e in pages.page_endpoints(one_row) if e.key == key)
    large = next(e for e in pages.page_endpoints(many_rows) if e.key == key)
    expected = queries_of(client, small.url)
    with override_settings(ROOT_URLCONF=pages.URLCONF):
        client.get(large.url)
        with django_assert_num_queries(expected):
            response = client.get(large.url)
    assert response.status_code == 200
    if large.must_contain:
        assert large.must_contain in response.content.decode()


def test_generated_congresses_have_the_rows_asked_for(one_row, many_rows):
    assert one_row.counts["members"] == 1
    assert many_rows.counts["members"] == MANY
    assert many_rows.counts["delegates"] == MANY
    assert many_rows.counts["tasks"] == MANY
    assert many_rows.counts["candidates"] == MANY
    assert many_rows.counts["comments"] == MANY + 8
