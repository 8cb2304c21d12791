import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from congress.models import CongressRole, Role
from documents.models import Comment, Disposition, DraftStatus, DraftVersion, Paragraph
from documents.services import (
    comment_add,
    comment_dispose,
    comment_record_on_behalf,
    comments_carry_over,
    comments_dispose_bulk,
    draft_move,
    round_mark_handled,
    round_save,
    version_create,
    version_publish,
    version_update,
)
from tests.documents.factories import CommentFactory, RoundFactory, VersionFactory
from tests.documents.helpers import docx_upload, encrypted_docx
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


# --- versions


def test_version_create_from_typed_text_numbers_paragraphs(draft, doc_member):
    version = version_create(
        draft=draft, by=doc_member, text="# I. Đánh giá\nĐoạn một.\nĐoạn hai.\n# II. Hướng\nĐoạn ba."
    )
    assert (version.number, version.source, version.published_at) == (1, "typed", None)
    assert list(version.paragraphs.values_list("label", "kind", "text")) == [
        ("1", "heading", "I. Đánh giá"),
        ("1.1", "paragraph", "Đoạn một."),
        ("1.2", "paragraph", "Đoạn hai."),
        ("2", "heading", "II. Hướng"),
        ("2.1", "paragraph", "Đoạn ba."),
    ]


def test_version_create_from_docx_keeps_the_file(draft, doc_member):
    version = version_create(draft=draft, by=doc_member, upload=docx_upload())
    assert (version.source, version.source_name, version.paragraph_count) == ("docx", "du-thao.docx", 7)
    assert version.source_file.name.endswith("du-thao.docx")


def test_version_create_refuses_a_password_protected_file_and_saves_nothing(draft, doc_member):
    with pytest.raises(ValidationError) as error:
        version_create(draft=draft, by=doc_member, upload=encrypted_docx())
    assert "mật khẩu" in error.value.messages[0]
    assert (DraftVersion.objects.count(), Paragraph.objects.count()) == (0, 0)


def test_version_create_refuses_a_second_working_copy(draft, doc_member):
    version_create(draft=draft, by=doc_member, text="Đoạn một.")
    with pytest.raises(ValidationError):
        version_create(draft=draft, by=doc_member, text="Đoạn hai.")
    assert draft.versions.count() == 1


def test_published_version_never_changes(draft, doc_member, doc_head):
    version = version_create(draft=draft, by=doc_member, text="Đoạn một.")
    version_publish(version=version, by=doc_head)
    with pytest.raises(ValidationError) as error:
        version_update(version=version, by=doc_member, text="Sửa lén.")
    assert error.value.messages == ["Bản dự thảo đã phát hành không được sửa: hãy tạo bản dự thảo mới."]
    assert list(version.paragraphs.values_list("text", flat=True)) == ["Đoạn một."]
    with pytest.raises(ValidationError):
        version_publish(version=version, by=doc_head)


def test_working_version_can_be_replaced_then_the_next_version_gets_the_next_number(draft, doc_member, doc_head):
    v1 = version_create(draft=draft, by=doc_member, text="Đoạn một.")
    version_update(version=v1, by=doc_member, text="Đoạn một, đã sửa.\nĐoạn hai.")
    assert list(v1.paragraphs.values_list("label", "text")) == [("0.1", "Đoạn một, đã sửa."), ("0.2", "Đoạn hai.")]
    version_publish(version=v1, by=doc_head)
    v2 = version_create(draft=draft, by=doc_member, text="Đoạn ba.")
    assert v2.number == 2


def test_database_refuses_two_working_copies(draft):
    DraftVersion.objects.create(draft=draft, number=1, source="typed")
    with pytest.raises(IntegrityError), transaction.atomic():
        DraftVersion.objects.create(draft=draft, number=2, source="typed")


# --- approval flow


def test_draft_move_records_who_when_and_the_version(draft, version, doc_head):
    change = draft_move(draft=draft, to_status=DraftStatus.STANDING_REVIEW, by=doc_head, note="Trình Ban Thường vụ")
    draft.refresh_from_db()
    assert draft.status == DraftStatus.STANDING_REVIEW
    assert (change.from_status, change.to_status, change.moved_by, change.version) == (
        "drafting",
        "standing_review",
        doc_head,
        version,
    )


def test_draft_move_skipping_a_step_is_refused(draft, version, doc_head):
    with pytest.raises(ValidationError) as error:
        draft_move(draft=draft, to_status=DraftStatus.SUBMITTED, by=doc_head)
    assert "to_status" in error.value.error_dict
    draft.refresh_from_db()
    assert (draft.status, draft.status_changes.count()) == ("drafting", 0)


def test_draft_move_needs_a_published_version(draft, doc_head):
    with pytest.raises(ValidationError):
        draft_move(draft=draft, to_status=DraftStatus.STANDING_REVIEW, by=doc_head)


def test_draft_move_refused_while_comments_wait_for_a_disposition(review_round, doc_head):
    CommentFactory(round=review_round)
    with pytest.raises(ValidationError) as error:
        draft_move(draft=review_round.draft, to_status=DraftStatus.STANDING_REVIEW, by=doc_head)
    assert error.value.messages == ["Còn ý kiến góp ý vào dự thảo lần 1 chưa được tiếp thu, giải trình."]


def test_draft_can_be_sent_back_to_drafting(draft, version, doc_head):
    draft_move(draft=draft, to_status=DraftStatus.STANDING_REVIEW, by=doc_head)
    draft_move(draft=draft, to_status=DraftStatus.DRAFTING, by=doc_head, note="Trả lại để chỉnh sửa")
    assert list(draft.status_changes.values_list("to_status", flat=True)) == ["standing_review", "drafting"]


# --- rounds and comments


def test_round_save_refuses_an_unpublished_version_and_bad_dates(draft, doc_head):
    working = VersionFactory(draft=draft, published_at=None)
    review_round = RoundFactory.build(
        draft=draft, version=working, opens_on=datetime.date(2020, 5, 1), closes_on=datetime.date(2020, 4, 1)
    )
    with pytest.raises(ValidationError) as error:
        round_save(review_round=review_round, by=doc_head)
    assert set(error.value.error_dict) == {"version", "closes_on"}


def test_round_save_makes_invited_outsiders_reviewers(version, doc_head, outsider, congress):
    review_round = RoundFactory.build(draft=version.draft, version=version)
    round_save(review_round=review_round, by=doc_head, reviewers=[outsider])
    assert list(CongressRole.objects.filter(user=outsider).values_list("congress", "role")) == [
        (congress.pk, Role.REVIEWER)
    ]


def test_comment_add_numbers_comments_in_the_round(review_round, reviewer, frozen_today):
    paragraph = review_round.version.paragraphs.get(position=3)
    first = comment_add(review_round=review_round, paragraph=paragraph, author=reviewer, text="Ý kiến một")
    second = comment_add(review_round=review_round, paragraph=None, author=reviewer, text="Ý kiến chung")
    assert (first.number, second.number, first.author_name, second.paragraph) == (1, 2, "Đỗ Văn Bình", None)


def test_comment_after_the_closing_date_is_refused_with_a_clear_message(review_round, reviewer, frozen_today):
    review_round.closes_on = datetime.date(2020, 4, 19)
    review_round.save()
    with pytest.raises(ValidationError) as error:
        comment_add(review_round=review_round, paragraph=None, author=reviewer, text="Muộn")
    assert error.value.messages == ["Đợt lấy ý kiến đã kết thúc ngày 19/04/2020: không nhận thêm ý kiến."]
    assert not Comment.objects.exists()


def test_comment_before_the_opening_or_on_a_handled_round_is_refused(review_round, reviewer, doc_head, frozen_today):
    review_round.opens_on = datetime.date(2020, 4, 21)
    review_round.save()
    with pytest.raises(ValidationError):
        comment_add(review_round=review_round, paragraph=None, author=reviewer, text="Sớm")
    review_round.opens_on = datetime.date(2020, 4, 1)
    review_round.save()
    round_mark_handled(review_round=review_round, by=doc_head)
    with pytest.raises(ValidationError) as error:
        comment_add(review_round=review_round, paragraph=None, author=reviewer, text="Sau khi xử lý")
    assert error.value.messages == ["Đợt lấy ý kiến đã xử lý xong: không nhận thêm ý kiến."]


def test_comment_on_a_paragraph_of_another_version_is_refused(review_round, reviewer, frozen_today):
    other = VersionFactory(draft=review_round.draft)
    with pytest.raises(ValidationError) as error:
        comment_add(review_round=review_round, paragraph=other.paragraphs.first(), author=reviewer, text="Sai chỗ")
    assert "paragraph" in error.value.error_dict


def test_comment_too_long_or_empty_is_refused(review_round, reviewer, frozen_today):
    for text in ["", "   ", "x" * 4001]:
        with pytest.raises(ValidationError):
            comment_add(review_round=review_round, paragraph=None, author=reviewer, text=text)
    assert not Comment.objects.exists()


def test_comment_record_on_behalf_of_an_organization(review_round, secretariat, congress, frozen_today):
    ward = OrganizationFactory(congress=congress, name="Đảng bộ phường Ngọc Hà")
    comment = comment_record_on_behalf(
        round=review_round,
        paragraph=None,
        text="Đề nghị bổ sung chỉ tiêu về chuyển đổi số.",
        author_name="",
        organization=ward,
        recorded_by=secretariat,
        source="conference",
    )
    assert (comment.author, comment.author_name, comment.recorded_by, comment.source) == (
        None,
        "Đảng bộ phường Ngọc Hà",
        secretariat,
        "conference",
    )


def test_comment_record_on_behalf_needs_a_name(review_round, secretariat, frozen_today):
    with pytest.raises(ValidationError) as error:
        comment_record_on_behalf(
            round=review_round, paragraph=None, text="Ý kiến", author_name=" ", recorded_by=secretariat
        )
    assert "author_name" in error.value.error_dict


def test_comment_record_on_behalf_of_an_organization_of_another_congress_is_refused(
    review_round, secretariat, frozen_today
):
    with pytest.raises(ValidationError):
        comment_record_on_behalf(
            round=review_round,
            paragraph=None,
            text="Ý kiến",
            author_name="Ông A",
            organization=OrganizationFactory(),
            recorded_by=secretariat,
        )


# --- dispositions


def test_disposition_needs_a_response_unless_accepted(review_round, doc_member):
    comment = CommentFactory(round=review_round)
    for kind in (Disposition.PARTLY, Disposition.EXPLAINED, Disposition.NOTED):
        with pytest.raises(ValidationError) as error:
            comment_dispose(comment=comment, disposition=kind, response="  ", by=doc_member, expected_revision=0)
        assert "response" in error.value.error_dict
    comment_dispose(comment=comment, disposition=Disposition.ACCEPTED, response="", by=doc_member, expected_revision=0)
    comment.refresh_from_db()
    assert (comment.disposition, comment.disposed_by, comment.revision) == ("accepted", doc_member, 1)


def test_database_refuses_an_explanation_without_response(review_round):
    comment = CommentFactory(round=review_round)
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.filter(pk=comment.pk).update(disposition="explained", response="")


def test_second_person_disposing_the_same_comment_gets_a_conflict(review_round, doc_member, doc_head):
    comment = CommentFactory(round=review_round)
    seen_by_first = seen_by_second = comment.revision
    comment_dispose(
        comment=comment,
        disposition="explained",
        response="Đã có ở đoạn 2.1",
        by=doc_head,
        expected_revision=seen_by_first,
    )
    with pytest.raises(ValidationError) as error:
        comment_dispose(
            comment=comment, disposition="accepted", response="", by=doc_member, expected_revision=seen_by_second
        )
    assert error.value.code == "conflict"
    assert "Nguyễn Quang Hải" in error.value.messages[0]
    comment.refresh_from_db()
    assert (comment.disposition, comment.response, comment.disposed_by) == ("explained", "Đã có ở đoạn 2.1", doc_head)


def test_landing_paragraph_must_be_in_a_later_version(review_round, doc_member):
    comment = CommentFactory(round=review_round)
    with pytest.raises(ValidationError) as error:
        comment_dispose(
            comment=comment,
            disposition="accepted",
            response="",
            by=doc_member,
            expected_revision=0,
            landed_in=review_round.version.paragraphs.first(),
        )
    assert "landed_in" in error.value.error_dict
    later = VersionFactory(draft=review_round.draft)
    comment_dispose(
        comment=comment,
        disposition="accepted",
        response="",
        by=doc_member,
        expected_revision=0,
        landed_in=later.paragraphs.get(position=2),
    )
    comment.refresh_from_db()
    assert comment.landed_in.label == "1.1"


def test_bulk_disposition(review_round, doc_member):
    comments = [CommentFactory(round=review_round) for _ in range(3)]
    n = comments_dispose_bulk(
        review_round=review_round,
        comment_ids=[c.pk for c in comments[:2]],
        disposition="noted",
        response="Thuộc thẩm quyền của Ủy ban nhân dân quận.",
        by=doc_member,
    )
    assert n == 2
    assert list(Comment.objects.order_by("number").values_list("disposition", flat=True)) == ["noted", "noted", ""]
    with pytest.raises(ValidationError):
        comments_dispose_bulk(
            review_round=review_round, comment_ids=[comments[2].pk], disposition="partly", response="", by=doc_member
        )


def test_round_cannot_be_handled_while_a_comment_lacks_a_disposition(review_round, doc_head):
    first, second = CommentFactory(round=review_round), CommentFactory(round=review_round)
    comment_dispose(comment=first, disposition="accepted", response="", by=doc_head, expected_revision=0)
    with pytest.raises(ValidationError) as error:
        round_mark_handled(review_round=review_round, by=doc_head)
    assert error.value.messages == [
        "Còn 1 ý kiến chưa được tiếp thu, giải trình: mọi ý kiến phải được xử lý trước khi kết thúc đợt."
    ]
    comment_dispose(comment=second, disposition="noted", response="Ngoài phạm vi.", by=doc_head, expected_revision=0)
    handled = round_mark_handled(review_round=review_round, by=doc_head)
    assert handled.handled_by == doc_head


# --- carry-over


V2 = """# I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI XXV
Đoạn mới: công tác chuyển đổi số được đẩy mạnh trong nhiệm kỳ.
Kinh tế của quận tiếp tục tăng trưởng khá, cơ cấu kinh tế chuyển dịch đúng hướng thương mại, dịch vụ, du lịch.
Thu ngân sách trên địa bàn năm sau cao hơn năm trước, vượt chỉ tiêu Đại hội đề ra.
# II. PHƯƠNG HƯỚNG, MỤC TIÊU NHIỆM KỲ 2020–2025
Phát triển kinh tế nhanh, bền vững, lấy thương mại, dịch vụ, du lịch làm trọng tâm.
"""


def test_publish_carries_open_comments_to_the_matching_paragraph(review_round, doc_member, doc_head):
    v1 = review_round.version
    economy = v1.paragraphs.get(label="1.1")  # "Kinh tế của quận ..."
    urban = v1.paragraphs.get(label="1.3")  # dropped in v2
    budget = v1.paragraphs.get(label="1.2")
    open_comment = CommentFactory(round=review_round, paragraph=economy)
    lost_paragraph = CommentFactory(round=review_round, paragraph=urban)
    accepted = CommentFactory(round=review_round, paragraph=budget)
    comment_dispose(comment=accepted, disposition="accepted", response="", by=doc_member, expected_revision=0)
    v2 = version_create(draft=review_round.draft, by=doc_member, text=V2)
    result = version_publish(version=v2, by=doc_head, carry_over=True)
    open_comment.refresh_from_db()
    accepted.refresh_from_db()
    lost_paragraph.refresh_from_db()
    assert (result.carried, result.landed, result.unmatched) == (1, 1, 1)
    assert open_comment.carried_to.label == "1.2"  # was 1.1: matched by text, not by number
    assert accepted.landed_in.label == "1.3"
    assert lost_paragraph.carried_to is None
    again = comments_carry_over(from_version=v1, to_version=v2)
    assert (again.carried, again.landed) == (0, 0)


def test_publish_without_carry_over_leaves_comments_alone(review_round, doc_member, doc_head):
    comment = CommentFactory(round=review_round)
    v2 = version_create(draft=review_round.draft, by=doc_member, text=V2)
    version_publish(version=v2, by=doc_head, carry_over=False)
    comment.refresh_from_db()
    assert comment.carried_to is None


def test_open_rounds_selector_for_deadline_reminders(review_round, congress, frozen_today):
    from documents.selectors import open_rounds

    CommentFactory(round=review_round)
    handled = RoundFactory(version=review_round.version, draft=review_round.draft, title="Đã xong")
    handled.handled_at = handled.created_at
    handled.save()
    later = RoundFactory(
        version=review_round.version,
        draft=review_round.draft,
        title="Chưa mở",
        opens_on=datetime.date(2020, 5, 1),
        closes_on=datetime.date(2020, 5, 15),
    )
    rows = list(open_rounds(congress))
    assert [(r.pk, r.undisposed) for r in rows] == [(review_round.pk, 1)]
    assert later.pk not in [r.pk for r in rows]


def test_user_factory_names_are_distinct():
    assert UserFactory().username != UserFactory().username
