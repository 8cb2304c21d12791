"""URLs of the personnel app (included under /<congress>/)."""

import importlib
import importlib.util

from django.urls import path

from personnel import views

urlpatterns = [
    path("members/", views.member_list, name="member_list"),
    path("members/new/", views.member_edit, name="member_create"),
    path("members/<int:pk>/", views.member_edit, name="member_edit"),
    path("imports/", views.import_create, name="import_create"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("imports/template/<str:kind>.xlsx", views.import_template, name="import_template"),
    path("seats/", views.seat_allocation, name="seat_allocation"),
    path("seats/<int:pk>/", views.seat_adjust_view, name="seat_adjust"),
    path("delegates/", views.delegate_list, name="delegate_list"),
    path("delegates/new/", views.delegate_create, name="delegate_create"),
    path("delegates/ex-officio/", views.delegate_ex_officio, name="delegate_ex_officio"),
    path("delegates/badges.pdf", views.badges_view, name="badges"),
    path("delegates/<int:pk>/", views.delegate_detail, name="delegate_detail"),
    path("credentials/", views.credentials_queue_view, name="credentials_queue"),
    path("credentials/report/", views.credentials_report_view, name="credentials_report"),
    path("credentials/<int:pk>/", views.credential_decide_view, name="credential_decide"),
    path("sessions/", views.session_list, name="session_list"),
    path("sessions/new/", views.session_edit, name="session_create"),
    path("sessions/<int:pk>/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/checkin/", views.checkin_view, name="checkin"),
    path("sessions/<int:pk>/checkin/<int:delegate>/", views.checkin_tick, name="checkin_tick"),
    path("presence/", views.presence_view, name="presence"),
    path("presence/<int:pk>/", views.presence_view, name="presence_session"),
]

# The elections pages (issue 5) live in personnel/election_urls.py when they exist.
if importlib.util.find_spec("personnel.election_urls"):
    urlpatterns += importlib.import_module("personnel.election_urls").urlpatterns
