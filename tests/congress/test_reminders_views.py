"""Pages of reminders (secretariat) and notifications (everyone): access, content, bad input."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congress.models import (
    DeliveryState,
    EmailMode,
    Notification,
    NotificationSettings,
    Reminder,
    ReminderPolicy,
)
from congress.notifications import notification_create
from congress.reminders import reminders_sweep
from subcommittees.services import task_save
from tests.congress import test_reminders_support as support
from tests.congress.test_reminders_support import at
from tests.factories import TaskFactory, UserFactory

pytestmark = pytest.mark.django_db
d = datetime.date

clock = support.clock
eager = support.eager
no_worker = support.no_worker


def url(name, congress, **kwargs):
    return reverse(name, kwargs={"congress": congress.slug, **kwargs})


@pytest.fixture
def plan(subcommittees, head, member, clock):
    """Two tasks of the Organization subcommittee: one due 15/04/2020, one overdue since 10/04."""
    clock.move_to(at(2020, 4, 1))
    congress = subcommittees["organization"].congress
    tasks = []
    for title, due in (("Phương án trang trí hội trường", d(2020, 4, 15)), ("Hợp đồng âm thanh", d(2020, 4, 10))):
        task = TaskFactory.build(
            congress=congress, subcommittee=subcommittees["organization"], assignee=member, due_date=due, title=title
        )
        tasks.append(task_save(task=task))
    clock.move_to(at(2020, 4, 13, 9))
    return tasks


# --- the secretariat's pages: who may see them


@pytest.mark.parametrize("name", ["reminder_upcoming", "reminder_log", "reminder_policy"])
def test_reminder_pages_anonymous_outsider_member(name, client, client_for, congress, outsider, member, observer):
    response = client.get(url(name, congress))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
    assert client_for(outsider).get(url(name, congress)).status_code == 404
    assert client_for(member).get(url(name, congress)).status_code == 403
    assert client_for(observer).get(url(name, congress)).status_code == 403


@pytest.mark.parametrize("name", ["reminder_send", "reminder_skip"])
def test_reminder_actions_anonymous_outsider_member(name, client, client_for, congress, outsider, member):
    assert client.post(url(name, congress), {"reminder": 1}).status_code == 302
    assert client_for(outsider).post(url(name, congress), {"reminder": 1}).status_code == 404
    assert client_for(member).post(url(name, congress), {"reminder": 1}).status_code == 403
    assert not Reminder.objects.exists()


# --- the upcoming page


def test_reminder_upcoming_lists_what_goes_out_with_its_state(client_for, secretariat, plan, no_worker):
    congress = plan[0].congress
    reminders_sweep()  # records today's overdue notices (3 days late) for the assignee and the head
    response = client_for(secretariat).get(url("reminder_upcoming", congress))
    assert response.status_code == 200
    rows = [
        (r["planned"].deadline.title, r["planned"].kind, r["planned"].offset_days, str(r["recipient"]))
        for r in response.context["rows"]
    ]
    times = [r["planned"].due_at for r in response.context["rows"]]
    assert times == sorted(times)
    assert rows[:3] == [
        ("Hợp đồng âm thanh", "overdue", 1, "Lê Thị Hoa"),
        ("Hợp đồng âm thanh", "overdue", 1, "Nguyễn Văn Đạt"),
        ("Phương án trang trí hội trường", "before", 1, "Lê Thị Hoa"),
    ]
    assert [r["record"].state if r["record"] else None for r in response.context["rows"][:3]] == [
        DeliveryState.SCHEDULED,
        DeliveryState.SCHEDULED,
        None,
    ]
    body = response.content.decode()
    assert "Lịch nhắc hạn" not in body  # the page title is “Nhắc hạn”
    assert "Nhắc hạn" in body and "Phương án trang trí hội trường" in body
    assert "báo cáo trưởng tiểu ban" in body
    assert "Gửi ngay" in body and "Bỏ qua" in body


def test_reminder_upcoming_days_bad_value_is_400(client_for, secretariat, congress):
    response = client_for(secretariat).get(url("reminder_upcoming", congress), {"days": "abc"})
    assert response.status_code == 400
    response = client_for(secretariat).get(url("reminder_upcoming", congress), {"days": "999"})
    assert response.status_code == 400
    assert "60" in response.content.decode()


def test_reminder_upcoming_query_count_does_not_grow(client_for, secretariat, subcommittees, member, clock):
    congress = subcommittees["organization"].congress
    c = client_for(secretariat)

    def add_tasks(n):
        clock.move_to(at(2020, 4, 1))
        for i in range(n):
            task = TaskFactory.build(
                congress=congress,
                subcommittee=subcommittees["organization"],
                assignee=UserFactory(),
                due_date=d(2020, 4, 15) + datetime.timedelta(days=i % 5),
                title=f"Việc {i}",
            )
            task_save(task=task)
        clock.move_to(at(2020, 4, 13, 9))

    add_tasks(1)
    c.get(url("reminder_upcoming", congress))
    with CaptureQueriesContext(connection) as one:
        c.get(url("reminder_upcoming", congress))
    add_tasks(30)
    with CaptureQueriesContext(connection) as many:
        response = c.get(url("reminder_upcoming", congress))
    assert response.context["page"].paginator.count > 25
    assert len(many.captured_queries) == len(one.captured_queries)


# --- send now, skip


def _key(planned):
    return {
        "deadline": planned.deadline.pk,
        "kind": planned.kind,
        "offset": planned.offset_days,
        "recipient": planned.recipient_id,
        "due_date": planned.deadline.due_date.strftime("%d/%m/%Y"),
    }


def test_reminder_send_now_a_planned_reminder(
    client_for, secretariat, plan, mailoutbox, eager, clock, django_capture_on_commit_callbacks
):
    from congress.reminders import planned_reminders

    congress = plan[0].congress
    tomorrow = next(
        p for p in planned_reminders(start=at(2020, 4, 13), end=at(2020, 4, 15), congress_ids=[congress.pk])
        if p.kind == "before"
    )  # fmt: skip
    c = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = c.post(
            url("reminder_send", congress), {**_key(tomorrow), "next": url("reminder_upcoming", congress)}
        )
    assert response.status_code == 302
    assert response["Location"] == url("reminder_upcoming", congress)
    reminder = Reminder.objects.get()
    assert (reminder.state, reminder.manual, reminder.handled_by) == (DeliveryState.SENT, True, secretariat)
    assert [m.subject for m in mailoutbox] == ["[Nhắc hạn] Còn 2 ngày: Phương án trang trí hội trường"]
    # Pressed again (another tab): refused, nothing sent twice.
    response = c.post(url("reminder_send", congress), _key(tomorrow))
    assert response.status_code == 400
    assert "Lời nhắc này đã được gửi." in response.content.decode()
    assert len(mailoutbox) == 1


def test_reminder_skip_then_sweep_does_not_send(
    client_for, secretariat, plan, mailoutbox, eager, clock, django_capture_on_commit_callbacks
):
    from congress.reminders import planned_reminders

    congress = plan[0].congress
    tomorrow = next(
        p for p in planned_reminders(start=at(2020, 4, 13), end=at(2020, 4, 15), congress_ids=[congress.pk])
        if p.kind == "before"
    )  # fmt: skip
    response = client_for(secretariat).post(url("reminder_skip", congress), _key(tomorrow))
    assert response.status_code == 302
    clock.move_to(at(2020, 4, 14, 8))
    with django_capture_on_commit_callbacks(execute=True):
        reminders_sweep()
    skipped = Reminder.objects.get(kind="before")
    assert (skipped.state, skipped.note) == (DeliveryState.SKIPPED, "Đồng chí Phạm Thanh Trang cho bỏ qua.")
    assert [m.subject for m in mailoutbox if "Phương án" in m.subject] == []


def test_reminder_retry_a_failed_one(
    client_for, secretariat, plan, mailoutbox, eager, django_capture_on_commit_callbacks
):
    congress = plan[0].congress
    with support.broker_at("memory://"):
        reminders_sweep()
    failed = Reminder.objects.filter(recipient__username="thanhvien").get()
    Reminder.objects.filter(pk=failed.pk).update(
        state=DeliveryState.FAILED, last_error="SMTPDataError: 451", attempts=6
    )
    log = client_for(secretariat).get(url("reminder_log", congress), {"state": "failed"})
    assert log.status_code == 200
    assert [r.pk for r in log.context["page"]] == [failed.pk]
    assert "SMTPDataError: 451" in log.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(secretariat).post(url("reminder_send", congress), {"reminder": failed.pk})
    assert response.status_code == 302
    failed.refresh_from_db()
    assert (failed.state, failed.attempts) == (DeliveryState.SENT, 7)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Không xác định được lời nhắc"),
        ({"deadline": "abc", "kind": "before", "offset": 1, "recipient": 1, "due_date": "15/04/2020"}, "deadline"),
        ({"deadline": 999999, "kind": "before", "offset": 1, "recipient": 1, "due_date": "15/04/2020"}, "không còn"),
        ({"deadline": 1, "kind": "soon", "offset": 1, "recipient": 1, "due_date": "15/04/2020"}, "kind"),
        ({"deadline": 1, "kind": "before", "offset": 1, "recipient": 1, "due_date": "31/02/2020"}, "dd/mm/yyyy"),
    ],
)
def test_reminder_action_bad_input_is_400_and_changes_nothing(client_for, secretariat, plan, data, message):
    congress = plan[0].congress
    response = client_for(secretariat).post(url("reminder_send", congress), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Reminder.objects.exists()


def test_reminder_action_on_a_reminder_of_another_congress_is_404(client_for, secretariat, plan, no_worker):
    reminders_sweep()
    from tests.factories import CongressFactory, CongressRoleFactory

    other = CongressFactory()
    CongressRoleFactory(congress=other, user=secretariat, role="secretariat")
    response = client_for(secretariat).post(url("reminder_skip", other), {"reminder": Reminder.objects.first().pk})
    assert response.status_code == 404
    assert set(Reminder.objects.values_list("state", flat=True)) == {DeliveryState.SCHEDULED}


def test_reminder_log_bad_state_is_400(client_for, secretariat, congress):
    assert client_for(secretariat).get(url("reminder_log", congress), {"state": "<b>"}).status_code == 400


def test_reminder_log_query_count_does_not_grow(client_for, secretariat, plan, no_worker, clock):
    congress = plan[0].congress
    c = client_for(secretariat)
    reminders_sweep()
    c.get(url("reminder_log", congress))
    with CaptureQueriesContext(connection) as one:
        c.get(url("reminder_log", congress))
    for day in (14, 15, 16, 17, 20, 21, 22):
        clock.move_to(at(2020, 4, day, 8))
        reminders_sweep()
    c = client_for(secretariat)  # a fresh session: the first one expired with the days
    c.get(url("reminder_log", congress))
    with CaptureQueriesContext(connection) as many:
        response = c.get(url("reminder_log", congress))
    assert response.context["page"].paginator.count > 5
    assert len(many.captured_queries) == len(one.captured_queries)


# --- the policy page


def test_reminder_policy_saves(client_for, secretariat, congress):
    data = {
        "offsets": "10, 5, 2",
        "offset_unit": "working_days",
        "working_days_only": "on",
        "send_time": "08:00",
        "quiet_hours": "on",
        "quiet_start": "20:00",
        "quiet_end": "06:30",
        "escalate": "on",
        "escalate_after_days": 2,
        "escalate_every_days": 3,
    }
    response = client_for(secretariat).post(url("reminder_policy", congress), data)
    assert response.status_code == 302
    policy = ReminderPolicy.objects.get(congress=congress)
    saved = (policy.offset_list, policy.offset_unit, policy.send_time, policy.escalate_every_days, policy.updated_by)
    assert saved == ([10, 5, 2], "working_days", datetime.time(8, 0), 3, secretariat)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"offsets": "7, ba"}, "số nguyên"),
        ({"offsets": "120"}, "từ 1 đến 90"),
        ({"send_time": "22:30"}, "giờ nghỉ"),
        ({"send_time": "7h99"}, "hh:mm"),
        ({"escalate_every_days": 0}, "60"),
    ],
)
def test_reminder_policy_bad_input_is_400_with_message(client_for, secretariat, congress, changes, message):
    data = {
        "offsets": "7,3,1",
        "offset_unit": "days",
        "send_time": "07:30",
        "quiet_hours": "on",
        "quiet_start": "21:00",
        "quiet_end": "07:00",
        "escalate": "on",
        "escalate_after_days": 1,
        "escalate_every_days": 7,
        **changes,
    }
    response = client_for(secretariat).post(url("reminder_policy", congress), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReminderPolicy.objects.exists()


def test_reminder_policy_shows_the_holidays(client_for, secretariat, congress, clock):
    from congress.models import Holiday

    Holiday.objects.create(date=d(2020, 4, 30), name="Ngày Giải phóng miền Nam")
    body = client_for(secretariat).get(url("reminder_policy", congress)).content.decode()
    assert "30/04/2020" in body


# --- notifications


def test_notification_pages_anonymous_redirect(client):
    for name in ("notification_list", "notification_settings"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert reverse("login") in response["Location"]
    assert client.get(reverse("notification_bell")).status_code == 286


def test_notification_list_shows_only_ones_own(client_for, member, other_member):
    notification_create(user=member, title="Nhắc hạn của tôi", url="/ba-dinh/tasks/1/")
    notification_create(user=other_member, title="Nhắc hạn của người khác")
    response = client_for(member).get(reverse("notification_list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nhắc hạn của tôi" in body and "Nhắc hạn của người khác" not in body
    assert response.context["unread"] == 1
    assert 'data-testid="bell-count">1<' in body


def test_notification_read_and_open(client_for, member, other_member):
    mine = notification_create(user=member, title="Việc của tôi", url="/ba-dinh/tasks/7/")
    theirs = notification_create(user=other_member, title="Việc khác")
    c = client_for(member)
    assert c.post(reverse("notification_read", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None
    response = c.post(reverse("notification_read", args=[mine.pk]), {"open": "1"})
    assert (response.status_code, response["Location"]) == (302, "/ba-dinh/tasks/7/")
    mine.refresh_from_db()
    assert mine.read_at is not None
    assert c.get(reverse("notification_bell")).content.decode().count("bell-count") == 0


def test_notification_read_all_and_unread_filter(client_for, member):
    for n in range(3):
        notification_create(user=member, title=f"Thông báo {n}")
    c = client_for(member)
    assert len(c.get(reverse("notification_list"), {"unread": "1"}).context["page"]) == 3
    assert c.post(reverse("notification_read_all")).status_code == 302
    assert Notification.objects.filter(read_at__isnull=True).count() == 0
    assert "Không có thông báo chưa đọc." in c.get(reverse("notification_list"), {"unread": "1"}).content.decode()


def test_notification_read_needs_post(client_for, member):
    mine = notification_create(user=member, title="x")
    assert client_for(member).get(reverse("notification_read", args=[mine.pk])).status_code == 405


def test_notification_list_query_count_does_not_grow(client_for, member, congress):
    c = client_for(member)
    notification_create(user=member, title="Một", congress=congress)
    c.get(reverse("notification_list"))
    with CaptureQueriesContext(connection) as one:
        c.get(reverse("notification_list"))
    for n in range(30):
        notification_create(user=member, title=f"Thông báo {n}", congress=congress)
    with CaptureQueriesContext(connection) as many:
        c.get(reverse("notification_list"))
    assert len(many.captured_queries) == len(one.captured_queries)


def test_notification_settings_save(client_for, member):
    response = client_for(member).post(
        reverse("notification_settings"), {"email_mode": "digest", "in_app": "on", "digest_time": "16:30"}
    )
    assert response.status_code == 302
    settings_row = NotificationSettings.objects.get(user=member)
    assert (settings_row.email_mode, settings_row.in_app, settings_row.digest_time) == (
        EmailMode.DIGEST, True, datetime.time(16, 30),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email_mode": "off", "digest_time": "08:00"}, "ít nhất một cách"),
        ({"email_mode": "weekly", "in_app": "on", "digest_time": "08:00"}, "email_mode"),
        ({"email_mode": "single", "in_app": "on", "digest_time": "25:00"}, "hh:mm"),
    ],
)
def test_notification_settings_bad_input_is_400(client_for, member, data, message):
    response = client_for(member).post(reverse("notification_settings"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body or message in str(response.context["form"].errors)
    assert not NotificationSettings.objects.exists()


def test_notification_settings_email_needs_an_address(client_for, member):
    member.email = ""
    member.save()
    response = client_for(member).post(
        reverse("notification_settings"), {"email_mode": "single", "in_app": "on", "digest_time": "08:00"}
    )
    assert response.status_code == 400
    assert "chưa có địa chỉ thư điện tử" in response.content.decode()


def test_notification_settings_in_english(client_for, member):
    member.language = "en"
    member.save()
    c = client_for(member)
    c.cookies["django_language"] = "en"
    body = c.get(reverse("notification_settings")).content.decode()
    assert "Notification settings" in body and "One daily digest e-mail" in body


def test_bell_in_the_header_of_every_page(client_for, secretariat, congress):
    notification_create(user=secretariat, title="x")
    body = client_for(secretariat).get(url("dashboard", congress)).content.decode()
    assert 'id="notification-bell"' in body
    assert 'hx-get="/accounts/notifications/bell/"' in body
    assert 'data-testid="bell-count">1<' in body
