"""The hourly job that marks done the "close" deadlines of review rounds past their last day,
as a django-celery-beat schedule admins can see and change."""

from django.db import migrations
from django.utils import timezone

TASK = "documents.close_round_deadlines"


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    every_hour, _ = IntervalSchedule.objects.get_or_create(every=1, period="hours")
    PeriodicTask.objects.get_or_create(
        task=TASK,
        defaults={
            "name": "Kết thúc thời hạn góp ý của các đợt lấy ý kiến (documents.close_round_deadlines)",
            "interval": every_hour,
            "enabled": True,
            "expire_seconds": 3000,
            "description": "Marks done the 'close' deadline of each review round whose last day has passed, "
            "so that no overdue reminder goes out for it. Safe to run at any time.",
        },
    )
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_clearer_labels"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
