"""Pages of the congress days: who may open what, what they show, bad input, query counts, printed PDFs."""

import datetime
import io

import pytest
from django.db import transaction
from django.test import Client

from congress.programme_models import AgendaItem, BodyMember, HallScreen, HandVote, SpeakerRequest
from congress.programme_services import body_member_add, speaker_add, vote_create, vote_record
from personnel.models import CheckIn
from tests.congress.test_programme_support import *  # noqa: F403
from tests.congress.test_programme_support import AgendaItemFactory, check_in, url
from tests.factories import CongressFactory
from tests.personnel.factories import DelegateFactory, PersonFactory, SessionFactory

pytestmark = pytest.mark.django_db
LOGIN = "login"


@pytest.fixture
def world(congress, subcommittees, delegates, preparatory, item):
    check_in(preparatory, delegates[:8])
    body_member_add(congress=congress, kind="presidium", delegate=delegates[0], role="head")
    vote = vote_create(item=item, subject="programme", title="Thông qua Chương trình Đại hội")
    vote_record(vote=vote, votes_for=7, votes_against=0, votes_abstain=1)
    discussion = AgendaItemFactory(session=preparatory, kind="discussion", title="Thảo luận văn kiện", position=2)
    speaker = speaker_add(item=discussion, delegate=delegates[4], topic="Chuyển đổi số")
    member = BodyMember.objects.get()
    return {"item": item, "vote": vote, "discussion": discussion, "speaker": speaker, "member": member}


@pytest.fixture
def users(secretariat, member, other_member, reviewer, outsider):
    """member: Organization & Service subcommittee (runs the congress days); other_member: Documents (reads)."""
    return {
        "outsider": outsider,
        "reviewer": reviewer,
        "reader": other_member,
        "organizer": member,
        "secretariat": secretariat,
    }


def outcome(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


def results(users, path, method="get"):
    """The outcome for each kind of user; each request's writes are undone so all see the same world."""
    got = []
    for key in ("anonymous", "outsider", "reviewer", "reader", "organizer", "secretariat"):
        c = Client()
        if key != "anonymous":
            c.force_login(users[key])
        with transaction.atomic():
            got.append(outcome(getattr(c, method)(path)))
            transaction.set_rollback(True)
    return got


# anonymous, outsider, reviewer (no workspace), reader (another subcommittee), organizer, secretariat
READ = [LOGIN, 404, 403, 200, 200, 200]
MANAGE = [LOGIN, 404, 403, 403, 200, 200]
HALL = [LOGIN, 404, 200, 200, 200, 200]


@pytest.mark.parametrize(
    "name, kwargs, expected",
    [
        ("programme", {}, READ),
        ("running_order", {}, READ),
        ("body_list", {}, READ),
        ("vote_list", {}, READ),
        ("vote_detail", {"pk": "vote"}, READ),
        ("speaker_list", {"pk": "discussion"}, READ),
        ("agenda_item_create", {}, MANAGE),
        ("agenda_item_edit", {"pk": "item"}, MANAGE),
        ("vote_create", {}, MANAGE),
        ("hall_control", {}, MANAGE),
        ("hall_screen", {}, HALL),
        ("hall_live", {}, HALL),
    ],
)
def test_page_access(name, kwargs, expected, congress, world, users):
    path = url(name, congress, **{k: world[v].pk for k, v in kwargs.items()})
    assert results(users, path) == expected


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("agenda_item_move", {"pk": "item"}),
        ("agenda_item_delete", {"pk": "item"}),
        ("agenda_item_start", {"pk": "item"}),
        ("agenda_item_end", {"pk": "item"}),
        ("agenda_item_times", {"pk": "item"}),
        ("speaker_add", {"pk": "discussion"}),
        ("speaker_action", {"pk": "speaker"}),
        ("speaker_contribution", {"pk": "speaker"}),
        ("speaker_to_comment", {"pk": "speaker"}),
        ("body_member_remove", {"pk": "member"}),
        ("vote_record", {"pk": "vote"}),
        ("vote_publish", {"pk": "vote"}),
        ("vote_delete", {"pk": "vote"}),
        ("hall_timer", {}),
        ("hall_notice", {}),
    ],
)
def test_actions_are_post_only_and_for_organizers(name, kwargs, congress, world, users):
    path = url(name, congress, **{k: world[v].pk for k, v in kwargs.items()})
    assert results(users, path) == [405] * 6
    got = results(users, path, method="post")
    assert got[:4] == [LOGIN, 404, 403, 403]
    assert all(code in (302, 400) for code in got[4:])


def test_body_member_add_is_for_organizers(congress, world, users):
    path = url("body_member_add", congress, kind="secretariat")
    assert results(users, path, method="post")[:4] == [LOGIN, 404, 403, 403]
    assert Client().get(path).status_code == 405


def test_objects_of_another_congress_are_not_found(client_for, secretariat, congress, world):
    other = CongressFactory(slug="tay-ho")
    foreign = AgendaItemFactory(session=SessionFactory(congress=other))
    c = client_for(secretariat)
    assert c.get(url("agenda_item_edit", congress, pk=foreign.pk)).status_code == 404
    assert c.get(url("speaker_list", congress, pk=foreign.pk)).status_code == 404
    assert c.post(url("agenda_item_start", congress, pk=foreign.pk)).status_code == 404
    assert c.get(url("body_list", congress).replace("bodies", "bodies/x")).status_code == 404
    assert c.post(url("body_member_add", congress, kind="nobody")).status_code == 404
    assert foreign.actual_start is None


# --- what the pages show


def test_programme_page_lists_sessions_items_and_planned_times(client_for, member, congress, world):
    body = client_for(member).get(url("programme", congress)).content.decode()
    assert "Chương trình Đại hội" in body and "Phiên trù bị" in body
    assert "Thông qua Chương trình Đại hội" in body and "14:00–14:15" in body
    assert "Thảo luận văn kiện" in body and "14:15–14:30" in body
    assert url("agenda_item_create", congress) in body


def test_programme_page_shows_the_rule_problems_of_a_session(client_for, secretariat, congress, world, preparatory):
    SessionFactory(congress=congress, name="Phiên trùng giờ", date=preparatory.date, starts_at=datetime.time(15, 0),
                   ends_at=datetime.time(16, 0), venue=preparatory.venue)  # fmt: skip
    body = client_for(secretariat).get(url("programme", congress)).content.decode()
    assert "Hội trường đã có phiên họp" in body


def test_programme_page_flags_a_session_left_outside_dates_that_moved(client_for, secretariat, congress, world):
    congress.opening_date, congress.closing_date = datetime.date(2020, 6, 9), datetime.date(2020, 6, 10)
    congress.save(update_fields=["opening_date", "closing_date"])
    body = client_for(secretariat).get(url("programme", congress)).content.decode()
    assert "Phiên họp phải trong khoảng từ ngày khai mạc (09/06/2020) đến ngày bế mạc (10/06/2020)." in body


def test_programme_page_is_read_only_for_other_subcommittees(client_for, other_member, congress, world):
    body = client_for(other_member).get(url("programme", congress)).content.decode()
    assert "Thông qua Chương trình Đại hội" in body
    assert url("agenda_item_create", congress) not in body


def test_item_create_puts_it_in_the_session(client_for, member, congress, world, preparatory):
    response = client_for(member).post(
        url("agenda_item_create", congress),
        {"session": preparatory.pk, "kind": "ceremony", "title": "Bế mạc phiên trù bị", "planned_minutes": "10"},
    )
    assert response.status_code == 302
    assert AgendaItem.objects.get(title="Bế mạc phiên trù bị").position == 3


def test_item_create_with_bad_input_answers_400_and_saves_nothing(client_for, member, congress, world, preparatory):
    other_session = SessionFactory(congress=CongressFactory(slug="tay-ho"))
    response = client_for(member).post(
        url("agenda_item_create", congress),
        {"session": other_session.pk, "kind": "ceremony", "title": "", "planned_minutes": "0"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Chọn một phiên họp của Đại hội này." in body and "Không lưu" in body or "Chưa lưu" in body
    assert AgendaItem.objects.count() == 2


def test_running_order_start_then_correct_the_times(client_for, member, congress, world):
    c = client_for(member)
    item = world["item"]
    response = c.post(url("agenda_item_start", congress, pk=item.pk), {"back": "running_order"})
    assert response.status_code == 302 and response["Location"] == url("running_order", congress)
    assert HallScreen.objects.get(congress=congress).item == item
    bad = c.post(url("agenda_item_times", congress, pk=item.pk), {f"i{item.pk}-actual_start": "25:99"})
    assert bad.status_code == 400 and "Nhập giờ theo dạng hh:mm" in bad.content.decode()
    backwards = c.post(
        url("agenda_item_times", congress, pk=item.pk),
        {f"i{item.pk}-actual_start": "14:20", f"i{item.pk}-actual_end": "14:10"},
    )
    assert backwards.status_code == 400 and "Giờ kết thúc phải sau giờ bắt đầu." in backwards.content.decode()
    ok = c.post(
        url("agenda_item_times", congress, pk=item.pk),
        {f"i{item.pk}-actual_start": "14:03", f"i{item.pk}-actual_end": "14:21"},
    )
    assert ok.status_code == 302
    body = c.get(url("running_order", congress)).content.decode()
    assert "14:03–14:21" in body and "(18′)" in body


def test_ending_an_item_that_has_not_started_answers_400(client_for, member, congress, world):
    response = client_for(member).post(url("agenda_item_end", congress, pk=world["item"].pk))
    assert response.status_code == 400 and "chưa bắt đầu" in response.content.decode()


def test_bodies_page_adds_a_delegate_and_refuses_one_who_may_not_sit(client_for, member, congress, world, delegates):
    c = client_for(member)
    ok = c.post(url("body_member_add", congress, kind="secretariat"), {"secretariat-delegate": delegates[5].pk,
                                                                       "secretariat-role": "head"})  # fmt: skip
    assert ok.status_code == 302
    foreign = DelegateFactory(person=PersonFactory(congress=CongressFactory(slug="tay-ho")))
    bad = c.post(url("body_member_add", congress, kind="secretariat"), {"secretariat-delegate": foreign.pk,
                                                                        "secretariat-role": "member"})  # fmt: skip
    assert bad.status_code == 400 and "Chỉ chọn được đại biểu của Đại hội này." in bad.content.decode()
    delegates[6].not_summoned = "charged"
    delegates[6].save()
    bad = c.post(url("body_member_add", congress, kind="vote_counting"), {"vote_counting-delegate": delegates[6].pk,
                                                                          "vote_counting-role": "member"})  # fmt: skip
    assert bad.status_code == 400 and delegates[6].person.full_name in bad.content.decode()
    assert list(BodyMember.objects.values_list("body__kind", "delegate_id")) == [
        ("presidium", delegates[0].pk), ("secretariat", delegates[5].pk)
    ]  # fmt: skip
    body = c.get(url("body_list", congress)).content.decode()
    assert "Đoàn Thư ký" in body and delegates[5].person.full_name in body and "Trưởng Đoàn Thư ký" in body


def test_vote_create_and_record_counts(client_for, member, congress, world):
    c = client_for(member)
    response = c.post(
        url("vote_create", congress),
        {"item": world["item"].pk, "subject": "rules", "title": "Thông qua Quy chế làm việc", "base": "present"},
    )
    vote = HandVote.objects.get(title="Thông qua Quy chế làm việc")
    assert response.status_code == 302 and response["Location"] == url("vote_detail", congress, pk=vote.pk)
    ok = c.post(
        url("vote_record", congress, pk=vote.pk), {"votes_for": "6", "votes_against": "1", "votes_abstain": "1"}
    )
    assert ok.status_code == 302
    body = c.get(url("vote_detail", congress, pk=vote.pk)).content.decode()
    assert "Thông qua" in body and 'data-testid="count-for">6<' in body and "ít nhất 5" in body


def test_vote_counts_above_the_delegates_present_answer_400_and_save_nothing(client_for, member, congress, world):
    vote = world["vote"]
    response = client_for(member).post(
        url("vote_record", congress, pk=vote.pk), {"votes_for": "8", "votes_against": "1", "votes_abstain": "0"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "nhiều hơn 8 đại biểu có mặt" in body
    vote.refresh_from_db()
    assert (vote.votes_for, vote.votes_abstain) == (7, 1)


def test_vote_counts_not_numbers_answer_400(client_for, member, congress, world):
    vote = world["vote"]
    response = client_for(member).post(
        url("vote_record", congress, pk=vote.pk), {"votes_for": "nhiều", "votes_against": "-1", "votes_abstain": ""}
    )
    assert response.status_code == 400
    vote.refresh_from_db()
    assert vote.votes_for == 7


def test_vote_create_with_a_foreign_item_answers_400(client_for, member, congress, world):
    foreign = AgendaItemFactory(session=SessionFactory(congress=CongressFactory(slug="tay-ho")))
    response = client_for(member).post(
        url("vote_create", congress), {"item": foreign.pk, "subject": "rules", "title": "X", "base": "present"}
    )
    assert (
        response.status_code == 400 and "Chọn một nội dung trong chương trình Đại hội này." in response.content.decode()
    )
    assert HandVote.objects.count() == 1


def test_publishing_a_vote_puts_it_on_the_hall_screen(client_for, member, observer, congress, world):
    vote = world["vote"]
    live = client_for(observer).get(url("hall_live", congress))
    assert "Kết quả biểu quyết" not in live.content.decode()
    assert client_for(member).post(url("vote_publish", congress, pk=vote.pk), {"back": "control"}).status_code == 302
    live = client_for(observer).get(url("hall_live", congress))
    body = live.content.decode()
    assert live["X-Hall-Live"] == "1" and "<html" not in body
    assert "Kết quả biểu quyết" in body and "Thông qua Chương trình Đại hội" in body and "THÔNG QUA" in body


def test_hall_screen_shows_item_presence_and_timer(client_for, member, reviewer, congress, world, delegates):
    c = client_for(member)
    c.post(url("agenda_item_start", congress, pk=world["discussion"].pk))
    c.post(url("hall_timer", congress), {"action": "start", "speaker": world["speaker"].pk, "minutes": "7"})
    page = client_for(reviewer).get(url("hall_screen", congress))
    body = page.content.decode()
    assert page.status_code == 200 and "app-nav" not in body
    assert "Thảo luận văn kiện" in body and 'data-testid="hall-present">8<' in body and "/&thinsp;10" in body
    assert delegates[4].person.full_name in body and "07:00" in body
    assert SpeakerRequest.objects.get().status == "speaking"


def test_hall_timer_with_bad_minutes_answers_400(client_for, member, congress, world):
    response = client_for(member).post(url("hall_timer", congress), {"action": "start", "minutes": "0"})
    assert response.status_code == 400
    assert HallScreen.objects.filter(congress=congress, timer_seconds__gt=0).count() == 0
    assert client_for(member).post(url("hall_timer", congress), {"action": "explode"}).status_code == 400


def test_hall_notice_shows_on_the_screen(client_for, member, congress, world):
    c = client_for(member)
    assert c.post(url("hall_notice", congress), {"notice": "Đại hội nghỉ giải lao 15 phút"}).status_code == 302
    assert "Đại hội nghỉ giải lao 15 phút" in c.get(url("hall_live", congress)).content.decode()
    assert c.post(url("hall_notice", congress), {"notice": "x" * 201}).status_code == 400


def test_hall_screen_in_english(client_for, observer, congress, world):
    c = client_for(observer)
    c.cookies["django_language"] = "en"
    body = c.get(url("hall_screen", congress), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Delegates present" in body


def test_control_page_shows_items_presence_and_votes(client_for, member, congress, world):
    body = client_for(member).get(url("hall_control", congress)).content.decode()
    assert "Thông qua Chương trình Đại hội" in body and 'data-testid="control-presence">8 / 10<' in body
    assert url("hall_live", congress) in body and "programme/hall.js" in body


def test_speakers_page_adds_a_request_and_refuses_a_foreign_delegate(client_for, member, congress, world, delegates):
    c = client_for(member)
    item = world["discussion"]
    ok = c.post(url("speaker_add", congress, pk=item.pk), {"delegate": delegates[2].pk, "topic": "Giáo dục"})
    assert ok.status_code == 302
    foreign = DelegateFactory(person=PersonFactory(congress=CongressFactory(slug="tay-ho")))
    bad = c.post(url("speaker_add", congress, pk=item.pk), {"delegate": foreign.pk, "topic": "An ninh"})
    assert bad.status_code == 400 and "Chỉ chọn được đại biểu của Đại hội này." in bad.content.decode()
    body = c.get(url("speaker_list", congress, pk=item.pk)).content.decode()
    assert "Giáo dục" in body and "Chuyển đổi số" in body
    assert SpeakerRequest.objects.count() == 2


def test_contribution_is_recorded_from_the_speakers_page(client_for, member, congress, world):
    speaker = world["speaker"]
    response = client_for(member).post(
        url("speaker_contribution", congress, pk=speaker.pk),
        {
            f"s{speaker.pk}-contribution": "Đề nghị bổ sung chỉ tiêu chuyển đổi số.",
            f"s{speaker.pk}-paragraph_label": "",
        },
    )
    assert response.status_code == 302
    speaker.refresh_from_db()
    assert speaker.contribution == "Đề nghị bổ sung chỉ tiêu chuyển đổi số."


# --- query counts


def _many_items(session, n):
    AgendaItem.objects.bulk_create(
        [AgendaItem(session=session, title=f"Nội dung {i}", kind="report", planned_minutes=5, position=i + 10)
         for i in range(n)]
    )  # fmt: skip


def _queries(django_assert_max_num_queries, client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["programme", "running_order", "hall_control", "hall_live", "vote_list", "body_list"])
def test_pages_run_a_constant_number_of_queries(name, client_for, secretariat, congress, world, preparatory, delegates,
                                                django_assert_max_num_queries):  # fmt: skip
    c = client_for(secretariat)
    path = url(name, congress)
    c.get(path)  # warm the session
    few = _queries(django_assert_max_num_queries, c, path)
    _many_items(preparatory, 40)
    for i in range(20):
        vote = HandVote.objects.create(item=world["item"], subject="other", title=f"Biểu quyết {i}")
        vote_record(vote=vote, votes_for=5, votes_against=0, votes_abstain=0)
    for delegate in delegates[1:]:
        body_member_add(congress=congress, kind="credentials", delegate=delegate)
    many = _queries(django_assert_max_num_queries, c, path)
    assert many == few


def test_hall_live_is_cheap_to_poll(client_for, observer, congress, world, django_assert_max_num_queries):
    """Polled every 2 seconds by the projector: login, standing, hall, presence (2), results (2), session save."""
    c = client_for(observer)
    c.get(url("hall_live", congress))
    with django_assert_max_num_queries(13):
        c.get(url("hall_live", congress))


# --- printed documents


def _pdf_text(response) -> str:
    from pypdf import PdfReader

    assert response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_programme_pdf_is_in_the_party_format(client_for, other_member, congress, world):
    text = _pdf_text(client_for(other_member).get(url("programme_print", congress)))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "CHƯƠNG TRÌNH ĐẠI HỘI" in text
    assert "PHIÊN TRÙ BỊ" in text and "Thông qua Chương trình Đại hội" in text and "14:00–14:15" in text
    # Issued by the congress on the day of its first session (not on the day it is printed).
    assert "ngày 02 tháng 6 năm 2020" in text and congress.name.upper() in text.replace("\n", " ")


def test_vote_minutes_pdf(client_for, secretariat, congress, world):
    c = client_for(secretariat)
    c.cookies["django_language"] = "en"
    text = _pdf_text(c.get(url("vote_minutes", congress, pk=world["vote"].pk)))
    assert "BIÊN BẢN BIỂU QUYẾT" in text and "Tán thành: 7" in text and "Kết quả: Đại hội thông qua." in text


def test_vote_minutes_of_a_vote_not_counted_is_not_found(client_for, secretariat, congress, world):
    vote = vote_create(item=world["item"], subject="rules", title="Quy chế")
    assert client_for(secretariat).get(url("vote_minutes", congress, pk=vote.pk)).status_code == 404


def test_archive_pdf_gathers_programme_bodies_credentials_votes_and_resolution(client_for, secretariat, congress,
                                                                               world):  # fmt: skip
    text = _pdf_text(client_for(secretariat).get(url("programme_archive", congress)))
    for part in ("HỒ SƠ ĐẠI HỘI", "CHƯƠNG TRÌNH ĐẠI HỘI", "ĐOÀN CHỦ TỊCH", "BÁO CÁO THẨM TRA TƯ CÁCH ĐẠI BIỂU",
                 "BIÊN BẢN CÁC LẦN BIỂU QUYẾT", "NGHỊ QUYẾT ĐẠI HỘI"):  # fmt: skip
        assert part in text
    assert CheckIn.objects.count() == 8
