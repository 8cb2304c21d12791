"""Writes on subcommittees, working groups, memberships, tasks, meetings and attachments."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.deadlines import deadline_sync_task
from congress.models import Congress
from congress.uploads import checked_upload
from congress.vietnamese import fold
from subcommittees.models import (
    Attachment,
    Meeting,
    MeetingBody,
    MemberRole,
    Membership,
    Subcommittee,
    Task,
    TaskStatus,
    WorkingGroup,
)


def task_check(*, task: Task) -> None:
    """The rules of a task; raises ValidationError with field messages."""
    congress: Congress = task.congress
    errors: dict[str, str] = {}
    if task.due_date and task.due_date > congress.cutoff_date:
        errors["due_date"] = _(
            "The due date is after the cutoff %(cutoff)s: every task must be finished before the congress ends."
        ) % {"cutoff": congress.cutoff_date.strftime("%d/%m/%Y")}
    if task.group_id:
        if task.group.subcommittee.congress_id != congress.pk:
            errors["group"] = _("This working group belongs to another congress.")
        elif task.subcommittee_id and task.group.subcommittee_id != task.subcommittee_id:
            errors["group"] = _("This working group is not part of the chosen subcommittee.")
    if task.subcommittee_id and task.subcommittee.congress_id != congress.pk:
        errors["subcommittee"] = _("This subcommittee belongs to another congress.")
    if not (task.subcommittee_id or task.group_id or task.assignee_id):
        errors["subcommittee"] = _("Assign the task to a subcommittee, a working group or a person.")
    if task.progress is not None and not 0 <= task.progress <= 100:
        errors["progress"] = _("Progress is a percentage between 0 and 100.")
    if errors:
        raise ValidationError(errors)


def _normalize(task: Task) -> None:
    task.search_text = fold(f"{task.title} {task.description}")
    if task.group_id and not task.subcommittee_id:
        task.subcommittee_id = task.group.subcommittee_id
    if task.status == TaskStatus.DONE:
        task.progress = 100
        task.completed_at = task.completed_at or timezone.now()
    else:
        task.completed_at = None
        if task.progress == 100 and task.status == TaskStatus.NOT_STARTED:
            task.status = TaskStatus.IN_PROGRESS


@transaction.atomic
def task_save(*, task: Task, by=None) -> Task:
    task_check(task=task)
    _normalize(task)
    if task.pk is None and by is not None:
        task.created_by = by
    task.save()
    deadline_sync_task(task=task)  # its reminders follow the task (congress/deadlines.py)
    return task


@transaction.atomic
def task_update_progress(*, task: Task, status: str, progress: int, notes: str) -> Task:
    """What an assignee may change: status, progress, notes."""
    task.status = status
    task.progress = progress
    task.notes = notes
    return task_save(task=task)


@transaction.atomic
def membership_add(*, subcommittee: Subcommittee, user, role: str, title: str = "") -> Membership:
    if role == MemberRole.HEAD and subcommittee.memberships.filter(role=MemberRole.HEAD).exclude(user=user).exists():
        raise ValidationError({"role": _("This subcommittee already has a head.")})
    membership, _created = Membership.objects.update_or_create(
        subcommittee=subcommittee, user=user, defaults={"role": role, "title": title}
    )
    return membership


def membership_remove(*, membership: Membership) -> None:
    membership.delete()


def group_save(*, group: WorkingGroup, members=None) -> WorkingGroup:
    duplicate = WorkingGroup.objects.filter(subcommittee_id=group.subcommittee_id, name=group.name).exclude(pk=group.pk)
    if duplicate.exists():
        raise ValidationError({"name": _("This subcommittee already has a group with this name.")})
    try:
        with transaction.atomic():
            group.save()
            if members is not None:
                group.members.set(members)
    except IntegrityError:
        raise ValidationError({"name": _("This subcommittee already has a group with this name.")}) from None
    return group


def meeting_save(*, meeting: Meeting, by=None) -> Meeting:
    if meeting.body == MeetingBody.SUBCOMMITTEE and not meeting.subcommittee_id:
        raise ValidationError({"subcommittee": _("Choose the subcommittee that meets.")})
    if meeting.subcommittee_id and meeting.subcommittee.congress_id != meeting.congress_id:
        raise ValidationError({"subcommittee": _("This subcommittee belongs to another congress.")})
    if meeting.pk is None and by is not None:
        meeting.created_by = by
    meeting.save()
    return meeting


@transaction.atomic
def attachment_add(*, congress: Congress, title: str, upload, by, subcommittee=None, meeting=None) -> Attachment:
    """Store an uploaded file after checking its size and that its content matches an allowed type."""
    checked = checked_upload(upload)
    attachment = Attachment(
        congress=congress,
        subcommittee=subcommittee,
        meeting=meeting,
        title=title or checked.name,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=by,
    )
    attachment.file.save(checked.name, upload, save=False)
    attachment.save()
    return attachment
