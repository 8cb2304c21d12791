"""URL configuration: accounts, admin, and everything scoped by /<congress-slug>/."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from congress import reminder_admin, reminder_urls, views  # noqa: F401 (reminder_admin registers admin pages)

congress_patterns = [
    path("", views.dashboard, name="dashboard"),
    path("settings/", views.congress_edit, name="congress_edit"),
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/new/", views.organization_edit, name="organization_create"),
    path("organizations/<int:pk>/", views.organization_edit, name="organization_edit"),
    path("milestones/", views.milestone_list, name="milestone_list"),
    path("milestones/new/", views.milestone_edit, name="milestone_create"),
    path("milestones/<int:pk>/", views.milestone_edit, name="milestone_edit"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone_done"),
    path("", include(reminder_urls.congress_patterns)),
    path("", include("subcommittees.urls")),
    path("", include("personnel.urls")),
    path("", include("documents.urls")),
    path("", include("congress.programme_urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/notifications/", include(reminder_urls.account_patterns)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("", include("congress.security_urls")),
    path("<slug:congress>/", include(congress_patterns)),
]
