"""Access helpers for reminders and notifications: the only permission checks their views make."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from congress.models import Congress, Notification, Reminder
from congress.permissions import Access


def get_reminder_for_user(access: Access, congress: Congress, pk: int, *, write: bool = False) -> Reminder:
    """A recorded reminder of the congress: the secretariat reads it and acts on it, observers may
    read it, others do not see it."""
    if not (access.is_secretariat or access.is_observer):
        raise Http404(_("No such reminder."))
    try:
        reminder = Reminder.objects.select_related("deadline", "recipient").get(congress=congress, pk=pk)
    except Reminder.DoesNotExist:
        raise Http404(_("No such reminder.")) from None
    if write and not access.is_secretariat:
        raise PermissionDenied(_("Only the secretariat can do this."))
    return reminder


def get_notification_for_user(user, pk: int) -> Notification:
    """One's own notification; anybody else's is a 404."""
    try:
        return Notification.objects.get(user=user, pk=pk)
    except Notification.DoesNotExist:
        raise Http404(_("No such notification.")) from None
