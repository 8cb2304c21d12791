"""The congress days in a real browser: the secretariat drives a session from the control page while a
second page (the projector) shows the hall screen, which changes by itself: the current item, the
presence after a check-in at another desk, a speaker's countdown, a vote result once announced."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from congress.models import Role
from congress.programme_models import AgendaItem, BodyMember, HallScreen, HandVote, SpeakerRequest
from congress.programme_services import body_member_add, speaker_add
from personnel.models import CheckIn
from tests.browser.conftest import SHOTS
from tests.factories import CongressFactory, CongressRoleFactory, SubcommitteeFactory, UserFactory
from tests.personnel.election_factories import CandidateFactory, ElectionFactory
from tests.personnel.factories import DelegateFactory, GrassrootsFactory, PersonFactory, SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMES = [
    "Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Minh An", "Phạm Quang Bình", "Vũ Thị Hà", "Đỗ Đức Cường",
    "Hoàng Thị Mai", "Bùi Văn Long", "Đặng Thu Trang", "Ngô Quốc Khánh",
]  # fmt: skip
VENUE = "Hội trường Quận ủy Ba Đình, số 10 Đội Cấn"


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
    wards = [
        GrassrootsFactory(congress=congress, name=name)
        for name in ("Đảng bộ phường Kim Mã", "Đảng bộ phường Ngọc Hà", "Đảng bộ phường Giảng Võ")
    ]
    delegates = [
        DelegateFactory(
            person=PersonFactory(congress=congress, organization=wards[i % 3], full_name=name), number=i + 1
        )
        for i, name in enumerate(NAMES)
    ]
    session = SessionFactory(
        congress=congress,
        name="Phiên trù bị",
        kind="preparatory",
        date=today,
        starts_at=datetime.time(7, 30),
        ends_at=datetime.time(11, 30),
        venue=VENUE,
    )
    SessionFactory(
        congress=congress,
        name="Phiên chính thức",
        kind="official",
        date=today + datetime.timedelta(days=1),
        starts_at=datetime.time(7, 30),
        ends_at=datetime.time(11, 30),
        venue=VENUE,
    )
    items = [
        AgendaItem.objects.create(session=session, position=n, kind=kind, title=title, presenter=who, planned_minutes=m)
        for n, (kind, title, who, m) in enumerate(
            [
                ("ceremony", "Chào cờ; tuyên bố lý do, giới thiệu đại biểu", "Ban Tổ chức Đại hội", 10),
                ("vote", "Thông qua Chương trình và Quy chế làm việc của Đại hội", "Đoàn Chủ tịch", 15),
                ("discussion", "Thảo luận dự thảo Báo cáo chính trị tại hội trường", "Đoàn Chủ tịch điều hành", 100),
            ],
            start=1,
        )
    ]
    for delegate in delegates[:7]:
        CheckIn.objects.create(session=session, delegate=delegate, method="number")
    body_member_add(congress=congress, kind="presidium", delegate=delegates[0], role="head")
    body_member_add(congress=congress, kind="presidium", delegate=delegates[1])
    body_member_add(congress=congress, kind="presidium", delegate=delegates[2])
    body_member_add(congress=congress, kind="vote_counting", delegate=delegates[3], role="head")
    # Trần Thị Lan stands in the election of the new committee: she may not count its votes.
    election = ElectionFactory(congress=congress)
    CandidateFactory(election=election, person=delegates[1].person)
    speaker_add(item=items[2], delegate=delegates[4], topic="Chuyển đổi số trong cải cách hành chính")
    speaker_add(item=items[2], delegate=delegates[5], topic="Phát triển kinh tế đô thị")
    return {"congress": congress, "session": session, "items": items, "delegates": delegates}


def hall_shot(hall, name):
    hall.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_secretariat_drives_the_hall_screen_from_another_page(live_server, login, page, shot, live_congress):
    base = f"{live_server.url}/ba-dinh"
    items = live_congress["items"]
    delegates = live_congress["delegates"]
    page = login("thuky")

    # 1. The programme and the congress bodies, as the secretariat prepared them.
    page.goto(f"{base}/programme/")
    rows = page.get_by_test_id("item-row")
    assert rows.count() == 3
    assert "Thông qua Chương trình và Quy chế làm việc" in rows.nth(1).inner_text()
    shot("programme-programme")

    page.goto(f"{base}/programme/bodies/")
    form = page.get_by_test_id("body-vote_counting")
    form.locator("select[name$='delegate']").select_option(str(delegates[1].pk))
    form.get_by_role("button").last.click()
    error = page.get_by_test_id("member-error")
    assert "Trần Thị Lan" in error.inner_text() and "không được tham gia Ban Kiểm phiếu" in error.inner_text()
    assert BodyMember.objects.filter(body__kind="vote_counting").count() == 1  # nothing saved
    form = page.get_by_test_id("body-vote_counting")
    form.locator("select[name$='delegate']").select_option(str(delegates[6].pk))
    form.get_by_role("button").last.click()
    page.get_by_test_id("body-vote_counting").get_by_role("cell", name=NAMES[6]).wait_for()
    assert BodyMember.objects.filter(body__kind="vote_counting").count() == 2
    shot("programme-bodies")

    # 2. The projector: a second page on the hall screen; no navigation, the welcome and the presence.
    hall = page.context.new_page()
    hall.set_viewport_size({"width": 1920, "height": 1080})
    hall.goto(f"{base}/programme/hall/")
    assert hall.locator("nav").count() == 0
    assert "Đại hội đại biểu Đảng bộ quận Ba Đình" in hall.get_by_test_id("hall-item").inner_text()
    assert hall.get_by_test_id("hall-present").inner_text() == "7"
    assert "/ 10" in hall.get_by_test_id("hall-presence").inner_text().replace("\u2009", " ")
    assert hall.get_by_test_id("hall-result").count() == 0
    hall_shot(hall, "programme-hall-welcome")

    # 3. The control page starts the first item, then the second: the screen follows by itself.
    page.goto(f"{base}/programme/control/")
    page.get_by_test_id(f"start-{items[0].pk}").click()
    page.wait_for_load_state()
    title = hall.locator(".hall-item-title")
    expect(title).to_have_text(items[0].title, timeout=10_000)
    page.get_by_test_id(f"start-{items[1].pk}").click()
    page.wait_for_load_state()
    expect(title).to_have_text(items[1].title, timeout=10_000)
    assert "Chào cờ" not in hall.get_by_test_id("hall-item").inner_text()
    items[0].refresh_from_db()
    assert items[0].actual_end is not None  # starting the next item ended the first
    assert HallScreen.objects.get().item_id == items[1].pk

    # 4. A desk checks a delegate in: the presence on the screen goes up without a reload.
    desk = page.context.new_page()
    desk.goto(f"{base}/sessions/{live_congress['session'].pk}/checkin/")
    desk.fill("#id_code", str(delegates[7].number))
    desk.keyboard.press("Enter")
    desk.get_by_test_id("checkin-result").get_by_text(NAMES[7]).wait_for()
    expect(hall.get_by_test_id("hall-present")).to_have_text("8", timeout=10_000)
    desk.close()

    # 5. A vote by show of hands: counts entered, the screen does not show them until announced.
    page.goto(f"{base}/programme/votes/new/?item={items[1].pk}")
    page.select_option("#id_subject", "programme")
    page.fill("#id_title", "Biểu quyết thông qua Chương trình Đại hội")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r"/programme/votes/\d+/$"))
    vote = HandVote.objects.get()
    # More cards than delegates present: refused with a clear message, nothing saved.
    page.fill("#id_votes_for", "9")
    page.fill("#id_votes_against", "0")
    page.fill("#id_votes_abstain", "0")
    page.get_by_test_id("count-form").get_by_role("button").click()
    page.wait_for_load_state()
    assert "nhiều hơn 8 đại biểu có mặt" in page.content()
    vote.refresh_from_db()
    assert vote.votes_for is None
    page.fill("#id_votes_for", "7")
    page.fill("#id_votes_against", "0")
    page.fill("#id_votes_abstain", "1")
    page.get_by_test_id("count-form").get_by_role("button").click()
    page.get_by_test_id("vote-result-card").wait_for()
    assert page.get_by_test_id("count-for").inner_text() == "7"
    vote.refresh_from_db()
    assert (vote.present, vote.summoned, vote.passed) == (8, 10, True)
    shot("programme-vote")
    # Two polls of the screen after the counts: still no result on it.
    for _poll in range(2):
        with hall.expect_response(lambda r: "/programme/hall/live/" in r.url):
            pass
    assert hall.get_by_test_id("hall-result").count() == 0

    page.goto(f"{base}/programme/control/")
    page.get_by_test_id(f"publish-{vote.pk}").click()
    page.wait_for_load_state()
    result = hall.get_by_test_id("hall-result")
    result.wait_for(timeout=10_000)
    assert "Biểu quyết thông qua Chương trình Đại hội" in result.inner_text()
    assert hall.get_by_test_id("hall-verdict").inner_text().startswith("THÔNG QUA")
    assert "87,5%" in result.inner_text()  # 7 of the 8 present
    hall_shot(hall, "programme-hall-result")

    # 6. The discussion: the chair gives the floor; the screen shows the speaker and counts down.
    page.get_by_test_id(f"start-{items[2].pk}").click()
    page.wait_for_load_state()
    expect(title).to_have_text(items[2].title, timeout=10_000)
    page.get_by_test_id("control-timer").get_by_role("button", name="Mời phát biểu").first.click()
    page.wait_for_load_state()
    timer = hall.get_by_test_id("hall-timer")
    timer.get_by_text(NAMES[4]).wait_for(timeout=10_000)
    countdown = hall.get_by_test_id("hall-countdown")
    first = countdown.inner_text()
    assert re.fullmatch(r"0[67]:\d\d", first), first
    hall.wait_for_function(
        "first => document.querySelector('[data-testid=hall-countdown]').textContent !== first", arg=first
    )
    assert countdown.inner_text() < first  # "06:58" < "06:59": it counts down
    hall_shot(hall, "programme-hall-speaker")
    # The control page repeats the countdown by its buttons, ticking too.
    page.wait_for_function(
        "() => !/^07:00$/.test(document.querySelector('[data-testid=control-countdown]').textContent)"
    )
    shot("programme-control")

    page.get_by_test_id("timer-stop").click()
    page.wait_for_load_state()
    hall.get_by_test_id("hall-timer").wait_for(state="detached", timeout=10_000)
    speaker = SpeakerRequest.objects.get(delegate=delegates[4])
    assert speaker.status == "done" and speaker.seconds_used >= 1

    # 7. The running order: planned against actual times.
    page.goto(f"{base}/programme/running-order/")
    actual = page.get_by_test_id("running-row").nth(0).get_by_test_id("actual").inner_text()
    assert re.match(r"\d\d:\d\d–\d\d:\d\d", actual), actual
    shot("programme-running-order")
