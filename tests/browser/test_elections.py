"""Counting an election in a real browser: two counters enter every paper ballot independently with
the keyboard only, one ballot is misread, the recount resolves it, the round is counted and the
results page shows the chart; then the personnel pages the secretariat works with."""

import datetime

import pytest
from django.utils import timezone

from congress.models import Role
from personnel.election_models import Ballot, Election, PersonnelPlan, StructureTarget
from personnel.election_services import candidate_add, election_lock, plan_save, round_setup
from tests.browser.conftest import SHOTS
from tests.factories import CongressFactory, CongressRoleFactory, MembershipFactory, SubcommitteeFactory, UserFactory
from tests.personnel.election_factories import pass_five_steps
from tests.personnel.factories import GrassrootsFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMES = ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Minh An", "Phạm Quang Bình", "Vũ Thị Hà"]
# Ballot order (given name first): 1 An, 2 Bình, 3 Hà, 4 Hùng, 5 Lan.


@pytest.fixture
def live_election():
    today = timezone.localdate()
    congress = CongressFactory(
        slug="ba-dinh",
        name="Đại hội đại biểu Đảng bộ quận Ba Đình lần thứ XXVI",
        opening_date=today + datetime.timedelta(days=1),
        closing_date=today + datetime.timedelta(days=2),
        cutoff_date=today + datetime.timedelta(days=90),
    )
    personnel = SubcommitteeFactory(congress=congress, kind="personnel")
    lead = UserFactory(username="thuky", full_name="Phạm Thanh Trang")
    CongressRoleFactory(congress=congress, user=lead, role=Role.SECRETARIAT_LEAD)
    head = UserFactory(username="nhansu", full_name="Bùi Quang Huy")
    MembershipFactory(subcommittee=personnel, user=head, role="head")
    counters = []
    for username, name in (("kiemphieu1", "Hoàng Thị Thu Trang"), ("kiemphieu2", "Dương Văn Phong")):
        user = UserFactory(username=username, full_name=name)
        CongressRoleFactory(congress=congress, user=user, role=Role.VOTE_COUNTING)
        counters.append(user)
    organization = GrassrootsFactory(congress=congress, sector="Khối phường")
    election = Election.objects.create(
        congress=congress,
        body="executive",
        title="Ban Chấp hành Đảng bộ quận Ba Đình khóa XXVI, nhiệm kỳ 2020–2025",
        seats=4,
        surplus_percent=30,
    )
    election.counters.set(counters)
    for index, name in enumerate(NAMES):
        person = PersonFactory(
            congress=congress, organization=organization, full_name=name, gender="female" if "Thị" in name else "male"
        )
        pass_five_steps(candidate_add(election=election, person=person))
        if index == 3:
            person.birth_date = datetime.date(1964, 3, 2)  # first time, man: breaks the June 1965 limit
            person.save()
    plan = plan_save(
        plan=PersonnelPlan(
            congress=congress, executive_size=45, standing_size=13, reference_date=datetime.date(2020, 6, 1)
        )
    )
    StructureTarget.objects.create(plan=plan, body="executive", criterion="female", min_percent=15, position=1)
    StructureTarget.objects.create(plan=plan, body="standing", criterion="female", min_count=1, position=2)
    round_ = election_lock(election=election)
    round_setup(round_=round_, summoned=5, absent_without_alternate=0, ballots_issued=4, ballots_collected=4)
    return round_


def focused(page, name):
    """Wait (5 s at most) for the focus to be on the field `name` (on a busy machine the page's script
    may take a moment after the load event)."""
    page.wait_for_function(f"document.activeElement && document.activeElement.name === '{name}'", timeout=5000)


def enter(page, number, struck):
    """Keyboard only: the ballot number, Enter, the struck numbers, Enter; the focus comes back."""
    focused(page, "number")
    page.keyboard.type(str(number))
    page.keyboard.press("Enter")
    focused(page, "struck")
    if struck:
        page.keyboard.type(struck)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    focused(page, "number")


def test_double_entry_with_one_mismatch_resolved_then_results(live_server, browser, login, page, shot, live_election):
    count_url = f"{live_server.url}/ba-dinh/elections/rounds/{live_election.pk}/count/"
    papers_first = {1: "5", 2: "3", 3: "2 5", 4: "4"}
    papers_second = {1: "5", 2: "4", 3: "5 2", 4: "4"}  # ballot 2 misread by the second counter

    page = login("kiemphieu1")
    page.goto(count_url)
    assert page.locator("h1").inner_text().startswith("Nhập phiếu")
    assert page.evaluate("document.activeElement.name") == "number"
    page.keyboard.type("1")
    page.keyboard.press("Enter")
    page.keyboard.type("5 9")
    # The names typed are crossed out beside the form; an unknown number is pointed out before saving.
    assert page.locator("#ballot-names tr.struck").all_inner_texts() == ["5\tTrần Thị Lan"]
    assert "Không có trong danh sách: 9" in page.locator("#struck-preview").inner_text()
    shot("elections-entry-typing")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Không có tên nào mang số 9 trên phiếu này (từ số 1 đến số 5)." in page.content()
    assert Ballot.objects.count() == 0
    page.goto(count_url)
    for number, struck in papers_first.items():
        enter(page, number, struck)
    assert "Phiếu số 4 đã lưu (lần nhập thứ nhất)." in page.content()
    # The same counter cannot enter a ballot twice.
    enter(page, 2, "3")
    assert "Đồng chí đã nhập phiếu số 2; lần nhập thứ hai do một thành viên khác thực hiện." in page.content()
    shot("elections-entry-first-counter")

    second = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-US")
    page2 = second.new_page()
    page2.set_default_timeout(15_000)
    page2.goto(f"{live_server.url}/accounts/login/")
    page2.fill("#id_username", "kiemphieu2")
    page2.fill("#id_password", "test-password-123")
    page2.click("#login-submit")
    page2.goto(count_url)
    for number, struck in papers_second.items():
        enter(page2, number, struck)
    assert page2.get_by_test_id("mismatch-count").inner_text().startswith("1 ")
    page2.screenshot(path=str(SHOTS / "elections-entry-second-counter.png"), full_page=True)

    # The recount list: ballot 2 with both readings; the counters read the paper again: it strikes 3.
    page2.get_by_role("link", name="Phiếu cần kiểm lại").click()
    row = page2.locator("[data-ballot='2']")
    assert "gạch: 3" in row.inner_text()
    assert "gạch: 4" in row.inner_text()
    row.locator("input[name='b2-struck']").fill("3")
    row.locator("input[name='b2-note']").fill("Hai thành viên đọc lại phiếu gốc: gạch tên số 3")
    row.get_by_role("button", name="Ghi kết quả kiểm lại").click()
    assert "Đã ghi kết quả kiểm lại phiếu số 2." in page2.content()
    assert page2.get_by_test_id("mismatch-count").inner_text().startswith("0 ")
    page2.screenshot(path=str(SHOTS / "elections-recount-resolved.png"), full_page=True)
    second.close()

    # Count the round: 5 summoned, 3 votes needed. An 4; Bình, Hà, Hùng 3; Lan 2 (struck on 1 and 3).
    page.goto(f"{live_server.url}/ba-dinh/elections/rounds/{live_election.pk}/check/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_test_id("tally").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("threshold").inner_text() == "3"
    assert page.get_by_test_id("valid").inner_text() == "4"
    assert page.get_by_test_id("invalid").inner_text() == "0"
    rows = page.get_by_test_id("results-table").locator("tbody tr").all_inner_texts()
    assert [r.split("\t")[1:3] for r in rows] == [
        ["Lê Minh An", "4"],
        ["Phạm Quang Bình", "3"],
        ["Vũ Thị Hà", "3"],
        ["Nguyễn Văn Hùng", "3"],
        ["Trần Thị Lan", "2"],
    ]
    assert "Trúng cử: 4/4 người." in page.get_by_test_id("elected-summary").inner_text()
    assert page.locator("svg.results-chart rect").count() == 5
    shot("elections-results")


def test_secretariat_plan_list_and_lock(live_server, login, page, shot, live_election):
    page = login("thuky")
    page.get_by_test_id("nav-elections").click()
    page.get_by_role("link", name="Đề án nhân sự").first.click()
    assert page.locator("h1").inner_text() == "Đề án nhân sự"
    assert "Phạm Quang Bình" in page.get_by_test_id("age-flags").inner_text()
    targets = page.get_by_test_id("targets").inner_text()
    assert "đạt" in targets
    shot("elections-plan")
    page.goto(f"{live_server.url}/ba-dinh/elections/{live_election.election_id}/")
    assert "5 người trong danh sách, bầu 4 người" in page.get_by_test_id("list-check").inner_text()
    assert page.get_by_test_id("candidate-table").locator("tbody tr").first.inner_text().startswith("1\tLê Minh An")
    shot("elections-list")
