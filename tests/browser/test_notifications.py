"""Reminders and notifications in a real browser: the bell and its page, a person's settings, the
secretariat's schedule (skip, send now), log and policy."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from congress.celery import app as celery_app
from congress.models import DeliveryState, Reminder, ReminderPolicy, Role
from congress.reminders import reminders_sweep
from subcommittees.services import task_save
from tests.factories import (
    CongressFactory,
    CongressRoleFactory,
    MembershipFactory,
    SubcommitteeFactory,
    TaskFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def eager_tasks():
    conf = celery_app.conf
    saved = conf.task_always_eager, conf.task_eager_propagates
    conf.task_always_eager, conf.task_eager_propagates = True, False
    yield
    conf.task_always_eager, conf.task_eager_propagates = saved


@pytest.fixture
def reminded(eager_tasks):
    """A congress whose policy sends at midnight (a reminder is due now whatever the hour), a task
    due tomorrow and one in three days for the member, one in nine days for the head (nothing due
    yet), and the sweep run once."""
    today = timezone.localdate()
    congress = CongressFactory(
        slug="ba-dinh",
        name="Đại hội đại biểu Đảng bộ quận Ba Đình lần thứ XXVI",
        opening_date=today + datetime.timedelta(days=40),
        closing_date=today + datetime.timedelta(days=41),
        cutoff_date=today + datetime.timedelta(days=130),
    )
    ReminderPolicy.objects.create(
        congress=congress, send_time=datetime.time(0, 0), quiet_hours=False, working_days_only=False
    )
    organization = SubcommitteeFactory(congress=congress, kind="organization")
    lead = UserFactory(username="thuky", full_name="Phạm Thanh Trang")
    CongressRoleFactory(congress=congress, user=lead, role=Role.SECRETARIAT_LEAD)
    head = UserFactory(username="tochuc", full_name="Nguyễn Văn Đạt")
    MembershipFactory(subcommittee=organization, user=head, role="head")
    member = UserFactory(username="letan", full_name="Lê Thị Hoa")
    MembershipFactory(subcommittee=organization, user=member, role="member")
    for title, who, days in (
        ("Phương án trang trí hội trường, sân khấu", member, 1),
        ("Danh sách khách mời, in và gửi giấy mời", member, 3),
        ("Tập huấn đội lễ tân, sơ đồ chỗ ngồi", head, 9),
    ):
        task = TaskFactory.build(
            congress=congress,
            subcommittee=organization,
            assignee=who,
            title=title,
            due_date=today + datetime.timedelta(days=days),
        )
        task_save(task=task)
    reminders_sweep()
    return congress


def test_bell_notifications_and_settings(live_server, login, page, shot, reminded):
    assert sorted(m.subject for m in mail.outbox) == [
        "[Nhắc hạn] Còn 3 ngày: Danh sách khách mời, in và gửi giấy mời",
        "[Nhắc hạn] Ngày mai đến hạn: Phương án trang trí hội trường, sân khấu",
    ]
    page = login("letan")
    assert page.get_by_test_id("bell-count").inner_text().startswith("2")
    shot("notifications-bell-vi")
    page.get_by_test_id("bell").click()
    assert page.locator("h1").inner_text() == "Thông báo"
    items = page.get_by_test_id("notification-list").locator("li")
    assert items.count() == 2
    tomorrow = items.filter(has_text="Ngày mai đến hạn: Phương án trang trí hội trường, sân khấu")
    assert "Lê Thị Hoa" in tomorrow.inner_text()
    shot("notifications-list-vi")
    tomorrow.get_by_test_id("mark-read").click()
    assert page.get_by_test_id("bell-count").inner_text().startswith("1")

    # A new reminder arrives while the page is open: the bell updates by itself (htmx, every 30 s).
    from congress.notifications import notification_create

    notification_create(user=page_user("letan"), title="Thông báo mới", congress=reminded)
    expect(page.get_by_test_id("bell-count")).to_have_text(re.compile(r"^\s*2"), timeout=40_000)

    # Open: marks it read and goes to the task.
    page.get_by_test_id("notification-list").locator("li", has_text="Danh sách khách mời").get_by_role(
        "button", name="Mở"
    ).click()
    assert page.locator("h1").inner_text() == "Danh sách khách mời, in và gửi giấy mời"

    # Settings: a daily digest instead of single e-mails; both channels off is refused.
    page.goto(f"{live_server.url}/accounts/notifications/settings/")
    page.get_by_label("Một thư tổng hợp mỗi ngày").check()
    page.fill("#id_digest_time", "16:30")
    page.get_by_role("button", name="Lưu").click()
    assert "Đã lưu cài đặt thông báo." in page.content()
    page.get_by_label("Không nhận thư điện tử").check()
    page.get_by_label("Nhận nhắc hạn trong ứng dụng (biểu tượng chuông)").uncheck()
    page.get_by_role("button", name="Lưu").click()
    assert "Cần giữ ít nhất một cách nhận nhắc hạn" in page.content()
    shot("notification-settings-error-vi")


def page_user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def test_secretariat_schedule_skip_send_now_log_and_policy(live_server, login, page, shot, reminded):
    page = login("thuky")
    page.get_by_role("link", name="Nhắc hạn", exact=True).click()
    assert page.locator("h1").inner_text() == "Nhắc hạn"
    table = page.get_by_test_id("upcoming-table")
    assert "Tập huấn đội lễ tân, sơ đồ chỗ ngồi" in table.inner_text()
    shot("reminders-upcoming-vi")

    # Skip one of the head's coming reminders, and send another now.
    row = table.locator("tr", has_text="Tập huấn đội lễ tân").filter(has_text="trước 3 ngày")
    row.get_by_test_id("skip").click()
    assert "Lời nhắc này sẽ không được gửi." in page.content()
    assert Reminder.objects.get(deadline__title="Tập huấn đội lễ tân, sơ đồ chỗ ngồi", offset_days=3).state == (
        DeliveryState.SKIPPED
    )
    row = (
        page.get_by_test_id("upcoming-table")
        .locator("tr", has_text="Tập huấn đội lễ tân")
        .filter(has_text="trước 7 ngày")
    )
    row.get_by_test_id("send-now").click()
    assert "Đang gửi lời nhắc" in page.content()
    assert mail.outbox[-1].subject == "[Nhắc hạn] Còn 9 ngày: Tập huấn đội lễ tân, sơ đồ chỗ ngồi"

    # The log: what was sent, skipped, by whom.
    page.get_by_role("link", name="Nhật ký gửi").click()
    page.wait_for_url("**/reminders/log/**")
    log = page.get_by_test_id("log-table")
    expect(log.locator("tbody tr")).to_have_count(4)
    assert "Đồng chí Phạm Thanh Trang cho bỏ qua." in log.inner_text()
    assert "Gửi thủ công." in log.inner_text()
    shot("reminders-log-vi")

    # The policy: a bad offset is explained; a good one is saved.
    page.get_by_role("link", name="Quy định nhắc hạn").click()
    page.fill("#id_offsets", "7, ba, 1")
    page.get_by_role("button", name="Lưu").click()
    assert "Đề nghị ghi số nguyên ngày" in page.content()
    shot("reminders-policy-error-vi")
    page.fill("#id_offsets", "10, 5, 2")
    page.get_by_role("button", name="Lưu").click()
    assert "Đã lưu quy định nhắc hạn." in page.content()
    assert ReminderPolicy.objects.get().offset_list == [10, 5, 2]


def test_reminder_pages_in_english(live_server, login, page, shot, reminded):
    page = login("thuky")
    page.get_by_role("button", name="EN").click()
    page.goto(f"{live_server.url}/ba-dinh/reminders/")
    assert page.locator("h1").inner_text() == "Deadline reminders"
    shot("reminders-upcoming-en")
