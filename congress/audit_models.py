"""Models of the audit trail and of session hardening: logged downloads and exports, tracked sessions.

Changes to domain objects are kept by django-simple-history (`history = HistoricalRecords()` on each
model); what a history table cannot see (somebody read or exported confidential data) is an AuditEvent.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["AuditAction", "AuditEvent", "UserSession"]


class AuditAction(models.TextChoices):
    DOWNLOAD = "download", _("Download of a file")
    EXPORT = "export", _("Export")
    PRINT = "print", _("Printed report")
    VIEW = "view", _("View of confidential data")


class AuditEvent(models.Model):
    """One read of confidential data: a file downloaded, a list exported, a report printed."""

    congress = models.ForeignKey("congress.Congress", on_delete=models.CASCADE, related_name="audit_events")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    # Kept as written at the time, so the record survives the account.
    username = models.CharField(_("username"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    detail = models.CharField(_("detail"), max_length=255, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    path = models.CharField(_("address"), max_length=500, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["congress", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.username} {self.get_action_display()} {self.object_repr}"


class UserSession(models.Model):
    """A signed-in session of a user, so that "log out everywhere" can end all of them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tracked_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signed-in session")
        verbose_name_plural = _("signed-in sessions")

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%d/%m/%Y %H:%M}"


def _logged_in(sender, request, user, **kwargs):
    from congress.security import on_user_logged_in

    on_user_logged_in(sender, request, user, **kwargs)


def _logged_out(sender, request, user, **kwargs):
    from congress.security import on_user_logged_out

    on_user_logged_out(sender, request, user, **kwargs)


# Authentication events have no other hook than these signals.
user_logged_in.connect(_logged_in, dispatch_uid="congress_security_logged_in")
user_logged_out.connect(_logged_out, dispatch_uid="congress_security_logged_out")
