"""Django admin for subcommittees, working groups, tasks and meetings."""

from django.contrib import admin

from congress.admin import CongressScopedAdmin
from subcommittees.models import Attachment, Meeting, Membership, Subcommittee, Task, WorkingGroup


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class WorkingGroupInline(admin.TabularInline):
    model = WorkingGroup
    extra = 0
    fields = ["name", "kind", "leader"]
    autocomplete_fields = ["leader"]
    show_change_link = True


class TaskInline(admin.TabularInline):
    model = Task
    extra = 0
    fields = ["title", "assignee", "due_date", "status", "progress"]
    autocomplete_fields = ["assignee"]
    show_change_link = True


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "file", "original_name", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = ["original_name", "size", "uploaded_by", "uploaded_at"]


@admin.register(Subcommittee)
class SubcommitteeAdmin(CongressScopedAdmin):
    list_display = ["name", "kind", "congress"]
    list_filter = ["congress", "kind"]
    search_fields = ["name"]
    inlines = [MembershipInline, WorkingGroupInline]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(CongressScopedAdmin):
    congress_path = "subcommittee__congress"
    list_display = ["name", "kind", "subcommittee", "leader"]
    list_filter = ["kind", "subcommittee__congress", "subcommittee__kind"]
    search_fields = ["name"]
    list_select_related = ["subcommittee", "leader"]
    autocomplete_fields = ["leader"]
    filter_horizontal = ["members"]
    inlines = [TaskInline]


@admin.register(Membership)
class MembershipAdmin(CongressScopedAdmin):
    congress_path = "subcommittee__congress"
    list_display = ["user", "role", "subcommittee", "title"]
    list_filter = ["role", "subcommittee__kind", "subcommittee__congress"]
    search_fields = ["user__full_name", "user__name_folded", "user__username"]
    list_select_related = ["user", "subcommittee"]
    autocomplete_fields = ["user"]


@admin.register(Task)
class TaskAdmin(CongressScopedAdmin):
    list_display = ["title", "subcommittee", "group", "assignee", "due_date", "status", "progress"]
    list_filter = ["congress", "status", "subcommittee__kind"]
    search_fields = ["title", "search_text"]
    date_hierarchy = "due_date"
    list_select_related = ["subcommittee", "group", "assignee"]
    autocomplete_fields = ["assignee", "group", "subcommittee"]
    readonly_fields = ["created_by", "created_at", "updated_at", "completed_at"]


@admin.register(Meeting)
class MeetingAdmin(CongressScopedAdmin):
    list_display = ["title", "body", "subcommittee", "starts_at", "location"]
    list_filter = ["congress", "body"]
    search_fields = ["title", "agenda", "minutes"]
    date_hierarchy = "starts_at"
    list_select_related = ["subcommittee"]
    readonly_fields = ["created_by"]
    inlines = [AttachmentInline]


@admin.register(Attachment)
class AttachmentAdmin(CongressScopedAdmin):
    list_display = ["title", "original_name", "content_type", "size", "subcommittee", "meeting", "uploaded_at"]
    list_filter = ["congress", "content_type"]
    search_fields = ["title", "original_name"]
    readonly_fields = ["original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
