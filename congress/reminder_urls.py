"""URLs of reminders (under /<congress>/reminders/) and notifications (under /accounts/notifications/)."""

from django.urls import path

from congress import reminder_views as views

congress_patterns = [
    path("reminders/", views.reminder_upcoming, name="reminder_upcoming"),
    path("reminders/log/", views.reminder_log, name="reminder_log"),
    path("reminders/policy/", views.reminder_policy, name="reminder_policy"),
    path("reminders/send/", views.reminder_send, name="reminder_send"),
    path("reminders/skip/", views.reminder_skip_view, name="reminder_skip"),
]

account_patterns = [
    path("", views.notification_list, name="notification_list"),
    path("bell/", views.notification_bell, name="notification_bell"),
    path("settings/", views.notification_settings, name="notification_settings"),
    path("read-all/", views.notification_read_all, name="notification_read_all"),
    path("<int:pk>/read/", views.notification_read, name="notification_read"),
]
