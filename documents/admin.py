"""Django admin for drafts, versions, review rounds, comments, exports and circulated copies.

Published versions and their paragraphs are read-only here too: a published version never changes.
"""

from django.contrib import admin

from congress.admin import CongressScopedAdmin
from documents.models import (
    CirculationCopy,
    CirculationDownload,
    Comment,
    Draft,
    DraftStatusChange,
    DraftVersion,
    Paragraph,
    RegisterExport,
    ReviewRound,
)
from documents.services import round_deadlines_sync, round_delete


class DraftVersionInline(admin.TabularInline):
    model = DraftVersion
    extra = 0
    fields = ["number", "source", "source_name", "paragraph_count", "note", "published_at", "published_by"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class StatusChangeInline(admin.TabularInline):
    model = DraftStatusChange
    extra = 0
    fields = ["from_status", "to_status", "version", "moved_by", "moved_at", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ReviewRoundInline(admin.TabularInline):
    model = ReviewRound
    extra = 0
    fields = ["title", "version", "opens_on", "closes_on", "disposition_due_on", "handled_at"]
    readonly_fields = ["handled_at"]
    show_change_link = True


@admin.register(Draft)
class DraftAdmin(CongressScopedAdmin):
    list_display = ["title", "kind", "status", "subcommittee", "confidential", "congress"]
    list_filter = ["congress", "kind", "status", "confidential"]
    search_fields = ["title"]
    list_select_related = ["subcommittee", "congress"]
    autocomplete_fields = ["drafters"]
    readonly_fields = ["status", "created_by", "created_at", "updated_at"]
    inlines = [DraftVersionInline, ReviewRoundInline, StatusChangeInline]


class ParagraphInline(admin.TabularInline):
    model = Paragraph
    extra = 0
    fields = ["position", "label", "kind", "level", "text"]

    def has_change_permission(self, request, obj=None):
        return obj is None or not obj.is_published

    def has_add_permission(self, request, obj=None):
        return obj is None or not obj.is_published

    def has_delete_permission(self, request, obj=None):
        return obj is None or not obj.is_published


@admin.register(DraftVersion)
class DraftVersionAdmin(CongressScopedAdmin):
    congress_path = "draft__congress"
    list_display = ["draft", "number", "source", "paragraph_count", "published_at"]
    list_filter = ["draft__congress", "source"]
    search_fields = ["draft__title", "note"]
    list_select_related = ["draft"]
    readonly_fields = ["draft", "number", "paragraph_count", "created_by", "created_at", "published_at", "published_by"]
    inlines = [ParagraphInline]

    def has_add_permission(self, request):
        return False  # versions are made on the draft page: the text is parsed and numbered there

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_published:
            return [f.name for f in DraftVersion._meta.fields]
        return self.readonly_fields


class CommentInline(admin.TabularInline):
    model = Comment
    extra = 0
    fields = ["number", "paragraph", "author_name", "organization", "text", "disposition", "response"]
    readonly_fields = ["number", "paragraph"]
    raw_id_fields = ["organization"]
    show_change_link = True


@admin.register(ReviewRound)
class ReviewRoundAdmin(CongressScopedAdmin):
    congress_path = "draft__congress"
    list_display = ["title", "draft", "version", "opens_on", "closes_on", "disposition_due_on", "handled_at"]
    list_filter = ["draft__congress"]
    search_fields = ["title", "draft__title"]
    list_select_related = ["draft", "version"]
    autocomplete_fields = ["reviewers"]
    filter_horizontal = ["organizations"]
    readonly_fields = ["handled_at", "handled_by", "created_by", "created_at"]
    inlines = [CommentInline]

    def get_inlines(self, request, obj):
        # Thousands of comments do not fit an inline: past 200, use the comment list instead.
        if obj is not None and obj.comments.count() > 200:
            return []
        return self.inlines

    # The admin writes rounds directly: keep their deadlines (reminders) in step, as the services do.
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        round_deadlines_sync(review_round=form.instance)

    def delete_model(self, request, obj):
        round_delete(review_round=obj)

    def delete_queryset(self, request, queryset):
        for review_round in queryset:
            round_delete(review_round=review_round)


@admin.register(Comment)
class CommentAdmin(CongressScopedAdmin):
    congress_path = "round__draft__congress"
    list_display = ["number", "round", "paragraph", "author_name", "organization", "disposition", "created_at"]
    list_filter = ["round__draft__congress", "disposition", "source"]
    search_fields = ["text", "author_name", "response"]
    list_select_related = ["round", "paragraph", "organization"]
    raw_id_fields = ["round", "paragraph", "author", "organization", "recorded_by", "carried_to", "landed_in"]
    readonly_fields = ["revision", "disposed_by", "disposed_at"]


@admin.register(RegisterExport)
class RegisterExportAdmin(CongressScopedAdmin):
    congress_path = "round__draft__congress"
    list_display = ["round", "format", "status", "progress", "requested_by", "requested_at", "finished_at"]
    list_filter = ["status", "format"]
    readonly_fields = ["round", "format", "status", "progress", "file", "error", "requested_by", "finished_at"]


class DownloadInline(admin.TabularInline):
    model = CirculationDownload
    extra = 0
    fields = ["user", "downloaded_at", "ip_address"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CirculationCopy)
class CirculationCopyAdmin(CongressScopedAdmin):
    congress_path = "version__draft__congress"
    list_display = ["version", "number", "recipient_name", "organization", "issued_by", "issued_at"]
    search_fields = ["recipient_name", "version__draft__title"]
    list_select_related = ["version", "version__draft", "organization", "issued_by"]
    raw_id_fields = ["version", "recipient", "organization"]
    readonly_fields = ["issued_by", "issued_at"]
    inlines = [DownloadInline]
