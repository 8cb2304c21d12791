import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from subcommittees.models import Attachment, Meeting, Membership, Task
from tests.factories import CongressFactory, SubcommitteeFactory, TaskFactory, UserFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


def url(name, congress, **kwargs):
    return reverse(name, kwargs={"congress": congress.slug, **kwargs})


def task_data(**changes):
    data = {"title": "Chuẩn bị hội trường", "due_date": "15/05/2020", "status": "not_started", "progress": 0}
    data.update(changes)
    return data


# --- task list


def test_task_list_outsider_404_anonymous_redirect(client, client_for, outsider, congress):
    assert client_for(outsider).get(url("task_list", congress)).status_code == 404
    assert client.get(url("task_list", congress)).status_code == 302


def test_task_list_member_sees_own_subcommittee_only(client_for, member, subcommittees):
    congress = subcommittees["organization"].congress
    TaskFactory(subcommittee=subcommittees["organization"], title="Trang trí hội trường")
    TaskFactory(subcommittee=subcommittees["personnel"], title="Đề án nhân sự")
    mine = TaskFactory(subcommittee=subcommittees["personnel"], title="Việc giao riêng", assignee=member)
    titles = [t.title for t in client_for(member).get(url("task_list", congress)).context["page"]]
    assert titles == ["Trang trí hội trường", mine.title] or sorted(titles) == sorted(
        ["Trang trí hội trường", mine.title]
    )
    assert "Đề án nhân sự" not in titles


def test_task_list_filters_and_accent_free_search(client_for, secretariat, subcommittees, frozen_today):
    congress = subcommittees["organization"].congress
    group = WorkingGroupFactory(subcommittee=subcommittees["organization"], name="Tổ Hậu cần")
    assignee = UserFactory(full_name="Nguyễn Văn Đạt")
    from subcommittees.services import task_save

    t1 = task_save(
        task=Task(
            congress=congress,
            subcommittee=subcommittees["organization"],
            group=group,
            title="Hợp đồng âm thanh, ánh sáng",
            due_date=datetime.date(2020, 4, 1),
            assignee=assignee,
        )
    )
    task_save(
        task=Task(
            congress=congress,
            subcommittee=subcommittees["documents"],
            title="Dự thảo báo cáo",
            due_date=datetime.date(2020, 5, 1),
        )
    )
    c = client_for(secretariat)

    def titles(**params):
        return [t.title for t in c.get(url("task_list", congress), params).context["page"]]

    assert titles(q="am thanh") == [t1.title]
    assert titles(q="dat") == [t1.title]  # by the assignee's name, without accents
    assert titles(q="ĐẠT") == [t1.title]
    assert titles(group=group.pk) == [t1.title]
    assert titles(when="overdue") == [t1.title]
    assert titles(subcommittee=subcommittees["documents"].pk) == ["Dự thảo báo cáo"]


def test_task_list_filters_offer_all_in_vietnamese_not_dashes(client_for, secretariat, subcommittees):
    congress = subcommittees["organization"].congress
    body = client_for(secretariat).get(url("task_list", congress)).content.decode()
    # Every drop-down of the filter bar starts with "Tất cả", never Django's bare "---------".
    assert body.count('<option value="" selected>Tất cả</option>') == 5
    assert "---------" not in body


def test_task_list_bad_filter_value_is_400_not_500(client_for, secretariat, congress):
    response = client_for(secretariat).get(url("task_list", congress), {"status": "<script>", "subcommittee": "abc"})
    assert response.status_code == 400


def test_task_list_query_count_does_not_grow_with_rows(
    client_for, secretariat, subcommittees, django_assert_num_queries
):
    congress = subcommittees["organization"].congress
    c = client_for(secretariat)
    group = WorkingGroupFactory(subcommittee=subcommittees["organization"])
    TaskFactory(subcommittee=subcommittees["organization"], group=group, assignee=UserFactory())
    c.get(url("task_list", congress))  # warm the session
    with CaptureQueriesContext(connection) as one:
        c.get(url("task_list", congress))
    for _ in range(30):
        TaskFactory(subcommittee=subcommittees["organization"], group=group, assignee=UserFactory())
    with django_assert_num_queries(len(one.captured_queries)):
        c.get(url("task_list", congress))


# --- task create / edit / progress


def test_task_create_in_a_working_group(client_for, secretariat, subcommittees):
    congress = subcommittees["organization"].congress
    group = WorkingGroupFactory(subcommittee=subcommittees["organization"], name="Tổ Lễ tân")
    response = client_for(secretariat).post(url("task_create", congress), task_data(group=group.pk))
    task = Task.objects.get()
    assert response.status_code == 302
    assert (task.group, task.subcommittee, task.created_by) == (group, subcommittees["organization"], secretariat)


def test_task_due_after_cutoff_is_refused_with_a_clear_message(client_for, secretariat, subcommittees):
    congress = subcommittees["organization"].congress
    response = client_for(secretariat).post(
        url("task_create", congress), task_data(subcommittee=subcommittees["organization"].pk, due_date="01/09/2020")
    )
    assert response.status_code == 400
    assert "31/08/2020" in str(response.context["form"].errors["due_date"])
    assert not Task.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"progress": 150},
        {"progress": -5},
        {"due_date": "2020/13/45"},
        {"title": ""},
        {"title": "x" * 300},
    ],
)
def test_task_create_bad_input_is_400_and_nothing_saved(client_for, secretariat, subcommittees, changes):
    congress = subcommittees["organization"].congress
    data = task_data(subcommittee=subcommittees["organization"].pk, **changes)
    assert client_for(secretariat).post(url("task_create", congress), data).status_code == 400
    assert not Task.objects.exists()


def test_task_without_owner_is_refused(client_for, secretariat, congress):
    response = client_for(secretariat).post(url("task_create", congress), task_data())
    assert response.status_code == 400
    assert not Task.objects.exists()


def test_task_group_of_another_subcommittee_is_refused(client_for, secretariat, subcommittees):
    congress = subcommittees["organization"].congress
    group = WorkingGroupFactory(subcommittee=subcommittees["documents"])
    data = task_data(subcommittee=subcommittees["organization"].pk, group=group.pk)
    response = client_for(secretariat).post(url("task_create", congress), data)
    assert response.status_code == 400
    assert not Task.objects.exists()


def test_task_create_forbidden_for_plain_members(client_for, member, subcommittees):
    congress = subcommittees["organization"].congress
    response = client_for(member).post(
        url("task_create", congress), task_data(subcommittee=subcommittees["organization"].pk)
    )
    assert response.status_code == 403
    assert not Task.objects.exists()


def test_head_creates_tasks_only_in_own_subcommittee(client_for, head, subcommittees):
    congress = subcommittees["organization"].congress
    c = client_for(head)
    assert (
        c.post(url("task_create", congress), task_data(subcommittee=subcommittees["organization"].pk)).status_code
        == 302
    )
    # The personnel subcommittee is not offered: the form refuses it.
    response = c.post(url("task_create", congress), task_data(subcommittee=subcommittees["personnel"].pk))
    assert response.status_code == 400
    assert Task.objects.count() == 1


def test_task_of_another_subcommittee_is_404_for_a_member(client_for, other_member, subcommittees):
    task = TaskFactory(subcommittee=subcommittees["personnel"])
    assert client_for(other_member).get(url("task_detail", task.congress, pk=task.pk)).status_code == 404


def test_task_of_another_congress_is_404(client_for, secretariat, congress):
    foreign = TaskFactory(subcommittee=SubcommitteeFactory(congress=CongressFactory()))
    assert client_for(secretariat).get(url("task_detail", congress, pk=foreign.pk)).status_code == 404


def test_member_reads_but_cannot_edit_a_task(client_for, member, subcommittees):
    task = TaskFactory(subcommittee=subcommittees["organization"])
    c = client_for(member)
    assert c.get(url("task_detail", task.congress, pk=task.pk)).status_code == 200
    assert c.get(url("task_edit", task.congress, pk=task.pk)).status_code == 403


def test_assignee_reports_progress_and_done_means_100(client_for, member, subcommittees):
    task = TaskFactory(subcommittee=subcommittees["organization"], assignee=member)
    c = client_for(member)
    response = c.post(
        url("task_progress", task.congress, pk=task.pk), {"status": "in_progress", "progress": 40, "notes": "Đang làm"}
    )
    assert response.status_code == 302
    c.post(url("task_progress", task.congress, pk=task.pk), {"status": "done", "progress": 60, "notes": ""})
    task.refresh_from_db()
    assert (task.status, task.progress) == ("done", 100)
    assert task.completed_at is not None
    assert task.history.count() == 3


def test_non_assignee_member_cannot_report_progress(client_for, member, subcommittees):
    task = TaskFactory(subcommittee=subcommittees["organization"])
    response = client_for(member).post(
        url("task_progress", task.congress, pk=task.pk), {"status": "done", "progress": 100}
    )
    assert response.status_code == 403
    task.refresh_from_db()
    assert task.status == "not_started"


def test_progress_requires_post(client_for, secretariat, subcommittees):
    task = TaskFactory(subcommittee=subcommittees["organization"])
    assert client_for(secretariat).get(url("task_progress", task.congress, pk=task.pk)).status_code == 405


# --- subcommittees, members, groups


def test_subcommittee_page_lists_members_by_role_then_name(client_for, secretariat, head, member, subcommittees):
    congress = subcommittees["organization"].congress
    MembershipFactory = __import__("tests.factories", fromlist=["MembershipFactory"]).MembershipFactory
    MembershipFactory(subcommittee=subcommittees["organization"], user=UserFactory(full_name="Bùi Văn An"))
    response = client_for(secretariat).get(url("subcommittee_detail", congress, kind="organization"))
    names = [m.user.full_name for m in response.context["members"]]
    assert names == ["Nguyễn Văn Đạt", "Bùi Văn An", "Lê Thị Hoa"]


def test_subcommittee_of_others_is_404_for_members(client_for, member, subcommittees):
    congress = subcommittees["organization"].congress
    assert client_for(member).get(url("subcommittee_detail", congress, kind="personnel")).status_code == 404
    assert client_for(member).get(url("subcommittee_detail", congress, kind="nonsense")).status_code == 404


def test_head_adds_member_and_second_head_is_refused(client_for, head, subcommittees):
    congress = subcommittees["organization"].congress
    newcomer = UserFactory()
    c = client_for(head)
    response = c.post(url("membership_create", congress, kind="organization"), {"user": newcomer.pk, "role": "member"})
    assert response.status_code == 302
    response = c.post(url("membership_create", congress, kind="organization"), {"user": newcomer.pk, "role": "head"})
    assert response.status_code == 400
    assert Membership.objects.get(user=newcomer).role == "member"


def test_member_cannot_add_members(client_for, member, subcommittees):
    congress = subcommittees["organization"].congress
    response = client_for(member).post(
        url("membership_create", congress, kind="organization"), {"user": member.pk, "role": "head"}
    )
    assert response.status_code == 403


def test_group_create_and_duplicate_name(client_for, head, subcommittees):
    congress = subcommittees["organization"].congress
    c = client_for(head)
    data = {"name": "Tổ Tuyên truyền", "kind": "working_group"}
    assert c.post(url("group_create", congress, kind="organization"), data).status_code == 302
    assert c.post(url("group_create", congress, kind="organization"), data).status_code == 400
    assert subcommittees["organization"].groups.count() == 1


# --- meetings and files


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_upload_regulations_and_download(client_for, head, member, subcommittees):
    congress = subcommittees["organization"].congress
    content = docx_bytes()  # once: a .docx built twice differs in its zip timestamps
    upload = SimpleUploadedFile("quy-che.docx", content)
    response = client_for(head).post(url("subcommittee_attachment_upload", congress, kind="organization"),
                                     {"title": "Quy chế làm việc", "file": upload})  # fmt: skip
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    download = client_for(member).get(url("attachment_download", congress, pk=attachment.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00" + b"\x00" * 100, "không được chấp nhận"),
        ("bao-cao.pdf", b"PK\x03\x04not really a zip", "không được chấp nhận"),
        ("bao-cao.docx", b"%PDF-1.4 fake", "PDF"),
        ("khoa.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "mật khẩu"),
        ("rong.pdf", b"", "rỗng"),
    ],
)
def test_upload_wrong_type_is_refused(client_for, head, subcommittees, name, content, message):
    congress = subcommittees["organization"].congress
    response = client_for(head).post(url("subcommittee_attachment_upload", congress, kind="organization"),
                                     {"file": SimpleUploadedFile(name, content)})  # fmt: skip
    assert response.status_code == 400
    assert message in str(response.context["form"].errors)
    assert not Attachment.objects.exists()


def test_upload_over_the_limit_is_refused(client_for, head, subcommittees, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    congress = subcommittees["organization"].congress
    big = SimpleUploadedFile("lon.pdf", b"%PDF-1.4 " + b"0" * 4096)
    response = client_for(head).post(
        url("subcommittee_attachment_upload", congress, kind="organization"), {"file": big}
    )
    assert response.status_code == 400
    assert not Attachment.objects.exists()


def test_member_cannot_upload(client_for, member, subcommittees):
    congress = subcommittees["organization"].congress
    upload = SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")
    response = client_for(member).post(
        url("subcommittee_attachment_upload", congress, kind="organization"), {"file": upload}
    )
    assert response.status_code == 403


def test_meeting_record_and_view(client_for, secretariat, member, subcommittees):
    congress = subcommittees["organization"].congress
    data = {
        "title": "Hội nghị BCH khóa XXV",
        "body": "executive",
        "starts_at": "26/07/2019 08:00",
        "minutes": "Nhất trí",
    }
    response = client_for(secretariat).post(url("meeting_create", congress), data)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.starts_at.astimezone(datetime.timezone(datetime.timedelta(hours=7))).hour == 8
    # A plain member does not see a meeting of the executive committee...
    assert client_for(member).get(url("meeting_detail", congress, pk=meeting.pk)).status_code == 404
    # ...and a subcommittee meeting needs its subcommittee.
    bad = {**data, "body": "subcommittee"}
    assert client_for(secretariat).post(url("meeting_create", congress), bad).status_code == 400
