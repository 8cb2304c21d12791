"""The preparation workspace in a real browser: log in, dashboard, a task in a working group,
the red list, the language switch."""

import datetime

import pytest
from django.utils import timezone

from congress.models import Role
from tests.factories import (
    CongressFactory,
    CongressRoleFactory,
    MembershipFactory,
    SubcommitteeFactory,
    TaskFactory,
    UserFactory,
    WorkingGroupFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
    organization = SubcommitteeFactory(congress=congress, kind="organization")
    SubcommitteeFactory(congress=congress, kind="documents")
    SubcommitteeFactory(congress=congress, kind="personnel")
    WorkingGroupFactory(subcommittee=organization, name="Tổ Hậu cần – Y tế", kind="working_group")
    WorkingGroupFactory(subcommittee=organization, name="Bộ phận thường trực", kind="standing_unit")
    lead = UserFactory(username="thuky", full_name="Phạm Thanh Trang")
    CongressRoleFactory(congress=congress, user=lead, role=Role.SECRETARIAT_LEAD)
    head = UserFactory(username="tochuc", full_name="Nguyễn Văn Đạt")
    MembershipFactory(subcommittee=organization, user=head, role="head")
    TaskFactory(
        subcommittee=organization, title="Phương án trang trí hội trường", due_date=today + datetime.timedelta(days=3)
    )
    return congress


def test_login_dashboard_task_in_group_red_list_and_language(live_server, login, page, shot, live_congress):
    page = login("thuky")
    # An English browser still gets the Vietnamese interface.
    assert page.locator("h1").inner_text() == "Bảng điều hành công tác chuẩn bị"
    assert page.get_by_test_id("overdue-count").inner_text() == "0"
    shot("dashboard-vi")

    # The subcommittee page: add a task to a working group.
    page.get_by_role("link", name="Tiểu ban", exact=True).click()
    page.get_by_role("link", name="Tiểu ban Tổ chức phục vụ Đại hội").click()
    shot("subcommittee-vi")
    group = page.locator(".list-group-item", has_text="Tổ Hậu cần – Y tế")
    group.get_by_role("link", name="Thêm nhiệm vụ").click()
    page.fill("#id_title", "Hợp đồng hội trường, âm thanh")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.fill("#id_due_date", yesterday.strftime("%d/%m/%Y"))
    page.fill("#id_progress", "30")
    page.select_option("#id_status", "in_progress")
    page.get_by_role("button", name="Lưu").click()
    assert page.locator("h1").inner_text() == "Hợp đồng hội trường, âm thanh"
    assert "Tổ Hậu cần – Y tế" in page.content()
    assert page.locator(".badge.text-bg-danger").inner_text().startswith("quá hạn 1 ngày")

    # Overdue: it is on the red list of the dashboard.
    page.get_by_role("link", name="Tổng quan").click()
    assert page.get_by_test_id("overdue-count").inner_text() == "1"
    red = page.get_by_test_id("red-list")
    assert "Hợp đồng hội trường, âm thanh" in red.inner_text()
    assert "Tổ Hậu cần – Y tế" in red.inner_text()

    # A bad date is refused with a Vietnamese message and nothing is saved.
    page.goto(f"{live_server.url}/ba-dinh/tasks/new/")
    page.fill("#id_title", "Việc sau hạn cuối")
    page.select_option("#id_subcommittee", label="Tiểu ban Tổ chức phục vụ Đại hội")
    page.fill("#id_due_date", (live_congress.cutoff_date + datetime.timedelta(days=1)).strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Lưu").click()
    assert "Chưa lưu được." in page.content()
    assert "Hạn hoàn thành sau hạn cuối" in page.content()

    # The task list, then English and back.
    page.get_by_role("link", name="Nhiệm vụ", exact=True).click()
    assert page.get_by_test_id("task-table").locator("tbody tr").count() == 2
    shot("tasks-vi")
    page.get_by_role("button", name="EN").click()
    assert page.locator("h1").inner_text() == "Work plan: tasks"
    page.get_by_role("link", name="Dashboard").click()
    assert page.locator("h1").inner_text() == "Preparation dashboard"
    shot("dashboard-en")
    page.get_by_role("button", name="VI").click()
    assert page.locator("h1").inner_text() == "Bảng điều hành công tác chuẩn bị"


def test_anonymous_is_sent_to_login_and_wrong_password_is_explained(live_server, page, live_congress):
    page.goto(f"{live_server.url}/ba-dinh/")
    assert "/accounts/login/" in page.url
    page.fill("#id_username", "thuky")
    page.fill("#id_password", "sai-mat-khau")
    page.click("#login-submit")
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in page.content()


def test_member_does_not_see_other_subcommittees(live_server, login, page, live_congress):
    member = UserFactory(username="thanhvien", full_name="Lê Thị Hoa")
    MembershipFactory(subcommittee=live_congress.subcommittees.get(kind="documents"), user=member)
    login("thanhvien")
    page.get_by_role("link", name="Tiểu ban", exact=True).click()
    assert page.locator("h2").all_inner_texts() == ["Tiểu ban Văn kiện"]
    response = page.goto(f"{live_server.url}/ba-dinh/subcommittees/organization/")
    assert response.status == 404
