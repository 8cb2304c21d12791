"""Django admin for the core models; staff see only the congresses they hold a role in."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from congress.models import Congress, CongressRole, Holiday, Milestone, PartyOrganization, User


def congresses_of(user):
    """Congress ids a staff user may administer (superusers: all)."""
    if user.is_superuser:
        return None
    return list(CongressRole.objects.filter(user=user).values_list("congress_id", flat=True))


class CongressScopedAdmin(SimpleHistoryAdmin):
    """Limit the changelist and lookups to the staff user's congresses."""

    congress_path = "congress"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        allowed = congresses_of(request.user)
        if allowed is None:
            return qs
        return qs.filter(**{f"{self.congress_path}__in": allowed})


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "email", "position", "is_staff", "is_active", "last_login"]
    search_fields = ["username", "full_name", "name_folded", "email"]
    ordering = ["name_key"]
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Congress work"), {"fields": ("full_name", "position", "phone", "language")}),
    )
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((None, {"fields": ("full_name", "email")}),)


class CongressRoleInline(admin.TabularInline):
    model = CongressRole
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["granted_at"]


@admin.register(Congress)
class CongressAdmin(CongressScopedAdmin):
    congress_path = "id"
    list_display = ["name", "slug", "level", "term_label", "opening_date", "closing_date", "cutoff_date", "status"]
    list_filter = ["level", "status"]
    search_fields = ["name", "slug", "organizing_committee"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [CongressRoleInline]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(PartyOrganization)
class PartyOrganizationAdmin(CongressScopedAdmin):
    list_display = ["name", "code", "kind", "parent", "member_count", "congress"]
    list_filter = ["congress", "kind"]
    search_fields = ["name", "name_folded", "code"]
    list_select_related = ["parent", "congress"]
    autocomplete_fields = ["parent"]


@admin.register(CongressRole)
class CongressRoleAdmin(CongressScopedAdmin):
    list_display = ["user", "role", "congress", "granted_at"]
    list_filter = ["congress", "role"]
    search_fields = ["user__username", "user__full_name", "user__name_folded"]
    list_select_related = ["user", "congress"]
    autocomplete_fields = ["user"]
    readonly_fields = ["granted_at"]


@admin.register(Milestone)
class MilestoneAdmin(CongressScopedAdmin):
    list_display = ["title", "kind", "due_date", "responsible", "done_at", "congress"]
    list_filter = ["congress", "kind"]
    search_fields = ["title"]
    date_hierarchy = "due_date"
    list_select_related = ["responsible", "congress"]


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"
    search_fields = ["name"]


from congress import programme_admin  # noqa: E402,F401 (registers the congress days)
