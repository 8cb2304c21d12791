"""Django admin for the personnel plan, the planning pool, nominations and elections.

Imported by personnel/admin.py. Counting data (ballots and their two entries) is read-only here:
ballots are entered on the counting screen, where double entry and the rules are enforced.
"""

from django.contrib import admin

from congress.admin import CongressScopedAdmin
from personnel.election_models import (
    Ballot,
    BallotEntry,
    Candidate,
    Election,
    NominationStep,
    PersonnelPlan,
    PoolEntry,
    Round,
    RoundCandidate,
    StructureTarget,
    TrainingAttendance,
    TrainingClass,
    Withdrawal,
)


class StructureTargetInline(admin.TabularInline):
    model = StructureTarget
    extra = 0
    fields = ["position", "body", "criterion", "age_below", "sector", "min_percent", "min_count"]


@admin.register(PersonnelPlan)
class PersonnelPlanAdmin(CongressScopedAdmin):
    list_display = ["congress", "executive_size", "standing_size", "reference_date", "updated_at"]
    inlines = [StructureTargetInline]


@admin.register(PoolEntry)
class PoolEntryAdmin(CongressScopedAdmin):
    list_display = ["person", "position", "term", "added_on", "congress"]
    list_filter = ["congress", "position", "term"]
    search_fields = ["person__full_name", "person__name_folded", "decision"]
    list_select_related = ["person", "congress"]
    autocomplete_fields = ["person"]
    date_hierarchy = "added_on"


class TrainingAttendanceInline(admin.TabularInline):
    model = TrainingAttendance
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(TrainingClass)
class TrainingClassAdmin(CongressScopedAdmin):
    list_display = ["name", "organizer", "starts_on", "ends_on", "congress"]
    list_filter = ["congress"]
    search_fields = ["name", "organizer"]
    inlines = [TrainingAttendanceInline]


class NominationStepInline(admin.TabularInline):
    model = NominationStep
    extra = 0
    fields = ["step", "held_on", "voters", "in_favour", "note"]


class WithdrawalInline(admin.StackedInline):
    model = Withdrawal
    extra = 0
    readonly_fields = ["requested_at", "decided_at", "decided_by"]


class CandidateInline(admin.TabularInline):
    model = Candidate
    extra = 0
    fields = ["person", "source", "nominated_by", "dossier_received_on", "withdrawn"]
    autocomplete_fields = ["person"]
    show_change_link = True


@admin.register(Election)
class ElectionAdmin(CongressScopedAdmin):
    list_display = ["title", "body", "seats", "surplus_percent", "list_locked_at", "endorsement_status", "congress"]
    list_filter = ["congress", "body", "endorsement_status"]
    search_fields = ["title"]
    filter_horizontal = ["counters"]
    readonly_fields = ["list_locked_at", "list_locked_by", "created_at"]
    inlines = [CandidateInline]


@admin.register(Candidate)
class CandidateAdmin(CongressScopedAdmin):
    congress_path = "election__congress"
    list_display = ["person", "election", "source", "dossier_received_on", "withdrawn"]
    list_filter = ["election__congress", "election__body", "source", "withdrawn"]
    search_fields = ["person__full_name", "person__name_folded", "nominated_by"]
    list_select_related = ["person", "election"]
    autocomplete_fields = ["person"]
    readonly_fields = ["added_at", "added_by"]
    inlines = [NominationStepInline, WithdrawalInline]


class RoundCandidateInline(admin.TabularInline):
    model = RoundCandidate
    extra = 0
    fields = ["number", "candidate", "votes", "outcome"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Round)
class RoundAdmin(CongressScopedAdmin):
    congress_path = "election__congress"
    list_display = ["election", "number", "kind", "seats", "status", "valid", "invalid", "threshold", "published_at"]
    list_filter = ["election__congress", "status", "kind"]
    list_select_related = ["election"]
    readonly_fields = ["valid", "invalid", "threshold", "unfilled", "counted_at", "counted_by", "status"]
    inlines = [RoundCandidateInline]


class BallotEntryInline(admin.TabularInline):
    model = BallotEntry
    extra = 0
    fields = ["slot", "struck", "written_in", "spoiled", "entered_by", "entered_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Ballot)
class BallotAdmin(CongressScopedAdmin):
    congress_path = "round__election__congress"
    list_display = ["number", "round", "status", "struck", "written_in", "spoiled", "resolved_by"]
    list_filter = ["round__election__congress", "status"]
    list_select_related = ["round", "round__election", "resolved_by"]
    readonly_fields = [
        "round",
        "number",
        "status",
        "struck",
        "written_in",
        "spoiled",
        "resolved_by",
        "resolved_at",
        "resolution_note",
    ]
    inlines = [BallotEntryInline]

    def has_add_permission(self, request):
        return False
