"""Django admin of the congress days (programme, bodies, votes, speakers, hall screen); staff see only
the congresses they hold a role in. Imported at the end of congress/admin.py.

The admin writes around the services: the database constraints still hold (counts within the
delegates present, majority, one head per body...), the checks that need other rows do not.
"""

from django.contrib import admin

from congress.admin import CongressScopedAdmin
from congress.programme_models import (
    AgendaItem,
    BodyMember,
    CongressBody,
    HallScreen,
    HandVote,
    ProgrammeSettings,
    SpeakerRequest,
)


@admin.register(ProgrammeSettings)
class ProgrammeSettingsAdmin(CongressScopedAdmin):
    list_display = ["congress", "preparatory_max_minutes", "speaker_minutes"]


class HandVoteInline(admin.TabularInline):
    model = HandVote
    extra = 0
    fields = [
        "subject",
        "title",
        "base",
        "votes_for",
        "votes_against",
        "votes_abstain",
        "present",
        "passed",
        "published_at",
    ]
    readonly_fields = ["present", "passed", "published_at"]
    show_change_link = True


@admin.register(AgendaItem)
class AgendaItemAdmin(CongressScopedAdmin):
    congress_path = "session__congress"
    list_display = ["title", "session", "position", "kind", "planned_minutes", "actual_start", "actual_end"]
    list_filter = ["session__congress", "session", "kind"]
    search_fields = ["title", "presenter"]
    list_select_related = ["session"]
    raw_id_fields = ["session", "draft"]
    ordering = ["session__date", "session__starts_at", "position"]
    inlines = [HandVoteInline]


class BodyMemberInline(admin.TabularInline):
    model = BodyMember
    extra = 0
    raw_id_fields = ["delegate"]
    fields = ["position", "delegate", "role"]


@admin.register(CongressBody)
class CongressBodyAdmin(CongressScopedAdmin):
    list_display = ["kind", "congress"]
    list_filter = ["congress", "kind"]
    inlines = [BodyMemberInline]


@admin.register(HandVote)
class HandVoteAdmin(CongressScopedAdmin):
    congress_path = "item__session__congress"
    list_display = [
        "title",
        "subject",
        "item",
        "votes_for",
        "votes_against",
        "votes_abstain",
        "present",
        "passed",
        "published_at",
    ]
    list_filter = ["item__session__congress", "subject", "passed"]
    search_fields = ["title"]
    list_select_related = ["item"]
    raw_id_fields = ["item", "body", "recorded_by"]
    readonly_fields = ["created_at"]


@admin.register(SpeakerRequest)
class SpeakerRequestAdmin(CongressScopedAdmin):
    congress_path = "item__session__congress"
    list_display = ["delegate", "topic", "item", "position", "status", "seconds_used"]
    list_filter = ["item__session__congress", "status"]
    search_fields = ["topic", "delegate__person__full_name", "delegate__person__name_folded"]
    list_select_related = ["delegate__person", "item"]
    raw_id_fields = ["item", "delegate", "comment"]


@admin.register(HallScreen)
class HallScreenAdmin(admin.ModelAdmin):
    list_display = ["congress", "item", "notice", "show_results", "updated_at"]
    raw_id_fields = ["item", "timer_speaker"]
    readonly_fields = ["updated_at"]

    def get_queryset(self, request):
        from congress.admin import congresses_of

        qs = super().get_queryset(request)
        allowed = congresses_of(request.user)
        return qs if allowed is None else qs.filter(congress__in=allowed)
