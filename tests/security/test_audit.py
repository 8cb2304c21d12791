"""The audit trail: the audit page, object histories, restoring deleted objects, logged downloads."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congress.audit import (
    audit_log_download,
    audited_models,
    history_restore,
    object_history,
    untracked_congress_models,
)
from congress.audit_models import AuditEvent
from congress.models import Role
from subcommittees.models import Attachment, Meeting, Membership, Task
from subcommittees.services import task_save
from tests.factories import CongressRoleFactory, TaskFactory, UserFactory

pytestmark = pytest.mark.django_db

# Models that belong to a congress but keep no history, each with the reason. A new model of a
# congress must either get `history = HistoricalRecords()` or be declared here by its app's owner.
DECLARED_UNTRACKED = {
    "congress.auditevent": "the audit log itself: append-only, never edited",
    "congress.deadline": "derived from tasks, milestones and review rounds by their services",
    "congress.reminder": "derived from deadlines by the sweep",
    "congress.reminderpolicy": "reminders app: to confirm by its owner",
    "congress.notification": "derived messages to users",
    "documents.circulationcopy": "documents app: to confirm by its owner",
    "documents.comment": "documents app: to confirm by its owner",
    "documents.draftstatuschange": "documents app: a log of status changes itself",
    "documents.draftversion": "documents app: immutable once published",
    "personnel.checkin": "personnel app: to confirm by its owner",
    "personnel.importjob": "personnel app: to confirm by its owner",
    "personnel.trainingattendance": "personnel app: to confirm by its owner",
    "congress.hallscreen": "congress days app: to confirm by its owner",
}


def audit_url(congress, **params):
    from urllib.parse import urlencode

    return f"/{congress.slug}/audit/" + (f"?{urlencode(params)}" if params else "")


def test_every_congress_model_keeps_history_or_is_declared():
    undeclared = sorted(set(untracked_congress_models()) - set(DECLARED_UNTRACKED))
    assert undeclared == [], (
        f"{undeclared} belong to a congress but keep no history: add `history = HistoricalRecords()` "
        "or declare them in DECLARED_UNTRACKED (tests/security/test_audit.py) with the reason."
    )


def test_audited_models_include_the_core_and_work_plan():
    labels = set(audited_models())
    expected = {
        "congress.congress",
        "congress.congressrole",
        "congress.milestone",
        "congress.partyorganization",
        "subcommittees.subcommittee",
        "subcommittees.membership",
        "subcommittees.workinggroup",
        "subcommittees.task",
        "subcommittees.meeting",
        "subcommittees.attachment",
    }
    assert expected - labels == set()


# --- The audit page: who may read it.


def test_audit_page_anonymous_goes_to_login(client, congress):
    response = client.get(audit_url(congress))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_audit_page_outsider_gets_404(client_for, congress, outsider):
    assert client_for(outsider).get(audit_url(congress)).status_code == 404


@pytest.mark.parametrize("who", ["member", "observer", "reviewer", "head"])
def test_audit_page_members_without_the_lead_role_get_403(client_for, congress, who, request):
    user = request.getfixturevalue(who)
    assert client_for(user).get(audit_url(congress)).status_code == 403


def test_audit_page_secretariat_staff_not_lead_gets_403(client_for, congress):
    staff = UserFactory(username="vanphong")
    CongressRoleFactory(congress=congress, user=staff, role=Role.SECRETARIAT)
    assert client_for(staff).get(audit_url(congress)).status_code == 403


def test_audit_page_lists_changes_of_the_congress_only(client_for, world, secretariat):
    client = client_for(secretariat)
    task = world["task"]
    task.status = "in_progress"
    task.progress = 40
    task_save(task=task)
    response = client.get(audit_url(world["congress"]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Phương án trang trí hội trường" in body
    assert "Họp tiểu ban" in body
    assert "Biên bản họp" in body
    # What changed, in words.
    assert "Chưa bắt đầu" in body and "Đang thực hiện" in body
    # Nothing of the other congress.
    assert "Tây Hồ" not in body


def test_audit_page_names_a_delegate_by_the_party_member(client_for, world, secretariat):
    from tests.personnel.factories import DelegateFactory, GrassrootsFactory, PersonFactory

    organization = GrassrootsFactory(congress=world["congress"])
    DelegateFactory(person=PersonFactory(organization=organization, full_name="Đỗ Thị Hồng Nhung"))
    body = client_for(secretariat).get(audit_url(world["congress"], model="personnel.delegate")).content.decode()
    assert "Đỗ Thị Hồng Nhung" in body


def test_audit_page_filters_by_model_action_user_and_dates(frozen_today, client_for, world, secretariat):
    client = client_for(secretariat)
    congress = world["congress"]
    world["meeting"].delete()
    rows = client.get(audit_url(congress, model="subcommittees.meeting", action="-")).context["rows"]
    assert [(r.model_label, r.action, r.label) for r in rows] == [("subcommittees.meeting", "-", "Họp tiểu ban")]
    assert rows[0].restorable is True

    nobody = client.get(audit_url(congress, user=secretariat.pk)).context["rows"]
    assert nobody == []

    today = frozen_today.strftime("%d/%m/%Y")
    tomorrow = (frozen_today + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    assert len(client.get(audit_url(congress, date_from=today, date_to=today)).context["rows"]) > 0
    assert client.get(audit_url(congress, date_from=tomorrow)).context["rows"] == []


def test_audit_page_filters_offer_all_in_vietnamese_not_dashes(client_for, world, secretariat):
    body = client_for(secretariat).get(audit_url(world["congress"])).content.decode()
    assert body.count('<option value="" selected>Tất cả</option>') == 3
    assert "---------" not in body


def test_audit_page_bad_filter_is_a_400_with_a_message(client_for, world, secretariat):
    client = client_for(secretariat)
    response = client.get(audit_url(world["congress"], date_from="31/02/2020", user="abc", model="x.y"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "dd/mm/yyyy" in body
    response = client.get(audit_url(world["congress"], date_from="10/05/2020", date_to="01/05/2020"))
    assert response.status_code == 400
    assert "trước ngày bắt đầu" in response.content.decode()


def test_audit_page_user_of_another_congress_is_not_a_choice(client_for, world, secretariat):
    response = client_for(secretariat).get(audit_url(world["congress"], user=world["other"]["user"].pk))
    assert response.status_code == 400


def _audit_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_audit_page_runs_a_constant_number_of_queries(client_for, congress, subcommittees, secretariat):
    client = client_for(secretariat)
    task = TaskFactory(subcommittee=subcommittees["organization"])
    task.title = "Đổi tên"
    task.save()
    one = _audit_queries(client, audit_url(congress, model="subcommittees.task"))
    for index in range(30):
        other = TaskFactory(subcommittee=subcommittees["organization"])
        other.title = f"Đổi tên {index}"
        other.save()
    many = _audit_queries(client, audit_url(congress, model="subcommittees.task"))
    assert many == one
    all_models_one = _audit_queries(client, audit_url(congress))
    TaskFactory.create_batch(20, subcommittee=subcommittees["organization"])
    assert _audit_queries(client, audit_url(congress)) == all_models_one


def test_audit_page_paginates(client_for, congress, subcommittees, secretariat):
    TaskFactory.create_batch(60, subcommittee=subcommittees["organization"])
    client = client_for(secretariat)
    first = client.get(audit_url(congress, model="subcommittees.task"))
    assert len(first.context["rows"]) == 50
    second = client.get(audit_url(congress, model="subcommittees.task", page=2))
    assert len(second.context["rows"]) == 10


# --- Restoring deleted objects.


def _restore(client, congress, model, history_id):
    return client.post(f"/{congress.slug}/audit/restore/", {"model": model, "history_id": history_id}, follow=True)


def _deleted_row(model, pk):
    return model.history.filter(id=pk, history_type="-").latest("history_date")


def test_restore_deleted_task_brings_it_back_as_it_was(client_for, world, secretariat):
    task = world["task"]
    pk, title, group_id = task.pk, task.title, task.group_id
    task.delete()
    response = _restore(
        client_for(secretariat), world["congress"], "subcommittees.task", _deleted_row(Task, pk).history_id
    )
    assert response.status_code == 200
    assert "đã được khôi phục" in response.content.decode()
    restored = Task.objects.get(pk=pk)
    assert (restored.title, restored.group_id) == (title, group_id)
    assert restored.history.latest("history_date").history_user == secretariat


def test_restore_meeting_then_its_attachment(client_for, world, secretariat):
    client = client_for(secretariat)
    meeting, attachment = world["meeting"], world["attachment"]
    meeting_pk, attachment_pk = meeting.pk, attachment.pk
    meeting.delete()  # the attachment goes with it
    assert not Attachment.objects.filter(pk=attachment_pk).exists()
    attachment_row = _deleted_row(Attachment, attachment_pk)
    response = _restore(client, world["congress"], "subcommittees.attachment", attachment_row.history_id)
    assert "khôi phục mục đó trước" in response.content.decode()
    assert not Attachment.objects.filter(pk=attachment_pk).exists()

    _restore(client, world["congress"], "subcommittees.meeting", _deleted_row(Meeting, meeting_pk).history_id)
    _restore(client, world["congress"], "subcommittees.attachment", attachment_row.history_id)
    restored = Attachment.objects.get(pk=attachment_pk)
    assert restored.file.read().startswith(b"%PDF")


def test_restore_membership_and_twice_is_refused(client_for, world, secretariat, member):
    client = client_for(secretariat)
    membership = world["membership"]
    pk = membership.pk
    membership.delete()
    history_id = _deleted_row(Membership, pk).history_id
    _restore(client, world["congress"], "subcommittees.membership", history_id)
    assert Membership.objects.get(pk=pk).user == member
    response = _restore(client, world["congress"], "subcommittees.membership", history_id)
    assert "đã được khôi phục trước đó" in response.content.decode()


def test_restore_of_another_congress_object_is_refused(client_for, world, secretariat):
    other_task = world["other"]["task"]
    pk = other_task.pk
    other_task.delete()
    response = _restore(
        client_for(secretariat), world["congress"], "subcommittees.task", _deleted_row(Task, pk).history_id
    )
    assert "Không có đối tượng đã xóa này" in response.content.decode()
    assert not Task.objects.filter(pk=pk).exists()


def test_restore_bad_input_changes_nothing(client_for, world, secretariat):
    client = client_for(secretariat)
    before = Task.objects.count()
    for data in ({"model": "subcommittees.task", "history_id": "abc"}, {"model": "auth.user", "history_id": "1"}, {}):
        response = client.post(f"/{world['congress'].slug}/audit/restore/", data, follow=True)
        assert response.status_code == 200
        assert "alert-danger" in response.content.decode()
    assert Task.objects.count() == before


def test_restore_is_for_the_lead_only(client_for, world, observer, member):
    task = world["task"]
    pk = task.pk
    task.delete()
    history_id = _deleted_row(Task, pk).history_id
    for user in (observer, member):
        response = client_for(user).post(
            f"/{world['congress'].slug}/audit/restore/", {"model": "subcommittees.task", "history_id": history_id}
        )
        assert response.status_code == 403
    assert not Task.objects.filter(pk=pk).exists()


def test_history_restore_conflict_is_a_validation_error(world):
    from django.core.exceptions import ValidationError

    membership = world["membership"]
    pk = membership.pk
    membership.delete()
    # The same person was added again meanwhile: restoring would duplicate the membership.
    Membership.objects.create(subcommittee=world["subcommittee"], user=membership.user, role="member")
    with pytest.raises(ValidationError):
        history_restore(
            congress=world["congress"],
            model_label="subcommittees.membership",
            history_id=_deleted_row(Membership, pk).history_id,
        )


# --- Object histories.


def test_object_history_says_who_changed_what(world, secretariat):
    task = world["task"]
    task.title = "Phương án trang trí hội trường (sửa)"
    task._history_user = secretariat
    task.save()
    entries = object_history(task)
    assert entries[0].action == "~"
    assert entries[0].user_name == "Phạm Thanh Trang"
    assert [(c.field, c.old, c.new) for c in entries[0].changes] == [
        ("tiêu đề", "Phương án trang trí hội trường", "Phương án trang trí hội trường (sửa)")
    ]
    assert entries[-1].action == "+"


def test_object_history_names_the_person_a_key_points_to(world, secretariat, member):
    task = world["task"]
    task.assignee = member
    task._history_user = secretariat
    task.save()
    task.assignee = secretariat
    task.save()
    changes = {c.field: (c.old, c.new) for c in object_history(task)[0].changes}
    assert changes["người thực hiện"] == (member.full_name, "Phạm Thanh Trang")


@pytest.mark.parametrize("page", ["meeting", "subcommittee", "settings"])
def test_history_card_on_the_main_pages(client_for, world, secretariat, page):
    url = {
        "meeting": f"/{world['congress'].slug}/meetings/{world['meeting'].pk}/",
        "subcommittee": f"/{world['congress'].slug}/subcommittees/organization/",
        "settings": f"/{world['congress'].slug}/settings/",
    }[page]
    body = client_for(secretariat).get(url).content.decode()
    assert 'data-testid="history"' in body


# --- Downloads and exports.


def test_attachment_download_is_logged(client_for, world, member):
    response = client_for(member).get(
        f"/{world['congress'].slug}/files/{world['attachment'].pk}/", REMOTE_ADDR="192.0.2.5"
    )
    assert response.status_code == 200
    event = AuditEvent.objects.get()
    assert (event.user, event.action, event.object_repr, event.ip, event.congress) == (
        member,
        "download",
        "Biên bản họp",
        "192.0.2.5",
        world["congress"],
    )


def test_refused_download_is_not_logged_and_leaks_nothing(client_for, world, outsider, reviewer):
    url = f"/{world['congress'].slug}/files/{world['attachment'].pk}/"
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(reviewer).get(url).status_code == 403
    other = f"/{world['congress'].slug}/files/{world['other']['attachment'].pk}/"
    assert client_for(world["other"]["user"]).get(other).status_code == 404
    assert AuditEvent.objects.count() == 0


def test_downloads_tab_lists_logged_events(client_for, world, secretariat, member):
    audit_log_download(user=member, congress=world["congress"], what="export", detail="XLSX, 12 dòng")
    audit_log_download(user=member, congress=world["other"]["congress"], what="export", detail="Tây Hồ")
    body = client_for(secretariat).get(audit_url(world["congress"], tab="downloads")).content.decode()
    assert "XLSX, 12 dòng" in body
    assert "Lê Thị Hoa" in body
    assert "Tây Hồ" not in body


def test_audit_log_download_refuses_an_unknown_action(world, member):
    with pytest.raises(ValueError):
        audit_log_download(user=member, congress=world["congress"], what="stolen")
