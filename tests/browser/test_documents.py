"""The review cycle of a draft in a real browser: upload a .docx → publish v1 → open a round → a
reviewer comments on paragraph 3 → the subcommittee disposes every comment → export the register →
publish v2 with carry-over → diff v1/v2 → approve."""

import datetime

import pytest
from django.utils import timezone

from congress.models import Role
from documents.models import Comment, Draft
from tests.documents.helpers import docx_upload
from tests.factories import (
    CongressFactory,
    CongressRoleFactory,
    MembershipFactory,
    OrganizationFactory,
    SubcommitteeFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

V2_TEXT = """# I. ĐÁNH GIÁ NHIỆM KỲ 2015–2020
Kinh tế của quận tăng trưởng khá, bình quân 8% mỗi năm.
Chuyển đổi số được đẩy mạnh trong toàn hệ thống chính trị.
Thu ngân sách vượt chỉ tiêu Đại hội đề ra.
## 1. Về xây dựng Đảng
Công tác xây dựng Đảng được chú trọng.
# II. PHƯƠNG HƯỚNG NHIỆM KỲ 2020–2025
Phát triển kinh tế nhanh, bền vững."""


@pytest.fixture
def live_congress():
    today = timezone.localdate()
    congress = CongressFactory(
        slug="ba-dinh",
        name="Đại hội đại biểu Đảng bộ quận Ba Đình lần thứ XXVI",
        opening_date=today + datetime.timedelta(days=40),
        closing_date=today + datetime.timedelta(days=41),
        cutoff_date=today + datetime.timedelta(days=130),
    )
    documents = SubcommitteeFactory(congress=congress, kind="documents")
    SubcommitteeFactory(congress=congress, kind="organization")
    head = UserFactory(username="vankien", full_name="Trần Minh Quân")
    MembershipFactory(subcommittee=documents, user=head, role="head")
    reviewer = UserFactory(username="gopy", full_name="Đỗ Văn Bình")
    CongressRoleFactory(congress=congress, user=reviewer, role=Role.REVIEWER)
    OrganizationFactory(congress=congress, name="Đảng bộ phường Ngọc Hà", code="CS08")
    return congress


def test_review_cycle_from_upload_to_approval(live_server, login, page, shot, live_congress, tmp_path):
    today = timezone.localdate()
    page.on("dialog", lambda dialog: dialog.accept())
    base = f"{live_server.url}/ba-dinh"

    # The head of the Documents subcommittee creates the draft and uploads v1 as a Word file.
    login("vankien")
    page.get_by_role("link", name="Văn kiện", exact=True).click()
    page.get_by_role("link", name="Dự thảo văn kiện mới").click()
    page.fill("#id_title", "Báo cáo chính trị trình Đại hội XXVI")
    page.get_by_role("button", name="Lưu").click()
    assert page.locator("h1").inner_text() == "Báo cáo chính trị trình Đại hội XXVI"
    page.get_by_role("link", name="Dự thảo mới", exact=True).click()
    docx_path = tmp_path / "bao-cao-chinh-tri.docx"
    docx_path.write_bytes(docx_upload().read())
    page.set_input_files("#id_upload", str(docx_path))
    page.click("#version-submit")
    assert "7 đoạn đánh số" in page.locator(".alert-success").inner_text()
    numbers = page.locator(".doc-text .para-num").all_inner_texts()
    assert numbers == ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.1"]
    shot("documents-version-v1")
    page.get_by_role("button", name="Phát hành bản dự thảo này").click()
    assert "đã phát hành" in page.locator(".alert-success").inner_text()

    # A review round on v1, with the reviewer invited.
    page.get_by_role("link", name="Báo cáo chính trị trình Đại hội XXVI").first.click()
    page.get_by_role("link", name="Đợt lấy ý kiến mới").click()
    page.fill("#id_title", "Lấy ý kiến lần 1")
    page.fill("#id_opens_on", (today - datetime.timedelta(days=1)).strftime("%d/%m/%Y"))
    page.fill("#id_closes_on", (today + datetime.timedelta(days=10)).strftime("%d/%m/%Y"))
    page.select_option("#id_reviewers", label="Đỗ Văn Bình")
    page.select_option("#id_organizations", label="Đảng bộ phường Ngọc Hà")
    page.get_by_role("button", name="Lưu").click()
    assert "Lấy ý kiến lần 1" in page.locator(".page-subtitle").inner_text()

    # The reviewer finds the invitation on his dashboard and comments on paragraph 3 without leaving the page.
    page.context.clear_cookies()
    login("gopy")
    card = page.get_by_test_id("documents-dashboard")
    assert "Báo cáo chính trị trình Đại hội XXVI" in card.inner_text()
    shot("documents-dashboard-reviewer")
    card.get_by_role("link").first.click()
    reading_url = page.url
    page.locator('.para[data-position="3"] .para-link').click()
    panel = page.get_by_test_id("comment-panel")
    panel.get_by_text("Thu ngân sách vượt chỉ tiêu.").wait_for()
    panel.locator("#id_text").fill("Đề nghị nêu rõ số liệu <b>thu ngân sách</b> từng năm.")
    panel.locator("#comment-submit").click()
    panel.get_by_text("Ý kiến của đồng chí đã được ghi nhận").wait_for()
    assert page.url == reading_url  # no page change
    assert "<b>thu ngân sách</b>" in panel.locator(".comment-text").inner_text()  # shown as text
    assert page.locator('.para[data-position="3"] .count-badge').inner_text().strip().startswith("1")
    shot("documents-reading-comment")
    # The reviewer never reaches the disposition page.
    comment = Comment.objects.get()
    response = page.goto(f"{base}/rounds/{comment.round_id}/dispositions/")
    assert response.status == 403

    # The subcommittee records a written comment from a ward, then disposes every comment.
    page.context.clear_cookies()
    login("vankien")
    page.goto(f"{base}/rounds/{comment.round_id}/record/")
    page.select_option("#id_organization", label="Đảng bộ phường Ngọc Hà")
    page.fill("#id_text", "Đề nghị bổ sung nội dung về chỉnh trang đô thị.")
    page.get_by_role("button", name="Ghi nhận").click()
    assert "Đã ghi nhận ý kiến" in page.locator(".alert-success").inner_text()
    page.goto(f"{base}/rounds/{comment.round_id}/dispositions/")
    assert "Còn 2 ý kiến chưa được tiếp thu, giải trình" in page.get_by_test_id("left-card").inner_text()
    page.get_by_test_id("answer-1").click()
    form = page.get_by_test_id("dispose-form-1")
    form.locator("select[name=disposition]").select_option("partly")
    form.get_by_role("button", name="Lưu kết quả xử lý").click()
    page.locator(f"#disp-{comment.pk}").get_by_text("Hãy ghi nội dung tiếp thu, giải trình").first.wait_for()
    assert "Chưa lưu được" in page.locator(f"#disp-{comment.pk}").inner_text()
    form = page.get_by_test_id("dispose-form-1")
    form.locator("textarea[name=response]").fill("Tiếp thu một phần: bổ sung số liệu tổng hợp cả nhiệm kỳ.")
    form.get_by_role("button", name="Lưu kết quả xử lý").click()
    page.locator(f"#disp-{comment.pk} .disp-partly").wait_for()
    recorded = Comment.objects.get(author__isnull=True)
    page.locator(f'input[name="comments"][value="{recorded.pk}"]').check()
    page.get_by_test_id("bulk-form").locator("select[name=disposition]").select_option("noted")
    page.get_by_test_id("bulk-form").locator("textarea[name=response]").fill("Ghi nhận, chuyển Ủy ban nhân dân quận.")
    page.click("#bulk-submit")
    assert "Đã xử lý 1 ý kiến" in page.locator(".alert-success").inner_text()
    assert "Mọi ý kiến đã được tiếp thu, giải trình" in page.get_by_test_id("left-card").inner_text()
    shot("documents-dispositions")
    page.click("#mark-handled")

    # The register, exported as Word and Excel.
    assert page.locator("h1").inner_text() == "Bảng tổng hợp tiếp thu, giải trình ý kiến góp ý"
    assert "Đảng bộ phường Ngọc Hà" in page.get_by_test_id("counts-organization").inner_text()
    shot("documents-register")
    with page.expect_download() as download:
        page.get_by_test_id("export-form").get_by_role("button", name="Word").click()
    assert download.value.suggested_filename.startswith("tong-hop-y-kien-bao-cao-chinh-tri")
    assert download.value.suggested_filename.endswith(".docx")
    with page.expect_download() as download:
        page.get_by_test_id("export-form").get_by_role("button", name="Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")

    # v2: edited text (a paragraph inserted before the commented one), published with carry-over.
    draft = Draft.objects.get()
    page.goto(f"{base}/drafts/{draft.pk}/")
    page.get_by_role("link", name="Dự thảo mới", exact=True).click()
    assert page.locator("#id_text").input_value().startswith("# I. ĐÁNH GIÁ NHIỆM KỲ 2015–2020")
    page.fill("#id_text", V2_TEXT)
    page.fill("#id_note", "Tiếp thu ý kiến đợt 1")
    page.click("#version-submit")
    assert page.locator("#id_carry_over").is_checked()
    page.get_by_role("button", name="Phát hành bản dự thảo này").click()
    assert "1 ý kiến đã tiếp thu được xác định vị trí" in page.locator(".alert-success").inner_text()
    comment.refresh_from_db()
    assert (comment.landed_in.version.number, comment.landed_in.label) == (2, "1.3")  # was §1.2 in v1

    # The diff of v1 and v2, paragraph by paragraph and word by word.
    page.get_by_role("link", name="So với lần 1").click()
    summary = page.get_by_test_id("diff-summary").inner_text()
    assert "1 đoạn thêm" in summary
    assert page.locator(".diff-table ins.diff-ins").count() >= 2
    assert page.locator(".diff-table del.diff-del").count() >= 1
    assert "thêm:" in page.locator(".diff-table ins.diff-ins").first.inner_html()  # a label for screen readers
    shot("documents-diff")

    # Approval: Standing Committee review, then the executive committee approves.
    page.get_by_role("link", name="Báo cáo chính trị trình Đại hội XXVI").first.click()
    page.get_by_test_id("move-form").locator("select").select_option("standing_review")
    page.get_by_test_id("move-form").get_by_role("button", name="Chuyển").click()
    page.get_by_test_id("move-form").locator("select").select_option("executive_approved")
    page.get_by_test_id("move-form").get_by_role("button", name="Chuyển").click()
    assert "Ban Chấp hành đã thông qua" in page.locator(".alert-success").inner_text()
    timeline = page.get_by_test_id("timeline").inner_text()
    assert "Ban Thường vụ cho ý kiến (v2)" in timeline
    assert "Ban Chấp hành đã thông qua (v2)" in timeline
    shot("documents-draft-approved")
