"""The reading page of a 200-paragraph draft with 5,000 comments: a constant number of queries."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from documents.models import Comment
from tests.documents.factories import RoundFactory, VersionFactory

pytestmark = pytest.mark.django_db

TEXT = "\n".join(
    (f"# Phần {i // 20 + 1}" if i % 20 == 0 else f"Đoạn {i}: nội dung dự thảo về phát triển kinh tế – xã hội {i}.")
    for i in range(200)
)


def fill(review_round, users, n):
    paragraphs = list(review_round.version.paragraphs.all())
    Comment.objects.bulk_create(
        (
            Comment(
                round=review_round,
                number=i + 1,
                paragraph=paragraphs[i % len(paragraphs)] if i % 50 else None,
                author=users[i % len(users)],
                author_name=str(users[i % len(users)]),
                text=f"Ý kiến số {i}",
                disposition="accepted" if i % 2 else "",
            )
            for i in range(n)
        ),
        batch_size=1000,
    )


def test_reading_page_of_200_paragraphs_and_5000_comments(client_for, draft, reviewer, doc_member, congress):
    version = VersionFactory(draft=draft, paragraphs=TEXT)
    assert version.paragraph_count == 200
    review_round = RoundFactory(version=version, draft=draft, reviewers_see_all=True)
    review_round.reviewers.add(reviewer)
    target = reverse("round_read", kwargs={"congress": congress.slug, "pk": review_round.pk})
    clients = {"reviewer": client_for(reviewer), "subcommittee": client_for(doc_member)}
    fill(review_round, [reviewer], 1)
    few = {}
    for name, c in clients.items():
        c.get(target)
        with CaptureQueriesContext(connection) as captured:
            c.get(target)
        few[name] = len(captured.captured_queries)
    Comment.objects.filter(round=review_round).delete()
    fill(review_round, [reviewer, doc_member], 5000)
    for name, c in clients.items():
        with CaptureQueriesContext(connection) as many:
            started = time.monotonic()
            response = c.get(target)
            elapsed = time.monotonic() - started
        assert len(many.captured_queries) == few[name] <= 15
        assert elapsed < 3
        rows = response.context["rows"]
        assert len(rows) == 200
        assert sum(r["count"] for r in rows) + response.context["whole"]["n"] == 5000
        print(f"reading page ({name}): {len(many.captured_queries)} queries, {elapsed * 1000:.0f} ms")
