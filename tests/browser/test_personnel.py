"""Delegates in a real browser: import members from Excel, allocate seats, register delegates,
check one in and watch the presence count change on the live presence page."""

import datetime

import pytest
from django.utils import timezone

from congress.models import OrganizationKind, Role
from personnel.models import CheckIn, Delegate, Person
from tests.browser.conftest import SHOTS
from tests.factories import CongressFactory, CongressRoleFactory, OrganizationFactory, SubcommitteeFactory, UserFactory
from tests.personnel.factories import SessionFactory
from tests.personnel.xlsx import build, member_row

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def live_congress():
    today = timezone.localdate()
    congress = CongressFactory(
        slug="ba-dinh",
        name="Đại hội đại biểu Đảng bộ quận Ba Đình lần thứ XXVI",
        opening_date=today,
        closing_date=today + datetime.timedelta(days=1),
        cutoff_date=today + datetime.timedelta(days=90),
        max_delegates=10,
    )
    for kind in ("personnel", "documents", "organization"):
        SubcommitteeFactory(congress=congress, kind=kind)
    lead = UserFactory(username="thuky", full_name="Phạm Thanh Trang")
    CongressRoleFactory(congress=congress, user=lead, role=Role.SECRETARIAT_LEAD)
    root = OrganizationFactory(
        congress=congress, name="Đảng bộ quận Ba Đình", code="QU", kind=OrganizationKind.COMMITTEE
    )
    for code, name, members in (("CS01", "Đảng bộ phường Kim Mã", 600), ("CS02", "Đảng bộ phường Ngọc Hà", 400),
                                ("CS03", "Chi bộ Trường THCS Giảng Võ", 100)):  # fmt: skip
        OrganizationFactory(
            congress=congress, parent=root, code=code, name=name, member_count=members, kind="grassroots_committee"
        )
    SessionFactory(congress=congress, name="Phiên chính thức", date=today)
    return congress


def test_import_allocate_register_check_in_and_presence(
    live_server, login, page, browser, shot, live_congress, tmp_path
):
    base = f"{live_server.url}/ba-dinh"
    page = login("thuky")

    # 1. A file with a bad row: nothing imported, the row and column are named.
    bad = tmp_path / "sai.xlsx"
    bad.write_bytes(build([member_row(0), member_row(1, org="CS99")]))
    page.goto(f"{base}/imports/?kind=members")
    page.set_input_files("#id_file", str(bad))
    page.click("#import-submit")
    errors = page.get_by_test_id("import-errors")
    assert "Không có tổ chức đảng “CS99”" in errors.inner_text()
    assert Person.objects.count() == 0
    shot("personnel-import-errors")

    # 2. The corrected file: six members, one of them on the outgoing executive committee.
    rows = [member_row(n, org=("CS01", "CS02", "CS03")[n % 3]) for n in range(6)]
    rows[0]["Ủy viên BCH khóa trước"] = "Có"
    good = tmp_path / "dang-vien.xlsx"
    good.write_bytes(build(rows))
    page.goto(f"{base}/imports/?kind=members")
    page.set_input_files("#id_file", str(good))
    page.click("#import-submit")
    assert "Đã nhập 6 dòng." in page.get_by_test_id("import-status").inner_text()
    shot("personnel-import-done")
    page.goto(f"{base}/members/?q=dat")
    assert page.get_by_test_id("member-table").locator("tbody tr").count() == 1  # "Nguyễn Văn Đạt" without accents
    shot("personnel-members")

    # 3. Seats: 10 delegates at most, 1 ex-officio → 9 to allocate; allocate 6.
    page.goto(f"{base}/seats/")
    assert page.get_by_test_id("seat-cap").inner_text() == "9"
    page.fill("#id_total", "6")
    page.click("#allocate-submit")
    assert page.get_by_test_id("seat-allocated").inner_text() == "6"
    shot("personnel-seats")

    # 4. Delegates: the ex-officio one in one action, then two elected by card number.
    page.goto(f"{base}/delegates/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Thêm đại biểu đương nhiên").click()
    page.wait_for_url("**/delegates/?kind=ex_officio")
    for number in ("01.000001", "01.000002"):
        page.goto(f"{base}/delegates/new/")
        page.fill("#id_member_number", number)
        page.click("#delegate-submit")
        page.wait_for_url(f"{base}/delegates/")
    assert Delegate.objects.filter(is_alternate=False).count() == 3
    shot("personnel-delegates")

    # 5. Presence page in a second window, check-in in the first: the count changes by itself.
    presence = page.context.new_page()
    presence.goto(f"{base}/presence/")
    count = presence.get_by_test_id("presence-count")
    assert count.inner_text() == "0 / 3"

    session_pk = live_congress.sessions.get().pk
    page.goto(f"{base}/sessions/{session_pk}/checkin/")
    ex_officio = Delegate.objects.get(kind="ex_officio")
    page.fill("#id_code", str(ex_officio.number))
    page.keyboard.press("Enter")
    result = page.get_by_test_id("checkin-result")
    result.get_by_text(ex_officio.person.full_name).wait_for()
    assert page.locator("#id_code").input_value() == ""  # ready for the next badge
    page.get_by_test_id("checkin-presence").get_by_text("1 / 3").wait_for()
    # Twice: a clear message, no double count.
    page.fill("#id_code", f"{ex_officio.number:03d}")
    page.keyboard.press("Enter")
    result.get_by_text("không tính hai lần").wait_for()
    assert CheckIn.objects.count() == 1
    # Ticking a name in the list.
    second = Delegate.objects.filter(kind="elected").order_by("number").first()
    page.get_by_test_id(f"tick-{second.number}").click()
    page.locator(f"#tick-{second.pk}.table-success").wait_for()
    shot("personnel-checkin")

    presence.get_by_test_id("presence-count").get_by_text("2 / 3").wait_for(timeout=10_000)
    assert "Chưa đủ số lượng" in presence.get_by_test_id("quorum-status").inner_text()  # 67% of 3 is 3
    presence.bring_to_front()
    presence.screenshot(path=str(SHOTS / "personnel-presence.png"), full_page=True)

    # 6. The credentials report of what is there.
    page.goto(f"{base}/credentials/report/")
    assert page.get_by_test_id("report-summoned").inner_text() == "3"
    shot("personnel-report")


def test_seat_table_scrolls_inside_its_box_on_a_phone(live_server, login, page, shot, live_congress):
    from personnel.services import seats_allocate

    seats_allocate(congress=live_congress, total=9)
    page = login("thuky")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/ba-dinh/seats/")
    assert page.get_by_test_id("seat-table").locator("form.adjust-form").count() == 3
    # The hidden labels of the adjust forms must not widen the page: only the table's own box scrolls.
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    box = page.locator(".table-responsive").first
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")
    shot("seats-phone")
