"""URLs of the congress days, under /<congress>/programme/ (included from congress/urls.py)."""

from django.urls import path

from congress import programme_views as views

urlpatterns = [
    path("programme/", views.programme_page, name="programme"),
    path("programme/print/", views.programme_print, name="programme_print"),
    path("programme/items/new/", views.item_edit, name="agenda_item_create"),
    path("programme/items/<int:pk>/", views.item_edit, name="agenda_item_edit"),
    path("programme/items/<int:pk>/move/", views.item_move_view, name="agenda_item_move"),
    path("programme/items/<int:pk>/delete/", views.item_delete_view, name="agenda_item_delete"),
    path("programme/items/<int:pk>/start/", views.item_start_view, name="agenda_item_start"),
    path("programme/items/<int:pk>/end/", views.item_end_view, name="agenda_item_end"),
    path("programme/items/<int:pk>/times/", views.item_times, name="agenda_item_times"),
    path("programme/items/<int:pk>/speakers/", views.speaker_list, name="speaker_list"),
    path("programme/items/<int:pk>/speakers/add/", views.speaker_add_view, name="speaker_add"),
    path("programme/speakers/<int:pk>/", views.speaker_action, name="speaker_action"),
    path("programme/speakers/<int:pk>/contribution/", views.speaker_contribution, name="speaker_contribution"),
    path("programme/speakers/<int:pk>/comment/", views.speaker_to_comment, name="speaker_to_comment"),
    path("programme/running-order/", views.running_order, name="running_order"),
    path("programme/bodies/", views.body_list, name="body_list"),
    path("programme/bodies/<slug:kind>/members/", views.body_member_add_view, name="body_member_add"),
    path("programme/bodies/members/<int:pk>/remove/", views.body_member_remove_view, name="body_member_remove"),
    path("programme/votes/", views.vote_list, name="vote_list"),
    path("programme/votes/new/", views.vote_create_view, name="vote_create"),
    path("programme/votes/<int:pk>/", views.vote_detail, name="vote_detail"),
    path("programme/votes/<int:pk>/counts/", views.vote_record_view, name="vote_record"),
    path("programme/votes/<int:pk>/announce/", views.vote_publish_view, name="vote_publish"),
    path("programme/votes/<int:pk>/delete/", views.vote_delete_view, name="vote_delete"),
    path("programme/votes/<int:pk>/minutes/", views.vote_minutes, name="vote_minutes"),
    path("programme/hall/", views.hall_screen, name="hall_screen"),
    path("programme/hall/live/", views.hall_live, name="hall_live"),
    path("programme/control/", views.hall_control, name="hall_control"),
    path("programme/control/timer/", views.hall_timer, name="hall_timer"),
    path("programme/control/notice/", views.hall_notice, name="hall_notice"),
    path("programme/archive/", views.archive, name="programme_archive"),
]
