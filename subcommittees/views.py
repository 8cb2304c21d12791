"""Views of the work plan: subcommittees, working groups, members, tasks, meetings, files."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress.access import congress_view
from congress.audit import audit_log_download
from congress.models import Congress
from congress.permissions import Access
from congress.views import apply_service, form_response
from subcommittees.forms import (
    AttachmentForm,
    GroupForm,
    MeetingForm,
    MembershipForm,
    TaskFilter,
    TaskForm,
    TaskProgressForm,
)
from subcommittees.models import Membership, Task, TaskStatus, WorkingGroup
from subcommittees.permissions import (
    can_edit_task,
    can_update_task_progress,
    get_attachment_for_user,
    get_meeting_for_user,
    get_subcommittee_for_user,
    get_task_for_user,
)
from subcommittees.rows import task_rows
from subcommittees.selectors import (
    subcommittee_progress,
    visible_meetings,
    visible_tasks,
)
from subcommittees.services import (
    attachment_add,
    group_save,
    meeting_save,
    membership_add,
    membership_remove,
    task_save,
    task_update_progress,
)

PAGE_SIZE = 25


@congress_view()
def subcommittee_list(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    progress = subcommittee_progress(congress=congress, access=access)
    heads = dict(
        Membership.objects.filter(subcommittee__congress=congress, role="head").values_list(
            "subcommittee_id", "user__full_name"
        )
    )
    return render(request, "subcommittees/subcommittee_list.html", {"progress": progress, "heads": heads})


@congress_view()
def subcommittee_detail(request: HttpRequest, congress: Congress, access: Access, kind: str) -> HttpResponse:
    subcommittee = get_subcommittee_for_user(access, congress, kind)
    members = subcommittee.memberships.select_related("user").order_by("role", "user__name_key")
    role_order = {"head": 0, "deputy": 1, "secretary": 2, "member": 3}
    members = sorted(members, key=lambda m: (role_order.get(m.role, 9), m.user.name_key))
    today = timezone.localdate()
    groups = (
        subcommittee.groups.select_related("leader")
        .prefetch_related(Prefetch("members", queryset=get_user_model().objects.order_by("name_key")))
        .annotate(
            task_total=Count("tasks"),
            task_done=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE)),
            task_overdue=Count("tasks", filter=Q(tasks__due_date__lt=today) & ~Q(tasks__status=TaskStatus.DONE)),
        )
    )
    tasks = (
        Task.objects.filter(subcommittee=subcommittee)
        .exclude(status=TaskStatus.DONE)
        .select_related("group", "assignee")
        .order_by("due_date")[:15]
    )
    context = {
        "subcommittee": subcommittee,
        "members": members,
        "groups": groups,
        "tasks": tasks,
        "today": today,
        "attachments": subcommittee.attachments.select_related("uploaded_by"),
        "meetings": subcommittee.meetings.all()[:5],
        "can_manage": access.can_manage_subcommittee(subcommittee.pk),
        "membership_form": MembershipForm(),
        "attachment_form": AttachmentForm(),
    }
    return render(request, "subcommittees/subcommittee_detail.html", context)


@require_POST
@congress_view()
def membership_create(request: HttpRequest, congress: Congress, access: Access, kind: str) -> HttpResponse:
    subcommittee = get_subcommittee_for_user(access, congress, kind, write=True)
    form = MembershipForm(request.POST)
    if form.is_valid() and apply_service(
        form,
        lambda: membership_add(
            subcommittee=subcommittee,
            user=form.cleaned_data["user"],
            role=form.cleaned_data["role"],
            title=form.cleaned_data["title"],
        ),
    ):
        messages.success(request, _("The member was added."))
        return redirect(subcommittee.get_absolute_url())
    return form_response(
        request, "subcommittees/membership_form.html", {"form": form, "subcommittee": subcommittee}, form
    )


@require_POST
@congress_view()
def membership_delete(request: HttpRequest, congress: Congress, access: Access, kind: str, pk: int) -> HttpResponse:
    subcommittee = get_subcommittee_for_user(access, congress, kind, write=True)
    membership = get_object_or_404(Membership, subcommittee=subcommittee, pk=pk)
    membership_remove(membership=membership)
    messages.success(request, _("%(name)s was removed from the subcommittee.") % {"name": membership.user})
    return redirect(subcommittee.get_absolute_url())


@congress_view()
def group_edit(
    request: HttpRequest, congress: Congress, access: Access, kind: str, pk: int | None = None
) -> HttpResponse:
    subcommittee = get_subcommittee_for_user(access, congress, kind, write=True)
    instance = get_object_or_404(WorkingGroup, subcommittee=subcommittee, pk=pk) if pk else None
    form = GroupForm(request.POST or None, instance=instance, subcommittee=subcommittee)
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: group_save(group=form.instance, members=form.cleaned_data["members"])):
            messages.success(request, _("The working group was saved."))
            return redirect(subcommittee.get_absolute_url())
    return form_response(
        request, "subcommittees/group_form.html", {"form": form, "subcommittee": subcommittee, "object": instance}, form
    )


@congress_view()
def task_list(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    tasks = visible_tasks(congress=congress, access=access, user=request.user).order_by("due_date", "id")
    filterset = TaskFilter(request.GET or None, queryset=tasks, congress=congress)
    qs = filterset.qs if filterset.is_bound and filterset.is_valid() else tasks
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    status = 400 if filterset.is_bound and not filterset.is_valid() else 200
    today = timezone.localdate()
    return render(
        request,
        "subcommittees/task_list.html",
        {
            "filter": filterset,
            "page": page,
            "rows": task_rows(page.object_list, congress_slug=congress.slug, today=today),
            "today": today,
            "querystring": urlencode(params, doseq=True),
            "can_create": access.can_create_tasks,
        },
        status=status,
    )


@congress_view()
def task_create(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    if not access.can_create_tasks:
        raise PermissionDenied(_("Only the secretariat and subcommittee leaders can create tasks."))
    initial = {}
    if request.GET.get("group"):
        group = WorkingGroup.objects.filter(subcommittee__congress=congress, pk=request.GET["group"]).first()
        if group:
            initial = {"group": group, "subcommittee": group.subcommittee}
    form = TaskForm(request.POST or None, congress=congress, access=access, initial=initial)
    if request.method == "POST" and form.is_valid():
        if not access.can_manage_subcommittee(
            form.instance.subcommittee_id or getattr(form.instance.group, "subcommittee_id", None)
        ):
            raise PermissionDenied(_("You cannot create tasks for this subcommittee."))
        if apply_service(form, lambda: task_save(task=form.instance, by=request.user)):
            messages.success(request, _("The task was created."))
            return redirect(form.instance.get_absolute_url())
    return form_response(request, "subcommittees/task_form.html", {"form": form}, form)


@congress_view()
def task_detail(request: HttpRequest, congress: Congress, access: Access, pk: int) -> HttpResponse:
    task = get_task_for_user(access, congress, pk, request.user)
    can_progress = can_update_task_progress(access, task, request.user)
    form = TaskProgressForm(instance=task) if can_progress else None
    return render(
        request,
        "subcommittees/task_detail.html",
        {
            "task": task,
            "can_edit": can_edit_task(access, task),
            "progress_form": form,
            "history": task.history.select_related("history_user")[:20],
        },
    )


@congress_view()
def task_edit(request: HttpRequest, congress: Congress, access: Access, pk: int) -> HttpResponse:
    task = get_task_for_user(access, congress, pk, request.user, write=True)
    form = TaskForm(request.POST or None, instance=task, congress=congress, access=access)
    if request.method == "POST" and form.is_valid():
        if not access.can_manage_subcommittee(form.instance.subcommittee_id):
            raise PermissionDenied(_("You cannot move tasks to this subcommittee."))
        if apply_service(form, lambda: task_save(task=form.instance)):
            messages.success(request, _("The task was saved."))
            return redirect(task.get_absolute_url())
    return form_response(request, "subcommittees/task_form.html", {"form": form, "object": task}, form)


@require_POST
@congress_view()
def task_progress(request: HttpRequest, congress: Congress, access: Access, pk: int) -> HttpResponse:
    task = get_task_for_user(access, congress, pk, request.user)
    if not can_update_task_progress(access, task, request.user):
        raise PermissionDenied(_("Only the assignee and the subcommittee leaders can update this task."))
    form = TaskProgressForm(request.POST, instance=task)
    if form.is_valid() and apply_service(
        form,
        lambda: task_update_progress(
            task=task,
            status=form.cleaned_data["status"],
            progress=form.cleaned_data["progress"],
            notes=form.cleaned_data["notes"],
        ),
    ):
        messages.success(request, _("Progress updated."))
        return redirect(task.get_absolute_url())
    task.refresh_from_db()
    return render(
        request,
        "subcommittees/task_detail.html",
        {"task": task, "can_edit": can_edit_task(access, task), "progress_form": form, "history": []},
        status=400,
    )


@congress_view()
def meeting_list(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    meetings = visible_meetings(congress=congress, access=access)
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "subcommittees/meeting_list.html", {"page": page})


@congress_view()
def meeting_detail(request: HttpRequest, congress: Congress, access: Access, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(access, congress, pk)
    can_edit = (
        access.can_manage_subcommittee(meeting.subcommittee_id) if meeting.subcommittee_id else access.is_secretariat
    )
    return render(
        request,
        "subcommittees/meeting_detail.html",
        {
            "meeting": meeting,
            "attachments": meeting.attachments.select_related("uploaded_by"),
            "can_edit": can_edit,
            "attachment_form": AttachmentForm(),
        },
    )


@congress_view()
def meeting_edit(request: HttpRequest, congress: Congress, access: Access, pk: int | None = None) -> HttpResponse:
    instance = get_meeting_for_user(access, congress, pk, write=True) if pk else None
    if instance is None and not (access.is_secretariat or access.managed_subcommittees):
        raise PermissionDenied(_("Only the secretariat and subcommittee leaders can record meetings."))
    form = MeetingForm(request.POST or None, instance=instance, congress=congress)
    if request.method == "POST" and form.is_valid():
        sub_id = form.instance.subcommittee_id
        if not (access.is_secretariat or (sub_id and access.can_manage_subcommittee(sub_id))):
            raise PermissionDenied(_("You can only record meetings of a subcommittee you lead."))
        if apply_service(form, lambda: meeting_save(meeting=form.instance, by=request.user)):
            messages.success(request, _("The meeting was saved."))
            return redirect(form.instance.get_absolute_url())
    return form_response(request, "subcommittees/meeting_form.html", {"form": form, "object": instance}, form)


@require_POST
@congress_view()
def attachment_upload(
    request: HttpRequest, congress: Congress, access: Access, kind: str | None = None, meeting: int | None = None
) -> HttpResponse:
    if meeting is not None:
        owner = get_meeting_for_user(access, congress, meeting, write=True)
        target = {"meeting": owner}
        back = owner.get_absolute_url()
    else:
        owner = get_subcommittee_for_user(access, congress, kind, write=True)
        target = {"subcommittee": owner}
        back = owner.get_absolute_url()
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid() and apply_service(
        form,
        lambda: attachment_add(
            congress=congress,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
            by=request.user,
            **target,
        ),
    ):
        messages.success(request, _("The file was uploaded."))
        return redirect(back)
    return form_response(
        request, "subcommittees/attachment_form.html", {"form": form, "back": back, "owner": owner}, form
    )


@congress_view()
def attachment_download(request: HttpRequest, congress: Congress, access: Access, pk: int) -> HttpResponse:
    attachment = get_attachment_for_user(access, congress, pk)
    audit_log_download(user=request.user, congress=congress, what="download", obj=attachment, request=request)
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)
    response["Content-Type"] = attachment.content_type
    return response


@require_POST
@congress_view()
def attachment_delete(request: HttpRequest, congress: Congress, access: Access, pk: int) -> HttpResponse:
    attachment = get_attachment_for_user(access, congress, pk, write=True)
    back = (
        attachment.meeting.get_absolute_url() if attachment.meeting_id else attachment.subcommittee.get_absolute_url()
    )
    attachment.delete()
    messages.success(request, _("The file was removed."))
    return redirect(back)
