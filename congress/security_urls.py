"""URLs of account security and of the audit trail (included once from congress/urls.py)."""

from django.urls import path

from congress import security_views as views

urlpatterns = [
    path("accounts/two-factor/", views.two_factor_setup, name="two_factor_setup"),
    path("accounts/two-factor/verify/", views.two_factor_verify, name="two_factor_verify"),
    path("accounts/two-factor/disable/", views.two_factor_disable, name="two_factor_disable"),
    path("accounts/logout-everywhere/", views.logout_everywhere, name="logout_everywhere"),
    path("<slug:congress>/audit/", views.audit_log, name="audit_log"),
    path("<slug:congress>/audit/restore/", views.audit_restore, name="audit_restore"),
]
