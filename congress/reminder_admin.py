"""Admin pages of deadlines, reminders, policies and notifications (scoped like the core admin).

Imported by congress/urls.py so that it registers before the admin's URLs are built.
"""

from django.contrib import admin

from congress.admin import congresses_of
from congress.models import Deadline, Digest, Notification, NotificationSettings, Reminder, ReminderPolicy


class CongressScopedAdmin(admin.ModelAdmin):
    """Staff see the rows of the congresses they hold a role in."""

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        allowed = congresses_of(request.user)
        return qs if allowed is None else qs.filter(congress__in=allowed)


@admin.register(Deadline)
class DeadlineAdmin(CongressScopedAdmin):
    list_display = ["title", "kind", "due_date", "done", "assignee", "group", "subcommittee", "congress"]
    list_filter = ["congress", "kind", "done"]
    search_fields = ["title"]
    date_hierarchy = "due_date"
    list_select_related = ["assignee", "group", "subcommittee", "congress"]
    readonly_fields = ["source_type", "source_id", "source_key", "armed_at", "created_at", "updated_at"]
    raw_id_fields = ["assignee", "group", "subcommittee"]


@admin.register(ReminderPolicy)
class ReminderPolicyAdmin(CongressScopedAdmin):
    list_display = ["congress", "offsets", "offset_unit", "send_time", "escalate", "escalate_every_days"]


@admin.register(Reminder)
class ReminderAdmin(CongressScopedAdmin):
    list_display = ["deadline", "recipient", "kind", "offset_days", "due_at", "state", "attempts", "sent_at"]
    list_filter = ["congress", "state", "kind"]
    search_fields = ["deadline__title", "recipient__username", "recipient__full_name"]
    date_hierarchy = "due_at"
    list_select_related = ["deadline", "recipient"]
    raw_id_fields = ["deadline", "recipient", "digest"]
    readonly_fields = ["queued_at", "claimed_at", "attempts", "sent_at", "last_error", "owed_at", "created_at"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["recipient", "day", "state", "attempts", "sent_at"]
    list_filter = ["state"]
    raw_id_fields = ["recipient"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "user", "congress", "created_at", "read_at"]
    list_filter = ["congress"]
    search_fields = ["title", "user__username"]
    raw_id_fields = ["user", "reminder"]


@admin.register(NotificationSettings)
class NotificationSettingsAdmin(admin.ModelAdmin):
    list_display = ["user", "email_mode", "in_app", "digest_time"]
    list_filter = ["email_mode", "in_app"]
    raw_id_fields = ["user"]
