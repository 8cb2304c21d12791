"""Delivering reminders: claim the row, render in the recipient's language, send, mark.

E-mail (one per reminder, or a daily digest) and in-app notifications (the bell). Each delivery
claims its row with a conditional UPDATE first, so two workers running the same task, or a task
run twice, deliver once. The claim is a lease: a worker killed mid-send leaves a claim the sweep
releases after REMINDER_CLAIM_LEASE_SECONDS.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from congress.deadlines import Recipients
from congress.models import (
    Deadline,
    DeliveryState,
    Digest,
    EmailMode,
    Notification,
    NotificationSettings,
    Reminder,
    ReminderKind,
)

logger = logging.getLogger(__name__)


class TransientDeliveryError(Exception):
    """Mail could not go out for now; the task retries after `delay` seconds."""

    def __init__(self, message: str, *, delay: int):
        super().__init__(message)
        self.delay = delay


def retry_delay(attempt: int) -> int:
    """Exponential backoff: base, 2·base, 4·base … capped (attempt 1 is the first failure)."""
    return min(settings.REMINDER_RETRY_BASE_SECONDS * 2 ** (attempt - 1), settings.REMINDER_RETRY_MAX_SECONDS)


def is_transient(error: BaseException) -> bool:
    """A 4xx answer or a network failure may pass; a 5xx answer (bad address) will not."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(error, smtplib.SMTPException):  # e.g. the server does not support what we asked
        return False
    return isinstance(error, OSError)  # connection refused or reset, timeouts, DNS


def preferences(user) -> NotificationSettings:
    try:
        return user.notification_settings
    except NotificationSettings.DoesNotExist:
        return NotificationSettings(user=user)


# --- rendering


@dataclass
class Message:
    subject: str
    text: str
    html: str
    title: str
    body: str
    url: str
    level: str


def absolute(path: str) -> str:
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def _deadline_link(deadline: Deadline) -> str:
    return deadline.url or reverse("dashboard", kwargs={"congress": deadline.congress.slug})


def reminder_context(reminder: Reminder, *, today: datetime.date) -> dict:
    deadline = reminder.deadline
    days = (deadline.due_date - today).days
    responsible = deadline.assignee or deadline.group or deadline.subcommittee
    return {
        "reminder": reminder,
        "deadline": deadline,
        "recipient": reminder.recipient,
        "congress": reminder.congress,
        "overdue": reminder.kind == ReminderKind.OVERDUE or days < 0,
        "days_left": max(days, 0),
        "days_late": max(-days, 0),
        "escalation": reminder.escalation,
        "responsible": responsible,
        "subcommittee": deadline.subcommittee,
        "link": absolute(_deadline_link(deadline)),
        "settings_link": absolute(reverse("notification_settings")),
    }


def render_reminder(reminder: Reminder, *, today: datetime.date | None = None) -> Message:
    """Subject, text and HTML of one reminder, in the recipient's language."""
    today = today or timezone.localdate()
    with translation.override(reminder.recipient.language or settings.LANGUAGE_CODE):
        context = reminder_context(reminder, today=today)
        subject = " ".join(render_to_string("emails/reminder_subject.txt", context).split())
        text = render_to_string("emails/reminder.txt", context)
        html = render_to_string("emails/reminder.html", context)
        body = " ".join(render_to_string("emails/reminder_summary.txt", context).split())
    level = "danger" if context["overdue"] else ("warning" if context["days_left"] <= 1 else "info")
    return Message(
        subject=subject,
        text=text,
        html=html,
        title=subject,
        body=body,
        url=_deadline_link(reminder.deadline),
        level=level,
    )


def render_digest(digest: Digest, reminders: list[Reminder], *, today: datetime.date | None = None) -> Message:
    today = today or timezone.localdate()
    with translation.override(digest.recipient.language or settings.LANGUAGE_CODE):
        items = [reminder_context(r, today=today) for r in reminders]
        context = {
            "recipient": digest.recipient,
            "day": digest.day,
            "items": items,
            "settings_link": absolute(reverse("notification_settings")),
            "notifications_link": absolute(reverse("notification_list")),
        }
        subject = " ".join(render_to_string("emails/digest_subject.txt", context).split())
        text = render_to_string("emails/digest.txt", context)
        html = render_to_string("emails/digest.html", context)
    return Message(subject=subject, text=text, html=html, title=subject, body="", url="", level="info")


def _send_mail(*, to: str, message: Message, message_id: str) -> None:
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(">") or "localhost"
    mail = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        # A stable Message-ID: if a mail is ever handed over twice, mail clients show it once.
        headers={"Message-ID": f"<{message_id}@{domain}>", "Auto-Submitted": "auto-generated"},
    )
    mail.attach_alternative(message.html, "text/html")
    mail.send(fail_silently=False)


# --- one reminder


def _finish(model, pk: int, token: int, **values) -> bool:
    """Write the outcome only if our claim still holds (no one released and re-claimed it)."""
    updated = model.objects.filter(pk=pk, state=DeliveryState.SENDING, attempts=token).update(**values)
    if not updated:
        logger.warning("%s %s: claim %s lost before finishing", model.__name__, pk, token)
    return bool(updated)


def _failure(model, pk: int, token: int, error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}"[:2000]
    if is_transient(error) and token < settings.REMINDER_MAX_ATTEMPTS:
        delay = retry_delay(token)
        _finish(
            model,
            pk,
            token,
            state=DeliveryState.SCHEDULED,
            claimed_at=None,
            queued_at=timezone.now() + datetime.timedelta(seconds=delay),
            last_error=text,
        )
        raise TransientDeliveryError(text, delay=delay)
    _finish(model, pk, token, state=DeliveryState.FAILED, claimed_at=None, last_error=text)
    logger.error("%s %s failed after %d attempt(s): %s", model.__name__, pk, token, text)
    return "failed"


def _still_owed(reminder: Reminder, now: datetime.datetime) -> tuple[str, str] | None:
    """Why the reminder must not go out any more: (state, note), or None."""
    deadline = reminder.deadline
    if deadline.done:
        return DeliveryState.SKIPPED, _("Not sent: the deadline was done.")
    if deadline.due_date != reminder.due_date:
        return DeliveryState.SKIPPED, _("Not sent: the deadline moved to %(date)s.") % {
            "date": deadline.due_date.strftime("%d/%m/%Y")
        }
    recipients = Recipients.load([deadline])
    people = set(recipients.responsible(deadline))
    if reminder.kind == ReminderKind.OVERDUE:
        people |= set(recipients.escalation(deadline))
    if reminder.recipient_id not in people:
        return DeliveryState.SKIPPED, _("Not sent: the recipient no longer answers for this deadline.")
    too_late = now - datetime.timedelta(hours=settings.REMINDER_MISSED_AFTER_HOURS)
    if not reminder.manual and reminder.owed_at < too_late:
        return DeliveryState.MISSED, _("Not sent: more than %(hours)d hours late.") % {
            "hours": settings.REMINDER_MISSED_AFTER_HOURS
        }
    return None


def reminder_deliver(*, reminder_id: int) -> str:
    """Claim, check, deliver and mark one reminder. Safe to run twice or concurrently.

    Returns the outcome; raises TransientDeliveryError when the task should retry."""
    now = timezone.now()
    claimed = Reminder.objects.filter(pk=reminder_id, state=DeliveryState.SCHEDULED).update(
        state=DeliveryState.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return "not-claimed"  # sent, skipped, gone, or another worker holds it
    reminder = Reminder.objects.select_related(
        "congress", "recipient", "recipient__notification_settings", "deadline__congress",
        "deadline__assignee", "deadline__group__leader", "deadline__subcommittee",
    ).get(pk=reminder_id)  # fmt: skip
    token = reminder.attempts
    stop = _still_owed(reminder, now)
    if stop:
        _finish(Reminder, reminder.pk, token, state=stop[0], note=stop[1], claimed_at=None)
        return stop[0]
    recipient = reminder.recipient
    prefs = preferences(recipient)
    email_mode, in_app = prefs.email_mode, prefs.in_app
    if not recipient.email and email_mode != EmailMode.OFF:
        email_mode, in_app = EmailMode.OFF, True  # nowhere to mail: the bell at least
    message = render_reminder(reminder)
    if in_app:
        Notification.objects.get_or_create(
            reminder=reminder,
            defaults={
                "user": recipient,
                "congress": reminder.congress,
                "title": message.title[:300],
                "body": message.body,
                "url": message.url,
                "level": message.level,
            },
        )
    if email_mode == EmailMode.SINGLE:
        try:
            _send_mail(to=recipient.email, message=message, message_id=f"reminder-{reminder.pk}")
        except Exception as error:  # classified: transient errors retry, the rest fail for good
            return _failure(Reminder, reminder.pk, token, error)
    _finish(
        Reminder,
        reminder.pk,
        token,
        state=DeliveryState.SENT,
        sent_at=timezone.now(),
        claimed_at=None,
        email_mode=email_mode,
        in_app=in_app,
        last_error="",
    )
    return DeliveryState.SENT


# --- the daily digest


def digest_deliver(*, digest_id: int) -> str:
    """Claim, render and send one person's daily digest; its reminders point to it once sent."""
    now = timezone.now()
    claimed = Digest.objects.filter(pk=digest_id, state=DeliveryState.SCHEDULED).update(
        state=DeliveryState.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return "not-claimed"
    digest = Digest.objects.select_related("recipient").get(pk=digest_id)
    token = digest.attempts
    reminders = list(
        Reminder.objects.filter(
            recipient=digest.recipient, state=DeliveryState.SENT, email_mode=EmailMode.DIGEST, digest__isnull=True
        )
        .select_related(
            "congress",
            "recipient",
            "deadline__congress",
            "deadline__assignee",
            "deadline__group",
            "deadline__subcommittee",
        )  # fmt: skip
        .order_by("deadline__due_date", "deadline__title", "id")
    )
    if not reminders or not digest.recipient.email:
        _finish(Digest, digest.pk, token, state=DeliveryState.SKIPPED, claimed_at=None)
        return DeliveryState.SKIPPED
    message = render_digest(digest, reminders)
    try:
        _send_mail(to=digest.recipient.email, message=message, message_id=f"digest-{digest.pk}")
    except Exception as error:
        return _failure(Digest, digest.pk, token, error)
    with transaction.atomic():
        if _finish(Digest, digest.pk, token, state=DeliveryState.SENT, sent_at=timezone.now(), claimed_at=None):
            Reminder.objects.filter(pk__in=[r.pk for r in reminders], digest__isnull=True).update(digest=digest)
    return DeliveryState.SENT


# --- in-app notifications: reads and writes for the bell and the notifications page


def notification_create(*, user, title: str, body: str = "", url: str = "", congress=None, level: str = "info"):
    """A notification for anything else than a reminder (other apps may call it)."""
    return Notification.objects.create(user=user, congress=congress, title=title[:300], body=body, url=url, level=level)


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    # By id: a user instance (a lazy one on every page) is checked against the relation's model first.
    return Notification.objects.filter(user_id=user.pk, read_at__isnull=True).count()


def notifications_for(user, *, unread_only: bool = False) -> QuerySet[Notification]:
    qs = Notification.objects.filter(user=user).select_related("congress")
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return qs


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def notification_settings_save(*, settings_row: NotificationSettings) -> NotificationSettings:
    from django.core.exceptions import ValidationError

    if settings_row.email_mode == EmailMode.OFF and not settings_row.in_app:
        raise ValidationError({"in_app": _("Keep at least one way to receive reminders: e-mail or the app.")})
    if settings_row.email_mode != EmailMode.OFF and not settings_row.user.email:
        raise ValidationError(
            {"email_mode": _("Your profile has no e-mail address; add one there first, or choose no e-mail.")}
        )
    settings_row.save()
    return settings_row
