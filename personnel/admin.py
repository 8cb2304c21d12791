"""Django admin for the personnel models; staff see only the congresses they hold a role in."""

import importlib
import importlib.util

from django.contrib import admin

from congress.admin import CongressScopedAdmin
from congress.vietnamese import fold
from personnel.models import CheckIn, Delegate, ImportJob, Person, SeatAllocation, Session, Substitution


class FoldedSearchMixin:
    """Search the folded name column with a folded query, so "nguyen van dat" finds "Nguyễn Văn Đạt"."""

    folded_field = "name_folded"

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            folded = fold(search_term)
            queryset |= self.model.objects.filter(**{f"{self.folded_field}__contains": folded}).filter(
                pk__in=self.get_queryset(request).values("pk")
            )
        return queryset, may_have_duplicates


@admin.register(Person)
class PersonAdmin(FoldedSearchMixin, CongressScopedAdmin):
    list_display = ["full_name", "member_number", "birth_year", "gender", "organization", "status", "congress"]
    list_filter = ["congress", "status", "gender", "theory_level", "qualification", "is_executive_member"]
    search_fields = ["full_name", "member_number"]
    list_select_related = ["organization", "congress"]
    autocomplete_fields = ["organization"]
    readonly_fields = ["name_key", "name_folded", "created_at", "updated_at"]
    ordering = ["name_key"]
    list_per_page = 50


@admin.register(Delegate)
class DelegateAdmin(FoldedSearchMixin, CongressScopedAdmin):
    folded_field = "person__name_folded"
    list_display = ["number", "person", "kind", "is_alternate", "organization", "credential_status", "not_summoned"]
    list_filter = ["congress", "kind", "is_alternate", "credential_status", "not_summoned"]
    search_fields = ["person__full_name", "person__member_number"]
    list_select_related = ["person", "organization"]
    autocomplete_fields = ["person", "organization"]
    readonly_fields = ["credential_checked_by", "credential_checked_at", "created_at", "updated_at"]
    ordering = ["number"]


@admin.register(Substitution)
class SubstitutionAdmin(CongressScopedAdmin):
    list_display = ["alternate", "replaced", "reason", "recorded_at", "recorded_by"]
    list_filter = ["congress"]
    list_select_related = ["alternate__person", "replaced__person", "recorded_by"]
    autocomplete_fields = ["alternate", "replaced"]
    readonly_fields = ["recorded_at"]


@admin.register(SeatAllocation)
class SeatAllocationAdmin(CongressScopedAdmin):
    list_display = ["organization", "members", "computed_seats", "adjustment", "reason", "updated_at"]
    list_filter = ["congress"]
    list_select_related = ["organization"]
    search_fields = ["organization__name", "organization__code"]
    readonly_fields = ["updated_at", "updated_by"]


@admin.register(Session)
class SessionAdmin(CongressScopedAdmin):
    list_display = ["name", "kind", "date", "starts_at", "ends_at", "venue", "congress"]
    list_filter = ["congress", "kind"]
    search_fields = ["name"]


@admin.register(CheckIn)
class CheckInAdmin(CongressScopedAdmin):
    congress_path = "session__congress"
    list_display = ["delegate", "session", "method", "checked_in_at", "checked_in_by"]
    list_filter = ["session__congress", "session", "method"]
    list_select_related = ["delegate__person", "session", "checked_in_by"]
    autocomplete_fields = ["delegate"]
    readonly_fields = ["checked_in_at"]


@admin.register(ImportJob)
class ImportJobAdmin(CongressScopedAdmin):
    list_display = [
        "original_name",
        "kind",
        "status",
        "total_rows",
        "imported_rows",
        "seconds",
        "created_by",
        "created_at",
    ]
    list_filter = ["congress", "kind", "status"]
    readonly_fields = ["created_at", "finished_at", "errors", "seconds", "processed_rows"]


# The elections models (issue 5) register themselves in personnel/election_admin.py when it exists.
if importlib.util.find_spec("personnel.election_admin"):
    importlib.import_module("personnel.election_admin")
