from django.urls import path

from subcommittees import views

urlpatterns = [
    path("subcommittees/", views.subcommittee_list, name="subcommittee_list"),
    path("subcommittees/<str:kind>/", views.subcommittee_detail, name="subcommittee_detail"),
    path("subcommittees/<str:kind>/members/", views.membership_create, name="membership_create"),
    path("subcommittees/<str:kind>/members/<int:pk>/delete/", views.membership_delete, name="membership_delete"),
    path("subcommittees/<str:kind>/groups/new/", views.group_edit, name="group_create"),
    path("subcommittees/<str:kind>/groups/<int:pk>/", views.group_edit, name="group_edit"),
    path("subcommittees/<str:kind>/files/", views.attachment_upload, name="subcommittee_attachment_upload"),
    path("tasks/", views.task_list, name="task_list"),
    path("tasks/new/", views.task_create, name="task_create"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task_edit"),
    path("tasks/<int:pk>/progress/", views.task_progress, name="task_progress"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/new/", views.meeting_edit, name="meeting_create"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:meeting>/files/", views.attachment_upload, name="meeting_attachment_upload"),
    path("files/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("files/<int:pk>/delete/", views.attachment_delete, name="attachment_delete"),
]
