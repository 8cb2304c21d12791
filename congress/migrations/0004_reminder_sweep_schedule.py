"""The periodic reminder sweep as a django-celery-beat schedule admins can see and change."""

from django.db import migrations
from django.utils import timezone

TASK_NAME = "Quét nhắc hạn (congress.reminders_sweep)"


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    every_minute, _ = IntervalSchedule.objects.get_or_create(every=1, period="minutes")
    PeriodicTask.objects.get_or_create(
        task="congress.reminders_sweep",
        defaults={
            "name": TASK_NAME,
            "interval": every_minute,
            "enabled": True,
            # A sweep waiting longer than this in the queue is dropped: the next one does its work.
            "expire_seconds": 50,
            "description": "Records the deadline reminders that fell due and queues their delivery. "
            "Safe to run at any time; see README, section reminders.",
        },
    )
    # Tell a running beat (DatabaseScheduler) that the schedule changed.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task="congress.reminders_sweep").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("congress", "0003_deadlines_reminders_notifications"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
