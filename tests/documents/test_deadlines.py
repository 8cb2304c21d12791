"""The deadlines of the review rounds: "close" (last day for comments) and "disposition" (every
comment answered), kept in step by the documents services, and the reminders they send."""

import datetime

import pytest
from django.core import mail

from congress.models import Deadline, DeadlineKind, DeliveryState, Notification, Reminder, ReminderKind
from documents.models import Comment, Disposition, ReviewRound
from documents.services import (
    comment_add,
    comment_dispose,
    comment_record_on_behalf,
    comments_dispose_bulk,
    draft_save,
    round_close_deadlines_expire,
    round_delete,
    round_mark_handled,
    round_reopen,
    round_save,
    rounds_deadlines_rebuild,
)
from tests.congress import test_reminders_support as support
from tests.congress.test_reminders_support import at, keys
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
clock = support.clock
eager = support.eager
sweep = support.sweep
d = datetime.date

CLOSE_TITLE = "Kết thúc góp ý: Báo cáo chính trị (dự thảo lần 1)"
DISPOSITION_TITLE = "Tiếp thu, giải trình góp ý: Báo cáo chính trị (dự thảo lần 1)"


@pytest.fixture
def doc_secretary(subcommittees):
    user = UserFactory(username="thukyvk", full_name="Lê Thị Mai")
    MembershipFactory(subcommittee=subcommittees["documents"], user=user, role="secretary")
    return user


@pytest.fixture
def new_round(clock, draft, version, doc_head, doc_secretary, reviewer):
    """A round created through the service on 01/04/2020: comments until 30/04, answers by 15/05."""
    clock.move_to(at(2020, 4, 1, 7, 0))
    review_round = ReviewRound(
        draft=draft,
        version=version,
        title="Lấy ý kiến lần 1",
        opens_on=d(2020, 4, 1),
        closes_on=d(2020, 4, 30),
        disposition_due_on=d(2020, 5, 15),
    )
    return round_save(review_round=review_round, by=doc_head, reviewers=[reviewer])


def deadlines(review_round) -> dict[str, Deadline]:
    rows = Deadline.objects.filter(source_type="documents.reviewround", source_id=review_round.pk)
    return {row.source_key: row for row in rows}


def test_round_save_creates_both_deadlines(new_round, subcommittees, congress):
    found = deadlines(new_round)
    assert set(found) == {"close", "disposition"}
    close, disposition = found["close"], found["disposition"]
    url = f"/{congress.slug}/rounds/{new_round.pk}/"
    assert new_round.get_absolute_url() == url
    assert (close.kind, close.title, close.due_date, close.done) == (
        DeadlineKind.REVIEW_ROUND, CLOSE_TITLE, d(2020, 4, 30), False,
    )  # fmt: skip
    # No comment yet: nothing to answer.
    assert (disposition.kind, disposition.title, disposition.due_date, disposition.done) == (
        DeadlineKind.COMMENT_DISPOSITION, DISPOSITION_TITLE, d(2020, 5, 15), True,
    )  # fmt: skip
    for row in (close, disposition):
        assert (row.congress, row.subcommittee, row.assignee, row.group, row.url) == (
            congress, subcommittees["documents"], None, None, url,
        )  # fmt: skip


def test_round_without_disposition_date_has_only_the_close_deadline(new_round, doc_head):
    new_round.disposition_due_on = None
    round_save(review_round=new_round, by=doc_head)
    assert set(deadlines(new_round)) == {"close"}
    new_round.disposition_due_on = d(2020, 5, 20)
    round_save(review_round=new_round, by=doc_head)
    assert deadlines(new_round)["disposition"].due_date == d(2020, 5, 20)


def test_moving_the_closing_date_moves_the_deadline_and_rearms_it(new_round, doc_head, clock):
    armed = deadlines(new_round)["close"].armed_at
    clock.move_to(at(2020, 4, 10, 9, 0))
    new_round.closes_on = d(2020, 5, 5)
    round_save(review_round=new_round, by=doc_head)
    close = deadlines(new_round)["close"]
    assert close.due_date == d(2020, 5, 5)
    assert close.armed_at > armed
    assert close.armed_at == at(2020, 4, 10, 9, 0)
    # Saving again without a change does not re-arm.
    round_save(review_round=new_round, by=doc_head)
    assert deadlines(new_round)["close"].armed_at == close.armed_at


def test_draft_renamed_renames_its_round_deadlines(new_round, draft):
    draft.title = "Báo cáo chính trị trình Đại hội"
    draft_save(draft=draft)
    assert {row.title for row in deadlines(new_round).values()} == {
        "Kết thúc góp ý: Báo cáo chính trị trình Đại hội (dự thảo lần 1)",
        "Tiếp thu, giải trình góp ý: Báo cáo chính trị trình Đại hội (dự thảo lần 1)",
    }


def test_comments_and_dispositions_open_and_close_the_disposition_deadline(
    new_round, reviewer, doc_head, secretariat, clock
):
    clock.move_to(at(2020, 4, 10, 9, 0))
    paragraph = new_round.version.paragraphs.get(position=3)
    first = comment_add(review_round=new_round, paragraph=paragraph, author=reviewer, text="Bổ sung số liệu năm 2019.")
    assert deadlines(new_round)["disposition"].done is False
    second = comment_record_on_behalf(
        round=new_round, paragraph=None, text="Nhất trí với dự thảo.", author_name="Đảng bộ phường Kim Mã",
        recorded_by=secretariat,
    )  # fmt: skip
    comment_dispose(
        comment=first, disposition=Disposition.ACCEPTED, response="", by=doc_head, expected_revision=first.revision
    )
    assert deadlines(new_round)["disposition"].done is False  # one left
    comment_dispose(
        comment=second, disposition=Disposition.NOTED, response="Ghi nhận.", by=doc_head,
        expected_revision=second.revision,
    )  # fmt: skip
    disposition = deadlines(new_round)["disposition"]
    assert disposition.done is True
    # A new comment reopens it, and re-arms its reminders.
    clock.move_to(at(2020, 4, 12, 9, 0))
    comment_add(review_round=new_round, paragraph=None, author=reviewer, text="Thêm một ý kiến.")
    reopened = deadlines(new_round)["disposition"]
    assert reopened.done is False
    assert reopened.armed_at == at(2020, 4, 12, 9, 0)


def test_bulk_disposition_syncs_once_for_the_batch(new_round, reviewer, doc_head, clock, django_assert_max_num_queries):
    clock.move_to(at(2020, 4, 10, 9, 0))
    Comment.objects.bulk_create(
        Comment(round=new_round, number=i, author=reviewer, author_name="Đỗ Văn Bình", text=f"Ý kiến {i}")
        for i in range(1, 51)
    )
    rounds_deadlines_rebuild(congress=new_round.draft.congress)
    assert deadlines(new_round)["disposition"].done is False
    ids = list(new_round.comments.values_list("pk", flat=True))
    # The number of queries does not grow with the comments (no sync per comment).
    with django_assert_max_num_queries(20):  # 15 here; one sync per comment would be 50 more
        count = comments_dispose_bulk(
            review_round=new_round, comment_ids=ids, disposition=Disposition.NOTED, response="Ghi nhận.", by=doc_head
        )
    assert count == 50
    assert deadlines(new_round)["disposition"].done is True


def test_marking_the_round_handled_closes_both_and_reopening_keeps_them(new_round, doc_head, clock):
    clock.move_to(at(2020, 4, 25, 9, 0))  # before the closing date: only handling closes it
    round_mark_handled(review_round=new_round, by=doc_head)
    assert {key: row.done for key, row in deadlines(new_round).items()} == {"close": True, "disposition": True}
    round_reopen(review_round=new_round)
    assert {key: row.done for key, row in deadlines(new_round).items()} == {"close": False, "disposition": True}


def test_the_closing_date_passing_closes_the_close_deadline(new_round, reviewer, clock):
    clock.move_to(at(2020, 4, 20, 9, 0))
    comment_add(review_round=new_round, paragraph=None, author=reviewer, text="Ý kiến.")
    assert round_close_deadlines_expire() == 0  # the round still takes comments
    clock.move_to(at(2020, 5, 1, 0, 30))
    assert round_close_deadlines_expire() == 1
    assert {key: row.done for key, row in deadlines(new_round).items()} == {"close": True, "disposition": False}
    assert round_close_deadlines_expire() == 0


def test_deleting_the_round_removes_its_deadlines_and_reminders(new_round, sweep, clock):
    clock.move_to(at(2020, 4, 23, 8, 0))
    sweep()
    assert Reminder.objects.filter(deadline__source_id=new_round.pk).count() == 2
    other = Deadline.objects.exclude(source_type="documents.reviewround").count()
    round_delete(review_round=new_round)
    assert not ReviewRound.objects.filter(pk=new_round.pk).exists()
    assert deadlines(new_round) == {}
    assert Reminder.objects.count() == 0
    assert Deadline.objects.count() == other


def test_rebuild_drops_the_deadlines_of_rounds_deleted_elsewhere(new_round, congress):
    ReviewRound.objects.filter(pk=new_round.pk).delete()  # e.g. in the admin
    assert rounds_deadlines_rebuild(congress=congress) == 0
    assert Deadline.objects.filter(source_type="documents.reviewround").count() == 0


def test_sweep_reminds_the_documents_subcommittee_of_a_round(
    new_round, reviewer, doc_head, doc_secretary, sweep, clock
):
    # 7 days before the close (30/04 is a holiday but the date stands; 23/04 is a Thursday):
    # the head and the secretary of the owner subcommittee, to chase the reviewers.
    clock.move_to(at(2020, 4, 23, 8, 0))
    result = sweep()
    assert keys() == {
        (CLOSE_TITLE, ReminderKind.BEFORE, 7, "truongbanvk"),
        (CLOSE_TITLE, ReminderKind.BEFORE, 7, "thukyvk"),
    }
    assert (result.recorded, result.queued) == (2, 2)
    assert set(Reminder.objects.values_list("state", flat=True)) == {DeliveryState.SENT}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([doc_head.email, doc_secretary.email])
    message = mail.outbox[0]
    assert message.subject == f"[Nhắc hạn] Còn 7 ngày: {CLOSE_TITLE}"
    assert "30/04/2020" in message.body
    assert f"http://127.0.0.1:8000{new_round.get_absolute_url()}" in message.body
    assert set(Notification.objects.values_list("user__username", "url")) == {
        ("truongbanvk", new_round.get_absolute_url()),
        ("thukyvk", new_round.get_absolute_url()),
    }
    # The same sweep again sends nothing more.
    assert sweep().recorded == 0
    assert len(mail.outbox) == 2

    # A comment arrives; the round closes; on 08/05 (7 days before 15/05) the answers are due.
    clock.move_to(at(2020, 4, 24, 10, 0))
    comment = comment_add(review_round=new_round, paragraph=None, author=reviewer, text="Bổ sung chỉ tiêu.")
    clock.move_to(at(2020, 5, 1, 0, 30))
    round_close_deadlines_expire()
    mail.outbox.clear()
    clock.move_to(at(2020, 5, 8, 8, 0))
    sweep()
    assert keys(Reminder.objects.filter(deadline__source_key="disposition")) == {
        (DISPOSITION_TITLE, ReminderKind.BEFORE, 7, "truongbanvk"),
        (DISPOSITION_TITLE, ReminderKind.BEFORE, 7, "thukyvk"),
    }
    # No overdue notice for the closed round: its "close" deadline is done.
    assert not Reminder.objects.filter(deadline__source_key="close", kind=ReminderKind.OVERDUE).exists()
    assert {m.subject for m in mail.outbox} == {f"[Nhắc hạn] Còn 7 ngày: {DISPOSITION_TITLE}"}

    # Once every comment is answered, the later reminders of the round are not sent.
    comment_dispose(
        comment=comment, disposition=Disposition.ACCEPTED, response="", by=doc_head, expected_revision=comment.revision
    )
    mail.outbox.clear()
    before = Reminder.objects.count()
    for day in (12, 14, 18):
        clock.move_to(at(2020, 5, day, 8, 0))
        sweep()
    assert Reminder.objects.count() == before
    assert mail.outbox == []


def test_demo_gives_the_rounds_their_deadlines(clock):
    from congress import demo
    from documents import demo as documents_demo

    clock.move_to(at(2020, 4, 20, 9, 0))
    congress = demo.seed().congress  # the base the documents demo needs (people, subcommittees)
    documents_demo.seed(congress=congress)
    rounds = list(ReviewRound.objects.order_by("opens_on"))
    assert len(rounds) == 2
    rows = Deadline.objects.filter(source_type="documents.reviewround")
    first, second = rounds
    got = {(r.source_id, r.source_key): (r.due_date, r.done, r.subcommittee.kind) for r in rows}
    assert got == {
        # Round 1 closed in January; about a tenth of its comments still wait for an answer.
        (first.pk, "close"): (d(2020, 1, 15), True, "documents"),
        (first.pk, "disposition"): (d(2020, 2, 15), False, "documents"),
        # Round 2 takes comments until 30/04.
        (second.pk, "close"): (d(2020, 4, 30), False, "documents"),
        (second.pk, "disposition"): (d(2020, 5, 10), False, "documents"),
    }
    assert {r.url for r in rows} == {r.get_absolute_url() for r in rounds}
    # Seeding again with the dates shifted moves the deadlines, and adds none.
    documents_demo.seed(congress=congress, shift_days=7)
    assert sorted(rows.values_list("due_date", flat=True)) == [
        d(2020, 1, 22), d(2020, 2, 22), d(2020, 5, 7), d(2020, 5, 17),
    ]  # fmt: skip


def test_admin_edits_and_deletes_keep_the_deadlines_in_step(new_round, client):
    admin_user = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    url = f"/admin/documents/reviewround/{new_round.pk}/delete/"
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not ReviewRound.objects.filter(pk=new_round.pk).exists()
    assert deadlines(new_round) == {}
