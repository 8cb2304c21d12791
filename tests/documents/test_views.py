import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from documents.models import Comment, Draft, DraftStatus, DraftVersion, ReviewRound
from documents.permissions import forget_documents_access
from tests.documents.factories import CommentFactory, DraftFactory, RoundFactory, VersionFactory
from tests.documents.helpers import damaged_docx, docx_upload, encrypted_docx
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(name, congress, **kwargs):
    return reverse(name, kwargs={"congress": congress.slug, **kwargs})


def check_access(client, client_for, target, *, outsider, no_rights, allowed, no_rights_status=403):
    """Anonymous → login, outsider → 404, a member without the right → 403/404, the right user → 200."""
    anonymous = client.get(target)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert client_for(outsider).get(target).status_code == 404
    assert client_for(no_rights).get(target).status_code == no_rights_status
    response = client_for(allowed).get(target)
    assert response.status_code == 200
    return response


# --- draft list and draft page


def test_draft_list_access_and_content(client, client_for, congress, draft, version, outsider, member, doc_member):
    response = check_access(
        client, client_for, url("draft_list", congress), outsider=outsider, no_rights=member, allowed=doc_member
    )
    assert [d.title for d in response.context["page"]] == ["Báo cáo chính trị"]
    assert "Báo cáo chính trị" in response.content.decode()


def test_draft_list_sends_a_reviewer_to_his_invitations(client_for, congress, review_round, reviewer):
    response = client_for(reviewer).get(url("draft_list", congress))
    assert response.status_code == 302
    assert response["Location"] == url("review_invitations", congress)
    page = client_for(reviewer).get(url("review_invitations", congress))
    assert [r.title for r in page.context["rounds"]] == ["Lấy ý kiến lần 1"]


def test_reviewer_without_invitation_sees_an_empty_list_not_other_drafts(client_for, congress, draft, reviewer):
    response = client_for(reviewer).get(url("review_invitations", congress))
    assert response.status_code == 200
    assert response.context["rounds"] == []
    assert client_for(reviewer).get(url("draft_detail", congress, pk=draft.pk)).status_code == 404


def test_draft_list_query_count_does_not_grow(
    client_for, congress, subcommittees, secretariat, django_assert_num_queries
):
    c = client_for(secretariat)
    VersionFactory(draft=DraftFactory(congress=congress, subcommittee=subcommittees["documents"]))
    c.get(url("draft_list", congress))
    with CaptureQueriesContext(connection) as one:
        c.get(url("draft_list", congress))
    for _ in range(12):
        VersionFactory(draft=DraftFactory(congress=congress, subcommittee=subcommittees["documents"]))
    with django_assert_num_queries(len(one.captured_queries)):
        c.get(url("draft_list", congress))


def test_draft_detail_access_and_content(client, client_for, congress, review_round, outsider, member, observer):
    target = url("draft_detail", congress, pk=review_round.draft.pk)
    response = check_access(client, client_for, target, outsider=outsider, no_rights=member, allowed=observer)
    assert [v.number for v in response.context["versions"]] == [1]
    assert [r.title for r in response.context["rounds"]] == ["Lấy ý kiến lần 1"]
    assert "move_form" not in response.context  # observers read, never move


def test_invited_reviewer_sees_only_his_round_on_the_draft_page(client_for, congress, review_round, reviewer):
    RoundFactory(version=review_round.version, draft=review_round.draft, title="Vòng không mời")
    response = client_for(reviewer).get(url("draft_detail", congress, pk=review_round.draft.pk))
    assert [r.title for r in response.context["rounds"]] == ["Lấy ý kiến lần 1"]
    assert response.context["timeline"] == []


def test_draft_create_by_head_and_refused_to_plain_member(client_for, congress, subcommittees, doc_head, doc_member):
    data = {"title": "Báo cáo kiểm điểm", "kind": "self_review", "subcommittee": subcommittees["documents"].pk}
    assert client_for(doc_member).post(url("draft_create", congress), data).status_code == 403
    response = client_for(doc_head).post(url("draft_create", congress), data)
    draft = Draft.objects.get()
    assert response.status_code == 302
    assert (draft.title, draft.created_by, draft.status) == ("Báo cáo kiểm điểm", doc_head, "drafting")


def test_draft_create_duplicate_title_is_400_and_nothing_saved(client_for, congress, draft, doc_head, subcommittees):
    data = {"title": draft.title, "kind": "other", "subcommittee": subcommittees["documents"].pk}
    response = client_for(doc_head).post(url("draft_create", congress), data)
    assert response.status_code == 400
    assert response.context["form"].errors["title"]
    assert Draft.objects.count() == 1


def test_draft_move_approval_flow(client_for, congress, version, doc_head, doc_member):
    draft = version.draft
    target = url("draft_move", congress, pk=draft.pk)
    assert client_for(doc_member).post(target, {"to_status": "standing_review"}).status_code == 403
    response = client_for(doc_head).post(target, {"to_status": "standing_review", "note": "Trình BTV"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == DraftStatus.STANDING_REVIEW
    bad = client_for(doc_head).post(target, {"to_status": "adopted"})
    assert bad.status_code == 400
    draft.refresh_from_db()
    assert draft.status == DraftStatus.STANDING_REVIEW


# --- versions


def test_version_create_by_upload(client_for, congress, draft, doc_member):
    response = client_for(doc_member).post(url("version_create", congress, pk=draft.pk), {"upload": docx_upload()})
    version = DraftVersion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == version.get_absolute_url()
    assert list(version.paragraphs.values_list("label", flat=True)) == ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.1"]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (damaged_docx, "hỏng"),
        (encrypted_docx, "mật khẩu"),
    ],
)
def test_version_create_bad_upload_is_400_with_message_and_nothing_saved(
    client_for, congress, draft, doc_member, upload, message
):
    response = client_for(doc_member).post(url("version_create", congress, pk=draft.pk), {"upload": upload()})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DraftVersion.objects.exists()


def test_version_create_text_and_file_together_is_400(client_for, congress, draft, doc_member):
    response = client_for(doc_member).post(
        url("version_create", congress, pk=draft.pk), {"text": "Đoạn một", "upload": docx_upload()}
    )
    assert response.status_code == 400
    assert not DraftVersion.objects.exists()


def test_version_create_refused_to_reviewer_and_observer(client_for, congress, review_round, reviewer, observer):
    target = url("version_create", congress, pk=review_round.draft.pk)
    assert client_for(observer).post(target, {"text": "x"}).status_code == 403
    assert client_for(reviewer).post(target, {"text": "x"}).status_code == 403


def test_version_detail_shows_numbered_paragraphs(client, client_for, congress, version, outsider, member, doc_member):
    target = url("version_detail", congress, pk=version.pk)
    response = check_access(client, client_for, target, outsider=outsider, no_rights=member, allowed=doc_member)
    content = response.content.decode()
    assert [r.paragraph.label for r in response.context["rows"]] == ["1", "1.1", "1.2", "1.3", "2", "2.1", "2.2"]
    assert '<span class="para-num" aria-hidden="true">1.2</span>' in content


def test_version_publish_by_head_only(client_for, congress, draft, doc_head, doc_member):
    working = VersionFactory(draft=draft, published_at=None)
    target = url("version_publish", congress, pk=working.pk)
    assert client_for(doc_member).post(target).status_code == 403
    assert client_for(doc_head).post(target, {"carry_over": "on"}).status_code == 302
    working.refresh_from_db()
    assert working.published_by == doc_head


def test_published_version_cannot_be_edited(client_for, congress, version, doc_member):
    response = client_for(doc_member).post(url("version_edit", congress, pk=version.pk), {"text": "Sửa"})
    assert response.status_code == 302
    assert list(version.paragraphs.values_list("position", flat=True)) == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_version_export(client_for, congress, version, doc_member, fmt):
    response = client_for(doc_member).get(url("version_export", congress, pk=version.pk, fmt=fmt))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="bao-cao-chinh-tri-v1.{fmt}"'
    assert response.content[:4] in (b"PK\x03\x04", b"%PDF")


def test_version_export_of_a_confidential_draft_is_refused_to_observers(client_for, congress, version, observer):
    version.draft.confidential = True
    version.draft.save()
    assert client_for(observer).get(url("version_export", congress, pk=version.pk, fmt="pdf")).status_code == 403


def test_version_export_unknown_format_is_404(client_for, congress, version, doc_member):
    assert client_for(doc_member).get(url("version_export", congress, pk=version.pk, fmt="exe")).status_code == 404


def test_diff_page_marks_insertions_and_deletions(client, client_for, congress, draft, outsider, member, doc_member):
    v1 = VersionFactory(draft=draft, paragraphs="# I. Đánh giá\nKinh tế tăng trưởng khá.\nĐoạn bị bỏ.")
    v2 = VersionFactory(draft=draft, paragraphs="# I. Đánh giá\nKinh tế tăng trưởng nhanh.\nĐoạn mới <b>đậm</b>.")
    target = url("draft_diff", congress, pk=draft.pk) + f"?a={v1.pk}&b={v2.pk}"
    response = check_access(client, client_for, target, outsider=outsider, no_rights=member, allowed=doc_member)
    content = response.content.decode()
    assert response.context["result"].summary == {"equal": 1, "changed": 1, "added": 1, "removed": 1}
    assert '<del class="diff-del"><span class="visually-hidden">' in content
    assert "khá.</span>" not in content and "khá.<span" in content
    assert "&lt;b&gt;đậm&lt;/b&gt;" in content  # text, never markup


def test_diff_bad_version_is_400(client_for, congress, draft, doc_member):
    VersionFactory(draft=draft)
    VersionFactory(draft=draft)
    other = VersionFactory()
    response = client_for(doc_member).get(url("draft_diff", congress, pk=draft.pk) + f"?a={other.pk}&b=abc")
    assert response.status_code == 400


# --- reading page and comments


def test_round_read_access(client, client_for, congress, review_round, outsider, member, reviewer):
    target = url("round_read", congress, pk=review_round.pk)
    response = check_access(client, client_for, target, outsider=outsider, no_rights=member, allowed=reviewer)
    assert len(response.context["rows"]) == 7


def test_reviewer_not_invited_to_a_round_gets_404(client_for, congress, review_round, reviewer):
    other = RoundFactory(version=review_round.version, draft=review_round.draft, title="Vòng khác")
    assert client_for(reviewer).get(url("round_read", congress, pk=other.pk)).status_code == 404


def test_invited_user_without_role_gets_in(client_for, congress, review_round, outsider):
    review_round.reviewers.add(outsider)
    forget_documents_access(outsider)
    assert client_for(outsider).get(url("round_read", congress, pk=review_round.pk)).status_code == 200
    assert client_for(outsider).get(url("draft_list", congress)).status_code == 302


def test_reviewer_comments_on_paragraph_three_with_htmx(client_for, congress, review_round, reviewer, frozen_today):
    paragraph = review_round.version.paragraphs.get(position=3)
    target = url("round_comments", congress, pk=review_round.pk) + f"?paragraph={paragraph.pk}"
    c = client_for(reviewer)
    panel = c.get(target, headers={"HX-Request": "true"})
    assert panel.status_code == 200
    assert paragraph.text in panel.content.decode()
    response = c.post(
        target,
        {"text": "<script>alert(1)</script> Đề nghị bổ sung số liệu.", "proposed_text": ""},
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    comment = Comment.objects.get()
    assert (comment.paragraph, comment.author, comment.number) == (paragraph, reviewer, 1)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content and "<script>alert" not in content
    assert f'id="count-{paragraph.pk}" hx-swap-oob="true"' in content


def test_comment_after_closing_is_refused_with_a_clear_message(
    client_for, congress, review_round, reviewer, frozen_today
):
    review_round.closes_on = datetime.date(2020, 4, 10)
    review_round.save()
    target = url("round_comments", congress, pk=review_round.pk) + "?paragraph=document"
    response = client_for(reviewer).post(target, {"text": "Muộn"}, headers={"HX-Request": "true"})
    assert response.status_code in (200, 400)
    assert not Comment.objects.exists()


def test_comment_too_long_is_400_and_nothing_saved(client_for, congress, review_round, reviewer, frozen_today):
    target = url("round_comments", congress, pk=review_round.pk) + "?paragraph=document"
    response = client_for(reviewer).post(target, {"text": "x" * 5000}, headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_comment_on_a_paragraph_of_another_version_is_404(client_for, congress, review_round, reviewer, frozen_today):
    other = VersionFactory(draft=review_round.draft).paragraphs.first()
    target = url("round_comments", congress, pk=review_round.pk) + f"?paragraph={other.pk}"
    assert client_for(reviewer).post(target, {"text": "x"}).status_code == 404


def test_observer_reads_but_cannot_comment(client_for, congress, review_round, observer, frozen_today):
    target = url("round_comments", congress, pk=review_round.pk) + "?paragraph=document"
    assert client_for(observer).post(target, {"text": "x"}).status_code == 403
    assert not Comment.objects.exists()


def test_reviewer_sees_only_his_own_comments_unless_the_round_allows(
    client_for, congress, review_round, reviewer, frozen_today
):
    paragraph = review_round.version.paragraphs.get(position=2)
    CommentFactory(round=review_round, paragraph=paragraph, text="Ý kiến của người khác")
    CommentFactory(round=review_round, paragraph=paragraph, author=reviewer, author_name="Đỗ Văn Bình", text="Của tôi")
    target = url("round_comments", congress, pk=review_round.pk) + f"?paragraph={paragraph.pk}"
    texts = [c.text for c in client_for(reviewer).get(target, headers={"HX-Request": "true"}).context["comments"]]
    assert texts == ["Của tôi"]
    review_round.reviewers_see_all = True
    review_round.save()
    texts = [c.text for c in client_for(reviewer).get(target, headers={"HX-Request": "true"}).context["comments"]]
    assert texts == ["Ý kiến của người khác", "Của tôi"]


def test_reading_page_counts_in_constant_queries(
    client_for, congress, review_round, reviewer, django_assert_num_queries
):
    paragraphs = list(review_round.version.paragraphs.all())
    c = client_for(reviewer)
    target = url("round_read", congress, pk=review_round.pk)
    c.get(target)
    with CaptureQueriesContext(connection) as one:
        c.get(target)
    Comment.objects.bulk_create(
        Comment(
            round=review_round,
            number=i + 1,
            paragraph=paragraphs[i % len(paragraphs)],
            author=reviewer,
            author_name="Đỗ Văn Bình",
            text=f"Ý kiến {i}",
        )
        for i in range(300)
    )
    with django_assert_num_queries(len(one.captured_queries)):
        response = c.get(target)
    assert sum(r["count"] for r in response.context["rows"]) == 300


def test_comment_record_on_behalf(
    client, client_for, congress, review_round, outsider, reviewer, secretariat, frozen_today
):
    target = url("comment_record", congress, pk=review_round.pk)
    check_access(client, client_for, target, outsider=outsider, no_rights=reviewer, allowed=secretariat)
    ward = OrganizationFactory(congress=congress, name="Đảng bộ phường Kim Mã")
    paragraph = review_round.version.paragraphs.get(position=2)
    response = client_for(secretariat).post(
        target,
        {"paragraph": paragraph.pk, "organization": ward.pk, "source": "written", "text": "Bổ sung chỉ tiêu"},
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.author_name, comment.organization, comment.recorded_by) == (
        "Đảng bộ phường Kim Mã",
        ward,
        secretariat,
    )


def test_comment_record_without_author_is_400(client_for, congress, review_round, secretariat, frozen_today):
    response = client_for(secretariat).post(
        url("comment_record", congress, pk=review_round.pk), {"source": "written", "text": "x"}
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()


# --- dispositions


def test_disposition_page_access(client, client_for, congress, review_round, outsider, reviewer, doc_member):
    CommentFactory(round=review_round)
    target = url("disposition_list", congress, pk=review_round.pk)
    response = check_access(client, client_for, target, outsider=outsider, no_rights=reviewer, allowed=doc_member)
    assert response.context["counts"].undisposed == 1


def test_disposition_page_filters(client_for, congress, review_round, doc_member):
    ward = OrganizationFactory(congress=congress, name="Đảng bộ phường Ngọc Hà")
    p2, p3 = review_round.version.paragraphs.filter(position__in=[2, 3]).order_by("position")
    CommentFactory(round=review_round, paragraph=p2, organization=ward, author_name=ward.name)
    CommentFactory(round=review_round, paragraph=p3, author_name="Ông Trần Văn Cường", disposition="accepted")
    c = client_for(doc_member)
    target = url("disposition_list", congress, pk=review_round.pk)

    def numbers(**params):
        return [x["paragraph_label"] for x in c.get(target, params).context["page"]]

    assert numbers() == ["1.1", "1.2"]
    assert numbers(paragraph=p3.pk) == ["1.2"]
    assert numbers(organization=ward.pk) == ["1.1"]
    assert numbers(disposition="none") == ["1.1"]
    assert numbers(author="Ông Trần Văn Cường") == ["1.2"]
    assert c.get(target, {"paragraph": "abc"}).status_code == 400


def test_disposition_pages_read_every_comment_once_in_reading_order(client_for, congress, review_round, doc_member):
    """Each page reads the ids of its window, then those rows: over three pages, and with a filter, every
    comment comes once, whole-document ones first, then by paragraph and number."""
    paragraphs = list(review_round.version.paragraphs.order_by("position"))
    for n in range(120):
        paragraph = None if n % 7 == 0 else paragraphs[(n * 5) % len(paragraphs)]
        CommentFactory(round=review_round, paragraph=paragraph, disposition="" if n % 3 else "accepted")
    expected = [
        (c.paragraph.position if c.paragraph else -1, c.number)
        for c in Comment.objects.filter(round=review_round).select_related("paragraph")
    ]
    c = client_for(doc_member)
    target = url("disposition_list", congress, pk=review_round.pk)

    def seen(**params):
        rows, number, last = [], 1, 1
        while number <= last:
            page = c.get(target, {**params, "page": number}).context["page"]
            rows += [(positions.get(r["paragraph_id"], -1), r["number"]) for r in page]
            number, last = number + 1, page.paginator.num_pages
        return rows

    positions = {p.pk: p.position for p in paragraphs}
    assert seen() == sorted(expected)
    undisposed = [(positions.get(x.paragraph_id, -1), x.number) for x in Comment.objects.filter(disposition="")]
    assert len(undisposed) == 80  # two pages
    assert seen(disposition="none") == sorted(undisposed)
    page = c.get(target, {"page": 3}).context["page"]
    assert (page.paginator.count, page.paginator.num_pages, len(page.object_list)) == (120, 3, 20)


def test_disposition_window_rows_are_the_annotated_rows(congress, review_round, doc_member):
    """DispositionRows names its related columns in Python; disposition_comments annotates them: the same
    dicts, with every related column set or empty, and the user's name falling back to his username."""
    from documents.selectors import (
        DISPOSITION_ROW_ANNOTATIONS,
        DISPOSITION_ROW_FIELDS,
        DispositionFilter,
        disposition_comments,
        disposition_rows,
    )

    p1, p2, p3 = review_round.version.paragraphs.order_by("position")[:3]
    nameless = UserFactory(full_name="", username="thuky02")
    ward = OrganizationFactory(congress=congress, name="Đảng bộ phường <Kim Mã>")
    CommentFactory(round=review_round, paragraph=None)
    CommentFactory(
        round=review_round,
        paragraph=p1,
        organization=ward,
        disposition="accepted",
        landed_in=p2,
        disposed_by=doc_member,
    )
    CommentFactory(
        round=review_round,
        paragraph=p2,
        disposition="noted",
        response="Để lại kỳ sau",
        carried_to=p3,
        disposed_by=nameless,
    )
    filters = DispositionFilter()
    names = [*DISPOSITION_ROW_FIELDS, *DISPOSITION_ROW_ANNOTATIONS]
    expected = list(disposition_comments(review_round=review_round, filters=filters).values(*names))
    rows = disposition_rows(review_round=review_round, filters=filters)
    assert rows[0:50] == expected
    assert rows[1:2] == expected[1:2]
    assert [r["disposed_by_name"] for r in expected] == [None, str(doc_member), "thuky02"]
    assert expected[1]["organization_name"] == "Đảng bộ phường <Kim Mã>" and expected[2]["carried_to_label"]


def test_disposition_page_query_count_does_not_grow(
    client_for, congress, review_round, doc_member, django_assert_num_queries
):
    CommentFactory(round=review_round)
    c = client_for(doc_member)
    target = url("disposition_list", congress, pk=review_round.pk)
    c.get(target)
    with CaptureQueriesContext(connection) as one:
        c.get(target)
    for _ in range(40):
        CommentFactory(round=review_round, organization=OrganizationFactory(congress=congress))
    with django_assert_num_queries(len(one.captured_queries)):
        c.get(target)


def test_dispose_one_comment_with_htmx(client_for, congress, review_round, doc_member):
    comment = CommentFactory(round=review_round)
    target = url("comment_dispose", congress, pk=comment.pk)
    c = client_for(doc_member)
    assert c.get(target, headers={"HX-Request": "true"}).status_code == 200
    response = c.post(
        target,
        {"disposition": "explained", "response": "Đã thể hiện tại đoạn 2.1.", "revision": 0},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    comment.refresh_from_db()
    assert (comment.disposition, comment.disposed_by) == ("explained", doc_member)


def test_dispose_without_response_is_400_and_nothing_saved(client_for, congress, review_round, doc_member):
    comment = CommentFactory(round=review_round)
    response = client_for(doc_member).post(
        url("comment_dispose", congress, pk=comment.pk), {"disposition": "partly", "response": "", "revision": 0}
    )
    assert response.status_code == 400
    comment.refresh_from_db()
    assert comment.disposition == ""


def test_dispose_conflict_is_409_with_the_other_answer(client_for, congress, review_round, doc_member, doc_head):
    comment = CommentFactory(round=review_round)
    target = url("comment_dispose", congress, pk=comment.pk)
    first = client_for(doc_head).post(target, {"disposition": "accepted", "response": "", "revision": 0})
    assert first.status_code == 302
    second = client_for(doc_member).post(
        target, {"disposition": "noted", "response": "Ngoài phạm vi", "revision": 0}, headers={"HX-Request": "true"}
    )
    assert second.status_code == 409
    assert second.context["form"].initial["disposition"] == "accepted"
    comment.refresh_from_db()
    assert (comment.disposition, comment.disposed_by) == ("accepted", doc_head)


def test_reviewer_never_reaches_a_disposition(client_for, congress, review_round, reviewer):
    comment = CommentFactory(round=review_round, author=reviewer, author_name="Đỗ Văn Bình")
    response = client_for(reviewer).post(
        url("comment_dispose", congress, pk=comment.pk), {"disposition": "accepted", "revision": 0}
    )
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.disposition == ""


def test_bulk_disposition(client_for, congress, review_round, doc_member):
    comments = [CommentFactory(round=review_round) for _ in range(3)]
    response = client_for(doc_member).post(
        url("disposition_bulk", congress, pk=review_round.pk),
        {"comments": [comments[0].pk, comments[1].pk], "disposition": "noted", "response": "Ghi nhận."},
    )
    assert response.status_code == 302
    assert list(Comment.objects.order_by("number").values_list("disposition", flat=True)) == ["noted", "noted", ""]


def test_bulk_disposition_without_selection_or_response_is_400(client_for, congress, review_round, doc_member):
    comment = CommentFactory(round=review_round)
    target = url("disposition_bulk", congress, pk=review_round.pk)
    assert client_for(doc_member).post(target, {"disposition": "noted", "response": "x"}).status_code == 400
    assert client_for(doc_member).post(target, {"comments": [comment.pk], "disposition": "partly"}).status_code == 400
    comment.refresh_from_db()
    assert comment.disposition == ""


def test_round_handled_refused_while_comments_are_left(client_for, congress, review_round, doc_head, doc_member):
    comment = CommentFactory(round=review_round)
    target = url("round_handled", congress, pk=review_round.pk)
    assert client_for(doc_member).post(target).status_code == 403
    response = client_for(doc_head).post(target, follow=True)
    review_round.refresh_from_db()
    assert review_round.handled_at is None
    assert response.context["counts"].undisposed == 1
    Comment.objects.filter(pk=comment.pk).update(disposition="accepted")
    client_for(doc_head).post(target)
    review_round.refresh_from_db()
    assert review_round.handled_by == doc_head


# --- register and exports


def test_register_access_and_counts(client, client_for, congress, review_round, outsider, reviewer, observer):
    ward = OrganizationFactory(congress=congress, name="Đảng bộ phường Ngọc Hà")
    review_round.organizations.add(ward, OrganizationFactory(congress=congress, name="Đảng bộ phường Kim Mã"))
    CommentFactory(round=review_round, organization=ward, disposition="accepted")
    CommentFactory(round=review_round, organization=ward, disposition="noted", response="Ngoài phạm vi")
    CommentFactory(round=review_round, author_name="Ông A")
    target = url("round_register", congress, pk=review_round.pk)
    response = check_access(client, client_for, target, outsider=outsider, no_rights=reviewer, allowed=observer)
    counts = response.context["counts"]
    assert counts.total == 3
    assert [(v, n) for v, _label, n in counts.by_disposition] == [
        ("accepted", 1),
        ("partly", 0),
        ("explained", 0),
        ("noted", 1),
        ("", 1),
    ]
    assert counts.by_organization[0][:2] == ("Đảng bộ phường Ngọc Hà", 2)
    assert counts.invited_silent == ["Đảng bộ phường Kim Mã"]


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_register_export_small_is_immediate(client_for, congress, review_round, doc_member, fmt):
    CommentFactory(round=review_round, disposition="accepted")
    response = client_for(doc_member).post(url("register_export", congress, pk=review_round.pk), {"format": fmt})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="tong-hop-y-kien-bao-cao-chinh-tri')


def test_register_export_bad_format_changes_nothing(client_for, congress, review_round, doc_member):
    response = client_for(doc_member).post(url("register_export", congress, pk=review_round.pk), {"format": "exe"})
    assert response.status_code == 302
    assert not review_round.exports.exists()


def test_register_export_large_pdf_runs_as_a_task_with_progress(
    client_for, congress, review_round, doc_member, settings, django_capture_on_commit_callbacks
):
    settings.DOCUMENTS_PDF_INLINE_LIMIT = 2
    for _ in range(5):
        CommentFactory(round=review_round)
    c = client_for(doc_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = c.post(url("register_export", congress, pk=review_round.pk), {"format": "pdf"})
    export = review_round.exports.get()
    assert response.status_code == 302
    assert response["Location"] == url("export_status", congress, pk=export.pk)
    export.refresh_from_db()
    assert (export.status, export.progress) == ("done", 100)
    page = c.get(url("export_status", congress, pk=export.pk), headers={"HX-Request": "true"})
    assert 'data-testid="export-download"' in page.content.decode()
    assert "hx-trigger" not in page.content.decode()
    download = c.get(url("export_download", congress, pk=export.pk))
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"


# --- circulated copies


def test_circulated_copy_issue_download_and_log(client, client_for, congress, version, outsider, doc_member, doc_head):
    version.draft.confidential = True
    version.draft.save()
    target = url("copy_list", congress, pk=version.pk)
    check_access(client, client_for, target, outsider=outsider, no_rights=doc_member, allowed=doc_head)
    recipient = UserFactory(full_name="Lê Minh Tuấn")
    response = client_for(doc_head).post(target, {"recipient_name": "", "recipient": ""})
    assert response.status_code == 400
    response = client_for(doc_head).post(target, {"recipient_name": "Đồng chí Lê Minh Tuấn", "recipient": recipient.pk})
    copy = version.copies.get()
    assert (response.status_code, copy.number) == (302, 1)
    download = client_for(recipient).get(url("copy_download", congress, pk=copy.pk))
    assert download.status_code == 200 and download.content[:5] == b"%PDF-"
    assert list(copy.downloads.values_list("user", flat=True)) == [recipient.pk]
    assert client_for(doc_member).get(url("copy_download", congress, pk=copy.pk)).status_code == 404


# --- nav and dashboard


def test_nav_shows_drafts_or_reviews(client_for, congress, review_round, reviewer, doc_member, member):
    assert "Văn kiện" in client_for(doc_member).get(url("dashboard", congress)).content.decode()
    reviewer_page = client_for(reviewer).get(url("dashboard", congress)).content.decode()
    assert url("review_invitations", congress) in reviewer_page
    assert url("draft_list", congress) not in client_for(member).get(url("dashboard", congress)).content.decode()


def test_round_edit_by_head(client_for, congress, version, doc_head, doc_member, reviewer):
    target = url("round_create", congress, pk=version.draft.pk)
    data = {
        "title": "Lấy ý kiến các đảng bộ cơ sở",
        "version": version.pk,
        "opens_on": "01/04/2020",
        "closes_on": "30/04/2020",
        "disposition_due_on": "10/05/2020",
        "reviewers": [reviewer.pk],
    }
    assert client_for(doc_member).post(target, data).status_code == 403
    response = client_for(doc_head).post(target, data)
    assert response.status_code == 302
    review_round = ReviewRound.objects.get()
    assert list(review_round.reviewers.all()) == [reviewer]
    bad = client_for(doc_head).post(target, {**data, "title": "Khác", "closes_on": "01/03/2020"})
    assert bad.status_code == 400
    assert ReviewRound.objects.count() == 1


def test_disposition_rows_write_the_cell_of_the_htmx_answer(client_for, congress, review_round, doc_member):
    """The work page writes documents/_disposition_cell.html inline in its rows (from dicts, for speed): each
    row's cell is the one the htmx answer sends back, and its labels are the template's msgids."""
    from django.template.loader import render_to_string
    from django.utils import timezone, translation

    from documents import selectors

    ward = OrganizationFactory(congress=congress, name="Đảng bộ phường <Ngọc Hà>")
    paragraph = review_round.version.paragraphs.order_by("position")[2]
    answered_by = UserFactory(full_name="")
    comments = [
        CommentFactory(round=review_round, paragraph=None, organization=ward, proposed_text="Sửa thành <b>x</b>"),
        CommentFactory(
            round=review_round,
            disposition="accepted",
            landed_in=paragraph,
            disposed_by=doc_member,
            disposed_at=timezone.now(),
        ),
        CommentFactory(
            round=review_round,
            disposition="noted",
            response="Ngoài phạm vi <văn kiện> & đã ghi nhận",
            disposed_by=answered_by,
            disposed_at=timezone.now(),
        ),
        CommentFactory(round=review_round, carried_to=paragraph, organization=ward, author_name=ward.name),
    ]
    html = client_for(doc_member).get(url("disposition_list", congress, pk=review_round.pk)).content.decode()
    with translation.override(html.split('lang="', 1)[1].split('"', 1)[0]):
        for comment in comments:
            row = selectors.disposition_comments(review_round=review_round, filters=selectors.DispositionFilter())
            cell = render_to_string(
                "documents/_disposition_cell.html", {"c": row.get(pk=comment.pk), "congress": congress}
            )
            assert cell.strip() in html
            select = translation.gettext("Select comment no. %(n)s") % {"n": comment.number}
            assert f'value="{comment.pk}" form="bulk-form" aria-label="{select}"' in html


def test_dashboard_card_lists_open_rounds_with_comments_to_answer(client_for, congress, draft, doc_member):
    """The Documents subcommittee's card: open rounds with comments still to answer, the nearest
    disposition date first (rounds without one last), at most five, each with its count."""
    import datetime as dt

    def make(title, due, closes=dt.date(2020, 4, 30), waiting=1, answered=0, handled=False):
        version = VersionFactory(draft=draft)
        r = RoundFactory(version=version, draft=draft, title=title, closes_on=closes, disposition_due_on=due)
        for _ in range(waiting):
            CommentFactory(round=r)
        for _ in range(answered):
            CommentFactory(round=r, disposition="accepted")
        if handled:
            ReviewRound.objects.filter(pk=r.pk).update(handled_at=dt.datetime(2020, 5, 20, tzinfo=dt.UTC))
        return r

    make("Lần G (không hạn)", None, waiting=2)
    make("Lần E", dt.date(2020, 5, 15), waiting=3, answered=4)
    make("Lần F", dt.date(2020, 5, 15), closes=dt.date(2020, 5, 1))
    make("Lần A", dt.date(2020, 5, 5))
    make("Lần B", dt.date(2020, 5, 10), waiting=0, answered=2)  # all answered
    make("Lần C", dt.date(2020, 5, 1), handled=True)
    make("Lần D", dt.date(2020, 5, 12))
    make("Lần H", dt.date(2020, 6, 1))
    response = client_for(doc_member).get(url("dashboard", congress))
    html = response.content.decode()
    card = html[html.index('data-testid="documents-dashboard"') :]
    titles = [t for t in ("Lần A", "Lần D", "Lần E", "Lần F", "Lần H", "Lần G", "Lần B", "Lần C") if t in card]
    assert titles == ["Lần A", "Lần D", "Lần E", "Lần F", "Lần H"]
    assert [card.index(t) for t in titles] == sorted(card.index(t) for t in titles)
    e_item = card[card.index("Lần E") : card.index("Lần F")]
    assert "3 ý kiến chưa xử lý" in e_item and "15/05/2020" in e_item
