"""Celery tasks of the core app: thin wrappers that take ids and call a service.

Every task is safe to run twice: the services claim their row with a conditional UPDATE.
"""

from __future__ import annotations

from celery import shared_task

from congress.notifications import TransientDeliveryError, digest_deliver, reminder_deliver
from congress.reminders import reminders_sweep


@shared_task(name="congress.reminders_sweep", ignore_result=True)
def sweep_reminders() -> str:
    """The periodic sweep (Celery beat, every minute): record and queue the reminders due now."""
    return str(reminders_sweep())


@shared_task(name="congress.send_reminder", bind=True, ignore_result=True, max_retries=None)
def send_reminder(self, *, reminder_id: int) -> str:
    try:
        return reminder_deliver(reminder_id=reminder_id)
    except TransientDeliveryError as error:
        # The row is back to "scheduled" with its error noted; the attempts cap lives on the row.
        raise self.retry(countdown=error.delay, exc=error) from error


@shared_task(name="congress.send_digest", bind=True, ignore_result=True, max_retries=None)
def send_digest(self, *, digest_id: int) -> str:
    try:
        return digest_deliver(digest_id=digest_id)
    except TransientDeliveryError as error:
        raise self.retry(countdown=error.delay, exc=error) from error
