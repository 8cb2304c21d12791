"""Access helpers for the work plan: one per object type, the only permission check views make."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from congress.models import Congress
from congress.permissions import Access
from subcommittees.models import Attachment, Meeting, Subcommittee, Task


def get_subcommittee_for_user(access: Access, congress: Congress, kind: str, *, write: bool = False) -> Subcommittee:
    try:
        subcommittee = congress.subcommittees.get(kind=kind)
    except Subcommittee.DoesNotExist:
        raise Http404(_("No such subcommittee.")) from None
    if not access.can_view_subcommittee(subcommittee.pk):
        raise Http404(_("No such subcommittee."))
    if write and not access.can_manage_subcommittee(subcommittee.pk):
        raise PermissionDenied(
            _("Only the secretariat and the subcommittee's head, deputies and secretary can change this.")
        )
    return subcommittee


def can_edit_task(access: Access, task: Task) -> bool:
    return access.can_manage_subcommittee(task.subcommittee_id)


def can_update_task_progress(access: Access, task: Task, user) -> bool:
    return can_edit_task(access, task) or (task.assignee_id is not None and task.assignee_id == user.pk)


def get_task_for_user(access: Access, congress: Congress, pk: int, user, *, write: bool = False) -> Task:
    try:
        task = Task.objects.select_related("subcommittee", "group", "assignee", "created_by").get(
            congress=congress, pk=pk
        )
    except Task.DoesNotExist:
        raise Http404(_("No such task.")) from None
    if not (access.can_view_subcommittee(task.subcommittee_id) or task.assignee_id == user.pk):
        raise Http404(_("No such task."))
    if write and not can_edit_task(access, task):
        raise PermissionDenied(_("You can read this task but not change it."))
    return task


def get_meeting_for_user(access: Access, congress: Congress, pk: int, *, write: bool = False) -> Meeting:
    try:
        meeting = Meeting.objects.select_related("subcommittee").get(congress=congress, pk=pk)
    except Meeting.DoesNotExist:
        raise Http404(_("No such meeting.")) from None
    if meeting.subcommittee_id:
        visible = access.can_view_subcommittee(meeting.subcommittee_id)
        writable = access.can_manage_subcommittee(meeting.subcommittee_id)
    else:
        visible = access.sees_all_subcommittees
        writable = access.is_secretariat
    if not visible:
        raise Http404(_("No such meeting."))
    if write and not writable:
        raise PermissionDenied(_("You can read this meeting but not change it."))
    return meeting


def get_attachment_for_user(access: Access, congress: Congress, pk: int, *, write: bool = False) -> Attachment:
    try:
        attachment = Attachment.objects.select_related("meeting", "subcommittee").get(congress=congress, pk=pk)
    except Attachment.DoesNotExist:
        raise Http404(_("No such file.")) from None
    if attachment.meeting_id:
        get_meeting_for_user(access, congress, attachment.meeting_id, write=write)
    else:
        get_subcommittee_for_user(access, congress, attachment.subcommittee.kind, write=write)
    return attachment
