"""URLs of the documents app (included under /<congress>/)."""

from django.urls import path

from documents import views

urlpatterns = [
    path("drafts/", views.draft_list, name="draft_list"),
    path("drafts/new/", views.draft_edit, name="draft_create"),
    path("drafts/<int:pk>/", views.draft_detail, name="draft_detail"),
    path("drafts/<int:pk>/edit/", views.draft_edit, name="draft_edit"),
    path("drafts/<int:pk>/move/", views.draft_move_view, name="draft_move"),
    path("drafts/<int:pk>/versions/new/", views.version_create_view, name="version_create"),
    path("drafts/<int:pk>/diff/", views.diff_view, name="draft_diff"),
    path("drafts/<int:pk>/rounds/new/", views.round_edit, name="round_create"),
    path("reviews/", views.review_invitations, name="review_invitations"),
    path("versions/<int:pk>/", views.version_detail, name="version_detail"),
    path("versions/<int:pk>/edit/", views.version_edit, name="version_edit"),
    path("versions/<int:pk>/publish/", views.version_publish_view, name="version_publish"),
    path("versions/<int:pk>/export.<str:fmt>", views.version_export, name="version_export"),
    path("versions/<int:pk>/copies/", views.copy_list, name="copy_list"),
    path("copies/<int:pk>/download/", views.copy_download, name="copy_download"),
    path("rounds/<int:pk>/", views.round_read, name="round_read"),
    path("rounds/<int:pk>/edit/", views.round_edit_existing, name="round_edit"),
    path("rounds/<int:pk>/comments/", views.round_comments, name="round_comments"),
    path("rounds/<int:pk>/record/", views.comment_record, name="comment_record"),
    path("rounds/<int:pk>/dispositions/", views.disposition_list, name="disposition_list"),
    path("rounds/<int:pk>/dispositions/bulk/", views.disposition_bulk, name="disposition_bulk"),
    path("rounds/<int:pk>/handled/", views.round_handled, name="round_handled"),
    path("rounds/<int:pk>/register/", views.register_view, name="round_register"),
    path("rounds/<int:pk>/register/export/", views.register_export, name="register_export"),
    path("comments/<int:pk>/dispose/", views.comment_dispose_view, name="comment_dispose"),
    path("exports/<int:pk>/", views.export_status, name="export_status"),
    path("exports/<int:pk>/download/", views.export_download, name="export_download"),
]
