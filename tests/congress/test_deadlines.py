"""Deadlines: one row per dated obligation, kept in sync by the services that write the sources."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from congress.deadlines import Recipients, deadline_remove, deadline_upsert, deadlines_rebuild
from congress.models import CongressRole, Deadline, DeadlineKind, MilestoneKind, Role
from congress.services import congress_save, milestone_save, milestone_toggle_done
from subcommittees.services import task_save
from tests.congress import test_reminders_support as support
from tests.congress.test_reminders_support import at
from tests.factories import (
    CongressFactory,
    MembershipFactory,
    MilestoneFactory,
    SubcommitteeFactory,
    TaskFactory,
    UserFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

# Fixtures shared by the reminder tests.
clock = support.clock
d = datetime.date


def test_deadline_task_save_creates_and_follows_the_task(subcommittees, member):
    task = TaskFactory.build(
        congress=subcommittees["organization"].congress,
        subcommittee=subcommittees["organization"],
        assignee=member,
        title="Phương án trang trí hội trường",
        due_date=d(2020, 4, 15),
    )
    task_save(task=task)
    deadline = Deadline.objects.get()
    assert (deadline.title, deadline.kind, deadline.due_date, deadline.done, deadline.assignee) == (
        "Phương án trang trí hội trường",
        DeadlineKind.TASK,
        d(2020, 4, 15),
        False,
        member,
    )
    assert deadline.url == task.get_absolute_url()
    task.status = "done"
    task_save(task=task)
    deadline.refresh_from_db()
    assert deadline.done is True
    assert Deadline.objects.count() == 1


def test_deadline_moved_or_reopened_is_rearmed(subcommittees, clock):
    congress = subcommittees["organization"].congress
    task = TaskFactory(subcommittee=subcommittees["organization"], due_date=d(2020, 5, 10))
    first = deadline_upsert(source=task, congress=congress, title=task.title, due_date=task.due_date)
    armed = first.armed_at
    clock.move_to(at(2020, 4, 21))
    same = deadline_upsert(source=task, congress=congress, title="Tên mới", due_date=task.due_date)
    assert (same.pk, same.armed_at, same.title) == (first.pk, armed, "Tên mới")
    moved = deadline_upsert(source=task, congress=congress, title="Tên mới", due_date=d(2020, 5, 20))
    assert moved.armed_at == at(2020, 4, 21)
    deadline_upsert(source=task, congress=congress, title="Tên mới", due_date=d(2020, 5, 20), done=True)
    clock.move_to(at(2020, 4, 22))
    reopened = deadline_upsert(source=task, congress=congress, title="Tên mới", due_date=d(2020, 5, 20), done=False)
    assert reopened.armed_at == at(2020, 4, 22)


def test_deadline_upsert_refuses_a_group_of_another_congress(subcommittees):
    other = WorkingGroupFactory(subcommittee=SubcommitteeFactory(congress=CongressFactory()))
    task = TaskFactory(subcommittee=subcommittees["organization"])
    with pytest.raises(ValidationError) as error:
        deadline_upsert(source=task, congress=task.congress, title="x", due_date=d(2020, 5, 1), group=other)
    assert "group" in error.value.message_dict
    assert not Deadline.objects.exists()


def test_deadline_remove_by_source_and_key(subcommittees):
    task = TaskFactory(subcommittee=subcommittees["documents"])
    congress = task.congress
    deadline_upsert(source=task, key="close", congress=congress, title="Đóng vòng góp ý", due_date=d(2020, 3, 1))
    deadline_upsert(source=task, key="dispose", congress=congress, title="Xử lý góp ý", due_date=d(2020, 3, 15))
    assert deadline_remove(source=task, key="close") == 1
    assert list(Deadline.objects.values_list("source_key", flat=True)) == ["dispose"]
    assert deadline_remove(source=task) == 1
    assert not Deadline.objects.exists()


def test_deadline_milestones_follow_the_services(congress):
    milestone = MilestoneFactory.build(congress=congress, title="Hoàn thành đại hội cơ sở", due_date=d(2020, 4, 30))
    milestone_save(milestone=milestone)
    deadline = Deadline.objects.get(source_type="congress.milestone", source_id=milestone.pk)
    assert (deadline.kind, deadline.due_date, deadline.done) == (DeadlineKind.MILESTONE, d(2020, 4, 30), False)
    milestone_toggle_done(milestone=milestone)
    deadline.refresh_from_db()
    assert deadline.done is True


def test_deadline_derived_milestones_follow_the_opening(congress):
    congress_save(congress=congress)
    dossiers = Deadline.objects.get(title="Hạn nộp hồ sơ ứng cử của người không phải đại biểu")
    assert dossiers.due_date == congress.milestones.get(kind=MilestoneKind.DOSSIERS_DUE).due_date
    congress.opening_date, congress.closing_date = d(2020, 6, 9), d(2020, 6, 10)
    congress_save(congress=congress)
    dossiers.refresh_from_db()
    assert dossiers.due_date == congress.milestones.get(kind=MilestoneKind.DOSSIERS_DUE).due_date
    assert dossiers.due_date == d(2020, 5, 19)


def test_deadlines_rebuild_recreates_missing_and_drops_orphans(subcommittees):
    congress = subcommittees["organization"].congress
    task = TaskFactory(subcommittee=subcommittees["organization"])  # created bypassing task_save
    MilestoneFactory(congress=congress)
    orphan = TaskFactory(subcommittee=subcommittees["organization"])
    deadline_upsert(source=orphan, congress=congress, title="x", due_date=d(2020, 5, 1))
    Deadline.objects.filter(source_id=orphan.pk).update(source_id=999_999)
    assert deadlines_rebuild(congress=congress) == 3
    assert set(Deadline.objects.values_list("source_type", "source_id")) == {
        ("subcommittees.task", task.pk),
        ("subcommittees.task", orphan.pk),
        ("congress.milestone", congress.milestones.get().pk),
    }


def test_deadline_recipients_person_group_subcommittee_secretariat(subcommittees, head, member, secretariat):
    congress = subcommittees["organization"].congress
    leader = UserFactory(full_name="Trần Văn Tổ")
    group = WorkingGroupFactory(subcommittee=subcommittees["organization"], leader=leader)
    leaderless = WorkingGroupFactory(subcommittee=subcommittees["organization"])
    leaderless.members.add(member)
    deputy = UserFactory(full_name="Vũ Văn Phó")
    MembershipFactory(subcommittee=subcommittees["organization"], user=deputy, role="deputy")
    staff = UserFactory(full_name="Lê Văn Thư")
    CongressRole.objects.create(congress=congress, user=staff, role=Role.SECRETARIAT)
    sources = TaskFactory.create_batch(5, subcommittee=subcommittees["organization"])

    def deadline(source, **who):
        return deadline_upsert(source=source, congress=congress, title="x", due_date=d(2020, 5, 1), **who)

    person = deadline(sources[0], assignee=member, subcommittee=subcommittees["organization"])
    by_group = deadline(sources[1], group=group)
    by_members = deadline(sources[2], group=leaderless)
    by_subcommittee = deadline(sources[3], subcommittee=subcommittees["organization"])
    nobody = deadline(sources[4])
    rows = list(Deadline.objects.select_related("assignee", "group__leader").order_by("source_id"))
    recipients = Recipients.load(rows)
    found = {row.pk: (recipients.responsible(row), recipients.escalation(row)) for row in rows}
    assert found == {
        person.pk: ([member.pk], [head.pk]),
        by_group.pk: ([leader.pk], [head.pk]),
        by_members.pk: ([member.pk], [head.pk]),
        by_subcommittee.pk: ([head.pk, deputy.pk], [head.pk]),
        nobody.pk: (
            [secretariat.pk, staff.pk] if secretariat.name_key < staff.name_key else [staff.pk, secretariat.pk],
            [secretariat.pk],
        ),
    }


def test_deadline_inactive_assignee_falls_back_to_the_subcommittee(subcommittees, head, member):
    member.is_active = False
    member.save()
    task = TaskFactory(subcommittee=subcommittees["organization"])
    deadline_upsert(
        source=task, congress=task.congress, title="x", due_date=d(2020, 5, 1), assignee=member,
        subcommittee=subcommittees["organization"],
    )  # fmt: skip
    rows = list(Deadline.objects.select_related("assignee", "group__leader"))
    assert Recipients.load(rows).responsible(rows[0]) == [head.pk]


def test_deadline_time_is_stored(subcommittees):
    task = TaskFactory(subcommittee=subcommittees["organization"])
    before = timezone.now()
    deadline = deadline_upsert(source=task, congress=task.congress, title="x", due_date=d(2020, 5, 1))
    assert deadline.armed_at >= before
