"""Security pages in a real browser: no Content Security Policy violation on the main pages, the
lockout message, two-step verification enrolment, the audit trail with a restore."""

import datetime

import pytest
from django.utils import timezone

from congress.models import Role
from tests.factories import (
    CongressFactory,
    CongressRoleFactory,
    MeetingFactory,
    MembershipFactory,
    SubcommitteeFactory,
    TaskFactory,
    UserFactory,
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
    lead = UserFactory(username="thuky", full_name="Phạm Thanh Trang")
    CongressRoleFactory(congress=congress, user=lead, role=Role.SECRETARIAT_LEAD)
    MembershipFactory(subcommittee=organization, user=UserFactory(username="tochuc"), role="head")
    task = TaskFactory(subcommittee=organization, title="Phương án trang trí hội trường", due_date=today)
    meeting = MeetingFactory(congress=congress, title="Họp Tiểu ban Tổ chức")
    UserFactory(username="quantri", is_staff=True, is_superuser=True, full_name="Quản trị hệ thống")
    return {"congress": congress, "task": task, "meeting": meeting}


def watch_csp(page) -> list[str]:
    violations: list[str] = []
    page.on(
        "console",
        lambda msg: (
            violations.append(msg.text) if "Content Security Policy" in msg.text or "Refused to" in msg.text else None
        ),
    )
    return violations


def test_main_pages_have_no_csp_violation(live_server, login, page, shot, live_congress):
    violations = watch_csp(page)
    slug = live_congress["congress"].slug
    page.goto(f"{live_server.url}/accounts/login/")
    login("thuky")
    paths = [
        f"/{slug}/",
        f"/{slug}/subcommittees/",
        f"/{slug}/subcommittees/organization/",
        f"/{slug}/tasks/",
        f"/{slug}/tasks/new/",
        f"/{slug}/tasks/{live_congress['task'].pk}/",
        f"/{slug}/meetings/",
        f"/{slug}/meetings/{live_congress['meeting'].pk}/",
        f"/{slug}/milestones/",
        f"/{slug}/organizations/",
        f"/{slug}/settings/",
        f"/{slug}/audit/",
        "/accounts/profile/",
        "/accounts/password/",
        "/accounts/two-factor/",
    ]
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert response.headers["content-security-policy"].startswith("default-src 'self'") or (
            "script-src 'self'" in response.headers["content-security-policy"]
        )
        # Bootstrap's JavaScript runs (it would not if scripts were blocked).
        page.wait_for_load_state("load")
    assert violations == []


def test_admin_pages_have_no_csp_violation(live_server, login, page, live_congress):
    violations = watch_csp(page)
    login("quantri")
    for path in (
        "/admin/",
        "/admin/subcommittees/task/",
        f"/admin/subcommittees/task/{live_congress['task'].pk}/change/",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
    assert violations == []


def test_lockout_message_after_too_many_wrong_passwords(live_server, login, page, shot, live_congress, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        login("thuky", password="sai-mat-khau")
    alert = page.get_by_test_id("lockout")
    assert "Đăng nhập sai quá nhiều lần" in alert.inner_text()
    shot("security-lockout")
    login("thuky")  # the right password is refused while locked out
    assert page.get_by_test_id("lockout").is_visible()


def test_two_factor_enrolment_and_second_step(live_server, login, page, shot, live_congress):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.security.conftest import totp_code

    login("thuky")
    page.goto(f"{live_server.url}/accounts/profile/")
    shot("security-profile")
    page.get_by_role("link", name="Thiết lập").click()
    assert page.get_by_test_id("otp-qr").is_visible()
    shot("security-two-factor-setup")
    device = TOTPDevice.objects.get(user__username="thuky")
    page.fill("#id_token", totp_code(device))
    page.click("#otp-confirm")
    assert "Đã bật xác thực hai bước" in page.content()

    # Log out, log in again: the code is asked after the password.
    page.context.clear_cookies()
    login("thuky")
    assert "/accounts/two-factor/verify/" in page.url
    shot("security-two-factor-verify")
    page.fill("#id_token", totp_code(device, offset_steps=1))
    page.click("#otp-submit")
    assert page.url.endswith("/ba-dinh/")


def test_audit_trail_shows_a_deletion_and_restores_it(live_server, login, page, shot, live_congress):
    task = live_congress["task"]
    pk = task.pk
    task.delete()
    login("thuky")
    page.get_by_role("link", name="Nhật ký thay đổi").click()
    row = page.locator("tr", has_text="Phương án trang trí hội trường").filter(has_text="Đã xóa")
    assert row.count() == 1
    shot("security-audit")
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Khôi phục").click()
    page.wait_for_load_state()
    assert "đã được khôi phục" in page.content()
    from subcommittees.models import Task

    assert Task.objects.filter(pk=pk).exists()
